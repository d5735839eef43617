"""Value types of the initiatives area."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from domain.dates import PartialDate, ReportingPeriod
from domain.text import Text


class InitiativeStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


# Each status as an Arabic message names it.
INITIATIVE_STATUS_AR: dict[InitiativeStatus, str] = {
    InitiativeStatus.PLANNED: "مخططة",
    InitiativeStatus.ACTIVE: "قيد التنفيذ",
    InitiativeStatus.ON_HOLD: "معلقة",
    InitiativeStatus.COMPLETED: "مكتملة",
    InitiativeStatus.CANCELLED: "ملغاة",
}


class MilestoneStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class EvaluationStage(StrEnum):
    """A pilot is evaluated internally by the organisation, then externally by the office."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class EvaluationStatus(StrEnum):
    PENDING = "pending"
    SCHEDULED = "scheduled"
    COMPLETED = "completed"


class EvaluationResult(StrEnum):
    PASSED = "passed"
    NEEDS_IMPROVEMENT = "needs_improvement"
    FAILED = "failed"


class PilotPhase(StrEnum):
    """Where a pilot stands, derived from its evaluations (see ``Pilot.phase``)."""

    IMPLEMENTATION = "implementation"
    INTERNAL_EVALUATION = "internal_evaluation"
    EXTERNAL_EVALUATION = "external_evaluation"
    EVALUATED = "evaluated"


class DeliverableKind(StrEnum):
    GUIDE = "guide"
    TRANSLATED_BOOK = "translated_book"
    STUDY = "study"
    PROGRAMME = "programme"
    BODY = "body"
    OTHER = "other"


class DeliverableStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class PartnershipScope(StrEnum):
    LOCAL = "local"
    INTERNATIONAL = "international"


class KpiDirection(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


@dataclass
class Component:
    """A stage, track or workstream the initiative consists of (e.g. the two licence stages)."""

    key: str
    title: Text
    description: Text
    position: int


@dataclass
class Milestone:
    id: UUID
    title: Text
    planned_on: PartialDate | None
    status: MilestoneStatus = MilestoneStatus.PLANNED
    completed_on: date | None = None

    def is_overdue(self, today: date) -> bool:
        return (
            self.status == MilestoneStatus.PLANNED
            and self.planned_on is not None
            and self.planned_on.last_day() < today
        )


@dataclass
class Evaluation:
    stage: EvaluationStage
    status: EvaluationStatus = EvaluationStatus.PENDING
    planned_on: PartialDate | None = None
    completed_on: date | None = None
    result: EvaluationResult | None = None
    outcome: Text | None = None


@dataclass
class Pilot:
    id: UUID
    organisation: Text
    description: Text
    region: str | None
    internal: Evaluation = field(default_factory=lambda: Evaluation(EvaluationStage.INTERNAL))
    external: Evaluation = field(default_factory=lambda: Evaluation(EvaluationStage.EXTERNAL))

    def evaluation(self, stage: EvaluationStage) -> Evaluation:
        return self.internal if stage == EvaluationStage.INTERNAL else self.external

    @property
    def phase(self) -> PilotPhase:
        return pilot_phase(self.internal.status, self.external.status)


def pilot_phase(internal: str, external: str) -> PilotPhase:
    """Where a pilot stands, from the status of its internal and external evaluations."""
    if external == EvaluationStatus.COMPLETED:
        return PilotPhase.EVALUATED
    if internal == EvaluationStatus.COMPLETED:
        return PilotPhase.EXTERNAL_EVALUATION
    if internal == EvaluationStatus.SCHEDULED:
        return PilotPhase.INTERNAL_EVALUATION
    return PilotPhase.IMPLEMENTATION


@dataclass
class Deliverable:
    id: UUID
    kind: DeliverableKind
    title: Text
    description: Text
    status: DeliverableStatus
    due: PartialDate | None
    delivered_on: date | None = None


@dataclass
class Partnership:
    id: UUID
    partner: Text
    scope: PartnershipScope
    description: Text
    started_on: PartialDate | None
    ended_on: date | None = None


@dataclass
class KpiMeasurement:
    period: ReportingPeriod
    value: Decimal


@dataclass
class Kpi:
    id: UUID
    name: Text
    unit: str
    target: Decimal
    direction: KpiDirection
    measurements: dict[str, KpiMeasurement] = field(default_factory=dict)

    def latest(self) -> KpiMeasurement | None:
        if not self.measurements:
            return None
        return max(self.measurements.values(), key=lambda m: m.period.sort_key())

    def attainment(self) -> Decimal | None:
        """Share of the target reached by the latest measurement (1 = target met)."""
        latest = self.latest()
        if latest is None:
            return None
        if self.direction == KpiDirection.HIGHER_IS_BETTER:
            return latest.value / self.target if self.target else None
        return self.target / latest.value if latest.value else None


@dataclass
class ProgressReport:
    period: ReportingPeriod
    summary: Text
    percent_complete: int | None
    submitted_at: str
    submitted_by: str
    revision: int = 1
