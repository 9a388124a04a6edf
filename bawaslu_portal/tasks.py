"""Background tasks of the portal itself (Django's ``django.tasks``)."""

from django.contrib.auth.forms import PasswordResetForm
from django.tasks import task


@task
def password_reset_send(
    *,
    email: str,
    domain: str,
    use_https: bool,
    subject_template_name: str,
    email_template_name: str,
    html_email_template_name: str | None = None,
    from_email: str | None = None,
) -> None:
    """Look up the active accounts with ``email`` and send each its reset link.

    Run by the tasks worker, outside the request, so the reset page answers
    in the same time whether the address is known or not (the lookup, the
    token and the mail all happen here). An unknown address sends nothing.
    """
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    form.save(
        domain_override=domain,
        use_https=use_https,
        subject_template_name=subject_template_name,
        email_template_name=email_template_name,
        html_email_template_name=html_email_template_name,
        from_email=from_email,
    )
