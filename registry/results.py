"""Results: the leaderboard, publication, withdrawal of awards, and the edition report.

The leaderboard is recomputed from the consensus read model — one query, then
the ranking rules of ``domain/awards/ranking.py`` — so it costs the same
whether the edition holds ten score events or fifty thousand. Publication
first brings that read model up to date (judging has closed, so nothing can
change underneath it) and records the whole ranking, with every total and
domain breakdown, in the publication event itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from statistics import mean
from uuid import UUID

from domain.awards.application import Application
from domain.awards.edition import Edition
from domain.awards.framework import Framework
from domain.awards.ranking import Candidate, CategoryResults, Standing, rank_category
from domain.awards.scoring import required_criteria
from domain.errors import NotFound
from domain.messages import N_
from domain.text import Text
from projections import awards_queries as q
from projections.runner import ProjectionRunner
from registry.applications import ApplicationService
from registry.clock import Clock
from registry.context import RequestContext
from registry.editions import EDITION, EditionService
from registry.event_store import NQSApplication
from registry.judging import JudgingService
from registry.service import Service


@dataclass(frozen=True)
class CriterionSpread:
    criterion: str
    applications: int
    mean_spread: Decimal
    max_spread: Decimal


@dataclass
class EditionReport:
    funnel: dict[str, int]
    leaderboard: dict[str, list[Standing]]
    workload: list[tuple[str, str | None, int, int, int, int]]
    spread: list[CriterionSpread] = field(default_factory=list)


@dataclass(frozen=True)
class Ranking:
    """An edition's ranking per category, with the organisations' names to show beside it."""

    edition: Edition
    categories: list[CategoryResults]
    names: dict[str, Text]


class ResultsService(Service):
    def __init__(
        self,
        app: NQSApplication,
        clock: Clock,
        editions: EditionService,
        applications: ApplicationService,
        judging: JudgingService,
        runner: ProjectionRunner,
        seal: Callable[[], object] = lambda: None,
    ) -> None:
        super().__init__(app, clock)
        # Signs a checkpoint over the chain's head: a decision that changes results is
        # tamper-evident when its request returns, not minutes later (issue 10 §5).
        self.seal = seal
        self.editions = editions
        self.applications = applications
        self.judging = judging
        self.runner = runner
        self.db = runner.db

    def frameworks_of(self, edition: Edition) -> dict[str, Framework]:
        return {key: self.editions.framework_for(edition, key) for key in edition.categories}

    def leaderboard(self, edition: Edition) -> dict[str, list[Standing]]:
        """Every category's ranking of eligible applications on their consensus scores."""
        frameworks = self.frameworks_of(edition)
        points: dict[str, dict[str, Decimal]] = defaultdict(dict)
        heads: dict[str, q.ConsensusRow] = {}
        for row in q.consensus_points(self.db, str(edition.id)):
            heads[row.application_id] = row
            if row.criterion is not None and row.points is not None:
                points[row.application_id][row.criterion] = Decimal(row.points)
        by_category: dict[str, list[Candidate]] = defaultdict(list)
        for application_id, row in heads.items():
            by_category[row.category].append(
                Candidate(
                    UUID(application_id),
                    UUID(row.organisation_id),
                    datetime.fromisoformat(row.submitted_at),
                    points[application_id],
                )
            )
        return {
            key: rank_category(
                frameworks[key], by_category.get(key, []), category.winners, edition.minimum_score
            )
            for key, category in edition.categories.items()
        }

    def live_ranking(self, edition_id: UUID) -> Ranking:
        """The live ranking of every category, recomputed from the consensus scores."""
        edition = self.editions.get(edition_id)
        categories = [
            CategoryResults(key, edition.categories[key].winners, tuple(standings))
            for key, standings in self.leaderboard(edition).items()
        ]
        return Ranking(edition, categories, self.applications.organisations.names())

    def published(self, edition: Edition) -> Ranking:
        """The ranking and winners as last published (withdrawals applied)."""
        categories = list(edition.results.values())
        return Ranking(edition, categories, self.applications.organisations.names())

    def publish(
        self, ctx: RequestContext, edition_id: UUID, expected: int, reason: str | None
    ) -> Edition:
        edition = self.editions.get(edition_id)
        edition.check_version(expected)
        self.runner.catch_up(["awards"])
        results = tuple(
            CategoryResults(key, edition.categories[key].winners, tuple(standings))
            for key, standings in self.leaderboard(edition).items()
        )
        edition.publish_results(self.envelope(ctx, reason), results)
        self.save(edition)
        self.seal()
        return edition

    def withdraw(
        self,
        ctx: RequestContext,
        edition_id: UUID,
        expected: int,
        application_id: UUID,
        reason: str | None,
    ) -> Edition:
        edition = self.change(
            Edition,
            edition_id,
            expected,
            EDITION,
            lambda e: e.withdraw_award(self.envelope(ctx, reason), application_id),
        )
        self.seal()
        return edition

    def applicant_result(
        self, ctx: RequestContext, application_id: UUID
    ) -> tuple[Application, Standing, CategoryResults, Text | None]:
        """An application's own published result: rank, total, domain breakdown and feedback."""
        application = self.applications.read(ctx, application_id)
        edition = self.editions.get(application.edition_id)
        results = edition.results.get(application.category)
        standing = None
        if results is not None:
            standing = next(
                (s for s in results.standings if s.application_id == application.id), None
            )
        if results is None or standing is None:
            raise NotFound(N_("No published result for this application."))
        consensus = self.judging.consensus(application.id)
        return application, standing, results, consensus.feedback if consensus else None

    def report(self, edition: Edition) -> EditionReport:
        edition_key = str(edition.id)
        board = self.leaderboard(edition)
        funnel = self.funnels([edition])[edition.id]
        workload = [
            (str(r[0]), r[1], int(r[2] or 0), int(r[3] or 0), int(r[4] or 0), int(r[5] or 0))
            for r in q.judge_workload(self.db, edition_key)
        ]
        return EditionReport(funnel, board, workload, self.spread(edition_key))

    def funnels(self, editions: list[Edition]) -> dict[UUID, dict[str, int]]:
        """How many applications reached each stage, drafted to winners, per edition: counted
        by the awards read model for every edition at once (the dashboard shows them all).
        "Scored" counts the eligible applications whose consensus covers every criterion
        their category requires: the leaderboard's ``complete``."""
        required = {
            str(edition.id): {
                key: [
                    c.number for c in required_criteria(self.editions.framework_for(edition, key))
                ]
                for key in edition.categories
            }
            for edition in editions
        }
        counts = q.funnel_counts(self.db, required)
        return {edition.id: _funnel(counts[str(edition.id)]) for edition in editions}

    def spread(self, edition_key: str) -> list[CriterionSpread]:
        """Where judges disagree most: per criterion, max − min of the judges' points per application."""
        by_key: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
        for application_id, _judge, criterion, points in q.judge_scores(self.db, edition_key):
            by_key[(criterion, application_id)].append(Decimal(points))
        per_criterion: dict[str, list[Decimal]] = defaultdict(list)
        for (criterion, _), values in by_key.items():
            if len(values) > 1:
                per_criterion[criterion].append(max(values) - min(values))
        spreads = [
            CriterionSpread(c, len(v), Decimal(str(round(mean(v), 2))), max(v))
            for c, v in per_criterion.items()
        ]
        return sorted(
            spreads, key=lambda s: (-s.mean_spread, -s.max_spread, _number_key(s.criterion))
        )


def _funnel(counts: q.FunnelCounts) -> dict[str, int]:
    return {
        "drafted": sum(counts.statuses.values()),
        "submitted": sum(n for s, n in counts.statuses.items() if s != "draft"),
        "eligible": counts.statuses.get("eligible", 0),
        "scored": counts.complete,
        "winners": counts.winners,
    }


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))
