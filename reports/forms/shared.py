"""The field types the report forms share: text, digits, selects, phone, email, choices, files.

Every error message is specific (what to enter), so the error summary reads
as instructions; a field that fails its own check gets one message, not two.
Not a feature of its own (as in ``coordination.forms.shared``): the feature
modules (``intake``, ``cases``, ``public``, ``workflow``) build their forms from these.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# DATE_INPUT, date_field and select_field are re-exported for reports' forms.
from bawaslu_portal.formfields import (  # noqa: F401
    DATE_INPUT,
    date_field,
    error_messages,
    select_field,
)

TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

#: The length error of every text field: the limit, and how much was entered.
TOO_LONG = _("Enter at most %(limit_value)s characters (you entered %(show_value)s).")


def text_field(
    label, *, max_length: int, required: bool = False, required_message=None, **kwargs
) -> forms.CharField:
    """A text field whose too-long error gives the limit and the length entered (``TOO_LONG``).

    Optional unless ``required``. ``required_message`` is the field's own message
    when it is left empty, also when a form makes the field required later (the
    public form does so with the reporter's name and address).
    """
    messages = error_messages(required_message, max_length=TOO_LONG)
    return forms.CharField(
        label=label, max_length=max_length, required=required, error_messages=messages, **kwargs
    )


#: Digits in groups, separated by single spaces or dashes, with an optional leading "+".
PHONE_SHAPE = re.compile(r"\+?[0-9]+(?:[ -][0-9]+)*")
PHONE_DIGITS_MIN, PHONE_DIGITS_MAX = 8, 15


def validate_phone(value: str) -> None:
    """A phone number: 8 to 15 digits, spaces or dashes between them, an optional leading +.

    The shape also bounds the length (at most 30 characters), so a phone
    field needs no separate length check and never gives two messages.
    """
    digits = sum(character.isdigit() for character in value)
    if not PHONE_SHAPE.fullmatch(value) or not PHONE_DIGITS_MIN <= digits <= PHONE_DIGITS_MAX:
        raise ValidationError(
            _("Enter a phone number of 8 to 15 digits, e.g. 0812-3456-7890 or +62 812 3456 7890."),
            code="invalid_phone",
        )


class PhoneField(forms.CharField):
    """A phone or WhatsApp number (``validate_phone``), typed on a phone's number pad."""

    default_validators = [validate_phone]

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
        super().__init__(**kwargs)


class EmailAddressField(forms.EmailField):
    """An email address checked for its length first, with one message per problem.

    Django runs every validator and reports each failure; a 300-character
    non-address would get both the length and the format message.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("widget", forms.EmailInput(attrs={"autocomplete": "email"}))
        super().__init__(**kwargs)
        # The length check first: a too-long address is told its length, not its format.
        self.validators.sort(key=lambda validator: validator.code != "max_length")

    def run_validators(self, value):
        if value in self.empty_values:
            return
        for validator in self.validators:
            try:
                validator(value)
            except ValidationError as error:
                message = self.error_messages.get(error.code, error.message)
                raise ValidationError(message, code=error.code, params=error.params) from None


def digits_field(label, *, digits: int, help_text, invalid_message) -> forms.RegexField:
    """An optional number of exactly ``digits`` digits (NIK, NIP), typed on the number pad."""
    return forms.RegexField(
        label=label,
        regex=rf"^[0-9]{{{digits}}}$",
        required=False,
        help_text=help_text,
        error_messages={"invalid": invalid_message},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


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


def time_field(label, *, invalid_message, **kwargs) -> forms.TimeField:
    """An optional time of day (hours and minutes)."""
    return forms.TimeField(
        label=label,
        required=False,
        widget=TIME_INPUT,
        error_messages={"invalid": invalid_message},
        **kwargs,
    )


def radio_field(label, choices, *, message, required: bool = True, **kwargs) -> forms.ChoiceField:
    """Radio buttons whose one ``message`` answers a missing choice and an unknown one."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=RadioGroup,
        error_messages=error_messages(message if required else None, invalid_choice=message),
        **kwargs,
    )
