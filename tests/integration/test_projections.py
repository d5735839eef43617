"""Read models: exactly once per event, resumable after a crash, replay equals live."""

from __future__ import annotations

import re
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


@pytest.mark.parametrize(
    "filters",
    [
        {"region": "najran"},
        {"status": "pending", "region": "najran"},
        {"track": "expert"},
        {"status": "active", "track": "expert"},
        {"status": "pending", "track": "sectoral", "sector": "health"},
        {"region": "najran", "track": "general"},
    ],
)
def test_the_members_list_reads_its_filter_through_an_index_in_page_order(
    registry: Registry, filters: dict[str, str]
) -> None:
    # At 5,000,000 members a page must not read every member of a status, nor sort them: a
    # rare track or a deep page took seconds when only status led an index.
    from projections.counters import where_equal
    from projections.membership_queries import members_page_sql

    clause, params = where_equal(filters.items())
    sql = members_page_sql(clause)
    # The index searched is led by one of the filters other than status.
    columns = [c for c in filters if c != "status"]
    db = registry.db
    with db.read() as cur:
        if db.dialect == "postgres":
            # Whatever the table's size: would the planner need a sort, it must sort.
            for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
                cur.execute(f"SET LOCAL {setting} = off")
            plan = " ".join(str(r[0]) for r in cur.fetchall(f"EXPLAIN {sql}", [*params, 50, 0]))
            assert "Sort" not in plan
            searched = re.search(
                r"Index Scan using (ix_ambassadors_\w+).*?Index Cond: \(+(\w+) =", plan
            )
            assert searched and searched.group(2) in columns, plan
        else:
            plan = " ".join(
                str(r[3]) for r in cur.fetchall(f"EXPLAIN QUERY PLAN {sql}", [*params, 50, 0])
            )
            assert "TEMP B-TREE" not in plan
            searched = re.search(r"SEARCH view_ambassadors USING INDEX \w+ \((\w+)=\?", plan)
            assert searched and searched.group(1) in columns, plan


@pytest.mark.parametrize("seek", ["after", "before"])
@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"status": "pending"},
        {"region": "najran"},
        {"status": "pending", "region": "najran"},
        {"status": "pending", "track": "sectoral", "sector": "health"},
        {"region": "najran", "track": "general"},
    ],
)
def test_a_page_by_cursor_starts_at_its_key_in_the_filters_index(
    registry: Registry, filters: dict[str, str], seek: str
) -> None:
    # Page 100,000 must cost what page 1 costs: the cursor's key is a bound of the index
    # range searched (never rows read and dropped, never a sort), forwards and backwards.
    from projections.counters import where_equal
    from projections.membership_queries import members_page_sql, seek_columns

    clause, params = where_equal(filters.items())
    columns = seek_columns(filters)
    sql = members_page_sql(clause, seek, columns)
    key = ["pending", "2026-01-15", "0" * 32][-len(columns) :]
    db = registry.db
    with db.read() as cur:
        if db.dialect == "postgres":
            for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
                cur.execute(f"SET LOCAL {setting} = off")
            plan = " ".join(str(r[0]) for r in cur.fetchall(f"EXPLAIN {sql}", [*params, *key, 50]))
            assert "Sort" not in plan
            searched = re.search(
                r"Index (?:Only )?Scan (?:Backward )?using (ix_ambassadors_\w+)", plan
            )
            assert searched, plan
            # The key is in the index condition, not a filter on rows already read.
            condition = re.search(r"Index Cond: (.*?)(?: Filter:|$)", plan)
            assert condition and f"ROW({', '.join(columns)})" in condition.group(1), plan
        else:
            plan = " ".join(
                str(r[3]) for r in cur.fetchall(f"EXPLAIN QUERY PLAN {sql}", [*params, *key, 50])
            )
            assert "TEMP B-TREE" not in plan
            searched = r"SEARCH view_ambassadors USING (?:COVERING )?INDEX ix_ambassadors_\w+ \("
            assert re.search(searched, plan), plan
