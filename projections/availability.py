"""When the database cannot be reached: one name for it, bounded waits, reads that fail fast.

Every layer that meets a lost connection, a refused one or a pool that could not
hand one out within its timeout asks :func:`is_unavailable`; the API turns such an
error into a 503 with ``Retry-After`` instead of a 500, the group-commit writer
stops taking work until the database answers again, and the projection worker
backs off and resumes. Nothing above this module names a driver's exception type.

It sits beside ``projections/sql.py`` (the SQL layer every other layer builds on), so
that the read models, the services and the API can all use it.
"""

from __future__ import annotations

import time
import types
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import psycopg
import psycopg_pool
from eventsourcing.persistence import InterfaceError, OperationalError
from eventsourcing.postgres import PostgresDatastore

T = TypeVar("T")

# The longest a request waits for a PostgreSQL connection (pool checkout or connect).
# Under load a checkout takes milliseconds; waiting longer only turns an outage into
# hanging requests.
POOL_WAIT_SECONDS = 3
# How long a pool keeps re-trying, with its doubling pause, a connection it lost before
# it gives the slot up; a request that then finds the pool short opens a fresh one at
# once. The library's five minutes meant a pool still waiting out a 16 s pause long
# after a restarted database was back.
POOL_RECONNECT_SECONDS = 2

# What a client is told to wait before trying again. An immediate restart of
# PostgreSQL takes a second or two; a failover longer, and clients retry anyway.
RETRY_AFTER_SECONDS = 3


class DatabaseUnavailable(Exception):
    """The database could not be reached (or did not answer in time): try again shortly.

    Raised by the registry's own code; the library's and the driver's errors of the
    same kind are recognised by :func:`is_unavailable`. For a write the outcome is
    unknown when this is raised mid-commit: a retry with the same ``Idempotency-Key``
    is always safe.
    """

    def __init__(self, reason: str = "the database is unavailable") -> None:
        super().__init__(reason)


UNAVAILABLE: tuple[type[Exception], ...] = (
    DatabaseUnavailable,
    # eventsourcing wraps the driver's errors in these (PostgreSQL and SQLite alike).
    OperationalError,
    InterfaceError,
    # Raised directly by the read models' own pool; PoolTimeout is an OperationalError.
    psycopg.OperationalError,
    psycopg.InterfaceError,
)


def is_unavailable(error: BaseException) -> bool:
    """True when ``error`` means "the database is not there right now", not "bad data"."""
    return isinstance(error, UNAVAILABLE)


def _timed_out_waiting(error: BaseException) -> bool:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, psycopg_pool.PoolTimeout):
            return True
        cause = cause.__cause__
    return False


def read_with_quick_retry(
    method: Callable[..., T], *args: Any, attempts: int = 3, **kwargs: Any
) -> T:
    """Calls a library read, retrying at once a connection that broke under it, but
    never again after the pool itself waited in vain.

    The library retries its reads ten times, each attempt waiting up to the pool's
    timeout: while the database is down that is half a minute per request. A broken
    connection (the server restarted under it) is worth one more try on a fresh one;
    a pool that could not connect within its timeout is not.
    """
    inner: Callable[..., T] = method
    func = getattr(method, "__func__", None)
    if func is not None and hasattr(func, "__wrapped__"):  # a bound, retry-decorated method
        inner = types.MethodType(func.__wrapped__, method.__self__)
    for attempt in range(1, attempts + 1):
        try:
            return inner(*args, **kwargs)
        except (OperationalError, InterfaceError) as error:
            if attempt == attempts or _timed_out_waiting(error):
                raise
            time.sleep(0.05 * attempt)
    msg = "unreachable"  # pragma: no cover - the loop returns or raises
    raise AssertionError(msg)


# How recently a connection must have been handed out to skip its ping (PurgingCheck).
FRESH_SECONDS = 0.25


class PurgingCheck:
    """A pool's check of each connection it hands out that, finding one dead, checks every
    idle one at once.

    After a database restart every pooled connection is dead. The pool's own loop checks
    them one at a time with a doubling pause after each failure, so twenty dead
    connections kept requests failing for twenty seconds after the database was back;
    checked together they are all replaced straight away.
    """

    def __init__(self, pool: psycopg_pool.ConnectionPool[Any] | None = None) -> None:
        self.pool = pool
        # When each pooled connection last left the pool (and so last worked, or was
        # discarded for breaking).
        self._handed_out: weakref.WeakKeyDictionary[psycopg.Connection[Any], float] = (
            weakref.WeakKeyDictionary()
        )

    def __call__(self, conn: psycopg.Connection[Any]) -> None:
        # A connection handed out moments ago is not pinged again: under load every
        # checkout is one, and the ping was a round trip of its own before each read and
        # each group commit (a fifth of an initiative's load). A restart of the database
        # takes longer than FRESH_SECONDS, so a connection that saw the server go away was
        # last handed out longer ago than that and is pinged; one that broke mid-use is
        # discarded by the pool, and reads retry on a fresh one (read_with_quick_retry).
        now = time.monotonic()
        last = self._handed_out.get(conn)
        self._handed_out[conn] = now
        if last is not None and now - last < FRESH_SECONDS:
            return
        try:
            psycopg_pool.ConnectionPool.check_connection(conn)
        except Exception:
            if self.pool is not None:
                self.pool.check()
            raise


def postgres_probe(datastore: PostgresDatastore) -> Callable[[], None]:
    """A check that the event store can take writes: it answers, and is not a standby."""

    def probe() -> None:
        with datastore.get_connection() as conn, conn.cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery() AS standby")
            row = cursor.fetchone()
            if row is None or row["standby"]:
                msg = "the database is in recovery (read-only)"
                raise DatabaseUnavailable(msg)

    return probe


def store_probe(recorder: Any) -> Callable[[], None] | None:
    """The write probe for this application's recorder; None for SQLite (always there)."""
    datastore = getattr(recorder, "datastore", None)
    if isinstance(datastore, PostgresDatastore):
        return postgres_probe(datastore)
    return None


__all__ = [
    "POOL_RECONNECT_SECONDS",
    "POOL_WAIT_SECONDS",
    "RETRY_AFTER_SECONDS",
    "UNAVAILABLE",
    "DatabaseUnavailable",
    "PurgingCheck",
    "is_unavailable",
    "read_with_quick_retry",
    "store_probe",
]
