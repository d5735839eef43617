"""Queries over the membership read model: lists, leaderboards, look-ups, the report.

The report reads counters, never member rows: its cost does not grow with the
number of ambassadors. The one exception is the correction for memberships
past their expiry date whose expiry has not been recorded yet; it reads a
partial index of active members by expiry date, which the daily expiry run
(``nqs ambassadors expire``) keeps short.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from projections.counters import where_equal
from projections.sql import Database


@dataclass(frozen=True)
class MemberRow:
    id: str
    status: str
    track: str
    region: str
    sector: str
    city: str
    enrolled_on: str
    expires_on: str | None
    points: int
    version: int
    personal: bytes | None


_MEMBER_COLUMNS = (
    "id, status, track, region, sector, city, enrolled_on, expires_on, points, version, personal"
)


def _member(row: Any) -> MemberRow:
    values = list(row)
    values[-1] = bytes(values[-1]) if values[-1] is not None else None  # memoryview on PostgreSQL
    return MemberRow(*values)


def list_members(
    db: Database,
    limit: int,
    offset: int,
    *,
    status: str | None = None,
    region: str | None = None,
    track: str | None = None,
    sector: str | None = None,
) -> tuple[list[MemberRow], int]:
    """A page of members by status, then oldest enrolment first, with the total from the
    counters."""
    clause, params = where_equal(
        (("status", status), ("region", region), ("track", track), ("sector", sector))
    )
    with db.read() as cur:
        rows = cur.fetchall(members_page_sql(clause), [*params, limit, offset])
        # The filters are columns of the counters too: the total never counts member rows.
        total = cur.fetchone(
            f"SELECT COALESCE(SUM(n), 0) FROM view_membership_counts {clause}",
            params,
        )
    return [_member(r) for r in rows], int(total[0]) if total else 0


def member_ids(
    db: Database,
    limit: int,
    *,
    status: str | None = None,
    region: str | None = None,
    track: str | None = None,
    sector: str | None = None,
) -> list[str]:
    """The ids of the members a filter matches, in the list's order (at most ``limit``)."""
    clause, params = where_equal(
        (("status", status), ("region", region), ("track", track), ("sector", sector))
    )
    with db.read() as cur:
        rows = cur.fetchall(
            f"SELECT id FROM view_ambassadors {clause} ORDER BY status, enrolled_on, id LIMIT ?",
            [*params, limit],
        )
    return [str(r[0]) for r in rows]


def members_page_sql(clause: str) -> str:
    """The members list's query for a ``WHERE`` clause of equalities (``?`` placeholders),
    then ``LIMIT ? OFFSET ?``; an index of each filter column keeps it in this order."""
    return (
        f"SELECT {_MEMBER_COLUMNS} FROM view_ambassadors {clause}"
        " ORDER BY status, enrolled_on, id LIMIT ? OFFSET ?"
    )


def member_by_code(db: Database, code: str) -> MemberRow | None:
    with db.read() as cur:
        row = cur.fetchone(
            f"SELECT {_MEMBER_COLUMNS} FROM view_ambassadors WHERE verification_code = ?",
            (code,),
        )
    return _member(row) if row else None


def active_past_expiry(db: Database, today: date, limit: int) -> list[str]:
    with db.read() as cur:
        rows = cur.fetchall(
            "SELECT id FROM view_ambassadors WHERE status = 'active' AND expires_on < ?"
            " ORDER BY expires_on LIMIT ?",
            (today.isoformat(), limit),
        )
    return [str(r[0]) for r in rows]


def leaderboard(db: Database, limit: int, region: str | None = None) -> list[MemberRow]:
    """Active ambassadors with the most verified points, nationally or in one region."""
    where = "points > 0 AND status = 'active'" + (" AND region = ?" if region else "")
    with db.read() as cur:
        rows = cur.fetchall(
            f"SELECT {_MEMBER_COLUMNS} FROM view_ambassadors WHERE {where}"
            " ORDER BY points DESC, id LIMIT ?",
            [*([region] if region else []), limit],
        )
    return [_member(r) for r in rows]


@dataclass(frozen=True)
class PendingActivity:
    membership_id: str
    activity_id: str
    kind: str
    title: str
    held_on: str
    participants: int
    status: str
    logged_at: str


def activities(db: Database, status: str, limit: int, offset: int) -> list[PendingActivity]:
    with db.read() as cur:
        rows = cur.fetchall(
            "SELECT membership_id, activity_id, kind, title, held_on, participants, status,"
            " logged_at FROM view_membership_activities WHERE status = ?"
            " ORDER BY logged_at, activity_id LIMIT ? OFFSET ?",
            (status, limit, offset),
        )
    return [PendingActivity(*r) for r in rows]


@dataclass
class MembershipReport:
    as_of_date: str
    total: int = 0
    counts: list[tuple[str, str, str, str, int]] = field(default_factory=list)
    by_status: dict[str, int] = field(default_factory=dict)
    by_track: dict[str, int] = field(default_factory=dict)
    by_region: dict[str, dict[str, int]] = field(default_factory=dict)
    by_sector: dict[str, int] = field(default_factory=dict)
    monthly: list[tuple[str, str, str, int]] = field(default_factory=list)
    targets: dict[str, int] = field(default_factory=dict)
    top: list[MemberRow] = field(default_factory=list)


def membership_report(db: Database, today: date, top: int = 10) -> MembershipReport:
    """Counts by track × region × sector × status (active past expiry counted as expired),
    enrolments per month, targets per region and the top ambassadors."""
    with db.read() as cur:
        counts = cur.fetchall(
            "SELECT track, region, sector, status, n FROM view_membership_counts WHERE n <> 0"
        )
        lapsed = cur.fetchall(
            "SELECT track, region, sector, COUNT(*) FROM view_ambassadors"
            " WHERE status = 'active' AND expires_on < ? GROUP BY track, region, sector",
            (today.isoformat(),),
        )
        monthly = cur.fetchall(
            "SELECT month, track, region, n FROM view_membership_monthly ORDER BY month, track,"
            " region"
        )
        targets = cur.fetchall("SELECT region, target FROM view_membership_targets")
    cells: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for track, region, sector, status, n in counts:
        cells[(track, region, sector, status)] += int(n)
    for track, region, sector, n in lapsed:
        cells[(track, region, sector, "active")] -= int(n)
        cells[(track, region, sector, "expired")] += int(n)
    report = MembershipReport(as_of_date=today.isoformat())
    by_region: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (track, region, sector, status), n in sorted(cells.items()):
        if n == 0:
            continue
        report.counts.append((track, region, sector, status, n))
        report.total += n
        report.by_status[status] = report.by_status.get(status, 0) + n
        report.by_track[track] = report.by_track.get(track, 0) + n
        report.by_sector[sector] = report.by_sector.get(sector, 0) + n
        by_region[region][status] += n
    report.by_region = {r: dict(v) for r, v in by_region.items()}
    report.monthly = [(m, t, r, int(n)) for m, t, r, n in monthly]
    report.targets = {str(r): int(t) for r, t in targets}
    report.top = leaderboard(db, top)
    return report
