"""Forms for declarations, campaigns, designations, programs and working groups.

Signatories, targets and pokja members are row formsets with spare empty
rows and "Add more rows" (see ``coordination.forms.shared``). People are
entered by name, like meeting attendees. Every field says specifically
what is missing or wrong.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.formfields import date_field, select_field, textarea_field
from bawaslu_portal.models import Region
from bawaslu_portal.scoping import scope_to_jurisdiction
from bawaslu_portal.timefmt import format_date
from bawaslu_portal.uploads import validate_upload
from coordination import selectors
from coordination.forms.shared import (
    BasePersonFormSet,
    DateRangeFilterForm,
    EndNotBeforeStartMixin,
    PersonRowForm,
    RecordInitialMixin,
    RegionFilterField,
    RegionRowChoiceField,
    SuppressibleErrorsMixin,
    SuppressibleFormSet,
    UploadField,
    UserChoicesMixin,
    checkbox_choices,
    file_kind_field,
    kind_choice,
    kind_filter,
    public_agenda_field,
    region_field,
    required_choice,
    row_formset,
    status_field,
    status_filter,
    title_field,
    version_field,
)
from coordination.models import (
    DeclarationDocumentKind,
    DeclarationKind,
    DesignationStatus,
    Meeting,
    MeetingKind,
    ProgramLevel,
    WorkingGroupRole,
)
from coordination.services import MAX_DOCUMENT_BYTES

__all__ = [
    "BaseTargetFormSet",
    "CampaignForm",
    "CoverageFilterForm",
    "DeclarationDocumentForm",
    "DeclarationFilterForm",
    "DeclarationForm",
    "DesignationFilterForm",
    "DesignationForm",
    "DesignationRevokeForm",
    "MeetingLinkForm",
    "MemberForm",
    "MemberFormSet",
    "ProgramFilterForm",
    "ProgramForm",
    "SignatoryForm",
    "SignatoryFormSet",
    "TargetForm",
    "TargetFormSet",
    "WorkingGroupForm",
    "member_initial",
    "signatory_initial",
    "target_initial",
]


def _meeting_label(meeting: Meeting) -> str:
    return f"{format_date(meeting.starts_at, meeting.region)} — {meeting.title}"


class _MeetingChoiceField(forms.ModelChoiceField):
    """A select of meetings listed by date and title."""

    def label_from_instance(self, obj):
        return _meeting_label(obj)


class _KelurahanChoiceField(forms.ModelChoiceField):
    """A select of kelurahan/desa listed with their kecamatan and code."""

    def label_from_instance(self, obj):
        return f"{obj.label}, {obj.parent.label} ({obj.code})"


def _meeting_choices(*, user):
    """The meetings a declaration can be held at: the user's, newest first."""
    return scope_to_jurisdiction(Meeting.objects.select_related("region"), user).order_by(
        "-starts_at", "-pk"
    )


def _kelurahan_choices(*, user):
    """The kelurahan/desa of the user's jurisdiction, by code."""
    return scope_to_jurisdiction(
        Region.objects.filter(depth=4).select_related("parent"), user
    ).order_by("code")


def _name_field(required_message) -> forms.CharField:
    """The name of a campaign, a program or a pokja."""
    return forms.CharField(
        label=_("Name"), max_length=200, error_messages={"required": required_message}
    )


def _decree_number_field(help_text) -> forms.CharField:
    """The number of the decision letter (SK) of a designation or a pokja."""
    return forms.CharField(
        label=_("Decree number"), max_length=120, required=False, help_text=help_text
    )


def _owner_agency_field(message) -> forms.ModelChoiceField:
    """The agency that runs a program or formed a pokja; ``message`` asks for it."""
    return select_field(
        _("Owner agency"),
        None,
        empty_label=message,
        required_message=message,
        invalid_message=_("Choose the owner agency from the list"),
    )


# Declarations ---------------------------------------------------------------------------------


class DeclarationForm(RecordInitialMixin, UserChoicesMixin, SuppressibleErrorsMixin, forms.Form):
    kind = kind_choice(
        _("Kind of declaration"),
        DeclarationKind.choices,
        empty_label=_("Choose the kind of declaration"),
        required_message=_("Choose the kind of declaration"),
    )
    title = title_field(_("Enter the title of the declaration"))
    date = date_field(
        _("Date"),
        required_message=_("Enter the date of the declaration"),
        invalid_message=_("Enter the date of the declaration as a real date"),
    )
    region = region_field(
        empty_label=_("Choose the city, kecamatan or kelurahan"),
        help_text=_("Where it is held; this sets the level (city, kecamatan or kelurahan)."),
        required_message=_("Choose the region where the declaration is held"),
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=250,
        required=False,
        help_text=_("For example “Balaikota Semarang”."),
    )
    organiser = select_field(
        _("Organiser"),
        None,
        empty_label=_("Choose the organising agency"),
        required_message=_("Choose the agency that organises the declaration"),
        invalid_message=_("Choose the organiser from the list"),
    )
    signatory_agencies = checkbox_choices(
        _("Signatory agencies"), invalid_message=_("Choose signatory agencies from the list")
    )
    participant_count = forms.IntegerField(
        label=_("Number of participants"),
        required=False,
        min_value=0,
        error_messages={
            "invalid": _("Enter the number of participants as a whole number"),
            "min_value": _("The number of participants cannot be negative"),
        },
    )
    campaign = select_field(
        _("Campaign"),
        None,
        empty_label=_("(not part of a campaign)"),
        invalid_message=_("Choose a campaign from the list"),
    )
    is_culmination = forms.BooleanField(
        label=_("Culminating declaration of the campaign"),
        required=False,
        help_text=_("The closing declaration, e.g. at the city hall after every kecamatan."),
    )
    meeting = select_field(
        _("Held at meeting"),
        None,
        empty_label=_("(not at a recorded meeting)"),
        invalid_message=_("Choose a meeting from the list"),
        field_class=_MeetingChoiceField,
    )
    description = textarea_field(_("Description"), rows=4)
    is_public = public_agenda_field(
        _("The public agenda shows title, date, place and agencies; never contacts.")
    )
    document = UploadField(
        max_bytes=MAX_DOCUMENT_BYTES,
        label=_("Add a document or photo (optional)"),
        required=False,
        error_messages={"empty": _("The chosen file is empty")},
    )
    document_kind = file_kind_field(
        DeclarationDocumentKind.choices, initial=DeclarationDocumentKind.NASKAH, required=False
    )
    version = version_field()

    user_choices = {
        "region": selectors.region_choices,
        "organiser": selectors.agency_choices,
        "signatory_agencies": selectors.agency_choices,
        "campaign": selectors.campaign_choices,
        "meeting": _meeting_choices,
    }
    #: The cleaned fields the service takes unchanged; with the signatory agencies and the
    #: version, also the record's fields an edit starts from.
    service_fields = (
        "kind",
        "title",
        "date",
        "region",
        "place",
        "organiser",
        "participant_count",
        "campaign",
        "is_culmination",
        "meeting",
        "description",
        "is_public",
    )
    record_fields = (*service_fields, "signatory_agencies", "version")

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload:
            validate_upload(upload, max_bytes=MAX_DOCUMENT_BYTES)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_culmination") and not cleaned.get("campaign"):
            self.add_error(
                "campaign", _("Choose the campaign this declaration is the culmination of")
            )
        return cleaned

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            **{name: data[name] for name in self.service_fields},
            "signatory_agencies": list(data["signatory_agencies"]),
            "document": data.get("document"),
            "document_kind": data.get("document_kind") or DeclarationDocumentKind.LAINNYA,
        }


class SignatoryForm(PersonRowForm):
    position_title = forms.CharField(
        label=_("Position"),
        max_length=150,
        required=False,
        help_text=_("For example “Camat Tugu”."),
    )


SignatoryFormSet = row_formset(SignatoryForm, BasePersonFormSet, max_num=300, absolute_max=400)


def signatory_initial(declaration) -> list[dict]:
    return SignatoryFormSet.initial_for(declaration.signatories.all())


class DeclarationDocumentForm(forms.Form):
    kind = file_kind_field(DeclarationDocumentKind.choices, initial=DeclarationDocumentKind.FOTO)
    file = UploadField(max_bytes=MAX_DOCUMENT_BYTES)


class DeclarationFilterForm(UserChoicesMixin, DateRangeFilterForm):
    field_order = ["kind", "date_from", "date_to", "region", "campaign"]

    kind = kind_filter(DeclarationKind.choices)
    region = RegionFilterField()
    campaign = select_field(
        _("Campaign"),
        None,
        empty_label=_("All campaigns"),
        invalid_message=_("Choose a campaign from the list"),
    )

    user_choices = {
        "region": selectors.region_filter_choices,
        "campaign": selectors.campaign_choices,
    }

    def filters(self) -> selectors.DeclarationFilters:
        if not self.is_valid():
            return selectors.DeclarationFilters()
        return selectors.DeclarationFilters(**self.cleaned_data)


class CampaignForm(RecordInitialMixin, UserChoicesMixin, forms.Form):
    name = _name_field(_("Enter the name of the campaign"))
    kind = kind_choice(
        _("Kind of declaration"),
        DeclarationKind.choices,
        empty_label=_("Choose the kind of declaration"),
        required_message=_("Choose the kind of declaration of the campaign"),
    )
    region = region_field(
        label=_("City or regency"),
        empty_label=_("Choose the city or regency"),
        required_message=_("Choose the city or regency the campaign covers"),
        invalid_message=_("Choose a city or regency in your jurisdiction"),
    )
    description = textarea_field(_("Description"), rows=3)
    version = version_field()

    user_choices = {"region": selectors.coverage_city_choices}
    record_fields = ("name", "kind", "region", "description", "version")


# Kelurahan designations -----------------------------------------------------------------------


class DesignationForm(RecordInitialMixin, UserChoicesMixin, forms.Form):
    kind = select_field(
        _("Kind of designation"),
        selectors.designation_kind_list(),
        empty_label=_("Choose the kind of designation"),
        required_message=_("Choose the kind of designation"),
        invalid_message=_("Choose a kind of designation from the list"),
    )
    kelurahan = select_field(
        _("Kelurahan/desa"),
        None,
        empty_label=_("Choose the kelurahan or desa"),
        required_message=_("Choose the kelurahan or desa to designate"),
        invalid_message=_(
            "Choose a kelurahan or desa in your jurisdiction (not a kecamatan or a city)"
        ),
        field_class=_KelurahanChoiceField,
    )
    date = date_field(
        _("Date of designation"),
        required_message=_("Enter the date of the designation"),
        invalid_message=_("Enter the date of the designation as a real date"),
    )
    decree_number = _decree_number_field(_("The number of the decision letter (SK), if any."))
    status = status_field(
        DesignationStatus.choices,
        initial=DesignationStatus.AKTIF,
        required_message=_("Choose whether the designation is proposed or active"),
    )
    notes = textarea_field(_("Notes"), rows=3)
    version = version_field()

    user_choices = {"kelurahan": _kelurahan_choices}
    record_fields = ("kind", "kelurahan", "date", "decree_number", "status", "notes", "version")


class DesignationRevokeForm(forms.Form):
    date = date_field(
        _("Date of revocation"),
        required_message=_("Enter the date the designation was revoked"),
        invalid_message=_("Enter the date of revocation as a real date"),
    )
    reason = textarea_field(
        _("Reason"),
        rows=3,
        max_length=1000,
        required_message=_("Enter why the designation is revoked"),
    )


class DesignationFilterForm(UserChoicesMixin, forms.Form):
    kind = select_field(
        _("Kind"),
        selectors.designation_kind_list(),
        empty_label=_("All kinds"),
        invalid_message=_("Choose a kind from the list"),
    )
    status = status_filter(DesignationStatus.choices)
    region = RegionFilterField()

    user_choices = {"region": selectors.region_filter_choices}

    def filters(self) -> selectors.DesignationFilters:
        if not self.is_valid():
            return selectors.DesignationFilters()
        return selectors.DesignationFilters(**self.cleaned_data)


class CoverageFilterForm(UserChoicesMixin, forms.Form):
    kind = select_field(
        _("Kind of designation"),
        selectors.designation_kind_list(),
        empty_label=_("Any kind"),
        invalid_message=_("Choose a kind from the list"),
    )
    city = RegionFilterField(
        label=_("Kecamatan table for"),
        empty_label=_("Choose a city or regency"),
        error_messages={"invalid_choice": _("Choose a city or regency in your jurisdiction")},
    )

    user_choices = {"city": selectors.coverage_city_choices}


# Programs -------------------------------------------------------------------------------------


class ProgramForm(
    RecordInitialMixin,
    UserChoicesMixin,
    EndNotBeforeStartMixin,
    SuppressibleErrorsMixin,
    forms.Form,
):
    name = _name_field(_("Enter the name of the program"))
    legal_basis = forms.CharField(
        label=_("Legal basis"),
        max_length=300,
        required=False,
        help_text=_("For example the Peraturan Bawaslu that sets the quota."),
    )
    description = textarea_field(_("Description"), rows=3)
    owner_agency = _owner_agency_field(_("Choose the agency that runs the program"))
    region = region_field(
        empty_label=_("Choose the city or kecamatan"),
        required_message=_("Choose the region the program covers"),
    )
    period_start = date_field(
        _("Period start"),
        required_message=_("Enter the start of the program period"),
        invalid_message=_("Enter the start of the period as a real date"),
    )
    period_end = date_field(
        _("Period end"), invalid_message=_("Enter the end of the period as a real date")
    )
    version = version_field()

    period = ("period_start", "period_end")
    period_error = _("The period cannot end before it starts")

    user_choices = {
        "owner_agency": selectors.agency_choices,
        "region": selectors.region_filter_choices,
    }
    record_fields = (
        "name",
        "legal_basis",
        "description",
        "owner_agency",
        "region",
        "period_start",
        "period_end",
        "version",
    )


class TargetForm(forms.Form):
    level = kind_choice(
        _("Level"),
        ProgramLevel.choices,
        empty_label=_("Choose the level"),
        required_message=_("Choose the level the target counts meetings at"),
    )
    region = region_field(
        empty_label=_("Choose the region"),
        required_message=_("Choose the region of the target"),
        field_class=RegionRowChoiceField,
    )
    target_count = forms.IntegerField(
        label=_("Target (number of activities)"),
        min_value=1,
        error_messages={
            "required": _("Enter the number of activities planned"),
            "invalid": _("Enter the target as a whole number"),
            "min_value": _("Enter a target of at least 1"),
        },
    )
    meeting_kind = forms.ChoiceField(
        label=_("Meeting kind"),
        required=False,
        choices=[("", _("Any kind")), *MeetingKind.choices],
    )

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].use_row_choices(regions)

    def clean(self):
        cleaned = super().clean()
        level, region = cleaned.get("level"), cleaned.get("region")
        if level and region and region.depth > ProgramLevel(level).depth:
            self.add_error("region", _("Choose a region at the target's level or above"))
        return cleaned


class BaseTargetFormSet(SuppressibleFormSet):
    """Target rows: one per level, region and meeting kind."""

    def row_key(self, data: dict):
        return (data["level"], data["region"].pk, data["meeting_kind"])

    def repeated_row_error(self, data: dict, row: int) -> tuple[str, str]:
        message = _("Row %(row)s already has a target for this region and level") % {"row": row}
        return "region", message


TargetFormSet = row_formset(TargetForm, BaseTargetFormSet, max_num=200, absolute_max=300)


def target_initial(program) -> list[dict]:
    return TargetFormSet.initial_for(program.targets.all())


class ProgramFilterForm(UserChoicesMixin, forms.Form):
    region = RegionFilterField()

    user_choices = {"region": selectors.region_filter_choices}


class MeetingLinkForm(forms.Form):
    """Which meetings count for a program or belong to a pokja (checkboxes, no JavaScript)."""

    meetings = checkbox_choices(
        _("Linked meetings"), invalid_message=_("Choose meetings from the list")
    )
    version = version_field()

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meetings"].queryset = meetings
        self.fields["meetings"].label_from_instance = _meeting_label


# Working groups -------------------------------------------------------------------------------


class WorkingGroupForm(RecordInitialMixin, UserChoicesMixin, SuppressibleErrorsMixin, forms.Form):
    name = _name_field(_("Enter the name of the pokja"))
    purpose = textarea_field(_("Purpose"), rows=3)
    decree_number = _decree_number_field(
        _("The number of the decision letter (SK) that formed the pokja, if any.")
    )
    decree_date = date_field(
        _("Decree date"), invalid_message=_("Enter the decree date as a real date")
    )
    agency = _owner_agency_field(_("Choose the agency that formed the pokja"))
    region = region_field(
        empty_label=_("Choose the city or kecamatan"),
        required_message=_("Choose the region the pokja works in"),
    )
    version = version_field()

    user_choices = {"agency": selectors.agency_choices, "region": selectors.region_filter_choices}
    record_fields = (
        "name",
        "purpose",
        "decree_number",
        "decree_date",
        "agency",
        "region",
        "version",
    )


class MemberForm(PersonRowForm):
    role = required_choice(
        _("Role in the pokja"),
        WorkingGroupRole.choices,
        initial=WorkingGroupRole.ANGGOTA,
        required_message=_("Choose the member's role in the pokja"),
    )


MemberFormSet = row_formset(MemberForm, BasePersonFormSet, max_num=200, absolute_max=300)


def member_initial(group) -> list[dict]:
    return MemberFormSet.initial_for(group.members.all())
