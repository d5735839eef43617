"""A read model that cannot apply an event stops there, visibly, and holds no one else back.

The poison: the users read model is made to write one account's username with a NUL
byte — on PostgreSQL the driver's own refusal (``text fields cannot contain NUL``),
the failure issue 10 saw; SQLite accepts NUL, so there the handler refuses it alike.
"""

from __future__ import annotations

import copy
import re
import time
from collections.abc import Callable
from typing import Any
from uuid import UUID

import pytest
from click.testing import CliRunner

from domain.roles import Role
from domain.users import User
from projections import runner as runner_module
from registry.cli import main
from registry.settings import Settings
from tests.conftest import Api, add_user


def poison_users_read_model(api: Api, victim: UUID) -> Any:
    """Makes the users read model unable to apply ``victim``'s registration; returns the
    original handler."""
    projection = api.registry.runner.projections["users"]
    original = projection._handlers[User.Registered]
    postgres = api.registry.settings.database.kind == "postgres"

    def registered(cur: Any, event: Any) -> None:
        if event.originator_id == victim:
            if not postgres:
                msg = "text fields cannot contain NUL (0x00) bytes"
                raise ValueError(msg)
            # The database refuses it for real, inside the pipelined batch.
            event = copy.copy(event)
            object.__setattr__(event, "username", event.username + "\x00")
        original(cur, event)

    projection._handlers[User.Registered] = registered
    return original


def until(done: Callable[[], bool], api: Api, timeout: float = 10.0) -> None:
    """Runs the worker's loop (catch up, pause) until ``done``, within ``timeout``."""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, "timed out"
        api.registry.runner.catch_up()
        time.sleep(0.05)


def notification_of(api: Api, aggregate_id: UUID) -> int:
    for n in api.registry.app.recorder.select_notifications(start=1, limit=1000):
        if n.originator_id == aggregate_id:
            return int(n.id)
    msg = "no such event"
    raise AssertionError(msg)


def status_output(settings: Settings) -> tuple[int, str]:
    config = settings.database
    url = (
        f"sqlite:///{config.path}"
        if config.kind == "sqlite"
        else f"postgresql://{config.user}@{config.host}:{config.port}/{config.dbname}"
    )
    env = {"NQS_DATABASE_URL": url, "NQS_DATA_DIR": str(settings.data_dir)}
    result = CliRunner().invoke(main, ["projections", "status"], env=env)
    return result.exit_code, result.output


def test_a_read_model_stops_at_the_event_it_cannot_apply_and_says_so(
    api: Api, store: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runner_module, "STALL_PAUSE_SECONDS", (0.4, 5.0))
    runner = api.registry.runner
    add_user(api.registry, "before", Role.OFFICER)
    victim = add_user(api.registry, "victim", Role.OFFICER)
    add_user(api.registry, "after", Role.OFFICER)
    original = poison_users_read_model(api, victim.id)
    poisoned_at = notification_of(api, victim.id)
    officer = api.as_(Role.OFFICER)  # one more account, after the poisoned one

    runner.catch_up()  # no exception: the failure is recorded, not thrown

    # The users read model stands just before the event; the others went on to the head.
    positions = runner.positions()
    head = runner.head()
    assert positions["users"] == poisoned_at - 1
    assert all(p == head for name, p in positions.items() if name != "users")
    stall = runner.stalls()["users"]
    assert stall.position == poisoned_at and stall.attempts == 1
    assert "NUL" in stall.error

    # It waits out its pause before trying again, then doubles it.
    runner.catch_up()
    assert runner.stalls()["users"].attempts == 1
    until(lambda: runner.stalls()["users"].attempts == 2, api)
    second = runner.stalls()["users"]
    assert second.attempts == 2 and second.since == stall.since
    assert (second.retry_at - stall.retry_at).total_seconds() > 0.4

    # New events keep reaching the other read models.
    api.client.post(
        "/api/v1/initiatives",
        json={
            "code": "AFTER-THE-POISON",
            "title": {"ar": "بعد", "en": "After"},
            "aim": {"ar": "هدف", "en": "Aim"},
            "owner": "Executive office",
        },
        headers=officer,
    )
    runner.catch_up()
    assert runner.positions()["initiatives"] == runner.head() > head
    assert runner.positions()["users"] == poisoned_at - 1

    health = api.client.get("/health")
    assert health.status_code == 200  # it can still take writes: degraded, not down
    body = health.json()
    assert body["status"] == "degraded"
    assert body["checks"]["read_models"] == "stopped"
    stopped = body["projections"]["users"]["stopped"]
    assert stopped["at_event"] == poisoned_at
    assert "NUL" in stopped["error"]
    assert "stopped" not in body["projections"]["initiatives"]

    metrics = api.client.get("/metrics").text
    assert 'nqs_projection_stopped{projection="users"} 1.0' in metrics
    assert 'nqs_projection_stopped{projection="initiatives"} 0.0' in metrics
    assert f'nqs_projection_stopped_at_event{{projection="users"}} {float(poisoned_at)}' in metrics

    exit_code, output = status_output(store)
    assert exit_code == 1
    line = next(line for line in output.splitlines() if line.startswith("users"))
    assert re.search(rf"STOPPED at event {poisoned_at}\b.*NUL", line), output

    # A fixed read model (here: the original handler back) resumes at that very event.
    api.registry.runner.projections["users"]._handlers[User.Registered] = original
    until(lambda: "users" not in runner.stalls(), api)
    assert runner.positions()["users"] == runner.head()
    assert api.client.get("/health").json()["status"] == "ok"
    exit_code, output = status_output(store)
    assert exit_code == 0 and "STOPPED" not in output
