"""The activity feed's filter (what kind of record) and its "older than" cursor."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from office.forms.shared import ParsedTextField

KIND_MEETINGS = "meetings"
KIND_FOLLOW_UPS = "follow_ups"
KIND_DECLARATIONS = "declarations"
KIND_REPORTS = "reports"


def kind_choices(*, reports: bool) -> list[tuple[str, str]]:
    choices = [
        ("", _("Everything")),
        (KIND_MEETINGS, _("Meetings")),
        (KIND_FOLLOW_UPS, _("Follow-ups and their progress")),
        (KIND_DECLARATIONS, _("Declarations")),
    ]
    if reports:
        choices.append((KIND_REPORTS, _("Reports: moves and comments")))
    return choices


def parse_cursor(value: str) -> tuple[datetime.datetime, int, int] | None:
    """ "2024-11-21T02:00:00.000001+00:00~3~17" → (instant, source rank, pk), or None."""
    parts = (value or "").split("~")
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    try:
        at = datetime.datetime.fromisoformat(parts[0])
    except ValueError:
        return None
    if at.tzinfo is None:
        return None
    return at, int(parts[1]), int(parts[2])


def format_cursor(at: datetime.datetime, rank: int, pk: int) -> str:
    return f"{at.astimezone(datetime.UTC).isoformat()}~{rank}~{pk}"


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What"),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the listed kinds of activity.")},
    )

    def __init__(self, *args, reports: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(reports=reports)


class CursorForm(forms.Form):
    """The "older than" cursor of the "Older activity" link (kept apart from the filter form,
    so choosing another kind starts again from the newest)."""

    before = ParsedTextField(
        label=_("Older than"),
        parse=parse_cursor,
        invalid_message=_("The link to older activity is damaged; start again from the newest."),
        invalid_code="invalid_cursor",
    )
