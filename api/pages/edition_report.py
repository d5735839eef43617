"""The edition report for the office and the committee: the funnel from drafted to winners,
the leaderboard with its domain breakdown and minimum score line, the judges' workload and
the criteria on which judges disagree most — charts with their tables beside them, and the
same figures as CSV or XLSX (the JSON API's own report and export)."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, Response, get
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from api.controllers.award_reports import ExportFormat, Section, export_report
from api.guards import access
from api.http import AnyRequest, registry_of
from api.pages.charts import counts_chart
from api.pages.i18n import language_of, translate
from api.pages.rendering import page
from domain.messages import N_
from domain.roles import OVERSIGHT

READ = access(OVERSIGHT)
FUNNEL_LABELS = {
    "drafted": N_("Drafts started"),
    "submitted": N_("Submitted applications"),
    "eligible": N_("Found eligible"),
    "scored": N_("Consensus complete"),
    "winners": N_("Winners"),
}
SECTION_LABELS = {
    Section.FUNNEL: N_("Funnel"),
    Section.LEADERBOARD: N_("Leaderboard"),
    Section.WORKLOAD: N_("Judges' workload"),
    Section.SPREAD: N_("Where judges disagree"),
}


class EditionReportPages(Controller):
    path = "/desk/editions"
    include_in_schema = False

    @get("/{edition_id:uuid}/report", name="office_edition_report", **READ, sync_to_thread=True)
    def report(self, request: AnyRequest, edition_id: FromPath[UUID]) -> Template:
        """The edition's report as of now."""
        registry = registry_of(request)
        lang = language_of(request)
        rtl = lang == "ar"
        edition = registry.editions.get(edition_id)
        report = registry.results.report(edition)
        funnel = [
            (translate(lang, FUNNEL_LABELS.get(stage, stage)), count, None)
            for stage, count in report.funnel.items()
        ]
        workload = [
            (username or judge_id, scored, None)
            for judge_id, username, *_, scored in report.workload
        ]
        return page(
            request,
            "awards/office/report.html",
            edition=edition,
            report=report,
            as_of=registry.clock.now(),
            funnel=funnel,
            funnel_chart=counts_chart(funnel, rtl=rtl),
            workload_chart=counts_chart(workload, rtl=rtl),
            board=report.leaderboard,
            names=registry.organisations.names(),
            sections=[(str(s), SECTION_LABELS[s]) for s in Section],
        )

    @get(
        "/{edition_id:uuid}/report/export",
        name="office_edition_report_export",
        **READ,
        sync_to_thread=True,
    )
    def export(
        self,
        request: AnyRequest,
        edition_id: FromPath[UUID],
        format: FromQuery[ExportFormat] = ExportFormat.XLSX,
        section: FromQuery[Section] = Section.LEADERBOARD,
    ) -> Response[bytes]:
        """The report as XLSX (a sheet per section) or one section as CSV."""
        return export_report(request, edition_id, format, section)
