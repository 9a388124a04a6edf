"""Forms of the reports app: official and public intake, list filters, status check.

Forms only collect and check input; the report is created by
``reports.services_intake.report_intake_create``. Every error message is
specific (what to enter), so the error summary reads as instructions.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import Agency, AgencyKind, Region
from bawaslu_portal.models.regions import subtree_q
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction
from bawaslu_portal.uploads import validate_upload
from reports.models import (
    TRACKING_CODE_LENGTH,
    Election,
    EmploymentType,
    ReportSource,
    ReportStage,
    Sex,
    ViolationCategory,
    ViolationGroup,
    normalize_tracking_code,
)

#: The most evidence files one submission may carry.
MAX_EVIDENCE_FILES = 10
#: The most links one submission may carry.
MAX_EVIDENCE_LINKS = 10
#: How many witness rows the form offers (it works without JavaScript, so rows are fixed).
WITNESS_ROWS = 3

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FirstOptionIdMixin:
    """Point the group's label id at its first option, so the error summary links somewhere.

    Django gives radio and checkbox groups no label id (they use a fieldset);
    the error summary links to ``#<id_for_label>``, which must exist.
    """

    def id_for_label(self, id_, index=None):
        if index is None and id_:
            return f"{id_}_0"
        return super().id_for_label(id_, index)


class RadioGroup(FirstOptionIdMixin, forms.RadioSelect):
    pass


class CheckboxGroup(FirstOptionIdMixin, forms.CheckboxSelectMultiple):
    pass


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files; ``clean`` returns a list."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


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
            try:
                validate(line)
            except ValidationError as error:
                raise ValidationError(
                    _("Enter each link as a full web address starting with https://."),
                    code="invalid_link",
                ) from error
        return lines


class ReportForm(EvidenceCleaningMixin, forms.Form):
    """The official report form (formulir laporan), for officials and the public.

    ``user``: the official recording it (their jurisdiction limits the
    kelurahan and agency choices); ``kabkota``: for the public form, the kab/kota
    of the incident (the kelurahan select lists its kelurahan). Officials
    whose jurisdiction is a whole province or the country type a kelurahan
    code instead of choosing from thousands.
    """

    source = forms.ChoiceField(
        label=_("Source"),
        choices=[
            (ReportSource.LAPORAN, ReportSource.LAPORAN.label),
            (ReportSource.TEMUAN, ReportSource.TEMUAN.label),
        ],
        initial=ReportSource.LAPORAN,
        widget=RadioGroup,
        error_messages={
            "required": _("Choose whether this is a laporan or a temuan."),
            "invalid_choice": _("Choose whether this is a laporan or a temuan."),
        },
    )
    election = forms.ModelChoiceField(
        label=_("Election"),
        queryset=Election.objects.none(),
        empty_label=_("Choose the election"),
        error_messages={
            "required": _("Choose the election the incident concerns."),
            "invalid_choice": _("Choose one of the listed elections."),
        },
    )

    # Reporter.
    reporter_name = forms.CharField(
        label=_("Reporter's full name"),
        max_length=150,
        required=False,
        error_messages={"required": _("Enter the reporter's full name.")},
    )
    reporter_nik = forms.RegexField(
        label=_("NIK (identity number)"),
        regex=r"^\d{16}$",
        required=False,
        help_text=_("Optional: the 16-digit number on the KTP."),
        error_messages={"invalid": _("Enter the NIK as exactly 16 digits, without spaces.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    reporter_birth_place = forms.CharField(
        label=_("Place of birth"), max_length=100, required=False
    )
    reporter_birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=DATE_INPUT,
        error_messages={"invalid": _("Enter the date of birth as a date, e.g. 17/08/1980.")},
    )
    reporter_sex = forms.ChoiceField(
        label=_("Sex"),
        choices=Sex.choices,
        required=False,
        widget=RadioGroup,
    )
    reporter_occupation = forms.CharField(label=_("Occupation"), max_length=100, required=False)
    reporter_address = forms.CharField(
        label=_("Address"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "street-address"}),
        error_messages={"required": _("Enter the reporter's address.")},
    )
    reporter_phone = forms.CharField(
        label=_("Phone or WhatsApp number"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    reporter_email = forms.EmailField(
        label=_("Email"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like nama@contoh.id.")},
    )
    reporter_withhold = forms.BooleanField(
        label=_("Withhold my identity from the reported party"), required=False
    )

    # Reported ASN.
    reported_name = forms.CharField(
        label=_("Name of the reported ASN"),
        max_length=150,
        error_messages={"required": _("Enter the name of the reported ASN.")},
    )
    reported_nip = forms.RegexField(
        label=_("NIP"),
        regex=r"^\d{18}$",
        required=False,
        help_text=_("The 18-digit civil servant number, if known."),
        error_messages={"invalid": _("Enter the NIP as exactly 18 digits, without spaces.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    reported_position = forms.CharField(
        label=_("Position of the reported ASN"), max_length=200, required=False
    )
    reported_agency = forms.ModelChoiceField(
        label=_("Agency or OPD of the reported ASN"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("Not in the list (type it below)"),
        error_messages={"invalid_choice": _("Choose one of the listed agencies.")},
    )
    reported_agency_name = forms.CharField(
        label=_("Agency not in the list"),
        max_length=200,
        required=False,
        help_text=_("Type the agency's name when it is not in the list above."),
    )
    reported_employment = forms.ChoiceField(
        label=_("Employment type"),
        choices=EmploymentType.choices,
        initial=EmploymentType.PNS,
        widget=RadioGroup,
        error_messages={
            "required": _("Choose PNS, PPPK or other."),
            "invalid_choice": _("Choose PNS, PPPK or other."),
        },
    )

    # Incident.
    incident_date = forms.DateField(
        label=_("Date of the incident"),
        widget=DATE_INPUT,
        error_messages={
            "required": _("Enter the date of the incident."),
            "invalid": _("Enter the date of the incident as a date, e.g. 17/08/2024."),
        },
    )
    known_date = forms.DateField(
        label=_("Date it became known"),
        widget=DATE_INPUT,
        help_text=_("The filing deadline counts from this day."),
        error_messages={
            "required": _("Enter the date the incident became known."),
            "invalid": _("Enter the date it became known as a date, e.g. 17/08/2024."),
        },
    )
    incident_place = forms.CharField(
        label=_("Place of the incident"),
        max_length=300,
        help_text=_("Street, building or online (e.g. the social media account)."),
        error_messages={"required": _("Enter where the incident happened.")},
    )
    incident_kelurahan = KelurahanChoiceField(
        label=_("Kelurahan or desa of the incident"),
        queryset=Region.objects.none(),
        empty_label=_("Choose the kelurahan"),
        error_messages={
            "required": _("Choose the kelurahan or desa where the incident happened."),
            "invalid_choice": _("Choose one of the listed kelurahan."),
        },
    )
    incident_kelurahan_code = forms.RegexField(
        label=_("Kelurahan or desa code of the incident"),
        regex=r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$",
        required=False,
        help_text=_("The Kemendagri code, e.g. 33.74.01.1001."),
        error_messages={
            "required": _("Enter the code of the kelurahan or desa of the incident."),
            "invalid": _("Enter a kelurahan code like 33.74.01.1001."),
        },
    )
    description = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Who did what, when and where; how you know."),
        error_messages={"required": _("Describe what happened.")},
    )
    categories = forms.ModelMultipleChoiceField(
        label=_("Violation categories"),
        queryset=ViolationCategory.objects.none(),
        widget=CheckboxGroup,
        error_messages={
            "required": _("Choose at least one violation category."),
            "invalid_choice": _("Choose only the listed categories."),
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
        if self.public:
            del self.fields["source"]
            for name in ("reporter_name", "reporter_address"):
                self.fields[name].required = True
            self._set_kelurahan_choices(kabkota.code)
            del self.fields["incident_kelurahan_code"]
        else:
            jurisdiction = user_jurisdiction(user)
            if jurisdiction.nationwide or jurisdiction.region.depth < 2:
                # A province has thousands of kelurahan: a code field, not a select.
                self.uses_kelurahan_code = True
                del self.fields["incident_kelurahan"]
                self.fields["incident_kelurahan_code"].required = True
            else:
                self._set_kelurahan_choices(jurisdiction.region.code)
                del self.fields["incident_kelurahan_code"]

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

    def clean(self):
        cleaned = super().clean()
        incident, known = cleaned.get("incident_date"), cleaned.get("known_date")
        today = timezone.localdate()
        if incident and incident > today:
            self.add_error(
                "incident_date",
                ValidationError(
                    _("The date of the incident cannot be in the future."), code="future"
                ),
            )
        if known and known > today:
            self.add_error(
                "known_date",
                ValidationError(
                    _("The date it became known cannot be in the future."), code="future"
                ),
            )
        if incident and known and known < incident:
            self.add_error(
                "known_date",
                ValidationError(
                    _("The date it became known cannot be before the date of the incident."),
                    code="known_before_incident",
                ),
            )
        if not cleaned.get("reported_agency") and not cleaned.get("reported_agency_name"):
            self.add_error(
                "reported_agency_name",
                ValidationError(
                    _("Choose the agency of the reported ASN or type its name."),
                    code="agency_required",
                ),
            )
        source = cleaned.get("source", ReportSource.LAPORAN)
        if source == ReportSource.LAPORAN:
            if not cleaned.get("reporter_name"):
                self.add_error(
                    "reporter_name",
                    ValidationError(
                        _("Enter the reporter's full name (a laporan needs a reporter)."),
                        code="reporter_required",
                    ),
                )
            if not cleaned.get("reporter_address"):
                self.add_error(
                    "reporter_address",
                    ValidationError(
                        _("Enter the reporter's address (a laporan needs a reporter)."),
                        code="reporter_required",
                    ),
                )
        if self.uses_kelurahan_code:
            cleaned["incident_kelurahan"] = cleaned.get("incident_kelurahan_code")
        return cleaned

    def reporter_data(self) -> dict | None:
        """The reporter fields as the intake service expects them, or None for none given."""
        data = {
            "name": self.cleaned_data.get("reporter_name", ""),
            "nik": self.cleaned_data.get("reporter_nik", ""),
            "birth_place": self.cleaned_data.get("reporter_birth_place", ""),
            "birth_date": self.cleaned_data.get("reporter_birth_date"),
            "sex": self.cleaned_data.get("reporter_sex", ""),
            "occupation": self.cleaned_data.get("reporter_occupation", ""),
            "address": self.cleaned_data.get("reporter_address", ""),
            "phone": self.cleaned_data.get("reporter_phone", ""),
            "email": self.cleaned_data.get("reporter_email", ""),
            "withhold_from_reported": self.cleaned_data.get("reporter_withhold", False),
        }
        return data if data["name"] else None


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


class WitnessForm(forms.Form):
    """One witness row; an empty row is ignored."""

    name = forms.CharField(label=_("Witness name"), max_length=150, required=False)
    contact = forms.CharField(label=_("Witness contact"), max_length=200, required=False)
    statement_summary = forms.CharField(
        label=_("What the witness saw or heard"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("contact") or cleaned.get("statement_summary")) and not cleaned.get("name"):
            self.add_error(
                "name",
                ValidationError(_("Enter the witness's name."), code="witness_name_required"),
            )
        return cleaned


WitnessFormSet = forms.formset_factory(
    WitnessForm, extra=WITNESS_ROWS, max_num=WITNESS_ROWS, validate_max=True
)


def witness_data(formset) -> list[dict]:
    """The filled witness rows of a valid formset."""
    return [form.cleaned_data for form in formset.forms if form.cleaned_data.get("name")]


class PublicRegionForm(forms.Form):
    """Step one of the public form: the kab/kota where the incident happened."""

    kabkota = forms.ModelChoiceField(
        label=_("City or regency where it happened"),
        queryset=Region.objects.none(),
        empty_label=_("Choose the city or regency"),
        error_messages={
            "required": _("Choose the city or regency where it happened."),
            "invalid_choice": _("Choose one of the listed cities or regencies."),
        },
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


class ReportFilterForm(forms.Form):
    """The filters of ``/laporan/`` (GET)."""

    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=[("", _("All stages")), *ReportStage.choices],
        error_messages={"invalid_choice": _("Choose one of the listed stages.")},
    )
    election = forms.ModelChoiceField(
        label=_("Election"),
        required=False,
        queryset=Election.objects.all(),
        empty_label=_("All elections"),
        error_messages={"invalid_choice": _("Choose one of the listed elections.")},
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=ViolationCategory.objects.all(),
        empty_label=_("All categories"),
        error_messages={"invalid_choice": _("Choose one of the listed categories.")},
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        required=False,
        queryset=Region.objects.none(),
        empty_label=_("All kecamatan"),
        to_field_name="code",
        error_messages={"invalid_choice": _("Choose one of the listed kecamatan.")},
    )
    agency = forms.ModelChoiceField(
        label=_("Agency of the ASN"),
        required=False,
        queryset=Agency.objects.none(),
        empty_label=_("All agencies"),
        error_messages={"invalid_choice": _("Choose one of the listed agencies.")},
    )
    late = forms.BooleanField(label=_("Late only"), required=False)
    due_soon = forms.BooleanField(label=_("Due within 2 days"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].queryset = scope_to_jurisdiction(
            Region.objects.filter(depth=3), user
        ).order_by("name")
        self.fields["kecamatan"].label_from_instance = lambda region: region.name
        jurisdiction = user_jurisdiction(user)
        if jurisdiction.nationwide or jurisdiction.region.depth < 2:
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

    def filters(self) -> dict:
        """The valid filters as keyword arguments of ``reports.selectors.report_list``.

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
        }
