"""The filter form of the public agenda (GET, works without JavaScript)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination.selectors.public import public_city_list

__all__ = [
    "AgendaFilterForm",
    "AgendaPeriod",
]


class AgendaPeriod:
    UPCOMING = "akan-datang"
    PAST = "lalu"
    CHOICES = [(UPCOMING, _("Upcoming")), (PAST, _("Past"))]


class AgendaFilterForm(forms.Form):
    """City (kab/kota with public meetings) and period (upcoming or past)."""

    kota = forms.ChoiceField(
        label=_("City"),
        required=False,
        error_messages={"invalid_choice": _("Choose a city from the list.")},
    )
    waktu = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=AgendaPeriod.CHOICES,
        initial=AgendaPeriod.UPCOMING,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose upcoming or past.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kota"].choices = [
            ("", _("All cities")),
            *((city.code, city.label) for city in public_city_list()),
        ]

    def filters(self) -> dict:
        """The valid filters (an invalid one falls back to every city / upcoming)."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data
        return {
            "city_code": data.get("kota") or None,
            "upcoming": (data.get("waktu") or AgendaPeriod.UPCOMING) == AgendaPeriod.UPCOMING,
        }
