"""Form-field factories for what the forms of every app repeat.

A list filter's field is optional, starts with an "all" choice and names the problem when the
value is not among the choices: ``filter_choice`` spells that once for fixed choices, and
``select_field`` (also the forms' select of records) for a model's rows. ``date_field`` is a
date the browser's date picker fills in, ``textarea_field`` free text of a few lines. Each
takes its own message for an empty field (``required_message``), and is required exactly
when it has one.
"""

from django import forms

#: The browser's date picker; the value in the ISO form it reads.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def error_messages(required_message, **messages) -> dict:
    """A field's error messages, with its own message for an empty field when it has one."""
    if required_message is not None:
        messages["required"] = required_message
    return messages


def filter_choice(label, choices, *, all_label, invalid_message) -> forms.ChoiceField:
    """An optional choice among ``choices``, led by ``("", all_label)``."""
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", all_label), *choices],
        error_messages={"invalid_choice": invalid_message},
    )


def select_field(
    label,
    queryset,
    *,
    empty_label,
    invalid_message,
    required_message=None,
    field_class=forms.ModelChoiceField,
    **kwargs,
) -> forms.ModelChoiceField:
    """A select of ``queryset``'s rows; required when it has a ``required_message``.

    ``invalid_message`` answers a value not in the list (a stale page or a hand-made request).
    A list filter passes ``queryset=None`` and sets it per user in ``__init__``, and its
    ``empty_label`` is the "all" choice. ``field_class`` is a ``ModelChoiceField`` that
    labels its options its own way.
    """
    return field_class(
        label=label,
        queryset=queryset,
        required=required_message is not None,
        empty_label=empty_label,
        error_messages=error_messages(required_message, invalid_choice=invalid_message),
        **kwargs,
    )


def textarea_field(label, *, rows: int, required_message=None, **kwargs) -> forms.CharField:
    """Free text of ``rows`` lines; required when it has a ``required_message``."""
    return forms.CharField(
        label=label,
        required=required_message is not None,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=error_messages(required_message),
        **kwargs,
    )


def date_field(label, *, invalid_message, required_message=None, **kwargs) -> forms.DateField:
    """A date the browser's date picker fills in; required when it has a ``required_message``."""
    return forms.DateField(
        label=label,
        required=required_message is not None,
        widget=DATE_INPUT,
        error_messages=error_messages(required_message, invalid=invalid_message),
        **kwargs,
    )
