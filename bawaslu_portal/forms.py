from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.formfields import filter_choice
from bawaslu_portal.models import AgencyKind
from bawaslu_portal.tasks import password_reset_send


class PasswordResetRequestForm(PasswordResetForm):
    """The password-reset request: the page only enqueues a task (issue 11 §4).

    Django's form looks the address up, makes a token and sends the mail in
    the request, so an unknown address answered faster (3.7 ms against 8.8 ms)
    and told an attacker which addresses have accounts. Here the request does
    the same work for every address (validate, enqueue one task with the
    address) and :func:`bawaslu_portal.tasks.password_reset_send` does the rest
    in the tasks worker. With Django's default immediate backend the task runs
    inline (no timing guarantee); production runs the database backend.
    """

    def save(
        self,
        domain_override=None,
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.html",
        use_https=False,
        token_generator=default_token_generator,
        from_email=None,
        request=None,
        html_email_template_name=None,
        extra_email_context=None,
    ):
        if token_generator is not default_token_generator or extra_email_context:
            # Neither can cross into a task (not JSON); the portal uses neither.
            raise ImproperlyConfigured(
                "PasswordResetRequestForm sends with the default token generator and no "
                "extra e-mail context."
            )
        password_reset_send.enqueue(
            email=self.cleaned_data["email"],
            domain=domain_override or get_current_site(request).domain,
            use_https=use_https,
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            html_email_template_name=html_email_template_name,
            from_email=from_email,
        )


class LoginForm(AuthenticationForm):
    """The login form: username or email, with specific Indonesian errors."""

    username = forms.CharField(
        label=_("Username or email"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
        error_messages={"required": _("Enter your username or email address.")},
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )
    error_messages = {
        "invalid_login": _(
            "The username/email or password is wrong. Both are case-sensitive; "
            "after 5 wrong attempts the account is locked for an hour."
        ),
        "inactive": _("This account is inactive. Contact your administrator."),
    }


class AgencyFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name contains"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Search with at most 100 characters")},
    )
    kind = filter_choice(
        _("Kind"),
        AgencyKind.choices,
        all_label=_("All kinds"),
        invalid_message=_("Choose a kind of agency from the list"),
    )


def add_service_error(form, error: ValidationError) -> None:
    """Put a service ``ValidationError`` back on the form (on its field when it names one)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
