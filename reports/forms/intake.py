"""The report form (official and public intake), its witness blocks and evidence fields.

Forms only collect and check input; the report is created by
``reports.services.intake.report_intake_create``. Every error message is
specific (what to enter), so the error summary reads as instructions. The
evidence fields and their checks serve the case page's "add evidence" form too;
the field types come from ``reports.forms.shared``.
"""

import datetime

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from bawaslu_portal.models import Agency, AgencyKind, Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from bawaslu_portal.timefmt import zone_for
from bawaslu_portal.uploads import validate_upload
from reports.forms.public import FormStep
from reports.forms.shared import (
    TOO_LONG,
    CheckboxGroup,
    EmailAddressField,
    MultipleFileField,
    PhoneField,
    date_field,
    digits_field,
    radio_field,
    select_field,
    text_field,
    time_field,
)
from reports.models import (
    Citizenship,
    Election,
    EmploymentType,
    ReportSource,
    Sex,
    ViolationCategory,
    ViolationGroup,
)

#: The most evidence files one submission may carry.
MAX_EVIDENCE_FILES = 10
#: The most links one submission may carry.
MAX_EVIDENCE_LINKS = 10
#: The longest link accepted (the length of ``Evidence.url``).
MAX_LINK_LENGTH = 500
#: The most witnesses one report may name; the form starts with one block and adds them one
#: at a time ("Add a witness").
MAX_WITNESSES = 10
#: The longest account of what happened; a longer one goes in as an evidence document.
DESCRIPTION_MAX_LENGTH = 10_000
#: A laporan comes from a WNI with the right to vote, an election participant or a monitor
#: (UU 7/2017 ps. 454 ayat (3)); the right to vote starts at 17 (ps. 198 ayat (1)).
MIN_REPORTER_AGE = 17
#: Older than this, the date of birth is a typing mistake.
MAX_REPORTER_AGE = 120


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Completed years between ``birth_date`` and ``day``."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class KelurahanChoiceField(forms.ModelChoiceField):
    """A kelurahan select whose options read "Kelurahan X (Kecamatan Y)"."""

    def label_from_instance(self, obj):
        parent = obj.parent.name if obj.parent_id else ""
        return f"{obj.name} ({parent})" if parent else obj.name


def evidence_files_field() -> MultipleFileField:
    return MultipleFileField(
        label=_("Evidence files"),
        required=False,
        help_text=_(
            "Photos, screenshots, PDF or office documents; up to %(count)s files of 10 MB each."
        )
        % {"count": MAX_EVIDENCE_FILES},
    )


def evidence_links_field() -> forms.CharField:
    return forms.CharField(
        label=_("Evidence links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One link per line, e.g. the social media post."),
    )


class EvidenceCleaningMixin:
    """Checks of the evidence fields: each file by its real content and size, links as URLs."""

    def clean_evidence_files(self):
        files = self.cleaned_data.get("evidence_files") or []
        if len(files) > MAX_EVIDENCE_FILES:
            raise ValidationError(
                _("Attach at most %(count)s files.") % {"count": MAX_EVIDENCE_FILES},
                code="too_many_files",
            )
        errors = []
        for upload in files:
            try:
                validate_upload(upload)
            except ValidationError as error:
                name = upload.name.replace("\\", "/").rsplit("/", 1)[-1]
                errors.extend(
                    ValidationError(f"{name}: {message}", code=error.code)
                    for message in error.messages
                )
        if errors:
            raise ValidationError(errors)
        return files

    def clean_evidence_links(self):
        lines = [
            line.strip()
            for line in (self.cleaned_data.get("evidence_links") or "").splitlines()
            if line.strip()
        ]
        if len(lines) > MAX_EVIDENCE_LINKS:
            raise ValidationError(
                _("Give at most %(count)s links.") % {"count": MAX_EVIDENCE_LINKS},
                code="too_many_links",
            )
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            if len(line) > MAX_LINK_LENGTH:
                raise ValidationError(
                    _("Enter each link in at most %(limit)s characters.")
                    % {"limit": MAX_LINK_LENGTH},
                    code="link_too_long",
                )
            try:
                validate(line)
            except ValidationError as error:
                raise ValidationError(
                    _("Enter each link as a full web address starting with https://."),
                    code="invalid_link",
                ) from error
        return lines


class ReportForm(EvidenceCleaningMixin, forms.Form):
    """The report form (Formulir Model B.1, Perbawaslu 7/2022), for officials and the public.

    ``user``: the official recording it (their jurisdiction limits the
    kelurahan and agency choices); ``kabkota``: for the public form, the kab/kota
    of the incident (the kelurahan select lists its kelurahan). Officials
    whose jurisdiction is a whole province or the country type a kelurahan
    code instead of choosing from thousands.

    Every field error is one specific message: a field that fails its own
    check (too long, wrong shape) gets no second message from ``clean``.
    Dates are checked against the day of filing in the office's zone: on the
    official form the date and time the laporan was received (default now),
    on the public form the moment it is sent.
    """

    source = radio_field(
        _("Source"),
        [
            (ReportSource.LAPORAN, ReportSource.LAPORAN.label),
            (ReportSource.TEMUAN, ReportSource.TEMUAN.label),
            (ReportSource.INFORMASI_AWAL, ReportSource.INFORMASI_AWAL.label),
        ],
        message=_("Choose whether this is a laporan, a temuan or informasi awal."),
        initial=ReportSource.LAPORAN,
    )
    election = select_field(
        _("Election"),
        Election.objects.none(),
        empty_label=_("Choose the election"),
        required_message=_("Choose the election the incident concerns."),
        invalid_message=_("Choose one of the listed elections."),
    )
    # When the office received it ("dilaporkan ... hari dan tanggal ... pukul"); official form only.
    received_date = date_field(
        _("Date received"),
        invalid_message=_("Enter the date the report was received as a date, e.g. 17/08/2024."),
    )
    received_time = time_field(
        _("Time received"),
        invalid_message=_(
            "Enter the time the report was received as hours and minutes, e.g. 14:30."
        ),
    )

    # Reporter.
    reporter_name = text_field(
        _("Reporter's full name"),
        max_length=150,
        required_message=_("Enter the reporter's full name."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    reporter_nik = digits_field(
        _("NIK (identity number)"),
        digits=16,
        help_text=_("Optional: the 16-digit number on the KTP."),
        invalid_message=_("Enter the NIK as exactly 16 digits, without spaces."),
    )
    reporter_birth_place = text_field(_("Place of birth"), max_length=100)
    reporter_birth_date = date_field(
        _("Date of birth"),
        invalid_message=_("Enter the date of birth as a date, e.g. 17/08/1980."),
    )
    # Not stored: it only lets a married voter under 17 file (UU 7/2017 ps. 198 ayat (1)).
    reporter_married = forms.BooleanField(
        label=_("Under 17 but married or once married"),
        help_text=_(
            "A citizen under 17 who is or was married has the right to vote "
            "(UU 7/2017 ps. 198 ayat (1)) and may file a laporan."
        ),
        required=False,
    )
    reporter_sex = radio_field(
        _("Sex"), Sex.choices, message=_("Choose male or female."), required=False
    )
    reporter_citizenship = radio_field(
        _("Citizenship"),
        Citizenship.choices,
        message=_("Choose Indonesian (WNI) or foreign (WNA)."),
        required=False,
    )
    reporter_occupation = text_field(_("Occupation"), max_length=100)
    reporter_address = text_field(
        _("Address"),
        max_length=500,
        required_message=_("Enter the reporter's address."),
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "street-address"}),
    )
    reporter_phone = PhoneField(
        label=_("Phone or WhatsApp number"),
        required=False,
        help_text=_("For example 0812-3456-7890. Give a phone number, an email address or both."),
    )
    reporter_email = EmailAddressField(
        label=_("Email"),
        required=False,
        error_messages={
            "invalid": _("Enter an email address like nama@contoh.id."),
            "max_length": TOO_LONG,
        },
    )
    reporter_withhold = forms.BooleanField(
        label=_("Withhold my identity from the reported party"), required=False
    )

    # Reported ASN.
    reported_name = text_field(
        _("Name of the reported ASN"),
        max_length=150,
        required=True,
        required_message=_("Enter the name of the reported ASN."),
    )
    reported_nip = digits_field(
        _("NIP"),
        digits=18,
        help_text=_("The 18-digit civil servant number, if known."),
        invalid_message=_("Enter the NIP as exactly 18 digits, without spaces."),
    )
    reported_position = text_field(_("Position of the reported ASN"), max_length=200)
    reported_agency = select_field(
        _("Agency or OPD of the reported ASN"),
        Agency.objects.none(),
        empty_label=_("Choose the agency"),
        invalid_message=_("Choose one of the listed agencies."),
    )
    reported_agency_name = text_field(
        _("Agency not in the list"),
        max_length=200,
        help_text=_("Type the agency's name when it is not in the list above."),
    )
    reported_employment = radio_field(
        _("Employment type"), EmploymentType.choices, message=_("Choose PNS, PPPK or other.")
    )
    reported_address = text_field(
        _("Address of the reported ASN"),
        max_length=300,
        help_text=_("Home or office address, if known."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reported_phone = PhoneField(
        label=_("Phone number of the reported ASN"),
        required=False,
        help_text=_("If known."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )

    # Incident.
    incident_date = date_field(
        _("Date of the incident"),
        required_message=_("Enter the date of the incident."),
        invalid_message=_("Enter the date of the incident as a date, e.g. 17/08/2024."),
    )
    incident_time = time_field(
        _("Time of the incident"),
        invalid_message=_("Enter the time of the incident as hours and minutes, e.g. 14:30."),
        help_text=_("Hours and minutes, if known."),
    )
    known_date = date_field(
        _("Date it became known"),
        required_message=_("Enter the date the incident became known."),
        invalid_message=_("Enter the date it became known as a date, e.g. 17/08/2024."),
        help_text=_("The filing deadline counts from this day."),
    )
    incident_place = text_field(
        _("Place of the incident"),
        max_length=300,
        required=True,
        required_message=_("Enter where the incident happened."),
        help_text=_("Street, building or online (e.g. the social media account)."),
    )
    incident_kelurahan = select_field(
        _("Kelurahan or desa of the incident"),
        Region.objects.none(),
        empty_label=_("Choose the kelurahan"),
        required_message=_("Choose the kelurahan or desa where the incident happened."),
        invalid_message=_("Choose one of the listed kelurahan."),
        field_class=KelurahanChoiceField,
    )
    incident_kelurahan_code = forms.RegexField(
        label=_("Kelurahan or desa code of the incident"),
        regex=r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$",
        required=False,
        help_text=_("The Kemendagri code, e.g. 33.74.01.1001."),
        error_messages={
            "required": _("Enter the code of the kelurahan or desa of the incident."),
            "invalid": _("Enter a kelurahan code like 33.74.01.1001."),
        },
    )
    description = forms.CharField(
        label=_("What happened"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Who did what, when and where; how you know. At most %(limit)s characters: "
            "attach a longer account as a document."
        )
        % {"limit": DESCRIPTION_MAX_LENGTH},
        error_messages={
            "required": _("Describe what happened."),
            "max_length": _(
                "Describe what happened in at most %(limit_value)s characters (you entered "
                "%(show_value)s); attach a longer account as a document."
            ),
        },
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Violation categories"),
        queryset=ViolationCategory.objects.none(),
        widget=CheckboxGroup,
        error_messages={
            "required": _("Choose at least one violation category."),
            "invalid_choice": _("Choose only the listed categories."),
            "invalid_pk_value": _("Choose only the listed categories."),
        },
    )

    # Evidence.
    evidence_files = evidence_files_field()
    evidence_links = evidence_links_field()

    def __init__(self, *args, user=None, kabkota: Region | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.kabkota = kabkota
        self.public = user is None
        self.fields["election"].queryset = Election.objects.filter(is_active=True).order_by(
            "-voting_day"
        )
        # Ethics ("etik") before discipline ("disiplin"), as the SKB lists them, so the
        # first checkbox (the error summary's link target) is the first one shown.
        self.fields["categories"].queryset = ViolationCategory.objects.filter(
            is_active=True
        ).order_by("-group", "order", "code")
        self.fields["reported_agency"].queryset = self._agency_queryset()
        self.uses_kelurahan_code = False
        self.zone_label, self.zone = self._office_zone()
        #: The moment of receipt the official entered (set by ``clean``); None means now.
        self.received = None
        if self.public:
            for name in ("source", "received_date", "received_time", "incident_kelurahan_code"):
                del self.fields[name]
            for name in ("reporter_name", "reporter_address"):
                self.fields[name].required = True
            self._set_kelurahan_choices(kabkota.code)
        else:
            jurisdiction = user_jurisdiction(user)
            if jurisdiction.spans_cities:
                # A province has thousands of kelurahan: a code field, not a select.
                self.uses_kelurahan_code = True
                del self.fields["incident_kelurahan"]
                self.fields["incident_kelurahan_code"].required = True
            else:
                self._set_kelurahan_choices(jurisdiction.region.code)
                del self.fields["incident_kelurahan_code"]
            self._set_received_defaults()
        for field in self.fields.values():
            # No maxlength attribute: a browser cuts a pasted text off silently at the limit,
            # whereas the server's message says how long it was.
            field.widget.attrs.pop("maxlength", None)

    def _office_zone(self):
        """The zone label and zone of the office receiving the report (WIB when unknown)."""
        if self.public:
            return zone_for(self.kabkota)
        agency = getattr(self.user, "agency", None)
        return zone_for(agency.region if agency is not None and agency.region_id else None)

    def _set_received_defaults(self) -> None:
        """The official form starts with now, in the office's zone; the label names the zone."""
        now = timezone.localtime(timezone.now(), self.zone)
        self.fields["received_date"].initial = now.date()
        self.fields["received_time"].initial = now.time().replace(second=0, microsecond=0)
        self.fields["received_time"].label = _("Time received (%(zone)s)") % {
            "zone": self.zone_label
        }
        self.fields["received_date"].help_text = _(
            "When the laporan was handed in (for a temuan: when it was recorded). "
            "Filled in with now; change it for a report received earlier."
        )

    def _agency_queryset(self):
        kinds = [kind for kind in AgencyKind.values if kind not in AgencyKind.bawaslu_kinds()]
        queryset = Agency.objects.filter(is_active=True, kind__in=kinds)
        if self.public:
            queryset = queryset.filter(subtree_q("region", self.kabkota.code))
        else:
            queryset = scope_to_jurisdiction(queryset, self.user)
        return queryset.order_by("name")

    def _set_kelurahan_choices(self, code: str) -> None:
        """The kelurahan under ``code``, grouped by kecamatan (one query, at most a few hundred).

        The queryset validates the submitted code; the grouped choices only
        shape the select (an optgroup per kecamatan, easier to scan on a phone).
        """
        field = self.fields["incident_kelurahan"]
        field.queryset = (
            Region.objects.kelurahan()
            .filter(code__startswith=f"{code}.")
            .select_related("parent")
            .order_by("parent__name", "name")
        )
        groups: dict[str, list] = {}
        for region in field.queryset:
            groups.setdefault(region.parent.label, []).append((region.code, region.name))
        field.choices = [("", field.empty_label), *groups.items()]

    def category_groups(self) -> list[tuple[str, list]]:
        """The category checkboxes grouped etik / disiplin, for a fieldset per group."""
        groups = {value: [] for value in ViolationGroup.values}
        group_of = {
            str(pk): group
            for pk, group in self.fields["categories"].queryset.values_list("pk", "group")
        }
        for checkbox in self["categories"]:
            groups[group_of[str(checkbox.data["value"])]].append(checkbox)
        return [(ViolationGroup(value).label, boxes) for value, boxes in groups.items() if boxes]

    def clean_incident_kelurahan_code(self):
        code = self.cleaned_data.get("incident_kelurahan_code")
        if not code:
            return None
        region = Region.objects.filter(code=code).first()
        if region is None or region.depth != 4:
            raise ValidationError(
                _("There is no kelurahan or desa with this code."), code="unknown_kelurahan"
            )
        if not user_jurisdiction(self.user).contains(code):
            raise ValidationError(
                _("This kelurahan lies outside your jurisdiction."), code="outside_jurisdiction"
            )
        return region

    def _error(self, field: str, message, code: str) -> None:
        """Add ``message`` to ``field`` unless the field already has its own error."""
        if field in self.fields and field not in self.errors:
            self.add_error(field, ValidationError(message, code=code))

    def clean(self):
        cleaned = super().clean()
        self.received = self._clean_received(cleaned)
        filed = timezone.localtime(self.received or timezone.now(), self.zone)
        today = filed.date()
        incident, known = cleaned.get("incident_date"), cleaned.get("known_date")
        if incident and incident > today:
            self._error(
                "incident_date", _("The date of the incident cannot be in the future."), "future"
            )
        elif incident and cleaned.get("incident_time"):
            moment = datetime.datetime.combine(incident, cleaned["incident_time"], self.zone)
            if moment > filed:
                self._error(
                    "incident_time",
                    _("The time of the incident cannot be in the future."),
                    "future",
                )
        if known and known > today:
            self._error(
                "known_date", _("The date it became known cannot be in the future."), "future"
            )
        elif incident and known and known < incident:
            self._error(
                "known_date",
                _("The date it became known cannot be before the date of the incident."),
                "known_before_incident",
            )
        if (
            not cleaned.get("reported_agency")
            and not cleaned.get("reported_agency_name")
            and "reported_agency" not in self.errors
        ):
            self._error(
                "reported_agency_name",
                _("Choose the agency of the reported ASN or type its name."),
                "agency_required",
            )
        if cleaned.get("source", ReportSource.LAPORAN) == ReportSource.LAPORAN:
            self._clean_reporter(cleaned, today)
        if self.uses_kelurahan_code:
            cleaned["incident_kelurahan"] = cleaned.get("incident_kelurahan_code")
        return cleaned

    def _clean_reporter(self, cleaned: dict, today: datetime.date) -> None:
        """A laporan's reporter: name, address, a way to reach them, a plausible age."""
        for name, message in (
            ("reporter_name", _("Enter the reporter's full name (a laporan needs a reporter).")),
            ("reporter_address", _("Enter the reporter's address (a laporan needs a reporter).")),
        ):
            if not cleaned.get(name):
                self._error(name, message, "reporter_required")
        if (
            not cleaned.get("reporter_phone")
            and not cleaned.get("reporter_email")
            and "reporter_email" not in self.errors
        ):
            self._error(
                "reporter_phone",
                _(
                    "Enter a phone number or an email address, so that Bawaslu can reach the "
                    "reporter."
                ),
                "contact_required",
            )
        birth_date = cleaned.get("reporter_birth_date")
        if birth_date is None:
            return
        if birth_date > today:
            self._error(
                "reporter_birth_date", _("The date of birth cannot be in the future."), "future"
            )
        elif age_on(birth_date, today) < MIN_REPORTER_AGE and not cleaned.get("reporter_married"):
            self._error(
                "reporter_birth_date",
                _(
                    "The reporter must be at least %(age)s years old, or married or once married: "
                    "a laporan comes from a voter, an election participant or a monitor "
                    "(UU 7/2017 ps. 454 ayat (3), ps. 198 ayat (1))."
                )
                % {"age": MIN_REPORTER_AGE},
                "too_young",
            )
        elif age_on(birth_date, today) > MAX_REPORTER_AGE:
            self._error(
                "reporter_birth_date",
                _("Check the date of birth: the reporter cannot be older than %(age)s years.")
                % {"age": MAX_REPORTER_AGE},
                "too_old",
            )

    def _clean_received(self, cleaned: dict) -> datetime.datetime | None:
        """The moment the office received the report (official form), or None for now.

        Both parts empty mean now; one part alone is an error. Not in the
        future, and not before the day the incident became known.
        """
        if self.public:
            return None
        day, time = cleaned.get("received_date"), cleaned.get("received_time")
        if "received_date" in self.errors or "received_time" in self.errors:
            return None
        if day is None and time is None:
            return None
        if day is None:
            self._error("received_date", _("Enter the date the report was received."), "required")
            return None
        if time is None:
            self._error(
                "received_time",
                _("Enter the time the report was received, e.g. 14:30."),
                "required",
            )
            return None
        moment = datetime.datetime.combine(day, time, self.zone)
        now = timezone.now()
        today = timezone.localtime(now, self.zone).date()
        if day > today:
            self._error("received_date", _("The date received cannot be in the future."), "future")
            return None
        if moment > now:
            self._error("received_time", _("The time received cannot be in the future."), "future")
            return None
        known = cleaned.get("known_date")
        # A known date in the future is that field's own error, not this one's.
        if known and known <= today and day < known:
            self._error(
                "received_date",
                _("The date received cannot be before the date it became known."),
                "received_before_known",
            )
            return None
        return moment

    def reporter_data(self) -> dict | None:
        """The reporter fields as the intake service expects them, or None for none given."""
        data = {
            "name": self.cleaned_data.get("reporter_name", ""),
            "nik": self.cleaned_data.get("reporter_nik", ""),
            "birth_place": self.cleaned_data.get("reporter_birth_place", ""),
            "birth_date": self.cleaned_data.get("reporter_birth_date"),
            "sex": self.cleaned_data.get("reporter_sex", ""),
            "citizenship": self.cleaned_data.get("reporter_citizenship", ""),
            "occupation": self.cleaned_data.get("reporter_occupation", ""),
            "address": self.cleaned_data.get("reporter_address", ""),
            "phone": self.cleaned_data.get("reporter_phone", ""),
            "email": self.cleaned_data.get("reporter_email", ""),
            "withhold_from_reported": self.cleaned_data.get("reporter_withhold", False),
        }
        return data if data["name"] else None

    # The public form, a step at a time.

    def step_has_errors(self, step: FormStep) -> bool:
        return any(name in self.errors for name in step.fields)

    def keep_errors(self, fields=()) -> None:
        """Forget the errors of every field but ``fields`` (a step not shown yet says nothing).

        Call after validation; the error summary and the page title then
        speak only of the step on screen.
        """
        kept = set(fields) | {NON_FIELD_ERRORS}
        self._errors = ErrorDict(
            {name: errors for name, errors in self.errors.items() if name in kept},
            renderer=self.renderer,
        )


class WitnessForm(forms.Form):
    """One witness block; an empty block is ignored."""

    name = text_field(_("Witness name"), max_length=150)
    contact = text_field(
        _("Witness contact"), max_length=200, help_text=_("Phone number or address, if known.")
    )
    statement_summary = text_field(
        _("What the witness saw or heard"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)  # as in ReportForm: the server says it

    def clean(self):
        cleaned = super().clean()
        if (
            (cleaned.get("contact") or cleaned.get("statement_summary"))
            and not cleaned.get("name")
            and "name" not in self.errors
        ):
            self.add_error(
                "name",
                ValidationError(_("Enter the witness's name."), code="witness_name_required"),
            )
        return cleaned


class BaseWitnessFormSet(forms.BaseFormSet):
    default_error_messages = {
        "too_many_forms": ngettext_lazy(
            "Name at most %(num)d witness.", "Name at most %(num)d witnesses.", "num"
        ),
    }

    def can_add(self) -> bool:
        """Whether another witness block may be added."""
        return self.total_form_count() < self.max_num

    def hide_errors(self) -> None:
        """Forget every error after validation (the witness step is not on screen yet)."""
        self._non_form_errors = self.error_class(renderer=self.renderer)
        for form in self.forms:
            form._errors = ErrorDict(renderer=form.renderer)
        self._errors = [form._errors for form in self.forms]


WitnessFormSet = forms.formset_factory(
    WitnessForm,
    formset=BaseWitnessFormSet,
    extra=1,
    max_num=MAX_WITNESSES,
    validate_max=True,
)


def with_another_witness(data):
    """A copy of the posted ``data`` with one more (empty) witness block, up to the limit."""
    data = data.copy()
    total = data.get("witness-TOTAL_FORMS", "")
    total = int(total) if total.isdigit() else 0
    data["witness-TOTAL_FORMS"] = str(min(total + 1, MAX_WITNESSES))
    return data


def witness_data(formset) -> list[dict]:
    """The filled witness blocks of a valid formset."""
    return [form.cleaned_data for form in formset.forms if form.cleaned_data.get("name")]
