"""CSV and XLSX exports of the filtered report list, never with the reporter's identity.

The columns are a fixed list of report fields (:data:`COLUMNS`): nothing of
:class:`~reports.models.ReporterIdentity` is ever selected. Exports are
bounded at :data:`MAX_EXPORT_ROWS`; a larger selection is cut there and the
file says so in its last row. Rows are read in chunks with ``iterator()``
(categories in one query per chunk), and both files are streamed: the CSV line by
line, the workbook as its zip is written (the first bytes leave at once; building it first
with openpyxl took about 15 s for 50,000 rows, issue 10 §1).
"""

import csv
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from bawaslu_portal.spreadsheets import spreadsheet_safe, xlsx_stream
from bawaslu_portal.timefmt import to_local
from reports.models import ReportSource, ReportStage

MAX_EXPORT_ROWS = 50_000
CHUNK_SIZE = 2_000


def _columns(today) -> list:
    """(title, getter) per column. Labels are translated once here, not once per row."""
    sources = {value: str(label) for value, label in ReportSource.choices}
    stages = {value: str(label) for value, label in ReportStage.choices}
    yes, no = _("yes"), _("no")

    def days_left(report):
        left = report.days_left(today)
        return "" if left is None else left

    def late(report):
        left = report.days_left(today)
        return yes if left is not None and left < 0 else no

    return [
        (_("Tracking code"), lambda r: r.tracking_code_display),
        (_("Registration number"), lambda r: r.registration_number),
        (_("Source"), lambda r: sources[r.source]),
        (_("Election"), lambda r: r.election.name),
        (_("Received on"), lambda r: to_local(r.received_at, r.region).date().isoformat()),
        (_("Handling office"), lambda r: r.office.name),
        (_("Region code"), lambda r: r.region_id),
        (_("Region"), lambda r: r.region.name),
        (_("Date of the incident"), lambda r: r.incident_date.isoformat()),
        (_("Date it became known"), lambda r: r.known_date.isoformat()),
        (_("Reported ASN"), lambda r: r.reported_name),
        (_("NIP"), lambda r: r.reported_nip),
        (_("Position"), lambda r: r.reported_position),
        (_("Agency of the ASN"), lambda r: r.reported_agency_label),
        (_("Categories"), lambda r: "; ".join(c.code for c in r.categories.all())),
        (_("Stage"), lambda r: stages[r.stage]),
        (_("Current deadline"), lambda r: r.deadline.isoformat() if r.deadline else ""),
        (_("Days left"), days_left),
        (_("Late"), late),
        (_("Filed late"), lambda r: yes if r.filed_late else no),
    ]


def _plain(value):
    """Numbers stay numbers; labels (lazy translations) become plain strings.

    Text typed by the public (names, places) is quoted when a spreadsheet would
    run it as a formula (see :mod:`bawaslu_portal.spreadsheets`).
    """
    return spreadsheet_safe(value if isinstance(value, int | str) else str(value))


def export_rows(queryset) -> Iterator[list]:
    """The header, then one row per report (at most :data:`MAX_EXPORT_ROWS`), then a note if cut.

    The titles, labels and the note are translated when this is called (in the view, in the
    request's language); the rows are read as the returned iterator is consumed.
    """
    columns = _columns(timezone.localdate())
    header = [str(title) for title, _getter in columns]
    cut_note = _(
        "The export stops at %(limit)s rows; narrow the list with its filters to export the rest."
    ) % {"limit": f"{MAX_EXPORT_ROWS:,}".replace(",", ".")}
    queryset = queryset.select_related("election", "region", "office", "reported_agency")
    return _rows(queryset, columns, header, cut_note)


def _rows(queryset, columns, header, cut_note) -> Iterator[list]:
    yield header
    rows = queryset[: MAX_EXPORT_ROWS + 1].iterator(chunk_size=CHUNK_SIZE)
    for count, report in enumerate(rows, start=1):
        if count > MAX_EXPORT_ROWS:
            yield [cut_note]
            return
        yield [_plain(getter(report)) for _title, getter in columns]


class _Echo:
    """A file-like object whose ``write`` returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_lines(queryset) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a BOM, so spreadsheet programs read the file as UTF-8
    for row in export_rows(queryset):
        yield writer.writerow(row)


def xlsx_chunks(queryset) -> Iterator[bytes]:
    """The workbook, written while the rows are read (``spreadsheets.xlsx_stream``).

    Its first bytes leave before the first report is read; memory stays flat.
    """
    return xlsx_stream(export_rows(queryset), sheet_title=_("Reports"))
