"""Judging: each judge's scorecard for one application, and the chair's consensus.

A scorecard (one per application and judge) records the chair's assignment,
the judge's declaration of interests — made before the judge may see the
application — and the judge's scores, criterion by criterion, each with its
justification. A revised score keeps the earlier one in history with the
reason for the change. The consensus (one per application) holds the scores
the chair records after deliberation, each linked to the individual scores it
came from; the leaderboard is computed from those alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.awards.framework import Criterion
from domain.awards.scoring import Assessment, score_criterion
from domain.envelope import Envelope
from domain.errors import InvalidInput, InvalidTransition
from domain.messages import N_, Joined
from domain.text import Text, required_text

MAX_JUSTIFICATION = 4000


def scorecard_id(application_id: UUID, judge_id: UUID) -> UUID:
    return uuid5(application_id, f"scorecard:{judge_id}")


def consensus_id(application_id: UUID) -> UUID:
    return uuid5(application_id, "consensus")


class ConflictOfInterest(InvalidTransition):
    code = "conflict-of-interest"
    title = N_("A judge with a conflict of interest takes no part in this application")


class Declaration(StrEnum):
    PENDING = "pending"
    NO_CONFLICT = "no_conflict"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Score:
    """One criterion's current score on a scorecard or in the consensus."""

    criterion: str
    assessment: Assessment
    points: Decimal
    value: Decimal | None
    justification: str
    revision: int
    at: datetime


@dataclass(frozen=True)
class ScoreRef:
    """An individual score a consensus score came from: the judge and the revision they gave."""

    judge_id: UUID
    revision: int
    points: Decimal


def _justification(text: str, field: str = "justification") -> str:
    return required_text(
        text,
        field,
        MAX_JUSTIFICATION,
        missing=N_("Say why: a justification is required for every score."),
    )


def _scoring(
    envelope: Envelope,
    scores: dict[str, Score],
    criterion: Criterion,
    assessment: Assessment,
    justification: str,
    has_evidence: bool,
) -> dict[str, Any]:
    """The facts of a (re)scored criterion, for its event: a revision needs a reason and
    records the points it replaces, so the history keeps both."""
    justification = _justification(justification)
    result = score_criterion(
        criterion, assessment, has_evidence=has_evidence, on=envelope.at.date()
    )
    earlier = scores.get(criterion.number)
    if earlier is not None:
        envelope.require_reason()
    return {
        "criterion": criterion.number,
        "assessment": assessment,
        "points": result.points,
        "value": result.value,
        "justification": justification,
        "revision": earlier.revision + 1 if earlier else 1,
        "previous_points": earlier.points if earlier else None,
    }


class Scorecard(RegistryAggregate):
    """One judge's part in one application."""

    @staticmethod
    def create_id(application_id: UUID, judge_id: UUID) -> UUID:
        return scorecard_id(application_id, judge_id)

    @classmethod
    def open(
        cls,
        envelope: Envelope,
        application_id: UUID,
        edition_id: UUID,
        category: str,
        judge_id: UUID,
    ) -> Scorecard:
        return cls(
            envelope=envelope,
            application_id=application_id,
            edition_id=edition_id,
            category=category,
            judge_id=judge_id,
        )

    @event("Opened")
    def __init__(
        self,
        envelope: Envelope,
        application_id: UUID,
        edition_id: UUID,
        category: str,
        judge_id: UUID,
    ) -> None:
        self.application_id = application_id
        self.edition_id = edition_id
        self.category = category
        self.judge_id = judge_id
        self.assigned = False
        self.declaration = Declaration.PENDING
        self.submitted = False
        self.scores: dict[str, Score] = {}

    @property
    def may_see_application(self) -> bool:
        """Assigned, and has declared no conflict of interest."""
        return self.assigned and self.declaration == Declaration.NO_CONFLICT

    # -- assignment and declarations ---------------------------------------------------

    def assign(self, envelope: Envelope) -> None:
        if self.declaration == Declaration.CONFLICT:
            raise ConflictOfInterest(
                N_(
                    "This judge has declared a conflict of interest with this application "
                    "and cannot be assigned to it."
                ),
                field="judge_id",
            )
        if self.assigned:
            raise InvalidTransition(
                N_("This judge is already assigned to this application."),
                field="judge_id",
            )
        self._assigned(envelope=envelope, judge_id=self.judge_id)

    @event("Assigned")
    def _assigned(self, envelope: Envelope, judge_id: UUID) -> None:
        self.assigned = True

    def unassign(self, envelope: Envelope) -> None:
        envelope.require_reason()
        if not self.assigned:
            raise InvalidTransition(
                N_("This judge is not assigned to this application."),
                field="judge_id",
            )
        self._unassigned(envelope=envelope, judge_id=self.judge_id)

    @event("Unassigned")
    def _unassigned(self, envelope: Envelope, judge_id: UUID) -> None:
        self.assigned = False

    def declare(self, envelope: Envelope, conflicted: bool) -> None:
        """The judge's declaration of interests; a conflict (with its nature as reason) is final."""
        if self.declaration == Declaration.CONFLICT:
            raise ConflictOfInterest(
                N_("A conflict of interest has already been declared for this application."),
                field="conflicted",
            )
        if conflicted:
            envelope.require_reason()
            self._conflict_declared(envelope=envelope, judge_id=self.judge_id)
        elif self.declaration == Declaration.PENDING:
            self._no_conflict_declared(envelope=envelope, judge_id=self.judge_id)

    @event("ConflictDeclared")
    def _conflict_declared(self, envelope: Envelope, judge_id: UUID) -> None:
        self.declaration = Declaration.CONFLICT

    @event("NoConflictDeclared")
    def _no_conflict_declared(self, envelope: Envelope, judge_id: UUID) -> None:
        self.declaration = Declaration.NO_CONFLICT

    # -- scoring -----------------------------------------------------------------------

    def check_may_score(self) -> None:
        if self.declaration == Declaration.CONFLICT:
            raise ConflictOfInterest(
                N_(
                    "You declared a conflict of interest with this application: you cannot score it."
                ),
            )
        if not self.assigned:
            raise InvalidTransition(
                N_("You are not assigned to this application."),
            )
        if self.declaration == Declaration.PENDING:
            raise InvalidTransition(
                N_("Declare your interests in this application before you see or score it."),
                field="declaration",
            )

    def score(
        self,
        envelope: Envelope,
        criterion: Criterion,
        assessment: Assessment,
        justification: str,
        has_evidence: bool,
    ) -> None:
        """Scores one criterion; scoring it again is a revision that needs a reason."""
        self.check_may_score()
        self._criterion_scored(
            envelope=envelope,
            **_scoring(envelope, self.scores, criterion, assessment, justification, has_evidence),
        )

    @event("CriterionScored")
    def _criterion_scored(
        self,
        envelope: Envelope,
        criterion: str,
        assessment: Assessment,
        points: Decimal,
        value: Decimal | None,
        justification: str,
        revision: int,
        previous_points: Decimal | None,
    ) -> None:
        self.scores[criterion] = Score(
            criterion, assessment, Decimal(points), value, justification, revision, envelope.at
        )

    def submit(self, envelope: Envelope, required: list[str]) -> None:
        self.check_may_score()
        if self.submitted:
            raise InvalidTransition(
                N_("This scorecard is already submitted."),
                field="status",
            )
        missing = [n for n in required if n not in self.scores]
        if missing:
            raise InvalidInput(
                N_("Score every criterion first; missing: {missing}."),
                field="scores",
                missing=Joined.of(missing),
            )
        total = sum((s.points for s in self.scores.values()), Decimal(0))
        self._submitted(envelope=envelope, total_points=total)

    @event("Submitted")
    def _submitted(self, envelope: Envelope, total_points: Decimal) -> None:
        self.submitted = True


class Consensus(RegistryAggregate):
    """The committee's agreed scores for one application, and its feedback to the applicant."""

    @staticmethod
    def create_id(application_id: UUID) -> UUID:
        return consensus_id(application_id)

    @classmethod
    def open(
        cls, envelope: Envelope, application_id: UUID, edition_id: UUID, category: str
    ) -> Consensus:
        return cls(
            envelope=envelope,
            application_id=application_id,
            edition_id=edition_id,
            category=category,
        )

    @event("Opened")
    def __init__(
        self, envelope: Envelope, application_id: UUID, edition_id: UUID, category: str
    ) -> None:
        self.application_id = application_id
        self.edition_id = edition_id
        self.category = category
        self.scores: dict[str, Score] = {}
        self.sources: dict[str, tuple[ScoreRef, ...]] = {}
        self.feedback: Text | None = None

    def record(
        self,
        envelope: Envelope,
        criterion: Criterion,
        assessment: Assessment,
        justification: str,
        has_evidence: bool,
        sources: tuple[ScoreRef, ...],
    ) -> None:
        """Records the agreed score of one criterion, linked to the judges' scores behind it."""
        if not sources:
            raise InvalidInput(
                N_("Name the individual scores this consensus comes from."),
                field="sources",
            )
        if len({s.judge_id for s in sources}) != len(sources):
            raise InvalidInput(
                N_("Each judge's score is listed once."),
                field="sources",
            )
        self._recorded(
            envelope=envelope,
            sources=tuple(sources),
            **_scoring(envelope, self.scores, criterion, assessment, justification, has_evidence),
        )

    @event("ConsensusRecorded")
    def _recorded(
        self,
        envelope: Envelope,
        criterion: str,
        assessment: Assessment,
        points: Decimal,
        value: Decimal | None,
        justification: str,
        sources: tuple[ScoreRef, ...],
        revision: int,
        previous_points: Decimal | None,
    ) -> None:
        self.scores[criterion] = Score(
            criterion, assessment, Decimal(points), value, justification, revision, envelope.at
        )
        self.sources[criterion] = tuple(sources)

    def give_feedback(self, envelope: Envelope, feedback: Text) -> None:
        if feedback == self.feedback:
            return
        self._feedback_given(envelope=envelope, feedback=feedback)

    @event("FeedbackGiven")
    def _feedback_given(self, envelope: Envelope, feedback: Text) -> None:
        self.feedback = feedback

    def points(self) -> dict[str, Decimal]:
        return {number: score.points for number, score in self.scores.items()}
