"""Cells that spreadsheets open safely (CSV/formula injection).

A cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return)
is run as a formula by Excel and LibreOffice, whether it comes from a CSV or
an XLSX file: a reporter who types ``=HYPERLINK(...)`` as a name would plant a
live formula in an official's export. Every export quotes such cells with a
leading apostrophe; the roster import strips it again so a round trip is
unchanged.
"""

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
