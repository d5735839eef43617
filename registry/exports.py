"""Reports as files: CSV (one table) and XLSX (one sheet per table).

CSV starts with a UTF-8 byte-order mark so spreadsheet programs read the Arabic
right; cells that start like a formula are prefixed with an apostrophe, so an
exported name can never run as a formula in the officer's spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import xlsxwriter

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    name: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows([_safe(v) for v in row] for row in table.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(tables: Sequence[Table]) -> bytes:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = workbook.add_format({"bold": True})
    for table in tables:
        sheet = workbook.add_worksheet(table.name[:31])
        sheet.write_row(0, 0, list(table.headers), bold)
        for index, row in enumerate(table.rows, start=1):
            sheet.write_row(index, 0, list(row))
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, max(0, len(table.headers) - 1), 18)
    workbook.close()
    return out.getvalue()


CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
