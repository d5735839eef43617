"""Ranking a category on consensus totals, and choosing its winners.

Tie-break (applied in this order when two applications have the same weighted
total, rounded to two decimals):

1. the higher weighted score in the heaviest domain, then the next heaviest,
   and so on (domains of equal weight in the framework's order);
2. the earlier submission (the application submitted first ranks first);
3. the application id, so the order is total and the same on every replay.

Winners are the top N of the category (N = the category's number of winners)
whose consensus is complete and whose total reaches the edition's minimum
score; a category may be left with fewer winners, or none.

Withdrawing an award (a proven breach) takes the application out of the
ranking: those below it move up one place, and nobody is promoted to winner
by the withdrawal itself — awarding is the committee's decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from domain.awards.framework import Framework
from domain.awards.scoring import DomainScore, breakdown, required_criteria, round_score
from domain.errors import DomainError, FieldProblem
from domain.messages import N_, Message

TIE_BREAK = (
    "Ties on the weighted total (two decimals) are broken by the weighted score of the "
    "heaviest domain, then the next heaviest; then by the earlier submission; then by "
    "application id. Winners are the top N per category whose consensus is complete and whose "
    "total reaches the edition's minimum score."
)


class ResultsIncomplete(DomainError):
    code = "results-incomplete"
    title = N_("Results cannot be published while consensus scores are missing")


@dataclass(frozen=True)
class Candidate:
    application_id: UUID
    organisation_id: UUID
    submitted_at: datetime
    points: Mapping[str, Decimal]  # consensus points by criterion number


@dataclass(frozen=True)
class Standing:
    application_id: UUID
    organisation_id: UUID
    rank: int | None  # None once the award is withdrawn
    total: Decimal
    domains: tuple[DomainScore, ...]
    complete: bool
    winner: bool
    submitted_at: datetime
    withdrawn: bool = False


@dataclass(frozen=True)
class CategoryResults:
    category: str
    winners_allowed: int
    standings: tuple[Standing, ...]

    def winners(self) -> list[Standing]:
        return [s for s in self.standings if s.winner]


def rank_category(
    framework: Framework,
    candidates: Iterable[Candidate],
    winners_allowed: int,
    minimum_score: Decimal,
) -> list[Standing]:
    """Totals, ranks (1 = best) and winners of one category; see the module for the tie-break."""
    required = {c.number for c in required_criteria(framework)}
    heaviest_first = sorted(
        range(len(framework.domains)), key=lambda i: -framework.domains[i].weight
    )
    scored = []
    for candidate in candidates:
        domains = tuple(breakdown(framework, candidate.points))
        total = round_score(sum((d.weighted for d in domains), Decimal(0)))
        complete = required <= set(candidate.points)
        key = (
            -total,
            *(-domains[i].weighted for i in heaviest_first),
            candidate.submitted_at,
            str(candidate.application_id),
        )
        scored.append((key, candidate, domains, total, complete))
    scored.sort(key=lambda item: item[0])
    standings = []
    winners = 0
    for rank, (_, candidate, domains, total, complete) in enumerate(scored, start=1):
        winner = complete and total >= minimum_score and winners < winners_allowed
        winners += winner
        standings.append(
            Standing(
                application_id=candidate.application_id,
                organisation_id=candidate.organisation_id,
                rank=rank,
                total=total,
                domains=domains,
                complete=complete,
                winner=winner,
                submitted_at=candidate.submitted_at,
            )
        )
    return standings


def without(results: CategoryResults, application_id: UUID) -> CategoryResults:
    """The results after withdrawing one application's award: it keeps no rank, others move up."""
    standings = []
    rank = 0
    for standing in results.standings:
        if standing.application_id == application_id or standing.withdrawn:
            standings.append(replace(standing, rank=None, winner=False, withdrawn=True))
            continue
        rank += 1
        standings.append(replace(standing, rank=rank))
    return replace(results, standings=tuple(standings))


def check_complete(results: Iterable[CategoryResults]) -> None:
    """Results are published only when every eligible application has a complete consensus;
    each one still lacking it is named."""
    incomplete = [
        FieldProblem(
            f"applications.{s.application_id}",
            Message(
                N_("Application {application_id} has no complete consensus yet."),
                application_id=s.application_id,
            ),
        )
        for category in results
        for s in category.standings
        if not s.complete
    ]
    if incomplete:
        raise ResultsIncomplete(
            N_("{count} eligible application(s) still lack a complete consensus."),
            problems=incomplete,
            count=len(incomplete),
        )
