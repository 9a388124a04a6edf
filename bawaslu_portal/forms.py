from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.formfields import filter_choice
from bawaslu_portal.models import AgencyKind


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
        invalid=_("Choose a kind of agency from the list"),
    )


def add_service_error(form, error: ValidationError) -> None:
    """Put a service ``ValidationError`` back on the form (on its field when it names one)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
