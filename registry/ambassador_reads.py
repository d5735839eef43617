"""What the ambassadors' queries return: lists and leaderboards with names, the public
certificate check and the membership report — plain values any entry point renders.

Names are decrypted here, a page at a time (one key read per page); an erased
person reads "erased". The read model holds only sealed personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from domain.ambassadors.membership import STATUS_AR
from domain.ambassadors.targets import NATIONAL_HOUSEHOLDS_2022
from domain.ambassadors.values import MembershipStatus, Sector, Track, effective_status
from domain.personal import name_or_erased
from domain.regions import REGION_NAMES, Region
from projections import membership_queries as q
from projections.membership_queries import MemberRow, PendingActivity
from projections.sql import Database
from registry.pages import Page
from registry.personal_data import PersonalDataVault


@dataclass(frozen=True)
class MemberFilters:
    """Which members a list shows; None means any."""

    status: MembershipStatus | None = None
    region: Region | None = None
    track: Track | None = None
    sector: Sector | None = None

    def columns(self) -> dict[str, str | None]:
        """The filters as the read model's columns (None: any)."""
        return {
            "status": self.status,
            "region": self.region,
            "track": self.track,
            "sector": self.sector,
        }


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
    db: Database, vault: PersonalDataVault, filters: MemberFilters, limit: int, offset: int
) -> Page[MemberSummary]:
    rows, total = q.list_members(db, limit, offset, **filters.columns())
    named = vault.names({UUID(r.id): r.personal for r in rows})
    items = [
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
    return Page(items, total, limit, offset)


def matching_ids(db: Database, filters: MemberFilters, limit: int) -> list[UUID]:
    return [UUID(i) for i in q.member_ids(db, limit, **filters.columns())]


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
