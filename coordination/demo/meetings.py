"""The meetings demo: the five source events with their follow-ups, and upcoming meetings.

Every fact of the five source articles (``shared/seeds``) has a place: kind,
title, theme, date and time in the city's zone (WIB for Semarang, Serang and
Pangkal Pinang; WITA for Balikpapan), venue, host, participating agencies,
attendees with their role, topics, agenda, the notulen (summary) in
Indonesian, the decisions, and the follow-ups with responsible agencies and
due dates. The articles give no times of day; the times here are plausible
office hours. All five are held (terlaksana) and public.

The meetings themselves are data, in ``meetings.toml`` beside this module (its
header says how a meeting is written); this module reads them and keeps what is
derived: the moments in the city's zone, the upcoming meetings' days from
today, the Semarang kecamatan and kelurahan among the participants, the titles
the campaigns seed and the tests name, and the writes.

Roles follow the articles: the host is the side that received the others
(the Wali Kota received Bawaslu at the Balaikota on 21 September 2023; Bawaslu
Kota Pangkalpinang received the Pj Wali Kota at its office), the visitors are
participants, and narasumber are those the article says spoke as such. No
article names a minute-taker, so no attendee is recorded as notulis. Where an
article names an institution but not who spoke for it, the attendee is
"Perwakilan …" rather than an invented person.

A few planned public meetings are placed relative to today so the public
agenda always has upcoming items; one of them is cancelled (shown as such),
and one internal meeting is not public (the agenda must not show it).

Writes go through the coordination services, by the meeting's ``actor`` login,
except one progress note: Pemkot Semarang's partner login (``semarang.pemkot``)
reports the progress of its smart RT/RW follow-up, as a responsible agency does.
A follow-up may be cancelled (``follow_up_set_status``, its reason the note) and a
meeting may carry files (``attachment_add``: a small demo PDF or PNG made by
``bawaslu_portal.demo.files``); both run under the demo clock at their own
moment (the cancellation's day, the meeting's end), so their notes and upload
times carry those dates. The audiensi's illustrative cancelled follow-up and its
demo attendance list say in their text that they are demo material.

The seed is idempotent: meetings are found again by region and title and
updated in place, follow-ups by meeting and title, attachments by meeting and
file name, so a second run changes no counts and stores no file twice.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from bawaslu_portal.demo import PortalDemo
from bawaslu_portal.demo.clock import clock
from bawaslu_portal.demo.files import DemoFile, demo_upload
from bawaslu_portal.demo.logins import LOGIN_NAMES
from bawaslu_portal.demo.records import build, choice, each, load, login, lookup, record, take
from bawaslu_portal.models import Person, Region
from bawaslu_portal.uploads import clean_original_name
from coordination.models import (
    AttachmentKind,
    AttendeeRole,
    FollowUpStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Topic,
)
from coordination.services import (
    attachment_add,
    follow_up_add_progress,
    follow_up_create,
    follow_up_set_status,
    meeting_create,
    meeting_update,
)

__all__ = [
    "AUDIENSI_SEMARANG",
    "KUNJUNGAN_PANGKALPINANG",
    "RAKOR_BALIKPAPAN",
    "RAKOR_SERANG",
    "SERANG_POKJA_DECREE_DATE",
    "SILATURAHMI_SEMARANG",
    "SOURCE_MEETING_TITLES",
    "seed_meetings_demo",
]

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
WITA = zoneinfo.ZoneInfo("Asia/Makassar")


@dataclass
class DemoFollowUp:
    title: str
    agency: str
    due: datetime.date
    description: str = ""
    person: str | None = None
    #: (date, text, login) of a progress note (written by the meeting's actor when login is
    #: "") and whether it closed the follow-up.
    progress: tuple[datetime.date, str, str] | None = None
    done: bool = False
    #: (date, reason) of its cancellation (by the meeting's actor, after any progress).
    cancelled: tuple[datetime.date, str] | None = None


@dataclass
class DemoMeeting:
    kind: str
    title: str
    region: str
    host: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue: str
    actor: str
    theme: str = ""
    participants: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    #: (person key, agency key, position title, role)
    attendees: list[tuple[str, str | None, str, str]] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    summary: str = ""
    decisions: str = ""
    status: str = MeetingStatus.TERLAKSANA
    is_public: bool = True
    follow_ups: list[DemoFollowUp] = field(default_factory=list)
    #: (attachment kind, file) of the files attached to it, uploaded as it ends.
    attachments: list[tuple[str, DemoFile]] = field(default_factory=list)


# The meetings themselves are data: meetings.toml beside this module (its header says how
# a meeting is written). Below, how a table of that file becomes a DemoMeeting.

#: The zones of ``zone = "…"``.
ZONES = {"WIB": WIB, "WITA": WITA}


def _person(key: str, name: str) -> tuple[str, str]:
    return (key, name)


def _attendee(
    person: str, position: str, role: str, agency: str = ""
) -> tuple[str, str | None, str, str]:
    return (person, agency, position, role)


def _progress(date: datetime.date, text: str, by: str = "") -> tuple[datetime.date, str, str]:
    return (date, text, by)


def _cancelled(date: datetime.date, reason: str) -> tuple[datetime.date, str]:
    return (date, reason)


def _attachment(kind: str, name: str, text: str) -> tuple[str, DemoFile]:
    return (kind, DemoFile(name=name, text=text))


def _meeting(table: dict, where: str, on: datetime.date) -> DemoMeeting:
    """The meeting of a table, on the day ``on`` from ``starts`` to ``ends`` in its ``zone``."""
    (starts, ends, zone), fields = take(
        table, where, starts=datetime.time, ends=datetime.time, zone=str
    )
    zone = lookup(ZONES, zone, f"{where}, zone")
    return build(
        DemoMeeting,
        fields,
        where,
        convert={
            "kind": choice(MeetingKind),
            "status": choice(MeetingStatus),
            "actor": login(LOGIN_NAMES),
            "attendees": each(_attendee, role=choice(AttendeeRole)),
            "follow_ups": each(
                DemoFollowUp,
                progress=record(_progress, by=login(LOGIN_NAMES)),
                cancelled=record(_cancelled),
            ),
            "attachments": each(_attachment, kind=choice(AttachmentKind)),
        },
        starts_at=datetime.datetime.combine(on, starts, tzinfo=zone),
        ends_at=datetime.datetime.combine(on, ends, tzinfo=zone),
    )


def _source_meeting(table: dict, where: str) -> tuple[str, DemoMeeting]:
    """A ``[[source_meeting]]``: the number of its article, and the meeting on its ``date``."""
    (source, on), fields = take(table, where, source=str, date=datetime.date)
    return source, _meeting(fields, f"{where} ({source})", on)


_TABLES = load(__file__, "meetings.toml", "extra_people", "source_meeting", "upcoming_meeting")

#: People the articles mention only by their office: (key, name recorded under the office's title).
EXTRA_PEOPLE = [build(_person, table, where) for where, table in _TABLES["extra_people"]]

#: The five source meetings, by the number of the article (``shared/seeds``) each transcribes.
SOURCE_MEETINGS = dict(_source_meeting(table, where) for where, table in _TABLES["source_meeting"])

#: Titles of the five source meetings, for the campaigns seed and the tests.
AUDIENSI_SEMARANG = SOURCE_MEETINGS["000"].title
SILATURAHMI_SEMARANG = SOURCE_MEETINGS["001"].title
RAKOR_BALIKPAPAN = SOURCE_MEETINGS["002"].title
RAKOR_SERANG = SOURCE_MEETINGS["003"].title
KUNJUNGAN_PANGKALPINANG = SOURCE_MEETINGS["004"].title
#: The Serang pokja's decree: the day the rakor's follow-up to set it up was done. The
#: article gives no decree; ``coordination.demo.campaigns`` dates the pokja by this.
SERANG_POKJA_DECREE_DATE = next(
    item.progress[0]
    for item in SOURCE_MEETINGS["003"].follow_ups
    if item.title == "Penetapan SK dan anggota Pokja netralitas ASN"
)
SOURCE_MEETING_TITLES = [meeting.title for meeting in SOURCE_MEETINGS.values()]


def _upcoming_meetings(today: datetime.date) -> list[DemoMeeting]:
    """Planned meetings a few days to weeks ahead of ``today`` (each ``in_days``), so the
    agenda has upcoming items."""
    meetings = []
    for where, table in _TABLES["upcoming_meeting"]:
        (days,), fields = take(table, where, in_days=int)
        meetings.append(_meeting(fields, where, today + datetime.timedelta(days=days)))
    return meetings


def _agency_keys(keys: list[str], agencies: dict) -> list[str]:
    """``keys``, each ``"…*"`` replaced by the keys of every agency it starts, in order."""
    found = []
    for key in keys:
        if key.endswith("*"):
            found.extend(sorted(other for other in agencies if other.startswith(key[:-1])))
        else:
            found.append(key)
    return found


def _extra_people() -> dict[str, Person]:
    return {key: Person.objects.get_or_create(name=name)[0] for key, name in EXTRA_PEOPLE}


def _save_meeting(spec: DemoMeeting, portal: PortalDemo, people, topics) -> Meeting:
    """Create the meeting, or update the one with the same region and title."""
    agencies = portal.agencies
    data = {
        "actor": portal.users[spec.actor],
        "kind": spec.kind,
        "title": spec.title,
        "theme": spec.theme,
        "starts_at": spec.starts_at,
        "ends_at": spec.ends_at,
        "venue": spec.venue,
        "region": Region.objects.get(code=spec.region),
        "host_agency": agencies[spec.host],
        "participating_agencies": [
            agencies[key] for key in _agency_keys(spec.participants, agencies)
        ],
        "topics": [topics[name] for name in spec.topics],
        "summary": spec.summary,
        "decisions": spec.decisions,
        "status": spec.status,
        "is_public": spec.is_public,
        "attendees": [
            {
                "person": people[person],
                "agency": agencies[agency] if agency else None,
                "position_title": position,
                "role": role,
            }
            for person, agency, position, role in spec.attendees
        ],
        "agenda_items": [{"title": title} for title in spec.agenda],
    }
    existing = Meeting.objects.filter(region_id=spec.region, title=spec.title).first()
    if existing:
        return meeting_update(meeting=existing, **data)
    return meeting_create(**data)


def _save_follow_ups(meeting: Meeting, spec: DemoMeeting, portal: PortalDemo, people) -> None:
    """Create the follow-ups the meeting does not have yet (by title), with their progress."""
    existing = set(meeting.follow_ups.values_list("title", flat=True))
    actor = portal.users[spec.actor]
    for item in spec.follow_ups:
        if item.title in existing:
            continue
        follow_up = follow_up_create(
            actor=actor,
            title=item.title,
            description=item.description,
            responsible_agency=portal.agencies[item.agency],
            responsible_person=people[item.person] if item.person else None,
            due_date=item.due,
            region=meeting.region,
            meeting=meeting,
        )
        if item.progress:
            date, text, by = item.progress
            follow_up_add_progress(
                actor=portal.users[by] if by else actor,
                follow_up=follow_up,
                text=text,
                date=date,
                mark_done=item.done,
            )
        if item.cancelled:
            date, reason = item.cancelled
            moment = datetime.datetime.combine(date, datetime.time(10), spec.starts_at.tzinfo)
            with clock(moment):
                follow_up_set_status(
                    actor=actor, follow_up=follow_up, status=FollowUpStatus.DIBATALKAN, note=reason
                )


def _save_attachments(meeting: Meeting, spec: DemoMeeting, portal: PortalDemo) -> None:
    """Upload the files the meeting does not have yet (by file name), as the meeting ends."""
    existing = set(meeting.attachments.values_list("original_name", flat=True))
    for kind, demo_file in spec.attachments:
        if clean_original_name(demo_file.name) in existing:
            continue
        with clock(spec.ends_at):
            attachment_add(
                actor=portal.users[spec.actor],
                meeting=meeting,
                upload=demo_upload(demo_file),
                kind=kind,
            )


@transaction.atomic
def seed_meetings_demo(*, portal: PortalDemo) -> dict[str, Meeting]:
    """Create (or update) the demo meetings and follow-ups; returns the meetings by title.

    Idempotent.
    """
    people = {**portal.people, **_extra_people()}
    topics = {topic.name: topic for topic in Topic.objects.all()}
    today = timezone.localdate()
    meetings: dict[str, Meeting] = {}
    for spec in [*SOURCE_MEETINGS.values(), *_upcoming_meetings(today)]:
        meeting = _save_meeting(spec, portal, people, topics)
        _save_follow_ups(meeting, spec, portal, people)
        _save_attachments(meeting, spec, portal)
        meetings[spec.title] = meeting
    return meetings
