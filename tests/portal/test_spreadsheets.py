"""``xlsx_stream``: a workbook written while its rows are read, cell for cell as openpyxl."""

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from bawaslu_portal import spreadsheets
from bawaslu_portal.spreadsheets import XLSX_ROWS_PER_CHUNK, xlsx_stream

ROW = [
    "text",
    "",
    None,
    3,
    -7,
    True,
    False,
    " spaced ",
    "x<&>\"'y",
    "'=HYPERLINK(1)",
    "ünï 日本",
    2.5,
]


def _openpyxl_bytes(rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Reports")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _values(data: bytes, *, read_only: bool) -> list[list]:
    workbook = load_workbook(io.BytesIO(data), read_only=read_only)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


@pytest.mark.parametrize("read_only", [True, False])
def test_the_workbook_reads_as_openpyxls_did(read_only):
    rows = [[f"Header {i}" for i in range(len(ROW))]] + [ROW] * (2 * XLSX_ROWS_PER_CHUNK + 3)
    data = b"".join(xlsx_stream(rows, sheet_title="Reports"))
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    assert _values(data, read_only=read_only) == _values(_openpyxl_bytes(rows), read_only=read_only)
    assert load_workbook(io.BytesIO(data)).sheetnames == ["Reports"]


def test_bytes_leave_before_the_rows_are_read_and_as_they_are():
    """The zip's head comes first; then a piece per chunk of rows, not one at the end."""
    read = []

    def rows():
        for number in range(3 * XLSX_ROWS_PER_CHUNK):
            read.append(number)
            yield [f"row {number}", number]

    stream = xlsx_stream(rows(), sheet_title="Reports")
    first = next(stream)
    assert first.startswith(b"PK") and read == []
    second = next(stream)
    assert len(read) == XLSX_ROWS_PER_CHUNK
    rest = list(stream)
    assert len(rest) >= 3
    rows_read = _values(first + second + b"".join(rest), read_only=True)
    assert rows_read[-1] == [f"row {3 * XLSX_ROWS_PER_CHUNK - 1}", 3 * XLSX_ROWS_PER_CHUNK - 1]
    assert len(rows_read) == 3 * XLSX_ROWS_PER_CHUNK


def test_characters_xml_cannot_hold_are_dropped_and_the_sheet_name_is_made_valid():
    data = b"".join(xlsx_stream([["a\x01b\x0bc"]], sheet_title="Rekap: 2024/25 [final]" * 3))
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.active["A1"].value == "abc"
    assert workbook.sheetnames == ["Rekap  2024 25  final Rekap  20"]
    assert len(workbook.sheetnames[0]) == spreadsheets.SHEET_NAME_MAX
