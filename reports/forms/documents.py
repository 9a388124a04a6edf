"""The form of the register book's period (``/laporan/register/?dari=…&sampai=…``)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coordination.forms import FilterDateField


def _period_day(label, *, required_message, invalid_message) -> FilterDateField:
    """One end of the period: required, a date, its year within 2000..2100."""
    return FilterDateField(
        label=label,
        required=True,
        error_messages={"required": required_message, "invalid": invalid_message},
    )


class RegisterPeriodForm(forms.Form):
    """The first and last day of the register, both included; ``dari`` not after ``sampai``.

    The URL is easy to edit by hand, so every mistake gets its own message:
    a missing day, something that is not a date, a year outside 2000..2100
    (``FilterDateField``), and a period that ends before it starts.
    """

    dari = _period_day(
        pgettext_lazy("date range", "From"),
        required_message=_("Enter the first day of the period."),
        invalid_message=_("Enter the first day as a date, for example 2024-10-01."),
    )
    sampai = _period_day(
        pgettext_lazy("date range", "To"),
        required_message=_("Enter the last day of the period."),
        invalid_message=_("Enter the last day as a date, for example 2024-10-31."),
    )

    @classmethod
    def for_request(cls, data, *, today: datetime.date) -> "RegisterPeriodForm":
        """Bound to the query string; without ``dari`` and ``sampai``, this month so far."""
        if "dari" in data or "sampai" in data:
            return cls(data)
        return cls({"dari": today.replace(day=1).isoformat(), "sampai": today.isoformat()})

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("dari"), cleaned.get("sampai")
        if start and end and end < start:
            self.add_error(
                "sampai",
                ValidationError(
                    _("The last day cannot be before the first day (%(start)s)."),
                    code="before_start",
                    params={"start": start.isoformat()},
                ),
            )
        return cleaned
