"""Queries over the membership read model: lists, leaderboards, look-ups, the report.

The report reads counters, never member rows: its cost does not grow with the
number of ambassadors. The one exception is the correction for memberships
past their expiry date whose expiry has not been recorded yet; it reads a
partial index of active members by expiry date, which the daily expiry run
(``nqs ambassadors expire``) keeps short.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
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


# The list's order, which every page and every cursor follows: status, then oldest
# enrolment first, then the id to break ties (each filter's index ends with these columns).
ORDER_KEY = ("status", "enrolled_on", "id")
MemberKey = tuple[str, str, str]


def _where(
    status: str | None = None,
    region: str | None = None,
    track: str | None = None,
    sector: str | None = None,
    enrolled_from: str | None = None,
    enrolled_to: str | None = None,
) -> tuple[str, list[Any], bool]:
    """``WHERE …`` for a list's filters, its parameters, and whether it has a date range
    (which the counters cannot count)."""
    clause, params = where_equal(
        (("status", status), ("region", region), ("track", track), ("sector", sector))
    )
    # ISO dates compare as text in both stores, in the index's order.
    ranges = [
        (condition, value)
        for condition, value in (
            ("enrolled_on >= ?", enrolled_from),
            ("enrolled_on <= ?", enrolled_to),
        )
        if value is not None
    ]
    if ranges:
        clause = (clause + " AND " if clause else "WHERE ") + " AND ".join(c for c, _ in ranges)
        params = [*params, *(v for _, v in ranges)]
    return clause, params, bool(ranges)


def list_members(
    db: Database,
    filters: Mapping[str, str | None],
    limit: int,
    offset: int = 0,
    *,
    after: MemberKey | None = None,
    before: MemberKey | None = None,
    count_cap: int,
) -> tuple[list[MemberRow], int, bool]:
    """A page of members in the list's order — ``offset`` rows in, or the ``limit`` rows
    right after (before) a member's key, nearest first — with how many match the filter
    and whether that count is exact.

    The count: a filter of the counters' columns (status, track, region, sector) is summed
    from the counters, exact at any size; a date range is not in the counters, so its
    members are counted up to ``count_cap`` and beyond that the count is "more than
    ``count_cap``" (exact: False).
    """
    clause, params, ranged = _where(**filters)
    seek = "after" if after is not None else "before" if before is not None else None
    # With the status fixed by the filter, the key is compared without it (SQLite would
    # otherwise sort; a cursor always comes from a page of the same filter).
    columns = seek_columns(filters)
    key = list(after or before or ())[-len(columns) :]
    with db.read() as cur:
        if seek is None:
            rows = cur.fetchall(members_page_sql(clause), [*params, limit, offset])
        else:
            sql = members_page_sql(clause, seek, columns)
            rows = cur.fetchall(sql, [*params, *key, limit])
        if ranged:
            found = cur.fetchone(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM view_ambassadors {clause} LIMIT ?) AS capped",
                [*params, count_cap + 1],
            )
            counted = int(found[0]) if found else 0
            total, exact = min(counted, count_cap), counted <= count_cap
        else:
            equal, equal_params = where_equal(
                (k, filters.get(k)) for k in ("status", "region", "track", "sector")
            )
            # The filters are columns of the counters too: the total never counts member rows.
            found = cur.fetchone(
                f"SELECT COALESCE(SUM(n), 0) FROM view_membership_counts {equal}", equal_params
            )
            total, exact = (int(found[0]) if found else 0), True
    return [_member(r) for r in rows], total, exact


def member_ids(db: Database, filters: Mapping[str, str | None], limit: int) -> list[str]:
    """The ids of the members a filter matches, in the list's order (at most ``limit``)."""
    clause, params, _ = _where(**filters)
    with db.read() as cur:
        rows = cur.fetchall(
            f"SELECT id FROM view_ambassadors {clause} ORDER BY status, enrolled_on, id LIMIT ?",
            [*params, limit],
        )
    return [str(r[0]) for r in rows]


def seek_columns(filters: Mapping[str, str | None]) -> tuple[str, ...]:
    """The columns of the list's order a cursor's key is compared on, for these filters."""
    return ORDER_KEY[1:] if filters.get("status") else ORDER_KEY


def members_page_sql(
    clause: str, seek: str | None = None, columns: tuple[str, ...] = ORDER_KEY
) -> str:
    """The members list's query for a ``WHERE`` clause (``?`` placeholders) in the list's
    order: then ``LIMIT ? OFFSET ?``; or, with ``seek`` "after" / "before", the rows past a
    member's key (one more ``?`` for each of ``columns``, see :func:`seek_columns`), then
    ``LIMIT ?``.

    Seeking costs the same on page 1 and page 100,000: the key is a range condition on the
    index of the filter's column (``(column, status, enrolled_on, id)``), where an offset
    reads and drops every row before it. "before" reads backwards, nearest first (the
    caller puts the page back in order).
    """
    select = f"SELECT {_MEMBER_COLUMNS} FROM view_ambassadors {clause}"
    if seek is None:
        return f"{select} ORDER BY status, enrolled_on, id LIMIT ? OFFSET ?"
    compare, direction = (">", "") if seek == "after" else ("<", " DESC")
    joiner = " AND" if clause else " WHERE"
    marks = ", ".join("?" * len(columns))
    return (
        f"{select}{joiner} ({', '.join(columns)}) {compare} ({marks})"
        f" ORDER BY status{direction}, enrolled_on{direction}, id{direction} LIMIT ?"
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
