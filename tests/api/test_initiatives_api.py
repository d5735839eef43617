"""The initiatives through HTTP: Given / When / Then, as an officer would use them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from domain.roles import Role
from registry.clock import ManualClock
from tests.conftest import Api

BASE = "/api/v1/initiatives"


def create(api: Api, code: str = "AMBASSADORS", **headers: str) -> Any:
    body = {
        "code": code,
        "title": {"ar": "سفراء الجودة", "en": "Quality ambassadors"},
        "aim": {"ar": "سفير جودة في كل بيت", "en": "A quality ambassador in every home"},
        "owner": "NQS Executive Office",
    }
    return api.client.post(BASE, json=body, headers=api.as_(Role.OFFICER, **headers))


def test_an_officer_registers_an_initiative_and_reads_it_back_with_its_version(api: Api) -> None:
    created = create(api)
    assert created.status_code == 201, created.text
    assert created.headers["etag"] == '"1"'
    location = created.headers["location"]
    read = api.client.get(location, headers=api.as_(Role.AUDITOR))
    assert read.status_code == 200
    assert read.json()["title"] == {"ar": "سفراء الجودة", "en": "Quality ambassadors"}
    assert read.headers["etag"] == '"1"'


def test_the_whole_life_of_an_initiative(api: Api) -> None:
    # Given an initiative
    initiative = create(api).json()
    url, version = f"{BASE}/{initiative['id']}", 1

    def post(path: str, body: dict[str, Any], expect: int = 200) -> Any:
        nonlocal version
        response = api.client.post(
            url + path, json=body, headers=api.as_(Role.OFFICER, **{"If-Match": f'"{version}"'})
        )
        assert response.status_code == expect, response.text
        version = int(response.headers["etag"].strip('"'))
        return response.json()

    # When an officer records its milestones, pilots, deliverables, partners, KPIs and reports
    milestone = post(
        "/milestones", {"title": {"ar": "إطلاق", "en": "Launch"}, "planned_on": "2025-12"}, 201
    )
    post(f"/milestones/{milestone['id']}/complete", {"completed_on": "2026-01-10"})
    late = post(
        "/milestones", {"title": {"ar": "تقييم", "en": "Review"}, "planned_on": "2025-11"}, 201
    )
    pilot = post(
        "/pilots",
        {
            "organisation": {"ar": "العبيكان", "en": "Obeikan"},
            "description": {"ar": "تجربة", "en": "Pilot"},
            "region": "riyadh",
        },
        201,
    )
    post(f"/pilots/{pilot['id']}/evaluations/internal/complete", {"result": "passed"})
    post(f"/pilots/{pilot['id']}/evaluations/external/schedule", {"planned_on": "2026-03"})
    post(
        "/deliverables",
        {
            "kind": "translated_book",
            "title": {"ar": "كتاب", "en": "Book"},
            "description": {"ar": "ترجمة", "en": "Translation"},
        },
        201,
    )
    post(
        "/partnerships",
        {
            "partner": {"ar": "وزارة", "en": "Ministry"},
            "scope": "local",
            "description": {"ar": "لجنة", "en": "Committee"},
        },
        201,
    )
    kpi = post(
        "/kpis",
        {"name": {"ar": "أسر", "en": "Households"}, "unit": "households", "target": "4200000"},
        201,
    )
    post(f"/kpis/{kpi['id']}/measurements", {"period": "2025-Q4", "value": 1250})
    post(
        "/progress-reports",
        {"period": "2025-H2", "summary": {"ar": "تقدم", "en": "Progress"}, "percent_complete": 40},
    )

    # Then reading it shows everything, with what is overdue as of the clock
    whole = api.client.get(url, headers=api.as_(Role.JUDGE)).json()
    assert whole["version"] == version == 12
    overdue = {m["title"]["en"]: m["overdue"] for m in whole["milestones"]}
    assert overdue == {"Launch": False, "Review": True}
    assert whole["pilots"][0]["phase"] == "external_evaluation"
    assert whole["kpis"][0]["latest"] == {"period": "2025-Q4", "value": "1250"}
    assert whole["progress_reports"][0]["percent_complete"] == 40
    assert late["id"] in {m["id"] for m in whole["milestones"]}

    # And the report, from the read model, agrees
    api.catch_up()
    report = api.client.get("/api/v1/reports/initiatives", headers=api.as_(Role.OFFICER)).json()
    [row] = report["initiatives"]
    assert row["percent_milestones_done"] == 50.0
    assert [m["title"]["en"] for m in row["overdue_milestones"]] == ["Review"]
    assert row["pilots_by_phase"]["external_evaluation"] == 1
    assert row["latest_progress_report"]["period"] == "2025-H2"


def test_the_list_reflects_the_read_model(api: Api) -> None:
    for code in ("B-INIT", "A-INIT"):
        assert create(api, code).status_code == 201
    api.catch_up()
    page = api.client.get(BASE, params={"limit": 1}, headers=api.as_(Role.APPLICANT)).json()
    assert page["total"] == 2
    assert [i["code"] for i in page["items"]] == ["A-INIT"]


def test_as_of_shows_the_initiative_as_it_was(api: Api, clock: ManualClock) -> None:
    initiative = create(api).json()
    created_at = clock.now()
    clock.advance(timedelta(days=2))
    changed = api.client.post(
        f"{BASE}/{initiative['id']}/status",
        json={"status": "on_hold", "reason": "Budget review"},
        headers=api.as_(Role.OFFICER, **{"If-Match": '"1"'}),
    )
    assert changed.status_code == 200
    then = api.client.get(
        f"{BASE}/{initiative['id']}",
        params={"as_of": (created_at + timedelta(days=1)).isoformat()},
        headers=api.as_(Role.AUDITOR),
    ).json()
    now = api.client.get(f"{BASE}/{initiative['id']}", headers=api.as_(Role.AUDITOR)).json()
    assert (then["status"], then["version"]) == ("active", 1)
    assert (now["status"], now["version"]) == ("on_hold", 2)


def test_history_says_who_did_what_when_and_why(api: Api) -> None:
    initiative = create(api, **{"X-Request-ID": "req-create-1"}).json()
    api.client.post(
        f"{BASE}/{initiative['id']}/status",
        json={"status": "completed", "reason": "All milestones met"},
        headers=api.as_(Role.OFFICER, **{"If-Match": '"1"', "X-Request-ID": "req-close-1"}),
    )
    history = api.client.get(f"{BASE}/{initiative['id']}/history", headers=api.as_(Role.AUDITOR))
    assert history.status_code == 200
    first, second = history.json()
    assert (first["type"], first["correlation_id"]) == ("Registered", "req-create-1")
    assert first["actor_id"] == api.user_ids[Role.OFFICER]
    assert (second["type"], second["reason"]) == ("StatusChanged", "All milestones met")
    assert second["data"] == {"status": "completed"}


def test_an_idempotent_retry_returns_the_first_answer(api: Api) -> None:
    first = create(api, **{"Idempotency-Key": "create-ambassadors-1"})
    again = create(api, **{"Idempotency-Key": "create-ambassadors-1"})
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    plain_duplicate = create(api)
    assert plain_duplicate.status_code == 409
    assert plain_duplicate.json()["type"].endswith("/already-exists")
