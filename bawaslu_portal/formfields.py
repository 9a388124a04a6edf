"""Form-field factories for what every list filter repeats.

A list filter's field is optional, starts with an "all" choice and names the problem when the
value is not among the choices. ``filter_choice`` and ``filter_model`` spell that once; a
form whose choices depend on the user sets the model field's ``queryset`` in ``__init__``.
"""

from django import forms


def filter_choice(label, choices, *, all_label, invalid) -> forms.ChoiceField:
    """An optional choice among ``choices``, led by ``("", all_label)``."""
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", all_label), *choices],
        error_messages={"invalid_choice": invalid},
    )


def filter_model(label, *, all_label, invalid, queryset=None) -> forms.ModelChoiceField:
    """An optional choice of a record; ``queryset`` is usually set per user in ``__init__``."""
    return forms.ModelChoiceField(
        label=label,
        required=False,
        queryset=queryset,
        empty_label=all_label,
        error_messages={"invalid_choice": invalid},
    )
