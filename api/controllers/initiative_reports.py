"""/api/v1/reports: projections of the event history for the executive office."""

from __future__ import annotations

from litestar import Controller, get
from litestar.di import NamedDependency

from api.guards import access
from api.schemas.common import TextOut
from api.schemas.initiative_reports import (
    InitiativeProgressOut,
    InitiativesReport,
    LatestReportOut,
    OverdueMilestoneOut,
)
from domain.roles import READERS
from registry.initiatives import InitiativeService


class ReportController(Controller):
    path = "/api/v1/reports"
    tags = ["Reports"]

    @get(
        "/initiatives",
        operation_id="reportInitiatives",
        summary="Initiatives progress report / تقرير تقدّم المبادرات",
        sync_to_thread=True,
        **access(READERS),
    )
    def initiatives(self, initiatives: NamedDependency[InitiativeService]) -> InitiativesReport:
        """Per initiative: % of milestones done, overdue milestones, pilots by phase, latest report."""
        report = initiatives.progress_report()
        items = [
            InitiativeProgressOut(
                id=p.initiative.id,
                code=p.initiative.code,
                title=TextOut(ar=p.initiative.title_ar, en=p.initiative.title_en),
                status=p.initiative.status,
                milestones_total=p.milestones_total,
                milestones_done=p.milestones_done,
                milestones_cancelled=p.milestones_cancelled,
                percent_milestones_done=p.percent_done,
                overdue_milestones=[
                    OverdueMilestoneOut(
                        id=m.id,
                        title=TextOut(ar=m.title_ar, en=m.title_en),
                        planned_on=m.planned_on,
                        days_overdue=m.days_overdue,
                    )
                    for m in p.overdue
                ],
                pilots_by_phase=p.pilots_by_phase,
                latest_progress_report=(
                    LatestReportOut(
                        period=r.period,
                        summary=TextOut(ar=r.summary_ar, en=r.summary_en),
                        percent_complete=r.percent_complete,
                        submitted_at=r.submitted_at,
                        revision=r.revision,
                    )
                    if (r := p.latest_report)
                    else None
                ),
            )
            for p in report.initiatives
        ]
        return InitiativesReport(
            as_of_date=report.as_of_date.isoformat(), initiatives=items, totals=report.totals
        )
