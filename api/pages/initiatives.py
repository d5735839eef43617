"""The initiatives workspace: the nine NQS initiatives, each with its milestones, pilots,
deliverables, partnerships, KPIs and progress reports; "as it stood on" and its history.

Every change is a form (``initiative_forms.ACTIONS``) sent with the version the page showed;
when someone else changed the initiative first, the form comes back with the fresh state and
says so (409), never overwriting.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.exceptions import NotFoundException
from litestar.params import Body, FromPath, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages import initiative_forms as forms
from api.pages.i18n import language_of, translate
from api.pages.rendering import FormErrors, page
from domain.errors import DomainError, InvalidInput, VersionConflict
from domain.initiatives.initiative import Initiative
from domain.messages import N_
from domain.regions import REGION_NAMES
from domain.roles import STAFF, Role
from registry import executive
from registry.idempotency import IdempotencyKey

Form = Annotated[forms.ActionForm, Body(media_type=RequestEncodingType.URL_ENCODED)]
RIYADH = timezone(timedelta(hours=3))
READ = access(STAFF, Role.AUDITOR)
CHANGE = access(STAFF)


def parse_instant(raw: str | None) -> datetime | None:
    """The "as it stood on" control's value: a full ISO timestamp (links from the history),
    or the form's ``YYYY-MM-DDTHH:MM[:SS]`` in Riyadh time, or a day (its end, Riyadh time)."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        if len(raw) == 10:
            instant = datetime.fromisoformat(raw).replace(tzinfo=RIYADH) + timedelta(days=1)
            return (instant - timedelta(microseconds=1)).astimezone(UTC)
        instant = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(
            N_("Enter a date and time, e.g. 2021-03-31T12:00."),
            field="as_of",
        ) from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=RIYADH)
    return instant.astimezone(UTC)


def riyadh_input(instant: datetime | None) -> str:
    """An instant as the datetime-local control shows it (Riyadh time, to the second)."""
    return instant.astimezone(RIYADH).strftime("%Y-%m-%dT%H:%M:%S") if instant else ""


def _labels() -> dict[str, Any]:
    return {
        "status_labels": forms.STATUS_LABELS,
        "milestone_labels": forms.MILESTONE_LABELS,
        "phase_labels": forms.PHASE_LABELS,
        "evaluation_labels": forms.EVALUATION_LABELS,
        "result_labels": forms.RESULT_LABELS,
        "kind_labels": forms.KIND_LABELS,
        "deliverable_labels": forms.DELIVERABLE_LABELS,
        "scope_labels": forms.SCOPE_LABELS,
        "direction_labels": forms.DIRECTION_LABELS,
        "region_names": {str(k): v for k, v in REGION_NAMES.items()},
    }


def _action(key: str) -> forms.Action:
    action = forms.ACTIONS.get(key)
    if action is None or key == "create":
        raise NotFoundException()
    return action


def _idempotency(request: AnyRequest, form: forms.ActionForm) -> IdempotencyKey | None:
    if not form.idempotency:
        return None
    body = msgspec.json.encode(msgspec.structs.replace(form, version="", idempotency=""))
    return IdempotencyKey.of(context_of(request).actor.id, form.idempotency, body)


def _version(form: forms.ActionForm) -> int:
    if not form.version.isdigit():
        raise InvalidInput(
            N_("The page was missing its version: reload it and try again."),
            field="version",
        )
    return int(form.version)


class InitiativePages(Controller):
    path = "/desk/initiatives"
    include_in_schema = False

    @get("/", name="initiatives", **READ, sync_to_thread=True)
    def index(self, request: AnyRequest) -> Template:
        """The initiatives, by code."""
        rows = executive.initiatives(registry_of(request))
        return page(request, "initiatives/index.html", rows=rows, **_labels())

    @get("/new", name="initiative_new", **CHANGE)
    async def new(self, request: AnyRequest) -> Template:
        """The form to register an initiative."""
        action = forms.ACTIONS["create"]
        return self._form(request, action, None, forms.prefilled(action, None, ""))

    @post("/new", name="initiative_create", **CHANGE, sync_to_thread=True)
    def create(self, request: AnyRequest, data: Form) -> Template | Redirect:
        """Registers the initiative (a double submit lands on the same one)."""
        action = forms.ACTIONS["create"]
        service = registry_of(request).initiatives
        try:
            action.run(
                service, context_of(request), UUID(int=0), 0, data, _idempotency(request, data)
            )
        except DomainError as error:
            errors = FormErrors.of(error, language_of(request), action.names)
            return self._form(request, action, None, data, errors, HTTP_422_UNPROCESSABLE_ENTITY)
        created = service.find_by_code(data.code)
        assert created is not None
        return Redirect(f"{self.path}/{created.id}?done=create", status_code=HTTP_303_SEE_OTHER)

    @get("/{initiative_id:uuid}", name="initiative", **READ, sync_to_thread=True)
    def detail(
        self,
        request: AnyRequest,
        initiative_id: FromPath[UUID],
        as_of: FromQuery[str | None] = None,
        done: FromQuery[str | None] = None,
    ) -> Template:
        """The initiative with all its parts, now or as it stood at an instant."""
        registry = registry_of(request)
        lang = language_of(request)
        errors = None
        try:
            instant = parse_instant(as_of)
        except InvalidInput as error:
            instant, errors = None, FormErrors.of(error, lang, {"as_of"})
        initiative = executive.initiative_as_of(registry, initiative_id, instant)
        today = (instant or registry.clock.now()).date()
        done_action = forms.ACTIONS.get(done or "")
        return page(
            request,
            "initiatives/detail.html",
            initiative=initiative,
            instant=instant,
            as_of_value=riyadh_input(instant) if instant else (as_of or ""),
            today=today,
            done=done_action.title if done_action else None,
            errors=errors,
            can_change=instant is None and request.scope["user"].role in STAFF,
            **_labels(),
        )

    @get("/{initiative_id:uuid}/history", name="initiative_history", **READ, sync_to_thread=True)
    def history(self, request: AnyRequest, initiative_id: FromPath[UUID]) -> Template:
        """Who changed what, when and why: newest first."""
        registry = registry_of(request)
        initiative = registry.initiatives.get(initiative_id)
        entries = list(reversed(executive.initiative_history(registry, initiative_id)))
        return page(
            request,
            "initiatives/history.html",
            initiative=initiative,
            entries=entries,
            RIYADH=RIYADH,
        )

    @get(
        "/{initiative_id:uuid}/act/{key:str}",
        name="initiative_action",
        **CHANGE,
        sync_to_thread=True,
    )
    def action_form(
        self,
        request: AnyRequest,
        initiative_id: FromPath[UUID],
        key: FromPath[str],
        part: FromQuery[str] = "",
    ) -> Template:
        """One change's form, filled with what it changes today."""
        action = _action(key)
        initiative = registry_of(request).initiatives.get(initiative_id)
        if action.part_kind and forms.part_of(initiative, action, part) is None:
            raise NotFoundException()
        return self._form(request, action, initiative, forms.prefilled(action, initiative, part))

    @post(
        "/{initiative_id:uuid}/act/{key:str}", name="initiative_act", **CHANGE, sync_to_thread=True
    )
    def act(
        self, request: AnyRequest, initiative_id: FromPath[UUID], key: FromPath[str], data: Form
    ) -> Template | Redirect:
        """Makes the change against the version the page showed."""
        action = _action(key)
        registry = registry_of(request)
        lang = language_of(request)
        try:
            action.run(
                registry.initiatives,
                context_of(request),
                initiative_id,
                _version(data),
                data,
                _idempotency(request, data),
            )
        except VersionConflict:
            fresh = registry.initiatives.get(initiative_id)
            errors = FormErrors(lang)
            errors.general.append(
                translate(
                    lang,
                    "Someone else changed this initiative after you opened the page. "
                    "Below is how it stands now; check your change and send it again.",
                )
            )
            data.version = str(fresh.version)
            return self._form(request, action, fresh, data, errors, HTTP_409_CONFLICT, True)
        except DomainError as error:
            current = registry.initiatives.get(initiative_id)
            errors = FormErrors.of(error, lang, action.names)
            return self._form(request, action, current, data, errors, HTTP_422_UNPROCESSABLE_ENTITY)
        return Redirect(
            f"{self.path}/{initiative_id}?done={action.key}", status_code=HTTP_303_SEE_OTHER
        )

    def _form(
        self,
        request: AnyRequest,
        action: forms.Action,
        initiative: Initiative | None,
        form: forms.ActionForm,
        errors: FormErrors | None = None,
        status: int = 200,
        conflict: bool = False,
    ) -> Template:
        target = (
            f"{self.path}/new"
            if initiative is None
            else f"{self.path}/{initiative.id}/act/{action.key}"
        )
        part = forms.part_of(initiative, action, form.part) if initiative else None
        return page(
            request,
            "initiatives/action.html",
            status,
            action=action,
            initiative=initiative,
            part=part,
            form=form,
            values=msgspec.structs.asdict(form),
            target=target,
            errors=errors,
            conflict=conflict,
            **_labels(),
        )
