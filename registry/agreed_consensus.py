"""The chair's shortcut: record the consensus on every criterion where all the submitted
judges gave the same points, linked to those scores. Criteria where they differ are left
for the chair to reconcile one by one."""

from __future__ import annotations

from uuid import UUID

from domain.awards.judging import Consensus
from registry.context import RequestContext
from registry.judging import JudgingService


def record_agreed(
    judging: JudgingService,
    ctx: RequestContext,
    application_id: UUID,
    expected: int,
    justification: str,
) -> tuple[Consensus | None, list[str]]:
    """Returns the consensus as saved and the criteria recorded (none already recorded are redone)."""
    cards = [
        s for s in judging.scorecards(ctx, application_id) if s.submitted and s.may_see_application
    ]
    consensus = judging.consensus(application_id)
    done = set(consensus.scores) if consensus else set()
    version = expected
    recorded: list[str] = []
    if not cards:
        return consensus, recorded
    for number, first in sorted(cards[0].scores.items(), key=lambda kv: _key(kv[0])):
        if number in done:
            continue
        scores = [card.scores.get(number) for card in cards]
        if any(s is None or s.points != first.points for s in scores):
            continue
        consensus = judging.record_consensus(
            ctx,
            application_id,
            version,
            criterion=number,
            assessment=first.assessment,
            justification=justification,
            sources=[(card.judge_id, card.scores[number].revision) for card in cards],
        )
        version = consensus.version
        recorded.append(number)
    return consensus, recorded


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))
