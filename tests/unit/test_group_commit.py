"""The group-commit writer: many callers, one save, each told its own outcome."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import IntegrityError

from registry.group_commit import GroupCommitWriter


class FakeStore:
    """Refuses a save that holds an id it already has; records each save's size."""

    def __init__(self) -> None:
        self.stored: set[UUID] = set()
        self.saves: list[int] = []
        self.gate = threading.Event()

    def save(self, *events: Any, **_: Any) -> None:
        self.gate.wait(5)
        ids = [e.originator_id for e in events]
        if self.stored & set(ids) or len(set(ids)) < len(ids):
            raise IntegrityError("duplicate")
        self.stored.update(ids)
        self.saves.append(len(ids))

    def existing(self, ids: list[UUID]) -> set[UUID]:
        return self.stored & set(ids)


def aggregate(id_: UUID) -> Any:
    event = SimpleNamespace(originator_id=id_)
    return SimpleNamespace(collect_events=lambda: [event])


def test_waiting_callers_are_saved_together_and_a_duplicate_fails_alone() -> None:
    store = FakeStore()
    writer = GroupCommitWriter(store.save, existing=store.existing)
    taken = uuid4()
    store.stored.add(taken)
    outcomes: dict[int, str] = {}

    def submit(index: int, id_: UUID) -> None:
        try:
            writer.submit(aggregate(id_), [])
            outcomes[index] = "ok"
        except IntegrityError:
            outcomes[index] = "duplicate"

    ids = [uuid4() for _ in range(20)] + [taken]
    threads = [threading.Thread(target=submit, args=(i, id_)) for i, id_ in enumerate(ids)]
    for thread in threads:
        thread.start()
    store.gate.set()  # the first save waited: the others queued up behind it meanwhile
    for thread in threads:
        thread.join(5)
    writer.close()
    assert outcomes[20] == "duplicate"
    assert sum(1 for v in outcomes.values() if v == "ok") == 20
    assert len(store.saves) < 20  # grouped, not one save per caller
    assert sum(store.saves) == 20


def test_a_closed_writer_takes_nothing_more() -> None:
    store = FakeStore()
    store.gate.set()
    writer = GroupCommitWriter(store.save)
    writer.submit(aggregate(uuid4()), [])
    writer.close()
    with pytest.raises(RuntimeError):
        writer.submit(aggregate(uuid4()), [])
