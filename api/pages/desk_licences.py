"""The desk's licences: the queue of applications (filtered by status, stage and type), a
licence's page with its history, and every decision on it with its reason — assessment,
issue, renewal with CPD hours, suspension, reinstatement, revocation — each sent with the
version the page showed, so a change made meanwhile by someone else is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode
from uuid import UUID

import msgspec
from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.forms import form_version, whole_number
from api.pages.i18n import language_of, translate
from api.pages.labels import LICENCE_STAGE_EN, LICENCE_STATUS_EN
from api.pages.rendering import FormErrors, page
from api.schemas.ambassadors import mask_national_id
from domain.errors import DomainError, InvalidInput, VersionConflict
from domain.licences.licence import LicenceStatus
from domain.licences.licence_type import LicenceStage
from domain.messages import N_
from domain.roles import STAFF, Role
from registry.context import RequestContext
from registry.licences import LicenceService

READ = access(STAFF, Role.AUDITOR)
ACT = access(STAFF)
PAGE_SIZES = (50, 100, 500)
# What waits for assessment: the queue opens on it unless another status is chosen.
QUEUE_STATUS = LicenceStatus.APPLIED.value

# What an officer may do with a licence in each status (the domain has the last word).
ACTIONS: dict[LicenceStatus, list[str]] = {
    LicenceStatus.APPLIED: ["assess"],
    LicenceStatus.PASSED: ["issue"],
    LicenceStatus.FAILED: [],
    LicenceStatus.ISSUED: ["renew", "suspend", "revoke"],
    LicenceStatus.SUSPENDED: ["reinstate", "revoke"],
    LicenceStatus.REVOKED: [],
    LicenceStatus.EXPIRED: ["renew"],
}
ACTION_LABELS = {
    "assess": N_("Record the assessment"),
    "issue": N_("Issue the licence"),
    "renew": N_("Renew"),
    "suspend": N_("Suspend"),
    "reinstate": N_("Reinstate"),
    "revoke": N_("Revoke"),
    "expire": N_("Record expiry"),
    "erase": N_("Erase personal data"),
}
# The licence's events as its history reads them.
EVENT_LABELS = {
    "Applied": N_("Applied"),
    "Reapplied": N_("Applied again"),
    "Assessed": N_("Assessed"),
    "Issued": N_("Issued"),
    "Renewed": N_("Renewed"),
    "Suspended": N_("Suspended"),
    "Reinstated": N_("Reinstated"),
    "Revoked": N_("Revoked"),
    "Expired": N_("Expired"),
    "PersonalDataErased": N_("Personal data erased"),
}
# The fields each action's form has: a refusal naming one is shown beside it.
FIELDS = {"reason", "passed", "score", "cpd_hours"}


class LicenceDecisionForm(msgspec.Struct):
    action: str = ""
    version: str = ""
    reason: str = ""
    passed: str = ""
    score: str = ""
    cpd_hours: str = ""
    confirm: str = ""  # the erasure form's box


LicenceDecision = Annotated[LicenceDecisionForm, Body(media_type=RequestEncodingType.URL_ENCODED)]


def _carry_out(
    licences: LicenceService, ctx: RequestContext, id_: UUID, data: LicenceDecisionForm
) -> None:
    """One decision, by the service method the JSON API calls for it."""
    version, reason = form_version(data.version), data.reason[:2000]
    if data.action == "assess":
        score = whole_number(data.score) if data.score.strip() else None  # a score is optional
        licences.assess(ctx, id_, version, data.passed == "yes", score, reason)
    elif data.action == "issue":
        licences.issue(ctx, id_, version, reason)
    elif data.action == "renew":
        licences.renew(ctx, id_, version, whole_number(data.cpd_hours), reason)
    elif data.action == "erase":
        licences.erase(ctx, id_, version, reason)
    else:
        licences.decide(ctx, data.action, id_, version, reason)


@dataclass(frozen=True)
class QueueQuery:
    """The queue's filters and window as they appear in its URL."""

    status: str = QUEUE_STATUS
    stage: str = ""
    type_code: str = ""
    page: int = 1
    size: int = 50

    def url(self, **changes: object) -> str:
        values = {
            "status": self.status,
            "stage": self.stage,
            "type_code": self.type_code,
            "size": self.size,
            "p": self.page,
            **changes,
        }
        # An empty status is kept: it means "any status", not the queue's default.
        query = urlencode({k: v for k, v in values.items() if v is not None})
        return f"/desk/licences?{query}"


def _status(raw: str) -> LicenceStatus | None:
    return LicenceStatus(raw) if raw in LicenceStatus.__members__.values() else None


def _stage(raw: str) -> LicenceStage | None:
    return LicenceStage(raw) if raw in LicenceStage.__members__.values() else None


def licence_page(
    request: AnyRequest,
    licence_id: UUID,
    status_code: int = 200,
    *,
    errors: FormErrors | None = None,
    failed_action: str | None = None,
    conflict: bool = False,
    done: str | None = None,
) -> Template:
    """An application's or licence's page: the holder (ID masked), the application, the
    licence's standing, the actions its status allows, and its history."""
    registry = registry_of(request)
    licences = registry.licences
    licence = licences.get(licence_id)
    personal = licences.personal_of(licence)
    status = licence.status_on(registry.clock.now().date())
    history = list(reversed(licences.history(licence_id)))
    actions = list(ACTIONS.get(status, []))
    if status == LicenceStatus.EXPIRED and licence.status == LicenceStatus.ISSUED:
        actions.append("expire")  # past its validity, its expiry not recorded yet
    return page(
        request,
        "desk/licences/licence.html",
        status_code,
        licence=licence,
        licence_type=licences.get_type(licence.type_code),
        # The second stage builds on the first: the holder's valid technical licence, if any.
        technical=(
            licences.valid_technical(licence.person_id)
            if licence.stage == LicenceStage.ADMINISTRATIVE
            else None
        ),
        status=str(status),
        personal=personal,
        masked_id=mask_national_id(personal.national_id) if personal else None,
        actions=actions,
        action_labels=ACTION_LABELS,
        event_labels=EVENT_LABELS,
        status_labels=LICENCE_STATUS_EN,
        stage_labels=LICENCE_STAGE_EN,
        history=history,
        actor_names=registry.users.usernames({entry.actor_id for entry in history}),
        errors=errors,
        failed_action=failed_action,
        conflict=conflict,
        done=done if done in ACTION_LABELS else None,
        can_act=getattr(request.scope.get("user"), "role", None) in STAFF,
    )


class DeskLicencePages(Controller):
    path = "/desk/licences"
    include_in_schema = False

    @get("/", name="desk_licences", **READ, sync_to_thread=True)
    def index(
        self,
        request: AnyRequest,
        status: FromQuery[str | None] = None,
        stage: FromQuery[str] = "",
        type_code: FromQuery[str] = "",
        p: FromQuery[int] = 1,
        size: FromQuery[int] = 50,
    ) -> Template:
        """The applications awaiting assessment (or another status), oldest first, paged."""
        query = QueueQuery(
            QUEUE_STATUS if status is None else status[:20],
            stage[:20],
            type_code[:40],
            max(1, min(p, 100_000)),
            size if size in PAGE_SIZES else 50,
        )
        lang = language_of(request)
        licences = registry_of(request).licences
        found = licences.list_licences(
            query.size,
            (query.page - 1) * query.size,
            _status(query.status),
            query.type_code or None,
            _stage(query.stage),
        )
        types = licences.list_types()
        return page(
            request,
            "desk/licences/index.html",
            licences=found,
            query=query,
            statuses=[(s, translate(lang, label)) for s, label in LICENCE_STATUS_EN.items()],
            stages=[(s, translate(lang, label)) for s, label in LICENCE_STAGE_EN.items()],
            types=[(t.code, t.title.ar if lang == "ar" else t.title.en) for t in types],
            status_labels=LICENCE_STATUS_EN,
            stage_labels=LICENCE_STAGE_EN,
            sizes=[(str(n), str(n)) for n in PAGE_SIZES],
            pages=max(1, -(-found.total // query.size)),
        )

    @get("/{licence_id:uuid}", name="desk_licence", **READ, sync_to_thread=True)
    def licence(
        self, request: AnyRequest, licence_id: FromPath[UUID], done: FromQuery[str] = ""
    ) -> Template:
        """One application or licence: holder, application, standing, actions, history."""
        return licence_page(request, licence_id, done=done[:20] or None)

    @post("/{licence_id:uuid}/decide", name="desk_licence_decide", **ACT, sync_to_thread=True)
    def decide(
        self, request: AnyRequest, licence_id: FromPath[UUID], data: LicenceDecision
    ) -> Template | Redirect:
        """One decision with its reason, against the version the page showed."""
        lang = language_of(request)
        if data.action not in ACTION_LABELS:
            errors = FormErrors(lang)
            errors.general.append(translate(lang, "Choose one of the actions on this page."))
            return licence_page(request, licence_id, HTTP_422_UNPROCESSABLE_ENTITY, errors=errors)
        if data.action == "erase" and (
            unconfirmed := FormErrors.unconfirmed_erasure(lang, data.confirm)
        ):
            return licence_page(
                request,
                licence_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                errors=unconfirmed,
                failed_action=data.action,
            )
        if data.action == "assess" and data.passed not in ("yes", "no"):
            errors = FormErrors(lang)
            errors.by_field["passed"] = translate(
                lang, "Say whether the applicant passed the assessment."
            )
            return licence_page(
                request,
                licence_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                errors=errors,
                failed_action=data.action,
            )
        try:
            _carry_out(registry_of(request).licences, context_of(request), licence_id, data)
        except VersionConflict:
            return licence_page(request, licence_id, HTTP_409_CONFLICT, conflict=True)
        except DomainError as error:  # a value refused, or a status that does not allow it
            return licence_page(
                request,
                licence_id,
                HTTP_422_UNPROCESSABLE_ENTITY
                if isinstance(error, InvalidInput)
                else HTTP_409_CONFLICT,
                errors=FormErrors.of(error, lang, FIELDS),
                failed_action=data.action,
            )
        return Redirect(
            f"/desk/licences/{licence_id}?done={data.action}", status_code=HTTP_303_SEE_OTHER
        )
