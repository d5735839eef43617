"""Reports as files: CSV (one table) and XLSX (one sheet per table). Every export of the
registry — the membership and licence reports, an edition's report, the import error
report — is written here, so one guard keeps them all safe to open.

The guard: a spreadsheet runs a cell that starts like a formula (``= + - @``, or a tab or
carriage return, which some programs strip before looking), and people type leading
spaces and line breaks in front of those too. Such a text cell gets an apostrophe in
front — the spreadsheets' own "this is text" mark — so an organisation called
``=HYPERLINK(...)`` or a city of `` =1+1`` shows as typed and never runs. XLSX strings are
also written as strings, never parsed into formulas, numbers or links.

CSV starts with a UTF-8 byte-order mark so spreadsheet programs read the Arabic right.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import IO, Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Whitespace a spreadsheet may skip before it looks at a cell's first character.
_SKIPPED = " \t\r\n\f\v\u00a0\u2028\u2029\ufeff"

# Litestar adds "; charset=utf-8" to every text/* type itself: naming it here too
# made responses say it twice.
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"


@dataclass(frozen=True)
class Table:
    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]


@dataclass(frozen=True)
class ExportFile:
    """A finished export: what to send and under which name."""

    content: bytes
    media_type: str
    filename: str


def neutralise(value: str) -> str:
    """``value``, made inert if a spreadsheet would run it as a formula.

    Every line counts: a cell with a line break may be split into cells again when it is
    copied, and then its second line is a cell of its own.
    """
    if value.startswith(_FORMULA_START) or any(
        line.lstrip(_SKIPPED).startswith(_FORMULA_START) for line in value.splitlines()
    ):
        return "'" + value
    return value


def _cell(value: Any) -> Any:
    """A cell's value as both formats take it: text made inert, dates as ISO 8601."""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def write_csv_rows(out: IO[str], rows: Iterable[Sequence[Any]]) -> None:
    """Appends rows to a CSV text stream (for reports too long to hold, e.g. import errors)."""
    csv.writer(out, lineterminator="\r\n").writerows(
        ["" if v is None else _cell(v) for v in row] for row in rows
    )


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    out.write(BOM)
    write_csv_rows(out, [table.headers, *table.rows])
    return out.getvalue().encode("utf-8")


def _write_row(sheet: Worksheet, row: int, values: Sequence[Any], fmt: Any = None) -> None:
    for column, raw in enumerate(values):
        value = _cell(raw)
        if value is None:
            sheet.write_blank(row, column, None, fmt)
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value, fmt)
        elif isinstance(value, int | float | Decimal):
            sheet.write_number(row, column, value, fmt)
        else:
            sheet.write_string(row, column, str(value), fmt)


def to_xlsx(tables: Sequence[Table]) -> bytes:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            # Belt and braces: every cell is written with its typed writer anyway.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    bold = workbook.add_format({"bold": True})
    for table in tables:
        sheet = workbook.add_worksheet(table.name[:31])
        _write_row(sheet, 0, list(table.headers), bold)
        for index, row in enumerate(table.rows, start=1):
            _write_row(sheet, index, list(row))
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, max(0, len(table.headers) - 1), 18)
    workbook.close()
    return out.getvalue()


def csv_file(table: Table, stem: str) -> ExportFile:
    return ExportFile(to_csv(table), CSV, f"{stem}-{table.name}.csv")


def xlsx_file(tables: Sequence[Table], stem: str) -> ExportFile:
    return ExportFile(to_xlsx(tables), XLSX, f"{stem}.xlsx")
