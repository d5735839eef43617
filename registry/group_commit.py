"""Group commit: concurrent new aggregates saved together, each caller told its own outcome.

Why: the event store serialises writers (PostgreSQL: ``LOCK TABLE … EXCLUSIVE``;
SQLite: one writer), and every durable commit waits for the disk to flush. One
transaction per public enrolment therefore caps the rate at one flush per
enrolment. Here one thread takes whatever enrolments are waiting — more arrive
while a commit is in flight, so batches grow with the load and no one waits on a
timer — and records them in one ``save()``. Each caller returns only after its
enrolment is durably committed. A batch refused as a whole (a duplicate among
them) is retried one by one, so only the duplicate fails.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

import structlog

from domain.aggregate import RegistryAggregate
from registry.personal_data import NEW_KEYS, KeyRow

log = structlog.get_logger("nqs.group_commit")

SaveFunction = Callable[..., Any]


@dataclass
class _Item:
    # The aggregate's pending events, taken once: a save drains an aggregate's pending
    # events even when it fails, and a refused batch must be retried one by one.
    events: list[Any]
    keys: list[KeyRow]
    done: Future[None] = field(default_factory=Future)


class GroupCommitWriter:
    """One writer thread per process; ``submit`` blocks until the aggregate is committed."""

    def __init__(
        self,
        save: SaveFunction,
        max_batch: int = 500,
        existing: Callable[[list[UUID]], set[UUID]] | None = None,
    ) -> None:
        self._save = save
        # Which new aggregates are already stored: lets a batch refused for a duplicate
        # drop the duplicates and commit the rest together, rather than one by one.
        self._existing = existing
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    def submit(
        self, aggregate: RegistryAggregate, keys: list[KeyRow], timeout: float = 30.0
    ) -> None:
        """Saves ``aggregate`` (and its key rows) in the next group; re-raises its own error."""
        self._ensure_started()
        item = _Item(list(aggregate.collect_events()), keys)
        self._queue.put(item)
        item.done.result(timeout=timeout)

    async def submit_async(self, aggregate: RegistryAggregate, keys: list[KeyRow]) -> None:
        """The same, awaited on the event loop: no worker thread is held while it waits."""
        self._ensure_started()
        item = _Item(list(aggregate.collect_events()), keys)
        self._queue.put(item)
        await asyncio.wrap_future(item.done)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout=10)

    def _ensure_started(self) -> None:
        if self._thread is not None:
            return
        with self._lock:
            if self._closed:
                msg = "the writer is closed"
                raise RuntimeError(msg)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="group-commit", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < self._max_batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                batch.append(item)
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[_Item], retry: bool = True) -> None:
        try:
            self._save(
                *(e for i in batch for e in i.events),
                **{NEW_KEYS: [k for i in batch for k in i.keys]},
            )
        except Exception as error:
            if len(batch) == 1:
                batch[0].done.set_exception(error)
                return
            if retry and self._existing is not None:
                taken = self._existing([i.events[0].originator_id for i in batch])
                rest = [i for i in batch if i.events[0].originator_id not in taken]
                if len(rest) < len(batch):
                    for item in batch:
                        if item.events[0].originator_id in taken:
                            item.done.set_exception(IntegrityError("already stored"))
                    if rest:
                        self._commit(rest, retry=False)
                    return
            # Someone in the batch is refused: find out who, saving the others one by one.
            for item in batch:
                try:
                    self._save(*item.events, **{NEW_KEYS: item.keys})
                except Exception as single:  # noqa: BLE001 - handed to the caller
                    item.done.set_exception(single)
                else:
                    item.done.set_result(None)
            return
        for item in batch:
            item.done.set_result(None)
