"""Quality ambassadors through HTTP, on SQLite and PostgreSQL: Given / When / Then."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

from domain.roles import Role
from registry.clock import ManualClock
from tests.conftest import Api
from tests.people import enrolment, national_id

BASE = "/api/v1/ambassadors"


def enrol(api: Api, seq: int, **overrides: object) -> Any:
    return api.client.post(BASE, json=enrolment(seq, **overrides))


def act(
    api: Api, url: str, version: int, body: dict[str, Any] | None = None, expect: int = 200
) -> tuple[dict[str, Any], int]:
    response = api.client.post(
        url,
        json=body if body is not None else {"reason": "Reviewed by the programme office"},
        headers=api.as_(Role.OFFICER, **{"If-Match": f'"{version}"'}),
    )
    assert response.status_code == expect, response.text
    return response.json(), int(response.headers.get("etag", f'"{version}"').strip('"'))


def member(api: Api, membership_id: str) -> dict[str, Any]:
    response = api.client.get(f"{BASE}/{membership_id}", headers=api.as_(Role.OFFICER))
    assert response.status_code == 200, response.text
    return response.json()


def counts(api: Api) -> dict[str, int]:
    api.catch_up()
    report = api.client.get("/api/v1/reports/membership", headers=api.as_(Role.OFFICER))
    assert report.status_code == 200, report.text
    return report.json()["by_status"]


def test_anyone_enrols_without_signing_in_and_staff_see_the_person(api: Api) -> None:
    # When a member of the public enrols
    created = enrol(api, 1, mobile="055 123 4567")
    # Then they get their membership id and status, and nothing personal echoed back
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["status"] == "pending"
    assert created.headers["etag"] == '"1"'
    assert national_id(1) not in created.text
    assert "Mohammed" not in created.text
    assert national_id(1) not in created.headers["location"]
    # And an officer sees the person, with the ID number masked and the mobile normalised
    seen = member(api, body["id"])
    assert seen["person"]["national_id"] == "******" + national_id(1)[-4:]
    assert seen["person"]["mobile"] == "+966551234567"
    assert seen["person"]["name_ar"] == "محمد عبدالله"


def test_each_invalid_field_is_named_in_arabic_and_english(api: Api) -> None:
    response = enrol(
        api, 2, national_id="1000000001", mobile="0412345678", region="Gotham", email="nobody"
    )
    assert response.status_code == 422
    problem = response.json()
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in problem["errors"]] == ["national_id", "mobile", "email", "region"]
    assert all(e["message"] and e["message_ar"] for e in problem["errors"])
    assert "1000000001" not in response.text


def test_a_malformed_body_is_a_400_naming_the_field(api: Api) -> None:
    response = api.client.post(BASE, json={**enrolment(3), "favourite_colour": "green"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "favourite_colour"


def test_enrolling_twice_is_a_409_that_reveals_nobody(api: Api) -> None:
    first = enrol(api, 4)
    assert first.status_code == 201
    # When someone enrols the same ID number again, with other details
    again = enrol(api, 4, name_ar="شخص آخر", email="other@example.sa", region="makkah")
    # Then it is refused, and the refusal shows nothing about the first membership
    assert again.status_code == 409
    assert again.json()["field"] == "national_id"
    assert first.json()["id"] not in again.text
    assert "محمد" not in again.text
    assert "person4" not in again.text


def test_a_retried_enrolment_with_the_same_idempotency_key_gets_the_first_answer(api: Api) -> None:
    first = api.client.post(BASE, json=enrolment(5), headers={"Idempotency-Key": "form-5"})
    retry = api.client.post(BASE, json=enrolment(5), headers={"Idempotency-Key": "form-5"})
    assert first.status_code == retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]


def test_strangers_choosing_the_same_idempotency_key_never_meet(api: Api) -> None:
    """Anonymous callers share one key space: the key is theirs together with the body."""
    key = {"Idempotency-Key": "1"}
    first = api.client.post(BASE, json=enrolment(21), headers=key)
    assert first.status_code == 201, first.text
    # When a stranger enrols another person under the same key
    other = api.client.post(BASE, json=enrolment(22), headers=key)
    # Then that is a separate enrolment, whose answer tells nothing of the first one
    assert other.status_code == 201, other.text
    assert other.json()["id"] != first.json()["id"]
    assert first.json()["id"] not in other.text
    # When someone sends the first person's ID number with other details under that key
    lookalike = api.client.post(BASE, json=enrolment(21, email="else@example.sa"), headers=key)
    # Then it is judged on its own (the person is enrolled already): no replay, nothing shown
    assert lookalike.status_code == 409, lookalike.text
    assert first.json()["id"] not in lookalike.text
    # And only the very same body replays the first answer
    retry = api.client.post(BASE, json=enrolment(21), headers=key)
    assert (retry.status_code, retry.json()["id"]) == (201, first.json()["id"])


def test_the_whole_life_of_a_membership(api: Api, clock: ManualClock) -> None:
    # Given a pending membership
    mid = enrol(api, 6).json()["id"]
    url, version = f"{BASE}/{mid}", 1
    assert counts(api) == {"pending": 1}

    # When an officer approves it, it is active for a year with a verification code
    body, version = act(api, f"{url}/approve", version)
    assert body["status"] == "active"
    assert body["expires_on"] == "2027-01-15"
    assert len(body["verification_code"]) == 10
    assert counts(api) == {"active": 1}

    # Suspension and reinstatement are decisions with reasons
    _, version = act(api, f"{url}/suspend", version)
    assert member(api, mid)["status"] == "suspended"
    _, version = act(api, f"{url}/reinstate", version)

    # Renewal is refused more than 90 days before expiry
    act(api, f"{url}/renew", version, expect=409)

    # A year later the membership reads as expired before anyone records it
    clock.advance(timedelta(days=370))
    seen = member(api, mid)
    assert (seen["status"], seen["recorded_status"]) == ("expired", "active")
    assert counts(api) == {"expired": 1}

    # The daily run records the expiry
    run = api.client.post(
        f"{BASE}/expire-due", json={"reason": "Daily expiry run"}, headers=api.as_(Role.OFFICER)
    )
    assert run.json() == {"expired": 1}
    version += 1
    assert member(api, mid)["recorded_status"] == "expired"

    # Renewing a lapsed membership starts a new year from today
    body, version = act(api, f"{url}/renew", version)
    assert body["status"] == "active"
    assert body["expires_on"] == "2028-01-20"

    # And withdrawal ends it; every step is in the history with who and why
    _, version = act(api, f"{url}/withdraw", version)
    history = api.client.get(f"{url}/history", headers=api.as_(Role.AUDITOR)).json()
    assert [e["type"] for e in history] == [
        "Enrolled",
        "Approved",
        "Suspended",
        "Reinstated",
        "Expired",
        "Renewed",
        "Withdrawn",
    ]
    assert history[0]["actor_role"] == "public"
    assert all(e["actor_role"] == "officer" for e in history[1:5])
    assert history[1]["reason"] == "Reviewed by the programme office"
    assert national_id(6) not in str(history)
    assert counts(api) == {"withdrawn": 1}


def test_a_pending_membership_can_be_rejected_but_not_suspended(api: Api) -> None:
    mid = enrol(api, 7).json()["id"]
    act(api, f"{BASE}/{mid}/suspend", 1, expect=409)
    body, _ = act(api, f"{BASE}/{mid}/reject", 1)
    assert body["status"] == "rejected"


def test_decisions_need_a_reason_and_the_current_version(api: Api) -> None:
    mid = enrol(api, 8).json()["id"]
    no_reason = api.client.post(
        f"{BASE}/{mid}/approve",
        json={"reason": "  "},
        headers=api.as_(Role.OFFICER, **{"If-Match": '"1"'}),
    )
    assert no_reason.status_code == 422
    assert no_reason.json()["field"] == "reason"
    stale = api.client.post(
        f"{BASE}/{mid}/approve",
        json={"reason": "ok"},
        headers=api.as_(Role.OFFICER, **{"If-Match": '"7"'}),
    )
    assert stale.status_code == 412
    missing = api.client.post(
        f"{BASE}/{mid}/approve", json={"reason": "ok"}, headers=api.as_(Role.OFFICER)
    )
    assert missing.status_code == 428
    assert (
        api.client.post(
            f"{BASE}/{mid}/approve", json={"reason": "ok"}, headers={"If-Match": '"1"'}
        ).status_code
        == 401
    )


def test_officers_approve_in_bulk_with_one_reason_and_per_item_results(api: Api) -> None:
    ids = [enrol(api, 10 + i).json()["id"] for i in range(3)]
    act(api, f"{BASE}/{ids[0]}/reject", 1)
    unknown = "00000000-0000-4000-8000-000000000000"
    response = api.client.post(
        f"{BASE}/bulk/approve",
        json={"ids": [*ids, unknown], "reason": "Batch of March"},
        headers=api.as_(Role.OFFICER),
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["succeeded"], result["failed"]) == (2, 2)
    outcomes = {item["id"]: item for item in result["items"]}
    assert outcomes[ids[0]]["error"] == "invalid-transition"
    assert outcomes[unknown]["error"] == "not-found"
    assert outcomes[ids[1]]["status"] == "active"
    assert counts(api) == {"active": 2, "rejected": 1}
    assert member(api, ids[2])["verification_code"] != member(api, ids[1])["verification_code"]


def test_a_track_change_has_its_own_approval_and_moves_the_counts(api: Api) -> None:
    mid = enrol(api, 20).json()["id"]
    _, version = act(api, f"{BASE}/{mid}/approve", 1)
    # An expert needs qualifications and evidence
    missing, _ = act(
        api,
        f"{BASE}/{mid}/track-change",
        version,
        {"track": "expert", "sector": "health"},
        expect=422,
    )
    assert [e["field"] for e in missing["errors"]] == ["qualifications", "evidence"]
    body, version = act(
        api,
        f"{BASE}/{mid}/track-change",
        version,
        {
            "track": "expert",
            "sector": "health",
            "qualifications": ["CQE (ASQ)"],
            "evidence": ["https://example.sa/cv.pdf"],
        },
    )
    assert body["track"] == "general"
    assert body["pending_track_change"]["track"] == "expert"
    body, version = act(api, f"{BASE}/{mid}/track-change/approve", version)
    assert (body["track"], body["sector"], body["pending_track_change"]) == (
        "expert",
        "health",
        None,
    )
    api.catch_up()
    report = api.client.get("/api/v1/reports/membership", headers=api.as_(Role.AUDITOR)).json()
    assert report["by_track"] == {"expert": 1}


def test_verified_activities_earn_points_and_a_place_on_the_leaderboard(api: Api) -> None:
    first = enrol(api, 30, region="asir").json()["id"]
    second = enrol(api, 31, region="asir", name_ar="نورة").json()["id"]
    versions = {}
    for mid in (first, second):
        _, versions[mid] = act(api, f"{BASE}/{mid}/approve", 1)

    def log(mid: str, kind: str) -> str:
        body, versions[mid] = act(
            api,
            f"{BASE}/{mid}/activities",
            versions[mid],
            {
                "kind": kind,
                "title": "Quality at home",
                "held_on": "2026-01-10",
                "participants": 40,
            },
            expect=201,
        )
        return body["activities"][-1]["id"]

    workshop = log(first, "workshop")
    campaign = log(second, "campaign")
    volunteering = log(second, "volunteering")
    api.catch_up()
    queue = api.client.get(f"{BASE}/activities", headers=api.as_(Role.OFFICER)).json()
    assert len(queue) == 3

    body, versions[first] = act(
        api, f"{BASE}/{first}/activities/{workshop}/verify", versions[first]
    )
    assert body["points"] == 20
    _, versions[second] = act(
        api, f"{BASE}/{second}/activities/{campaign}/verify", versions[second]
    )
    _, versions[second] = act(
        api, f"{BASE}/{second}/activities/{volunteering}/reject", versions[second]
    )
    act(api, f"{BASE}/{second}/activities/{volunteering}/verify", versions[second], expect=409)

    api.catch_up()
    board = api.client.get(f"{BASE}/leaderboard?region=asir", headers=api.as_(Role.OFFICER)).json()
    assert [(row["name_ar"], row["points"]) for row in board] == [
        ("محمد عبدالله", 20),
        ("نورة", 15),
    ]
    assert (
        api.client.get(f"{BASE}/leaderboard?region=jazan", headers=api.as_(Role.OFFICER)).json()
        == []
    )


def test_an_activity_in_the_future_or_of_a_pending_member_is_refused(api: Api) -> None:
    mid = enrol(api, 32).json()["id"]
    act(
        api,
        f"{BASE}/{mid}/activities",
        1,
        {"kind": "workshop", "title": "x", "held_on": "2026-01-10"},
        expect=409,
    )
    _, version = act(api, f"{BASE}/{mid}/approve", 1)
    body, _ = act(
        api,
        f"{BASE}/{mid}/activities",
        version,
        {"kind": "workshop", "title": "x", "held_on": "2026-02-10"},
        expect=422,
    )
    assert body["field"] == "held_on"


def test_erasure_destroys_the_personal_data_but_no_count(api: Api) -> None:
    # Given an approved member and another pending one
    mid = enrol(api, 40).json()["id"]
    enrol(api, 41)
    body, version = act(api, f"{BASE}/{mid}/approve", 1)
    code = body["verification_code"]
    before = counts(api)

    # When their personal data is erased on request
    body, _ = act(api, f"{BASE}/{mid}/erase", version, {"reason": "PDPL request 2026/17"})

    # Then the record stays, the person is gone, and every count is unchanged
    assert body["erased"] is True
    assert body["person"] is None
    assert body["status"] == "active"
    assert counts(api) == before == {"active": 1, "pending": 1}
    listing = api.client.get(f"{BASE}?status=active", headers=api.as_(Role.OFFICER)).json()
    assert listing["items"][0]["name_ar"] == "محذوف"
    check = api.client.get(f"/api/v1/verify/ambassadors/{code}").json()
    assert check["name_ar"] == "محذوف"
    certificate = api.client.get(f"{BASE}/{mid}/certificate", headers=api.as_(Role.OFFICER))
    assert certificate.status_code == 409
    # And the erasure itself is on the record, with who and why
    history = api.client.get(f"{BASE}/{mid}/history", headers=api.as_(Role.AUDITOR)).json()
    assert history[-1]["type"] == "PersonalDataErased"
    assert history[-1]["reason"] == "PDPL request 2026/17"


def test_the_certificate_is_a_pdf_and_its_code_verifies_publicly(api: Api, tmp_path: Path) -> None:
    mid = enrol(api, 50).json()["id"]
    pending = api.client.get(f"{BASE}/{mid}/certificate", headers=api.as_(Role.OFFICER))
    assert pending.status_code == 409
    body, _ = act(api, f"{BASE}/{mid}/approve", 1)
    pdf = api.client.get(f"{BASE}/{mid}/certificate", headers=api.as_(Role.OFFICER))
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    text = pdf_text(pdf.content, tmp_path)
    for words in (
        "شهادة عضوية",
        "محمد عبدالله",
        "Certificate of Membership",
        "Mohammed Abdullah",
        f"Verification code: {body['verification_code']}",
    ):
        assert words in text, words
    api.catch_up()
    check = api.client.get(f"/api/v1/verify/ambassadors/{body['verification_code'].lower()}")
    assert check.status_code == 200
    assert check.json() == {
        "code": body["verification_code"],
        "name_ar": "محمد عبدالله",
        "name_en": "Mohammed Abdullah",
        "status": "active",
        "status_ar": "نشطة",
    }
    assert api.client.get("/api/v1/verify/ambassadors/NOSUCHCODE").status_code == 404


def test_an_officer_finds_a_member_by_id_number_sent_in_the_body(api: Api) -> None:
    mid = enrol(api, 60).json()["id"]
    found = api.client.post(
        f"{BASE}/lookup", json={"national_id": national_id(60)}, headers=api.as_(Role.OFFICER)
    )
    assert found.json()["id"] == mid
    missing = api.client.post(
        f"{BASE}/lookup", json={"national_id": national_id(61)}, headers=api.as_(Role.OFFICER)
    )
    assert missing.status_code == 404
    assert (
        api.client.post(
            f"{BASE}/lookup", json={"national_id": national_id(60)}, headers=api.as_(Role.JUDGE)
        ).status_code
        == 403
    )


def test_staff_list_members_by_status_with_totals(api: Api) -> None:
    for seq in range(70, 74):
        enrol(api, seq, region="tabuk" if seq % 2 else "hail")
    api.catch_up()
    page = api.client.get(
        f"{BASE}?status=pending&region=tabuk&limit=1", headers=api.as_(Role.AUDITOR)
    ).json()
    assert page["total"] == 2
    assert len(page["items"]) == 1
    assert page["items"][0]["region"] == "tabuk"


def test_the_membership_report_shows_progress_toward_targets_and_exports(api: Api) -> None:
    for seq in (80, 81, 82):
        mid = enrol(api, seq, region="najran").json()["id"]
        act(api, f"{BASE}/{mid}/approve", 1)
    target = api.client.put(
        f"{BASE}/targets/najran",
        json={"target": 12, "reason": "Plan 2026"},
        headers=api.as_(Role.OFFICER),
    )
    assert target.status_code == 200, target.text
    api.catch_up()
    report = api.client.get("/api/v1/reports/membership", headers=api.as_(Role.OFFICER)).json()
    najran = next(r for r in report["regional_progress"] if r["region"] == "najran")
    assert (najran["active"], najran["target"], najran["percent"]) == (3, 12, 25.0)
    assert report["national_progress"]["target"] == 4_200_000
    assert report["enrolments_per_month"] == [{"month": "2026-01", "count": 3}]
    csv = api.client.get(
        "/api/v1/reports/membership/export?format=csv&table=progress", headers=api.as_(Role.OFFICER)
    )
    assert "najran,Najran,نجران,3,12,25.0" in csv.content.decode("utf-8-sig")
    xlsx = api.client.get(
        "/api/v1/reports/membership/export?format=xlsx", headers=api.as_(Role.OFFICER)
    )
    assert xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert xlsx.content[:2] == b"PK"


def pdf_text(content: bytes, folder: Path) -> str:
    """The PDF's text as poppler reads it back (shaped Arabic comes back as letters)."""
    path = folder / "document.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
