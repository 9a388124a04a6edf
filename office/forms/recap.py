"""The weekly recap's choices: an ISO week and, for a province or the country, the area."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.models import Region
from bawaslu_portal.scoping import user_jurisdiction
from office.forms.shared import ParsedTextField

FIRST_YEAR, LAST_YEAR = 2000, 2100


class WeekInput(forms.TextInput):
    """``<input type="week">``: a week picker where the browser has one, "2024-W47" elsewhere."""

    input_type = "week"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "2024-W47", **(attrs or {})})


def parse_iso_week(value: str) -> datetime.date | None:
    """The Monday of the ISO week "2024-W47" (or "2024-w7"), or None when it is no such week."""
    value = (value or "").strip().upper()
    year, sep, week = value.partition("-W")
    if not sep or not year.isdigit() or not week.isdigit() or len(year) != 4:
        return None
    try:
        return datetime.date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        return None


def iso_week(monday: datetime.date) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


class RecapForm(forms.Form):
    week = ParsedTextField(
        label=_("Week"),
        widget=WeekInput(),
        help_text=_("Year and ISO week, e.g. 2024-W47 (Monday to Sunday)."),
        parse=parse_iso_week,
        invalid_message=_("Enter the week as year and week number, e.g. 2024-W47."),
    )
    region = forms.ChoiceField(
        label=_("Province or kab/kota"),
        required=False,
        error_messages={
            "invalid_choice": _("Choose a province or kab/kota of your jurisdiction from the list.")
        },
    )

    def __init__(self, *args, user, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.today = today
        jurisdiction = user_jurisdiction(user)
        # A nationwide user chooses a province; a province may narrow to one of its kab/kota.
        if jurisdiction.nationwide:
            regions = Region.objects.filter(depth=1).order_by("code")
        elif jurisdiction.region is not None and jurisdiction.region.depth == 1:
            regions = Region.objects.filter(depth=2).subtree(jurisdiction.region.code)
            regions = regions.order_by("code")
        else:
            regions = None
        if regions is None:
            del self.fields["region"]
        else:
            self.fields["region"].choices = [
                ("", _("My whole jurisdiction") if not jurisdiction.nationwide else "—"),
                *((region.code, region.label) for region in regions),
            ]
            self.regions = {region.code: region for region in regions}

    def clean_week(self) -> datetime.date | None:
        monday = self.cleaned_data["week"]
        if monday and not FIRST_YEAR <= monday.year <= LAST_YEAR:
            raise ValidationError(
                _("Enter a week between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
                code="year_range",
            )
        return monday

    def clean_region(self) -> Region | None:
        code = self.cleaned_data.get("region")
        return self.regions.get(code) if code else None

    def default_monday(self) -> datetime.date:
        """The Monday of the last complete week (the week before this one)."""
        return self.today - datetime.timedelta(days=self.today.weekday() + 7)

    def choice(self) -> tuple[datetime.date, Region | None]:
        """The chosen week's Monday and area; the defaults where the form holds an error."""
        monday, region = None, None
        if self.is_bound and self.is_valid():
            monday = self.cleaned_data.get("week")
            region = self.cleaned_data.get("region")
        elif self.is_bound:
            monday = self.cleaned_data.get("week") if "week" not in self.errors else None
            if "region" in self.fields and "region" not in self.errors:
                region = self.cleaned_data.get("region")
        return monday or self.default_monday(), region
