"""What the ambassadors' queries return: lists and leaderboards with names, the public
certificate check and the membership report — plain values any entry point renders.

Names are decrypted here, a page at a time (one key read per page); an erased
person reads "erased". The read model holds only sealed personal data.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field, replace
from datetime import date
from uuid import UUID

from domain.ambassadors.membership import STATUS_AR
from domain.ambassadors.targets import NATIONAL_HOUSEHOLDS_2022
from domain.ambassadors.values import MembershipStatus, Sector, Track, effective_status
from domain.errors import InvalidInput
from domain.messages import N_
from domain.personal import name_or_erased
from domain.regions import REGION_NAMES, Region
from projections import membership_queries as q
from projections.membership_queries import MemberRow, PendingActivity
from projections.sql import Database
from registry.personal_data import PersonalDataVault


@dataclass(frozen=True)
class MemberFilters:
    """Which members a list shows; None means any."""

    status: MembershipStatus | None = None
    region: Region | None = None
    track: Track | None = None
    sector: Sector | None = None
    # Enrolled on or after / on or before these days (both included).
    enrolled_from: date | None = None
    enrolled_to: date | None = None

    def columns(self) -> dict[str, str | None]:
        """The filters as the read model's columns (None: any)."""
        return {
            "status": self.status,
            "region": self.region,
            "track": self.track,
            "sector": self.sector,
            "enrolled_from": self.enrolled_from.isoformat() if self.enrolled_from else None,
            "enrolled_to": self.enrolled_to.isoformat() if self.enrolled_to else None,
        }

    def check(self) -> None:
        """Refuses a date range that ends before it starts (it would match no one)."""
        if self.enrolled_from and self.enrolled_to and self.enrolled_to < self.enrolled_from:
            raise InvalidInput(
                N_("The last enrolment date is before the first one."), field="enrolled_to"
            )


_CURSOR_MAX = 200
_BAD_CURSOR = N_(
    "This cursor is not one the list gave out (damaged or edited): start again from the "
    "first page, without it."
)


@dataclass(frozen=True)
class MemberCursor:
    """Where a page of the members list starts: right after (``forward``) or right before a
    member's place in the list's order (status, enrolment day, membership id).

    Opaque to clients (URL-safe base64) and holding nothing personal: a status, a day and
    the membership id, which already names the member's page. It is validated rather than
    signed, on purpose: a cursor only says where to start reading a list the caller may
    read anyway, so a forged one that passes every check just starts elsewhere, while any
    other string is refused with a problem naming ``cursor`` (never a 500).
    """

    forward: bool
    status: str
    enrolled_on: str
    id: UUID

    def key(self) -> tuple[str, str, str]:
        return (self.status, self.enrolled_on, str(self.id))

    def encode(self) -> str:
        raw = f"{'n' if self.forward else 'p'}~{self.status}~{self.enrolled_on}~{self.id.hex}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> MemberCursor:
        """The cursor a ``next_cursor`` / ``previous_cursor`` gave, or InvalidInput."""
        try:
            if not 0 < len(text) <= _CURSOR_MAX:
                raise ValueError(text)
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("ascii")
            direction, status, day, member = raw.split("~")
            if direction not in ("n", "p") or len(member) != 32:
                raise ValueError(raw)
            enrolled_on = date.fromisoformat(day).isoformat()
            if enrolled_on != day:
                raise ValueError(day)
            return cls(direction == "n", MembershipStatus(status).value, day, UUID(hex=member))
        except (ValueError, binascii.Error, UnicodeError):
            raise InvalidInput(_BAD_CURSOR, field="cursor") from None

    @classmethod
    def of(cls, forward: bool, member: MemberSummary) -> MemberCursor:
        return cls(forward, member.status, member.enrolled_on, member.id)


@dataclass(frozen=True)
class MemberSummary:
    """One row of the members list, with the member's name."""

    id: UUID
    status: str
    track: str
    region: str
    sector: str | None
    city: str
    name_ar: str
    name_en: str | None
    enrolled_on: str
    expires_on: str | None
    points: int
    version: int


@dataclass(frozen=True)
class MemberPage:
    """A page of the members list: its members, how many match (exact, or when
    ``total_exact`` is False at least ``total``: "more than"), the window asked for, and
    the cursors of the pages either side (None at either end)."""

    items: list[MemberSummary]
    total: int
    total_exact: bool
    limit: int
    offset: int
    next_cursor: str | None
    previous_cursor: str | None


@dataclass(frozen=True)
class Leader:
    """An ambassador on a leaderboard: rank (from 1), name and verified points."""

    rank: int
    id: UUID
    name_ar: str
    name_en: str | None
    region: str
    track: str
    points: int


@dataclass(frozen=True)
class CertificateCheck:
    """The public check of a membership certificate: the name and the status, nothing else."""

    code: str
    name_ar: str
    name_en: str | None
    status: MembershipStatus
    status_ar: str


@dataclass(frozen=True)
class Count:
    track: str
    region: str
    sector: str | None
    status: str
    count: int


@dataclass(frozen=True)
class Month:
    month: str
    count: int


@dataclass(frozen=True)
class MonthDetail:
    month: str
    track: str
    region: str
    count: int


@dataclass(frozen=True)
class NationalProgress:
    """Toward "a quality ambassador in every home" (4.2 million households, 2022 census)."""

    active: int
    target: int
    percent: float


@dataclass(frozen=True)
class RegionProgress:
    region: str
    name_en: str
    name_ar: str
    active: int
    target: int | None
    percent: float | None


@dataclass(frozen=True)
class MembershipReport:
    """Counts by track × region × sector × status, enrolments per month, progress toward the
    targets and the top ambassadors, as of a day."""

    as_of_date: str
    total: int
    counts: list[Count]
    by_status: dict[str, int]
    by_track: dict[str, int]
    by_sector: dict[str, int]
    by_region: dict[str, dict[str, int]]
    enrolments_per_month: list[Month]
    enrolments_per_month_detail: list[MonthDetail]
    national_progress: NationalProgress
    regional_progress: list[RegionProgress] = field(default_factory=list)
    top_ambassadors: list[Leader] = field(default_factory=list)


def list_members(
    db: Database,
    vault: PersonalDataVault,
    filters: MemberFilters,
    limit: int,
    offset: int = 0,
    cursor: MemberCursor | None = None,
    *,
    count_cap: int,
) -> MemberPage:
    """A page of members ``offset`` rows in, or on either side of ``cursor``, with the
    cursors of the next and previous pages (see :func:`q.list_members` for the count)."""
    key = None if cursor is None else cursor.key()
    # One row more than the page tells whether there is another page beyond it.
    rows, total, exact = q.list_members(
        db,
        filters.columns(),
        limit + 1,
        offset,
        after=key if cursor and cursor.forward else None,
        before=key if cursor and not cursor.forward else None,
        count_cap=count_cap,
    )
    more = len(rows) > limit
    rows = rows[:limit]
    if cursor is not None and not cursor.forward:
        if not more:
            # Back at the start: the first page, full (members may have moved meanwhile).
            return list_members(db, vault, filters, limit, count_cap=count_cap)
        rows.reverse()
    items = _summaries(vault, rows)
    backwards = cursor is not None and not cursor.forward
    has_next = (not backwards and more) or backwards
    has_previous = backwards or offset > 0 or cursor is not None
    next_cursor = previous_cursor = None
    if items:
        if has_next:
            next_cursor = MemberCursor.of(True, items[-1]).encode()
        if has_previous:
            previous_cursor = MemberCursor.of(False, items[0]).encode()
    elif cursor is not None:
        # Past the end (the last members left the filter meanwhile): the way back.
        previous_cursor = replace(cursor, forward=False).encode()
    return MemberPage(items, total, exact, limit, offset, next_cursor, previous_cursor)


def _summaries(vault: PersonalDataVault, rows: list[MemberRow]) -> list[MemberSummary]:
    named = vault.names({UUID(r.id): r.personal for r in rows})
    return [
        MemberSummary(
            id=UUID(r.id),
            status=r.status,
            track=r.track,
            region=r.region,
            sector=r.sector or None,
            city=r.city,
            name_ar=named[UUID(r.id)][0],
            name_en=named[UUID(r.id)][1],
            enrolled_on=r.enrolled_on,
            expires_on=r.expires_on,
            points=r.points,
            version=r.version,
        )
        for r in rows
    ]


def matching_ids(db: Database, filters: MemberFilters, limit: int) -> list[UUID]:
    return [UUID(i) for i in q.member_ids(db, filters.columns(), limit)]


def leaders(vault: PersonalDataVault, rows: list[MemberRow]) -> list[Leader]:
    named = vault.names({UUID(r.id): r.personal for r in rows})
    return [
        Leader(
            rank=i,
            id=UUID(r.id),
            name_ar=named[UUID(r.id)][0],
            name_en=named[UUID(r.id)][1],
            region=r.region,
            track=r.track,
            points=r.points,
        )
        for i, r in enumerate(rows, start=1)
    ]


def activities(db: Database, status: str, limit: int, offset: int) -> list[PendingActivity]:
    return q.activities(db, status, limit, offset)


def check_certificate(
    db: Database, vault: PersonalDataVault, code: str, today: date
) -> CertificateCheck | None:
    """The certificate with this (normalised) code, or None."""
    row = q.member_by_code(db, code)
    if row is None:
        return None
    name_ar, name_en = name_or_erased(vault.open(UUID(row.id), row.personal))
    expires = None if row.expires_on is None else date.fromisoformat(row.expires_on)
    status = effective_status(MembershipStatus(row.status), expires, today)
    return CertificateCheck(code, name_ar, name_en, status, STATUS_AR[status])


def _percent(part: int, whole: int | None) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def membership_report(
    db: Database, vault: PersonalDataVault, today: date, top: int = 10
) -> MembershipReport:
    report = q.membership_report(db, today, top)
    months: dict[str, int] = {}
    for month, _track, _region, n in report.monthly:
        months[month] = months.get(month, 0) + n
    active = report.by_status.get("active", 0)

    def active_in(region: Region) -> int:
        return report.by_region.get(region.value, {}).get("active", 0)

    return MembershipReport(
        as_of_date=report.as_of_date,
        total=report.total,
        counts=[Count(t, r, s or None, st, n) for t, r, s, st, n in report.counts],
        by_status=report.by_status,
        by_track=report.by_track,
        by_sector={(s or "none"): n for s, n in report.by_sector.items()},
        by_region=report.by_region,
        enrolments_per_month=[Month(m, n) for m, n in sorted(months.items())],
        enrolments_per_month_detail=[MonthDetail(m, t, r, n) for m, t, r, n in report.monthly],
        national_progress=NationalProgress(
            active=active,
            target=NATIONAL_HOUSEHOLDS_2022,
            percent=_percent(active, NATIONAL_HOUSEHOLDS_2022) or 0.0,
        ),
        regional_progress=[
            RegionProgress(
                region=region.value,
                name_en=REGION_NAMES[region][0],
                name_ar=REGION_NAMES[region][1],
                active=active_in(region),
                target=report.targets.get(region.value),
                percent=_percent(active_in(region), report.targets.get(region.value)),
            )
            for region in Region
        ],
        top_ambassadors=leaders(vault, report.top),
    )
