"""Bodies of /api/v1/reports."""

from __future__ import annotations

import msgspec

from api.schemas.common import TextOut


class OverdueMilestoneOut(msgspec.Struct):
    id: str
    title: TextOut
    planned_on: str
    days_overdue: int


class LatestReportOut(msgspec.Struct):
    period: str
    summary: TextOut
    percent_complete: int | None
    submitted_at: str
    revision: int


class InitiativeProgressOut(msgspec.Struct):
    id: str
    code: str
    title: TextOut
    status: str
    milestones_total: int
    milestones_done: int
    milestones_cancelled: int
    percent_milestones_done: float | None
    overdue_milestones: list[OverdueMilestoneOut]
    pilots_by_phase: dict[str, int]
    latest_progress_report: LatestReportOut | None


class InitiativesReport(msgspec.Struct):
    as_of_date: str
    initiatives: list[InitiativeProgressOut]
    totals: dict[str, int]
