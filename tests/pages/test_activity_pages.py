"""Activities to verify, on the desk."""

from __future__ import annotations

import re
import uuid

from domain.roles import Role
from tests.api.test_ambassadors_api import act, enrol
from tests.conftest import Api
from tests.pages.support import csrf_of, sign_in

EN = {"Accept-Language": "en"}
BASE = "/api/v1/ambassadors"


def test_an_officer_verifies_a_logged_activity_with_a_reason(api: Api) -> None:
    member = enrol(api, 70).json()["id"]
    _, version = act(api, f"{BASE}/{member}/approve", 1)
    body, _ = act(
        api,
        f"{BASE}/{member}/activities",
        version,
        {
            "kind": "workshop",
            "title": "Quality <at> home",
            "held_on": "2026-01-10",
            "participants": 40,
        },
        expect=201,
    )
    activity = body["activities"][-1]["id"]
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    page = api.client.get("/desk/activities", headers=EN)
    assert "Workshop: Quality &lt;at&gt; home" in page.text
    version_field = re.search(r'name="version" value="(\d+)"', page.text)
    assert version_field
    done = api.client.post(
        f"/desk/activities/{member}/{activity}",
        data={
            "decision": "verify",
            "version": version_field.group(1),
            "reason": "Photos and list seen",
            "_csrf_token": csrf_of(page.text),
        },
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    membership = api.registry.ambassadors.get(uuid.UUID(member))
    assert membership.points > 0
    api.catch_up()
    assert "No activity is waiting." in api.client.get("/desk/activities", headers=EN).text
