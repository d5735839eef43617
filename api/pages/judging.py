"""The judge's pages: assignments with progress and deadline, the declaration of interests
before any content, the scoring page one criterion at a time (save and next), and the
submission of the scorecard. Other judges' scores appear only once this judge's card is in."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Controller, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_409_CONFLICT,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.award_forms import FormData, criterion_of
from api.pages.award_views import FormValues
from api.pages.i18n import language_of
from api.pages.rendering import FormErrors, message_of, page
from domain.awards.edition import PhaseKind
from domain.awards.framework import Criterion, CriterionKind
from domain.awards.judging import Declaration, Scorecard
from domain.awards.scoring import Assessment, required_criteria
from domain.errors import DomainError, NotFound, VersionConflict
from domain.messages import N_
from domain.roles import Role
from registry.bootstrap import Registry
from registry.context import RequestContext


def assessment_of(criterion: Criterion, form: dict[str, Any]) -> tuple[Assessment, str, str | None]:
    """The figures of the criterion's kind, the justification and (for a revision) the reason."""
    values = FormValues(form)
    kind = criterion.kind
    assessment = Assessment(
        points=values.decimal("points") if kind == CriterionKind.EVIDENCE else None,
        numerator=values.decimal("numerator") if kind == CriterionKind.KPI else None,
        denominator=values.decimal("denominator") if kind == CriterionKind.KPI else None,
        count=values.integer("count") if kind == CriterionKind.COUNT else None,
        expires_on=values.day("expires_on") if kind == CriterionKind.CERTIFICATE else None,
        items=values.items("items") if kind == CriterionKind.ITEMISED else (),
    )
    values.check()
    return assessment, values.text("justification") or "", values.text("reason")


def _own_scorecard(
    registry: Registry, ctx: RequestContext, application_id: UUID
) -> Scorecard | None:
    try:
        return registry.judging.scorecard(ctx, application_id, UUID(ctx.actor.id))
    except NotFound:
        return None


class JudgingPages(Controller):
    path = "/judging"
    include_in_schema = False

    @get("/", name="judging_home", **access(Role.JUDGE), sync_to_thread=True)
    def home(self, request: AnyRequest) -> Template:
        """Each assignment with its progress (criteria scored of all) and the judging deadline."""
        registry = registry_of(request)
        ctx = context_of(request)
        rows = []
        for row in registry.portal.assignments(ctx):
            edition = registry.editions.get(UUID(row.edition_id))
            framework = registry.editions.framework_for(edition, row.category)
            card = _own_scorecard(registry, ctx, UUID(row.application_id))
            rows.append(
                {
                    "row": row,
                    "edition": edition,
                    "scored": len(card.scores) if card else 0,
                    "required": len(required_criteria(framework)),
                    "deadline": edition.phases.get(PhaseKind.JUDGING),
                }
            )
        return page(request, "awards/judging/home.html", rows=rows)

    @get(
        "/{application_id:uuid}",
        name="judging_application",
        **access(Role.JUDGE),
        sync_to_thread=True,
    )
    def application(self, request: AnyRequest, application_id: FromPath[UUID]) -> Template:
        """Declaration first; then the criteria with this judge's scores; others' once submitted."""
        return self._overview(request, application_id)

    @post(
        "/{application_id:uuid}/declaration",
        name="judging_declare",
        **access(Role.JUDGE),
        sync_to_thread=True,
    )
    def declare(
        self, request: AnyRequest, application_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        registry = registry_of(request)
        conflicted = str(data.get("conflicted") or "")
        if conflicted not in ("yes", "no"):
            return self._overview(
                request,
                application_id,
                status=HTTP_422_UNPROCESSABLE_ENTITY,
                errors=FormErrors("", {"conflicted": self._t(request, "Choose one answer.")}),
            )
        try:
            registry.judging.declare(
                context_of(request),
                application_id,
                conflicted == "yes",
                str(data.get("reason") or "").strip() or None,
            )
        except DomainError as error:
            if isinstance(error, NotFound):
                raise
            return self._overview(
                request,
                application_id,
                status=HTTP_422_UNPROCESSABLE_ENTITY,
                errors=FormErrors.of(error, language_of(request), {"conflicted", "reason"}),
            )
        return Redirect(f"/judging/{application_id}", status_code=HTTP_303_SEE_OTHER)

    @get(
        "/{application_id:uuid}/criteria/{number:str}",
        name="judging_criterion",
        **access(Role.JUDGE),
        sync_to_thread=True,
    )
    def criterion(
        self, request: AnyRequest, application_id: FromPath[UUID], number: FromPath[str]
    ) -> Template:
        """The criterion, the applicant's answer and evidence beside the score form."""
        return self._scoring(request, application_id, number)

    @post(
        "/{application_id:uuid}/criteria/{number:str}",
        name="judging_score",
        **access(Role.JUDGE),
        sync_to_thread=True,
    )
    def score(
        self,
        request: AnyRequest,
        application_id: FromPath[UUID],
        number: FromPath[str],
        data: FormData,
    ) -> Template | Redirect:
        """Saves the score and opens the next criterion (or the card, after the last)."""
        registry = registry_of(request)
        ctx = context_of(request)
        application = registry.applications.read(ctx, application_id)
        _, framework = registry.applications.context_of(application)
        numbers = [c.number for c in framework.criteria()]
        chosen = criterion_of(framework.criteria(), number)
        try:
            assessment, justification, reason = assessment_of(chosen, data)
            version = int(str(data.get("version") or "0"))
            registry.judging.score(
                ctx,
                application_id,
                version,
                criterion=number,
                assessment=assessment,
                justification=justification,
                reason=reason,
            )
        except VersionConflict:
            return self._scoring(
                request, application_id, number, status=HTTP_409_CONFLICT, conflict=True, typed=data
            )
        except DomainError as error:
            if isinstance(error, NotFound):
                raise
            return self._scoring(
                request,
                application_id,
                number,
                status=HTTP_422_UNPROCESSABLE_ENTITY,
                errors=FormErrors.of(error, language_of(request)),
                typed=data,
            )
        index = numbers.index(number)
        if index + 1 < len(numbers):
            return Redirect(
                f"/judging/{application_id}/criteria/{numbers[index + 1]}",
                status_code=HTTP_303_SEE_OTHER,
            )
        return Redirect(f"/judging/{application_id}#scorecard", status_code=HTTP_303_SEE_OTHER)

    @post(
        "/{application_id:uuid}/submit",
        name="judging_submit",
        **access(Role.JUDGE),
        sync_to_thread=True,
    )
    def submit(
        self, request: AnyRequest, application_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        registry = registry_of(request)
        try:
            registry.judging.submit(
                context_of(request), application_id, int(str(data.get("version") or "0"))
            )
        except DomainError as error:
            if isinstance(error, NotFound):
                raise
            return self._overview(
                request,
                application_id,
                status=HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=message_of(error, language_of(request)),
            )
        return Redirect(f"/judging/{application_id}", status_code=HTTP_303_SEE_OTHER)

    # -- rendering -----------------------------------------------------------------------

    @staticmethod
    def _t(request: AnyRequest, message: str) -> str:
        from api.pages.i18n import translate

        return translate(language_of(request), message)

    def _overview(
        self, request: AnyRequest, application_id: UUID, status: int = 200, **extra: Any
    ) -> Template:
        registry = registry_of(request)
        ctx = context_of(request)
        card = _own_scorecard(registry, ctx, application_id)
        if card is None or (not card.assigned and card.declaration != Declaration.CONFLICT):
            raise NotFound(N_("You are not assigned to this application."))
        edition = registry.editions.get(card.edition_id)
        context: dict[str, Any] = {
            "card": card,
            "edition": edition,
            "category": edition.category(card.category),
            "application": None,
            "organisation": None,
            "framework": None,
            "others": [],
            "unscored": [],
            "refusal": None,
        }
        if card.declaration == Declaration.PENDING:
            # Only who applied, so the judge can tell whether they have an interest.
            summary = registry.applications.get(application_id)
            context["organisation"] = registry.organisations.get(summary.organisation_id)
        elif card.may_see_application:
            application = registry.applications.read(ctx, application_id)
            _, framework = registry.applications.context_of(application)
            context.update(
                application=application,
                organisation=registry.organisations.get(application.organisation_id),
                framework=framework,
                unscored=[c for c in required_criteria(framework) if c.number not in card.scores],
                others=[
                    s
                    for s in registry.judging.scorecards(ctx, application_id)
                    if s.id != card.id and s.may_see_application
                ],
            )
        context.update(extra)
        return page(request, "awards/judging/application.html", status, **context)

    def _scoring(
        self,
        request: AnyRequest,
        application_id: UUID,
        number: str,
        status: int = 200,
        **extra: Any,
    ) -> Template:
        registry = registry_of(request)
        ctx = context_of(request)
        card = _own_scorecard(registry, ctx, application_id)
        application = registry.applications.read(ctx, application_id)  # refuses the conflicted
        assert card is not None
        _, framework = registry.applications.context_of(application)
        criteria = framework.criteria()
        chosen = criterion_of(criteria, number)
        index = criteria.index(chosen)
        files = [e for e in application.evidence.values() if e.criterion == number]
        return page(
            request,
            "awards/judging/criterion.html",
            status,
            card=card,
            application=application,
            criterion=chosen,
            answer=application.answers.get(number),
            files=files,
            score=card.scores.get(number),
            previous=criteria[index - 1] if index > 0 else None,
            next=criteria[index + 1] if index + 1 < len(criteria) else None,
            position=index + 1,
            total=len(criteria),
            no_evidence=chosen.zero_without_evidence and not files,
            conflict=extra.pop("conflict", False),
            typed=extra.pop("typed", None),
            **extra,
        )
