"""The group-commit writer: many callers, one save, each told its own outcome — and a
database that goes away neither kills it nor makes anyone wait on it."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import Any
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import IntegrityError, OperationalError

from projections.availability import DatabaseUnavailable
from registry.group_commit import GroupCommitWriter


class FakeStore:
    """Refuses a save that holds an id it already has; records each save's size.

    ``down`` makes every call fail as a lost connection does; ``hang`` makes a save
    block until released.
    """

    def __init__(self) -> None:
        self.stored: set[UUID] = set()
        self.saves: list[int] = []
        self.gate = threading.Event()
        self.down = False
        self.hang = threading.Event()
        self.hang.set()
        self.probes = 0
        self.lookups = 0

    def save(self, *events: Any, **_: Any) -> None:
        self.gate.wait(5)
        self.hang.wait(5)
        if self.down:
            raise OperationalError("server closed the connection unexpectedly")
        ids = [e.originator_id for e in events]
        if self.stored & set(ids) or len(set(ids)) < len(ids):
            raise IntegrityError("duplicate")
        self.stored.update(ids)
        self.saves.append(len(ids))

    def versions(self, ids: list[UUID]) -> dict[UUID, int]:
        self.lookups += 1
        if self.down:
            raise OperationalError("connection refused")
        return dict.fromkeys(self.stored & set(ids), 1)

    def probe(self) -> None:
        self.probes += 1
        if self.down:
            raise OperationalError("connection refused")


def aggregate(id_: UUID) -> Any:
    event = SimpleNamespace(originator_id=id_, originator_version=1)
    return SimpleNamespace(collect_events=lambda: [event])


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def writer(store: FakeStore) -> Iterator[GroupCommitWriter]:
    writer = GroupCommitWriter(
        store.save, versions=store.versions, probe=store.probe, timeout=2.0, max_pause=0.2
    )
    yield writer
    writer.close()


def submit_many(writer: GroupCommitWriter, ids: list[UUID]) -> dict[int, str]:
    """Submits each id from its own thread; returns each one's outcome by index."""
    outcomes: dict[int, str] = {}

    def submit(index: int, id_: UUID) -> None:
        try:
            writer.submit(aggregate(id_), [])
            outcomes[index] = "ok"
        except IntegrityError:
            outcomes[index] = "duplicate"
        except DatabaseUnavailable:
            outcomes[index] = "unavailable"

    threads = [threading.Thread(target=submit, args=(i, id_)) for i, id_ in enumerate(ids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return outcomes


def test_waiting_callers_are_saved_together_and_a_duplicate_fails_alone(
    store: FakeStore, writer: GroupCommitWriter
) -> None:
    taken = uuid4()
    store.stored.add(taken)
    ids = [uuid4() for _ in range(20)] + [taken]
    outcomes: dict[int, str] = {}
    runner = threading.Thread(target=lambda: outcomes.update(submit_many(writer, ids)))
    runner.start()
    time.sleep(0.2)
    store.gate.set()  # the first save waited: the others queued up behind it meanwhile
    runner.join(10)
    assert outcomes[20] == "duplicate"
    assert sum(1 for v in outcomes.values() if v == "ok") == 20
    assert len(store.saves) < 20  # grouped, not one save per caller
    assert sum(store.saves) == 20


def test_a_closed_writer_takes_nothing_more(store: FakeStore, writer: GroupCommitWriter) -> None:
    store.gate.set()
    writer.submit(aggregate(uuid4()), [])
    writer.close()
    with pytest.raises(RuntimeError):
        writer.submit(aggregate(uuid4()), [])
    assert writer.status().state == "stopped"


def test_a_lost_database_fails_every_waiting_caller_at_once_with_unavailable(
    store: FakeStore, writer: GroupCommitWriter
) -> None:
    store.down = True
    outcomes: dict[int, str] = {}
    runner = threading.Thread(
        target=lambda: outcomes.update(submit_many(writer, [uuid4() for _ in range(10)]))
    )
    started = time.monotonic()
    runner.start()
    time.sleep(0.1)
    store.gate.set()
    runner.join(10)
    assert set(outcomes.values()) == {"unavailable"} and len(outcomes) == 10
    assert time.monotonic() - started < 1.5  # told at once, not after the timeout
    # No duplicate look-up and no one-by-one retry against a database that is not there.
    assert store.lookups == 0
    assert store.saves == []


def test_while_the_database_is_down_callers_are_refused_without_waiting(
    store: FakeStore, writer: GroupCommitWriter
) -> None:
    store.gate.set()
    store.down = True
    with pytest.raises(DatabaseUnavailable):
        writer.submit(aggregate(uuid4()), [])
    status = writer.status()
    assert status.state == "unavailable" and status.error == "OperationalError"
    assert status.since is not None
    started = time.monotonic()
    for _ in range(20):
        with pytest.raises(DatabaseUnavailable):
            writer.submit(aggregate(uuid4()), [])
    assert time.monotonic() - started < 0.5


def test_the_same_writer_takes_work_again_as_soon_as_the_database_is_back(
    store: FakeStore, writer: GroupCommitWriter
) -> None:
    store.gate.set()
    store.down = True
    with pytest.raises(DatabaseUnavailable):
        writer.submit(aggregate(uuid4()), [])
    time.sleep(0.6)
    assert store.probes >= 2  # it keeps asking, with a pause between
    store.down = False
    deadline = time.monotonic() + 2
    while writer.status().state != "ok":
        assert time.monotonic() < deadline, "the writer did not notice the database is back"
        time.sleep(0.02)
    back = uuid4()
    writer.submit(aggregate(back), [])
    assert back in store.stored


def test_a_failing_duplicate_look_up_does_not_kill_the_writer(store: FakeStore) -> None:
    # Without a probe (as on SQLite) the writer never refuses work: each batch tries.
    writer = GroupCommitWriter(store.save, versions=store.versions, timeout=2.0)
    try:
        taken = uuid4()
        store.stored.add(taken)
        store.down = True
        outcomes: dict[int, str] = {}
        runner = threading.Thread(
            target=lambda: outcomes.update(submit_many(writer, [uuid4(), uuid4(), taken]))
        )
        runner.start()
        time.sleep(0.1)
        store.gate.set()
        runner.join(10)
        assert set(outcomes.values()) == {"unavailable"}
        store.down = False
        fresh = uuid4()
        writer.submit(aggregate(fresh), [])  # the thread is alive: this returns at once
        assert fresh in store.stored
        assert writer.status().state == "ok"
    finally:
        writer.close()


def test_a_save_that_hangs_gives_up_after_the_timeout(
    store: FakeStore, writer: GroupCommitWriter
) -> None:
    store.gate.set()
    store.hang.clear()
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailable):
        writer.submit(aggregate(uuid4()), [], timeout=0.3)
    # Queued behind the hanging save: withdrawn when its caller stops waiting.
    withdrawn = uuid4()
    with pytest.raises(DatabaseUnavailable):
        writer.submit(aggregate(withdrawn), [], timeout=0.3)
    assert time.monotonic() - started < 1.5
    store.hang.set()
    later = uuid4()
    writer.submit(aggregate(later), [])
    assert later in store.stored and withdrawn not in store.stored


def test_an_awaited_save_gives_up_after_the_timeout(
    store: FakeStore, writer: GroupCommitWriter
) -> None:
    store.gate.set()
    store.hang.clear()

    async def enrol() -> None:
        await writer.submit_async(aggregate(uuid4()), [], timeout=0.3)

    started = time.monotonic()
    # In a thread of its own: a test before this one (the browser suite's sync Playwright)
    # may leave an event loop running in this thread, and asyncio.run refuses to nest.
    with pytest.raises(DatabaseUnavailable), ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, enrol()).result()
    assert time.monotonic() - started < 1.5
    store.hang.set()


def test_an_error_that_is_not_the_database_fails_only_its_own_caller(
    store: FakeStore, writer: GroupCommitWriter
) -> None:
    poisoned = uuid4()
    original = store.save

    def save(*events: Any, **kwargs: Any) -> None:
        if any(e.originator_id == poisoned for e in events):
            msg = "text fields cannot contain NUL"
            raise ValueError(msg)
        original(*events, **kwargs)

    writer._save = save
    outcomes: dict[int, str] = {}

    def submit(index: int, id_: UUID) -> None:
        try:
            writer.submit(aggregate(id_), [])
            outcomes[index] = "ok"
        except ValueError:
            outcomes[index] = "refused"

    ids = [uuid4(), poisoned, uuid4(), uuid4()]
    threads = [threading.Thread(target=submit, args=(i, id_)) for i, id_ in enumerate(ids)]
    for thread in threads:
        thread.start()
    time.sleep(0.1)
    store.gate.set()
    for thread in threads:
        thread.join(5)
    assert outcomes == {0: "ok", 1: "refused", 2: "ok", 3: "ok"}
    assert writer.status().state == "ok"
