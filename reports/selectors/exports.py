"""CSV and XLSX exports of the filtered report list, never with the reporter's identity.

The columns are a fixed list of report fields (:data:`COLUMNS`): nothing of
:class:`~reports.models.ReporterIdentity` is ever selected. Exports are
bounded at :data:`MAX_EXPORT_ROWS`; a larger selection is cut there and the
file says so in its last row. Rows are read in chunks with ``iterator()``
(categories in one query per chunk), the CSV is streamed, and the workbook is
written with openpyxl's write-only mode to a temporary file.
"""

import csv
import tempfile
from collections.abc import Iterator

from django.utils.translation import gettext as _
from openpyxl import Workbook

from bawaslu_portal.spreadsheets import spreadsheet_safe
from bawaslu_portal.timefmt import to_local
from reports.models import ReportSource, ReportStage

MAX_EXPORT_ROWS = 50_000
CHUNK_SIZE = 2_000


def _columns():
    return [
        (_("Tracking code"), lambda r: r.tracking_code_display),
        (_("Registration number"), lambda r: r.registration_number),
        (_("Source"), lambda r: ReportSource(r.source).label),
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
        (_("Stage"), lambda r: ReportStage(r.stage).label),
        (_("Current deadline"), lambda r: r.deadline.isoformat() if r.deadline else ""),
        (_("Days left"), lambda r: "" if r.days_left() is None else r.days_left()),
        (_("Late"), lambda r: _("yes") if r.is_late else _("no")),
        (_("Filed late"), lambda r: _("yes") if r.filed_late else _("no")),
    ]


def _plain(value):
    """Numbers stay numbers; labels (lazy translations) become plain strings.

    Text typed by the public (names, places) is quoted when a spreadsheet would
    run it as a formula (see :mod:`bawaslu_portal.spreadsheets`).
    """
    return spreadsheet_safe(value if isinstance(value, int | str) else str(value))


def export_rows(queryset) -> Iterator[list]:
    """The header, then one row per report (at most :data:`MAX_EXPORT_ROWS`), then a note if cut."""
    columns = _columns()
    yield [str(title) for title, _getter in columns]
    queryset = queryset.select_related("election", "region", "office", "reported_agency")
    rows = queryset[: MAX_EXPORT_ROWS + 1].iterator(chunk_size=CHUNK_SIZE)
    for count, report in enumerate(rows, start=1):
        if count > MAX_EXPORT_ROWS:
            yield [
                _(
                    "The export stops at %(limit)s rows; narrow the list with its filters "
                    "to export the rest."
                )
                % {"limit": f"{MAX_EXPORT_ROWS:,}".replace(",", ".")}
            ]
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


def xlsx_file(queryset):
    """A temporary file holding the workbook (write-only mode keeps memory flat)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Reports")[:31])
    for row in export_rows(queryset):
        sheet.append(row)
    # Returned open: FileResponse streams it and closes it when done.
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    workbook.save(handle)
    handle.seek(0)
    return handle
