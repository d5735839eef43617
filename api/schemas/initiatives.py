"""Bodies of /api/v1/initiatives."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

import msgspec

from api.schemas.common import Input, LongStr, ProseIn, Reason, ShortStr, TextIn, TextOut
from domain.dates import PartialDate
from domain.initiatives.initiative import Initiative
from domain.initiatives.values import (
    DeliverableKind,
    DeliverableStatus,
    EvaluationResult,
    EvaluationStatus,
    InitiativeStatus,
    KpiDirection,
    PartnershipScope,
    PilotPhase,
)
from domain.regions import Region

PartialDateStr = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="A year, month or day: YYYY, YYYY-MM or YYYY-MM-DD",
        examples=["2021-03"],
    ),
]
PeriodStr = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$",
        description="Reporting period: YYYY, YYYY-H1, YYYY-Q2 or YYYY-MM",
        examples=["2021-H1"],
    ),
]
Code = Annotated[
    str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{1,39}$", examples=["AMBASSADORS"])
]
Key = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9_-]{0,59}$", examples=["technical"])]
Percent = Annotated[int, msgspec.Meta(ge=0, le=100)]
Amount = Annotated[Decimal, msgspec.Meta(description='A non-negative number, e.g. "4200000"')]


def partial_date(value: str | None, field: str) -> PartialDate | None:
    """Parses an optional partial date, naming the field when it is invalid."""
    if value is None:
        return None
    from domain.errors import InvalidInput

    try:
        return PartialDate(value)
    except InvalidInput as error:
        raise InvalidInput(error.message, field=field) from None


# -- requests ---------------------------------------------------------------------------


class InitiativeCreate(Input):
    code: Code
    title: TextIn
    aim: ProseIn
    owner: ShortStr
    status: InitiativeStatus = InitiativeStatus.ACTIVE


class InitiativeDetails(Input):
    title: TextIn
    aim: ProseIn
    owner: ShortStr


class StatusChange(Input):
    status: InitiativeStatus
    reason: Reason


class ComponentCreate(Input):
    key: Key
    title: TextIn
    description: ProseIn


class MilestoneCreate(Input):
    title: TextIn
    planned_on: PartialDateStr | None = None


class MilestoneReschedule(Input):
    planned_on: PartialDateStr
    reason: Reason


class MilestoneComplete(Input):
    completed_on: date | None = None


class DecisionReason(Input):
    reason: Reason


class PilotCreate(Input):
    organisation: TextIn
    description: ProseIn
    region: Region | None = None


class EvaluationSchedule(Input):
    planned_on: PartialDateStr


class EvaluationComplete(Input):
    completed_on: date | None = None
    result: EvaluationResult | None = None
    outcome: ProseIn | None = None


class DeliverableCreate(Input):
    kind: DeliverableKind
    title: TextIn
    description: ProseIn
    status: DeliverableStatus = DeliverableStatus.PLANNED
    due: PartialDateStr | None = None


class DeliverableStatusChange(Input):
    status: DeliverableStatus
    delivered_on: date | None = None
    reason: Reason | None = None


class PartnershipCreate(Input):
    partner: TextIn
    scope: PartnershipScope
    description: ProseIn
    started_on: PartialDateStr | None = None


class PartnershipEnd(Input):
    ended_on: date
    reason: Reason


class KpiCreate(Input):
    name: TextIn
    unit: Annotated[str, msgspec.Meta(max_length=40, examples=["households"])]
    target: Amount
    direction: KpiDirection = KpiDirection.HIGHER_IS_BETTER


class KpiMeasurementCreate(Input):
    period: PeriodStr
    value: Amount
    reason: Reason | None = None


class ProgressReportCreate(Input):
    period: PeriodStr
    summary: ProseIn
    percent_complete: Percent | None = None
    reason: Reason | None = None


# -- responses --------------------------------------------------------------------------


class ComponentOut(msgspec.Struct):
    key: str
    title: TextOut
    description: TextOut


class MilestoneOut(msgspec.Struct):
    id: str
    title: TextOut
    planned_on: str | None
    status: str
    completed_on: date | None
    overdue: bool


class EvaluationOut(msgspec.Struct):
    status: EvaluationStatus
    planned_on: str | None
    completed_on: date | None
    result: EvaluationResult | None
    outcome: TextOut | None


class PilotOut(msgspec.Struct):
    id: str
    organisation: TextOut
    description: TextOut
    region: str | None
    phase: PilotPhase
    internal_evaluation: EvaluationOut
    external_evaluation: EvaluationOut


class DeliverableOut(msgspec.Struct):
    id: str
    kind: DeliverableKind
    title: TextOut
    description: TextOut
    status: DeliverableStatus
    due: str | None
    delivered_on: date | None


class PartnershipOut(msgspec.Struct):
    id: str
    partner: TextOut
    scope: PartnershipScope
    description: TextOut
    started_on: str | None
    ended_on: date | None


class KpiMeasurementOut(msgspec.Struct):
    period: str
    value: Decimal


class KpiOut(msgspec.Struct):
    id: str
    name: TextOut
    unit: str
    target: Decimal
    direction: KpiDirection
    measurements: list[KpiMeasurementOut]
    latest: KpiMeasurementOut | None


class ProgressReportOut(msgspec.Struct):
    period: str
    summary: TextOut
    percent_complete: int | None
    submitted_at: str
    submitted_by: str
    revision: int


class InitiativeOut(msgspec.Struct):
    id: str
    code: str
    title: TextOut
    aim: TextOut
    owner: str
    status: InitiativeStatus
    version: int
    created_at: str
    updated_at: str
    components: list[ComponentOut]
    milestones: list[MilestoneOut]
    pilots: list[PilotOut]
    deliverables: list[DeliverableOut]
    partnerships: list[PartnershipOut]
    kpis: list[KpiOut]
    progress_reports: list[ProgressReportOut]
    as_of: str | None = None


class InitiativeSummaryOut(msgspec.Struct):
    id: str
    code: str
    title: TextOut
    owner: str
    status: str
    version: int
    updated_at: str


class InitiativePage(msgspec.Struct):
    items: list[InitiativeSummaryOut]
    total: int
    limit: int
    offset: int


class CreatedPart(msgspec.Struct):
    """Answer to adding a part (milestone, pilot, …): its id and the whole initiative."""

    id: str
    initiative: InitiativeOut


def _evaluation_out(e: object) -> EvaluationOut:
    from domain.initiatives.values import Evaluation

    assert isinstance(e, Evaluation)
    return EvaluationOut(
        status=e.status,
        planned_on=e.planned_on.value if e.planned_on else None,
        completed_on=e.completed_on,
        result=e.result,
        outcome=TextOut.of(e.outcome) if e.outcome else None,
    )


def initiative_out(i: Initiative, today: date, as_of: str | None = None) -> InitiativeOut:
    """The whole initiative as users read it; ``today`` decides what is overdue."""
    return InitiativeOut(
        id=str(i.id),
        code=i.code,
        title=TextOut.of(i.title),
        aim=TextOut.of(i.aim),
        owner=i.owner,
        status=i.status,
        version=i.version,
        created_at=i.created_on.isoformat(),
        updated_at=i.modified_on.isoformat(),
        components=[
            ComponentOut(c.key, TextOut.of(c.title), TextOut.of(c.description))
            for c in sorted(i.components.values(), key=lambda c: c.position)
        ],
        milestones=[
            MilestoneOut(
                id=str(m.id),
                title=TextOut.of(m.title),
                planned_on=m.planned_on.value if m.planned_on else None,
                status=str(m.status),
                completed_on=m.completed_on,
                overdue=m.is_overdue(today),
            )
            for m in i.milestones.values()
        ],
        pilots=[
            PilotOut(
                id=str(p.id),
                organisation=TextOut.of(p.organisation),
                description=TextOut.of(p.description),
                region=p.region,
                phase=p.phase,
                internal_evaluation=_evaluation_out(p.internal),
                external_evaluation=_evaluation_out(p.external),
            )
            for p in i.pilots.values()
        ],
        deliverables=[
            DeliverableOut(
                id=str(d.id),
                kind=d.kind,
                title=TextOut.of(d.title),
                description=TextOut.of(d.description),
                status=d.status,
                due=d.due.value if d.due else None,
                delivered_on=d.delivered_on,
            )
            for d in i.deliverables.values()
        ],
        partnerships=[
            PartnershipOut(
                id=str(p.id),
                partner=TextOut.of(p.partner),
                scope=p.scope,
                description=TextOut.of(p.description),
                started_on=p.started_on.value if p.started_on else None,
                ended_on=p.ended_on,
            )
            for p in i.partnerships.values()
        ],
        kpis=[
            KpiOut(
                id=str(k.id),
                name=TextOut.of(k.name),
                unit=k.unit,
                target=k.target,
                direction=k.direction,
                measurements=[
                    KpiMeasurementOut(m.period.value, m.value)
                    for m in sorted(k.measurements.values(), key=lambda m: m.period.sort_key())
                ],
                latest=(
                    KpiMeasurementOut(latest.period.value, latest.value)
                    if (latest := k.latest())
                    else None
                ),
            )
            for k in i.kpis.values()
        ],
        progress_reports=[
            ProgressReportOut(
                period=r.period.value,
                summary=TextOut.of(r.summary),
                percent_complete=r.percent_complete,
                submitted_at=r.submitted_at,
                submitted_by=r.submitted_by,
                revision=r.revision,
            )
            for r in sorted(i.progress_reports.values(), key=lambda r: r.period.sort_key())
        ],
        as_of=as_of,
    )


__all__ = ["LongStr"]
