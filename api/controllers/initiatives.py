"""/api/v1/initiatives: the nine NQS initiatives and everything they track."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Controller, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter
from litestar.status_codes import HTTP_201_CREATED

from api.guards import access
from api.http import (
    AnyRequest,
    as_of_param,
    context_of,
    expected_version,
    idempotency_of,
    registry_of,
    versioned,
)
from api.params import Limit, Offset
from api.schemas.common import EventOut, TextOut
from api.schemas.history import events_out
from api.schemas.initiatives import (
    ComponentCreate,
    CreatedPart,
    DecisionReason,
    DeliverableCreate,
    DeliverableStatusChange,
    EvaluationComplete,
    EvaluationSchedule,
    InitiativeCreate,
    InitiativeDetails,
    InitiativeOut,
    InitiativePage,
    InitiativeSummaryOut,
    KpiCreate,
    KpiMeasurementCreate,
    MilestoneComplete,
    MilestoneCreate,
    MilestoneReschedule,
    PartnershipCreate,
    PartnershipEnd,
    PilotCreate,
    ProgressReportCreate,
    StatusChange,
    initiative_out,
    partial_date,
)
from domain.dates import ReportingPeriod
from domain.errors import InvalidInput
from domain.initiatives.initiative import Initiative
from domain.initiatives.values import EvaluationStage, InitiativeStatus
from domain.roles import READERS, STAFF, Role
from registry.initiatives import InitiativeService

BASE = "/api/v1/initiatives"


def _out(request: AnyRequest, initiative: Initiative) -> InitiativeOut:
    return initiative_out(initiative, registry_of(request).clock.now().date())


def _period(value: str) -> ReportingPeriod:
    try:
        return ReportingPeriod(value)
    except InvalidInput as error:
        raise InvalidInput(error.message, field="period") from None


class InitiativeController(Controller):
    path = BASE
    tags = ["Initiatives"]

    @get(
        "/",
        operation_id="listInitiatives",
        summary="List initiatives / قائمة المبادرات",
        **access(READERS),
        sync_to_thread=True,
    )
    def list_initiatives(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        limit: Limit = 50,
        offset: Offset = 0,
        status: FromQuery[InitiativeStatus | None] = None,
    ) -> InitiativePage:
        """The initiatives, by code (read model; reflects changes within a moment)."""
        page = initiatives.list_initiatives(limit, offset, status)
        items = [
            InitiativeSummaryOut(
                id=r.id,
                code=r.code,
                title=TextOut(ar=r.title_ar, en=r.title_en),
                owner=r.owner,
                status=r.status,
                version=r.version,
                updated_at=r.updated_at,
            )
            for r in page.items
        ]
        return InitiativePage(items=items, total=page.total, limit=limit, offset=offset)

    @post(
        "/",
        operation_id="createInitiative",
        summary="Register an initiative / تسجيل مبادرة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def create(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        data: JSONBody[InitiativeCreate],
    ) -> Response[InitiativeOut]:
        """Registers an initiative. Honours `Idempotency-Key`: a retry gets the first answer."""
        initiative = initiatives.register(
            context_of(request),
            code=data.code,
            title=data.title.to_domain("title"),
            aim=data.aim.to_domain("aim"),
            owner=data.owner,
            status=data.status,
            idempotency=idempotency_of(request, data),
        )
        return versioned(
            _out(request, initiative),
            initiative.version,
            HTTP_201_CREATED,
            location=f"{BASE}/{initiative.id}",
        )

    @get(
        "/{initiative_id:uuid}",
        operation_id="getInitiative",
        summary="Read an initiative / عرض مبادرة",
        **access(READERS),
        sync_to_thread=True,
    )
    def read(
        self,
        request: AnyRequest,
        initiative_id: FromPath[UUID],
        as_of: Annotated[
            str | None,
            QueryParameter(description="ISO timestamp: the initiative as it stood then"),
        ] = None,
    ) -> Response[InitiativeOut]:
        """One initiative with all its parts; `?as_of=` replays it as it stood at that instant."""
        registry = registry_of(request)
        instant = as_of_param(as_of)
        if instant is None:
            initiative = registry.initiatives.get(initiative_id)
            return versioned(_out(request, initiative), initiative.version)
        initiative = registry.initiatives.get_as_of(initiative_id, instant)
        body = initiative_out(initiative, instant.date(), as_of=instant.isoformat())
        return versioned(body, initiative.version)

    @get(
        "/{initiative_id:uuid}/history",
        operation_id="getInitiativeHistory",
        summary="An initiative's history / سجل مبادرة",
        **access(STAFF, Role.AUDITOR),
        sync_to_thread=True,
    )
    def history(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
    ) -> list[EventOut]:
        """Every change to the initiative: what, who, when, in which request, and why."""
        return events_out(initiatives.history(initiative_id))

    @put(
        "/{initiative_id:uuid}",
        operation_id="reviseInitiative",
        summary="Revise an initiative / تعديل مبادرة",
        **access(STAFF),
        sync_to_thread=True,
    )
    def revise(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        data: JSONBody[InitiativeDetails],
    ) -> Response[InitiativeOut]:
        """Revises the title, aim and owner (needs `If-Match`)."""
        initiative = initiatives.revise_details(
            context_of(request),
            initiative_id,
            expected_version(request),
            title=data.title.to_domain("title"),
            aim=data.aim.to_domain("aim"),
            owner=data.owner,
        )
        return versioned(_out(request, initiative), initiative.version)

    @post(
        "/{initiative_id:uuid}/status",
        operation_id="changeInitiativeStatus",
        summary="Change an initiative's status / تغيير حالة مبادرة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def change_status(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        data: JSONBody[StatusChange],
    ) -> Response[InitiativeOut]:
        """Moves the initiative to another status: a decision, so `reason` is required."""
        initiative = initiatives.change_status(
            context_of(request), initiative_id, expected_version(request), data.status, data.reason
        )
        return versioned(_out(request, initiative), initiative.version)

    @post(
        "/{initiative_id:uuid}/components",
        operation_id="addInitiativeComponent",
        summary="Add a component to an initiative / إضافة مكوّن إلى مبادرة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def add_component(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        data: JSONBody[ComponentCreate],
    ) -> Response[InitiativeOut]:
        """Adds a stage, track or workstream (e.g. the technical licence stage)."""
        initiative = initiatives.add_component(
            context_of(request),
            initiative_id,
            expected_version(request),
            key=data.key,
            title=data.title.to_domain("title"),
            description=data.description.to_domain("description"),
        )
        return versioned(_out(request, initiative), initiative.version, HTTP_201_CREATED)

    # -- milestones ------------------------------------------------------------------------

    @post(
        "/{initiative_id:uuid}/milestones",
        operation_id="addMilestone",
        summary="Add a milestone to an initiative / إضافة معلم إلى مبادرة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def add_milestone(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        data: JSONBody[MilestoneCreate],
    ) -> Response[CreatedPart]:
        """Adds a milestone with its planned date (YYYY, YYYY-MM or YYYY-MM-DD)."""
        initiative, new_id = initiatives.add_milestone(
            context_of(request),
            initiative_id,
            expected_version(request),
            title=data.title.to_domain("title"),
            planned_on=partial_date(data.planned_on, "planned_on"),
            idempotency=idempotency_of(request, data),
        )
        return _created(request, initiative, new_id)

    @post(
        "/{initiative_id:uuid}/milestones/{milestone_id:uuid}/reschedule",
        operation_id="rescheduleMilestone",
        summary="Reschedule a milestone / إعادة جدولة معلم",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def reschedule_milestone(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        milestone_id: FromPath[UUID],
        data: JSONBody[MilestoneReschedule],
    ) -> Response[InitiativeOut]:
        """Moves a milestone's planned date; `reason` is required."""
        planned_on = partial_date(data.planned_on, "planned_on")
        assert planned_on is not None
        initiative = initiatives.reschedule_milestone(
            context_of(request),
            initiative_id,
            expected_version(request),
            milestone_id,
            planned_on,
            data.reason,
        )
        return versioned(_out(request, initiative), initiative.version)

    @post(
        "/{initiative_id:uuid}/milestones/{milestone_id:uuid}/complete",
        operation_id="completeMilestone",
        summary="Complete a milestone / إنجاز معلم",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def complete_milestone(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        milestone_id: FromPath[UUID],
        data: JSONBody[MilestoneComplete],
    ) -> Response[InitiativeOut]:
        """Marks a milestone done, with its actual date when known."""
        initiative = initiatives.complete_milestone(
            context_of(request),
            initiative_id,
            expected_version(request),
            milestone_id,
            data.completed_on,
        )
        return versioned(_out(request, initiative), initiative.version)

    @post(
        "/{initiative_id:uuid}/milestones/{milestone_id:uuid}/cancel",
        operation_id="cancelMilestone",
        summary="Cancel a milestone / إلغاء معلم",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def cancel_milestone(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        milestone_id: FromPath[UUID],
        data: JSONBody[DecisionReason],
    ) -> Response[InitiativeOut]:
        """Cancels a planned milestone; `reason` is required."""
        initiative = initiatives.cancel_milestone(
            context_of(request),
            initiative_id,
            expected_version(request),
            milestone_id,
            data.reason,
        )
        return versioned(_out(request, initiative), initiative.version)

    # -- pilots ------------------------------------------------------------------------

    @post(
        "/{initiative_id:uuid}/pilots",
        operation_id="addPilot",
        summary="Add a pilot to an initiative / إضافة تجربة إلى مبادرة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def add_pilot(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        data: JSONBody[PilotCreate],
    ) -> Response[CreatedPart]:
        """Adds a pilot application at a named organisation."""
        initiative, new_id = initiatives.add_pilot(
            context_of(request),
            initiative_id,
            expected_version(request),
            organisation=data.organisation.to_domain("organisation"),
            description=data.description.to_domain("description"),
            region=data.region,
            idempotency=idempotency_of(request, data),
        )
        return _created(request, initiative, new_id)

    @post(
        "/{initiative_id:uuid}/pilots/{pilot_id:uuid}/evaluations/{stage:str}/schedule",
        operation_id="scheduleEvaluation",
        summary="Schedule a pilot's evaluation / جدولة تقييم تجربة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def schedule_evaluation(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        pilot_id: FromPath[UUID],
        stage: FromPath[EvaluationStage],
        data: JSONBody[EvaluationSchedule],
    ) -> Response[InitiativeOut]:
        """Plans the internal or external evaluation of a pilot."""
        planned_on = partial_date(data.planned_on, "planned_on")
        assert planned_on is not None
        initiative = initiatives.schedule_evaluation(
            context_of(request),
            initiative_id,
            expected_version(request),
            pilot_id,
            stage,
            planned_on,
        )
        return versioned(_out(request, initiative), initiative.version)

    @post(
        "/{initiative_id:uuid}/pilots/{pilot_id:uuid}/evaluations/{stage:str}/complete",
        operation_id="completeEvaluation",
        summary="Complete a pilot's evaluation / إكمال تقييم تجربة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def complete_evaluation(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        pilot_id: FromPath[UUID],
        stage: FromPath[EvaluationStage],
        data: JSONBody[EvaluationComplete],
    ) -> Response[InitiativeOut]:
        """Records an evaluation's outcome; the external one follows the internal one."""
        initiative = initiatives.complete_evaluation(
            context_of(request),
            initiative_id,
            expected_version(request),
            pilot_id,
            stage,
            completed_on=data.completed_on,
            result=data.result,
            outcome=data.outcome.to_domain("outcome") if data.outcome else None,
        )
        return versioned(_out(request, initiative), initiative.version)

    # -- deliverables ------------------------------------------------------------------

    @post(
        "/{initiative_id:uuid}/deliverables",
        operation_id="addDeliverable",
        summary="Add a deliverable to an initiative / إضافة مُخرَج إلى مبادرة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def add_deliverable(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        data: JSONBody[DeliverableCreate],
    ) -> Response[CreatedPart]:
        """Adds a deliverable (a guide, a translated book, a study…)."""
        initiative, new_id = initiatives.add_deliverable(
            context_of(request),
            initiative_id,
            expected_version(request),
            kind=data.kind,
            title=data.title.to_domain("title"),
            description=data.description.to_domain("description"),
            status=data.status,
            due=partial_date(data.due, "due"),
            idempotency=idempotency_of(request, data),
        )
        return _created(request, initiative, new_id)

    @post(
        "/{initiative_id:uuid}/deliverables/{deliverable_id:uuid}/status",
        operation_id="changeDeliverableStatus",
        summary="Change a deliverable's status / تغيير حالة مُخرَج",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def change_deliverable_status(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        deliverable_id: FromPath[UUID],
        data: JSONBody[DeliverableStatusChange],
    ) -> Response[InitiativeOut]:
        """Moves a deliverable on (cancelling one needs a `reason`)."""
        initiative = initiatives.change_deliverable_status(
            context_of(request),
            initiative_id,
            expected_version(request),
            deliverable_id,
            data.status,
            data.delivered_on,
            data.reason,
        )
        return versioned(_out(request, initiative), initiative.version)

    # -- partnerships ------------------------------------------------------------------

    @post(
        "/{initiative_id:uuid}/partnerships",
        operation_id="addPartnership",
        summary="Add a partnership to an initiative / إضافة شراكة إلى مبادرة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def add_partnership(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        data: JSONBody[PartnershipCreate],
    ) -> Response[CreatedPart]:
        """Adds a local or international partnership."""
        initiative, new_id = initiatives.add_partnership(
            context_of(request),
            initiative_id,
            expected_version(request),
            partner=data.partner.to_domain("partner"),
            scope=data.scope,
            description=data.description.to_domain("description"),
            started_on=partial_date(data.started_on, "started_on"),
            idempotency=idempotency_of(request, data),
        )
        return _created(request, initiative, new_id)

    @post(
        "/{initiative_id:uuid}/partnerships/{partnership_id:uuid}/end",
        operation_id="endPartnership",
        summary="End a partnership / إنهاء شراكة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def end_partnership(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        partnership_id: FromPath[UUID],
        data: JSONBody[PartnershipEnd],
    ) -> Response[InitiativeOut]:
        """Ends a partnership; `reason` is required."""
        initiative = initiatives.end_partnership(
            context_of(request),
            initiative_id,
            expected_version(request),
            partnership_id,
            data.ended_on,
            data.reason,
        )
        return versioned(_out(request, initiative), initiative.version)

    # -- KPIs ------------------------------------------------------------------------------

    @post(
        "/{initiative_id:uuid}/kpis",
        operation_id="defineKpi",
        summary="Define a KPI of an initiative / تعريف مؤشر أداء لمبادرة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def define_kpi(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        data: JSONBody[KpiCreate],
    ) -> Response[CreatedPart]:
        """Defines a KPI with its target and direction."""
        initiative, new_id = initiatives.define_kpi(
            context_of(request),
            initiative_id,
            expected_version(request),
            name=data.name.to_domain("name"),
            unit=data.unit,
            target=data.target,
            direction=data.direction,
            idempotency=idempotency_of(request, data),
        )
        return _created(request, initiative, new_id)

    @post(
        "/{initiative_id:uuid}/kpis/{kpi_id:uuid}/measurements",
        operation_id="recordKpiValue",
        summary="Record a KPI measurement / تسجيل قياس مؤشر أداء",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def record_kpi_value(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        kpi_id: FromPath[UUID],
        data: JSONBody[KpiMeasurementCreate],
    ) -> Response[InitiativeOut]:
        """Records a KPI's measured value for a period (a correction needs a `reason`)."""
        initiative = initiatives.record_kpi_value(
            context_of(request),
            initiative_id,
            expected_version(request),
            kpi_id,
            _period(data.period),
            data.value,
            data.reason,
        )
        return versioned(_out(request, initiative), initiative.version)

    # -- progress reports ------------------------------------------------------------------

    @post(
        "/{initiative_id:uuid}/progress-reports",
        operation_id="reportProgress",
        summary="Report an initiative's progress / رفع تقرير تقدّم مبادرة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def report_progress(
        self,
        request: AnyRequest,
        initiatives: NamedDependency[InitiativeService],
        initiative_id: FromPath[UUID],
        data: JSONBody[ProgressReportCreate],
    ) -> Response[InitiativeOut]:
        """Submits the progress report of a period (a revision of one needs a `reason`)."""
        initiative = initiatives.report_progress(
            context_of(request),
            initiative_id,
            expected_version(request),
            period=_period(data.period),
            summary=data.summary.to_domain("summary"),
            percent_complete=data.percent_complete,
            reason=data.reason,
        )
        return versioned(_out(request, initiative), initiative.version)


def _created(
    request: AnyRequest, initiative: Initiative, new_id: FromPath[UUID]
) -> Response[CreatedPart]:
    body = CreatedPart(id=str(new_id), initiative=_out(request, initiative))
    return versioned(body, initiative.version, HTTP_201_CREATED)
