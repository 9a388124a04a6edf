"""What the coordination forms share: fields, date and time inputs, row formsets, "Add more rows".

Attendees, agenda items, signatories, targets and pokja members are plain
formsets with spare empty rows, so a record with its rows is filed in one POST
without JavaScript. "Add more rows" is a submit button that re-renders the
posted data with more spare rows and without error messages; one helper does
it for every such page: :func:`bind_with_rows` binds the main form and its
formsets, :func:`submitted_and_valid` says whether to save. People in rows are
given by name (:class:`BasePersonFormSet`).

The fields several forms declare alike (a kind to choose, a title, a region, the
agencies as checkboxes) come from the factories below, those every app's forms declare
(a date, notes, a select) from ``bawaslu_portal.formfields``; the selects' rows per user
from :class:`UserChoicesMixin`, the values of a record being edited from
:class:`RecordInitialMixin`.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms.utils import ErrorDict
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.formfields import filter_choice, select_field
from bawaslu_portal.models import Region

__all__ = [
    "EXTRA_ROWS",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MORE_ROWS",
    "BasePersonFormSet",
    "PersonRowForm",
    "BoundedDateField",
    "BoundedDateInput",
    "RecordInitialMixin",
    "RegionChoiceField",
    "DateRangeFilterForm",
    "EndNotBeforeStartMixin",
    "FilterDateField",
    "RegionRowChoiceField",
    "RegionFilterField",
    "RowChoices",
    "RowModelChoiceField",
    "Rows",
    "SuppressibleErrorsMixin",
    "SuppressibleFormSet",
    "TimeInput",
    "UploadField",
    "UserChoicesMixin",
    "bind_with_rows",
    "checkbox_choices",
    "file_kind_field",
    "kind_choice",
    "kind_filter",
    "public_agenda_field",
    "region_field",
    "record_values",
    "region_label",
    "required_choice",
    "row_formset",
    "status_field",
    "status_filter",
    "submitted_and_valid",
    "title_field",
    "validate_year_range",
    "version_field",
    "with_more_rows",
]

#: Spare empty rows a formset shows, and how many "Add more rows" adds.
EXTRA_ROWS = 3
MORE_ROWS = 3


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


class BoundedDateInput(forms.DateInput):
    """The browser's date picker, offering only ``FIRST_YEAR``..``LAST_YEAR``.

    A date without these bounds uses ``bawaslu_portal.formfields.DATE_INPUT``.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        bounds = {"min": f"{FIRST_YEAR}-01-01", "max": f"{LAST_YEAR}-12-31"}
        super().__init__(attrs={**bounds, **(attrs or {})}, format="%Y-%m-%d")


class BoundedDateField(forms.DateField):
    """A date within ``FIRST_YEAR``..``LAST_YEAR``, picked in a :class:`BoundedDateInput`."""

    default_validators = [validate_year_range]

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", BoundedDateInput())
        super().__init__(**kwargs)


class FilterDateField(BoundedDateField):
    """An optional date of a list filter (GET), within ``FIRST_YEAR``..``LAST_YEAR``.

    A filter URL is easy to edit by hand; out of range the form shows its
    message instead of the selector overflowing.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


#: What a region select says when the region is not among the user's.
REGION_NOT_IN_JURISDICTION = _("Choose a region in your jurisdiction")


class RegionFilterField(forms.ModelChoiceField):
    """The optional region of a list filter, listed by name; the form offers the user's regions."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Region"))
        kwargs.setdefault("empty_label", _("Whole jurisdiction"))
        kwargs.setdefault("error_messages", {"invalid_choice": REGION_NOT_IN_JURISDICTION})
        super().__init__(queryset=Region.objects.none(), required=False, **kwargs)

    def label_from_instance(self, obj):
        return obj.label


class RegionChoiceField(forms.ModelChoiceField):
    """A select of regions listed with their codes (:func:`region_label`)."""

    def label_from_instance(self, obj):
        return region_label(obj)


def region_field(
    *,
    empty_label,
    required_message,
    label=None,
    invalid_message=None,
    field_class=RegionChoiceField,
    **kwargs,
) -> RegionChoiceField:
    """The required region of a record, listed with codes; the form sets its rows (the user's
    regions through :class:`UserChoicesMixin`, a row's through ``use_row_choices``)."""
    return select_field(
        label or _("Region"),
        None,
        empty_label=empty_label,
        required_message=required_message,
        invalid_message=invalid_message or REGION_NOT_IN_JURISDICTION,
        field_class=field_class,
        **kwargs,
    )


def required_choice(label, choices, *, required_message, **kwargs) -> forms.ChoiceField:
    """A choice among ``choices`` that must be made; ``required_message`` asks for it."""
    return forms.ChoiceField(
        label=label, choices=choices, error_messages={"required": required_message}, **kwargs
    )


def kind_choice(label, choices, *, empty_label, required_message) -> forms.ChoiceField:
    """A required choice among ``choices``, led by an empty ``empty_label`` ("Choose the …")."""
    return required_choice(label, [("", empty_label), *choices], required_message=required_message)


def kind_filter(choices) -> forms.ChoiceField:
    """The kind a list filter narrows to, among ``choices``."""
    return filter_choice(
        _("Kind"),
        choices,
        all_label=_("All kinds"),
        invalid_message=_("Choose a kind from the list"),
    )


def status_filter(choices) -> forms.ChoiceField:
    """The status a list filter narrows to, among ``choices``."""
    return filter_choice(
        _("Status"),
        choices,
        all_label=_("All statuses"),
        invalid_message=_("Choose a status from the list"),
    )


def file_kind_field(choices, *, initial, **kwargs) -> forms.ChoiceField:
    """The kind of an uploaded file (a photo, the signed text, minutes …)."""
    return required_choice(
        _("Kind of file"),
        choices,
        initial=initial,
        required_message=_("Choose the kind of file"),
        **kwargs,
    )


def status_field(choices, *, initial, required_message) -> forms.ChoiceField:
    """The status of a record, as radio buttons."""
    return required_choice(
        _("Status"),
        choices,
        initial=initial,
        widget=forms.RadioSelect,
        required_message=required_message,
    )


def title_field(required_message) -> forms.CharField:
    """The title of a meeting or a declaration."""
    return forms.CharField(
        label=_("Title"),
        max_length=250,
        error_messages={
            "required": required_message,
            "max_length": _("The title can be at most 250 characters"),
        },
    )


def checkbox_choices(label, *, invalid_message, queryset=None) -> forms.ModelMultipleChoiceField:
    """Any number of rows (agencies, topics, meetings) as checkboxes, no JavaScript needed."""
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=queryset,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": invalid_message},
    )


def public_agenda_field(help_text) -> forms.BooleanField:
    """Whether a meeting or a declaration shows on the public agenda; ``help_text`` says what."""
    return forms.BooleanField(
        label=_("Show on the public agenda"), required=False, help_text=help_text
    )


class UserChoicesMixin:
    """A form, made with ``user=``, whose selects list the rows their selectors give.

    ``user_choices`` maps a field to the selector of its rows for the user (called with
    ``user=``; a selector serving several fields is called once). A select whose rows do
    not depend on the user gets its queryset where it is declared.
    """

    user_choices: dict[str, Callable[..., QuerySet]] = {}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        rows = {}
        for name, selector in self.user_choices.items():
            if selector not in rows:
                rows[selector] = selector(user=user)
            self.fields[name].queryset = rows[selector]


def record_values(record, names) -> dict:
    """The values of ``record``'s fields ``names``, as a form's initial values.

    A foreign key gives its id, a many-to-many field the list of its rows.
    """
    opts = record._meta
    return {name: opts.get_field(name).value_from_object(record) for name in names}


def version_field() -> forms.IntegerField:
    """The hidden version of the record an edit form was loaded at (empty on a new
    record's form): the services refuse to save over a newer one (``stale_version``).
    A form with it lists ``"version"`` among its ``record_fields``."""
    return forms.IntegerField(widget=forms.HiddenInput, required=False)


class RecordInitialMixin:
    """A form that edits a record: :meth:`initial_for` reads the ``record_fields`` off it."""

    #: The form's fields that hold the value of the record's field of the same name.
    record_fields: tuple[str, ...] = ()

    @classmethod
    def initial_for(cls, record) -> dict:
        """The initial values for editing ``record``."""
        return record_values(record, cls.record_fields)


class UploadField(forms.FileField):
    """A file to upload, at most ``max_bytes``; the services check what it really is."""

    def __init__(self, *, max_bytes: int, **kwargs):
        kwargs.setdefault("label", _("File"))
        kwargs.setdefault(
            "help_text",
            _("Image, PDF or office document, at most %(size)s MB.")
            % {"size": max_bytes // (1024 * 1024)},
        )
        kwargs.setdefault(
            "error_messages",
            {"required": _("Choose a file to upload"), "empty": _("The chosen file is empty")},
        )
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


class RegionRowChoiceField(RegionChoiceField, RowModelChoiceField):
    """The region of a formset row, listed like :class:`RegionChoiceField`."""


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


class SuppressibleFormSet(SuppressibleErrorsMixin, forms.BaseFormSet):
    """Rows with spare empty ones: what the services get, and which rows may not repeat."""

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

    @classmethod
    def row_fields(cls) -> tuple[str, ...]:
        """The fields of a row, in order: every field its form declares."""
        return tuple(cls.form.base_fields)

    def service_rows(self) -> list[dict]:
        """The :meth:`row_fields` of the kept rows, as the services take them."""
        return [
            {name: form.cleaned_data[name] for name in self.row_fields()}
            for form in self.active_forms()
        ]

    @classmethod
    def initial_for(cls, rows) -> list[dict]:
        """The saved ``rows`` of a record, as the formset's initial rows."""
        return [cls.row_initial(row) for row in rows]

    @classmethod
    def row_initial(cls, row) -> dict:
        """The :meth:`row_fields` of a saved row, read off its fields of the same name."""
        return record_values(row, cls.row_fields())

    def row_key(self, data: dict):
        """What makes two rows the same (``None``, the default: rows may repeat)."""
        return None

    def repeated_row_error(self, data: dict, row: int) -> tuple[str, str]:
        """The field and the message for a row that repeats row number ``row``."""
        raise NotImplementedError

    def clean(self):
        """A row that repeats an earlier one (same :meth:`row_key`) is an error on the later row."""
        if any(self.errors):
            return
        seen = {}
        for form in self.active_forms():
            key = self.row_key(form.cleaned_data)
            if key is None:
                continue
            if key in seen:
                form.add_error(*self.repeated_row_error(form.cleaned_data, seen[key]))
            else:
                seen[key] = self.forms.index(form) + 1


def row_formset(form, formset, *, max_num: int, absolute_max: int):
    """The formset class of ``form`` rows: ``EXTRA_ROWS`` spare rows, saved rows removable."""
    return forms.formset_factory(
        form,
        formset=formset,
        extra=EXTRA_ROWS,
        can_delete=True,
        can_delete_extra=False,
        max_num=max_num,
        absolute_max=absolute_max,
    )


class PersonRowForm(forms.Form):
    """A person by name with the agency they act for; an untouched spare row is ignored."""

    #: What a row says when the name is missing or the agency is not on the list.
    name_required = _("Enter the person's name")
    agency_invalid = _("Choose the agency from the list")

    name = forms.CharField(label=_("Name"), max_length=150)
    agency = RowModelChoiceField(
        label=_("Agency"),
        queryset=None,
        required=False,
        empty_label=_("(no agency / other)"),
    )

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = self.name_required
        self.fields["agency"].error_messages["invalid_choice"] = self.agency_invalid
        self.fields["agency"].use_row_choices(agencies)


class BasePersonFormSet(SuppressibleFormSet):
    """Rows of people by name: the same name twice is an error on the later row."""

    @classmethod
    def row_initial(cls, row) -> dict:
        """A saved row: the person by name, the other :meth:`row_fields` as they are."""
        others = [name for name in cls.row_fields() if name != "name"]
        return {"name": row.person.name, **record_values(row, others)}

    def row_key(self, data: dict):
        return " ".join(data["name"].split()).casefold()

    def repeated_row_error(self, data: dict, row: int) -> tuple[str, str]:
        message = _("%(name)s is already listed in row %(row)s") % {
            "name": data["name"],
            "row": row,
        }
        return "name", message


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


@dataclass(frozen=True)
class Rows:
    """A row formset of a form page, and the submit button that adds spare rows to it."""

    formset_class: type[forms.BaseFormSet]
    prefix: str
    #: The name of the "Add more rows" button of this formset.
    button: str = "add_rows"
    #: The rows of the record being edited (GET only).
    initial: list[dict] | None = None
    form_kwargs: dict | None = None
    #: Values for fields of the spare rows that start with one (a select's initial value).
    new_row: dict[str, str] | None = None


def bind_with_rows(
    request, form_class, rows: Sequence[Rows], *, form_kwargs: dict, initial: dict | None = None
):
    """The page's main form and its row formsets, from ``initial`` on GET, from the POST otherwise.

    A POST with one of the ``button`` names is "Add more rows": that formset
    gets ``MORE_ROWS`` more spare rows, and the form and every formset come
    back with the posted data and without error messages (nothing was
    submitted yet); ``form_class`` uses :class:`SuppressibleErrorsMixin`.
    Returns ``(form, [formset, …])`` in the order of ``rows``.
    """
    if request.method != "POST":
        form = form_class(initial=initial, **form_kwargs)
        formsets = [
            spec.formset_class(
                prefix=spec.prefix, initial=spec.initial, form_kwargs=spec.form_kwargs
            )
            for spec in rows
        ]
        return form, formsets
    data = request.POST.copy()
    more = next((spec for spec in rows if spec.button in data), None)
    if more is not None:
        data = with_more_rows(data, more.prefix, more.new_row)
    form = form_class(data, request.FILES or None, **form_kwargs)
    formsets = [
        spec.formset_class(data, prefix=spec.prefix, form_kwargs=spec.form_kwargs) for spec in rows
    ]
    if more is not None:
        for bound in (form, *formsets):
            bound.suppress_errors = True
    return form, formsets


#: What a form page says when its main form is fine but some of its rows are not.
ROWS_NEED_CORRECTING = _("Some rows need correcting (see below).")


def submitted_and_valid(form, formsets, *, rows_message=ROWS_NEED_CORRECTING) -> bool:
    """Whether the form was submitted (not "Add more rows") and it and every row are valid.

    When only rows are wrong, ``rows_message`` goes on the form: the page
    title and the error summary follow ``form.errors``.
    """
    if form.suppress_errors:
        return False
    valid = all([form.is_valid(), *(formset.is_valid() for formset in formsets)])
    if not valid and form.is_valid():
        form.add_error(None, rows_message)
    return valid


class EndNotBeforeStartMixin:
    """A form whose period may not end before it starts.

    The forms' side of ``bawaslu_portal.models.periods.EndNotBeforeStart.check``:
    ``period`` names the start and end fields; when both are given and the end
    comes first, ``period_error`` goes on the end field (which drops it from
    ``cleaned_data``).
    """

    period: tuple[str, str]
    period_error: str

    def clean(self):
        cleaned = super().clean()
        start, end = self.period
        if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
            self.add_error(end, self.period_error)
        return cleaned


class DateRangeFilterForm(EndNotBeforeStartMixin, forms.Form):
    """A list filter with a period: ``date_from``/``date_to``; the end may not precede the start.

    Subclasses add their own fields and set ``field_order`` to place the period among them.
    """

    date_from = FilterDateField(
        label=_("From"),
        error_messages={"invalid": _("Enter the start of the period as a date")},
    )
    date_to = FilterDateField(
        label=_("Until"),
        error_messages={"invalid": _("Enter the end of the period as a date")},
    )

    period = ("date_from", "date_to")
    period_error = _("The end of the period cannot be before its start")


def region_label(region: Region) -> str:
    """A region as its selects list it: "Kota Semarang (33.74)"."""
    return f"{region.label} ({region.code})"
