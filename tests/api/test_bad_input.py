"""Bad input gets a precise 4xx problem naming the field, never a 500 and never a write."""

from __future__ import annotations

from typing import Any

import pytest

from domain.roles import Role
from tests.conftest import Api

BASE = "/api/v1/initiatives"
VALID = {
    "code": "AMBASSADORS",
    "title": {"ar": "سفراء", "en": "Ambassadors"},
    "aim": {"ar": "هدف", "en": "Aim"},
    "owner": "Office",
}


def events(api: Api) -> int:
    return api.registry.runner.head()


def assert_problem(response: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["type"].startswith("https://")
    assert body["title"] and body["title_ar"]
    assert "Traceback" not in response.text
    if field is not None:
        assert body["field"] == field, body
        assert all(e["message"] and e["message_ar"] for e in body["errors"])
    return body


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"code": "has spaces"}, "code"),
        ({"code": 42}, "code"),
        ({"owner": "x" * 201}, "owner"),
        ({"title": {"ar": "", "en": "T"}}, "title.ar"),
        ({"title": {"ar": "ع"}}, "title.en"),
        ({"title": "not an object"}, "title"),
        ({"status": "flying"}, "status"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_fields_are_named(api: Api, change: dict[str, Any], field: str) -> None:
    headers = api.as_(Role.OFFICER)
    before = events(api)
    response = api.client.post(BASE, json={**VALID, **change}, headers=headers)
    assert_problem(response, 422 if field == "title.ar" else 400, field)
    assert events(api) == before


def test_malformed_json_is_a_400(api: Api) -> None:
    response = api.client.post(
        BASE,
        content=b'{"code": ',
        headers=api.as_(Role.OFFICER, **{"Content-Type": "application/json"}),
    )
    assert_problem(response, 400)


def test_an_oversized_body_is_a_413(api: Api) -> None:
    huge = {**VALID, "owner": "x" * (2 * 1024 * 1024)}
    response = api.client.post(BASE, json=huge, headers=api.as_(Role.OFFICER))
    assert_problem(response, 413)


def test_out_of_range_values_are_refused(api: Api) -> None:
    created = api.client.post(BASE, json=VALID, headers=api.as_(Role.OFFICER)).json()
    url = f"{BASE}/{created['id']}/progress-reports"
    body = {"period": "2021-H1", "summary": {"ar": "ت", "en": "S"}, "percent_complete": 140}
    response = api.client.post(url, json=body, headers=api.as_(Role.OFFICER, **{"If-Match": '"1"'}))
    problem = assert_problem(response, 400, "percent_complete")
    assert "100" in problem["errors"][0]["message"]
    bad_period = {**body, "percent_complete": 10, "period": "2021-H3"}
    response = api.client.post(
        url, json=bad_period, headers=api.as_(Role.OFFICER, **{"If-Match": '"1"'})
    )
    assert_problem(response, 400, "period")
    negative = api.client.post(
        f"{BASE}/{created['id']}/kpis",
        json={"name": {"ar": "م", "en": "K"}, "unit": "n", "target": "-5"},
        headers=api.as_(Role.OFFICER, **{"If-Match": '"1"'}),
    )
    assert_problem(negative, 422, "target")


def test_changes_need_if_match_and_a_stale_one_writes_nothing(api: Api) -> None:
    created = api.client.post(BASE, json=VALID, headers=api.as_(Role.OFFICER)).json()
    url = f"{BASE}/{created['id']}/milestones"
    body = {"title": {"ar": "م", "en": "M"}}
    missing = api.client.post(url, json=body, headers=api.as_(Role.OFFICER))
    assert_problem(missing, 428, "If-Match")
    garbage = api.client.post(url, json=body, headers=api.as_(Role.OFFICER, **{"If-Match": "soon"}))
    assert_problem(garbage, 400, "If-Match")
    ok = api.client.post(url, json=body, headers=api.as_(Role.OFFICER, **{"If-Match": '"1"'}))
    assert ok.status_code == 201
    before = events(api)
    stale = api.client.post(url, json=body, headers=api.as_(Role.OFFICER, **{"If-Match": '"1"'}))
    problem = assert_problem(stale, 412)
    assert (problem["expected_version"], problem["current_version"]) == (1, 2)
    assert events(api) == before


def test_decisions_without_a_reason_are_refused(api: Api) -> None:
    created = api.client.post(BASE, json=VALID, headers=api.as_(Role.OFFICER)).json()
    response = api.client.post(
        f"{BASE}/{created['id']}/status",
        json={"status": "on_hold", "reason": "   "},
        headers=api.as_(Role.OFFICER, **{"If-Match": '"1"'}),
    )
    assert_problem(response, 422, "reason")


def test_bad_path_and_query_values_are_4xx(api: Api) -> None:
    headers = api.as_(Role.OFFICER)
    assert_problem(api.client.get(f"{BASE}/not-a-uuid", headers=headers), 404)
    assert_problem(api.client.get(BASE, params={"limit": 0}, headers=headers), 400, "limit")
    unknown = "00000000-0000-0000-0000-000000000000"
    assert_problem(api.client.get(f"{BASE}/{unknown}", headers=headers), 404)
    as_of = api.client.get(f"{BASE}/{unknown}", params={"as_of": "yesterday"}, headers=headers)
    assert_problem(as_of, 400, "as_of")
    stage = api.client.post(
        f"{BASE}/{unknown}/pilots/{unknown}/evaluations/sideways/schedule",
        json={"planned_on": "2021-03"},
        headers=api.as_(Role.OFFICER, **{"If-Match": '"1"'}),
    )
    assert_problem(stage, 400, "stage")


def test_an_idempotency_key_reused_for_another_body_is_refused(api: Api) -> None:
    headers = api.as_(Role.OFFICER, **{"Idempotency-Key": "k-42"})
    assert api.client.post(BASE, json=VALID, headers=headers).status_code == 201
    other = {**VALID, "owner": "Someone else"}
    assert_problem(api.client.post(BASE, json=other, headers=headers), 422, "Idempotency-Key")


TOO_BIG = "9223372036854775808"  # one past the largest BIGINT


@pytest.mark.parametrize(
    ("path", "role", "parameter"),
    [
        ("/api/v1/licences", Role.OFFICER, "offset"),
        ("/api/v1/applications", Role.OFFICER, "offset"),
        ("/api/v1/organisations", Role.OFFICER, "offset"),
        ("/api/v1/users", Role.ADMIN, "offset"),
        ("/api/v1/initiatives", Role.OFFICER, "offset"),
        ("/api/v1/ambassadors", Role.OFFICER, "offset"),
        ("/api/v1/ambassadors/activities", Role.OFFICER, "offset"),
        ("/api/v1/licences", Role.OFFICER, "limit"),
        ("/api/v1/audit/checkpoints", None, "after"),
    ],
)
def test_numbers_past_any_column_are_a_400_naming_the_parameter(
    api: Api, path: str, role: Role | None, parameter: str
) -> None:
    headers = api.as_(role) if role else {}
    response = api.client.get(f"{path}?{parameter}={TOO_BIG}", headers=headers)
    assert_problem(response, 400, parameter)
    # The largest value that is still allowed is answered, not refused.
    largest = {"offset": "10000000", "limit": "200", "after": str(2**63 - 1)}[parameter]
    assert api.client.get(f"{path}?{parameter}={largest}", headers=headers).status_code == 200
