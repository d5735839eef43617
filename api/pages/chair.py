"""The committee chair's pages: the assignment board (judges by application, conflicts,
workload), the consensus per application (judges side by side, disagreement highlighted),
feedback, the leaderboard with its minimum score line, and the withdrawal of an award."""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any
from uuid import UUID

from litestar import Controller, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.award_forms import FormData, attempt, criterion_of, form_int
from api.pages.judging import assessment_of
from api.pages.rendering import page
from domain.roles import Role
from domain.text import Text
from registry.agreed_consensus import record_agreed

CHAIR = Role.COMMITTEE_CHAIR


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
        return attempt(
            request,
            lambda: registry.judging.assign(
                context_of(request), application_id, UUID(str(data.get("judge_id") or ""))
            ),
            f"/chair/editions/{application.edition_id}#a-{application_id}",
            partial(self._board, request, application.edition_id),
            choices=True,
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
        return attempt(
            request,
            lambda: registry.judging.unassign(
                context_of(request),
                application_id,
                judge_id,
                form_int(data, "version"),
                str(data.get("reason") or ""),
            ),
            f"/chair/editions/{application.edition_id}#a-{application_id}",
            partial(self._board, request, application.edition_id),
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
        return attempt(
            request,
            lambda: record_agreed(
                registry_of(request).judging,
                context_of(request),
                application_id,
                form_int(data, "version"),
                str(data.get("justification") or "").strip(),
            ),
            f"/chair/applications/{application_id}",
            partial(self._consensus, request, application_id),
        )

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
        chosen = criterion_of(framework.criteria(), number)
        raw_sources = data.get("sources") or []
        sources = raw_sources if isinstance(raw_sources, list) else [raw_sources]

        def record() -> None:
            assessment, justification, reason = assessment_of(chosen, data)
            registry.judging.record_consensus(
                ctx,
                application_id,
                form_int(data, "version"),
                criterion=number,
                assessment=assessment,
                justification=justification,
                sources=[(UUID(str(s)), None) for s in sources],
                reason=reason,
            )

        return attempt(
            request,
            record,
            f"/chair/applications/{application_id}#k-{number}",
            partial(self._consensus, request, application_id, focus=number),
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
        return attempt(
            request,
            lambda: registry_of(request).judging.give_feedback(
                context_of(request),
                application_id,
                form_int(data, "version"),
                Text.of(
                    str(data.get("feedback_ar") or ""),
                    str(data.get("feedback_en") or ""),
                    field="feedback",
                ),
            ),
            f"/chair/applications/{application_id}#feedback",
            partial(self._consensus, request, application_id),
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
        return attempt(
            request,
            lambda: registry_of(request).results.withdraw(
                context_of(request),
                edition_id,
                form_int(data, "version"),
                UUID(str(data.get("application_id") or "")),
                str(data.get("reason") or ""),
            ),
            f"/chair/editions/{edition_id}#leaderboard",
            partial(self._board, request, edition_id),
            choices=True,
        )

    # -- rendering -----------------------------------------------------------------------

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
