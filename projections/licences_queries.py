"""Queries over the licences read model: types, lists, the public check, the report."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from projections.counters import where_equal
from projections.sql import Database

EXPIRING_WITHIN_DAYS = 90


@dataclass(frozen=True)
class LicenceTypeRow:
    code: str
    id: str
    stage: str
    title_ar: str
    title_en: str
    validity_years: int
    cpd_hours: int
    active: bool
    version: int


@dataclass(frozen=True)
class LicenceRow:
    id: str
    person_id: str
    type_code: str
    stage: str
    status: str
    number: str | None
    valid_from: str | None
    valid_until: str | None
    applied_on: str
    version: int
    personal: bytes | None


_LICENCE_COLUMNS = (
    "id, person_id, type_code, stage, status, number, valid_from, valid_until, applied_on,"
    " version, personal"
)


def _licence(row: Any) -> LicenceRow:
    values = list(row)
    values[-1] = bytes(values[-1]) if values[-1] is not None else None  # memoryview on PostgreSQL
    return LicenceRow(*values)


def licence_types(db: Database) -> list[LicenceTypeRow]:
    with db.read() as cur:
        rows = cur.fetchall(
            "SELECT code, id, stage, title_ar, title_en, validity_years, cpd_hours, active,"
            " version FROM view_licence_types ORDER BY stage DESC, code"
        )
    return [LicenceTypeRow(*[*r[:7], bool(r[7]), int(r[8])]) for r in rows]


def list_licences(
    db: Database,
    limit: int,
    offset: int,
    status: str | None = None,
    type_code: str | None = None,
    stage: str | None = None,
) -> tuple[list[LicenceRow], int]:
    clause, params = where_equal((("status", status), ("type_code", type_code), ("stage", stage)))
    with db.read() as cur:
        rows = cur.fetchall(
            f"SELECT {_LICENCE_COLUMNS} FROM view_licences {clause}"
            " ORDER BY applied_on, id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        total = cur.fetchone(
            f"SELECT COALESCE(SUM(n), 0) FROM view_licence_counts {clause}",
            params,
        )
    return [_licence(r) for r in rows], int(total[0]) if total else 0


def licence_by_number(db: Database, number: str) -> LicenceRow | None:
    with db.read() as cur:
        row = cur.fetchone(
            f"SELECT {_LICENCE_COLUMNS} FROM view_licences WHERE number = ?",
            (number,),
        )
    return _licence(row) if row else None


def issued_past_validity(db: Database, today: date, limit: int) -> list[str]:
    """Issued licences whose validity has ended but whose expiry is not recorded yet."""
    with db.read() as cur:
        rows = cur.fetchall(
            "SELECT id FROM view_licences WHERE status = 'issued' AND valid_until < ?"
            " ORDER BY valid_until LIMIT ?",
            (today.isoformat(), limit),
        )
    return [str(r[0]) for r in rows]


@dataclass
class LicencesReport:
    as_of_date: str
    total: int = 0
    counts: list[tuple[str, str, str, int]] = field(default_factory=list)
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    by_stage: dict[str, dict[str, int]] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    expiring: list[LicenceRow] = field(default_factory=list)


def licences_report(db: Database, today: date) -> LicencesReport:
    """Counts by type, stage and status (an issued licence past its validity counts as expired)
    and the licences expiring within the next 90 days."""
    horizon = today + timedelta(days=EXPIRING_WITHIN_DAYS)
    with db.read() as cur:
        counts = cur.fetchall(
            "SELECT type_code, stage, status, n FROM view_licence_counts WHERE n <> 0"
        )
        lapsed = cur.fetchall(
            "SELECT type_code, stage, COUNT(*) FROM view_licences"
            " WHERE status = 'issued' AND valid_until < ? GROUP BY type_code, stage",
            (today.isoformat(),),
        )
        expiring = cur.fetchall(
            f"SELECT {_LICENCE_COLUMNS} FROM view_licences WHERE status = 'issued'"
            " AND valid_until >= ? AND valid_until <= ? ORDER BY valid_until, number",
            (today.isoformat(), horizon.isoformat()),
        )
    cells: dict[tuple[str, str, str], int] = defaultdict(int)
    for type_code, stage, status, n in counts:
        cells[(type_code, stage, status)] += int(n)
    for type_code, stage, n in lapsed:
        cells[(type_code, stage, "issued")] -= int(n)
        cells[(type_code, stage, "expired")] += int(n)
    report = LicencesReport(as_of_date=today.isoformat())
    by_type: dict[str, dict[str, int]] = defaultdict(dict)
    by_stage: dict[str, dict[str, int]] = defaultdict(dict)
    for (type_code, stage, status), n in sorted(cells.items()):
        if n == 0:
            continue
        report.counts.append((type_code, stage, status, n))
        report.total += n
        by_type[type_code][status] = by_type[type_code].get(status, 0) + n
        by_stage[stage][status] = by_stage[stage].get(status, 0) + n
        report.by_status[status] = report.by_status.get(status, 0) + n
    report.by_type, report.by_stage = dict(by_type), dict(by_stage)
    report.expiring = [_licence(r) for r in expiring]
    return report
