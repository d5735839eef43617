"""What the executive office reads: the strategy's state in one place, and initiative listings.

The dashboard page and the progress report PDF both call :func:`dashboard`, so the page and
the printout show the same facts. It gathers what the services already answer (the
initiatives' progress, the membership and licences reports, the editions and their funnels)
and adds what the read models do not keep: each pilot's evaluations and each KPI's
measurements, read from the initiative aggregates themselves (there are nine).
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
from projections.awards_queries import EditionSummary
from projections.initiatives_queries import InitiativeProgress, InitiativeRow
from registry.ambassador_reads import MembershipReport
from registry.history import HistoryEntry
from registry.licence_reads import LicencesReport

if TYPE_CHECKING:
    from registry.bootstrap import Registry


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
    # Per initiative code: (period, percent complete, summary) of each progress report.
    progress_reports: dict[str, list[tuple[str, int | None, Text]]] = field(default_factory=dict)
    editions_by_status: dict[str, int] = field(default_factory=dict)

    @property
    def active_ambassadors(self) -> int:
        return self.membership.national_progress.active

    @property
    def households(self) -> int:
        """ "A quality ambassador in every home": the Kingdom's households."""
        return self.membership.national_progress.target


def dashboard(registry: Registry, at: datetime | None = None) -> Dashboard:
    """The strategy's state today: initiatives, pilots, KPIs, membership, licences, awards."""
    now = at or registry.clock.now()
    today = now.date()
    report = registry.initiatives.progress_report()
    progress, totals = report.initiatives, report.totals
    pilots: list[PilotLine] = []
    kpis: list[KpiLine] = []
    reports: dict[str, list[tuple[str, int | None, Text]]] = {}
    for row in progress:
        initiative = registry.initiatives.current(UUID(row.initiative.id), row.initiative.version)
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
    # Read only: each process keeps its copy while no newer event is stored (one look-up).
    shown = [registry.editions.current(UUID(e.id)) for e in registry.editions.list_editions()]
    funnels = registry.results.funnels(shown)
    editions = [_edition_line(edition, funnels[edition.id], now) for edition in shown]
    by_status: dict[str, int] = {}
    for line in editions:
        by_status[line.status] = by_status.get(line.status, 0) + 1
    return Dashboard(
        today=today,
        initiatives=progress,
        totals=totals,
        pilots=pilots,
        kpis=kpis,
        membership=registry.ambassadors.report(top=0),
        licences=registry.licences.report(),
        editions=editions,
        editions_by_status=by_status,
        progress_reports=reports,
    )


def _edition_line(edition: Edition, funnel: dict[str, int], now: datetime) -> EditionLine:
    phase = next((p.kind for p in edition.phases.values() if p.is_open(now)), None)
    return EditionLine(
        id=edition.id,
        programme_code=edition.programme_code,
        year=edition.year,
        title=edition.title,
        status=str(edition.status),
        phase=PhaseKind(phase) if phase else None,
        funnel=funnel,
    )


def initiatives(registry: Registry) -> list[InitiativeRow]:
    """Every initiative, by code (there are nine; no paging needed)."""
    return registry.initiatives.list_initiatives(200, 0).items


def initiative_history(registry: Registry, initiative_id: UUID) -> list[HistoryEntry]:
    """Every change of one initiative (who, when, in which request, why), oldest first."""
    return registry.initiatives.history(initiative_id)


def editions(registry: Registry) -> list[EditionSummary]:
    """Every award edition, by programme and year."""
    return registry.editions.list_editions()


def initiative_as_of(registry: Registry, initiative_id: UUID, at: datetime | None) -> Initiative:
    """The initiative now, or as it stood at ``at``."""
    if at is None:
        return registry.initiatives.get(initiative_id)
    return registry.initiatives.get_as_of(initiative_id, at)
