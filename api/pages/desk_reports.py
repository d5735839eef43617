"""The desk's membership and licence reports: a chart with the table beside it, and the same
figures as CSV or XLSX (the JSON API's own tables and file writers)."""

from __future__ import annotations

from litestar import Controller, Response, get
from litestar.params import FromQuery
from litestar.response import Template

from api.controllers.register_reports import (
    ExportFormat,
    LicenceTable,
    MembershipTable,
    export,
    licence_tables,
    licences_report_out,
    membership_report_out,
    membership_tables,
)
from api.guards import access
from api.http import AnyRequest
from api.pages.charts import counts_chart
from api.pages.i18n import language_of, translate
from api.pages.labels import LICENCE_STATUS_EN, STATUS_NAMES, options
from api.pages.rendering import page
from domain.ambassadors.values import TRACK_NAMES
from domain.roles import STAFF, Role

READ = access(STAFF, Role.AUDITOR)


class DeskReportPages(Controller):
    path = "/desk/reports"
    include_in_schema = False

    @get("/membership", name="desk_report_membership", **READ, sync_to_thread=True)
    def membership(self, request: AnyRequest) -> Template:
        """Active ambassadors by region against the regional targets, by track and status."""
        lang = language_of(request)
        report = membership_report_out(request)
        regions = [
            (p.name_ar if lang == "ar" else p.name_en, p.active, p.target)
            for p in report.regional_progress
        ]
        tracks = [
            (label, report.by_track.get(key, 0), None) for key, label in options(TRACK_NAMES, lang)
        ]
        statuses = [
            (label, report.by_status.get(key, 0), None)
            for key, label in options(STATUS_NAMES, lang)
        ]
        return page(
            request,
            "desk/reports/membership.html",
            report=report,
            regions=regions,
            region_chart=counts_chart(regions, rtl=lang == "ar"),
            tracks=tracks,
            track_chart=counts_chart(tracks, rtl=lang == "ar"),
            statuses=statuses,
            status_chart=counts_chart(statuses, rtl=lang == "ar"),
        )

    @get("/membership/export", name="desk_report_membership_export", **READ, sync_to_thread=True)
    def membership_export(
        self,
        request: AnyRequest,
        format: FromQuery[ExportFormat] = ExportFormat.XLSX,
        table: FromQuery[MembershipTable] = MembershipTable.COUNTS,
    ) -> Response[bytes]:
        """The membership report as XLSX (a sheet per table) or one table as CSV."""
        return export(
            membership_tables(membership_report_out(request)), format, table, "membership-report"
        )

    @get("/licences", name="desk_report_licences", **READ, sync_to_thread=True)
    def licences(self, request: AnyRequest) -> Template:
        """Licences by status and by type, and those expiring within 90 days."""
        lang = language_of(request)
        report = licences_report_out(request)
        rows = [
            (translate(lang, LICENCE_STATUS_EN.get(status, status)), count, None)
            for status, count in sorted(report.by_status.items())
        ]
        return page(
            request,
            "desk/reports/licences.html",
            report=report,
            statuses=rows,
            status_chart=counts_chart(rows, rtl=lang == "ar"),
        )

    @get("/licences/export", name="desk_report_licences_export", **READ, sync_to_thread=True)
    def licences_export(
        self,
        request: AnyRequest,
        format: FromQuery[ExportFormat] = ExportFormat.XLSX,
        table: FromQuery[LicenceTable] = LicenceTable.COUNTS,
    ) -> Response[bytes]:
        """The licences report as XLSX or one table as CSV."""
        return export(
            licence_tables(licences_report_out(request)), format, table, "licences-report"
        )
