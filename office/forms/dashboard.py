"""The dashboard's period: a first and a last month, by default the last 12 months."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import Region
from bawaslu_portal.scoping import scope_to_jurisdiction, user_jurisdiction

#: The longest period the dashboard draws (three years of months).
MAX_MONTHS = 36
FIRST_YEAR, LAST_YEAR = 2000, 2100
MONTH_FORMAT = "%Y-%m"


class MonthInput(forms.DateInput):
    """``<input type="month">``: a month picker where the browser has one, "2024-03" elsewhere."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "2024-03", **(attrs or {})}, format=MONTH_FORMAT)


def month_field(label, *, invalid):
    return forms.DateField(
        label=label,
        required=False,
        widget=MonthInput(),
        input_formats=[MONTH_FORMAT],
        help_text=_("Year and month, e.g. 2024-03."),
        error_messages={"invalid": invalid},
    )


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The first day of the month ``months`` after (or before) the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(start: datetime.date, end: datetime.date) -> int:
    """How many months ``start``'s month to ``end``'s month spans, both counted."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


class DashboardPeriodForm(forms.Form):
    start = month_field(
        _("First month"), invalid=_("Enter the first month as year-month, e.g. 2024-01.")
    )
    end = month_field(
        _("Last month"), invalid=_("Enter the last month as year-month, e.g. 2024-12.")
    )

    kabkota = forms.ModelChoiceField(
        label=_("Kab/kota"),
        queryset=Region.objects.none(),
        required=False,
        to_field_name="code",
        empty_label=_("Whole province, per kab/kota"),
        error_messages={"invalid_choice": _("Choose one of the listed kab/kota.")},
    )

    def __init__(self, *args, today: datetime.date, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        jurisdiction = user_jurisdiction(user)
        if jurisdiction.region is not None and jurisdiction.region.depth == 1:
            # A province may look at one of its kab/kota by month.
            self.fields["kabkota"].queryset = scope_to_jurisdiction(
                Region.objects.filter(depth=2), user
            ).order_by("name")
            self.fields["kabkota"].label_from_instance = lambda region: region.name
        else:
            del self.fields["kabkota"]

    def chosen_kabkota(self) -> Region | None:
        """The kab/kota a province chose (None for the whole province or an invalid choice)."""
        if "kabkota" not in self.fields or not self.is_bound or not self.is_valid():
            return None
        return self.cleaned_data.get("kabkota")

    def clean(self):
        cleaned = super().clean()
        for name in ("start", "end"):
            day = cleaned.get(name)
            if day and not FIRST_YEAR <= day.year <= LAST_YEAR:
                self.add_error(
                    name,
                    ValidationError(
                        _("Enter a month between %(first)s and %(last)s.")
                        % {"first": FIRST_YEAR, "last": LAST_YEAR},
                        code="year_range",
                    ),
                )
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error(
                    "end",
                    ValidationError(
                        _("The last month cannot be before the first."), code="period_order"
                    ),
                )
            elif months_between(start, end) > MAX_MONTHS:
                self.add_error(
                    "end",
                    ValidationError(
                        _("Choose at most %(n)s months.") % {"n": MAX_MONTHS},
                        code="period_too_long",
                    ),
                )
        return cleaned

    def period(self) -> tuple[datetime.date, datetime.date]:
        """The first day of the first month and the last day of the last month.

        The last 12 months (this one included) unless the form holds a valid
        period; one end given alone takes the other 11 months away.
        """
        this_month = self.today.replace(day=1)
        start = end = None
        if self.is_bound and self.is_valid():
            start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if start and not end:
            end = min(add_months(start, 11), this_month)
            end = max(end, start)
        if end and not start:
            start = add_months(end, -11)
        if not start:
            start, end = add_months(this_month, -11), this_month
        return start, add_months(end, 1) - datetime.timedelta(days=1)
