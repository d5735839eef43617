"""Bodies of /api/v1/reports/editions: an edition's funnel, leaderboard, workload, spread."""

from __future__ import annotations

import msgspec

from api.schemas.awards import CategoryResultsOut

# -- reports -----------------------------------------------------------------------------


class WorkloadOut(msgspec.Struct):
    judge_id: str
    username: str | None
    assigned: int
    conflicts: int
    submitted: int
    criteria_scored: int


class SpreadOut(msgspec.Struct):
    criterion: str
    applications: int
    mean_spread: str
    max_spread: str


class EditionReportOut(msgspec.Struct):
    edition_id: str
    as_of: str
    funnel: dict[str, int]
    leaderboard: list[CategoryResultsOut]
    judge_workload: list[WorkloadOut]
    criterion_spread: list[SpreadOut]
