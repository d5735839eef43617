"""Read models: exactly once per event, resumable after a crash, replay equals live."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from domain.text import Text
from projections.initiatives import InitiativesProjection
from projections.runner import ProjectionRunner
from projections.sql import Database
from registry.bootstrap import Registry, build
from registry.context import Actor, RequestContext
from registry.settings import Settings

CTX = RequestContext(Actor("officer-1", "officer"), "req-1")


def make_history(registry: Registry, initiatives: int = 5, milestones: int = 6) -> None:
    for n in range(initiatives):
        initiative = registry.initiatives.register(
            CTX, code=f"INIT-{n}", title=Text("ع", f"T{n}"), aim=Text("ه", "A"), owner="O"
        )
        version = initiative.version
        for m in range(milestones):
            initiative, mid = registry.initiatives.add_milestone(
                CTX, initiative.id, version, title=Text("م", f"M{m}"), planned_on=None
            )
            version = initiative.version
            if m % 2 == 0:
                initiative = registry.initiatives.complete_milestone(
                    CTX, initiative.id, version, mid, None
                )
                version = initiative.version


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    tables = {}
    with db.read() as cur:
        for table in InitiativesProjection.tables:
            tables[table] = sorted(cur.fetchall(f"SELECT * FROM {table}"), key=repr)
    return tables


def test_replaying_from_scratch_equals_the_live_read_model(registry: Registry) -> None:
    runner = registry.runner
    runner.batch_size = 7  # many small batches, as a live worker sees them
    make_history(registry, initiatives=3)
    runner.catch_up()
    make_history_more = registry.initiatives.register(
        CTX, code="LATE", title=Text("ع", "Late"), aim=Text("ه", "A"), owner="O"
    )
    assert make_history_more.version == 1
    runner.catch_up()
    live = dump(registry.db)
    assert len(live["view_initiatives"]) == 4
    assert len(live["view_initiative_milestones"]) == 18

    runner.batch_size = 1000
    runner.rebuild("initiatives")
    assert dump(registry.db) == live


def test_each_event_is_applied_exactly_once_even_when_caught_up_twice(registry: Registry) -> None:
    make_history(registry, initiatives=2, milestones=4)
    registry.runner.catch_up()
    before = dump(registry.db)
    assert registry.runner.catch_up() == 0
    assert dump(registry.db) == before
    assert registry.runner.positions()["initiatives"] == registry.runner.head()


class _Crash(BaseException):
    """The process dying mid-batch (not an error a read model could stop at)."""


def test_a_crash_mid_batch_writes_nothing_and_the_next_run_resumes(registry: Registry) -> None:
    make_history(registry, initiatives=2, milestones=4)
    projection = registry.runner.projections["initiatives"]
    calls = {"n": 0}
    handlers = projection._handlers

    def crashing_on_the_fifth(handler: Any) -> Any:
        def handle(cur: Any, event: Any) -> None:
            calls["n"] += 1
            if calls["n"] == 5:
                raise _Crash
            handler(cur, event)

        return handle

    projection._handlers = {cls: crashing_on_the_fifth(h) for cls, h in handlers.items()}
    with pytest.raises(_Crash):
        registry.runner.catch_up(["initiatives"])
    assert calls["n"] == 5  # four events' writes were made before the crash...
    assert registry.runner.positions()["initiatives"] == 0  # ...and rolled back with it
    assert dump(registry.db)["view_initiatives"] == []

    projection._handlers = handlers
    registry.runner.catch_up(["initiatives"])
    assert len(dump(registry.db)["view_initiatives"]) == 2


def test_two_workers_never_apply_the_same_batch_twice(store: Settings, registry: Registry) -> None:
    make_history(registry, initiatives=4, milestones=5)
    other = build(store, registry.clock)
    try:
        workers = [registry.runner, other.runner]
        for w in workers:
            w.batch_size = 3
        barrier = threading.Barrier(2)
        errors: list[BaseException] = []

        def run(runner: ProjectionRunner) -> None:
            barrier.wait()
            try:
                runner.catch_up()
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        threads = [threading.Thread(target=run, args=(w,)) for w in workers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        live = dump(registry.db)
        registry.runner.rebuild("initiatives")
        assert dump(registry.db) == live
    finally:
        other.close()


def test_read_models_track_positions_per_projection(registry: Registry) -> None:
    make_history(registry, initiatives=1, milestones=1)
    registry.runner.catch_up(["users"])
    positions = registry.runner.positions()
    assert positions["users"] == registry.runner.head()
    assert positions["initiatives"] == 0
    registry.runner.catch_up()
    assert registry.runner.positions()["initiatives"] == registry.runner.head()
