"""The initiatives service against real stores (SQLite file and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import timedelta
from uuid import uuid4

import pytest

from domain.errors import AlreadyExists, IdempotencyMismatch, NotFound, VersionConflict
from domain.initiatives.values import InitiativeStatus
from domain.text import Text
from registry.bootstrap import Registry
from registry.clock import ManualClock
from registry.context import Actor, RequestContext
from registry.idempotency import IdempotencyKey

CTX = RequestContext(Actor("officer-1", "officer"), "req-1")


def register(registry: Registry, code: str = "AMBASSADORS"):  # type: ignore[no-untyped-def]
    return registry.initiatives.register(
        CTX, code=code, title=Text("ع", "Title"), aim=Text("ه", "Aim"), owner="Office"
    )


def test_a_registered_initiative_is_stored_with_its_envelope(registry: Registry) -> None:
    initiative = register(registry)
    loaded = registry.initiatives.get(initiative.id)
    assert loaded.code == "AMBASSADORS"
    [created] = list(registry.app.events.get(initiative.id))
    assert created.envelope.actor_id == "officer-1"  # type: ignore[attr-defined]
    assert created.envelope.correlation_id == "req-1"  # type: ignore[attr-defined]
    assert created.timestamp == registry.clock.now()


def test_registering_the_same_code_twice_is_refused(registry: Registry) -> None:
    register(registry)
    with pytest.raises(AlreadyExists):
        register(registry, "ambassadors")


def test_the_same_idempotency_key_and_body_returns_the_first_result(registry: Registry) -> None:
    key = IdempotencyKey.of("officer-1", "k-1", b"body")
    first = registry.initiatives.register(
        CTX, code="X1", title=Text("ع", "T"), aim=Text("ه", "A"), owner="O", idempotency=key
    )
    again = registry.initiatives.register(
        CTX, code="X1", title=Text("ع", "T"), aim=Text("ه", "A"), owner="O", idempotency=key
    )
    assert again.id == first.id and again.version == first.version == 1
    other_body = IdempotencyKey.of("officer-1", "k-1", b"other body")
    with pytest.raises(IdempotencyMismatch):
        registry.initiatives.register(
            CTX,
            code="X1",
            title=Text("ع", "T"),
            aim=Text("ه", "A"),
            owner="O",
            idempotency=other_body,
        )


def test_a_retried_part_with_its_key_is_added_once(registry: Registry) -> None:
    initiative = register(registry)
    key = IdempotencyKey.of("officer-1", "m-1", b"milestone")
    _, first = registry.initiatives.add_milestone(
        CTX, initiative.id, 1, title=Text("م", "M"), planned_on=None, idempotency=key
    )
    # The retry still carries the If-Match of the first attempt: it is recognised, not refused.
    again, second = registry.initiatives.add_milestone(
        CTX, initiative.id, 1, title=Text("م", "M"), planned_on=None, idempotency=key
    )
    assert first == second
    assert len(again.milestones) == 1 and again.version == 2


def test_a_stale_version_is_refused_and_nothing_is_written(registry: Registry) -> None:
    initiative = register(registry)
    registry.initiatives.add_milestone(CTX, initiative.id, 1, title=Text("م", "M"), planned_on=None)
    with pytest.raises(VersionConflict) as conflict:
        registry.initiatives.add_milestone(
            CTX, initiative.id, 1, title=Text("م", "Other"), planned_on=None
        )
    assert (conflict.value.expected, conflict.value.actual) == (1, 2)
    assert len(registry.initiatives.get(initiative.id).milestones) == 1


def test_concurrent_changes_never_lose_an_update(registry: Registry) -> None:
    """Eight writers race from the same version: exactly one wins, the rest get conflicts."""
    initiative = register(registry)
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def write(n: int) -> None:
        barrier.wait()
        try:
            registry.initiatives.add_milestone(
                CTX, initiative.id, 1, title=Text("م", f"M{n}"), planned_on=None
            )
            outcomes.append("ok")
        except VersionConflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("ok") == 1 and outcomes.count("conflict") == 7
    stored = registry.initiatives.get(initiative.id)
    assert stored.version == 2 and len(stored.milestones) == 1


def test_as_of_returns_the_initiative_as_it_stood(registry: Registry, clock: ManualClock) -> None:
    initiative = register(registry)
    registered_at = clock.now()
    clock.advance(timedelta(days=1))
    registry.initiatives.change_status(
        CTX, initiative.id, 1, InitiativeStatus.ON_HOLD, "Budget review"
    )
    clock.advance(timedelta(days=1))
    registry.initiatives.add_milestone(CTX, initiative.id, 2, title=Text("م", "M"), planned_on=None)

    then = registry.initiatives.get_as_of(initiative.id, registered_at + timedelta(hours=1))
    assert then.status == InitiativeStatus.ACTIVE and then.version == 1 and not then.milestones
    middle = registry.initiatives.get_as_of(
        initiative.id, registered_at + timedelta(days=1, hours=1)
    )
    assert middle.status == InitiativeStatus.ON_HOLD and not middle.milestones
    with pytest.raises(NotFound):
        registry.initiatives.get_as_of(initiative.id, registered_at - timedelta(seconds=1))


def test_an_unknown_initiative_is_not_found(registry: Registry) -> None:
    with pytest.raises(NotFound):
        registry.initiatives.get(uuid4())
