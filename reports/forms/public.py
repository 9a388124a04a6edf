"""Forms of the public pages: the steps of the public report form, its first step, status check.

The report form itself is ``reports.forms.intake.ReportForm`` (the same for
officials and the public); the public form shows it a step at a time.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import Agency, AgencyKind, Region
from reports.forms.shared import select_field
from reports.models import TRACKING_CODE_LENGTH, normalize_tracking_code


@dataclass(frozen=True)
class FormStep:
    """One step of the public report form: its title and the fields it asks.

    The public form is one ``<form>`` shown a step at a time (two phone
    screens at most per step instead of one 7,000-pixel page); the fields of the
    other steps travel along, hidden, so every step posts the whole report.
    """

    key: str
    title: str
    fields: tuple[str, ...]
    #: Whether the witness formset belongs to this step.
    witnesses: bool = False


#: The steps of the public form after the first (requirements and kab/kota, at ``/lapor/``).
PUBLIC_STEPS = (
    FormStep(
        "reporter",
        _("About you"),
        (
            "reporter_name",
            "reporter_nik",
            "reporter_birth_place",
            "reporter_birth_date",
            "reporter_married",
            "reporter_sex",
            "reporter_citizenship",
            "reporter_occupation",
            "reporter_address",
            "reporter_phone",
            "reporter_email",
            "reporter_withhold",
        ),
    ),
    FormStep(
        "reported",
        _("The reported ASN"),
        (
            "reported_name",
            "reported_nip",
            "reported_position",
            "reported_agency",
            "reported_agency_name",
            "reported_employment",
            "reported_address",
            "reported_phone",
        ),
    ),
    FormStep(
        "incident",
        _("What happened"),
        (
            "election",
            "incident_date",
            "incident_time",
            "known_date",
            "incident_place",
            "incident_kelurahan",
            "description",
        ),
    ),
    # The 19 categories of the SKB are a phone screen and a half on their own.
    FormStep("categories", _("Form of violation"), ("categories",)),
    FormStep(
        "evidence",
        _("Witnesses and evidence"),
        ("evidence_files", "evidence_links"),
        witnesses=True,
    ),
)
#: The title of the public form's first step, the ``/lapor/`` page.
PUBLIC_FIRST_STEP_TITLE = _("Requirements and place")


class PublicRegionForm(forms.Form):
    """Step one of the public form: the kab/kota where the incident happened."""

    kabkota = select_field(
        _("City or regency where it happened"),
        Region.objects.none(),
        empty_label=_("Choose the city or regency"),
        required_message=_("Choose the city or regency where it happened."),
        invalid_message=_("Choose one of the listed cities or regencies."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        served = Agency.objects.filter(is_active=True, kind=AgencyKind.BAWASLU_KABKOTA).values_list(
            "region_id", flat=True
        )
        self.fields["kabkota"].queryset = Region.objects.filter(code__in=served).order_by("name")
        self.fields["kabkota"].label_from_instance = lambda region: region.label


class StatusCheckForm(forms.Form):
    """``/cek-laporan/``: the tracking code only."""

    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        help_text=_("The 10 letters and digits you received, e.g. ABCD-EFGH-JK."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={
            "required": _("Enter your tracking code."),
            "max_length": _("A tracking code has 10 letters and digits, e.g. ABCD-EFGH-JK."),
        },
    )

    def clean_code(self):
        code = normalize_tracking_code(self.cleaned_data["code"])
        if len(code) != TRACKING_CODE_LENGTH:
            raise ValidationError(
                _("A tracking code has 10 letters and digits, e.g. ABCD-EFGH-JK."),
                code="invalid_tracking_code",
            )
        return code
