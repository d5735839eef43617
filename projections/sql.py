"""A thin, two-dialect SQL layer for the read models (SQLite and PostgreSQL).

Statements are written once with ``?`` placeholders and the portable
``INSERT … ON CONFLICT … DO UPDATE`` upsert, which both databases accept; the
PostgreSQL side only swaps the placeholder. Nothing else differs between them.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, Protocol, TypeVar

import psycopg
from psycopg_pool import ConnectionPool

Row = tuple[Any, ...]
T = TypeVar("T")
# Values per `IN (…)`: well under SQLite's limit on parameters (32,766; 999 before 3.32).
IN_CHUNK = 500


def in_chunks(values: Sequence[T], size: int = IN_CHUNK) -> Iterator[tuple[str, list[T]]]:
    """The values in pieces small enough for one ``IN (…)`` each, with its placeholders:
    ``for marks, chunk in in_chunks(ids): cur.fetchall(f"… IN ({marks})", chunk)``."""
    for start in range(0, len(values), size):
        chunk = list(values[start : start + size])
        yield ", ".join("?" * len(chunk)), chunk


class DatabaseConfig(Protocol):
    """Where the read models live; ``registry.settings.DatabaseConfig`` is one.

    Named here as a protocol so that the read models depend on nothing above them.
    """

    @property
    def kind(self) -> str:  # "sqlite" or "postgres"
        ...

    @property
    def path(self) -> Path | None: ...

    @property
    def host(self) -> str: ...

    @property
    def port(self) -> int: ...

    @property
    def user(self) -> str: ...

    @property
    def password(self) -> str: ...

    @property
    def dbname(self) -> str: ...

    @property
    def pool_size(self) -> int: ...


class Cursor(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Runs one statement; returns the number of rows it changed."""
        ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Appends many new rows at once (PostgreSQL: COPY, the fastest bulk load)."""
        ...

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None: ...

    def pipeline(self) -> AbstractContextManager[None]:
        """Sends the writes inside without waiting for each answer (PostgreSQL)."""
        ...


class Database:
    """Connections to the read-model tables, in whichever database holds the events."""

    dialect: str

    def __init__(self, config: DatabaseConfig) -> None:
        self.config = config
        self.dialect = config.kind

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        raise NotImplementedError

    @contextmanager
    def read(self) -> Iterator[Cursor]:
        """A read-only use of a connection (no commit)."""
        with self.transaction() as cursor:
            yield cursor

    def close(self) -> None:
        pass

    @staticmethod
    def open(config: DatabaseConfig) -> Database:
        if config.kind == "sqlite":
            return SQLiteDatabase(config)
        return PostgresDatabase(config)


# -- SQLite ---------------------------------------------------------------------------


class _SQLiteCursor:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self.conn.execute(sql, params).rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        marks = ", ".join("?" * len(columns))
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
            rows,
        )

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.conn.execute(sql, params).fetchall()

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row: Row | None = self.conn.execute(sql, params).fetchone()
        return row

    def pipeline(self) -> AbstractContextManager[None]:
        return nullcontext()  # in-process: there is no round trip to save


class SQLiteDatabase(Database):
    """One connection per thread (sqlite3 connections must not be shared across threads)."""

    def __init__(self, config: DatabaseConfig) -> None:
        super().__init__(config)
        assert config.path is not None
        self.path: Path = config.path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        conn = self._connection()
        # IMMEDIATE takes the write lock up front, so two writers queue instead of deadlocking.
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield _SQLiteCursor(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[Cursor]:
        conn = self._connection()
        conn.execute("BEGIN")
        try:
            yield _SQLiteCursor(conn)
        finally:
            conn.execute("ROLLBACK")

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


# -- PostgreSQL -------------------------------------------------------------------------


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


class _PostgresCursor:
    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        self.cursor = conn.cursor()
        self._deferred: list[tuple[str, Sequence[Any]]] | None = None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        if self._deferred is not None:
            self._deferred.append((sql, params))
            return -1
        self.cursor.execute(_pg(sql), params, prepare=True)
        return self.cursor.rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._flush()
        self.cursor.executemany(_pg(sql), rows)

    def insert_rows(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        self._flush()  # earlier deferred writes go first: order is kept
        with self.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self._flush()
        self.cursor.execute(_pg(sql), params, prepare=True)
        return self.cursor.fetchall()

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        self._flush()
        self.cursor.execute(_pg(sql), params, prepare=True)
        return self.cursor.fetchone()

    @contextmanager
    def pipeline(self) -> Iterator[None]:
        """Defers writes, then sends runs of the same statement as one ``executemany``.

        A batch of events mostly repeats a few statements; sending each run in one
        pipelined ``executemany`` instead of a round trip per row is what lets a
        read model catch up at tens of thousands of events a second. Order is kept:
        only *consecutive* identical statements are grouped.
        """
        self._deferred = []
        try:
            yield
            self._flush()
        finally:
            self._deferred = None

    def _flush(self) -> None:
        pending, self._deferred = self._deferred, ([] if self._deferred is not None else None)
        if not pending:
            return
        run_sql, run_rows = pending[0][0], [pending[0][1]]
        for sql, params in pending[1:]:
            if sql == run_sql:
                run_rows.append(params)
                continue
            self.cursor.executemany(_pg(run_sql), run_rows)
            run_sql, run_rows = sql, [params]
        self.cursor.executemany(_pg(run_sql), run_rows)


def postgres_conninfo(config: DatabaseConfig, dbname: str | None = None) -> str:
    return psycopg.conninfo.make_conninfo(
        host=config.host,
        port=config.port,
        user=config.user,
        password=config.password or None,
        dbname=dbname or config.dbname,
        connect_timeout=10,
    )


class PostgresDatabase(Database):
    def __init__(self, config: DatabaseConfig) -> None:
        super().__init__(config)
        self.pool = ConnectionPool(
            postgres_conninfo(config),
            min_size=1,
            max_size=max(2, config.pool_size),
            open=True,
            name="nqs-views",
        )

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        with self.pool.connection() as conn, conn.transaction():
            yield _PostgresCursor(conn)

    @contextmanager
    def read(self) -> Iterator[Cursor]:
        with self.pool.connection() as conn:
            yield _PostgresCursor(conn)
            conn.rollback()

    def close(self) -> None:
        self.pool.close()
