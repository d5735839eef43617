"""What the executive office reads: the strategy's state in one place, and initiative listings.

The dashboard page and the progress report PDF both call :func:`dashboard`, so the page and
the printout show the same facts. The counts come from the read models (through the existing
query modules); pilots and KPIs come from the nine initiative aggregates themselves, since
the read model keeps only their counts. Entry points call these functions with the registry
and never read the projections themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from uuid import UUID

from domain.awards.edition import Edition, PhaseKind
from domain.initiatives.initiative import Initiative
from domain.initiatives.values import Kpi, KpiDirection, Pilot
from domain.text import Text
from projections.awards_queries import list_editions
from projections.initiatives_queries import (
    InitiativeProgress,
    InitiativeRow,
    initiatives_progress,
    list_initiatives,
)
from projections.licences_queries import LicencesReport, licences_report
from projections.membership_queries import MembershipReport, membership_report
from registry.history import HistoryEntry, history_of

if TYPE_CHECKING:
    from registry.bootstrap import Registry

# "A quality ambassador in every home": the Kingdom's households (GASTAT, about 4.2 million).
HOUSEHOLDS = 4_200_000


@dataclass(frozen=True)
class PilotLine:
    initiative_code: str
    pilot: Pilot


@dataclass(frozen=True)
class KpiLine:
    initiative_code: str
    kpi: Kpi
    trend: list[tuple[str, Decimal]]  # (period, value), oldest first
    attainment: Decimal | None  # 1 = target met

    @property
    def improving(self) -> bool | None:
        """Did the last measurement move the right way? None with fewer than two."""
        if len(self.trend) < 2:
            return None
        before, last = self.trend[-2][1], self.trend[-1][1]
        if self.kpi.direction == KpiDirection.HIGHER_IS_BETTER:
            return last > before
        return last < before


@dataclass(frozen=True)
class EditionLine:
    id: UUID
    programme_code: str
    year: int
    title: Text
    status: str
    phase: PhaseKind | None  # the timeline's window open today, if any
    funnel: dict[str, int]


@dataclass
class Dashboard:
    today: date
    initiatives: list[InitiativeProgress]
    totals: dict[str, int]
    pilots: list[PilotLine]
    kpis: list[KpiLine]
    membership: MembershipReport
    licences: LicencesReport
    editions: list[EditionLine]
    households: int = HOUSEHOLDS
    # Per initiative code: (period, percent complete, summary) of each progress report.
    progress_reports: dict[str, list[tuple[str, int | None, Text]]] = field(default_factory=dict)
    editions_by_status: dict[str, int] = field(default_factory=dict)

    @property
    def active_ambassadors(self) -> int:
        return self.membership.by_status.get("active", 0)

    def percent_of_households(self) -> float:
        return round(100.0 * self.active_ambassadors / self.households, 3)


def dashboard(registry: Registry, at: datetime | None = None) -> Dashboard:
    """The strategy's state today: initiatives, pilots, KPIs, membership, licences, awards."""
    now = at or registry.clock.now()
    today = now.date()
    progress = initiatives_progress(registry.db, today)
    totals = {
        "initiatives": len(progress),
        "milestones": sum(p.milestones_total for p in progress),
        "milestones_done": sum(p.milestones_done for p in progress),
        "overdue_milestones": sum(len(p.overdue) for p in progress),
        "pilots": sum(sum(p.pilots_by_phase.values()) for p in progress),
    }
    pilots: list[PilotLine] = []
    kpis: list[KpiLine] = []
    reports: dict[str, list[tuple[str, int | None, Text]]] = {}
    for row in progress:
        initiative = registry.initiatives.get(UUID(row.initiative.id))
        pilots += [PilotLine(initiative.code, p) for p in initiative.pilots.values()]
        reports[initiative.code] = [
            (r.period.value, r.percent_complete, r.summary)
            for r in initiative.progress_reports.values()
        ]
        for kpi in initiative.kpis.values():
            trend = [
                (m.period.value, m.value)
                for m in sorted(kpi.measurements.values(), key=lambda m: m.period.sort_key())
            ]
            kpis.append(KpiLine(initiative.code, kpi, trend, kpi.attainment()))
    editions = [
        _edition_line(registry, UUID(str(r[0])), now) for r in list_editions(registry.db, None)
    ]
    by_status: dict[str, int] = {}
    for line in editions:
        by_status[line.status] = by_status.get(line.status, 0) + 1
    return Dashboard(
        today=today,
        initiatives=progress,
        totals=totals,
        pilots=pilots,
        kpis=kpis,
        membership=membership_report(registry.db, today, top=0),
        licences=licences_report(registry.db, today),
        editions=editions,
        editions_by_status=by_status,
        progress_reports=reports,
    )


def _edition_line(registry: Registry, edition_id: UUID, now: datetime) -> EditionLine:
    edition: Edition = registry.editions.get(edition_id)
    phase = next((p.kind for p in edition.phases.values() if p.is_open(now)), None)
    return EditionLine(
        id=edition.id,
        programme_code=edition.programme_code,
        year=edition.year,
        title=edition.title,
        status=str(edition.status),
        phase=PhaseKind(phase) if phase else None,
        funnel=registry.results.report(edition).funnel,
    )


def initiatives(registry: Registry) -> list[InitiativeRow]:
    """Every initiative, by code (there are nine; no paging needed)."""
    rows, _ = list_initiatives(registry.db, 200, 0)
    return rows


def initiative_history(registry: Registry, initiative_id: UUID) -> list[HistoryEntry]:
    """Every change of one initiative (who, when, in which request, why), oldest first."""
    registry.initiatives.get(initiative_id)  # NotFound for an unknown id
    return history_of(registry.app, initiative_id)


def editions(registry: Registry) -> list[tuple[UUID, str, int, Text, str]]:
    """Every award edition: (id, programme code, year, title, status), by programme and year."""
    return [
        (UUID(str(r[0])), str(r[1]), int(r[2]), Text(str(r[3]), str(r[4])), str(r[5]))
        for r in list_editions(registry.db, None)
    ]


def initiative_as_of(registry: Registry, initiative_id: UUID, at: datetime | None) -> Initiative:
    """The initiative now, or as it stood at ``at``."""
    if at is None:
        return registry.initiatives.get(initiative_id)
    return registry.initiatives.get_as_of(initiative_id, at)
