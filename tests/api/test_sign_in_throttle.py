"""Sign-in can no longer be guessed at full speed (issue 10 §6), on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import timedelta

from domain.roles import Role
from registry.clock import ManualClock
from tests.api.test_bad_input import assert_problem
from tests.conftest import TEST_PASSWORD, Api, add_user

URL = "/api/v1/auth/token"


def refused(api: Api, reason: str) -> float:
    text = api.client.get("/metrics").text
    match = re.search(rf'^nqs_sign_in_refused_total\{{reason="{reason}"\}} (\S+)$', text, re.M)
    return float(match.group(1)) if match else 0.0


def test_wrong_passwords_in_a_row_are_slowed_down_with_retry_after(
    api: Api, clock: ManualClock
) -> None:
    add_user(api.registry, "officer-amal", Role.OFFICER)
    wrong_before = refused(api, "wrong_credentials")
    throttled_before = refused(api, "throttled_username") + refused(api, "throttled_address")
    statuses = []
    for n in range(12):
        response = api.client.post(URL, data={"username": "officer-amal", "password": f"x{n}" * 7})
        statuses.append(response.status_code)
    # A few honest typos are free; then every attempt must wait, the password unchecked.
    assert statuses[:4] == [401] * 4 and set(statuses[4:]) == {429}
    problem = assert_problem(response, 429)
    assert problem["type"].endswith("/too-many-sign-ins")
    wait = int(response.headers["retry-after"])
    assert 1 <= wait <= 30
    # Even the right password waits from this address until the delay is over ...
    right = {"username": "officer-amal", "password": TEST_PASSWORD}
    assert api.client.post(URL, data=right).status_code == 429
    clock.advance(timedelta(seconds=wait))
    # ... and then gets in.
    signed_in = api.client.post(URL, data=right)
    assert signed_in.status_code == 200, signed_in.text
    assert signed_in.json()["access_token"]
    # Refusals are counted by reason, and the metrics never carry a password or a username.
    assert refused(api, "wrong_credentials") == wrong_before + 4
    throttled = refused(api, "throttled_username") + refused(api, "throttled_address")
    assert throttled == throttled_before + 9
    metrics = api.client.get("/metrics").text
    assert "officer-amal" not in metrics and "x0x0" not in metrics
