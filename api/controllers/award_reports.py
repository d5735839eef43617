"""/api/v1/reports/editions/{id}: how an edition is going — funnel, leaderboard with domain
breakdown, judge workload and where judges disagree — as JSON, CSV or XLSX."""

from __future__ import annotations

from enum import StrEnum
from typing import Any
from uuid import UUID

from litestar import Controller, Response, get
from litestar.params import FromPath, FromQuery

from api.controllers.awards import organisation_names
from api.guards import access
from api.http import AnyRequest, download, registry_of
from api.schemas.award_reports import EditionReportOut, SpreadOut, WorkloadOut
from api.schemas.awards import CategoryResultsOut
from domain.awards.ranking import TIE_BREAK, CategoryResults
from domain.roles import OVERSIGHT
from registry.exports import Table, csv_file, xlsx_file
from registry.results import EditionReport


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class Section(StrEnum):
    FUNNEL = "funnel"
    LEADERBOARD = "leaderboard"
    WORKLOAD = "workload"
    SPREAD = "spread"


def _sheets(report: EditionReport, names: dict[str, Any]) -> dict[Section, list[list[Any]]]:
    """Every section as rows of cells (the first row is the header)."""
    leaderboard: list[list[Any]] = [
        [
            "category",
            "rank",
            "application_id",
            "organisation_en",
            "organisation_ar",
            "total",
            "complete",
            "winner",
            "domain",
            "domain_points",
            "domain_max",
            "domain_weighted",
        ]
    ]
    for category, standings in report.leaderboard.items():
        for s in standings:
            name = names.get(str(s.organisation_id))
            for d in s.domains:
                leaderboard.append(
                    [
                        category,
                        s.rank,
                        str(s.application_id),
                        name.en if name else "",
                        name.ar if name else "",
                        s.total,
                        s.complete,
                        s.winner,
                        d.key,
                        d.points,
                        d.max_points,
                        round(d.weighted, 2),
                    ]
                )
    return {
        Section.FUNNEL: [["stage", "applications"], *[[k, v] for k, v in report.funnel.items()]],
        Section.LEADERBOARD: leaderboard,
        Section.WORKLOAD: [
            ["judge_id", "username", "assigned", "conflicts", "submitted", "criteria_scored"],
            *[list(row) for row in report.workload],
        ],
        Section.SPREAD: [
            ["criterion", "applications", "mean_spread", "max_spread"],
            *[[s.criterion, s.applications, s.mean_spread, s.max_spread] for s in report.spread],
        ],
    }


class EditionReportController(Controller):
    path = "/api/v1/reports/editions"
    tags = ["Reports"]

    @get(
        "/{edition_id:uuid}",
        operation_id="reportEdition",
        summary="An edition's report / تقرير دورة",
        sync_to_thread=True,
        description=f"Funnel, leaderboard, judge workload, criterion spread. {TIE_BREAK}",
        **access(OVERSIGHT),
    )
    def report(self, request: AnyRequest, edition_id: FromPath[UUID]) -> EditionReportOut:
        """An edition's funnel (drafted → winners), leaderboard with domain breakdown, judge
        workload and the criteria on which judges disagree most (max − min per application)."""
        registry = registry_of(request)
        edition = registry.editions.get(edition_id)
        report = registry.results.report(edition)
        names = organisation_names(request)
        return EditionReportOut(
            edition_id=str(edition.id),
            as_of=registry.clock.now().isoformat(),
            funnel=report.funnel,
            leaderboard=[
                CategoryResultsOut.of(
                    CategoryResults(k, edition.categories[k].winners, tuple(v)), names
                )
                for k, v in report.leaderboard.items()
            ],
            judge_workload=[WorkloadOut(*row) for row in report.workload],
            criterion_spread=[
                SpreadOut(s.criterion, s.applications, str(s.mean_spread), str(s.max_spread))
                for s in report.spread
            ],
        )

    @get(
        "/{edition_id:uuid}/export",
        operation_id="exportEditionReport",
        summary="Export an edition's report / تصدير تقرير دورة",
        sync_to_thread=True,
        **access(OVERSIGHT),
    )
    def export(
        self,
        request: AnyRequest,
        edition_id: FromPath[UUID],
        format: FromQuery[ExportFormat] = ExportFormat.XLSX,
        section: FromQuery[Section] = Section.LEADERBOARD,
    ) -> Response[bytes]:
        """The report as XLSX (one sheet per section) or CSV (one `section`, UTF-8 with BOM)."""
        return export_report(request, edition_id, format, section)


def export_report(
    request: AnyRequest, edition_id: UUID, format: ExportFormat, section: Section
) -> Response[bytes]:
    """The edition's report as a file: the JSON API's export and the office's report page."""
    registry = registry_of(request)
    edition = registry.editions.get(edition_id)
    rows = _sheets(registry.results.report(edition), organisation_names(request))
    stem = f"{edition.programme_code.lower()}-{edition.year}"
    tables = {k: Table(k.value, cells[0], cells[1:]) for k, cells in rows.items()}
    if format == ExportFormat.CSV:
        return download(csv_file(tables[section], stem))
    return download(xlsx_file(list(tables.values()), f"{stem}-report"))
