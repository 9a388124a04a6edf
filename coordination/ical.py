"""The public agenda as an iCalendar feed (RFC 5545), built with the ``icalendar`` package.

Rules a calendar app relies on:

- UIDs are stable: ``meeting-<pk>@<host>`` and ``declaration-<pk>@<host>``,
  so a re-fetched feed updates events instead of duplicating them.
- Times carry the region's zone (``TZID=Asia/Makassar`` for a WITA city)
  with a matching ``VTIMEZONE``; declarations are all-day events.
- ``DTSTAMP`` and ``LAST-MODIFIED`` are the row's last change, so two
  fetches of an unchanged agenda are byte-for-byte the same.
- Descriptions hold the theme, kind, host, topics and status; never people or
  their contact data.
"""

import datetime
from collections.abc import Callable, Iterable

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.timefmt import zone_for
from coordination.models import Meeting, MeetingStatus

PRODID = "-//Bawaslu Portal Koordinasi//Agenda Publik//ID"


def _meeting_event(meeting: Meeting, *, host: str, url: str) -> icalendar.Event:
    _label, zone = zone_for(meeting.region)
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", meeting.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(zone))
    ends_at = meeting.ends_at or meeting.starts_at + datetime.timedelta(hours=2)
    event.add("dtend", ends_at.astimezone(zone))
    summary = f"{meeting.get_kind_display()}: {meeting.title}"
    if meeting.is_cancelled:
        summary = _("[Cancelled] %(summary)s") % {"summary": summary}
    event.add("summary", summary)
    event.add("location", ", ".join(part for part in (meeting.venue, meeting.region.label) if part))
    lines = []
    if meeting.theme:
        lines.append(_("Theme: %(theme)s") % {"theme": meeting.theme})
    lines.append(_("Host: %(agency)s") % {"agency": meeting.host_agency.name})
    topics = ", ".join(topic.name for topic in meeting.topics.all())
    if topics:
        lines.append(_("Topics: %(topics)s") % {"topics": topics})
    lines.append(_("Status: %(status)s") % {"status": meeting.get_status_display()})
    event.add("description", "\n".join(lines))
    event.add("url", url)
    event.add("status", _ICAL_STATUS[meeting.status])
    event.add("categories", [meeting.get_kind_display()])
    return event


_ICAL_STATUS = {
    MeetingStatus.DIRENCANAKAN: "TENTATIVE",
    MeetingStatus.TERLAKSANA: "CONFIRMED",
    MeetingStatus.DIBATALKAN: "CANCELLED",
}


def _declaration_event(declaration, *, host: str, url: str) -> icalendar.Event:
    """A declaration as an all-day event on its date."""
    event = icalendar.Event()
    event.add("uid", f"declaration-{declaration.pk}@{host}")
    changed = getattr(declaration, "updated_at", None) or timezone.now()
    event.add("dtstamp", changed.astimezone(datetime.UTC))
    event.add("last-modified", changed.astimezone(datetime.UTC))
    event.add("dtstart", declaration.date)
    event.add("dtend", declaration.date + datetime.timedelta(days=1))
    event.add("summary", _("Declaration: %(title)s") % {"title": declaration.title})
    event.add(
        "location",
        ", ".join(part for part in (declaration.place, declaration.region.label) if part),
    )
    lines = [declaration.get_kind_display()]
    if declaration.organiser_id:
        lines.append(_("Organiser: %(agency)s") % {"agency": declaration.organiser.name})
    event.add("description", "\n".join(lines))
    event.add("url", url)
    event.add("categories", [_("Declaration")])
    return event


def agenda_calendar(
    *,
    name: str,
    host: str,
    meetings: Iterable[Meeting],
    meeting_url: Callable[[Meeting], str],
    declarations: Iterable = (),
    declaration_url: Callable | None = None,
) -> bytes:
    """The feed as bytes: one VEVENT per meeting and declaration, with the VTIMEZONEs used."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(_meeting_event(meeting, host=host, url=meeting_url(meeting)))
    for declaration in declarations:
        url = declaration_url(declaration) if declaration_url else ""
        calendar.add_component(_declaration_event(declaration, host=host, url=url))
    calendar.add_missing_timezones()
    return calendar.to_ical()
