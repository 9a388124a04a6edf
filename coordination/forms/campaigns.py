"""Forms for declarations, campaigns, designations, programs and working groups.

Signatories, targets and pokja members are row formsets with spare empty
rows and "Add more rows" (see ``coordination.forms.shared``). People are
entered by name, like meeting attendees. Every field says specifically
what is missing or wrong.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.formfields import filter_choice, select_field
from bawaslu_portal.models import Region
from bawaslu_portal.scoping import scope_to_jurisdiction
from bawaslu_portal.timefmt import format_date
from bawaslu_portal.uploads import validate_upload
from coordination import selectors
from coordination.forms.shared import (
    BasePersonFormSet,
    DateInput,
    DateRangeFilterForm,
    EndNotBeforeStartMixin,
    PersonRowForm,
    RegionFilterField,
    RowModelChoiceField,
    SuppressibleErrorsMixin,
    SuppressibleFormSet,
    UploadField,
    region_label,
    row_formset,
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
    "BaseMemberFormSet",
    "BaseSignatoryFormSet",
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


def _kelurahan_label(region: Region) -> str:
    return f"{region.label}, {region.parent.label} ({region.code})"


def _meeting_label(meeting: Meeting) -> str:
    return f"{format_date(meeting.starts_at, meeting.region)} — {meeting.title}"


# Declarations ---------------------------------------------------------------------------------


class DeclarationForm(SuppressibleErrorsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of declaration"),
        choices=[("", _("Choose the kind of declaration")), *DeclarationKind.choices],
        error_messages={"required": _("Choose the kind of declaration")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=250,
        error_messages={
            "required": _("Enter the title of the declaration"),
            "max_length": _("The title can be at most 250 characters"),
        },
    )
    date = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the date of the declaration"),
            "invalid": _("Enter the date of the declaration as a real date"),
        },
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        empty_label=_("Choose the city, kecamatan or kelurahan"),
        help_text=_("Where it is held; this sets the level (city, kecamatan or kelurahan)."),
        error_messages={
            "required": _("Choose the region where the declaration is held"),
            "invalid_choice": _("Choose a region in your jurisdiction"),
        },
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=250,
        required=False,
        help_text=_("For example “Balaikota Semarang”."),
    )
    organiser = forms.ModelChoiceField(
        label=_("Organiser"),
        queryset=None,
        empty_label=_("Choose the organising agency"),
        error_messages={
            "required": _("Choose the agency that organises the declaration"),
            "invalid_choice": _("Choose the organiser from the list"),
        },
    )
    signatory_agencies = forms.ModelMultipleChoiceField(
        label=_("Signatory agencies"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose signatory agencies from the list")},
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
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    is_public = forms.BooleanField(
        label=_("Show on the public agenda"),
        required=False,
        help_text=_("The public agenda shows title, date, place and agencies; never contacts."),
    )
    document = UploadField(
        max_bytes=MAX_DOCUMENT_BYTES,
        label=_("Add a document or photo (optional)"),
        required=False,
        error_messages={"empty": _("The chosen file is empty")},
    )
    document_kind = forms.ChoiceField(
        label=_("Kind of file"),
        choices=DeclarationDocumentKind.choices,
        initial=DeclarationDocumentKind.NASKAH,
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = selectors.agency_choices(user=user)
        self.fields["region"].queryset = selectors.region_choices(user=user)
        self.fields["region"].label_from_instance = region_label
        self.fields["organiser"].queryset = agencies
        self.fields["signatory_agencies"].queryset = agencies
        self.fields["campaign"].queryset = selectors.campaign_choices(user=user)
        self.fields["meeting"].queryset = scope_to_jurisdiction(
            Meeting.objects.select_related("region"), user
        ).order_by("-starts_at", "-pk")
        self.fields["meeting"].label_from_instance = _meeting_label

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
        names = [
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
        ]
        return {
            **{name: data[name] for name in names},
            "signatory_agencies": list(data["signatory_agencies"]),
            "document": data.get("document"),
            "document_kind": data.get("document_kind") or DeclarationDocumentKind.LAINNYA,
        }

    @staticmethod
    def initial_for(declaration) -> dict:
        return {
            "kind": declaration.kind,
            "title": declaration.title,
            "date": declaration.date,
            "region": declaration.region_id,
            "place": declaration.place,
            "organiser": declaration.organiser_id,
            "signatory_agencies": [agency.pk for agency in declaration.signatory_agencies.all()],
            "participant_count": declaration.participant_count,
            "campaign": declaration.campaign_id,
            "is_culmination": declaration.is_culmination,
            "meeting": declaration.meeting_id,
            "description": declaration.description,
            "is_public": declaration.is_public,
        }


class SignatoryForm(PersonRowForm):
    position_title = forms.CharField(
        label=_("Position"),
        max_length=150,
        required=False,
        help_text=_("For example “Camat Tugu”."),
    )


class BaseSignatoryFormSet(BasePersonFormSet):
    row_fields = (*BasePersonFormSet.row_fields, "position_title")


SignatoryFormSet = row_formset(SignatoryForm, BaseSignatoryFormSet, max_num=300, absolute_max=400)


def signatory_initial(declaration) -> list[dict]:
    return [
        {
            "name": row.person.name,
            "agency": row.agency_id,
            "position_title": row.position_title,
        }
        for row in declaration.signatories.all()
    ]


class DeclarationDocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of file"),
        choices=DeclarationDocumentKind.choices,
        initial=DeclarationDocumentKind.FOTO,
        error_messages={"required": _("Choose the kind of file")},
    )
    file = UploadField(max_bytes=MAX_DOCUMENT_BYTES)


class DeclarationFilterForm(DateRangeFilterForm):
    field_order = ["kind", "date_from", "date_to", "region", "campaign"]

    kind = filter_choice(
        _("Kind"),
        DeclarationKind.choices,
        all_label=_("All kinds"),
        invalid_message=_("Choose a kind from the list"),
    )
    region = RegionFilterField()
    campaign = select_field(
        _("Campaign"),
        None,
        empty_label=_("All campaigns"),
        invalid_message=_("Choose a campaign from the list"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.region_filter_choices(user=user)
        self.fields["campaign"].queryset = selectors.campaign_choices(user=user)

    def filters(self) -> selectors.DeclarationFilters:
        if not self.is_valid():
            return selectors.DeclarationFilters()
        return selectors.DeclarationFilters(**self.cleaned_data)


class CampaignForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": _("Enter the name of the campaign")},
    )
    kind = forms.ChoiceField(
        label=_("Kind of declaration"),
        choices=[("", _("Choose the kind of declaration")), *DeclarationKind.choices],
        error_messages={"required": _("Choose the kind of declaration of the campaign")},
    )
    region = forms.ModelChoiceField(
        label=_("City or regency"),
        queryset=None,
        empty_label=_("Choose the city or regency"),
        error_messages={
            "required": _("Choose the city or regency the campaign covers"),
            "invalid_choice": _("Choose a city or regency in your jurisdiction"),
        },
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.coverage_city_choices(user=user)
        self.fields["region"].label_from_instance = region_label

    @classmethod
    def initial_for(cls, campaign) -> dict:
        return {
            "name": campaign.name,
            "kind": campaign.kind,
            "region": campaign.region_id,
            "description": campaign.description,
        }


# Kelurahan designations -----------------------------------------------------------------------


class DesignationForm(forms.Form):
    kind = forms.ModelChoiceField(
        label=_("Kind of designation"),
        queryset=None,
        empty_label=_("Choose the kind of designation"),
        error_messages={
            "required": _("Choose the kind of designation"),
            "invalid_choice": _("Choose a kind of designation from the list"),
        },
    )
    kelurahan = forms.ModelChoiceField(
        label=_("Kelurahan/desa"),
        queryset=None,
        empty_label=_("Choose the kelurahan or desa"),
        error_messages={
            "required": _("Choose the kelurahan or desa to designate"),
            "invalid_choice": _(
                "Choose a kelurahan or desa in your jurisdiction (not a kecamatan or a city)"
            ),
        },
    )
    date = forms.DateField(
        label=_("Date of designation"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the date of the designation"),
            "invalid": _("Enter the date of the designation as a real date"),
        },
    )
    decree_number = forms.CharField(
        label=_("Decree number"),
        max_length=120,
        required=False,
        help_text=_("The number of the decision letter (SK), if any."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=DesignationStatus.choices,
        initial=DesignationStatus.AKTIF,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the designation is proposed or active")},
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = selectors.designation_kind_list()
        self.fields["kelurahan"].queryset = scope_to_jurisdiction(
            Region.objects.filter(depth=4).select_related("parent"), user
        ).order_by("code")
        self.fields["kelurahan"].label_from_instance = _kelurahan_label

    @staticmethod
    def initial_for(designation) -> dict:
        return {
            "kind": designation.kind_id,
            "kelurahan": designation.kelurahan_id,
            "date": designation.date,
            "decree_number": designation.decree_number,
            "status": designation.status,
            "notes": designation.notes,
        }


class DesignationRevokeForm(forms.Form):
    date = forms.DateField(
        label=_("Date of revocation"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the date the designation was revoked"),
            "invalid": _("Enter the date of revocation as a real date"),
        },
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter why the designation is revoked")},
    )


class DesignationFilterForm(forms.Form):
    kind = select_field(
        _("Kind"),
        None,
        empty_label=_("All kinds"),
        invalid_message=_("Choose a kind from the list"),
    )
    status = filter_choice(
        _("Status"),
        DesignationStatus.choices,
        all_label=_("All statuses"),
        invalid_message=_("Choose a status from the list"),
    )
    region = RegionFilterField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = selectors.designation_kind_list()
        self.fields["region"].queryset = selectors.region_filter_choices(user=user)

    def filters(self) -> selectors.DesignationFilters:
        if not self.is_valid():
            return selectors.DesignationFilters()
        return selectors.DesignationFilters(**self.cleaned_data)


class CoverageFilterForm(forms.Form):
    kind = select_field(
        _("Kind of designation"),
        None,
        empty_label=_("Any kind"),
        invalid_message=_("Choose a kind from the list"),
    )
    city = select_field(
        _("Kecamatan table for"),
        None,
        empty_label=_("Choose a city or regency"),
        invalid_message=_("Choose a city or regency in your jurisdiction"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = selectors.designation_kind_list()
        self.fields["city"].queryset = selectors.coverage_city_choices(user=user)
        self.fields["city"].label_from_instance = lambda region: region.label


# Programs -------------------------------------------------------------------------------------


class ProgramForm(EndNotBeforeStartMixin, SuppressibleErrorsMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": _("Enter the name of the program")},
    )
    legal_basis = forms.CharField(
        label=_("Legal basis"),
        max_length=300,
        required=False,
        help_text=_("For example the Peraturan Bawaslu that sets the quota."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner_agency = forms.ModelChoiceField(
        label=_("Owner agency"),
        queryset=None,
        empty_label=_("Choose the agency that runs the program"),
        error_messages={
            "required": _("Choose the agency that runs the program"),
            "invalid_choice": _("Choose the owner agency from the list"),
        },
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        empty_label=_("Choose the city or kecamatan"),
        error_messages={
            "required": _("Choose the region the program covers"),
            "invalid_choice": _("Choose a region in your jurisdiction"),
        },
    )
    period_start = forms.DateField(
        label=_("Period start"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the start of the program period"),
            "invalid": _("Enter the start of the period as a real date"),
        },
    )
    period_end = forms.DateField(
        label=_("Period end"),
        widget=DateInput(),
        required=False,
        error_messages={"invalid": _("Enter the end of the period as a real date")},
    )

    period = ("period_start", "period_end")
    period_error = _("The period cannot end before it starts")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = selectors.agency_choices(user=user)
        self.fields["region"].queryset = selectors.region_filter_choices(user=user)
        self.fields["region"].label_from_instance = region_label

    @staticmethod
    def initial_for(program) -> dict:
        return {
            "name": program.name,
            "legal_basis": program.legal_basis,
            "description": program.description,
            "owner_agency": program.owner_agency_id,
            "region": program.region_id,
            "period_start": program.period_start,
            "period_end": program.period_end,
        }


class TargetForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Level"),
        choices=[("", _("Choose the level")), *ProgramLevel.choices],
        error_messages={"required": _("Choose the level the target counts meetings at")},
    )
    region = RowModelChoiceField(
        label=_("Region"),
        queryset=None,
        empty_label=_("Choose the region"),
        error_messages={
            "required": _("Choose the region of the target"),
            "invalid_choice": _("Choose a region in your jurisdiction"),
        },
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
        self.fields["region"].label_from_instance = region_label
        self.fields["region"].use_row_choices(regions)

    def clean(self):
        cleaned = super().clean()
        level, region = cleaned.get("level"), cleaned.get("region")
        if level and region and region.depth > ProgramLevel(level).depth:
            self.add_error("region", _("Choose a region at the target's level or above"))
        return cleaned


class BaseTargetFormSet(SuppressibleFormSet):
    """Target rows: one per level, region and meeting kind."""

    row_fields = ("level", "region", "target_count", "meeting_kind")

    def row_key(self, data: dict):
        return (data["level"], data["region"].pk, data["meeting_kind"])

    def repeated_row_error(self, data: dict, row: int) -> tuple[str, str]:
        message = _("Row %(row)s already has a target for this region and level") % {"row": row}
        return "region", message


TargetFormSet = row_formset(TargetForm, BaseTargetFormSet, max_num=200, absolute_max=300)


def target_initial(program) -> list[dict]:
    return [
        {
            "level": target.level,
            "region": target.region_id,
            "target_count": target.target_count,
            "meeting_kind": target.meeting_kind,
        }
        for target in program.targets.all()
    ]


class ProgramFilterForm(forms.Form):
    region = RegionFilterField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.region_filter_choices(user=user)


class MeetingLinkForm(forms.Form):
    """Which meetings count for a program or belong to a pokja (checkboxes, no JavaScript)."""

    meetings = forms.ModelMultipleChoiceField(
        label=_("Linked meetings"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose meetings from the list")},
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meetings"].queryset = meetings
        self.fields["meetings"].label_from_instance = _meeting_label


# Working groups -------------------------------------------------------------------------------


class WorkingGroupForm(SuppressibleErrorsMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": _("Enter the name of the pokja")},
    )
    purpose = forms.CharField(
        label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    decree_number = forms.CharField(
        label=_("Decree number"),
        max_length=120,
        required=False,
        help_text=_("The number of the decision letter (SK) that formed the pokja, if any."),
    )
    decree_date = forms.DateField(
        label=_("Decree date"),
        widget=DateInput(),
        required=False,
        error_messages={"invalid": _("Enter the decree date as a real date")},
    )
    agency = forms.ModelChoiceField(
        label=_("Owner agency"),
        queryset=None,
        empty_label=_("Choose the agency that formed the pokja"),
        error_messages={
            "required": _("Choose the agency that formed the pokja"),
            "invalid_choice": _("Choose the owner agency from the list"),
        },
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        empty_label=_("Choose the city or kecamatan"),
        error_messages={
            "required": _("Choose the region the pokja works in"),
            "invalid_choice": _("Choose a region in your jurisdiction"),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = selectors.agency_choices(user=user)
        self.fields["region"].queryset = selectors.region_filter_choices(user=user)
        self.fields["region"].label_from_instance = region_label

    @staticmethod
    def initial_for(group) -> dict:
        return {
            "name": group.name,
            "purpose": group.purpose,
            "decree_number": group.decree_number,
            "decree_date": group.decree_date,
            "agency": group.agency_id,
            "region": group.region_id,
        }


class MemberForm(PersonRowForm):
    role = forms.ChoiceField(
        label=_("Role in the pokja"),
        choices=WorkingGroupRole.choices,
        initial=WorkingGroupRole.ANGGOTA,
        error_messages={"required": _("Choose the member's role in the pokja")},
    )


class BaseMemberFormSet(BasePersonFormSet):
    row_fields = (*BasePersonFormSet.row_fields, "role")


MemberFormSet = row_formset(MemberForm, BaseMemberFormSet, max_num=200, absolute_max=300)


def member_initial(group) -> list[dict]:
    return [
        {"name": member.person.name, "agency": member.agency_id, "role": member.role}
        for member in group.members.all()
    ]
