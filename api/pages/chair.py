"""The committee chair's pages: the assignment board (judges by application, conflicts,
workload), the consensus per application (judges side by side, disagreement highlighted),
feedback, the leaderboard with its minimum score line, and the withdrawal of an award."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_422_UNPROCESSABLE_ENTITY

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.i18n import language_of
from api.pages.judging import assessment_of
from api.pages.rendering import message_of, page
from domain.errors import DomainError, InvalidInput, NotFound
from domain.roles import Role
from domain.text import Text
from registry.agreed_consensus import record_agreed

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
CHAIR = Role.COMMITTEE_CHAIR


def _int(data: dict[str, Any], name: str) -> int:
    raw = str(data.get(name) or "")
    return int(raw) if raw.isdigit() else 0


class ChairPages(Controller):
    path = "/chair"
    include_in_schema = False

    @get("/", name="chair_home", **access(CHAIR), sync_to_thread=True)
    def home(self, request: AnyRequest) -> Template:
        editions = [e for e in registry_of(request).editions.list_editions() if e.status != "draft"]
        return page(request, "awards/chair/home.html", editions=editions)

    @get("/editions/{edition_id:uuid}", name="chair_board", **access(CHAIR), sync_to_thread=True)
    def board(self, request: AnyRequest, edition_id: FromPath[UUID]) -> Template:
        """Applications by judges, conflicts, workload; the leaderboard below."""
        return self._board(request, edition_id)

    @post(
        "/applications/{application_id:uuid}/judges",
        name="chair_assign",
        **access(CHAIR),
        sync_to_thread=True,
    )
    def assign(
        self, request: AnyRequest, application_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        registry = registry_of(request)
        application = registry.applications.get(application_id)
        try:
            judge = UUID(str(data.get("judge_id") or ""))
        except ValueError:
            return self._board(
                request,
                application.edition_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=self._bad_judge(request),
            )
        try:
            registry.judging.assign(context_of(request), application_id, judge)
        except DomainError as error:
            return self._board(
                request,
                application.edition_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=message_of(error, language_of(request)),
            )
        return Redirect(
            f"/chair/editions/{application.edition_id}#a-{application_id}",
            status_code=HTTP_303_SEE_OTHER,
        )

    @post(
        "/applications/{application_id:uuid}/judges/{judge_id:uuid}/unassign",
        name="chair_unassign",
        **access(CHAIR),
        sync_to_thread=True,
    )
    def unassign(
        self,
        request: AnyRequest,
        application_id: FromPath[UUID],
        judge_id: FromPath[UUID],
        data: FormData,
    ) -> Template | Redirect:
        registry = registry_of(request)
        application = registry.applications.get(application_id)
        try:
            registry.judging.unassign(
                context_of(request),
                application_id,
                judge_id,
                _int(data, "version"),
                str(data.get("reason") or ""),
            )
        except DomainError as error:
            return self._board(
                request,
                application.edition_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=message_of(error, language_of(request)),
            )
        return Redirect(
            f"/chair/editions/{application.edition_id}#a-{application_id}",
            status_code=HTTP_303_SEE_OTHER,
        )

    @get(
        "/applications/{application_id:uuid}",
        name="chair_consensus",
        **access(CHAIR),
        sync_to_thread=True,
    )
    def consensus(self, request: AnyRequest, application_id: FromPath[UUID]) -> Template:
        return self._consensus(request, application_id)

    @post(
        "/applications/{application_id:uuid}/agreed",
        name="chair_agreed",
        **access(CHAIR),
        sync_to_thread=True,
    )
    def agreed(
        self, request: AnyRequest, application_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        """Records the consensus wherever every judge gave the same points."""
        registry = registry_of(request)
        try:
            record_agreed(
                registry.judging,
                context_of(request),
                application_id,
                _int(data, "version"),
                str(data.get("justification") or "").strip(),
            )
        except DomainError as error:
            return self._consensus(
                request,
                application_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=message_of(error, language_of(request)),
            )
        return Redirect(f"/chair/applications/{application_id}", status_code=HTTP_303_SEE_OTHER)

    @post(
        "/applications/{application_id:uuid}/criteria/{number:str}",
        name="chair_record",
        **access(CHAIR),
        sync_to_thread=True,
    )
    def record(
        self,
        request: AnyRequest,
        application_id: FromPath[UUID],
        number: FromPath[str],
        data: FormData,
    ) -> Template | Redirect:
        """The agreed score of one criterion, linked to the judges' scores it came from."""
        registry = registry_of(request)
        ctx = context_of(request)
        application = registry.applications.read(ctx, application_id)
        _, framework = registry.applications.context_of(application)
        chosen = next((c for c in framework.criteria() if c.number == number), None)
        if chosen is None:
            raise NotFound("No such criterion.", "لا يوجد معيار بهذا الرقم.")
        raw_sources = data.get("sources") or []
        sources = raw_sources if isinstance(raw_sources, list) else [raw_sources]
        try:
            assessment, justification, reason = assessment_of(chosen, data)
            registry.judging.record_consensus(
                ctx,
                application_id,
                _int(data, "version"),
                criterion=number,
                assessment=assessment,
                justification=justification,
                sources=[(UUID(str(s)), None) for s in sources],
                reason=reason,
            )
        except DomainError as error:
            return self._consensus(
                request,
                application_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=message_of(error, language_of(request)),
                focus=number,
            )
        return Redirect(
            f"/chair/applications/{application_id}#k-{number}", status_code=HTTP_303_SEE_OTHER
        )

    @post(
        "/applications/{application_id:uuid}/feedback",
        name="chair_feedback",
        **access(CHAIR),
        sync_to_thread=True,
    )
    def feedback(
        self, request: AnyRequest, application_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        registry = registry_of(request)
        try:
            text = Text.of(
                str(data.get("feedback_ar") or ""),
                str(data.get("feedback_en") or ""),
                field="feedback",
            )
            registry.judging.give_feedback(
                context_of(request), application_id, _int(data, "version"), text
            )
        except DomainError as error:
            return self._consensus(
                request,
                application_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=message_of(error, language_of(request)),
            )
        return Redirect(
            f"/chair/applications/{application_id}#feedback", status_code=HTTP_303_SEE_OTHER
        )

    @post(
        "/editions/{edition_id:uuid}/withdrawals",
        name="chair_withdraw",
        **access(CHAIR),
        sync_to_thread=True,
    )
    def withdraw(
        self, request: AnyRequest, edition_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        """Withdraws a published award for a proven breach, with the reason."""
        registry = registry_of(request)
        try:
            application_id = UUID(str(data.get("application_id") or ""))
            registry.results.withdraw(
                context_of(request),
                edition_id,
                _int(data, "version"),
                application_id,
                str(data.get("reason") or ""),
            )
        except ValueError:
            return self._board(
                request, edition_id, HTTP_422_UNPROCESSABLE_ENTITY, refusal=self._bad_judge(request)
            )
        except DomainError as error:
            return self._board(
                request,
                edition_id,
                HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=message_of(error, language_of(request)),
            )
        return Redirect(f"/chair/editions/{edition_id}#leaderboard", status_code=HTTP_303_SEE_OTHER)

    # -- rendering -----------------------------------------------------------------------

    @staticmethod
    def _bad_judge(request: AnyRequest) -> str:
        error = InvalidInput("Choose from the list.", "اختر من القائمة.")
        return message_of(error, language_of(request))

    def _board(
        self, request: AnyRequest, edition_id: UUID, status: int = 200, **extra: Any
    ) -> Template:
        registry = registry_of(request)
        ctx = context_of(request)
        edition = registry.editions.get(edition_id)
        judges = registry.portal.judges()
        usernames = {j.id: j.username for j in judges}
        cards: dict[str, list[Any]] = {}
        for application_id, rows in registry.portal.scorecards_of(edition_id).items():
            cards[application_id] = [
                registry.judging.scorecard(ctx, UUID(application_id), UUID(judge_id))
                for judge_id, _, _ in rows
            ]
        names = registry.organisations.names()
        board = registry.results.leaderboard(edition)
        return page(
            request,
            "awards/chair/board.html",
            status,
            edition=edition,
            applications=registry.applications.list_applications(
                ctx, 10_000, 0, edition_id, "eligible"
            ).items,
            judges=judges,
            usernames=usernames,
            cards=cards,
            workload=registry.portal.workload(edition_id),
            board=board,
            names=names,
            refusal=extra.pop("refusal", None),
            **extra,
        )

    def _consensus(
        self, request: AnyRequest, application_id: UUID, status: int = 200, **extra: Any
    ) -> Template:
        registry = registry_of(request)
        ctx = context_of(request)
        application = registry.applications.read(ctx, application_id)
        edition, framework = registry.applications.context_of(application)
        cards = [
            s for s in registry.judging.scorecards(ctx, application_id) if s.may_see_application
        ]
        usernames = {j.id: j.username for j in registry.portal.judges()}
        spreads: dict[str, Decimal] = {}
        for criterion in framework.criteria():
            points = [
                c.scores[criterion.number].points for c in cards if criterion.number in c.scores
            ]
            if len(points) > 1:
                spreads[criterion.number] = max(points) - min(points)
        worst = sorted((v, k) for k, v in spreads.items() if v > 0)[-5:]
        return page(
            request,
            "awards/chair/consensus.html",
            status,
            application=application,
            edition=edition,
            framework=framework,
            organisation=registry.organisations.get(application.organisation_id),
            cards=cards,
            usernames=usernames,
            spreads=spreads,
            disagree={k for _, k in worst},
            consensus=registry.judging.consensus(application_id),
            refusal=extra.pop("refusal", None),
            focus=extra.pop("focus", None),
            **extra,
        )
