"""Commands and queries of the initiatives registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID, uuid4

from domain.dates import PartialDate, ReportingPeriod
from domain.envelope import Envelope
from domain.initiatives.initiative import Initiative, initiative_id
from domain.initiatives.values import (
    DeliverableKind,
    DeliverableStatus,
    EvaluationResult,
    EvaluationStage,
    InitiativeStatus,
    KpiDirection,
    PartnershipScope,
)
from domain.messages import N_
from domain.text import Text
from projections.initiatives_queries import (
    InitiativeProgress,
    InitiativeRow,
    initiatives_progress,
    list_initiatives,
)
from projections.sql import Database
from registry.clock import Clock
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.history import HistoryEntry
from registry.idempotency import IdempotencyKey
from registry.pages import Page
from registry.service import Noun, Service

NOUN = Noun(N_("No such initiative."), N_("No such initiative existed at {as_of}."))
EXISTS = N_("An initiative with this code already exists.")


@dataclass(frozen=True)
class InitiativesProgressReport:
    """Per initiative: % of milestones done, overdue milestones, pilots by phase and the
    latest progress report; with totals over all initiatives, as of a day."""

    as_of_date: date
    initiatives: list[InitiativeProgress]
    totals: dict[str, int]


class InitiativeService(Service):
    def __init__(self, app: NQSApplication, clock: Clock, db: Database) -> None:
        super().__init__(app, clock)
        self.db = db
        self._current: dict[UUID, Initiative] = {}

    # -- queries -------------------------------------------------------------------

    def list_initiatives(
        self, limit: int, offset: int, status: InitiativeStatus | None = None
    ) -> Page[InitiativeRow]:
        """The initiatives, by code (read model)."""
        rows, total = list_initiatives(self.db, limit, offset, status)
        return Page(rows, total, limit, offset)

    def progress_report(self) -> InitiativesProgressReport:
        """The initiatives' progress as of today (read model)."""
        today = self.clock.now().date()
        rows = initiatives_progress(self.db, today)
        totals = {
            "initiatives": len(rows),
            "milestones": sum(p.milestones_total for p in rows),
            "milestones_done": sum(p.milestones_done for p in rows),
            "overdue_milestones": sum(len(p.overdue) for p in rows),
            "pilots": sum(sum(p.pilots_by_phase.values()) for p in rows),
        }
        return InitiativesProgressReport(today, rows, totals)

    def get(self, initiative_id_: UUID) -> Initiative:
        return self.load(Initiative, initiative_id_, NOUN)

    def history(self, id_: UUID) -> list[HistoryEntry]:
        """Every change of the initiative: what, who, when, why."""
        return self.history_of(Initiative, id_, NOUN)

    def current(self, initiative_id_: UUID, version: int) -> Initiative:
        """The initiative at ``version`` or later, for reading only (never change what this
        returns): this process's last copy when it is that far, else a load.

        The dashboard shows every initiative's pilots and KPIs, which only the aggregates
        hold, on every request; the read model's row says which version its figures are
        at (every initiative event moves it), so a copy that far costs no query."""
        cached = self._current.get(initiative_id_)
        if cached is not None and cached.version >= version:
            return cached
        initiative = self.get(initiative_id_)
        if len(self._current) >= 1_000:
            self._current.clear()
        self._current[initiative_id_] = initiative
        return initiative

    def get_as_of(self, initiative_id_: UUID, as_of: datetime) -> Initiative:
        return self.load_as_of(Initiative, initiative_id_, as_of, NOUN)

    def find_by_code(self, code: str) -> Initiative | None:
        return self.find(Initiative, initiative_id(code))

    # -- the initiative itself -------------------------------------------------------

    def register(
        self,
        ctx: RequestContext,
        *,
        code: str,
        title: Text,
        aim: Text,
        owner: str,
        status: InitiativeStatus = InitiativeStatus.ACTIVE,
        idempotency: IdempotencyKey | None = None,
    ) -> Initiative:
        initiative = Initiative.register(
            self.envelope(ctx, idempotency=idempotency), code, title, aim, owner, status
        )
        return self.create(initiative, idempotency, EXISTS)

    def revise_details(
        self, ctx: RequestContext, id_: UUID, expected: int, *, title: Text, aim: Text, owner: str
    ) -> Initiative:
        return self._change(
            id_, expected, lambda i: i.revise_details(self.envelope(ctx), title, aim, owner)
        )

    def change_status(
        self, ctx: RequestContext, id_: UUID, expected: int, status: InitiativeStatus, reason: str
    ) -> Initiative:
        return self._change(
            id_, expected, lambda i: i.change_status(self.envelope(ctx, reason), status)
        )

    def add_component(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        key: str,
        title: Text,
        description: Text,
    ) -> Initiative:
        return self._change(
            id_, expected, lambda i: i.add_component(self.envelope(ctx), key, title, description)
        )

    # -- milestones ------------------------------------------------------------------

    def add_milestone(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        title: Text,
        planned_on: PartialDate | None,
        idempotency: IdempotencyKey | None = None,
    ) -> tuple[Initiative, UUID]:
        return self._add(
            ctx,
            id_,
            expected,
            idempotency,
            lambda i, env, new_id: i.add_milestone(env, new_id, title, planned_on),
        )

    def reschedule_milestone(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        milestone_id: UUID,
        planned_on: PartialDate,
        reason: str | None,
    ) -> Initiative:
        return self._change(
            id_,
            expected,
            lambda i: i.reschedule_milestone(self.envelope(ctx, reason), milestone_id, planned_on),
        )

    def complete_milestone(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        milestone_id: UUID,
        completed_on: date | None,
    ) -> Initiative:
        return self._change(
            id_,
            expected,
            lambda i: i.complete_milestone(self.envelope(ctx), milestone_id, completed_on),
        )

    def cancel_milestone(
        self, ctx: RequestContext, id_: UUID, expected: int, milestone_id: UUID, reason: str | None
    ) -> Initiative:
        return self._change(
            id_,
            expected,
            lambda i: i.cancel_milestone(self.envelope(ctx, reason), milestone_id),
        )

    # -- pilots ------------------------------------------------------------------------

    def add_pilot(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        organisation: Text,
        description: Text,
        region: str | None,
        idempotency: IdempotencyKey | None = None,
    ) -> tuple[Initiative, UUID]:
        return self._add(
            ctx,
            id_,
            expected,
            idempotency,
            lambda i, env, new_id: i.add_pilot(env, new_id, organisation, description, region),
        )

    def schedule_evaluation(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        pilot_id: UUID,
        stage: EvaluationStage,
        planned_on: PartialDate,
    ) -> Initiative:
        return self._change(
            id_,
            expected,
            lambda i: i.schedule_evaluation(self.envelope(ctx), pilot_id, stage, planned_on),
        )

    def complete_evaluation(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        pilot_id: UUID,
        stage: EvaluationStage,
        *,
        completed_on: date | None,
        result: EvaluationResult | None,
        outcome: Text | None,
    ) -> Initiative:
        return self._change(
            id_,
            expected,
            lambda i: i.complete_evaluation(
                self.envelope(ctx), pilot_id, stage, completed_on, result, outcome
            ),
        )

    # -- deliverables ------------------------------------------------------------------

    def add_deliverable(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        kind: DeliverableKind,
        title: Text,
        description: Text,
        status: DeliverableStatus,
        due: PartialDate | None,
        idempotency: IdempotencyKey | None = None,
    ) -> tuple[Initiative, UUID]:
        return self._add(
            ctx,
            id_,
            expected,
            idempotency,
            lambda i, env, new_id: i.add_deliverable(
                env, new_id, kind, title, description, status, due
            ),
        )

    def change_deliverable_status(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        deliverable_id: UUID,
        status: DeliverableStatus,
        delivered_on: date | None,
        reason: str | None,
    ) -> Initiative:
        return self._change(
            id_,
            expected,
            lambda i: i.change_deliverable_status(
                self.envelope(ctx, reason), deliverable_id, status, delivered_on
            ),
        )

    # -- partnerships ------------------------------------------------------------------

    def add_partnership(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        partner: Text,
        scope: PartnershipScope,
        description: Text,
        started_on: PartialDate | None,
        idempotency: IdempotencyKey | None = None,
    ) -> tuple[Initiative, UUID]:
        return self._add(
            ctx,
            id_,
            expected,
            idempotency,
            lambda i, env, new_id: i.add_partnership(
                env, new_id, partner, scope, description, started_on
            ),
        )

    def end_partnership(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        partnership_id: UUID,
        ended_on: date,
        reason: str | None,
    ) -> Initiative:
        return self._change(
            id_,
            expected,
            lambda i: i.end_partnership(self.envelope(ctx, reason), partnership_id, ended_on),
        )

    # -- KPIs --------------------------------------------------------------------------

    def define_kpi(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        name: Text,
        unit: str,
        target: Decimal,
        direction: KpiDirection,
        idempotency: IdempotencyKey | None = None,
    ) -> tuple[Initiative, UUID]:
        return self._add(
            ctx,
            id_,
            expected,
            idempotency,
            lambda i, env, new_id: i.define_kpi(env, new_id, name, unit, target, direction),
        )

    def record_kpi_value(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        kpi_id: UUID,
        period: ReportingPeriod,
        value: Decimal,
        reason: str | None,
    ) -> Initiative:
        return self._change(
            id_,
            expected,
            lambda i: i.record_kpi_value(self.envelope(ctx, reason), kpi_id, period, value),
        )

    # -- progress reports --------------------------------------------------------------

    def report_progress(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        period: ReportingPeriod,
        summary: Text,
        percent_complete: int | None,
        reason: str | None,
    ) -> Initiative:
        return self._change(
            id_,
            expected,
            lambda i: i.report_progress(
                self.envelope(ctx, reason), period, summary, percent_complete
            ),
        )

    # -- helpers -------------------------------------------------------------------------

    def _change(
        self, id_: UUID, expected: int, command: Callable[[Initiative], None]
    ) -> Initiative:
        return self.change(Initiative, id_, expected, NOUN, command)

    def _add(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        idempotency: IdempotencyKey | None,
        command: Callable[[Initiative, Envelope, UUID], None],
    ) -> tuple[Initiative, UUID]:
        """Adds a part (milestone, pilot…) with a new id; an idempotent retry gets the first."""
        initiative = self.get(id_)
        new_id = idempotency.derive_id(initiative.id) if idempotency else uuid4()
        if self.is_replay(initiative.id, idempotency):
            return initiative, new_id
        initiative.check_version(expected)
        command(initiative, self.envelope(ctx, idempotency=idempotency), new_id)
        self.save(initiative)
        return initiative, new_id
