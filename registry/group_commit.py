"""Group commit: concurrent commands saved together, each caller told its own outcome.

Why: the event store serialises writers (PostgreSQL: ``LOCK TABLE … EXCLUSIVE``;
SQLite: one writer), and every durable commit waits for the disk to flush. One
transaction per public enrolment therefore caps the rate at one flush per
enrolment. Here one thread takes whatever commands are waiting — more arrive
while a commit is in flight, so batches grow with the load and no one waits on a
timer — and records them in one ``save()``: one lock, one ``NOTIFY``, one commit.
Each caller returns only after its command is durably committed. Every command is
still checked against its own expected versions: the store refuses a batch in which
one event's (aggregate, version) is taken, and the writer then fails the commands
whose versions are behind the store's and commits the rest together (one by one if
that is refused too), so a conflict fails that command alone. Two commands on the
same aggregate never share a batch: the later waits for the next one, and meets the
first's events there exactly as if the two had been saved one after the other.

When the database goes away (issue 10) the writer must neither die nor make anyone
wait on it:

- the thread never ends on an error: every failure is handed to the callers of its
  batch, and a thread found dead is started again;
- a batch that failed because the database is unreachable fails all its callers with
  :class:`DatabaseUnavailable` at once — no duplicate look-up, no one-by-one retry,
  both of which would only fail again, slowly;
- the writer is then *unavailable*: new work fails at once, while the thread probes
  the database with a growing pause (never longer than ``max_pause``), and it takes
  work again the moment a probe succeeds;
- no caller waits longer than ``timeout``: work still queued by then is withdrawn.

``status()`` says which of these states it is in, for ``/health``.
"""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import structlog
from eventsourcing.persistence import IntegrityError

from domain.aggregate import RegistryAggregate
from projections.availability import DatabaseUnavailable, is_unavailable
from registry.personal_data import NEW_KEYS, KeyRow

log = structlog.get_logger("nqs.group_commit")

SaveFunction = Callable[..., Any]
Encode = Callable[[Any], Any]
Probe = Callable[[], None]

OK = "ok"
UNAVAILABLE = "unavailable"
STOPPED = "stopped"


@dataclass
class _Item:
    # The command's events, taken once (a save drains an aggregate's pending events
    # even when it fails, and a refused batch must be retried one by one), already
    # encoded for the store when the writer has an ``encode``.
    events: list[Any]
    keys: list[KeyRow]
    # Work due once the events are committed, before the caller is told (a snapshot).
    after: Callable[[], None] | None = None
    done: Future[None] = field(default_factory=Future)

    def claim(self) -> bool:
        """Takes the item for saving; False when its caller gave up waiting meanwhile."""
        return self.done.set_running_or_notify_cancel()

    @property
    def originators(self) -> set[UUID]:
        return {e.originator_id for e in self.events}

    def is_behind(self, stored: dict[UUID, int]) -> bool:
        """True when one of its events' versions is taken in the store already."""
        return any(e.originator_version <= stored.get(e.originator_id, 0) for e in self.events)


@dataclass(frozen=True)
class WriterStatus:
    """What ``/health`` reports about the writer."""

    state: str  # "ok", "unavailable" (the database is not answering) or "stopped"
    queued: int
    # Since when it has been unavailable, and the error that made it so (type only:
    # a driver's message may quote data).
    since: datetime | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.state == OK


class GroupCommitWriter:
    """One writer thread per process; ``submit`` blocks until the aggregate is committed."""

    def __init__(
        self,
        save: SaveFunction,
        max_batch: int = 500,
        versions: Callable[[list[UUID]], dict[UUID, int]] | None = None,
        *,
        encode: Encode | None = None,
        probe: Probe | None = None,
        timeout: float = 5.0,
        first_pause: float = 0.1,
        max_pause: float = 2.0,
    ) -> None:
        self._save = save
        # Turns a domain event into what ``save`` records (the mapper's stored event),
        # called in the caller's thread: encoding there overlaps with the writer's round
        # trips instead of lengthening the one thread every command waits for.
        self._encode = encode
        # The stored version of each aggregate (absent: none stored): lets a batch refused
        # for a conflict fail the commands that are behind and commit the rest together,
        # rather than one by one.
        self._versions = versions
        # Whether the database takes writes again. Without one (SQLite, always there)
        # the writer never refuses work: each batch simply tries.
        self._probe = probe
        self._max_batch = max_batch
        self._timeout = timeout
        self._first_pause = first_pause
        self._max_pause = max_pause
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        # Items held back for the next batch because they touch an aggregate already in
        # this one (only the writer thread touches it).
        self._deferred: list[_Item] = []
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False
        # Set while the database is unreachable: (since, error type name).
        self._down: tuple[datetime, str] | None = None

    # -- callers ---------------------------------------------------------------------

    def submit(
        self, aggregate: RegistryAggregate, keys: list[KeyRow], timeout: float | None = None
    ) -> None:
        """Saves ``aggregate`` (and its key rows) in the next group; re-raises its own error.

        Raises :class:`DatabaseUnavailable` at once while the database is unreachable,
        and when the save has not finished within ``timeout`` seconds.
        """
        self.submit_events(list(aggregate.collect_events()), keys, timeout=timeout)

    def submit_events(
        self,
        events: list[Any],
        keys: list[KeyRow],
        *,
        after: Callable[[], None] | None = None,
        timeout: float | None = None,
    ) -> None:
        """Saves one command's events (and key rows) in the next group, atomically; re-raises
        its own error. ``after`` runs once they are committed, before this returns."""
        item = self._enqueue(events, keys, after)
        try:
            item.done.result(timeout=self._timeout if timeout is None else timeout)
        except FutureTimeout:
            raise self._gave_up(item) from None

    async def submit_async(
        self, aggregate: RegistryAggregate, keys: list[KeyRow], timeout: float | None = None
    ) -> None:
        """The same, awaited on the event loop: no worker thread is held while it waits."""
        item = self._enqueue(list(aggregate.collect_events()), keys)
        # On a timeout wait_for cancels the wrapper, which withdraws the item if it is
        # still queued; a save already under way finishes without anyone waiting.
        waiting = asyncio.wrap_future(item.done)
        try:
            await asyncio.wait_for(waiting, self._timeout if timeout is None else timeout)
        except TimeoutError:
            raise self._gave_up(item) from None

    def status(self) -> WriterStatus:
        thread = self._thread
        queued = self._queue.qsize() + len(self._deferred)
        if self._closed or (thread is not None and not thread.is_alive()):
            return WriterStatus(STOPPED, queued)
        down = self._down
        if down is not None:
            return WriterStatus(UNAVAILABLE, queued, since=down[0], error=down[1])
        return WriterStatus(OK, queued)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout=10)
        self._fail_queued(RuntimeError("the writer is closed"))

    def _enqueue(
        self, events: list[Any], keys: list[KeyRow], after: Callable[[], None] | None = None
    ) -> _Item:
        self._ensure_started()
        if self._encode is not None:
            events = [self._encode(e) for e in events]
        item = _Item(events, keys, after)
        if self._down is not None:
            # Fail fast: the thread is probing and would only refuse it a moment later.
            raise DatabaseUnavailable
        self._queue.put(item)
        return item

    @staticmethod
    def _gave_up(item: _Item) -> DatabaseUnavailable:
        # Withdrawn if still queued; if its save is under way its outcome is unknown
        # to this caller either way (a retry with the same Idempotency-Key is safe).
        item.done.cancel()
        return DatabaseUnavailable("the database did not answer in time")

    def _ensure_started(self) -> None:
        thread = self._thread
        if thread is not None and thread.is_alive():
            return
        with self._lock:
            if self._closed:
                msg = "the writer is closed"
                raise RuntimeError(msg)
            if self._thread is None or not self._thread.is_alive():
                if self._thread is not None:
                    log.error("group_commit_thread_restarted")
                self._thread = threading.Thread(target=self._run, name="group-commit", daemon=True)
                self._thread.start()

    # -- the writer thread -----------------------------------------------------------

    def _run(self) -> None:
        while True:
            try:
                if self._down is not None:
                    stop = self._wait_for_database()
                else:
                    batch, stop = self._take()
                    self._commit(batch)
            except Exception:  # never let the one writer die; its callers were told
                log.exception("group_commit_failed")
                stop = False
            if stop:
                self._fail_deferred(RuntimeError("the writer is closed"))
                return

    def _take(self) -> tuple[list[_Item], bool]:
        """Waits for work, then takes whatever else is waiting (up to ``max_batch``).

        Items held back from the last batch come first; an item that touches an
        aggregate already in this batch is held back for the next.
        """
        waiting, self._deferred = self._deferred, []
        if not waiting:
            first = self._queue.get()
            if first is None:
                return [], True
            waiting = [first]
        batch: list[_Item] = []
        touched: set[UUID] = set()

        def add(item: _Item) -> None:
            originators = item.originators
            if len(batch) >= self._max_batch or not originators.isdisjoint(touched):
                self._deferred.append(item)
            else:
                batch.append(item)
                touched.update(originators)

        for held_back in waiting:
            add(held_back)
        while len(batch) < self._max_batch:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                return batch, True
            add(item)
        return batch, False

    def _wait_for_database(self) -> bool:
        """While unavailable: refuse what arrives, probe with a growing pause.

        Returns True when asked to stop.
        """
        pause = self._first_pause
        while True:
            deadline = time.monotonic() + pause
            while (remaining := deadline - time.monotonic()) > 0:
                try:
                    item = self._queue.get(timeout=remaining)
                except queue.Empty:
                    break
                if item is None:
                    return True
                if item.claim():
                    item.done.set_exception(DatabaseUnavailable())
            self._fail_deferred(DatabaseUnavailable())
            try:
                assert self._probe is not None
                self._probe()
            except Exception as error:
                log.info("group_commit_probe_failed", error_type=type(error).__name__)
                pause = min(self._max_pause, pause * 2)
                continue
            down, self._down = self._down, None
            log.warning(
                "group_commit_available",
                unavailable_seconds=round((datetime.now(UTC) - down[0]).total_seconds(), 3)
                if down
                else None,
            )
            return False

    def _went_down(self, error: BaseException) -> None:
        if self._probe is None:
            return  # nothing to tell when it is back: the next batch just tries
        if self._down is None:
            self._down = (datetime.now(UTC), type(error).__name__)
            log.warning("group_commit_unavailable", error_type=type(error).__name__)

    def _commit(self, batch: list[_Item]) -> None:
        batch = [item for item in batch if item.claim()]
        if batch:
            self._save_group(batch, retry=True)

    def _save_group(self, batch: list[_Item], retry: bool) -> None:
        try:
            self._save(
                *(e for i in batch for e in i.events),
                **{NEW_KEYS: [k for i in batch for k in i.keys]},
            )
        except Exception as error:
            if is_unavailable(error):
                self._fail_unavailable(batch, error)
            elif len(batch) == 1:
                batch[0].done.set_exception(error)
            elif not (retry and self._versions is not None and self._drop_conflicts(batch)):
                self._one_by_one(batch)
            return
        self._committed(batch)

    @staticmethod
    def _committed(batch: list[_Item]) -> None:
        """Tells the callers of committed items, those with work after the commit last."""
        for item in batch:
            if item.after is None:
                item.done.set_result(None)
        for item in batch:
            if item.after is not None:
                try:
                    item.after()
                except Exception:  # committed all the same: the caller hears so
                    log.exception("group_commit_after_failed")
                item.done.set_result(None)

    def _drop_conflicts(self, batch: list[_Item]) -> bool:
        """Fails the items whose versions are behind the store's and saves the rest
        together; False if none was behind."""
        assert self._versions is not None
        try:
            stored = self._versions(list({o for i in batch for o in i.originators}))
        except Exception as error:
            if not is_unavailable(error):
                raise
            self._fail_unavailable(batch, error)
            return True
        rest = [i for i in batch if not i.is_behind(stored)]
        if len(rest) == len(batch):
            return False
        for item in batch:
            if item.is_behind(stored):
                item.done.set_exception(IntegrityError("already stored"))
        if rest:
            self._save_group(rest, retry=False)
        return True

    def _one_by_one(self, batch: list[_Item]) -> None:
        """Someone in the batch is refused: find out who, saving the others one by one."""
        for index, item in enumerate(batch):
            try:
                self._save(*item.events, **{NEW_KEYS: item.keys})
            except Exception as single:
                if is_unavailable(single):
                    self._fail_unavailable(batch[index:], single)
                    return
                item.done.set_exception(single)
            else:
                self._committed([item])

    def _fail_unavailable(self, batch: list[_Item], error: BaseException) -> None:
        self._went_down(error)
        for item in batch:
            failure = DatabaseUnavailable()
            failure.__cause__ = error
            item.done.set_exception(failure)

    def _fail_deferred(self, error: Exception) -> None:
        deferred, self._deferred = self._deferred, []
        for item in deferred:
            if item.claim():
                item.done.set_exception(error)

    def _fail_queued(self, error: Exception) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not None and item.claim():
                item.done.set_exception(error)


__all__ = ["GroupCommitWriter", "WriterStatus"]
