"""Forms of related reports: link another report to a case, unlink one.

Both carry the version of the case the official saw (hidden, as the
workflow forms do): a page made stale by another official's step or link
saves nothing. The service (``reports.services.related``) re-checks every
rule; the forms only collect and resolve the input.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.forms.workflow import FORM_DAMAGED, version_field
from reports.selectors.related import report_find_for_link, report_find_member


class _VersionedForm(forms.Form):
    version = version_field()

    def __init__(self, *args, report, user, **kwargs):
        kwargs.setdefault("initial", {"version": report.version})
        super().__init__(*args, **kwargs)
        self.report = report
        self.user = user


class ReportLinkForm(_VersionedForm):
    """The other report, by its tracking code or registration number."""

    other = forms.CharField(
        label=_("Tracking code or registration number of the other report"),
        help_text=_(
            "A report about the same incident and the same reported ASN, handled by this office. "
            "Linked reports are assessed together: one kajian and one pleno for all of them."
        ),
        max_length=80,
        error_messages={
            "required": _("Enter the tracking code or the registration number of the report.")
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_link_%s")
        super().__init__(*args, **kwargs)

    def clean_other(self):
        other = report_find_for_link(user=self.user, text=self.cleaned_data["other"])
        if other is None:
            raise forms.ValidationError(
                _("No report with this tracking code or registration number in your area."),
                code="not_found",
            )
        return other


class ReportUnlinkForm(_VersionedForm):
    """Which report of the group leaves it (hidden: one button per linked report)."""

    member = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": FORM_DAMAGED, "invalid": FORM_DAMAGED},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", False)
        super().__init__(*args, **kwargs)
        self.fields["member"].initial = None

    def clean_member(self):
        pk = self.cleaned_data["member"]
        if self.report.group_id is None:
            raise forms.ValidationError(
                _("This report is not linked to other reports."), code="not_linked"
            )
        # The member is looked up through the same scope as the case page.
        member = report_find_member(user=self.user, report=self.report, pk=pk)
        if member is None:
            raise forms.ValidationError(
                _("That report is not linked to this one."), code="not_linked"
            )
        return member
