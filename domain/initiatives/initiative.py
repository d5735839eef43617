"""The Initiative aggregate: one NQS initiative and everything it tracks.

Public methods check the rules and refuse with a domain error; the ``@event``
methods below them only change state, so replaying history never re-checks
rules that held when the event was recorded.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TypeVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.dates import PartialDate, ReportingPeriod
from domain.envelope import Envelope
from domain.errors import AlreadyExists, InvalidInput, InvalidTransition, NotFound
from domain.initiatives.values import (
    INITIATIVE_STATUS_AR,
    Component,
    Deliverable,
    DeliverableKind,
    DeliverableStatus,
    EvaluationResult,
    EvaluationStage,
    EvaluationStatus,
    InitiativeStatus,
    Kpi,
    KpiDirection,
    KpiMeasurement,
    Milestone,
    MilestoneStatus,
    Partnership,
    PartnershipScope,
    Pilot,
    ProgressReport,
)
from domain.messages import N_
from domain.text import Text, required_text

T = TypeVar("T")

NAMESPACE_INITIATIVES = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/initiatives")
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,39}$")

# Status changes an officer may make; anything else is refused.
_STATUS_TRANSITIONS: dict[InitiativeStatus, set[InitiativeStatus]] = {
    InitiativeStatus.PLANNED: {InitiativeStatus.ACTIVE, InitiativeStatus.CANCELLED},
    InitiativeStatus.ACTIVE: {
        InitiativeStatus.ON_HOLD,
        InitiativeStatus.COMPLETED,
        InitiativeStatus.CANCELLED,
    },
    InitiativeStatus.ON_HOLD: {InitiativeStatus.ACTIVE, InitiativeStatus.CANCELLED},
    InitiativeStatus.COMPLETED: {InitiativeStatus.ACTIVE},
    InitiativeStatus.CANCELLED: set(),
}


def initiative_id(code: str) -> UUID:
    """The fixed id of an initiative, derived from its code (its natural key)."""
    return uuid5(NAMESPACE_INITIATIVES, normalise_code(code))


def normalise_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise InvalidInput(
            N_("A code is 2 to 40 capital letters, digits or hyphens, e.g. AMBASSADORS."),
            field="code",
        )
    return code


class Initiative(RegistryAggregate):
    """One initiative of the National Quality Strategy."""

    @staticmethod
    def create_id(code: str) -> UUID:
        return initiative_id(code)

    @classmethod
    def register(
        cls,
        envelope: Envelope,
        code: str,
        title: Text,
        aim: Text,
        owner: str,
        status: InitiativeStatus = InitiativeStatus.ACTIVE,
    ) -> Initiative:
        code = normalise_code(code)
        owner = required_text(owner, "owner", 200)
        return cls(envelope=envelope, code=code, title=title, aim=aim, owner=owner, status=status)

    @event("Registered")
    def __init__(
        self,
        envelope: Envelope,
        code: str,
        title: Text,
        aim: Text,
        owner: str,
        status: InitiativeStatus,
    ) -> None:
        self.code = code
        self.title = title
        self.aim = aim
        self.owner = owner
        self.status = InitiativeStatus(status)
        self.components: dict[str, Component] = {}
        self.milestones: dict[UUID, Milestone] = {}
        self.pilots: dict[UUID, Pilot] = {}
        self.deliverables: dict[UUID, Deliverable] = {}
        self.partnerships: dict[UUID, Partnership] = {}
        self.kpis: dict[UUID, Kpi] = {}
        self.progress_reports: dict[str, ProgressReport] = {}

    # -- details and status -------------------------------------------------------

    def revise_details(self, envelope: Envelope, title: Text, aim: Text, owner: str) -> None:
        owner = required_text(owner, "owner", 200)
        if (title, aim, owner) == (self.title, self.aim, self.owner):
            return
        self._details_revised(envelope=envelope, title=title, aim=aim, owner=owner)

    @event("DetailsRevised")
    def _details_revised(self, envelope: Envelope, title: Text, aim: Text, owner: str) -> None:
        self.title, self.aim, self.owner = title, aim, owner

    def change_status(self, envelope: Envelope, status: InitiativeStatus) -> None:
        """A decision: it needs a reason, and only the transitions above are allowed."""
        envelope.require_reason()
        status = InitiativeStatus(status)
        if status not in _STATUS_TRANSITIONS[self.status]:
            raise InvalidTransition(
                N_("An initiative cannot go from {current} to {status}."),
                field="status",
                current=Text(ar=INITIATIVE_STATUS_AR[self.status], en=str(self.status)),
                status=Text(ar=INITIATIVE_STATUS_AR[status], en=str(status)),
            )
        self._status_changed(envelope=envelope, status=status)

    @event("StatusChanged")
    def _status_changed(self, envelope: Envelope, status: InitiativeStatus) -> None:
        self.status = InitiativeStatus(status)

    # -- components (stages, tracks, workstreams) ----------------------------------

    def add_component(self, envelope: Envelope, key: str, title: Text, description: Text) -> None:
        key = required_text(key, "key", 60).lower()
        if key in self.components:
            raise AlreadyExists(
                N_("This initiative already has a component '{key}'."),
                field="key",
                key=key,
            )
        self._component_added(envelope=envelope, key=key, title=title, description=description)

    @event("ComponentAdded")
    def _component_added(
        self, envelope: Envelope, key: str, title: Text, description: Text
    ) -> None:
        self.components[key] = Component(key, title, description, position=len(self.components))

    # -- milestones --------------------------------------------------------------

    def add_milestone(
        self,
        envelope: Envelope,
        milestone_id: UUID,
        title: Text,
        planned_on: PartialDate | None,
    ) -> None:
        self._check_new(milestone_id, self.milestones, "milestone")
        self._milestone_added(
            envelope=envelope, milestone_id=milestone_id, title=title, planned_on=planned_on
        )

    @event("MilestoneAdded")
    def _milestone_added(
        self,
        envelope: Envelope,
        milestone_id: UUID,
        title: Text,
        planned_on: PartialDate | None,
    ) -> None:
        self.milestones[milestone_id] = Milestone(milestone_id, title, planned_on)

    def reschedule_milestone(
        self, envelope: Envelope, milestone_id: UUID, planned_on: PartialDate
    ) -> None:
        """Moving a planned date is a decision: it needs a reason."""
        envelope.require_reason()
        milestone = self._milestone(milestone_id)
        if milestone.status != MilestoneStatus.PLANNED:
            raise InvalidTransition(
                N_("Only a planned milestone can be rescheduled."),
                field="planned_on",
            )
        self._milestone_rescheduled(
            envelope=envelope, milestone_id=milestone_id, planned_on=planned_on
        )

    @event("MilestoneRescheduled")
    def _milestone_rescheduled(
        self, envelope: Envelope, milestone_id: UUID, planned_on: PartialDate
    ) -> None:
        self.milestones[milestone_id].planned_on = planned_on

    def complete_milestone(
        self, envelope: Envelope, milestone_id: UUID, completed_on: date | None
    ) -> None:
        milestone = self._milestone(milestone_id)
        if milestone.status != MilestoneStatus.PLANNED:
            raise InvalidTransition(
                N_("This milestone is already {status}."),
                field="milestone_id",
                status=milestone.status,
            )
        _not_in_future(completed_on, envelope, "completed_on")
        self._milestone_completed(
            envelope=envelope, milestone_id=milestone_id, completed_on=completed_on
        )

    @event("MilestoneCompleted")
    def _milestone_completed(
        self, envelope: Envelope, milestone_id: UUID, completed_on: date | None
    ) -> None:
        milestone = self.milestones[milestone_id]
        milestone.status = MilestoneStatus.DONE
        milestone.completed_on = completed_on

    def cancel_milestone(self, envelope: Envelope, milestone_id: UUID) -> None:
        envelope.require_reason()
        milestone = self._milestone(milestone_id)
        if milestone.status != MilestoneStatus.PLANNED:
            raise InvalidTransition(
                N_("This milestone is already {status}."),
                field="milestone_id",
                status=milestone.status,
            )
        self._milestone_cancelled(envelope=envelope, milestone_id=milestone_id)

    @event("MilestoneCancelled")
    def _milestone_cancelled(self, envelope: Envelope, milestone_id: UUID) -> None:
        self.milestones[milestone_id].status = MilestoneStatus.CANCELLED

    def _milestone(self, milestone_id: UUID) -> Milestone:
        return self._get(
            self.milestones, milestone_id, N_("This initiative has no such milestone.")
        )

    # -- pilots and their evaluations ---------------------------------------------

    def add_pilot(
        self,
        envelope: Envelope,
        pilot_id: UUID,
        organisation: Text,
        description: Text,
        region: str | None,
    ) -> None:
        self._check_new(pilot_id, self.pilots, "pilot")
        self._pilot_added(
            envelope=envelope,
            pilot_id=pilot_id,
            organisation=organisation,
            description=description,
            region=region,
        )

    @event("PilotAdded")
    def _pilot_added(
        self,
        envelope: Envelope,
        pilot_id: UUID,
        organisation: Text,
        description: Text,
        region: str | None,
    ) -> None:
        self.pilots[pilot_id] = Pilot(pilot_id, organisation, description, region)

    def schedule_evaluation(
        self,
        envelope: Envelope,
        pilot_id: UUID,
        stage: EvaluationStage,
        planned_on: PartialDate,
    ) -> None:
        pilot = self._pilot(pilot_id)
        stage = EvaluationStage(stage)
        if pilot.evaluation(stage).status == EvaluationStatus.COMPLETED:
            raise InvalidTransition(
                N_("The {stage} evaluation of this pilot is already completed."),
                field="stage",
                stage=stage,
            )
        self._evaluation_scheduled(
            envelope=envelope, pilot_id=pilot_id, stage=stage, planned_on=planned_on
        )

    @event("EvaluationScheduled")
    def _evaluation_scheduled(
        self,
        envelope: Envelope,
        pilot_id: UUID,
        stage: EvaluationStage,
        planned_on: PartialDate,
    ) -> None:
        evaluation = self.pilots[pilot_id].evaluation(EvaluationStage(stage))
        evaluation.status = EvaluationStatus.SCHEDULED
        evaluation.planned_on = planned_on

    def complete_evaluation(
        self,
        envelope: Envelope,
        pilot_id: UUID,
        stage: EvaluationStage,
        completed_on: date | None,
        result: EvaluationResult | None,
        outcome: Text | None,
    ) -> None:
        """Records an evaluation's outcome; the external one only follows the internal one."""
        pilot = self._pilot(pilot_id)
        stage = EvaluationStage(stage)
        if pilot.evaluation(stage).status == EvaluationStatus.COMPLETED:
            raise InvalidTransition(
                N_("The {stage} evaluation of this pilot is already completed."),
                field="stage",
                stage=stage,
            )
        if (
            stage == EvaluationStage.EXTERNAL
            and pilot.internal.status != EvaluationStatus.COMPLETED
        ):
            raise InvalidTransition(
                N_("The external evaluation comes after the internal evaluation is completed."),
                field="stage",
            )
        _not_in_future(completed_on, envelope, "completed_on")
        self._evaluation_completed(
            envelope=envelope,
            pilot_id=pilot_id,
            stage=stage,
            completed_on=completed_on,
            result=result,
            outcome=outcome,
        )

    @event("EvaluationCompleted")
    def _evaluation_completed(
        self,
        envelope: Envelope,
        pilot_id: UUID,
        stage: EvaluationStage,
        completed_on: date | None,
        result: EvaluationResult | None,
        outcome: Text | None,
    ) -> None:
        evaluation = self.pilots[pilot_id].evaluation(EvaluationStage(stage))
        evaluation.status = EvaluationStatus.COMPLETED
        evaluation.completed_on = completed_on
        evaluation.result = EvaluationResult(result) if result else None
        evaluation.outcome = outcome

    def _pilot(self, pilot_id: UUID) -> Pilot:
        return self._get(self.pilots, pilot_id, N_("This initiative has no such pilot."))

    # -- deliverables ------------------------------------------------------------

    def add_deliverable(
        self,
        envelope: Envelope,
        deliverable_id: UUID,
        kind: DeliverableKind,
        title: Text,
        description: Text,
        status: DeliverableStatus,
        due: PartialDate | None,
    ) -> None:
        self._check_new(deliverable_id, self.deliverables, "deliverable")
        self._deliverable_added(
            envelope=envelope,
            deliverable_id=deliverable_id,
            kind=DeliverableKind(kind),
            title=title,
            description=description,
            status=DeliverableStatus(status),
            due=due,
        )

    @event("DeliverableAdded")
    def _deliverable_added(
        self,
        envelope: Envelope,
        deliverable_id: UUID,
        kind: DeliverableKind,
        title: Text,
        description: Text,
        status: DeliverableStatus,
        due: PartialDate | None,
    ) -> None:
        self.deliverables[deliverable_id] = Deliverable(
            deliverable_id,
            DeliverableKind(kind),
            title,
            description,
            DeliverableStatus(status),
            due,
        )

    def change_deliverable_status(
        self,
        envelope: Envelope,
        deliverable_id: UUID,
        status: DeliverableStatus,
        delivered_on: date | None,
    ) -> None:
        deliverable = self._get(
            self.deliverables, deliverable_id, N_("This initiative has no such deliverable.")
        )
        status = DeliverableStatus(status)
        if deliverable.status in (DeliverableStatus.DELIVERED, DeliverableStatus.CANCELLED):
            raise InvalidTransition(
                N_("This deliverable is already {status}."),
                field="status",
                status=deliverable.status,
            )
        if status == DeliverableStatus.CANCELLED:
            envelope.require_reason()
        if status != DeliverableStatus.DELIVERED and delivered_on is not None:
            raise InvalidInput(
                N_("A delivery date only goes with the status 'delivered'."),
                field="delivered_on",
            )
        _not_in_future(delivered_on, envelope, "delivered_on")
        if status == deliverable.status:
            return
        self._deliverable_status_changed(
            envelope=envelope,
            deliverable_id=deliverable_id,
            status=status,
            delivered_on=delivered_on,
        )

    @event("DeliverableStatusChanged")
    def _deliverable_status_changed(
        self,
        envelope: Envelope,
        deliverable_id: UUID,
        status: DeliverableStatus,
        delivered_on: date | None,
    ) -> None:
        deliverable = self.deliverables[deliverable_id]
        deliverable.status = DeliverableStatus(status)
        deliverable.delivered_on = delivered_on

    # -- partnerships ------------------------------------------------------------

    def add_partnership(
        self,
        envelope: Envelope,
        partnership_id: UUID,
        partner: Text,
        scope: PartnershipScope,
        description: Text,
        started_on: PartialDate | None,
    ) -> None:
        self._check_new(partnership_id, self.partnerships, "partnership")
        self._partnership_added(
            envelope=envelope,
            partnership_id=partnership_id,
            partner=partner,
            scope=PartnershipScope(scope),
            description=description,
            started_on=started_on,
        )

    @event("PartnershipAdded")
    def _partnership_added(
        self,
        envelope: Envelope,
        partnership_id: UUID,
        partner: Text,
        scope: PartnershipScope,
        description: Text,
        started_on: PartialDate | None,
    ) -> None:
        self.partnerships[partnership_id] = Partnership(
            partnership_id, partner, PartnershipScope(scope), description, started_on
        )

    def end_partnership(self, envelope: Envelope, partnership_id: UUID, ended_on: date) -> None:
        envelope.require_reason()
        partnership = self._get(
            self.partnerships, partnership_id, N_("This initiative has no such partnership.")
        )
        if partnership.ended_on is not None:
            raise InvalidTransition(
                N_("This partnership has already ended."),
                field="ended_on",
            )
        _not_in_future(ended_on, envelope, "ended_on")
        self._partnership_ended(envelope=envelope, partnership_id=partnership_id, ended_on=ended_on)

    @event("PartnershipEnded")
    def _partnership_ended(self, envelope: Envelope, partnership_id: UUID, ended_on: date) -> None:
        self.partnerships[partnership_id].ended_on = ended_on

    # -- KPIs --------------------------------------------------------------------

    def define_kpi(
        self,
        envelope: Envelope,
        kpi_id: UUID,
        name: Text,
        unit: str,
        target: Decimal,
        direction: KpiDirection,
    ) -> None:
        self._check_new(kpi_id, self.kpis, "KPI")
        unit = required_text(unit, "unit", 40)
        if target < 0:
            raise InvalidInput(N_("A target cannot be negative."), field="target")
        self._kpi_defined(
            envelope=envelope,
            kpi_id=kpi_id,
            name=name,
            unit=unit,
            target=target,
            direction=KpiDirection(direction),
        )

    @event("KpiDefined")
    def _kpi_defined(
        self,
        envelope: Envelope,
        kpi_id: UUID,
        name: Text,
        unit: str,
        target: Decimal,
        direction: KpiDirection,
    ) -> None:
        self.kpis[kpi_id] = Kpi(kpi_id, name, unit, Decimal(target), KpiDirection(direction))

    def record_kpi_value(
        self, envelope: Envelope, kpi_id: UUID, period: ReportingPeriod, value: Decimal
    ) -> None:
        """A measurement per period; correcting an earlier one needs a reason."""
        kpi = self._get(self.kpis, kpi_id, N_("This initiative has no such KPI."))
        if value < 0:
            raise InvalidInput(
                N_("A measured value cannot be negative."),
                field="value",
            )
        if str(period) in kpi.measurements:
            envelope.require_reason()
        self._kpi_measured(envelope=envelope, kpi_id=kpi_id, period=period, value=value)

    @event("KpiMeasured")
    def _kpi_measured(
        self, envelope: Envelope, kpi_id: UUID, period: ReportingPeriod, value: Decimal
    ) -> None:
        self.kpis[kpi_id].measurements[str(period)] = KpiMeasurement(period, Decimal(value))

    # -- progress reports --------------------------------------------------------

    def report_progress(
        self,
        envelope: Envelope,
        period: ReportingPeriod,
        summary: Text,
        percent_complete: int | None,
    ) -> None:
        """One report per period; a second one for the same period is a revision with a reason."""
        if percent_complete is not None and not 0 <= percent_complete <= 100:
            raise InvalidInput(
                N_("Percent complete is between 0 and 100."),
                field="percent_complete",
            )
        if str(period) in self.progress_reports:
            envelope.require_reason()
        self._progress_reported(
            envelope=envelope, period=period, summary=summary, percent_complete=percent_complete
        )

    @event("ProgressReported")
    def _progress_reported(
        self,
        envelope: Envelope,
        period: ReportingPeriod,
        summary: Text,
        percent_complete: int | None,
    ) -> None:
        earlier = self.progress_reports.get(str(period))
        self.progress_reports[str(period)] = ProgressReport(
            period=period,
            summary=summary,
            percent_complete=percent_complete,
            submitted_at=envelope.at.isoformat(),
            submitted_by=envelope.actor_id,
            revision=earlier.revision + 1 if earlier else 1,
        )

    def latest_progress_report(self) -> ProgressReport | None:
        if not self.progress_reports:
            return None
        return max(self.progress_reports.values(), key=lambda r: r.period.sort_key())

    # -- shared checks -----------------------------------------------------------

    def _check_new(self, entity_id: UUID, entities: Mapping[UUID, object], noun: str) -> None:
        if entity_id in entities:
            raise AlreadyExists(
                N_("This initiative already has that {noun}."),
                field="id",
                noun=noun,
            )

    @staticmethod
    def _get(entities: dict[UUID, T], entity_id: UUID, missing: str) -> T:
        """The entity, or NotFound saying ``missing`` (a msgid)."""
        try:
            return entities[entity_id]
        except KeyError:
            raise NotFound(missing) from None


def _not_in_future(day: date | None, envelope: Envelope, field: str) -> None:
    """Things done are recorded after they happen, never dated ahead of the clock."""
    if day is not None and day > envelope.at.date():
        raise InvalidInput(N_("This date is in the future."), field=field)
