"""Professional licences through HTTP, on SQLite and PostgreSQL: Given / When / Then."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from domain.roles import Role
from registry.catalogue.loader import load_catalogue
from registry.clock import ManualClock
from registry.context import RequestContext
from tests.conftest import Api
from tests.people import national_id

BASE = "/api/v1/licences"
TECHNICAL, ADMINISTRATIVE = "QUALITY-TECHNICAL", "QUALITY-ADMINISTRATIVE"


def seed(api: Api) -> None:
    load_catalogue(api.registry, RequestContext.system())
    api.catch_up()


def application(seq: int, type_code: str = TECHNICAL, **overrides: object) -> dict[str, Any]:
    body: dict[str, Any] = {
        "national_id": national_id(seq, citizen=False),
        "name_ar": "خالد الحربي",
        "name_en": "Khalid Alharbi",
        "mobile": "+966501112233",
        "email": f"k{seq}@example.sa",
        "type_code": type_code,
        "qualifications": ["BSc Industrial Engineering"],
        "experience_years": 6,
        "evidence": ["https://example.sa/cert.pdf"],
    }
    body.update(overrides)
    return body


def apply(api: Api, seq: int, type_code: str = TECHNICAL, expect: int = 201) -> dict[str, Any]:
    response = api.client.post(f"{BASE}/applications", json=application(seq, type_code))
    assert response.status_code == expect, response.text
    return response.json()


def act(
    api: Api, url: str, version: int, body: dict[str, Any] | None = None, expect: int = 200
) -> tuple[dict[str, Any], int]:
    response = api.client.post(
        url,
        json=body or {"reason": "Per the licensing committee"},
        headers=api.as_(Role.OFFICER, **{"If-Match": f'"{version}"'}),
    )
    assert response.status_code == expect, response.text
    return response.json(), int(response.headers.get("etag", f'"{version}"').strip('"'))


def issued(api: Api, seq: int, type_code: str = TECHNICAL) -> tuple[dict[str, Any], int]:
    lid = apply(api, seq, type_code)["id"]
    _, version = act(
        api,
        f"{BASE}/{lid}/assessment",
        1,
        {"passed": True, "score": 84, "reason": "Passed the exam"},
    )
    return act(api, f"{BASE}/{lid}/issue", version)


def test_the_catalogue_seeds_one_licence_type_per_stage_and_officers_add_more(api: Api) -> None:
    seed(api)
    seed(api)
    types = api.client.get(f"{BASE}/types").json()
    assert [(t["code"], t["stage"]) for t in types] == [
        (TECHNICAL, "technical"),
        (ADMINISTRATIVE, "administrative"),
    ]
    created = api.client.post(
        f"{BASE}/types",
        headers=api.as_(Role.OFFICER),
        json={
            "code": "quality-auditor",
            "stage": "technical",
            "validity_years": 2,
            "cpd_hours": 20,
            "title": {"ar": "مدقق جودة", "en": "Quality auditor"},
        },
    )
    assert created.status_code == 201, created.text
    assert created.json()["code"] == "QUALITY-AUDITOR"
    again = api.client.post(
        f"{BASE}/types",
        headers=api.as_(Role.OFFICER),
        json={
            "code": "QUALITY-AUDITOR",
            "stage": "technical",
            "title": {"ar": "مدقق جودة", "en": "Quality auditor"},
        },
    )
    assert again.status_code == 409
    assert (
        api.client.post(f"{BASE}/types", headers=api.as_(Role.AUDITOR), json={}).status_code == 403
    )


def test_the_whole_life_of_a_technical_licence(api: Api, clock: ManualClock) -> None:
    seed(api)
    # Given an application with qualifications, experience and evidence
    received = apply(api, 1)
    assert received["status"] == "applied"
    url = f"{BASE}/{received['id']}"
    # When it passes the assessment and is issued
    body, version = act(
        api, f"{url}/assessment", 1, {"passed": True, "score": 84, "reason": "Passed the exam"}
    )
    assert (body["status"], body["assessment_score"]) == ("passed", 84)
    body, version = act(api, f"{url}/issue", version)
    # Then it has a number and a validity period
    number = body["number"]
    assert number.startswith("T-2026-")
    assert (body["valid_from"], body["valid_until"]) == ("2026-01-15", "2029-01-15")
    api.catch_up()
    check = api.client.get(f"/api/v1/verify/licences/{number}").json()
    assert check == {
        "number": number,
        "status": "valid",
        "holder_name_ar": "خالد الحربي",
        "holder_name_en": "Khalid Alharbi",
        "type_code": TECHNICAL,
        "type_title": {
            "ar": "الرخصة المهنية الفنية في مجالات الجودة",
            "en": "Professional technical licence in the areas of quality",
        },
        "stage": "technical",
        "valid_from": "2026-01-15",
        "valid_until": "2029-01-15",
    }
    # Suspension shows publicly; reinstatement restores it
    _, version = act(api, f"{url}/suspend", version)
    api.catch_up()
    assert api.client.get(f"/api/v1/verify/licences/{number}").json()["status"] == "suspended"
    _, version = act(api, f"{url}/reinstate", version)
    # Renewal needs the CPD hours and comes near expiry
    act(api, f"{url}/renew", version, {"cpd_hours": 30}, expect=409)
    clock.advance(timedelta(days=3 * 365 - 30))
    body, _ = act(api, f"{url}/renew", version, {"cpd_hours": 10}, expect=422)
    assert body["field"] == "cpd_hours"
    body, version = act(api, f"{url}/renew", version, {"cpd_hours": 35})
    assert body["valid_until"] == "2032-01-15"
    # Past its validity it reads expired at once, publicly too
    clock.advance(timedelta(days=3 * 365 + 60))
    api.catch_up()
    assert api.client.get(f"/api/v1/verify/licences/{number}").json()["status"] == "expired"
    body, version = act(api, f"{url}/expire", version)
    assert body["recorded_status"] == "expired"
    history = api.client.get(f"{url}/history", headers=api.as_(Role.AUDITOR)).json()
    assert [e["type"] for e in history] == [
        "Applied",
        "Assessed",
        "Issued",
        "Suspended",
        "Reinstated",
        "Renewed",
        "Expired",
    ]
    assert history[1]["reason"] == "Passed the exam"


def test_two_applicants_choosing_the_same_idempotency_key_get_their_own_applications(
    api: Api,
) -> None:
    seed(api)
    key = {"Idempotency-Key": "my-application"}
    first = api.client.post(f"{BASE}/applications", json=application(41), headers=key)
    other = api.client.post(f"{BASE}/applications", json=application(42), headers=key)
    assert (first.status_code, other.status_code) == (201, 201), other.text
    assert other.json()["id"] != first.json()["id"]
    assert first.json()["id"] not in other.text
    retry = api.client.post(f"{BASE}/applications", json=application(41), headers=key)
    assert (retry.status_code, retry.json()["id"]) == (201, first.json()["id"])


def test_revocation_is_final_and_public(api: Api) -> None:
    seed(api)
    body, version = issued(api, 2)
    body, version = act(
        api, f"{BASE}/{body['id']}/revoke", version, {"reason": "Falsified evidence"}
    )
    assert body["status"] == "revoked"
    act(api, f"{BASE}/{body['id']}/reinstate", version, expect=409)
    api.catch_up()
    assert api.client.get(f"/api/v1/verify/licences/{body['number']}").json()["status"] == "revoked"


def test_an_administrative_licence_requires_a_valid_technical_one(api: Api) -> None:
    seed(api)
    refused = api.client.post(f"{BASE}/applications", json=application(3, ADMINISTRATIVE))
    assert refused.status_code == 409
    assert "technical" in refused.json()["detail"]
    issued(api, 3)
    api.catch_up()
    body, _ = issued(api, 3, ADMINISTRATIVE)
    assert body["number"].startswith("A-")
    assert body["stage"] == "administrative"


def test_a_failed_application_may_be_made_again_but_an_open_one_not(api: Api) -> None:
    seed(api)
    lid = apply(api, 4)["id"]
    duplicate = api.client.post(f"{BASE}/applications", json=application(4))
    assert duplicate.status_code == 409
    act(api, f"{BASE}/{lid}/assessment", 1, {"passed": False, "reason": "Below the pass mark"})
    again = apply(api, 4)
    assert again["id"] == lid
    assert again["status"] == "applied"


def test_invalid_applications_name_every_field(api: Api) -> None:
    seed(api)
    response = api.client.post(
        f"{BASE}/applications",
        json=application(5, national_id="2000000000", mobile="123", qualifications=[], evidence=[]),
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["national_id", "mobile"]
    unknown = api.client.post(f"{BASE}/applications", json=application(5, type_code="NOPE"))
    assert unknown.status_code == 404
    empty = api.client.post(f"{BASE}/applications", json=application(5, qualifications=[]))
    assert empty.status_code == 422
    assert empty.json()["field"] == "qualifications"


def test_the_licences_report_counts_by_type_stage_status_and_lists_those_expiring(
    api: Api, clock: ManualClock
) -> None:
    seed(api)
    issued(api, 6)
    apply(api, 7)
    api.catch_up()
    report = api.client.get("/api/v1/reports/licences", headers=api.as_(Role.AUDITOR)).json()
    assert report["by_status"] == {"applied": 1, "issued": 1}
    assert report["by_stage"] == {"technical": {"applied": 1, "issued": 1}}
    assert report["expiring_within_90_days"] == []
    clock.advance(timedelta(days=3 * 365 - 60))
    soon = api.client.get("/api/v1/reports/licences", headers=api.as_(Role.AUDITOR)).json()
    assert [e["holder_name_ar"] for e in soon["expiring_within_90_days"]] == ["خالد الحربي"]
    csv = api.client.get(
        "/api/v1/reports/licences/export?format=csv", headers=api.as_(Role.OFFICER)
    )
    assert csv.headers["content-type"].startswith("text/csv")
    assert "QUALITY-TECHNICAL,technical,issued,1" in csv.text
    xlsx = api.client.get("/api/v1/reports/licences/export", headers=api.as_(Role.OFFICER))
    assert xlsx.content[:2] == b"PK"


def test_erasing_a_holder_keeps_the_licence_but_not_the_name(api: Api) -> None:
    seed(api)
    body, version = issued(api, 8)
    body, _ = act(api, f"{BASE}/{body['id']}/erase", version, {"reason": "PDPL request"})
    assert body["holder"] is None
    api.catch_up()
    check = api.client.get(f"/api/v1/verify/licences/{body['number']}").json()
    assert (check["status"], check["holder_name_ar"]) == ("valid", "محذوف")


def test_the_daily_run_records_the_expiry_of_licences_past_their_validity(
    api: Api, clock: ManualClock
) -> None:
    seed(api)
    body, _ = issued(api, 9)
    issued(api, 10)
    clock.advance(timedelta(days=3 * 365 + 5))
    api.catch_up()
    run = api.client.post(
        f"{BASE}/expire-due", json={"reason": "Daily expiry run"}, headers=api.as_(Role.OFFICER)
    )
    assert run.status_code == 200, run.text
    assert run.json() == {"expired": 2}
    seen = api.client.get(f"{BASE}/{body['id']}", headers=api.as_(Role.AUDITOR)).json()
    assert seen["recorded_status"] == "expired"
    api.catch_up()
    again = api.client.post(
        f"{BASE}/expire-due", json={"reason": "Daily expiry run"}, headers=api.as_(Role.OFFICER)
    )
    assert again.json() == {"expired": 0}
