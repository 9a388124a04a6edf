"""Forms for meetings, attachments and follow-ups.

Meeting times are entered as a local date and times in the zone of the
meeting's region (WIB/WITA/WIT) and converted to aware datetimes in
``clean``. Attendees and agenda items are plain formsets with spare empty
rows, so the whole meeting is filed in one POST without JavaScript; "Add more
rows" re-renders the posted data with more spare rows (see
``with_more_rows``). Every field says specifically what is missing.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.utils import ErrorDict
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from coordination import selectors
from coordination.models import (
    AttachmentKind,
    AttendeeRole,
    FollowUpStatus,
    MeetingKind,
    MeetingStatus,
)
from coordination.services import MAX_ATTACHMENT_BYTES

__all__ = [
    "AgendaFormSet",
    "AgendaItemForm",
    "AttachmentForm",
    "AttendeeForm",
    "AttendeeFormSet",
    "BaseAgendaFormSet",
    "BaseAttendeeFormSet",
    "BasePersonFormSet",
    "BoundedDateInput",
    "DateInput",
    "EXTRA_ROWS",
    "FilterDateField",
    "FollowUpFilterForm",
    "FollowUpForm",
    "FollowUpProgressForm",
    "FollowUpStatusForm",
    "MORE_ROWS",
    "MeetingFilterForm",
    "MeetingForm",
    "RowChoices",
    "RowModelChoiceField",
    "SuppressibleErrorsMixin",
    "SuppressibleFormSet",
    "TimeInput",
    "agenda_initial",
    "attendee_initial",
    "validate_year_range",
    "with_more_rows",
]

EXTRA_ROWS = 3
MORE_ROWS = 3


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


#: The years a typed date may fall in. Every real meeting, follow-up and declaration lies well
#: inside; the bounds keep dates away from the ends of Python's range (year 1, year 9999), where
#: adding a day or turning a local midnight into UTC raises OverflowError.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def validate_year_range(value: datetime.date) -> None:
    """Refuse a date outside ``FIRST_YEAR``..``LAST_YEAR`` (code ``out_of_range``)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Enter a date between the years %(first)s and %(last)s"),
            code="out_of_range",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


class BoundedDateInput(DateInput):
    """A date input whose picker offers only ``FIRST_YEAR``..``LAST_YEAR``."""

    def __init__(self, attrs=None):
        bounds = {"min": f"{FIRST_YEAR}-01-01", "max": f"{LAST_YEAR}-12-31"}
        super().__init__(attrs={**bounds, **(attrs or {})})


class FilterDateField(forms.DateField):
    """An optional date of a list filter (GET), within ``FIRST_YEAR``..``LAST_YEAR``.

    A filter URL is easy to edit by hand; out of range the form shows its
    message instead of the selector overflowing.
    """

    default_validators = [validate_year_range]

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", BoundedDateInput())
        super().__init__(**kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class RowChoices:
    """The objects of one select that every row of a formset offers, read once.

    A plain ``ModelChoiceField`` queries its queryset again for each row it
    renders and each row it validates: 1 query per row. The formset hands
    all its rows one ``RowChoices`` instead (see ``SuppressibleFormSet``).
    """

    def __init__(self, queryset: QuerySet):
        self.queryset = queryset

    @cached_property
    def by_pk(self) -> dict:
        return {str(obj.pk): obj for obj in self.queryset}


class RowModelChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` of a formset row whose options come from a shared ``RowChoices``."""

    row_choices: RowChoices | None = None

    def use_row_choices(self, row_choices: RowChoices | QuerySet) -> None:
        if isinstance(row_choices, QuerySet):
            row_choices = RowChoices(row_choices)
        self.queryset = row_choices.queryset
        self.row_choices = row_choices
        options = [(pk, self.label_from_instance(obj)) for pk, obj in row_choices.by_pk.items()]
        if self.empty_label is not None:
            options.insert(0, ("", self.empty_label))
        self.choices = options

    def to_python(self, value):
        if self.row_choices is None or value in self.empty_values:
            return super().to_python(value)
        if hasattr(value, "_meta"):
            value = value.pk
        try:
            return self.row_choices.by_pk[str(value)]
        except KeyError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class SuppressibleErrorsMixin:
    """A bound form that can be re-rendered with its data but without validating.

    Used when the user pressed "Add more rows": the posted data comes back
    with spare rows and no error messages (nothing was submitted yet).
    """

    suppress_errors = False

    def full_clean(self):
        if self.suppress_errors:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()


class MeetingForm(SuppressibleErrorsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        choices=[("", _("Choose the kind of meeting")), *MeetingKind.choices],
        error_messages={"required": _("Choose the kind of meeting")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=250,
        error_messages={
            "required": _("Enter the title of the meeting"),
            "max_length": _("The title can be at most 250 characters"),
        },
    )
    theme = forms.CharField(label=_("Theme"), max_length=300, required=False)
    date = forms.DateField(
        label=_("Date"),
        widget=BoundedDateInput(),
        validators=[validate_year_range],
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
    end_date = forms.DateField(
        label=_("End date"),
        widget=BoundedDateInput(),
        validators=[validate_year_range],
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
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        empty_label=_("Choose the city, kecamatan or kelurahan"),
        help_text=_("Where the meeting is held; it sets the level and the time zone."),
        error_messages={
            "required": _("Choose the region where the meeting is held"),
            "invalid_choice": _("Choose a region in your jurisdiction"),
        },
    )
    host_agency = forms.ModelChoiceField(
        label=_("Host agency"),
        queryset=None,
        empty_label=_("Choose the host agency"),
        error_messages={
            "required": _("Choose the agency that hosts the meeting"),
            "invalid_choice": _("Choose a host agency from the list"),
        },
    )
    participating_agencies = forms.ModelMultipleChoiceField(
        label=_("Participating agencies"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose participating agencies from the list")},
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose topics from the list")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=MeetingStatus.choices,
        initial=MeetingStatus.DIRENCANAKAN,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the meeting is planned, held or cancelled")},
    )
    summary = forms.CharField(
        label=_("Summary (notulen)"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Record each commitment with a responsible agency as a follow-up too."),
    )
    is_public = forms.BooleanField(
        label=_("Show on the public agenda"),
        required=False,
        help_text=_("The public agenda shows title, date, venue and agencies; never contacts."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = selectors.agency_choices(user=user)
        self.fields["region"].queryset = selectors.region_choices(user=user)
        self.fields["region"].label_from_instance = lambda region: f"{region.label} ({region.code})"
        self.fields["host_agency"].queryset = agencies
        self.fields["participating_agencies"].queryset = agencies
        self.fields["topics"].queryset = selectors.topic_list()

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


class AttendeeForm(forms.Form):
    """One attendance row; an untouched spare row is ignored."""

    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        error_messages={"required": _("Enter the attendee's name")},
    )
    agency = RowModelChoiceField(
        label=_("Agency"),
        queryset=None,
        required=False,
        empty_label=_("(no agency / other)"),
        error_messages={"invalid_choice": _("Choose the attendee's agency from the list")},
    )
    position_title = forms.CharField(
        label=_("Position"),
        max_length=150,
        required=False,
        help_text=_("For example “Kepala Bapenda”."),
    )
    role = forms.ChoiceField(
        label=_("Role in the meeting"),
        choices=AttendeeRole.choices,
        initial=AttendeeRole.PESERTA,
        error_messages={"required": _("Choose the attendee's role in the meeting")},
    )

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].use_row_choices(agencies)


class AgendaItemForm(forms.Form):
    """One agenda row; an untouched spare row is ignored."""

    title = forms.CharField(
        label=_("Agenda item"),
        max_length=250,
        error_messages={"required": _("Enter the agenda item")},
    )
    notes = forms.CharField(label=_("Notes"), max_length=2000, required=False)


class SuppressibleFormSet(SuppressibleErrorsMixin, forms.BaseFormSet):
    delete_label = _("Remove this row")

    def __init__(self, *args, form_kwargs=None, **kwargs):
        # A queryset handed to the rows is read once for all of them.
        form_kwargs = {
            name: RowChoices(value) if isinstance(value, QuerySet) else value
            for name, value in (form_kwargs or {}).items()
        }
        super().__init__(*args, form_kwargs=form_kwargs, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = self.delete_label

    def full_clean(self):
        if self.suppress_errors:
            self._errors = []
            self._non_form_errors = self.error_class(renderer=self.renderer)
            for form in self.forms:
                form.suppress_errors = True
            return
        super().full_clean()

    def active_forms(self):
        """The filled-in rows that are not marked for removal, in order."""
        initial_count = self.initial_form_count()
        return [
            form
            for index, form in enumerate(self.forms)
            if (index < initial_count or form.has_changed())
            and not (self.can_delete and self._should_delete_form(form))
        ]


class BasePersonFormSet(SuppressibleFormSet):
    """Rows of people: the same name twice is an error on the later row."""

    extra_fields: tuple[str, ...] = ()

    def clean(self):
        if any(self.errors):
            return
        seen = {}
        for form in self.active_forms():
            key = " ".join(form.cleaned_data["name"].split()).casefold()
            if key in seen:
                form.add_error(
                    "name",
                    _("%(name)s is already listed in row %(row)s")
                    % {"name": form.cleaned_data["name"], "row": seen[key]},
                )
            else:
                seen[key] = self.forms.index(form) + 1

    def service_rows(self) -> list[dict]:
        return [
            {
                "name": form.cleaned_data["name"],
                "agency": form.cleaned_data["agency"],
                **{name: form.cleaned_data[name] for name in self.extra_fields},
            }
            for form in self.active_forms()
        ]


class BaseAttendeeFormSet(BasePersonFormSet):
    delete_label = _("Remove this attendee")
    extra_fields = ("position_title", "role")


class BaseAgendaFormSet(SuppressibleFormSet):
    delete_label = _("Remove this agenda item")

    def service_rows(self) -> list[dict]:
        return [
            {"title": form.cleaned_data["title"], "notes": form.cleaned_data["notes"]}
            for form in self.active_forms()
        ]


AttendeeFormSet = forms.formset_factory(
    AttendeeForm,
    formset=BaseAttendeeFormSet,
    extra=EXTRA_ROWS,
    can_delete=True,
    can_delete_extra=False,
    max_num=300,
    absolute_max=400,
)
AgendaFormSet = forms.formset_factory(
    AgendaItemForm,
    formset=BaseAgendaFormSet,
    extra=EXTRA_ROWS,
    can_delete=True,
    can_delete_extra=False,
    max_num=100,
    absolute_max=150,
)


def attendee_initial(meeting) -> list[dict]:
    return [
        {
            "name": attendee.person.name,
            "agency": attendee.agency_id,
            "position_title": attendee.position_title,
            "role": attendee.role,
        }
        for attendee in meeting.attendees.all()
    ]


def agenda_initial(meeting) -> list[dict]:
    return [{"title": item.title, "notes": item.notes} for item in meeting.agenda_items.all()]


def with_more_rows(data, prefix: str, defaults: dict[str, str] | None = None):
    """A copy of the posted ``data`` with ``MORE_ROWS`` more spare rows in formset ``prefix``.

    ``defaults`` fills fields of the new rows (a select's initial value), so
    that the spare rows still count as untouched.
    """
    data = data.copy()
    total = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
    for index in range(total, total + MORE_ROWS):
        for name, value in (defaults or {}).items():
            data[f"{prefix}-{index}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(total + MORE_ROWS)
    return data


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of file"),
        choices=AttachmentKind.choices,
        initial=AttachmentKind.LAINNYA,
        error_messages={"required": _("Choose the kind of file")},
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("Image, PDF or office document, at most %(size)s MB.")
        % {"size": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
        error_messages={
            "required": _("Choose a file to upload"),
            "empty": _("The chosen file is empty"),
        },
    )


class MeetingFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *MeetingKind.choices],
        error_messages={"invalid_choice": _("Choose a kind from the list")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *MeetingStatus.choices],
        error_messages={"invalid_choice": _("Choose a status from the list")},
    )
    date_from = FilterDateField(
        label=_("From"),
        error_messages={"invalid": _("Enter the start of the period as a date")},
    )
    date_to = FilterDateField(
        label=_("Until"),
        error_messages={"invalid": _("Enter the end of the period as a date")},
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        required=False,
        queryset=None,
        empty_label=_("Whole jurisdiction"),
        error_messages={"invalid_choice": _("Choose a region in your jurisdiction")},
    )
    agency = forms.ModelChoiceField(
        label=_("Agency (host or participant)"),
        required=False,
        queryset=None,
        empty_label=_("All agencies"),
        error_messages={"invalid_choice": _("Choose an agency from the list")},
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=None,
        empty_label=_("All topics"),
        error_messages={"invalid_choice": _("Choose a topic from the list")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = selectors.region_filter_choices(user=user)
        self.fields["region"].label_from_instance = lambda region: region.label
        self.fields["agency"].queryset = selectors.agency_choices(user=user)
        self.fields["topic"].queryset = selectors.topic_list()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period cannot be before its start"))
        return cleaned

    def filters(self) -> selectors.MeetingFilters:
        """The chosen filters; none at all while the form has errors (they are shown instead)."""
        if not self.is_valid():
            return selectors.MeetingFilters()
        return selectors.MeetingFilters(**self.cleaned_data)


class FollowUpForm(forms.Form):
    title = forms.CharField(
        label=_("What will be done"),
        max_length=300,
        error_messages={"required": _("Enter what will be done")},
    )
    description = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    responsible_agency = forms.ModelChoiceField(
        label=_("Responsible agency"),
        queryset=None,
        empty_label=_("Choose the responsible agency"),
        error_messages={
            "required": _("Choose the agency responsible for the follow-up"),
            "invalid_choice": _("Choose the responsible agency from the list"),
        },
    )
    responsible_person_name = forms.CharField(
        label=_("Responsible person (optional)"), max_length=150, required=False
    )
    due_date = forms.DateField(
        label=_("Due date"),
        widget=DateInput(),
        error_messages={
            "required": _("Enter the due date"),
            "invalid": _("Enter the due date as a real date"),
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=None,
        empty_label=_("Choose the region"),
        error_messages={
            "required": _("Choose the region the follow-up belongs to"),
            "invalid_choice": _("Choose a region in your jurisdiction"),
        },
    )

    def __init__(self, *args, user, fixed_region: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_agency"].queryset = selectors.agency_choices(user=user)
        self.fields["region"].queryset = selectors.region_choices(user=user)
        self.fields["region"].label_from_instance = lambda region: f"{region.label} ({region.code})"
        if fixed_region:
            # A meeting's follow-up belongs to the meeting's region, and an edit keeps it.
            del self.fields["region"]

    def service_kwargs(self) -> dict:
        """What, who and by when, as ``follow_up_create``/``follow_up_update`` take them."""
        data = self.cleaned_data
        names = [
            "title",
            "description",
            "responsible_agency",
            "responsible_person_name",
            "due_date",
        ]
        return {name: data[name] for name in names}

    @classmethod
    def initial_for(cls, follow_up) -> dict:
        """Initial values for correcting ``follow_up``, with the version it was loaded at."""
        return {
            "title": follow_up.title,
            "description": follow_up.description,
            "responsible_agency": follow_up.responsible_agency,
            "responsible_person_name": getattr(follow_up.responsible_person, "name", ""),
            "due_date": follow_up.due_date,
            "version": follow_up.version,
        }


class FollowUpProgressForm(forms.Form):
    text = forms.CharField(
        label=_("Progress"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Describe the progress made")},
    )
    date = forms.DateField(
        label=_("Date of the progress"),
        widget=DateInput(),
        required=False,
        help_text=_("Leave empty for today."),
        error_messages={"invalid": _("Enter the date of the progress as a real date")},
    )
    mark_done = forms.BooleanField(label=_("The follow-up is done"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FollowUpStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=FollowUpStatus.choices,
        error_messages={"required": _("Choose the new status")},
    )
    note = forms.CharField(
        label=_("Reason or note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FollowUpFilterForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Responsible agency"),
        required=False,
        queryset=None,
        empty_label=_("All agencies"),
        error_messages={"invalid_choice": _("Choose an agency from the list")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *FollowUpStatus.choices],
        error_messages={"invalid_choice": _("Choose a status from the list")},
    )
    due_from = FilterDateField(
        label=_("Due from"),
        error_messages={"invalid": _("Enter the start of the due-date range as a date")},
    )
    due_to = FilterDateField(
        label=_("Due until"),
        error_messages={"invalid": _("Enter the end of the due-date range as a date")},
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = selectors.agency_choices(user=user)

    def filters(self) -> selectors.FollowUpFilters:
        """The filters of the valid fields; an invalid one is ignored (and reported by the form).

        The list and its printable version both use this, so they select the same rows.
        """
        if not self.is_bound:
            return selectors.FollowUpFilters()
        self.is_valid()
        data = self.cleaned_data
        return selectors.FollowUpFilters(
            agency=data.get("agency"),
            status=data.get("status") or "",
            due_from=data.get("due_from"),
            due_to=data.get("due_to"),
            overdue_only=bool(data.get("overdue")),
        )
