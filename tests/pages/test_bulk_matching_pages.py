"""Bulk decisions on "all that match the filter" through the HTTP client (JavaScript off:
the form posts once and the server decides for every member the filters match)."""

from __future__ import annotations

import uuid

from domain.roles import Role
from tests.conftest import Api
from tests.pages.support import csrf_of, sign_in
from tests.people import enrolment

EN = {"Accept-Language": "en"}


def enrol(api: Api, seq: int, **overrides: object) -> str:
    response = api.client.post("/api/v1/ambassadors", json=enrolment(seq, **overrides))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_approving_all_pending_members_of_a_region_leaves_the_others(api: Api) -> None:
    riyadh = [enrol(api, 80 + i) for i in range(3)]
    makkah = enrol(api, 90, region="makkah", city="Jeddah")
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    listing = api.client.get("/desk/ambassadors?status=pending&region=riyadh", headers=EN)
    assert "All 3 members matching these filters" in listing.text
    response = api.client.post(
        "/desk/ambassadors/bulk",
        data={
            "scope": "matching",
            "status": "pending",
            "region": "riyadh",
            "action": "approve",
            "reason": "Riyadh batch checked",
            "_csrf_token": csrf_of(listing.text),
        },
        headers=EN,
    )
    assert response.status_code == 200
    assert "3 of 3 members: done." in response.text
    assert response.text.count('data-ok="yes"') == 3
    for member in riyadh:
        assert str(api.registry.ambassadors.get(uuid.UUID(member)).status) == "active"
    assert str(api.registry.ambassadors.get(uuid.UUID(makkah)).status) == "pending"
    # The list's ids, as site.js asks for them, now match no one (they were all approved).
    api.catch_up()
    ids = api.client.get("/desk/ambassadors/matching-ids?status=pending&region=riyadh")
    assert ids.json() == {"ids": []}
    assert api.client.get("/desk/ambassadors/matching-ids?status=pending").json() == {
        "ids": [makkah]
    }


def test_all_matching_without_a_reason_changes_nobody(api: Api) -> None:
    members = [enrol(api, 95 + i) for i in range(2)]
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    csrf = csrf_of(api.client.get("/desk/ambassadors", headers=EN).text)
    response = api.client.post(
        "/desk/ambassadors/bulk",
        data={"scope": "matching", "action": "approve", "reason": " ", "_csrf_token": csrf},
        headers=EN,
    )
    assert response.status_code == 422
    assert 'href="#f-reason"' in response.text
    assert all(api.registry.ambassadors.get(uuid.UUID(m)).version == 1 for m in members)


def test_an_auditor_cannot_act_on_all_matching(api: Api) -> None:
    enrol(api, 99)
    api.catch_up()
    sign_in(api.client, api.registry, Role.AUDITOR)
    listing = api.client.get("/desk/ambassadors", headers=EN)
    assert "members matching these filters" not in listing.text
    assert api.client.get("/desk/ambassadors/matching-ids").status_code == 403
