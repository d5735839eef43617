"""/api/v1/reports/membership and /licences: the registers' reports, as JSON, CSV or XLSX."""

from __future__ import annotations

from enum import StrEnum

import msgspec
from litestar import Controller, Response, get
from litestar.params import FromQuery

from api.guards import access
from api.http import AnyRequest, registry_of
from api.schemas.licences import LicencesReportOut
from api.schemas.register_reports import (
    MembershipReportOut,
)
from domain.roles import READERS
from registry.exports import CSV, XLSX, Table, to_csv, to_xlsx


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class MembershipTable(StrEnum):
    COUNTS = "counts"
    MONTHLY = "monthly"
    PROGRESS = "progress"
    TOP = "top"


def membership_report_out(request: AnyRequest) -> MembershipReportOut:
    report = registry_of(request).ambassadors.report()
    return msgspec.convert(report, MembershipReportOut, from_attributes=True)


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
        content, media, name = to_xlsx(list(tables.values())), XLSX, f"{stem}.xlsx"
    else:
        content, media, name = to_csv(tables[table]), CSV, f"{stem}-{table}.csv"
    return Response(
        content, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


class MembershipReportController(Controller):
    path = "/api/v1/reports/membership"
    tags = ["Reports"]

    @get(
        "/",
        operation_id="reportMembership",
        summary="Membership report / تقرير العضويات",
        sync_to_thread=True,
        **access(READERS),
    )
    def report(self, request: AnyRequest) -> MembershipReportOut:
        """Ambassadors by track × region × sector × status (an active membership past its expiry
        date counts as expired), enrolments per month, progress toward the regional targets and
        toward one per household, and the top ambassadors by points. Read from counters kept by
        the read model: it answers in constant time however many members there are."""
        return membership_report_out(request)

    @get(
        "/export",
        operation_id="exportMembershipReport",
        summary="Export the membership report / تصدير تقرير العضويات",
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
    report = registry_of(request).licences.report()
    return msgspec.convert(report, LicencesReportOut, from_attributes=True)


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

    @get(
        "/",
        operation_id="reportLicences",
        summary="Licences report / تقرير الرخص",
        sync_to_thread=True,
        **access(READERS),
    )
    def report(self, request: AnyRequest) -> LicencesReportOut:
        """Licences by type, stage and status (an issued licence past its validity counts as
        expired) and those expiring within the next 90 days."""
        return licences_report_out(request)

    @get(
        "/export",
        operation_id="exportLicencesReport",
        summary="Export the licences report / تصدير تقرير الرخص",
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
