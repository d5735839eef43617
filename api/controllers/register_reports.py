"""/api/v1/reports/membership and /licences: the registers' reports, as JSON, CSV or XLSX."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from litestar import Controller, Response, get
from litestar.params import FromQuery

from api.guards import access
from api.http import AnyRequest, download, registry_of
from api.schemas.ambassadors import name_or_erased
from api.schemas.licences import ExpiringLicenceOut, LicenceCountOut, LicencesReportOut
from api.schemas.register_reports import (
    CountOut,
    MembershipReportOut,
    MonthDetailOut,
    MonthOut,
    NationalProgressOut,
    RegionProgressOut,
    TopAmbassadorOut,
)
from domain.ambassadors.targets import NATIONAL_HOUSEHOLDS_2022
from domain.regions import REGION_NAMES, Region
from domain.roles import READERS
from projections.licences_queries import licences_report
from projections.membership_queries import membership_report
from registry.exports import XLSX, Table, csv_file, xlsx_file


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class MembershipTable(StrEnum):
    COUNTS = "counts"
    MONTHLY = "monthly"
    PROGRESS = "progress"
    TOP = "top"


def _percent(part: int, whole: int | None) -> float | None:
    return round(100.0 * part / whole, 2) if whole else None


def membership_report_out(request: AnyRequest) -> MembershipReportOut:
    registry = registry_of(request)
    report = membership_report(registry.db, registry.clock.now().date())
    months: dict[str, int] = {}
    for month, _track, _region, n in report.monthly:
        months[month] = months.get(month, 0) + n
    opened = registry.vault.open_many({UUID(r.id): r.personal for r in report.top})
    active = report.by_status.get("active", 0)
    return MembershipReportOut(
        as_of_date=report.as_of_date,
        total=report.total,
        counts=[
            CountOut(track=t, region=r, sector=s or None, status=st, count=n)
            for t, r, s, st, n in report.counts
        ],
        by_status=report.by_status,
        by_track=report.by_track,
        by_sector={(s or "none"): n for s, n in report.by_sector.items()},
        by_region=report.by_region,
        enrolments_per_month=[MonthOut(month=m, count=n) for m, n in sorted(months.items())],
        enrolments_per_month_detail=[
            MonthDetailOut(month=m, track=t, region=r, count=n) for m, t, r, n in report.monthly
        ],
        national_progress=NationalProgressOut(
            active=active,
            target=NATIONAL_HOUSEHOLDS_2022,
            percent=_percent(active, NATIONAL_HOUSEHOLDS_2022) or 0.0,
        ),
        regional_progress=[
            RegionProgressOut(
                region=region.value,
                name_en=REGION_NAMES[region][0],
                name_ar=REGION_NAMES[region][1],
                active=report.by_region.get(region.value, {}).get("active", 0),
                target=report.targets.get(region.value),
                percent=_percent(
                    report.by_region.get(region.value, {}).get("active", 0),
                    report.targets.get(region.value),
                ),
            )
            for region in Region
        ],
        top_ambassadors=[
            TopAmbassadorOut(
                rank=i,
                id=UUID(r.id),
                name_ar=name_or_erased(opened.get(UUID(r.id)))[0],
                name_en=name_or_erased(opened.get(UUID(r.id)))[1],
                region=r.region,
                track=r.track,
                points=r.points,
            )
            for i, r in enumerate(report.top, start=1)
        ],
    )


def membership_tables(body: MembershipReportOut) -> dict[str, Table]:
    return {
        MembershipTable.COUNTS: Table(
            "counts",
            ["track", "region", "sector", "status", "count"],
            [(c.track, c.region, c.sector or "", c.status, c.count) for c in body.counts],
        ),
        MembershipTable.MONTHLY: Table(
            "monthly",
            ["month", "track", "region", "enrolments"],
            [(m.month, m.track, m.region, m.count) for m in body.enrolments_per_month_detail],
        ),
        MembershipTable.PROGRESS: Table(
            "progress",
            ["region", "name_en", "name_ar", "active", "target", "percent"],
            [
                (
                    "national",
                    "Kingdom",
                    "المملكة",
                    body.national_progress.active,
                    body.national_progress.target,
                    body.national_progress.percent,
                )
            ]
            + [
                (p.region, p.name_en, p.name_ar, p.active, p.target, p.percent)
                for p in body.regional_progress
            ],
        ),
        MembershipTable.TOP: Table(
            "top",
            ["rank", "name_ar", "name_en", "region", "track", "points"],
            [
                (t.rank, t.name_ar, t.name_en or "", t.region, t.track, t.points)
                for t in body.top_ambassadors
            ],
        ),
    }


def export(tables: dict[str, Table], fmt: ExportFormat, table: str, stem: str) -> Response[bytes]:
    if fmt == ExportFormat.XLSX:
        return download(xlsx_file(list(tables.values()), stem))
    return download(csv_file(tables[table], stem))


class MembershipReportController(Controller):
    path = "/api/v1/reports/membership"
    tags = ["Reports"]

    @get("/", operation_id="reportMembership", sync_to_thread=True, **access(READERS))
    def report(self, request: AnyRequest) -> MembershipReportOut:
        """Ambassadors by track × region × sector × status (an active membership past its expiry
        date counts as expired), enrolments per month, progress toward the regional targets and
        toward one per household, and the top ambassadors by points. Read from counters kept by
        the read model: it answers in constant time however many members there are."""
        return membership_report_out(request)

    @get(
        "/export",
        operation_id="exportMembershipReport",
        sync_to_thread=True,
        media_type=XLSX,
        **access(READERS),
    )
    def export(
        self,
        request: AnyRequest,
        format: FromQuery[ExportFormat] = ExportFormat.XLSX,
        table: FromQuery[MembershipTable] = MembershipTable.COUNTS,
    ) -> Response[bytes]:
        """The report as XLSX (a sheet per table) or CSV (the table asked for)."""
        body = membership_report_out(request)
        return export(membership_tables(body), format, table, "membership-report")


class LicenceTable(StrEnum):
    COUNTS = "counts"
    EXPIRING = "expiring"


def licences_report_out(request: AnyRequest) -> LicencesReportOut:
    registry = registry_of(request)
    report = licences_report(registry.db, registry.clock.now().date())
    opened = registry.vault.open_many({UUID(r.person_id): r.personal for r in report.expiring})
    return LicencesReportOut(
        as_of_date=report.as_of_date,
        total=report.total,
        counts=[
            LicenceCountOut(type_code=t, stage=s, status=st, count=n)
            for t, s, st, n in report.counts
        ],
        by_type=report.by_type,
        by_stage=report.by_stage,
        by_status=report.by_status,
        expiring_within_90_days=[
            ExpiringLicenceOut(
                id=UUID(r.id),
                number=r.number,
                type_code=r.type_code,
                valid_until=r.valid_until,
                holder_name_ar=name_or_erased(opened.get(UUID(r.person_id)))[0],
            )
            for r in report.expiring
        ],
    )


def licence_tables(body: LicencesReportOut) -> dict[str, Table]:
    return {
        LicenceTable.COUNTS: Table(
            "counts",
            ["type_code", "stage", "status", "count"],
            [(c.type_code, c.stage, c.status, c.count) for c in body.counts],
        ),
        LicenceTable.EXPIRING: Table(
            "expiring",
            ["number", "type_code", "valid_until", "holder_name_ar"],
            [
                (e.number or "", e.type_code, e.valid_until or "", e.holder_name_ar)
                for e in body.expiring_within_90_days
            ],
        ),
    }


class LicenceReportController(Controller):
    path = "/api/v1/reports/licences"
    tags = ["Reports"]

    @get("/", operation_id="reportLicences", sync_to_thread=True, **access(READERS))
    def report(self, request: AnyRequest) -> LicencesReportOut:
        """Licences by type, stage and status (an issued licence past its validity counts as
        expired) and those expiring within the next 90 days."""
        return licences_report_out(request)

    @get(
        "/export",
        operation_id="exportLicencesReport",
        sync_to_thread=True,
        media_type=XLSX,
        **access(READERS),
    )
    def export(
        self,
        request: AnyRequest,
        format: FromQuery[ExportFormat] = ExportFormat.XLSX,
        table: FromQuery[LicenceTable] = LicenceTable.COUNTS,
    ) -> Response[bytes]:
        """The report as XLSX (a sheet per table) or CSV (the table asked for)."""
        return export(
            licence_tables(licences_report_out(request)), format, table, "licences-report"
        )
