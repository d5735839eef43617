"""Queries over the initiatives read model (the list and the progress report)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from domain.initiatives.values import PilotPhase, pilot_phase
from projections.sql import Database


@dataclass(frozen=True)
class InitiativeRow:
    id: str
    code: str
    title_ar: str
    title_en: str
    owner: str
    status: str
    version: int
    updated_at: str


@dataclass(frozen=True)
class OverdueMilestone:
    id: str
    title_ar: str
    title_en: str
    planned_on: str
    days_overdue: int


@dataclass(frozen=True)
class LatestReport:
    period: str
    summary_ar: str
    summary_en: str
    percent_complete: int | None
    submitted_at: str
    revision: int


@dataclass
class InitiativeProgress:
    initiative: InitiativeRow
    milestones_total: int = 0
    milestones_done: int = 0
    milestones_cancelled: int = 0
    overdue: list[OverdueMilestone] = field(default_factory=list)
    pilots_by_phase: dict[str, int] = field(default_factory=dict)
    latest_report: LatestReport | None = None

    @property
    def percent_done(self) -> float | None:
        """Done over the milestones still in scope (cancelled ones do not count)."""
        in_scope = self.milestones_total - self.milestones_cancelled
        if in_scope <= 0:
            return None
        return round(100.0 * self.milestones_done / in_scope, 1)


_COLUMNS = "id, code, title_ar, title_en, owner, status, version, updated_at"


def list_initiatives(
    db: Database, limit: int, offset: int, status: str | None = None
) -> tuple[list[InitiativeRow], int]:
    where, params = ("WHERE status = ?", [status]) if status else ("", [])
    with db.read() as cur:
        total_row = cur.fetchone(f"SELECT COUNT(*) FROM view_initiatives {where}", params)
        rows = cur.fetchall(
            f"SELECT {_COLUMNS} FROM view_initiatives {where} ORDER BY code LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    return [InitiativeRow(*r) for r in rows], int(total_row[0]) if total_row else 0


def initiatives_progress(db: Database, today: date) -> list[InitiativeProgress]:
    """Per initiative: milestones done, overdue milestones, pilots by phase, latest report."""
    with db.read() as cur:
        initiatives = [
            InitiativeRow(*r)
            for r in cur.fetchall(f"SELECT {_COLUMNS} FROM view_initiatives ORDER BY code")
        ]
        milestones = cur.fetchall(
            "SELECT initiative_id, milestone_id, title_ar, title_en, planned_on, due_date, status"
            " FROM view_initiative_milestones"
        )
        pilots = cur.fetchall(
            "SELECT initiative_id, internal_status, external_status FROM view_initiative_pilots"
        )
        reports = cur.fetchall(
            "SELECT initiative_id, period, summary_ar, summary_en, percent_complete,"
            " submitted_at, revision, period_end FROM view_initiative_progress"
        )
    progress = {row.id: InitiativeProgress(row) for row in initiatives}
    for initiative_id, milestone_id, title_ar, title_en, planned_on, due_date, status in milestones:
        entry = progress.get(initiative_id)
        if entry is None:
            continue
        entry.milestones_total += 1
        if status == "done":
            entry.milestones_done += 1
        elif status == "cancelled":
            entry.milestones_cancelled += 1
        elif due_date and date.fromisoformat(due_date) < today:
            entry.overdue.append(
                OverdueMilestone(
                    milestone_id,
                    title_ar,
                    title_en,
                    planned_on,
                    (today - date.fromisoformat(due_date)).days,
                )
            )
    phases: dict[str, Counter[str]] = {}
    for initiative_id, internal, external in pilots:
        phases.setdefault(initiative_id, Counter())[pilot_phase(internal, external).value] += 1
    latest: dict[str, tuple[tuple[str, int], LatestReport]] = {}
    for initiative_id, period, s_ar, s_en, percent, submitted_at, revision, period_end in reports:
        key = (period_end, len(period))
        if initiative_id not in latest or key > latest[initiative_id][0]:
            report = LatestReport(period, s_ar, s_en, percent, submitted_at, revision)
            latest[initiative_id] = (key, report)
    for initiative_id, entry in progress.items():
        counts = phases.get(initiative_id, Counter())
        entry.pilots_by_phase = {phase.value: counts.get(phase.value, 0) for phase in PilotPhase}
        entry.overdue.sort(key=lambda m: -m.days_overdue)
        if initiative_id in latest:
            entry.latest_report = latest[initiative_id][1]
    return list(progress.values())
