"""Activities ambassadors logged, waiting for the executive office to verify (points are
the domain's, by kind) or reject them — each with its reason, against the member's version."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_409_CONFLICT

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.i18n import language_of
from api.pages.rendering import FormErrors, message_of, page
from domain.ambassadors.values import ActivityStatus
from domain.errors import DomainError, VersionConflict
from domain.messages import N_
from domain.roles import STAFF, Role

PAGE = 50
KIND_LABELS = {
    "awareness_session": N_("Awareness session"),
    "workshop": N_("Workshop"),
    "campaign": N_("Campaign"),
    "volunteering": N_("Volunteering"),
}


class ActivityDecision(msgspec.Struct):
    decision: str = ""
    version: str = ""
    reason: str = ""


Form = Annotated[ActivityDecision, Body(media_type=RequestEncodingType.URL_ENCODED)]


def _queue(
    request: AnyRequest, status_code: int = 200, *, errors: FormErrors | None = None, p: int = 1
) -> Template:
    registry = registry_of(request)
    pending = registry.ambassadors.list_activities(ActivityStatus.LOGGED, PAGE, (p - 1) * PAGE)
    versions = {
        a.membership_id: registry.ambassadors.get(UUID(a.membership_id)).version for a in pending
    }
    return page(
        request,
        "desk/activities.html",
        status_code,
        activities=pending,
        versions=versions,
        kinds=KIND_LABELS,
        errors=errors,
        page_number=p,
        has_next=len(pending) == PAGE,
        can_act=getattr(request.scope.get("user"), "role", None) in STAFF,
    )


class DeskActivityPages(Controller):
    path = "/desk/activities"
    include_in_schema = False

    @get("/", name="desk_activities", **access(STAFF, Role.AUDITOR), sync_to_thread=True)
    def index(self, request: AnyRequest, p: FromQuery[int] = 1) -> Template:
        """Logged activities, oldest first."""
        return _queue(request, p=max(1, min(p, 100_000)))

    @post(
        "/{membership_id:uuid}/{activity_id:uuid}",
        name="desk_activity_decide",
        **access(STAFF),
        sync_to_thread=True,
    )
    def decide(
        self,
        request: AnyRequest,
        membership_id: FromPath[UUID],
        activity_id: FromPath[UUID],
        data: Form,
    ) -> Template | Redirect:
        """Verifies (points by kind) or rejects one activity, with the reason."""
        lang = language_of(request)
        service = registry_of(request).ambassadors
        command = service.verify_activity if data.decision == "verify" else service.reject_activity
        try:
            version = int(data.version)
        except ValueError:
            version = -1
        try:
            command(context_of(request), membership_id, version, activity_id, data.reason[:2000])
        except VersionConflict:
            errors = FormErrors(lang)
            errors.general.append(
                message_of(
                    DomainError(
                        N_("The member changed while this page was open: check the list again."),
                    ),
                    lang,
                )
            )
            return _queue(request, HTTP_409_CONFLICT, errors=errors)
        except DomainError as error:
            errors = FormErrors(lang)
            errors.general.append(message_of(error, lang))
            return _queue(request, HTTP_409_CONFLICT, errors=errors)
        return Redirect("/desk/activities?done=1", status_code=HTTP_303_SEE_OTHER)
