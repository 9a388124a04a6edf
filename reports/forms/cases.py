"""Forms of the case pages: the list filters, more evidence, a comment.

Forms only collect and check input; the services (``reports.services.cases``)
write, and the list reads through ``reports.selectors.cases.report_list``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.formfields import filter_choice, textarea_field
from bawaslu_portal.models import Agency, AgencyKind, Region
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from reports.forms.intake import EvidenceCleaningMixin, evidence_files_field, evidence_links_field
from reports.forms.shared import date_field, select_field
from reports.models import Election, ReportStage, ViolationCategory
from reports.permissions.cases import can_comment_report
from reports.selectors.cases import (
    CASE_STEPS,
    DUE_LATE,
    DUE_SOON,
    DUE_TODAY,
    FOLLOW_THROUGH_STEPS,
    STEP_GROUP_CASE,
    STEP_GROUP_FOLLOW_THROUGH,
)

#: The years a received-period filter accepts (a hand-edited URL gets a message, not an overflow).
RECEIVED_YEARS = (2000, 2100)

DUE_CHOICES = [
    ("", _("Any deadline")),
    (DUE_LATE, _("Past the deadline")),
    (DUE_TODAY, _("Due today")),
    (DUE_SOON, _("Due in the next 2 days")),
]
STEP_CHOICES = [
    ("", _("Any step")),
    (STEP_GROUP_CASE, _("Any handling step (kajian awal, completion, handling)")),
    (STEP_GROUP_FOLLOW_THROUGH, _("Any follow-through step (KASN/BKN, PPK, blocking)")),
    *((step.value, step.label) for step in (*CASE_STEPS, *FOLLOW_THROUGH_STEPS)),
]


class ReportFilterForm(forms.Form):
    """The filters of ``/laporan/`` (GET)."""

    stage = filter_choice(
        _("Stage"),
        ReportStage.choices,
        all_label=_("All stages"),
        invalid_message=_("Choose one of the listed stages."),
    )
    election = select_field(
        _("Election"),
        Election.objects.all(),
        empty_label=_("All elections"),
        invalid_message=_("Choose one of the listed elections."),
    )
    category = select_field(
        _("Category"),
        ViolationCategory.objects.all(),
        empty_label=_("All categories"),
        invalid_message=_("Choose one of the listed categories."),
    )
    kecamatan = select_field(
        _("Kecamatan"),
        Region.objects.none(),
        empty_label=_("All kecamatan"),
        invalid_message=_("Choose one of the listed kecamatan."),
        to_field_name="code",
    )
    agency = select_field(
        _("Agency of the ASN"),
        Agency.objects.none(),
        empty_label=_("All agencies"),
        invalid_message=_("Choose one of the listed agencies."),
    )
    kabkota = select_field(
        _("Kab/kota"),
        Region.objects.none(),
        empty_label=_("All kab/kota"),
        invalid_message=_("Choose one of the listed kab/kota."),
        to_field_name="code",
    )
    due = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=DUE_CHOICES,
        error_messages={"invalid_choice": _("Choose one of the listed deadlines.")},
    )
    step = forms.ChoiceField(
        label=_("Step the deadline is for"),
        required=False,
        choices=STEP_CHOICES,
        error_messages={"invalid_choice": _("Choose one of the listed steps.")},
    )
    late = forms.BooleanField(label=_("Late only"), required=False)
    due_soon = forms.BooleanField(label=_("Due within 2 days"), required=False)
    awaiting_kajian_awal = forms.BooleanField(
        label=_("New public filings awaiting kajian awal"), required=False
    )
    received_from = date_field(
        _("Received from"), invalid_message=_("Enter the first day of receipt as a date.")
    )
    received_to = date_field(
        _("Received until"), invalid_message=_("Enter the last day of receipt as a date.")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].queryset = scope_to_jurisdiction(
            Region.objects.filter(depth=3), user
        ).order_by("name")
        self.fields["kecamatan"].label_from_instance = lambda region: region.name
        jurisdiction = user_jurisdiction(user)
        if jurisdiction.spans_cities:
            # A province (or the country) compares its kab/kota; a city has only itself.
            self.fields["kabkota"].queryset = scope_to_jurisdiction(
                Region.objects.filter(depth=2), user
            ).order_by("name")
            self.fields["kabkota"].label_from_instance = lambda region: region.name
            if jurisdiction.nationwide:
                self.fields["kabkota"].widget = forms.TextInput(attrs={"placeholder": "33.74"})
                self.fields["kabkota"].label = _("Kab/kota code")
                self.fields["kabkota"].error_messages["invalid_choice"] = _(
                    "Enter a kab/kota code, e.g. 33.74."
                )
        else:
            del self.fields["kabkota"]
        if jurisdiction.spans_cities:
            # Hundreds or thousands of kecamatan: a code field, not a select.
            self.fields["kecamatan"].widget = forms.TextInput(attrs={"placeholder": "33.74.01"})
            self.fields["kecamatan"].label = _("Kecamatan code")
            self.fields["kecamatan"].error_messages["invalid_choice"] = _(
                "Enter a kecamatan code in your jurisdiction, e.g. 33.74.01."
            )
        kinds = [kind for kind in AgencyKind.values if kind not in AgencyKind.bawaslu_kinds()]
        self.fields["agency"].queryset = scope_to_jurisdiction(
            Agency.objects.filter(kind__in=kinds), user
        ).order_by("name")

    def clean(self):
        cleaned = super().clean()
        for name in ("received_from", "received_to"):
            day = cleaned.get(name)
            if day and not RECEIVED_YEARS[0] <= day.year <= RECEIVED_YEARS[1]:
                self.add_error(
                    name,
                    ValidationError(
                        _("Enter a date between %(first)s and %(last)s.")
                        % {"first": RECEIVED_YEARS[0], "last": RECEIVED_YEARS[1]},
                        code="year_range",
                    ),
                )
        start, end = cleaned.get("received_from"), cleaned.get("received_to")
        if start and end and end < start:
            self.add_error(
                "received_to",
                ValidationError(
                    _("The last day of receipt cannot be before the first."), code="period_order"
                ),
            )
        return cleaned

    def filters(self) -> dict:
        """The valid filters as keyword arguments of ``reports.selectors.cases.report_list``.

        An invalid filter (a stale link, a hand-edited URL) is left out and
        shows its error; the valid ones still apply.
        """
        if not self.is_bound:
            return {}
        self.is_valid()  # cleaned_data then holds the valid fields only
        data = self.cleaned_data
        return {
            "stage": data.get("stage") or "",
            "election": data.get("election"),
            "category": data.get("category"),
            "kecamatan": data.get("kecamatan"),
            "agency": data.get("agency"),
            "late": bool(data.get("late")),
            "due_soon": bool(data.get("due_soon")),
            "due": data.get("due") or "",
            "step": data.get("step") or "",
            "kabkota": data.get("kabkota"),
            "awaiting_kajian_awal": bool(data.get("awaiting_kajian_awal")),
            "received_from": data.get("received_from"),
            "received_to": data.get("received_to"),
        }


class EvidenceAddForm(EvidenceCleaningMixin, forms.Form):
    """More evidence for a case already recorded (e.g. after "perlu dilengkapi")."""

    evidence_files = evidence_files_field()
    evidence_links = evidence_links_field()
    description = forms.CharField(
        label=_("What the evidence shows"),
        max_length=300,
        required=False,
        help_text=_("Applies to every file and link added now."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not cleaned.get("evidence_files")
            and not cleaned.get("evidence_links")
        ):
            raise ValidationError(
                _("Choose at least one file or enter at least one link."), code="no_evidence"
            )
        return cleaned


class ReportCommentForm(forms.Form):
    text = textarea_field(
        _("Comment"), rows=3, max_length=4000, required_message=_("Enter your comment.")
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_comment_%s")
        super().__init__(*args, **kwargs)


def comment_form_for(*, user, report) -> ReportCommentForm | None:
    """An empty comment form when ``user`` may comment on ``report``, else None."""
    return ReportCommentForm() if can_comment_report(user, report) else None
