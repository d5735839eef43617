"""The award cycle through HTTP, on SQLite and PostgreSQL: Given / When / Then.

draft → submit → screen → assign → declare → score → consensus → rank → publish → withdraw,
and the refusals along the way.
"""

from __future__ import annotations

import io
import zipfile
from uuid import uuid4

import pytest

from domain.roles import Role
from registry.audit.checkpoints import chain_head
from registry.clock import ManualClock
from registry.executive import dashboard
from tests.api.award_world import DAY, World, at
from tests.api.test_bad_input import assert_problem
from tests.conftest import Api


def sealed_to_head(api: Api) -> bool:
    head = chain_head(api.registry.db)
    items = api.client.get("/api/v1/audit/checkpoints", params={"limit": 1000}).json()["items"]
    return head is not None and items[-1]["position"] == head[0]


@pytest.fixture
def world(api: Api, clock: ManualClock) -> World:
    return World(api, clock)


def funnel_on_dashboard(api: Api, edition: str) -> dict[str, int]:
    (line,) = [e for e in dashboard(api.registry).editions if str(e.id) == edition]
    return line.funnel


def test_the_whole_award_cycle(world: World, clock: ManualClock) -> None:
    api = world.api
    # Given an open edition with one hospitals category (one winner, minimum 50)
    edition = world.edition(winners=1, minimum="50")
    locked = world.call("GET", "/api/v1/frameworks/test-framework/versions/1", world.officer())
    assert locked.json()["locked"] is True
    # and two eligible hospitals
    world.organisation("alpha")
    world.organisation("beta")

    # When both apply during registration (beta without evidence for criterion 1)
    clock.set(at(2))
    alpha = world.applied("alpha")
    beta = world.applied("beta", evidence_for=("2", "3", "4", "5"))
    checks = world.call("GET", f"/api/v1/applications/{beta}/checks", world.headers["beta"]).json()
    assert checks["ready"] and [w["field"] for w in checks["warnings"]] == [
        "evidence.1",
        "evidence.6",
    ]

    # and the office screens them
    clock.set(at(12))
    world.screen(alpha)
    world.screen(beta)

    # and the chair assigns two judges to each, who declare no conflict
    for application in (alpha, beta):
        for judge in ("judge-one", "judge-two"):
            world.person(judge, Role.JUDGE)
            world.assign(application, judge)
            world.declare(application, judge)

    # and the judges score every criterion during judging
    clock.set(at(17))
    world.score_all(alpha, "judge-one", points_1="4")
    world.score_all(alpha, "judge-two", points_1="3")
    world.score_all(beta, "judge-one", points_1="0")
    world.score_all(beta, "judge-two", points_1="0")

    # and the chair records the consensus, linked to the judges' scores, with feedback
    version = world.consensus(alpha, ["judge-one", "judge-two"], points_1="4")
    world.call(
        "POST",
        f"/api/v1/applications/{alpha}/consensus/feedback",
        world.chair(),
        version=version,
        json={"feedback": {"ar": "أداء متميز", "en": "Outstanding"}},
    )
    # (the dashboard's funnel counts alpha as scored: its consensus covers every criterion)
    api.catch_up()
    assert funnel_on_dashboard(api, edition)["scored"] == 1
    world.consensus(beta, ["judge-one", "judge-two"], points_1="0")
    consensus = world.call("GET", f"/api/v1/applications/{alpha}/consensus", world.chair()).json()
    first = consensus["scores"][0]
    assert first["score"]["points"] == "4"
    assert {s["points"] for s in first["sources"]} == {"4", "3"}
    # governance: (4 + 4) / 8 × 40 = 40; safety: (count 1 → 2, cert 2, items 2) / 9 × 60 = 40
    assert consensus["total"] == "80.00"

    # Then the live leaderboard ranks them
    api.catch_up()
    board = world.call("GET", f"/api/v1/editions/{edition}/leaderboard", world.chair()).json()
    [hospitals] = board
    assert [s["application_id"] for s in hospitals["standings"]] == [alpha, beta]
    assert [s["total"] for s in hospitals["standings"]] == ["80.00", "60.00"]

    # When judging has closed and the office publishes the results
    clock.set(at(31))
    current = world.call("GET", f"/api/v1/editions/{edition}", world.officer())
    published = world.call(
        "POST",
        f"/api/v1/editions/{edition}/results",
        world.officer(),
        version=world.version(current),
        json={},
    )
    [results] = published.json()["categories"]
    assert [(s["rank"], s["winner"]) for s in results["standings"]] == [(1, True), (2, False)]
    # and the decision is sealed by a signed checkpoint before the request returns
    assert sealed_to_head(api)

    # Then the public sees the ranking, and each applicant its own breakdown and feedback
    public = api.client.get(f"/api/v1/editions/{edition}/results").json()
    assert public["categories"][0]["standings"][0]["organisation"]["en"] == "alpha"
    assert public["categories"][0]["standings"][0]["domains"] is None
    own = world.call("GET", f"/api/v1/applications/{alpha}/result", world.headers["alpha"]).json()
    assert (own["rank"], own["winner"], own["feedback"]["en"]) == (1, True, "Outstanding")
    assert [d["weighted"] for d in own["domains"]] == ["40.00", "40.00"]
    world.call("GET", f"/api/v1/applications/{alpha}/result", world.headers["beta"], 404)

    # When the chair withdraws alpha's award for a proven breach
    withdrawn = world.call(
        "POST",
        f"/api/v1/editions/{edition}/withdrawals",
        world.chair(),
        version=world.version(published),
        json={"application_id": alpha, "reason": "Falsified certificate"},
    )
    standings = withdrawn.json()["categories"][0]["standings"]
    assert sealed_to_head(api)
    # Then the ranking closes up (nobody is promoted) and the history keeps both decisions
    assert [(s["application_id"], s["rank"], s["winner"], s["withdrawn"]) for s in standings] == [
        (alpha, None, False, True),
        (beta, 1, False, False),
    ]
    history = world.call("GET", f"/api/v1/editions/{edition}/history", api.as_(Role.AUDITOR))
    decisions = [(e["type"], e["reason"]) for e in history.json()][-2:]
    assert decisions == [("ResultsPublished", None), ("AwardWithdrawn", "Falsified certificate")]
    published_event = history.json()[-2]["data"]["results"][0]["standings"][0]
    assert published_event["total"] == "80.00" and len(published_event["domains"]) == 2

    # And the edition report tells the story
    api.catch_up()
    report = world.call("GET", f"/api/v1/reports/editions/{edition}", api.as_(Role.AUDITOR)).json()
    assert report["funnel"] == {
        "drafted": 2,
        "submitted": 2,
        "eligible": 2,
        "scored": 2,
        "winners": 0,
    }
    # The executive dashboard shows the same funnel (without computing the whole report)
    assert funnel_on_dashboard(api, edition) == report["funnel"]
    workload = {w["username"]: w for w in report["judge_workload"]}
    assert workload["judge-one"]["assigned"] == 2 and workload["judge-one"]["criteria_scored"] == 10
    assert report["criterion_spread"][0]["criterion"] == "1"
    assert report["criterion_spread"][0]["max_spread"] == "1"
    csv_export = world.call(
        "GET",
        f"/api/v1/reports/editions/{edition}/export",
        world.officer(),
        params={"format": "csv"},
    )
    assert csv_export.content.decode("utf-8-sig").splitlines()[0].startswith("category,rank")
    xlsx = world.call("GET", f"/api/v1/reports/editions/{edition}/export", world.officer())
    workbook = zipfile.ZipFile(io.BytesIO(xlsx.content)).read("xl/workbook.xml").decode()
    for sheet in ("funnel", "leaderboard", "workload", "spread"):
        assert f'name="{sheet}"' in workbook

    # And the read model rebuilt from the events alone tells the same story
    api.registry.runner.rebuild("awards")
    again = world.call("GET", f"/api/v1/reports/editions/{edition}", api.as_(Role.AUDITOR)).json()
    assert {k: v for k, v in again.items() if k != "as_of"} == {
        k: v for k, v in report.items() if k != "as_of"
    }


def test_submission_lists_what_is_missing_and_refuses_after_the_deadline(
    world: World, clock: ManualClock
) -> None:
    world.edition()
    world.organisation("alpha")
    clock.set(at(2))
    application, version = world.draft("alpha")
    url = f"/api/v1/applications/{application}"
    before = world.api.registry.runner.head()
    incomplete = world.call("POST", f"{url}/submit", world.headers["alpha"], 422, version=version)
    fields = [e["field"] for e in incomplete.json()["errors"]]
    assert fields == ["answers.1", "answers.2", "answers.3", "answers.4", "answers.5"]
    assert all(e["message_ar"] for e in incomplete.json()["errors"])
    assert world.api.registry.runner.head() == before
    partial = world.call(
        "PUT",
        f"{url}/answers/2",
        world.headers["alpha"],
        version=version,
        json={"text": "KPI", "numerator": "45"},
    )
    assert partial.json()["answers"][0]["percent"] is None
    checks = world.call("GET", f"{url}/checks", world.headers["alpha"]).json()
    assert "answers.2.denominator" in [m["field"] for m in checks["missing"]]

    # When the deadline passes
    clock.set(at(11))
    late = world.call(
        "POST", f"{url}/submit", world.headers["alpha"], 409, version=world.version(partial)
    )
    body = late.json()
    assert body["type"].endswith("/phase-closed")
    assert "closed on 2026-01-26 12:00" in body["detail"]
    assert "انتهت" in body["detail_ar"]


def test_an_ineligible_organisation_is_told_why(world: World, clock: ManualClock) -> None:
    world.edition()
    world.organisation("riyadh", region="riyadh", beds=30, accredited=False)
    clock.set(at(2))
    application, version = world.draft("riyadh")
    version = world.answer_all("riyadh", application, version)
    refused = world.call(
        "POST",
        f"/api/v1/applications/{application}/submit",
        world.headers["riyadh"],
        422,
        version=version,
    )
    fields = [e["field"] for e in refused.json()["errors"]]
    assert fields == ["organisation.region", "organisation.beds", "organisation.accreditations"]


def test_conflicts_of_interest_and_peeking_are_refused(world: World, clock: ManualClock) -> None:
    edition = world.edition()
    world.organisation("alpha")
    clock.set(at(2))
    application = world.applied("alpha")
    clock.set(at(12))
    world.screen(application)
    for judge in ("judge-one", "judge-two", "judge-three"):
        world.person(judge, Role.JUDGE)

    # A judge who declared a conflict can neither be assigned nor score
    world.declare(application, "judge-three", conflicted=True, reason="Former employee")
    refused = world.assign(application, "judge-three", expect=409)
    assert refused.json()["type"].endswith("/conflict-of-interest")
    # An assigned judge sees nothing before declaring
    world.assign(application, "judge-one")
    world.assign(application, "judge-two")
    url = f"/api/v1/applications/{application}"
    assert_problem(world.call("GET", url, world.headers["judge-one"], None), 403)
    world.declare(application, "judge-one")
    world.declare(application, "judge-two")
    world.call("GET", url, world.headers["judge-one"])

    clock.set(at(17))
    conflicted = world.call("GET", f"{url}/my-scorecard", world.headers["judge-three"])
    no = world.score(
        application, "judge-three", "1", {"points": "1"}, world.version(conflicted), expect=409
    )
    assert no.json()["type"].endswith("/conflict-of-interest")

    # A judge cannot see another's scores until their own are submitted
    world.score_all(application, "judge-two")
    card = world.call("GET", f"{url}/my-scorecard", world.headers["judge-one"])
    world.score(application, "judge-one", "1", {"points": "2"}, world.version(card))
    peek = world.call(
        "GET", f"{url}/scorecards/{world.ids['judge-two']}", world.headers["judge-one"], None
    )
    assert_problem(peek, 403)
    own_only = world.call("GET", f"{url}/scorecards", world.headers["judge-one"]).json()
    assert [s["judge_id"] for s in own_only] == [world.ids["judge-one"]]

    # Scorecards of no application (an unknown id, or another record's) are not found
    for other in (uuid4(), edition):
        for path in ("scorecards", f"scorecards/{world.ids['judge-one']}"):
            missing = world.call(
                "GET", f"/api/v1/applications/{other}/{path}", world.headers["judge-one"], None
            )
            assert_problem(missing, 404)


def test_scoring_rules_revisions_and_stale_versions(world: World, clock: ManualClock) -> None:
    world.edition()
    world.organisation("alpha")
    clock.set(at(2))
    application = world.applied("alpha", evidence_for=("2", "3", "4", "5"))
    clock.set(at(12))
    world.screen(application)
    world.person("judge-one", Role.JUDGE)
    world.assign(application, "judge-one")
    world.declare(application, "judge-one")
    url = f"/api/v1/applications/{application}/my-scorecard"

    # Not before judging opens
    clock.set(at(15))
    card = world.call("GET", url, world.headers["judge-one"])
    version = world.version(card)
    early = world.score(application, "judge-one", "1", {"points": "0"}, version, expect=409)
    assert early.json()["type"].endswith("/phase-closed")

    clock.set(at(17))
    # No evidence for criterion 1: a non-zero score is refused, zero is fine
    head = world.api.registry.runner.head()
    no_evidence = world.score(application, "judge-one", "1", {"points": "2"}, version, expect=422)
    assert no_evidence.json()["type"].endswith("/evidence-required")
    assert no_evidence.json()["field"] == "points"
    assert world.api.registry.runner.head() == head
    version = world.version(world.score(application, "judge-one", "1", {"points": "0"}, version))

    # A KPI is computed from the applicant's figures unless the judge corrects them
    kpi = world.score(application, "judge-one", "2", {}, version).json()
    assert [s["points"] for s in kpi["scores"] if s["criterion"] == "2"] == ["4"]
    version = kpi["version"]

    # A stale If-Match writes nothing
    stale = world.score(application, "judge-one", "2", {"numerator": "30"}, version - 1, expect=412)
    assert stale.json()["current_version"] == version

    # A revision needs a reason and keeps the earlier score in the history
    world.score(application, "judge-one", "2", {"numerator": "30"}, version, expect=422)
    revised = world.score(
        application,
        "judge-one",
        "2",
        {"numerator": "30", "reason": "Register shows 30 resolved"},
        version,
    )
    [score] = [s for s in revised.json()["scores"] if s["criterion"] == "2"]
    # 30 / 50 = 60 %: only the 50 % band is reached
    assert (score["points"], score["revision"], score["value"]) == ("1", 2, "60")
    # and the auditor replays both scores, the second with its reason
    stream = world.call(
        "GET", f"/api/v1/audit/streams/{revised.json()['id']}", world.api.as_(Role.AUDITOR)
    ).json()["items"]
    kpi_scores = [
        e for e in stream if e["type"] == "CriterionScored" and e["data"]["criterion"] == "2"
    ]
    assert [
        (e["data"]["points"], e["data"]["previous_points"], e["envelope"].get("reason"))
        for e in kpi_scores
    ] == [("4", None, None), ("1", "4", "Register shows 30 resolved")]
    events = list(
        world.call("GET", f"/api/v1/applications/{application}/history", world.chair()).json()
    )
    assert events  # the application's own history is readable by the committee

    # Bad input names the field and writes nothing
    head = world.api.registry.runner.head()
    bad = world.call(
        "PUT",
        f"{url}/scores/3",
        world.headers["judge-one"],
        400,
        version=revised.json()["version"],
        json={"justification": "x", "count": -1},
    )
    assert_problem(bad, 400, "count")
    unknown = world.call(
        "PUT",
        f"{url}/scores/3",
        world.headers["judge-one"],
        400,
        version=revised.json()["version"],
        json={"justification": "x", "colour": "blue"},
    )
    assert_problem(unknown, 400, "colour")
    assert world.api.registry.runner.head() == head


def test_a_locked_framework_is_corrected_by_a_new_version(world: World) -> None:
    world.edition()
    current = world.call("GET", "/api/v1/frameworks/test-framework/versions/1", world.officer())
    doc = current.json()["framework"]
    refused = world.call(
        "PUT",
        "/api/v1/frameworks/test-framework/versions/1",
        world.officer(),
        409,
        version=world.version(current),
        json={"framework": {**doc, "source": "corrected"}, "reason": "Typo"},
    )
    assert refused.json()["field"] == "version"
    skipped = world.call(
        "POST", "/api/v1/frameworks", world.officer(), 422, json={**doc, "version": 3}
    )
    assert skipped.json()["field"] == "version"
    world.call("POST", "/api/v1/frameworks", world.officer(), 201, json={**doc, "version": 2})
    listed = world.call("GET", "/api/v1/frameworks", world.api.as_(Role.APPLICANT))
    world.api.catch_up()
    listed = world.call("GET", "/api/v1/frameworks", world.api.as_(Role.APPLICANT)).json()
    assert [(f["version"], f["locked"]) for f in listed] == [(1, True), (2, False)]


def test_evidence_is_stored_by_digest_and_guarded(world: World, clock: ManualClock) -> None:
    world.edition()
    world.organisation("alpha")
    world.organisation("beta")
    clock.set(at(2))
    application, version = world.draft("alpha")
    url = f"/api/v1/applications/{application}/evidence"
    not_pdf = world.call(
        "POST",
        url,
        world.headers["alpha"],
        422,
        version=version,
        data={"criterion": "1"},
        files={"file": ("plan.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")},
    )
    assert not_pdf.json()["field"] == "file"
    exe = world.call(
        "POST",
        url,
        world.headers["alpha"],
        422,
        version=version,
        data={"criterion": "1"},
        files={"file": ("run.exe", b"MZ\x90", "application/x-msdownload")},
    )
    assert exe.json()["field"] == "file"
    created = world.call(
        "POST",
        url,
        world.headers["alpha"],
        201,
        version=version,
        data={"criterion": "1"},
        files={"file": ("../../plan.pdf", b"%PDF-1.4 plan", "application/pdf")},
    )
    evidence = created.json()["application"]["evidence"][0]
    assert evidence["name"] == ".._.._plan.pdf" or "/" not in evidence["name"]
    assert evidence["size"] == len(b"%PDF-1.4 plan") and len(evidence["sha256"]) == 64
    stored = world.api.registry.settings.data_dir / "evidence" / evidence["sha256"][:2]
    assert (stored / evidence["sha256"]).read_bytes() == b"%PDF-1.4 plan"
    history = world.call("GET", f"/api/v1/applications/{application}/history", world.officer())
    attached = history.json()[-1]["data"]["evidence"]
    assert set(attached) == {"evidence_id", "criterion", "name", "media_type", "size", "sha256"}
    download = f"{url}/{created.json()['id']}"
    assert world.call("GET", download, world.headers["alpha"]).content == b"%PDF-1.4 plan"
    world.call("GET", download, world.headers["beta"], 404)
    world.call("GET", download, world.api.as_(Role.JUDGE), 403)


def test_the_timeline_of_an_open_edition_moves_only_with_a_reason(
    world: World, clock: ManualClock
) -> None:
    edition = world.edition()
    url = f"/api/v1/editions/{edition}"
    current = world.call("GET", url, world.officer())
    assert current.json()["current_phase"] == "announcement"
    body = {"opens_at": at(1).isoformat(), "closes_at": at(12).isoformat()}
    world.call(
        "PUT",
        f"{url}/phases/registration",
        world.officer(),
        422,
        version=world.version(current),
        json=body,
    )
    moved = world.call(
        "PUT",
        f"{url}/phases/registration",
        world.officer(),
        422,
        version=world.version(current),
        json={**body, "reason": "Extended by the committee"},
    )
    assert moved.json()["field"] == "phases.screening"  # would overlap screening
    clock.set(at(11) + DAY)
    closed = world.call(
        "PUT",
        f"{url}/phases/registration",
        world.officer(),
        409,
        version=world.version(current),
        json={**body, "reason": "Too late"},
    )
    assert closed.json()["type"].endswith("/phase-closed")


def test_applicants_see_only_their_own_organisations_applications(
    world: World, clock: ManualClock
) -> None:
    world.edition()
    world.organisation("alpha")
    world.organisation("beta")
    clock.set(at(2))
    alpha, _ = world.draft("alpha")
    beta, _ = world.draft("beta")
    world.call("GET", f"/api/v1/applications/{beta}", world.headers["alpha"], 404)
    world.call("GET", f"/api/v1/applications/{beta}/checks", world.headers["alpha"], 404)
    world.api.catch_up()
    listed = world.call("GET", "/api/v1/applications", world.headers["alpha"]).json()
    assert [a["id"] for a in listed["items"]] == [alpha]
    everything = world.call("GET", "/api/v1/applications", world.api.as_(Role.AUDITOR)).json()
    assert everything["total"] == 2
    # One application per organisation, edition and category
    again = world.call(
        "POST",
        "/api/v1/applications",
        world.headers["alpha"],
        409,
        json={"edition_id": world.ids["edition"], "category": "hospitals"},
    )
    assert again.json()["type"].endswith("/already-exists")


def test_only_applicants_represent_an_organisation_and_moving_one_needs_a_reason(
    world: World,
) -> None:
    organisation = world.organisation("alpha")
    other = world.organisation("beta")
    judge = world.person("judge-one", Role.JUDGE)
    assert judge
    refused = world.call(
        "POST",
        f"/api/v1/organisations/{organisation}/members",
        world.officer(),
        422,
        json={"user_id": world.ids["judge-one"]},
    )
    assert refused.json()["field"] == "user_id"
    world.call(
        "POST",
        f"/api/v1/organisations/{other}/members",
        world.officer(),
        422,
        json={"user_id": world.ids["alpha"]},
    )
    moved = world.call(
        "POST",
        f"/api/v1/organisations/{other}/members",
        world.officer(),
        json={"user_id": world.ids["alpha"], "reason": "Changed employer"},
    )
    assert moved.json()["organisation_id"] == other
    own = world.call("GET", f"/api/v1/organisations/{other}", world.headers["alpha"]).json()
    assert own["years_of_operation"] == 10 and own["accreditations"][0]["current"]
    world.call("GET", f"/api/v1/organisations/{organisation}", world.headers["alpha"], 404)


def test_officers_configure_a_further_edition_and_its_points(world: World) -> None:
    world.edition()
    created = world.call(
        "POST",
        "/api/v1/editions",
        world.officer(),
        201,
        json={
            "programme_code": "amyaz",
            "year": 2027,
            "title": {"ar": "أميز 2027", "en": "Amyaz 2027"},
        },
    )
    url = f"/api/v1/editions/{created.json()['id']}"
    assert created.json()["status"] == "draft" and created.json()["minimum_score"] == "60"
    category = world.call(
        "PUT",
        f"{url}/categories/hospitals",
        world.officer(),
        version=world.version(created),
        json={
            "title": {"ar": "المستشفيات", "en": "Hospitals"},
            "organisation_types": ["hospital"],
            "winners": 5,
            "framework_key": "test-framework",
            "framework_version": 1,
        },
    )
    points = world.call(
        "PUT",
        f"{url}/categories/hospitals/points/1",
        world.officer(),
        version=world.version(category),
        json={"max_points": "10"},
    )
    assert points.json()["categories"][0]["points"] == {"1": "10"}
    fixed = world.call(
        "PUT",
        f"{url}/categories/hospitals/points/5",
        world.officer(),
        422,
        version=world.version(points),
        json={"max_points": "10"},
    )
    assert fixed.json()["field"] == "criterion"
    not_open = world.call(
        "POST", f"{url}/open", world.officer(), 422, version=world.version(points)
    )
    assert "phases.registration" in [e["field"] for e in not_open.json()["errors"]]
    duplicate = world.call(
        "POST",
        "/api/v1/editions",
        world.officer(),
        409,
        json={
            "programme_code": "AMYAZ",
            "year": 2027,
            "title": {"ar": "م", "en": "Again"},
        },
    )
    assert duplicate.json()["type"].endswith("/already-exists")


@pytest.mark.parametrize(
    ("number", "body", "status", "field"),
    [
        ("2", {"numerator": "60", "denominator": "50"}, 422, "numerator"),
        ("2", {"numerator": "1", "denominator": "0"}, 422, "denominator"),
        ("3", {"count": -1}, 400, "count"),
        ("5", {"items": ["bribe"]}, 422, "items"),
        ("4", {"expires_on": "soon"}, 400, "expires_on"),
        ("1", {"text": "x", "colour": "blue"}, 400, "colour"),
        ("99", {"text": "x"}, 404, None),
    ],
)
def test_bad_answers_name_the_field_and_write_nothing(
    world: World,
    clock: ManualClock,
    number: str,
    body: dict[str, object],
    status: int,
    field: str | None,
) -> None:
    world.edition()
    world.organisation("alpha")
    clock.set(at(2))
    application, version = world.draft("alpha")
    head = world.api.registry.runner.head()
    response = world.call(
        "PUT",
        f"/api/v1/applications/{application}/answers/{number}",
        world.headers["alpha"],
        None,
        version=version,
        json=body,
    )
    assert_problem(response, status, field)
    assert world.api.registry.runner.head() == head


def test_an_oversized_evidence_file_is_refused(world: World, clock: ManualClock) -> None:
    world.edition()
    world.organisation("alpha")
    clock.set(at(2))
    application, version = world.draft("alpha")
    head = world.api.registry.runner.head()
    huge = b"%PDF-1.7\n" + b"0" * (11 * 1024 * 1024)
    response = world.call(
        "POST",
        f"/api/v1/applications/{application}/evidence",
        world.headers["alpha"],
        None,
        version=version,
        data={"criterion": "1"},
        files={"file": ("big.pdf", huge, "application/pdf")},
    )
    assert response.status_code in (413, 422), response.text
    assert world.api.registry.runner.head() == head
    assert not (world.api.registry.settings.data_dir / "evidence").exists()
