"""Forms for the workflow: one form per transition row.

:class:`TransitionForm` is built from a row of ``reports.workflow.TRANSITIONS``:
it offers exactly the row's fields (required ones required, with specific
messages) plus a note, and carries the row key and the report version the
official saw. The service re-checks everything; the form only collects input.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import Agency, AgencyKind
from bawaslu_portal.scoping import user_jurisdiction
from reports.forms.shared import DATE_INPUT
from reports.models import ReportStage, Sanction, is_joint_move
from reports.permissions.workflow import allowed_transitions
from reports.services.workflow import FIELD_REQUIRED_MESSAGES
from reports.workflow import CHANGE_OFFICE, Transition

DATE_INVALID = _("Enter the date as day, month and year.")
FORM_DAMAGED = _("This form is incomplete. Go back to the report and start the step again.")


def version_field() -> forms.IntegerField:
    """The hidden version of the case the official saw: a page made stale saves nothing.

    Only a damaged or hand-made POST gets its errors."""
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": FORM_DAMAGED,
            "invalid": FORM_DAMAGED,
            "min_value": FORM_DAMAGED,
        },
    )


FIELD_LABELS = {
    "note": _("Note"),
    "reason": _("Reason"),
    "target_office": _("Bawaslu office"),
    "recommendation_number": _("Recommendation letter number"),
    "recommendation_date": _("Recommendation letter date"),
    "bkn_recommendation_number": _("Number of %(recipient)s's recommendation"),
    "bkn_recommendation_date": _("Date %(recipient)s's recommendation was received"),
    "ppk_agency": _("PPK's agency"),
    "ppk_sanction": _("Sanction imposed"),
    "ppk_decision_number": _("Number of the PPK's decision"),
    "ppk_decision_date": _("Date of the PPK's decision"),
    "block_request_number": _("Number of the letter asking BKN to block"),
    "block_request_date": _("Date of the letter asking BKN to block"),
    "blocked_on": _("Date BKN blocked the record"),
}
FIELD_HELP = {
    "reason": _("Shown in the case history and, in general terms, to the reporter."),
    "target_office": _("The office that will handle the case from now on."),
    "ppk_agency": _("The regional government whose head (the PPK) imposes the sanction."),
}


def target_office_queryset(*, user, report, transition: Transition):
    """Offices that may receive the case.

    Forwarding: every other Bawaslu Kab/Kota or Provinsi office covering the
    incident. Taking over: the user's own office (a nationwide admin picks any
    office above the handling one).
    """
    bawaslu = Agency.objects.filter(
        kind__in=[AgencyKind.BAWASLU_PROVINSI, AgencyKind.BAWASLU_KABKOTA], is_active=True
    ).select_related("region")
    if transition.target == ReportStage.DIAMBIL_ALIH:
        if not user_jurisdiction(user).nationwide:
            return bawaslu.filter(pk=user.agency_id)
        return bawaslu.filter(region_id__in=report.office.region.ancestor_codes())
    covering = [*report.region.ancestor_codes(), report.region_id]
    return bawaslu.filter(region_id__in=covering).exclude(pk=report.office_id)


def ppk_agency_queryset(*, report):
    """Regional governments covering the incident (the city and the province)."""
    covering = [*report.region.ancestor_codes(), report.region_id]
    return Agency.objects.filter(kind=AgencyKind.PEMDA, region_id__in=covering).select_related(
        "region"
    )


def default_ppk_agency(report):
    """The reported ASN's government: their agency if it is a Pemda, else that agency's parent."""
    agency = report.reported_agency
    if agency is None:
        return None
    if agency.kind == AgencyKind.PEMDA:
        return agency.pk
    return agency.parent_id


class TransitionForm(forms.Form):
    """The fields of one transition row, for one report and one user."""

    # Hidden: only a damaged or hand-made POST gets these errors.
    transition = forms.CharField(
        widget=forms.HiddenInput, error_messages={"required": FORM_DAMAGED}
    )
    version = version_field()

    def __init__(self, *args, transition: Transition, report, user, **kwargs):
        kwargs.setdefault("auto_id", f"id_{transition.key}_%s")
        kwargs.setdefault("initial", {"transition": transition.key, "version": report.version})
        super().__init__(*args, **kwargs)
        self.transition = transition
        self.report = report
        names = [name for name in transition.fields if name != "note"] + ["note"]
        for name in names:
            field = self._field(name, user=user)
            field.required = name in transition.required
            # The service's own messages, so the form and the service never disagree.
            field.error_messages["required"] = FIELD_REQUIRED_MESSAGES[name]()
            self.fields[name] = field
        if "ppk_agency" in self.fields and "ppk_agency" not in self.initial:
            self.initial["ppk_agency"] = default_ppk_agency(report)

    def _field(self, name: str, *, user) -> forms.Field:
        label = FIELD_LABELS[name]
        if name.startswith("bkn_"):
            # KASN for recommendations forwarded before 24 August 2024, BKN after.
            label = label % {"recipient": self.report.recipient_label}
        help_text = FIELD_HELP.get(name, "")
        if name in {"note", "reason"}:
            return forms.CharField(
                label=label,
                help_text=help_text,
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=4000,
            )
        if name.endswith(("_date", "_on")):
            return forms.DateField(
                label=label,
                widget=DATE_INPUT,
                error_messages={"invalid": DATE_INVALID},
            )
        if name == "target_office":
            return forms.ModelChoiceField(
                label=label,
                help_text=help_text,
                queryset=target_office_queryset(
                    user=user, report=self.report, transition=self.transition
                ),
                empty_label=_("Choose an office"),
                error_messages={"invalid_choice": _("Choose one of the offices listed.")},
            )
        if name == "ppk_agency":
            return forms.ModelChoiceField(
                label=label,
                help_text=help_text,
                queryset=ppk_agency_queryset(report=self.report),
                empty_label=_("Choose a government"),
                error_messages={"invalid_choice": _("Choose one of the governments listed.")},
            )
        if name == "ppk_sanction":
            return forms.ChoiceField(
                label=label,
                choices=Sanction.grouped_choices(),
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the sanctions listed.")},
            )
        return forms.CharField(label=label, help_text=help_text, max_length=100)

    def clean_transition(self):
        value = self.cleaned_data["transition"]
        if value != self.transition.key:
            raise forms.ValidationError(_("The form does not match this step."), code="mismatch")
        return value

    def service_fields(self) -> dict:
        """The cleaned row fields for ``report_transition`` (``note`` apart)."""
        return {
            name: self.cleaned_data.get(name) for name in self.transition.fields if name != "note"
        }

    @property
    def confirm_message(self) -> str:
        """Closing steps ask for confirmation (``form[data-confirm]`` in portal.js)."""
        if self.transition.closes:
            return str(_("This ends the case. Continue?"))
        return ""


@dataclass(frozen=True)
class TransitionAction:
    transition: Transition
    form: TransitionForm
    #: How many linked reports the step is recorded for too (a joint kajian or pleno).
    joint_with: int = 0


def transition_actions(*, user, report, linked: int = 0) -> list[TransitionAction]:
    """The transitions ``user`` may take on ``report`` now, each with an empty form.

    ``linked``: how many other reports are linked to ``report``. A linked report
    is not offered a change of office (``report_transition`` refuses it: the
    group would span two offices), and its joint steps say they apply to the
    linked reports too.
    """
    actions = []
    for transition in allowed_transitions(user, report):
        if report.group_id is not None and CHANGE_OFFICE in transition.effects:
            continue
        joint = linked if is_joint_move(transition.source, transition.target) else 0
        actions.append(
            TransitionAction(
                transition,
                TransitionForm(transition=transition, report=report, user=user),
                joint_with=joint if report.group_id is not None else 0,
            )
        )
    return actions
