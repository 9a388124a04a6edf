"""Forms for meetings: the meeting with its attendees and agenda, attachments, the list filter.

Meeting times are entered as a local date and times in the zone of the
meeting's region (WIB/WITA/WIT) and converted to aware datetimes in
``clean``. Attendees and agenda items are row formsets with spare empty rows
and "Add more rows" (see ``coordination.forms.shared``). Every field says
specifically what is missing.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.formfields import select_field, textarea_field
from coordination import selectors
from coordination.forms.shared import (
    BasePersonFormSet,
    BoundedDateField,
    DateRangeFilterForm,
    PersonRowForm,
    RegionFilterField,
    SuppressibleErrorsMixin,
    SuppressibleFormSet,
    TimeInput,
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
)
from coordination.models import AttachmentKind, AttendeeRole, MeetingKind, MeetingStatus
from coordination.services import MAX_ATTACHMENT_BYTES

__all__ = [
    "AgendaFormSet",
    "AgendaItemForm",
    "AttachmentForm",
    "AttendeeForm",
    "AttendeeFormSet",
    "BaseAgendaFormSet",
    "BaseAttendeeFormSet",
    "MeetingFilterForm",
    "MeetingForm",
    "agenda_initial",
    "attendee_initial",
]


class MeetingForm(UserChoicesMixin, SuppressibleErrorsMixin, forms.Form):
    kind = kind_choice(
        _("Kind of meeting"),
        MeetingKind.choices,
        empty_label=_("Choose the kind of meeting"),
        required_message=_("Choose the kind of meeting"),
    )
    title = title_field(_("Enter the title of the meeting"))
    theme = forms.CharField(label=_("Theme"), max_length=300, required=False)
    date = BoundedDateField(
        label=_("Date"),
        error_messages={
            "required": _("Enter the meeting date"),
            "invalid": _("Enter the meeting date as a real date"),
        },
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        widget=TimeInput(),
        help_text=_("Local time of the meeting's region (WIB, WITA or WIT)."),
        error_messages={
            "required": _("Enter the start time"),
            "invalid": _("Enter the start time as hours and minutes, for example 09:00"),
        },
    )
    end_date = BoundedDateField(
        label=_("End date"),
        required=False,
        help_text=_("Only for meetings over several days; otherwise leave empty."),
        error_messages={"invalid": _("Enter the end date as a real date")},
    )
    end_time = forms.TimeField(
        label=_("End time"),
        widget=TimeInput(),
        required=False,
        error_messages={"invalid": _("Enter the end time as hours and minutes, for example 12:00")},
    )
    venue = forms.CharField(
        label=_("Venue"),
        max_length=250,
        required=False,
        help_text=_("For example “Lantai 8 Gedung Balaikota Semarang”."),
    )
    region = region_field(
        empty_label=_("Choose the city, kecamatan or kelurahan"),
        help_text=_("Where the meeting is held; it sets the level and the time zone."),
        required_message=_("Choose the region where the meeting is held"),
    )
    host_agency = select_field(
        _("Host agency"),
        None,
        empty_label=_("Choose the host agency"),
        required_message=_("Choose the agency that hosts the meeting"),
        invalid_message=_("Choose a host agency from the list"),
    )
    participating_agencies = checkbox_choices(
        _("Participating agencies"),
        invalid_message=_("Choose participating agencies from the list"),
    )
    topics = checkbox_choices(
        _("Topics"),
        queryset=selectors.topic_list(),
        invalid_message=_("Choose topics from the list"),
    )
    status = status_field(
        MeetingStatus.choices,
        initial=MeetingStatus.DIRENCANAKAN,
        required_message=_("Choose whether the meeting is planned, held or cancelled"),
    )
    summary = textarea_field(_("Summary (notulen)"), rows=6)
    decisions = textarea_field(
        _("Decisions"),
        rows=4,
        help_text=_("Record each commitment with a responsible agency as a follow-up too."),
    )
    is_public = public_agenda_field(
        _("The public agenda shows title, date, venue and agencies; never contacts.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    user_choices = {
        "region": selectors.region_choices,
        "host_agency": selectors.agency_choices,
        "participating_agencies": selectors.agency_choices,
    }

    def clean(self):
        cleaned = super().clean()
        region, day, start = cleaned.get("region"), cleaned.get("date"), cleaned.get("start_time")
        if not (region and day and start):
            return cleaned
        tz = region.zoneinfo
        cleaned["starts_at"] = datetime.datetime.combine(day, start, tzinfo=tz)
        end_day, end = cleaned.get("end_date"), cleaned.get("end_time")
        if end_day and not end:
            self.add_error("end_time", _("Enter the end time for a meeting with an end date"))
            return cleaned
        cleaned["ends_at"] = (
            datetime.datetime.combine(end_day or day, end, tzinfo=tz) if end else None
        )
        if cleaned["ends_at"] and cleaned["ends_at"] < cleaned["starts_at"]:
            self.add_error("end_time", _("The meeting cannot end before it starts"))
        return cleaned

    def service_kwargs(self) -> dict:
        """The cleaned fields, as ``meeting_create``/``meeting_update`` take them."""
        data = self.cleaned_data
        names = [
            "kind",
            "title",
            "theme",
            "venue",
            "region",
            "host_agency",
            "summary",
            "decisions",
            "status",
            "is_public",
            "starts_at",
            "ends_at",
        ]
        return {
            **{name: data[name] for name in names},
            "participating_agencies": list(data["participating_agencies"]),
            "topics": list(data["topics"]),
        }

    @classmethod
    def initial_for(cls, meeting) -> dict:
        """Initial values for editing ``meeting``, in its region's local time."""
        tz = meeting.region.zoneinfo
        start = timezone.localtime(meeting.starts_at, tz)
        end = timezone.localtime(meeting.ends_at, tz) if meeting.ends_at else None
        return {
            "kind": meeting.kind,
            "title": meeting.title,
            "theme": meeting.theme,
            "date": start.date(),
            "start_time": start.time().replace(second=0, microsecond=0),
            "end_date": end.date() if end and end.date() != start.date() else None,
            "end_time": end.time().replace(second=0, microsecond=0) if end else None,
            "venue": meeting.venue,
            "region": meeting.region,
            "host_agency": meeting.host_agency,
            "participating_agencies": list(meeting.participating_agencies.all()),
            "topics": list(meeting.topics.all()),
            "status": meeting.status,
            "summary": meeting.summary,
            "decisions": meeting.decisions,
            "is_public": meeting.is_public,
            "version": meeting.version,
        }


class AttendeeForm(PersonRowForm):
    """One attendance row; an untouched spare row is ignored."""

    name_required = _("Enter the attendee's name")
    agency_invalid = _("Choose the attendee's agency from the list")
    position_title = forms.CharField(
        label=_("Position"),
        max_length=150,
        required=False,
        help_text=_("For example “Kepala Bapenda”."),
    )
    role = required_choice(
        _("Role in the meeting"),
        AttendeeRole.choices,
        initial=AttendeeRole.PESERTA,
        required_message=_("Choose the attendee's role in the meeting"),
    )


class AgendaItemForm(forms.Form):
    """One agenda row; an untouched spare row is ignored."""

    title = forms.CharField(
        label=_("Agenda item"),
        max_length=250,
        error_messages={"required": _("Enter the agenda item")},
    )
    notes = forms.CharField(label=_("Notes"), max_length=2000, required=False)


class BaseAttendeeFormSet(BasePersonFormSet):
    delete_label = _("Remove this attendee")


class BaseAgendaFormSet(SuppressibleFormSet):
    delete_label = _("Remove this agenda item")


AttendeeFormSet = row_formset(AttendeeForm, BaseAttendeeFormSet, max_num=300, absolute_max=400)
AgendaFormSet = row_formset(AgendaItemForm, BaseAgendaFormSet, max_num=100, absolute_max=150)


def attendee_initial(meeting) -> list[dict]:
    return AttendeeFormSet.initial_for(meeting.attendees.all())


def agenda_initial(meeting) -> list[dict]:
    return AgendaFormSet.initial_for(meeting.agenda_items.all())


class AttachmentForm(forms.Form):
    kind = file_kind_field(AttachmentKind.choices, initial=AttachmentKind.LAINNYA)
    file = UploadField(max_bytes=MAX_ATTACHMENT_BYTES)


class MeetingFilterForm(UserChoicesMixin, DateRangeFilterForm):
    field_order = [
        "kind",
        "status",
        "date_from",
        "date_to",
        "region",
        "agency",
        "topic",
        "without_minutes",
    ]

    kind = kind_filter(MeetingKind.choices)
    status = status_filter(MeetingStatus.choices)
    region = RegionFilterField()
    without_minutes = forms.BooleanField(label=_("Held without minutes"), required=False)
    agency = select_field(
        _("Agency (host or participant)"),
        None,
        empty_label=_("All agencies"),
        invalid_message=_("Choose an agency from the list"),
    )
    topic = select_field(
        _("Topic"),
        selectors.topic_list(),
        empty_label=_("All topics"),
        invalid_message=_("Choose a topic from the list"),
    )

    user_choices = {
        "region": selectors.region_filter_choices,
        "agency": selectors.agency_choices,
    }

    def filters(self) -> selectors.MeetingFilters:
        """The chosen filters; none at all while the form has errors (they are shown instead)."""
        if not self.is_valid():
            return selectors.MeetingFilters()
        return selectors.MeetingFilters(**self.cleaned_data)
