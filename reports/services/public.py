"""Writes of the public pages: the mail with the tracking code of a public filing.

The filing itself is ``reports.services.intake.report_intake_create`` with no user.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from reports.models import Report

logger = logging.getLogger(__name__)


def tracking_code_mail(*, report: Report, email: str) -> bool:
    """Mail the tracking code to the reporter; the mail holds no other personal data.

    A mail failure never undoes the report (the code is on screen too): it
    is logged without the address, and False is returned.
    """
    try:
        send_mail(
            subject=_("Your report to Bawaslu: tracking code %(code)s")
            % {"code": report.tracking_code_display},
            message=_(
                "Thank you for your report to %(office)s.\n\n"
                "Your tracking code is %(code)s. Keep it: with it you can check the status "
                "of your report at the portal's “Cek status laporan” page.\n\n"
                "Do not share this code with others."
            )
            % {"office": report.office.name, "code": report.tracking_code_display},
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[email],
        )
    except Exception:  # noqa: BLE001 - any mail failure; the report itself is saved
        logger.warning("tracking code mail failed: report=%s", report.pk)
        return False
    return True
