"""Two API processes on one store: what one process keeps in memory never hides the other's
writes (scorecards fast-forward, editions are re-read when they change)."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

import pytest

from domain.awards.scoring import Assessment
from domain.errors import VersionConflict
from domain.roles import Role
from registry.bootstrap import build
from registry.clock import ManualClock
from registry.context import Actor, RequestContext
from tests.api.award_world import World, at
from tests.conftest import Api


def test_a_second_process_sees_the_first_ones_scores_and_timeline(
    api: Api, clock: ManualClock
) -> None:
    world = World(api, clock)
    edition = world.edition()
    world.organisation("alpha")
    clock.set(at(2))
    application = UUID(world.applied("alpha"))
    clock.set(at(12))
    world.screen(str(application))
    world.person("judge-one", Role.JUDGE)
    world.assign(str(application), "judge-one")
    world.declare(str(application), "judge-one")
    clock.set(at(17))
    judge = RequestContext(Actor(world.ids["judge-one"], "judge"), "test")
    first, second = api.registry, build(api.registry.settings, clock)
    try:

        def score(registry, version: int, points: str, reason: str | None = None) -> int:  # type: ignore[no-untyped-def]
            card = registry.judging.score(
                judge,
                application,
                version,
                criterion="1",
                assessment=Assessment(points=Decimal(points)),
                justification="seen",
                reason=reason,
            )
            return int(card.version)

        version = score(first, 3, "1")
        version = score(second, version, "2", "second look")
        # The first process's copy is behind: it catches up instead of overwriting
        with pytest.raises(VersionConflict):
            score(first, version - 1, "3", "stale")
        version = score(first, version, "3", "third look")
        card = second.judging.scorecard(judge, application, UUID(world.ids["judge-one"]))
        assert (card.version, card.scores["1"].points, card.scores["1"].revision) == (
            version,
            Decimal(3),
            3,
        )
        # Judging closes early in one process; the other refuses scores at once
        current = world.call("GET", f"/api/v1/editions/{edition}", world.officer())
        world.call(
            "PUT",
            f"/api/v1/editions/{edition}/phases/judging",
            world.officer(),
            version=world.version(current),
            json={
                "opens_at": at(16).isoformat(),
                "closes_at": at(17.5).isoformat(),
                "reason": "Committee closes judging early",
            },
        )
        clock.set(at(17.6))
        from domain.awards.edition import PhaseClosed

        with pytest.raises(PhaseClosed):
            score(second, version, "4", "too late")
    finally:
        second.close()


def test_a_process_that_reads_the_submission_from_the_read_model_still_uses_the_answers(
    api: Api, clock: ManualClock
) -> None:
    world = World(api, clock)
    world.edition()
    world.organisation("alpha")
    clock.set(at(2))
    application = UUID(world.applied("alpha"))
    clock.set(at(12))
    world.screen(str(application))
    world.person("judge-one", Role.JUDGE)
    world.assign(str(application), "judge-one")
    world.declare(str(application), "judge-one")
    api.catch_up()
    clock.set(at(17))
    judge = RequestContext(Actor(world.ids["judge-one"], "judge"), "test")
    fresh = build(api.registry.settings, clock)
    try:
        # The KPI's figures come from the applicant's answer (45 / 50 = 90 % → 4 points)
        card = fresh.judging.score(
            judge, application, 3, criterion="2", assessment=Assessment(), justification="ok"
        )
        assert card.scores["2"].points == Decimal(4)
        assert card.scores["2"].value == Decimal(90)
    finally:
        fresh.close()
