"""Commands and queries of award applications: drafting, answers, evidence, submission, screening.

Who sees an application: its own organisation's applicants, the executive office,
the committee chair and auditors, and judges assigned to it once they have
declared no conflict of interest. Anyone else is told it does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID, uuid5

from eventsourcing.utils import get_topic

from domain.awards.application import (
    Answer,
    Application,
    ApplicationStatus,
    Evidence,
    check_evidence_file,
    evidence_warnings,
)
from domain.awards.edition import Edition, PhaseKind
from domain.awards.eligibility import eligibility_problems
from domain.awards.framework import Criterion, Framework
from domain.awards.judging import Scorecard, scorecard_id
from domain.awards.organisation import type_names
from domain.errors import FieldProblem, Forbidden, InvalidInput, InvalidTransition, NotFound
from domain.messages import N_
from domain.roles import Role
from projections import awards_queries as q
from projections.awards_queries import ApplicationSummary
from projections.sql import Database
from registry.clock import Clock
from registry.context import RequestContext
from registry.editions import EditionService
from registry.event_store import NQSApplication
from registry.evidence import EvidenceStore
from registry.history import HistoryEntry
from registry.idempotency import IdempotencyKey
from registry.organisations import OrganisationService
from registry.pages import Page
from registry.service import Noun, Service

NOUN = Noun(N_("No such application."), N_("No such application existed at {as_of}."))
_DRAFTED = get_topic(Application.Drafted)  # type: ignore[attr-defined]
EXISTS = N_("Your organisation already has an application in this category of this edition.")
REGISTRATION = N_("Applications are drafted and submitted during registration")
SCREENING = N_("Applications are screened during screening")


@dataclass(frozen=True)
class Submission:
    """What judging reads of an application: frozen from the moment it is submitted."""

    id: UUID
    edition_id: UUID
    category: str
    framework_id: UUID
    evidence_criteria: frozenset[str]
    # None when read from the read model: answers are then loaded only if a score needs them.
    answers: dict[str, Answer] | None = None

    def has_evidence(self, criterion: str) -> bool:
        return criterion in self.evidence_criteria


@dataclass(frozen=True)
class Checks:
    """What stands between an application and submission, as of now."""

    missing: list[FieldProblem]
    ineligible: list[FieldProblem]
    warnings: list[FieldProblem]


class ApplicationService(Service):
    def __init__(
        self,
        app: NQSApplication,
        clock: Clock,
        editions: EditionService,
        organisations: OrganisationService,
        evidence: EvidenceStore,
        db: Database,
    ) -> None:
        super().__init__(app, clock)
        self.db = db
        self.editions = editions
        self.organisations = organisations
        self.evidence_store = evidence
        # Answers and evidence never change after submission, so judging reads them from memory.
        self._submissions: dict[UUID, Submission] = {}

    # -- reading -----------------------------------------------------------------------

    def get(self, id_: UUID) -> Application:
        return self.load(Application, id_, NOUN)

    def require(self, id_: UUID) -> None:
        """NotFound unless the application exists: its first stored event, one indexed row,
        rather than the replay of its answers and evidence (some ninety events), which a
        judge's pages paid before each scorecard they read."""
        first = self.app.recorder.select_events(id_, limit=1)
        if not first or first[0].topic != _DRAFTED:
            raise NotFound(NOUN.missing)

    def history(self, id_: UUID) -> list[HistoryEntry]:
        """Every change of the application: what, who, when, why."""
        return self.history_of(Application, id_, NOUN)

    def list_applications(
        self,
        ctx: RequestContext,
        limit: int,
        offset: int,
        edition_id: UUID | None = None,
        status: str | None = None,
    ) -> Page[ApplicationSummary]:
        """The applications the caller may see, oldest draft first: applicants their
        organisation's, judges those assigned to them, the office, committee and auditors all."""
        organisation_id = judge_id = None
        if ctx.actor.role == Role.APPLICANT:
            own = self.organisations.organisation_of(ctx.actor.id)
            if own is None:
                return Page([], 0, limit, offset)
            organisation_id = str(own)
        elif ctx.actor.role == Role.JUDGE:
            judge_id = ctx.actor.id
        rows, total = q.list_applications(
            self.db,
            limit=limit,
            offset=offset,
            edition_id=str(edition_id) if edition_id else None,
            organisation_id=organisation_id,
            status=status,
            judge_id=judge_id,
        )
        return Page(rows, total, limit, offset)

    def submission(self, id_: UUID) -> Submission:
        """The submitted answers and evidence of an application (refused while a draft)."""
        found = self._submissions.get(id_)
        if found is not None:
            return found
        projected = q.submitted_evidence(self.db, str(id_))
        if projected is not None:
            (edition_id, category, framework_id), criteria = projected
            found = Submission(
                id_, UUID(edition_id), category, UUID(framework_id), frozenset(criteria)
            )
            self._cache(found)
            return found
        return self.submitted_application(id_)

    def submitted_application(self, id_: UUID) -> Submission:
        """The submission with its answers, from the application's events."""
        application = self.get(id_)
        if application.status == ApplicationStatus.DRAFT:
            raise InvalidTransition(
                N_("This application has not been submitted."),
                field="application_id",
            )
        return self._remember(application)

    def _remember(self, application: Application) -> Submission:
        found = Submission(
            application.id,
            application.edition_id,
            application.category,
            application.framework_id,
            frozenset(application.evidence_criteria()),
            dict(application.answers),
        )
        self._cache(found)
        return found

    def _cache(self, submission: Submission) -> None:
        if len(self._submissions) >= 20_000:
            self._submissions.clear()
        self._submissions[submission.id] = submission

    def read(self, ctx: RequestContext, id_: UUID) -> Application:
        """The application, if the caller may see it."""
        application = self.get(id_)
        self.check_visible(ctx, application)
        cached = self._submissions.get(application.id)
        if application.status != ApplicationStatus.DRAFT and (
            cached is None or cached.answers is None
        ):
            # A judge reads the application before scoring it: keep what scoring will need.
            self._remember(application)
        return application

    def check_visible(self, ctx: RequestContext, application: Application) -> None:
        role = ctx.actor.role
        if role == Role.APPLICANT:
            if self.organisations.organisation_of(ctx.actor.id) != application.organisation_id:
                raise NotFound(NOUN.missing)
        elif role == Role.JUDGE:
            scorecard = self.find(Scorecard, scorecard_id(application.id, UUID(ctx.actor.id)))
            if scorecard is None or not scorecard.assigned:
                raise Forbidden(N_("You are not assigned to this application."))
            if not scorecard.may_see_application:
                raise Forbidden(
                    N_("Declare your interests in this application before you see it."),
                )

    def context_of(self, application: Application) -> tuple[Edition, Framework]:
        edition = self.editions.get(application.edition_id)
        return edition, self.editions.framework_for(edition, application.category)

    def check(self, ctx: RequestContext, id_: UUID) -> Checks:
        """What stands between the application and its submission, for those who may see it."""
        return self.checks(self.read(ctx, id_))

    def checks(self, application: Application) -> Checks:
        edition, framework = self.context_of(application)
        return Checks(
            missing=application.submission_problems(framework),
            ineligible=self.ineligibility(edition, application),
            warnings=evidence_warnings(framework, application.evidence_criteria()),
        )

    def ineligibility(self, edition: Edition, application: Application) -> list[FieldProblem]:
        category = edition.category(application.category)
        organisation = self.organisations.get(application.organisation_id)
        return eligibility_problems(
            edition.eligibility,
            category.organisation_types,
            category.min_beds,
            organisation.facts(),
            self.clock.now().date(),
        )

    # -- drafting ----------------------------------------------------------------------

    def draft(
        self,
        ctx: RequestContext,
        *,
        edition_id: UUID,
        category: str,
        organisation_id: UUID | None = None,
        idempotency: IdempotencyKey | None = None,
    ) -> Application:
        own = self.organisations.require_organisation_of(ctx.actor.id)
        if organisation_id is not None and organisation_id != own:
            raise Forbidden(
                N_("You can only apply in the name of your own organisation."),
            )
        edition = self.editions.get(edition_id)
        edition.require_phase(PhaseKind.REGISTRATION, self.clock.now(), REGISTRATION)
        chosen = edition.category(category)
        organisation = self.organisations.get(own)
        if organisation.facts().type not in chosen.organisation_types:
            raise InvalidInput(
                N_(
                    "This category is for: {types}; your organisation is registered as {registered}."
                ),
                field="category",
                types=type_names(chosen.organisation_types),
                registered=type_names((organisation.profile.type,)),
            )
        application = Application.draft(
            self.envelope(ctx, idempotency=idempotency),
            edition.id,
            chosen.key,
            own,
            edition.framework_ids[chosen.key],
        )
        return self.create(application, idempotency, EXISTS)

    def answer(
        self, ctx: RequestContext, id_: UUID, expected: int, criterion: str, answer: Answer
    ) -> Application:
        def command(application: Application) -> None:
            self._registration_open(application)
            application.answer(self.envelope(ctx), self._criterion(application, criterion), answer)

        return self._own_change(ctx, id_, expected, command)

    def attach_evidence(
        self,
        ctx: RequestContext,
        id_: UUID,
        expected: int,
        *,
        criterion: str,
        name: str,
        media_type: str,
        content: bytes,
    ) -> tuple[Application, UUID]:
        """Stores the file under its digest, then records it; refused files are never stored."""
        application = self._own(ctx, id_)
        application.check_version(expected)
        self._registration_open(application)
        self._criterion(application, criterion)
        name, media_type = check_evidence_file(name, media_type, len(content), content[:16])
        digest = self.evidence_store.put(content)
        evidence_id = uuid5_evidence(application.id, criterion, digest)
        evidence = Evidence(evidence_id, criterion, name, media_type, len(content), digest)
        application.attach_evidence(self.envelope(ctx), evidence)
        self.save(application)
        return application, evidence_id

    def detach_evidence(
        self, ctx: RequestContext, id_: UUID, expected: int, evidence_id: UUID
    ) -> Application:
        def command(application: Application) -> None:
            self._registration_open(application)
            application.detach_evidence(self.envelope(ctx), evidence_id)

        return self._own_change(ctx, id_, expected, command)

    def evidence_content(
        self, ctx: RequestContext, id_: UUID, evidence_id: UUID
    ) -> tuple[Evidence, bytes]:
        application = self.read(ctx, id_)
        evidence = application.evidence_file(evidence_id)
        return evidence, self.evidence_store.read(evidence.sha256)

    def submit(self, ctx: RequestContext, id_: UUID, expected: int) -> Application:
        def command(application: Application) -> None:
            edition, framework = self.context_of(application)
            edition.require_phase(PhaseKind.REGISTRATION, self.clock.now(), REGISTRATION)
            application.submit(
                self.envelope(ctx), framework, self.ineligibility(edition, application)
            )

        return self._own_change(ctx, id_, expected, command)

    # -- screening ---------------------------------------------------------------------

    def screen(
        self, ctx: RequestContext, id_: UUID, expected: int, eligible: bool, reason: str | None
    ) -> Application:
        def command(application: Application) -> None:
            edition = self.editions.get(application.edition_id)
            edition.require_phase(PhaseKind.SCREENING, self.clock.now(), SCREENING)
            application.screen(
                self.envelope(ctx, reason), eligible, self.ineligibility(edition, application)
            )

        return self.change(Application, id_, expected, NOUN, command)

    # -- helpers -----------------------------------------------------------------------

    def _criterion(self, application: Application, number: str) -> Criterion:
        _, framework = self.context_of(application)
        return framework.criterion(number)

    def _registration_open(self, application: Application) -> None:
        edition = self.editions.get(application.edition_id)
        edition.require_phase(PhaseKind.REGISTRATION, self.clock.now(), REGISTRATION)

    def _own(self, ctx: RequestContext, id_: UUID) -> Application:
        application = self.get(id_)
        if self.organisations.organisation_of(ctx.actor.id) != application.organisation_id:
            raise NotFound(NOUN.missing)
        return application

    def _own_change(
        self, ctx: RequestContext, id_: UUID, expected: int, command: Callable[[Application], None]
    ) -> Application:
        application = self._own(ctx, id_)
        application.check_version(expected)
        command(application)
        if application.pending_events:
            self.save(application)
        return application


def uuid5_evidence(application: UUID, criterion: str, digest: str) -> UUID:
    """The same file attached to the same criterion always has the same id."""
    return uuid5(application, f"evidence:{criterion}:{digest}")
