"""Form-field factories for what every list filter repeats.

A list filter's field is optional, starts with an "all" choice and names the problem when the
value is not among the choices: ``filter_choice`` spells that once for fixed choices, and
``select_field`` (also the reports forms' select of records) for a model's rows.
"""

from django import forms


def filter_choice(label, choices, *, all_label, invalid_message) -> forms.ChoiceField:
    """An optional choice among ``choices``, led by ``("", all_label)``."""
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", all_label), *choices],
        error_messages={"invalid_choice": invalid_message},
    )


def select_field(
    label, queryset, *, empty_label, invalid_message, required_message=None, **kwargs
) -> forms.ModelChoiceField:
    """A select of ``queryset``'s rows; required when it has a ``required_message``.

    ``invalid_message`` answers a value not in the list (a stale page or a hand-made request).
    A list filter passes ``queryset=None`` and sets it per user in ``__init__``, and its
    ``empty_label`` is the "all" choice.
    """
    messages = {"invalid_choice": invalid_message}
    if required_message is not None:
        messages["required"] = required_message
    return forms.ModelChoiceField(
        label=label,
        queryset=queryset,
        required=required_message is not None,
        empty_label=empty_label,
        error_messages=messages,
        **kwargs,
    )
