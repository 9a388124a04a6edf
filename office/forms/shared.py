"""What the office forms share: an optional text field that a parser reads."""

from django import forms
from django.core.exceptions import ValidationError


class ParsedTextField(forms.CharField):
    """Optional text that ``parse`` reads into a value: ``None`` when empty.

    ``parse`` returns ``None`` for text it cannot read, which is answered with
    ``invalid_message`` (code ``invalid_code``). The text gets the checks of a
    ``CharField`` first.
    """

    def __init__(self, *, parse, invalid_message, invalid_code="invalid", **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.parse = parse
        self.invalid_message = invalid_message
        self.invalid_code = invalid_code

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        parsed = self.parse(text)
        if parsed is None:
            raise ValidationError(self.invalid_message, code=self.invalid_code)
        return parsed
