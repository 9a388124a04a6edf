"""Cells that spreadsheets open safely (CSV/formula injection).

A cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return)
is run as a formula by Excel and LibreOffice, whether it comes from a CSV or
an XLSX file: a reporter who types ``=HYPERLINK(...)`` as a name would plant a
live formula in an official's export. Every export quotes such cells with a
leading apostrophe; the roster import strips it again so a round trip is
unchanged.

:func:`xlsx_stream` writes an XLSX workbook while its rows are read, for downloads that start
at once whatever their size.
"""

import re
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """``value`` with a formula-looking string quoted by a leading apostrophe; others unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def from_spreadsheet(value: str) -> str:
    """Undo :func:`spreadsheet_safe` on an imported cell."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


# --- XLSX written as it goes --------------------------------------------------------------
#
# openpyxl builds the whole workbook before its first byte (about 15 s for a 50,000-row
# export, issue 10 §1). An XLSX file is a zip of a few XML parts, and only the sheet grows: the
# parts below are fixed, and the sheet is written row by row into a zip entry, the compressed
# bytes handed on as they come. Strings are inline (``t="inlineStr"``), so no shared-string
# table has to be known before the rows.

_SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CONTENT_TYPES = (
    _XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'{_XML_HEAD}<Relationships xmlns="{_RELATIONSHIPS_NS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    f'{_XML_HEAD}<Relationships xmlns="{_RELATIONSHIPS_NS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFFICE_RELS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    f'{_XML_HEAD}<styleSheet xmlns="{_SPREADSHEET_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
#: Characters XML 1.0 does not allow (openpyxl refuses them; here they are dropped).
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Characters a sheet name may not hold (Excel), and its longest length.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31
#: Rows written before the compressed bytes are handed on.
XLSX_ROWS_PER_CHUNK = 500


class _Sink:
    """A write-only, unseekable file: zipfile then writes each entry's sizes after its data."""

    def __init__(self):
        self._parts = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def _column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _cell(reference: str, value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    text = escape(_ILLEGAL_XML.sub("", str(value)))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{reference}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def xlsx_stream(rows: Iterable[list], *, sheet_title: str) -> Iterator[bytes]:
    """An XLSX workbook of one sheet holding ``rows``, as bytes written while ``rows`` are read.

    Numbers stay numbers, booleans booleans, ``None`` and ``""`` are empty cells, anything else
    is text (pass it through :func:`spreadsheet_safe` first). The first bytes come before the
    first row is read, then one piece per :data:`XLSX_ROWS_PER_CHUNK` rows: memory stays flat
    and the download starts at once, however many rows there are.
    """
    name = escape(_SHEET_NAME_FORBIDDEN.sub(" ", sheet_title)[:SHEET_NAME_MAX] or "Sheet1")
    workbook = (
        f'{_XML_HEAD}<workbook xmlns="{_SPREADSHEET_NS}" xmlns:r="{_OFFICE_RELS}">'
        f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    sink = _Sink()
    letters: list[str] = []
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
        yield sink.take()
        with archive.open("xl/worksheets/sheet1.xml", mode="w") as sheet:
            sheet.write(f'{_XML_HEAD}<worksheet xmlns="{_SPREADSHEET_NS}"><sheetData>'.encode())
            pending = []
            for number, row in enumerate(rows, start=1):
                while len(letters) < len(row):
                    letters.append(_column_letter(len(letters)))
                cells = "".join(
                    _cell(f"{letters[index]}{number}", value) for index, value in enumerate(row)
                )
                pending.append(f'<row r="{number}">{cells}</row>')
                if len(pending) == XLSX_ROWS_PER_CHUNK:
                    sheet.write("".join(pending).encode())
                    pending.clear()
                    yield sink.take()
            pending.append("</sheetData></worksheet>")
            sheet.write("".join(pending).encode())
    yield sink.take()
