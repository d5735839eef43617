"""Auditors replay award decisions as they stood at earlier instants.

Given a cycle in which the committee revises a consensus score, publishes the results and
later withdraws the winner's award, the replay endpoints must give the *past* answer for
every instant asked — recomputed from the events, not read from a stored copy.
"""

from __future__ import annotations

from typing import Any

import pytest

from domain.roles import Role
from registry.clock import ManualClock
from tests.api.award_world import World, at
from tests.conftest import Api


@pytest.fixture
def world(api: Api, clock: ManualClock) -> World:
    return World(api, clock)


def cycle(world: World, clock: ManualClock) -> dict[str, str]:
    edition = world.edition(winners=1, minimum="50")
    world.organisation("alpha")
    world.organisation("beta")
    clock.set(at(2))
    alpha, beta = world.applied("alpha"), world.applied("beta")
    clock.set(at(12))
    world.screen(alpha)
    world.screen(beta)
    for application in (alpha, beta):
        for judge in ("judge-one", "judge-two"):
            world.person(judge, Role.JUDGE)
            world.assign(application, judge)
            world.declare(application, judge)
    clock.set(at(17))
    for application in (alpha, beta):
        world.score_all(application, "judge-one", points_1="2")
        world.score_all(application, "judge-two", points_1="0")
    clock.set(at(18))
    world.consensus(alpha, ["judge-one", "judge-two"], points_1="2")  # 70.00
    beta_version = world.consensus(beta, ["judge-one", "judge-two"], points_1="0")  # 60.00
    # The committee revises beta's first criterion after a recount: beta now leads.
    clock.set(at(19))
    world.call(
        "PUT",
        f"/api/v1/applications/{beta}/consensus/scores/1",
        world.chair(),
        version=beta_version,
        json={
            "points": "4",
            "justification": "Recounted",
            "reason": "Recount of the evidence",
            "sources": [{"judge_id": world.ids["judge-one"]}],
        },
    )
    clock.set(at(31))
    current = world.call("GET", f"/api/v1/editions/{edition}", world.officer())
    published = world.call(
        "POST",
        f"/api/v1/editions/{edition}/results",
        world.officer(),
        version=world.version(current),
        json={},
    )
    clock.set(at(32))
    world.call(
        "POST",
        f"/api/v1/editions/{edition}/withdrawals",
        world.chair(),
        version=world.version(published),
        json={"application_id": beta, "reason": "Falsified certificate"},
    )
    world.api.catch_up()
    return {"edition": edition, "alpha": alpha, "beta": beta}


def board(world: World, edition: str, day: float) -> list[tuple[str, int | None, str, bool, bool]]:
    response = world.call(
        "GET",
        f"/api/v1/audit/editions/{edition}/leaderboard",
        world.api.as_(Role.AUDITOR),
        params={"as_of": at(day).isoformat()},
    )
    [category] = response.json()["categories"]
    return [
        (s["application_id"], s["rank"], s["total"], s["winner"], s["withdrawn"])
        for s in category["standings"]
    ]


def decision(world: World, application: str, day: float, expect: int = 200) -> Any:
    return world.call(
        "GET",
        f"/api/v1/audit/applications/{application}/decision",
        world.api.as_(Role.AUDITOR),
        expect,
        params={"as_of": at(day).isoformat()},
    ).json()


def test_the_leaderboard_as_it_stood_before_and_after_each_decision(
    world: World, clock: ManualClock
) -> None:
    ids = cycle(world, clock)
    alpha, beta = ids["alpha"], ids["beta"]
    # Before the revision, alpha led.
    assert board(world, ids["edition"], 18.5) == [
        (alpha, 1, "70.00", True, False),
        (beta, 2, "60.00", False, False),
    ]
    # After it, beta led (not yet published).
    assert board(world, ids["edition"], 19.5) == [
        (beta, 1, "80.00", True, False),
        (alpha, 2, "70.00", False, False),
    ]
    # Once the award was withdrawn, beta left the ranking and nobody was promoted.
    assert board(world, ids["edition"], 32.5) == [
        (beta, None, "80.00", False, True),
        (alpha, 1, "70.00", False, False),
    ]
    # Before anything was scored, the ranking had no points at all.
    early = board(world, ids["edition"], 16.5)
    assert [total for _, _, total, _, _ in early] == ["0.00", "0.00"]


def test_a_decision_as_it_stood_with_the_events_that_led_there(
    world: World, clock: ManualClock
) -> None:
    ids = cycle(world, clock)
    beta = ids["beta"]
    before = decision(world, beta, 18.5)
    first = next(c for c in before["consensus"] if c["criterion"] == "1")
    assert (first["points"], first["revision"]) == ("0", 1)
    assert before["standing"]["rank"] == 2 and before["results_published"] is False
    assert before["framework_key"] == "test-framework" and before["framework_version"] == 1
    assert {j["judge_id"] for j in before["judges"]} == {
        world.ids["judge-one"],
        world.ids["judge-two"],
    }

    after = decision(world, beta, 31.5)
    first = next(c for c in after["consensus"] if c["criterion"] == "1")
    assert (first["points"], first["revision"]) == ("4", 2)
    assert [s["judge_id"] for s in first["sources"]] == [world.ids["judge-one"]]
    assert after["standing"]["rank"] == 1 and after["standing"]["winner"] is True
    assert after["results_published"] is True
    revision = [
        e
        for e in after["events"]
        if e["type"] == "ConsensusRecorded" and e["data"]["revision"] == 2
    ]
    assert [(e["reason"], e["actor_role"]) for e in revision] == [
        ("Recount of the evidence", "committee_chair")
    ]
    assert not any(e["type"] == "AwardWithdrawn" for e in after["events"])
    assert all(e["at"] <= at(31.5).isoformat() for e in after["events"])

    now = decision(world, beta, 40)
    assert now["standing"]["withdrawn"] is True
    assert any(
        e["type"] == "AwardWithdrawn" and e["reason"] == "Falsified certificate"
        for e in now["events"]
    )
    decision(world, beta, -5, expect=404)


def test_provenance_explains_a_published_result(world: World, clock: ManualClock) -> None:
    ids = cycle(world, clock)
    response = world.call(
        "GET", f"/api/v1/audit/applications/{ids['beta']}/provenance", world.api.as_(Role.AUDITOR)
    )
    body = response.json()
    assert (body["withdrawn"], body["withdrawal_reason"]) == (True, "Falsified certificate")
    assert [d["weighted"] for d in body["domains"]] == ["40.00", "40.00"]
    assert [
        (r["criterion"], r["from_points"], r["to_points"], r["reason"]) for r in body["revisions"]
    ] == [("1", "0", "4", "Recount of the evidence")]
    assert body["conflicts_declared"] == []
    assert len(body["judges"]) == 2 and len(body["consensus"]) == 5


def test_an_editions_bundle_verifies_with_the_recipe(
    world: World, clock: ManualClock, tmp_path: Any
) -> None:
    import io
    import subprocess
    import tarfile

    ids = cycle(world, clock)
    response = world.call(
        "GET",
        "/api/v1/audit/exports",
        world.api.as_(Role.AUDITOR),
        params={"edition": ids["edition"]},
    )
    with tarfile.open(fileobj=io.BytesIO(response.content)) as tar:
        tar.extractall(tmp_path, filter="data")
    bundle = tmp_path / "bundle"
    lines = (bundle / "events.jsonl").read_text().splitlines()
    assert any("AwardWithdrawn" in line for line in lines)
    assert any("ConsensusRecorded" in line for line in lines)
    done = subprocess.run(
        ["bash", str(bundle / "verify.sh"), str(bundle)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
