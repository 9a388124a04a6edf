"""How a meeting's time and file name are written on printouts and public pages."""

from django.utils import formats
from django.utils.text import slugify

from bawaslu_portal.timefmt import format_time, to_local
from coordination.models import Meeting


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
