"""The initiatives workspace's forms: which fields each change asks for, and the service call
it makes. One generic form page (``initiatives/action.html``) renders any of them.

Each :class:`Action` names its fields (labels are msgids, translated by the template) and a
``run`` that parses the submitted strings into domain values and calls one
:class:`registry.initiatives.InitiativeService` method. Parsing failures are ``InvalidInput``
naming the field, so a refused form shows each message beside its field.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar
from uuid import UUID

from msgspec import Struct

from domain.dates import PartialDate, ReportingPeriod
from domain.errors import InvalidInput
from domain.initiatives.initiative import Initiative
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
from domain.regions import REGION_NAMES
from domain.text import Text
from registry.context import RequestContext
from registry.idempotency import IdempotencyKey
from registry.initiatives import InitiativeService

E = TypeVar("E", bound=StrEnum)

STATUS_LABELS: dict[str, str] = {
    InitiativeStatus.PLANNED: N_("Planned"),
    InitiativeStatus.ACTIVE: N_("Active"),
    InitiativeStatus.ON_HOLD: N_("On hold"),
    InitiativeStatus.COMPLETED: N_("Completed"),
    InitiativeStatus.CANCELLED: N_("Cancelled"),
}
MILESTONE_LABELS = {"planned": N_("Planned"), "done": N_("Done"), "cancelled": N_("Cancelled")}
PHASE_LABELS = {
    "implementation": N_("Implementation"),
    "internal_evaluation": N_("Internal evaluation"),
    "external_evaluation": N_("External evaluation"),
    "evaluated": N_("Evaluated"),
}
EVALUATION_LABELS = {
    "pending": N_("Not planned yet"),
    "scheduled": N_("Planned"),
    "completed": N_("Done"),
}
STAGE_LABELS = {"internal": N_("Internal evaluation"), "external": N_("External evaluation")}
RESULT_LABELS = {
    "passed": N_("Passed"),
    "needs_improvement": N_("Needs improvement"),
    "failed": N_("Failed"),
}
KIND_LABELS = {
    "guide": N_("Guide"),
    "translated_book": N_("Translated book"),
    "study": N_("Study"),
    "programme": N_("Programme"),
    "body": N_("Body"),
    "other": N_("Other"),
}
DELIVERABLE_LABELS = {
    "planned": N_("Planned"),
    "in_progress": N_("In progress"),
    "delivered": N_("Delivered"),
    "cancelled": N_("Cancelled"),
}
SCOPE_LABELS = {"local": N_("Local"), "international": N_("International")}
DIRECTION_LABELS = {
    "higher_is_better": N_("Higher is better"),
    "lower_is_better": N_("Lower is better"),
}
DATE_HINT = N_("YYYY, YYYY-MM or YYYY-MM-DD")
PERIOD_HINT = N_("YYYY, YYYY-H1, YYYY-Q2 or YYYY-MM")


class ActionForm(Struct):
    """Every field any initiative form may send (strings, so a half-filled form parses)."""

    version: str = ""
    idempotency: str = ""
    part: str = ""
    reason: str = ""
    code: str = ""
    title_ar: str = ""
    title_en: str = ""
    aim_ar: str = ""
    aim_en: str = ""
    owner: str = ""
    status: str = ""
    planned_on: str = ""
    completed_on: str = ""
    organisation_ar: str = ""
    organisation_en: str = ""
    description_ar: str = ""
    description_en: str = ""
    region: str = ""
    stage: str = ""
    result: str = ""
    outcome_ar: str = ""
    outcome_en: str = ""
    kind: str = ""
    due: str = ""
    delivered_on: str = ""
    partner_ar: str = ""
    partner_en: str = ""
    scope: str = ""
    started_on: str = ""
    ended_on: str = ""
    name_ar: str = ""
    name_en: str = ""
    unit: str = ""
    target: str = ""
    direction: str = ""
    period: str = ""
    value: str = ""
    summary_ar: str = ""
    summary_en: str = ""
    percent_complete: str = ""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # msgid
    kind: str = "text"  # text | bitext | bitextarea | select | date
    options: tuple[tuple[str, str], ...] = ()  # (value, msgid)
    required: bool = True
    hint: str | None = None  # msgid


# (service, who acts, initiative id, version the page showed, form, idempotency key)
Run = Callable[
    [InitiativeService, RequestContext, UUID, int, ActionForm, IdempotencyKey | None], object
]


@dataclass(frozen=True)
class Action:
    key: str
    title: str  # msgid
    fields: tuple[FieldSpec, ...]
    run: Run
    part_kind: str | None = None  # which part the form acts on: "milestone", "pilot"…
    creates: bool = False  # carries an idempotency key

    @property
    def names(self) -> set[str]:
        return {f.name for f in self.fields}


# -- parsing the submitted strings ------------------------------------------------------


def text(form: ActionForm, name: str) -> Text:
    return Text.of(getattr(form, f"{name}_ar"), getattr(form, f"{name}_en"), field=name)


def optional_text(form: ActionForm, name: str) -> Text | None:
    if not (getattr(form, f"{name}_ar").strip() or getattr(form, f"{name}_en").strip()):
        return None
    return text(form, name)


def partial(raw: str, name: str, required: bool = False) -> PartialDate | None:
    raw = raw.strip()
    if not raw:
        if required:
            raise InvalidInput(N_("Enter a date."), field=name)
        return None
    try:
        return PartialDate(raw)
    except InvalidInput as error:
        raise InvalidInput(error.message, field=name) from None


def required_partial(raw: str, name: str) -> PartialDate:
    value = partial(raw, name, required=True)
    assert value is not None
    return value


def day(raw: str, name: str) -> date | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(
            N_("'{raw}' is not a day: use YYYY-MM-DD."),
            field=name,
            raw=raw[:20],
        ) from None


def required_day(raw: str, name: str) -> date:
    value = day(raw, name)
    if value is None:
        raise InvalidInput(N_("Enter a day."), field=name)
    return value


def choice(raw: str, enum: type[E], name: str) -> E:
    try:
        return enum(raw)
    except ValueError:
        raise InvalidInput(N_("Choose one of the options."), field=name) from None


def number(raw: str, name: str) -> Decimal:
    try:
        value = Decimal(raw.strip().replace(",", ""))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise InvalidInput(N_("Enter a number."), field=name)
    return value


def period(raw: str) -> ReportingPeriod:
    return ReportingPeriod(raw.strip())


def part_id(form: ActionForm) -> UUID:
    try:
        return UUID(form.part)
    except ValueError:
        raise InvalidInput(N_("No such item."), field="part") from None


def reason(form: ActionForm) -> str | None:
    return form.reason.strip() or None


def percent(raw: str) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) > 100:
        raise InvalidInput(N_("A whole number from 0 to 100."), field="percent_complete")
    return int(raw)


def new_idempotency() -> str:
    """A fresh key for a creating form: a double submit or a reload sends the same one."""
    return secrets.token_urlsafe(16)


# -- the fields ---------------------------------------------------------------------------


def _options(labels: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), v) for k, v in labels.items())


REGIONS = tuple((str(r), en) for r, (en, _ar) in REGION_NAMES.items())
F_REASON = FieldSpec("reason", N_("Reason"), "textarea")
F_REASON_OPTIONAL = FieldSpec("reason", N_("Reason"), "textarea", required=False)
F_TITLE = FieldSpec("title", N_("Title"), "bitext")
F_DESCRIPTION = FieldSpec("description", N_("Description"), "bitextarea")
F_PLANNED = FieldSpec("planned_on", N_("Planned for"), hint=DATE_HINT)
F_PERIOD = FieldSpec("period", N_("Reporting period"), hint=PERIOD_HINT)
F_STAGE = FieldSpec("stage", N_("Evaluation"), "select", _options(STAGE_LABELS))
DETAILS = (
    F_TITLE,
    FieldSpec("aim", N_("Aim"), "bitextarea"),
    FieldSpec("owner", N_("Owner")),
)


def _create(
    s: InitiativeService,
    ctx: RequestContext,
    _id: UUID,
    _version: int,
    f: ActionForm,
    key: IdempotencyKey | None,
) -> object:
    return s.register(
        ctx,
        code=f.code,
        title=text(f, "title"),
        aim=text(f, "aim"),
        owner=f.owner,
        status=choice(f.status, InitiativeStatus, "status"),
        idempotency=key,
    )


ACTIONS: dict[str, Action] = {
    a.key: a
    for a in (
        Action(
            "create",
            N_("New initiative"),
            (
                FieldSpec("code", N_("Code"), hint=N_("Capital letters, digits and hyphens")),
                *DETAILS,
                FieldSpec("status", N_("Status"), "select", _options(STATUS_LABELS)),
            ),
            _create,
            creates=True,
        ),
        Action(
            "edit",
            N_("Edit the initiative"),
            DETAILS,
            lambda s, ctx, i, v, f, _k: s.revise_details(
                ctx, i, v, title=text(f, "title"), aim=text(f, "aim"), owner=f.owner
            ),
        ),
        Action(
            "status",
            N_("Change the status"),
            (FieldSpec("status", N_("Status"), "select", _options(STATUS_LABELS)), F_REASON),
            lambda s, ctx, i, v, f, _k: s.change_status(
                ctx, i, v, choice(f.status, InitiativeStatus, "status"), f.reason
            ),
        ),
        Action(
            "milestone-add",
            N_("Plan a milestone"),
            (F_TITLE, FieldSpec("planned_on", N_("Planned for"), required=False, hint=DATE_HINT)),
            lambda s, ctx, i, v, f, k: s.add_milestone(
                ctx,
                i,
                v,
                title=text(f, "title"),
                planned_on=partial(f.planned_on, "planned_on"),
                idempotency=k,
            ),
            creates=True,
        ),
        Action(
            "milestone-reschedule",
            N_("Reschedule the milestone"),
            (F_PLANNED, F_REASON),
            lambda s, ctx, i, v, f, _k: s.reschedule_milestone(
                ctx, i, v, part_id(f), required_partial(f.planned_on, "planned_on"), reason(f)
            ),
            part_kind="milestone",
        ),
        Action(
            "milestone-complete",
            N_("Complete the milestone"),
            (FieldSpec("completed_on", N_("Completed on"), required=False, hint=N_("YYYY-MM-DD")),),
            lambda s, ctx, i, v, f, _k: s.complete_milestone(
                ctx, i, v, part_id(f), day(f.completed_on, "completed_on")
            ),
            part_kind="milestone",
        ),
        Action(
            "milestone-cancel",
            N_("Cancel the milestone"),
            (F_REASON,),
            lambda s, ctx, i, v, f, _k: s.cancel_milestone(ctx, i, v, part_id(f), reason(f)),
            part_kind="milestone",
        ),
        Action(
            "pilot-add",
            N_("Add a pilot"),
            (
                FieldSpec("organisation", N_("Organisation"), "bitext"),
                F_DESCRIPTION,
                FieldSpec("region", N_("Region"), "select", REGIONS, required=False),
            ),
            lambda s, ctx, i, v, f, k: s.add_pilot(
                ctx,
                i,
                v,
                organisation=text(f, "organisation"),
                description=text(f, "description"),
                region=f.region or None,
                idempotency=k,
            ),
            creates=True,
        ),
        Action(
            "evaluation-schedule",
            N_("Plan an evaluation"),
            (F_STAGE, F_PLANNED),
            lambda s, ctx, i, v, f, _k: s.schedule_evaluation(
                ctx,
                i,
                v,
                part_id(f),
                choice(f.stage, EvaluationStage, "stage"),
                required_partial(f.planned_on, "planned_on"),
            ),
            part_kind="pilot",
        ),
        Action(
            "evaluation-complete",
            N_("Record an evaluation's outcome"),
            (
                F_STAGE,
                FieldSpec(
                    "completed_on", N_("Completed on"), required=False, hint=N_("YYYY-MM-DD")
                ),
                FieldSpec(
                    "result", N_("Result"), "select", _options(RESULT_LABELS), required=False
                ),
                FieldSpec("outcome", N_("Outcome"), "bitextarea", required=False),
            ),
            lambda s, ctx, i, v, f, _k: s.complete_evaluation(
                ctx,
                i,
                v,
                part_id(f),
                choice(f.stage, EvaluationStage, "stage"),
                completed_on=day(f.completed_on, "completed_on"),
                result=choice(f.result, EvaluationResult, "result") if f.result else None,
                outcome=optional_text(f, "outcome"),
            ),
            part_kind="pilot",
        ),
        Action(
            "deliverable-add",
            N_("Add a deliverable"),
            (
                FieldSpec("kind", N_("Kind"), "select", _options(KIND_LABELS)),
                F_TITLE,
                F_DESCRIPTION,
                FieldSpec("status", N_("Status"), "select", _options(DELIVERABLE_LABELS)),
                FieldSpec("due", N_("Due"), required=False, hint=DATE_HINT),
            ),
            lambda s, ctx, i, v, f, k: s.add_deliverable(
                ctx,
                i,
                v,
                kind=choice(f.kind, DeliverableKind, "kind"),
                title=text(f, "title"),
                description=text(f, "description"),
                status=choice(f.status, DeliverableStatus, "status"),
                due=partial(f.due, "due"),
                idempotency=k,
            ),
            creates=True,
        ),
        Action(
            "deliverable-status",
            N_("Move the deliverable on"),
            (
                FieldSpec("status", N_("Status"), "select", _options(DELIVERABLE_LABELS)),
                FieldSpec(
                    "delivered_on", N_("Delivered on"), required=False, hint=N_("YYYY-MM-DD")
                ),
                F_REASON_OPTIONAL,
            ),
            lambda s, ctx, i, v, f, _k: s.change_deliverable_status(
                ctx,
                i,
                v,
                part_id(f),
                choice(f.status, DeliverableStatus, "status"),
                day(f.delivered_on, "delivered_on"),
                reason(f),
            ),
            part_kind="deliverable",
        ),
        Action(
            "partnership-add",
            N_("Add a partnership"),
            (
                FieldSpec("partner", N_("Partner"), "bitext"),
                FieldSpec("scope", N_("Scope"), "select", _options(SCOPE_LABELS)),
                F_DESCRIPTION,
                FieldSpec("started_on", N_("Started"), required=False, hint=DATE_HINT),
            ),
            lambda s, ctx, i, v, f, k: s.add_partnership(
                ctx,
                i,
                v,
                partner=text(f, "partner"),
                scope=choice(f.scope, PartnershipScope, "scope"),
                description=text(f, "description"),
                started_on=partial(f.started_on, "started_on"),
                idempotency=k,
            ),
            creates=True,
        ),
        Action(
            "partnership-end",
            N_("End the partnership"),
            (FieldSpec("ended_on", N_("Ended on"), hint=N_("YYYY-MM-DD")), F_REASON),
            lambda s, ctx, i, v, f, _k: s.end_partnership(
                ctx, i, v, part_id(f), required_day(f.ended_on, "ended_on"), reason(f)
            ),
            part_kind="partnership",
        ),
        Action(
            "kpi-add",
            N_("Define a KPI"),
            (
                FieldSpec("name", N_("Name"), "bitext"),
                FieldSpec("unit", N_("Unit"), hint=N_("e.g. %, members, days")),
                FieldSpec("target", N_("Target")),
                FieldSpec("direction", N_("Direction"), "select", _options(DIRECTION_LABELS)),
            ),
            lambda s, ctx, i, v, f, k: s.define_kpi(
                ctx,
                i,
                v,
                name=text(f, "name"),
                unit=f.unit,
                target=number(f.target, "target"),
                direction=choice(f.direction, KpiDirection, "direction"),
                idempotency=k,
            ),
            creates=True,
        ),
        Action(
            "kpi-record",
            N_("Record a measurement"),
            (
                F_PERIOD,
                FieldSpec("value", N_("Value")),
                FieldSpec(
                    "reason",
                    N_("Reason"),
                    "textarea",
                    required=False,
                    hint=N_("Needed when you correct a period already recorded"),
                ),
            ),
            lambda s, ctx, i, v, f, _k: s.record_kpi_value(
                ctx, i, v, part_id(f), period(f.period), number(f.value, "value"), reason(f)
            ),
            part_kind="kpi",
        ),
        Action(
            "report",
            N_("Report progress for a period"),
            (
                F_PERIOD,
                FieldSpec("summary", N_("Summary"), "bitextarea"),
                FieldSpec(
                    "percent_complete", N_("Percent complete"), required=False, hint=N_("0 to 100")
                ),
                FieldSpec(
                    "reason",
                    N_("Reason"),
                    "textarea",
                    required=False,
                    hint=N_("Needed when you revise a period already reported"),
                ),
            ),
            lambda s, ctx, i, v, f, _k: s.report_progress(
                ctx,
                i,
                v,
                period=period(f.period),
                summary=text(f, "summary"),
                percent_complete=percent(f.percent_complete),
                reason=reason(f),
            ),
        ),
    )
}


def prefilled(action: Action, initiative: Initiative | None, part: str) -> ActionForm:
    """The form as it first opens: an edit shows today's values, a part's date its current one."""
    form = ActionForm(part=part, idempotency=new_idempotency() if action.creates else "")
    if initiative is None:
        form.status = str(InitiativeStatus.ACTIVE)
        return form
    form.version = str(initiative.version)
    if action.key == "edit":
        form.title_ar, form.title_en = initiative.title.ar, initiative.title.en
        form.aim_ar, form.aim_en = initiative.aim.ar, initiative.aim.en
        form.owner = initiative.owner
    if action.key == "milestone-reschedule" and part:
        milestone = initiative.milestones.get(UUID(part))
        if milestone is not None and milestone.planned_on is not None:
            form.planned_on = milestone.planned_on.value
    return form


def part_of(initiative: Initiative, action: Action, part: str) -> object | None:
    """The milestone, pilot, deliverable, partnership or KPI the form acts on (None: unknown)."""
    if action.part_kind is None:
        return None
    try:
        key = UUID(part)
    except ValueError:
        return None
    parts: dict[str, dict[UUID, object]] = {
        "milestone": dict(initiative.milestones),
        "pilot": dict(initiative.pilots),
        "deliverable": dict(initiative.deliverables),
        "partnership": dict(initiative.partnerships),
        "kpi": dict(initiative.kpis),
    }
    return parts[action.part_kind].get(key)
