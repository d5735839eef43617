"""Bodies of /api/v1/reports/membership and /api/v1/reports/licences."""

from __future__ import annotations

from uuid import UUID

import msgspec


class CountOut(msgspec.Struct):
    track: str
    region: str
    sector: str | None
    status: str
    count: int


class MonthOut(msgspec.Struct):
    month: str
    count: int


class MonthDetailOut(msgspec.Struct):
    month: str
    track: str
    region: str
    count: int


class RegionProgressOut(msgspec.Struct):
    region: str
    name_en: str
    name_ar: str
    active: int
    target: int | None
    percent: float | None


class NationalProgressOut(msgspec.Struct):
    """Toward "a quality ambassador in every home": 4.2 million Saudi households (2022 census)."""

    active: int
    target: int
    percent: float


class TopAmbassadorOut(msgspec.Struct):
    rank: int
    id: UUID
    name_ar: str
    name_en: str | None
    region: str
    track: str
    points: int


class MembershipReportOut(msgspec.Struct):
    as_of_date: str
    total: int
    counts: list[CountOut]
    by_status: dict[str, int]
    by_track: dict[str, int]
    by_sector: dict[str, int]
    by_region: dict[str, dict[str, int]]
    enrolments_per_month: list[MonthOut]
    enrolments_per_month_detail: list[MonthDetailOut]
    national_progress: NationalProgressOut
    regional_progress: list[RegionProgressOut]
    top_ambassadors: list[TopAmbassadorOut]
