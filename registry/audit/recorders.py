"""Event recorders that chain every event as it is stored, in the same transaction.

Selected through the eventsourcing ``APPLICATION_RECORDER_TOPIC`` setting (see
``DatabaseConfig.eventsourcing_env``). Both stores serialise event writers already
(SQLite has one writer; the PostgreSQL recorder locks the events table in EXCLUSIVE
mode before inserting), so reading the previous digest inside the transaction is safe:
no other writer can append between that read and this commit.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor, SQLiteDatastore
from psycopg import Cursor
from psycopg.rows import DictRow
from psycopg.sql import SQL, Identifier

from registry.audit.chain import GENESIS, link

CHAIN_TABLE = "event_chain"
CHAIN_DDL = (
    "CREATE TABLE IF NOT EXISTS {table} ("
    " notification_id BIGINT PRIMARY KEY,"
    " record_digest TEXT NOT NULL,"
    " chain_digest TEXT NOT NULL)"
)


class _ChainHead:
    """The last link this process committed, to skip re-reading it on the next append.

    Safe because writers are serialised and notification ids only grow: if the first
    id of this insert is the cached id + 1, nothing was committed in between (by this
    process or any other); otherwise the head is read from the table. The cache only
    moves after a commit, so a rolled-back insert never leaves it wrong.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._head: tuple[int, str] | None = None
        self._pending = threading.local()

    def previous_for(self, first_id: int) -> str | None:
        with self._lock:
            head = self._head
        if head is not None and head[0] == first_id - 1:
            return head[1]
        return None

    def stage(self, last_id: int, digest: str) -> None:
        self._pending.link = (last_id, digest)

    def committed(self) -> None:
        staged = getattr(self._pending, "link", None)
        self._pending.link = None
        if staged is None:
            return
        with self._lock:
            if self._head is None or staged[0] > self._head[0]:
                self._head = staged

    def discard(self) -> None:
        self._pending.link = None


def _links(
    previous: str, stored_events: Sequence[StoredEvent], ids: Sequence[int]
) -> list[tuple[int, str, str]]:
    rows = []
    for stored, notification_id in zip(stored_events, ids, strict=True):
        rec, previous = link(
            previous,
            stored.originator_id,
            stored.originator_version,
            stored.topic,
            stored.state,
        )
        rows.append((notification_id, rec, previous))
    return rows


class ChainedSQLiteApplicationRecorder(SQLiteApplicationRecorder):
    chained = True  # False only to measure what the chain costs (bench)

    def __init__(self, datastore: SQLiteDatastore, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name)
        self.chain_head = _ChainHead()

    def construct_create_table_statements(self) -> list[str]:
        return [*super().construct_create_table_statements(), CHAIN_DDL.format(table=CHAIN_TABLE)]

    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        try:
            ids: Sequence[int] | None = super().insert_events(stored_events, **kwargs)
        except BaseException:
            self.chain_head.discard()
            raise
        self.chain_head.committed()
        return ids

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids = super()._insert_events(c, stored_events, **kwargs)
        if ids and self.chained:
            previous = self.chain_head.previous_for(ids[0])
            if previous is None:
                c.execute(
                    f"SELECT chain_digest FROM {CHAIN_TABLE} ORDER BY notification_id DESC LIMIT 1"
                )
                row = c.fetchone()
                previous = row["chain_digest"] if row else GENESIS
            links = _links(previous, stored_events, ids)
            c.executemany(
                f"INSERT INTO {CHAIN_TABLE} (notification_id, record_digest, chain_digest)"
                " VALUES (?, ?, ?)",
                links,
            )
            self.chain_head.stage(links[-1][0], links[-1][2])
        return ids


class ChainedPostgresApplicationRecorder(PostgresApplicationRecorder):
    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        table = Identifier(self.datastore.schema, CHAIN_TABLE)
        self.sql_create_statements.append(SQL(CHAIN_DDL).format(table=table))
        self._select_last = SQL(
            "SELECT chain_digest FROM {} ORDER BY notification_id DESC LIMIT 1"
        ).format(table)
        self._insert_links = SQL(
            "INSERT INTO {} (notification_id, record_digest, chain_digest) VALUES (%s, %s, %s)"
        ).format(table)
        self.chain_head = _ChainHead()

    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        try:
            ids: Sequence[int] | None = super().insert_events(stored_events, **kwargs)
        except BaseException:
            self.chain_head.discard()
            raise
        self.chain_head.committed()
        return ids

    def _fetch_ids_after_insert_events(
        self, curs: Cursor[DictRow], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        ids: Sequence[int] | None = super()._fetch_ids_after_insert_events(
            curs, stored_events, **kwargs
        )
        if ids:
            previous = self.chain_head.previous_for(ids[0])
            if previous is None:
                curs.execute(self._select_last, prepare=True)
                row = curs.fetchone()
                previous = row["chain_digest"] if row else GENESIS
            links = _links(previous, stored_events, ids)
            curs.executemany(self._insert_links, links)
            self.chain_head.stage(links[-1][0], links[-1][2])
        return ids
