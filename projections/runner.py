"""Keeps read models up to date with the event store, exactly once per event.

Why not the library's ``ProjectionRunner``: in eventsourcing 9.5 an SQLite
application recorder cannot be subscribed to, and the library's runner commits
one transaction per event. This follower polls the notification log (the same
code for SQLite and PostgreSQL) and applies a *batch* of events per
transaction, with the tracking position updated in that same transaction —
so a crash loses nothing and repeats nothing, and catching up is fast.

Several workers may run at once: the tracking update is a compare-and-set on
the previous position, taken first in the transaction, so only one of them
applies any given batch and the others simply move on.

A read model that cannot apply an event never fails silently and never holds the
others back (issue 10): its batch is replayed one event at a time to find the
event, the read model stops just before it, and the failure — read model, the
event's position, the error — is recorded in ``projection_failures``, where
``/health``, ``/metrics`` and ``nqs projections status`` read it (the worker is
another process). The worker retries that read model with a growing pause; the
others go on. A database that cannot be reached is not such a failure: the whole
run backs off and resumes when it answers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from eventsourcing.persistence import Notification

from projections.availability import is_unavailable
from projections.base import Projection
from projections.sql import Cursor, Database
from registry.application import NQSApplication

log = structlog.get_logger("nqs.projections")

TRACKING_TABLE = "projection_tracking"
FAILURES_TABLE = "projection_failures"
Progress = Callable[[int, int], None]
# The pause before a stopped read model tries its event again: doubling from the
# first, never longer than the last.
STALL_PAUSE_SECONDS = (1.0, 60.0)
# The longest pause of the worker while the database does not answer: it resumes
# at most this long after the database is back.
MAX_BACKOFF_SECONDS = 5.0


@dataclass(frozen=True)
class Stall:
    """A read model stopped at an event it cannot apply."""

    name: str
    position: int  # the event's notification id; the read model stands just before it
    error: str  # the error's type and first line (no traceback, no data beyond that)
    attempts: int
    since: datetime
    retry_at: datetime


@dataclass(frozen=True)
class _Undecodable:
    """A stored event that could not be decoded: fails the read models that handle it."""

    topic: str
    error: Exception


def _describe(error: BaseException) -> str:
    first_line = (str(error).strip().splitlines() or [""])[0]
    return f"{type(error).__name__}: {first_line}"[:300]


class ProjectionRunner:
    def __init__(
        self,
        app: NQSApplication,
        db: Database,
        projections: Sequence[Projection],
        # Events read, decoded and applied per transaction. Live, a poll finds far fewer
        # new events than this; catching up or rebuilding, 5,000 a batch measured about
        # a fifth faster than 1,000 (fewer round trips and commits), and a crash redoes
        # at most one batch.
        batch_size: int = 5000,
    ) -> None:
        self.app = app
        self.db = db
        self.projections = {p.name: p for p in projections}
        self.batch_size = batch_size
        self._advanced = threading.Condition()
        # This process's view of which read models are stopped, and when each may try
        # again (monotonic); loaded from the failures table on the first run.
        self._retry_at: dict[str, float] | None = None

    # -- schema ---------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Creates tracking and view tables; rebuilds views whose version changed."""
        rebuilt = []
        with self.db.transaction() as cur:
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {TRACKING_TABLE} ("
                "name TEXT PRIMARY KEY, position BIGINT NOT NULL, version INTEGER NOT NULL)"
            )
            for projection in self.projections.values():
                row = cur.fetchone(
                    f"SELECT version FROM {TRACKING_TABLE} WHERE name=?", (projection.name,)
                )
                if row is not None and row[0] != projection.version:
                    for statement in projection.drop_statements():
                        cur.execute(statement)
                    cur.execute(
                        f"UPDATE {TRACKING_TABLE} SET position=0, version=? WHERE name=?",
                        (projection.version, projection.name),
                    )
                    rebuilt.append(projection.name)
                for statement in projection.create_statements(self.db.dialect):
                    cur.execute(statement)
                if row is None:
                    cur.execute(
                        f"INSERT INTO {TRACKING_TABLE} (name, position, version) VALUES (?, 0, ?)",
                        (projection.name, projection.version),
                    )
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {FAILURES_TABLE} ("
                "name TEXT PRIMARY KEY, position BIGINT NOT NULL, error TEXT NOT NULL,"
                " attempts INTEGER NOT NULL, since TEXT NOT NULL, retry_at TEXT NOT NULL)"
            )
            for name in rebuilt:
                cur.execute(f"DELETE FROM {FAILURES_TABLE} WHERE name=?", (name,))
        return rebuilt

    def reset(self, name: str) -> None:
        """Empties one read model and rewinds it to the start of the log."""
        projection = self._projection(name)
        with self.db.transaction() as cur:
            for statement in projection.drop_statements():
                cur.execute(statement)
            for statement in projection.create_statements(self.db.dialect):
                cur.execute(statement)
            cur.execute(f"UPDATE {TRACKING_TABLE} SET position=0 WHERE name=?", (name,))
            cur.execute(f"DELETE FROM {FAILURES_TABLE} WHERE name=?", (name,))
        if self._retry_at is not None:
            self._retry_at.pop(name, None)

    def _projection(self, name: str) -> Projection:
        try:
            return self.projections[name]
        except KeyError:
            known = ", ".join(sorted(self.projections))
            msg = f"No projection named {name!r}; known: {known}"
            raise KeyError(msg) from None

    # -- positions ------------------------------------------------------------------------

    def positions(self) -> dict[str, int]:
        with self.db.read() as cur:
            rows = cur.fetchall(f"SELECT name, position FROM {TRACKING_TABLE}")
        return {name: int(pos) for name, pos in rows if name in self.projections}

    def head(self) -> int:
        return int(self.app.recorder.max_notification_id() or 0)

    def stalls(self) -> dict[str, Stall]:
        """The read models stopped at an event they cannot apply (any worker's)."""
        with self.db.read() as cur:
            rows = cur.fetchall(
                f"SELECT name, position, error, attempts, since, retry_at FROM {FAILURES_TABLE}"
            )
        return {
            str(name): Stall(
                str(name),
                int(position),
                str(error),
                int(attempts),
                datetime.fromisoformat(str(since)),
                datetime.fromisoformat(str(retry_at)),
            )
            for name, position, error, attempts, since, retry_at in rows
            if name in self.projections
        }

    # -- processing -----------------------------------------------------------------------

    def catch_up(
        self,
        names: Iterable[str] | None = None,
        progress: Progress | None = None,
        batch_size: int | None = None,
    ) -> int:
        """Applies every event not yet applied; returns how many events were read.

        The next batch is read and decoded in a second thread while this one is applied:
        the database's share of each (reading, then writing and committing) overlaps
        Python's share of the other.
        """
        selected = (
            [self._projection(n) for n in names] if names else list(self.projections.values())
        )
        # A stopped read model waits out its pause; the others are not held back by it.
        selected = [p for p in selected if self._due(p.name)]
        if not selected:
            return 0
        positions = self.positions()
        start = min(positions[p.name] for p in selected)
        head = self.head()
        topics = set().union(*(p.topics for p in selected))
        limit = batch_size or self.batch_size
        read = 0

        def fetch(after: int) -> tuple[Sequence[Notification], list[tuple[int, Any]]]:
            notifications = self.app.recorder.select_notifications(
                start=after, limit=limit, inclusive_of_start=False
            )
            return notifications, self._decode(notifications, topics)

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="projection-read") as reader:
            ahead = reader.submit(fetch, start)
            while True:
                notifications, events = ahead.result()
                if not notifications:
                    break
                end = notifications[-1].id
                ahead = reader.submit(fetch, end)
                for projection in list(selected):
                    if positions[projection.name] < end:
                        positions[projection.name], stopped = self._apply_or_stop(
                            projection, positions[projection.name], end, events
                        )
                        if stopped:
                            selected.remove(projection)
                read += len(notifications)
                if not selected:
                    break
                if progress is not None:
                    progress(min(end, max(head, end)), max(head, end))
        if read:
            with self._advanced:
                self._advanced.notify_all()
        return read

    def _decode(
        self, notifications: Sequence[Notification], topics: set[str]
    ) -> list[tuple[int, Any]]:
        # Only events some projection handles are decoded: decoding is most of the cost.
        to_domain_event = self.app.mapper.to_domain_event
        decoded: list[tuple[int, Any]] = []
        for n in notifications:
            if n.topic not in topics:
                continue
            try:
                decoded.append((n.id, to_domain_event(n)))
            except Exception as error:
                decoded.append((n.id, _Undecodable(n.topic, error)))
        return decoded

    def _apply_or_stop(
        self,
        projection: Projection,
        position: int,
        end: int,
        events: list[tuple[int, Any]],
    ) -> tuple[int, bool]:
        """Applies a batch; on a failure finds the event and stops the read model there.

        Returns the new position and whether the read model stopped.
        """
        try:
            position = self._apply(projection, position, end, events)
        except Exception as error:
            if is_unavailable(error):
                raise
            log.warning(
                "projection_batch_refused",
                projection=projection.name,
                after=position,
                error_type=type(error).__name__,
            )
        else:
            self._recovered(projection.name)
            return position, False
        # One event per transaction from here, to stop exactly before the one that fails.
        for nid, event in events:
            if nid <= position:
                continue
            try:
                position = self._apply(projection, position, nid, [(nid, event)])
            except Exception as error:
                if is_unavailable(error):
                    raise
                self._stop(projection.name, nid, error)
                return position, True
        self._recovered(projection.name)  # it failed only as a batch: it went through
        return self._apply(projection, position, end, []), False

    def _due(self, name: str) -> bool:
        if self._retry_at is None:
            now = time.monotonic()
            wall = datetime.now(UTC)
            self._retry_at = {
                stall.name: now + max(0.0, (stall.retry_at - wall).total_seconds())
                for stall in self.stalls().values()
            }
        retry_at = self._retry_at.get(name)
        return retry_at is None or time.monotonic() >= retry_at

    def _stop(self, name: str, nid: int, error: BaseException) -> None:
        """Records that ``name`` cannot apply event ``nid`` and when it will try again."""
        now = datetime.now(UTC)
        with self.db.transaction() as cur:
            row = cur.fetchone(
                f"SELECT position, attempts, since FROM {FAILURES_TABLE} WHERE name=?", (name,)
            )
            same = row is not None and int(row[0]) == nid
            attempts = int(row[1]) + 1 if same and row is not None else 1
            since = str(row[2]) if same and row is not None else now.isoformat()
            first, longest = STALL_PAUSE_SECONDS
            pause = min(longest, first * 2 ** (attempts - 1))
            retry_at = now + timedelta(seconds=pause)
            cur.execute(f"DELETE FROM {FAILURES_TABLE} WHERE name=?", (name,))
            cur.execute(
                f"INSERT INTO {FAILURES_TABLE} (name, position, error, attempts, since, retry_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (name, nid, _describe(error), attempts, since, retry_at.isoformat()),
            )
        assert self._retry_at is not None
        self._retry_at[name] = time.monotonic() + pause
        log.error(
            "projection_stopped",
            projection=name,
            position=nid,
            error_type=type(error).__name__,
            attempts=attempts,
            retry_in_seconds=pause,
        )

    def _recovered(self, name: str) -> None:
        if self._retry_at is None or name not in self._retry_at:
            return
        with self.db.transaction() as cur:
            cur.execute(f"DELETE FROM {FAILURES_TABLE} WHERE name=?", (name,))
        del self._retry_at[name]
        log.warning("projection_resumed", projection=name)

    def _apply(
        self,
        projection: Projection,
        position: int,
        end: int,
        events: list[tuple[int, Any]],
    ) -> int:
        with self.db.transaction() as cur:
            if not self._advance(cur, projection.name, position, end):
                # Another worker applied this batch first: take its position and move on.
                row = cur.fetchone(
                    f"SELECT position FROM {TRACKING_TABLE} WHERE name=?", (projection.name,)
                )
                return int(row[0]) if row else position
            with cur.pipeline():
                projection.process_batch(cur, _events_for(projection, events, position))
        return end

    @staticmethod
    def _advance(cur: Cursor, name: str, old: int, new: int) -> bool:
        changed = cur.execute(
            f"UPDATE {TRACKING_TABLE} SET position=? WHERE name=? AND position=?",
            (new, name, old),
        )
        return changed == 1

    def rebuild(self, name: str, progress: Progress | None = None) -> int:
        """Drops one read model and replays the whole log into it."""
        self.reset(name)
        return self.catch_up([name], progress=progress)

    # -- following ------------------------------------------------------------------------

    def run_forever(
        self,
        stop: threading.Event,
        poll_interval: float = 0.1,
        on_idle: Callable[[], None] | None = None,
    ) -> None:
        """Follows the log until ``stop`` is set; errors are logged and retried, not swallowed.

        ``on_idle`` runs whenever the read models are caught up (periodic housekeeping
        such as signing audit checkpoints).
        """
        failures = 0
        while not stop.is_set():
            try:
                read = self.catch_up()
                if not read and on_idle is not None:
                    on_idle()
                failures = 0
            except Exception as error:
                failures += 1
                if is_unavailable(error):
                    log.warning(
                        "projection_database_unavailable",
                        attempt=failures,
                        error_type=type(error).__name__,
                    )
                else:
                    log.exception("projection_batch_failed", attempt=failures)
                stop.wait(min(MAX_BACKOFF_SECONDS, poll_interval * 2**failures))
                continue
            if not read:
                stop.wait(poll_interval)

    def wait_for(self, position: int, timeout: float = 10.0) -> None:
        """Blocks until every read model has applied the log up to ``position``."""
        deadline = time.monotonic() + timeout
        while True:
            if min(self.positions().values(), default=position) >= position:
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                msg = f"projections did not reach position {position} within {timeout}s"
                raise TimeoutError(msg)
            with self._advanced:
                self._advanced.wait(min(remaining, 0.05))


def _events_for(projection: Projection, events: list[tuple[int, Any]], after: int) -> list[Any]:
    """The batch's events after ``after``; an undecodable one fails the read models it concerns."""
    chosen = []
    for nid, event in events:
        if nid <= after:
            continue
        if isinstance(event, _Undecodable):
            if event.topic in projection.topics:
                raise event.error
            continue
        chosen.append(event)
    return chosen
