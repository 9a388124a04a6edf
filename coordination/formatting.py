"""How meetings, attendees and times are written on printouts and public pages."""

from django.utils import formats
from django.utils.text import slugify

from bawaslu_portal.timefmt import format_time, to_local
from coordination.models import Meeting, MeetingAttendee


def meeting_time_range(meeting: Meeting) -> str:
    """ "08.00–10.00 WITA" in the meeting's region zone ("08.00 WITA" without an end)."""
    if not meeting.ends_at:
        return format_time(meeting.starts_at, meeting.region)
    start = formats.time_format(to_local(meeting.starts_at, meeting.region), "TIME_FORMAT")
    return f"{start}–{format_time(meeting.ends_at, meeting.region)}"


def meeting_pdf_filename(meeting: Meeting) -> str:
    """ "2023-09-21-audiensi-bawaslu-kota-semarang.pdf": local date and slugified title."""
    day = to_local(meeting.starts_at, meeting.region).date().isoformat()
    title = slugify(meeting.title)[:80].rstrip("-") or "rapat"
    return f"{day}-{title}.pdf"


def _words(text: str) -> list[str]:
    return text.casefold().split()


def says(text: str, part: str) -> bool:
    """Whether ``text`` already contains ``part`` as whole words ("Camat" is not in "Kecamatan")."""
    words, part_words = _words(text), _words(part)
    if not part_words:
        return True
    width = len(part_words)
    return any(words[i : i + width] == part_words for i in range(len(words) - width + 1))


def position_with_agency(position: str, agency_name: str, *, separator: str = ", ") -> str:
    """ "Kepala Bidang, Pemerintah Kota Semarang", saying nothing twice.

    A position that already names its agency ("Ketua Bawaslu Kota Semarang" at
    Bawaslu Kota Semarang) is printed alone, and so is an agency whose name holds
    the position; either part may be empty. ``separator`` joins the two ("\n"
    for the lines of a signature block).
    """
    position, agency_name = position.strip(), agency_name.strip()
    if says(position, agency_name):
        return position or agency_name
    if says(agency_name, position):
        return agency_name
    return f"{position}{separator}{agency_name}"


def attendee_name_is_position(attendee: MeetingAttendee) -> bool:
    """True when the person is recorded by their office ("Kepala Bapenda Kota Semarang")."""
    return bool(attendee.position_title.strip()) and _words(attendee.person.name) == _words(
        attendee.position_title
    )


def attendee_affiliation(attendee: MeetingAttendee) -> str:
    """Position and agency printed beside an attendee's name, without repeating the name."""
    position = "" if attendee_name_is_position(attendee) else attendee.position_title
    return position_with_agency(position, attendee.agency.name if attendee.agency else "")
