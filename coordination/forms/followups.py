"""Forms for follow-ups: record or correct one, add progress, set the status, filter the list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bawaslu_portal.formfields import date_field, select_field, textarea_field
from coordination import selectors
from coordination.forms.shared import (
    FilterDateField,
    RegionFilterField,
    UserChoicesMixin,
    region_field,
    status_filter,
)
from coordination.models import FollowUpStatus

__all__ = ["FollowUpFilterForm", "FollowUpForm", "FollowUpProgressForm", "FollowUpStatusForm"]


class FollowUpForm(UserChoicesMixin, forms.Form):
    title = forms.CharField(
        label=_("What will be done"),
        max_length=300,
        error_messages={"required": _("Enter what will be done")},
    )
    description = textarea_field(_("Details"), rows=3)
    responsible_agency = select_field(
        _("Responsible agency"),
        None,
        empty_label=_("Choose the responsible agency"),
        required_message=_("Choose the agency responsible for the follow-up"),
        invalid_message=_("Choose the responsible agency from the list"),
    )
    responsible_person_name = forms.CharField(
        label=_("Responsible person (optional)"), max_length=150, required=False
    )
    due_date = date_field(
        _("Due date"),
        required_message=_("Enter the due date"),
        invalid_message=_("Enter the due date as a real date"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    region = region_field(
        empty_label=_("Choose the region"),
        required_message=_("Choose the region the follow-up belongs to"),
    )

    user_choices = {
        "responsible_agency": selectors.agency_choices,
        "region": selectors.region_choices,
    }

    def __init__(self, *args, fixed_region: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_region:
            # A meeting's follow-up belongs to the meeting's region, and an edit keeps it.
            del self.fields["region"]

    def service_kwargs(self) -> dict:
        """What, who and by when, as ``follow_up_create``/``follow_up_update`` take them."""
        data = self.cleaned_data
        names = [
            "title",
            "description",
            "responsible_agency",
            "responsible_person_name",
            "due_date",
        ]
        return {name: data[name] for name in names}

    @classmethod
    def initial_for(cls, follow_up) -> dict:
        """Initial values for correcting ``follow_up``, with the version it was loaded at."""
        return {
            "title": follow_up.title,
            "description": follow_up.description,
            "responsible_agency": follow_up.responsible_agency,
            "responsible_person_name": getattr(follow_up.responsible_person, "name", ""),
            "due_date": follow_up.due_date,
            "version": follow_up.version,
        }


class FollowUpProgressForm(forms.Form):
    text = textarea_field(
        _("Progress"), rows=3, max_length=5000, required_message=_("Describe the progress made")
    )
    date = date_field(
        _("Date of the progress"),
        invalid_message=_("Enter the date of the progress as a real date"),
        help_text=_("Leave empty for today."),
    )
    mark_done = forms.BooleanField(label=_("The follow-up is done"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FollowUpStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=FollowUpStatus.choices,
        error_messages={"required": _("Choose the new status")},
    )
    note = textarea_field(_("Reason or note"), rows=2, max_length=5000)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class FollowUpFilterForm(UserChoicesMixin, forms.Form):
    agency = select_field(
        _("Responsible agency"),
        None,
        empty_label=_("All agencies"),
        invalid_message=_("Choose an agency from the list"),
    )
    status = status_filter(FollowUpStatus.choices)
    due_from = FilterDateField(
        label=_("Due from"),
        error_messages={"invalid": _("Enter the start of the due-date range as a date")},
    )
    due_to = FilterDateField(
        label=_("Due until"),
        error_messages={"invalid": _("Enter the end of the due-date range as a date")},
    )
    region = RegionFilterField()
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    open_only = forms.BooleanField(label=_("Open only (open or in progress)"), required=False)

    user_choices = {
        "agency": selectors.agency_choices,
        "region": selectors.region_filter_choices,
    }

    def filters(self) -> selectors.FollowUpFilters:
        """The filters of the valid fields; an invalid one is ignored (and reported by the form).

        The list and its printable version both use this, so they select the same rows.
        """
        if not self.is_bound:
            return selectors.FollowUpFilters()
        self.is_valid()
        data = self.cleaned_data
        return selectors.FollowUpFilters(
            agency=data.get("agency"),
            status=data.get("status") or "",
            due_from=data.get("due_from"),
            due_to=data.get("due_to"),
            overdue_only=bool(data.get("overdue")),
            open_only=bool(data.get("open_only")),
            region=data.get("region"),
        )
