"""Personal data encrypted with a key per person, and erased by destroying that key.

Each person gets a random 256-bit data key. Their personal fields (ID number,
names, mobile, e-mail) are sealed with it (AES-GCM, the person's id as
associated data, so a blob cannot be moved to another person), and only the
sealed blob goes into events. The data key itself is stored *wrapped* (AES-GCM
under the master key) in the ``person_keys`` table.

The key row is written by the event store's own recorder, inside the very
transaction that records the enrolment (``Application.save(..., person_keys=…)``
hands it down to ``_insert_events``): there is never an event whose key was not
stored, nor a key without its event. Erasure deletes the row in the transaction
that records the ``PersonalDataErased`` event. Events stay; the blob becomes
noise; every count stays right, because no read model decrypts anything.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventsourcing.persistence import (
    StoredEvent,
)
from eventsourcing.postgres import PostgresDatastore
from eventsourcing.sqlite import SQLiteCursor
from psycopg.sql import SQL, Identifier

from domain.personal import PersonalData, Sealed, name_or_erased
from projections.availability import POOL_RECONNECT_SECONDS, PurgingCheck, read_with_quick_retry
from projections.sql import Database, in_chunks
from registry.audit.chain import record_digest_of
from registry.audit.recorders import (
    CHAIN_TABLE,
    ChainedPostgresApplicationRecorder,
    ChainedSQLiteApplicationRecorder,
)

KEYS_TABLE = "person_keys"
NONCE_BYTES = 12
# Keyword arguments of Application.save() that reach the recorder below.
NEW_KEYS = "person_keys"
ERASED_KEYS = "erase_person_keys"

KeyRow = tuple[UUID, bytes]


class PersonalDataVault:
    """Makes, wraps, unwraps data keys; seals and opens personal data."""

    def __init__(self, master_key: bytes, db: Database | None) -> None:
        if len(master_key) != 32:
            msg = "the master key must be 32 bytes"
            raise ValueError(msg)
        self._master = AESGCM(master_key)
        self.master_key = master_key  # handed to the import's worker processes, never logged
        self.db = db

    def new_key(self, person_id: UUID) -> tuple[bytes, KeyRow]:
        """A fresh data key, and the row (person id, wrapped key) to store beside the event."""
        key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(NONCE_BYTES)
        return key, (person_id, nonce + self._master.encrypt(nonce, key, person_id.bytes))

    def unwrap(self, person_id: UUID, wrapped: bytes) -> bytes:
        return self._master.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], person_id.bytes)

    @staticmethod
    def seal(key: bytes, person_id: UUID, personal: PersonalData) -> Sealed:
        nonce = os.urandom(NONCE_BYTES)
        return Sealed(nonce + AESGCM(key).encrypt(nonce, personal.to_bytes(), person_id.bytes))

    @staticmethod
    def open_with(key: bytes, person_id: UUID, sealed: Sealed) -> PersonalData:
        blob = sealed.blob
        return PersonalData.from_bytes(
            AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], person_id.bytes)
        )

    # -- reading keys (writes go through the recorder, in the event transaction) -------

    def keys(self, person_ids: Iterable[UUID]) -> dict[UUID, bytes]:
        """The data keys still held for these people (erased ones are simply absent)."""
        return {
            person: self.unwrap(person, wrapped) for person, wrapped in self._wrapped(person_ids)
        }

    def holders(self, person_ids: Iterable[UUID]) -> set[UUID]:
        """Who of these people has a data key (e.g. from a licence application)."""
        return {person for person, _ in self._wrapped(person_ids)}

    def _wrapped(self, person_ids: Iterable[UUID]) -> Iterator[tuple[UUID, bytes]]:
        ids = [str(i) for i in dict.fromkeys(person_ids)]
        assert self.db is not None, "this vault only seals (an import worker)"
        with self.db.read() as cur:
            for marks, chunk in in_chunks(ids):
                rows = cur.fetchall(
                    f"SELECT person_id, wrapped FROM {KEYS_TABLE} WHERE person_id IN ({marks})",
                    chunk,
                )
                for person, wrapped in rows:
                    yield UUID(str(person)), bytes(wrapped)

    def key(self, person_id: UUID) -> bytes | None:
        return self.keys([person_id]).get(person_id)

    def open(self, person_id: UUID, sealed: Sealed | bytes | None) -> PersonalData | None:
        """The person's data, or None once erased (no key) or never given."""
        key = self.key(person_id)
        return self.open_many({person_id: sealed}, {person_id: key} if key else {}).get(person_id)

    def names(
        self, sealed: dict[UUID, Sealed | bytes | None]
    ) -> dict[UUID, tuple[str, str | None]]:
        """The (Arabic, English) names of many people, decrypted in one go (one key read);
        an erased person reads "erased". For lists and reports that show who."""
        opened = self.open_many(sealed)
        return {person: name_or_erased(opened.get(person)) for person in sealed}

    def open_many(
        self,
        sealed: dict[UUID, Sealed | bytes | None],
        keys: dict[UUID, bytes] | None = None,
    ) -> dict[UUID, PersonalData]:
        keys = self.keys(sealed) if keys is None else keys
        opened: dict[UUID, PersonalData] = {}
        for person, blob in sealed.items():
            key = keys.get(person)
            if key is None or blob is None:
                continue
            value = blob if isinstance(blob, Sealed) else Sealed(bytes(blob))
            try:
                opened[person] = self.open_with(key, person, value)
            except InvalidTag:  # sealed under a key since replaced: unreadable, like erased
                continue
        return opened


def erasure_records(person_id: UUID) -> dict[str, list[UUID]]:
    """What to save with an erasure event so that the person's key is deleted in the same
    transaction (``Service.save(aggregate, **erasure_records(person))``)."""
    return {ERASED_KEYS: [person_id]}


# -- the recorders that write key rows inside the event transaction ---------------------


def _create_keys_table(blob_type: str) -> str:
    return (
        f"CREATE TABLE IF NOT EXISTS {KEYS_TABLE} ("
        f"person_id TEXT PRIMARY KEY, wrapped {blob_type} NOT NULL)"
    )


class SQLiteRecorderWithKeys(ChainedSQLiteApplicationRecorder):
    """Key rows, events and their audit-chain links, in one transaction."""

    def existing_originators(self, ids: Sequence[UUID]) -> set[UUID]:
        """Which of these aggregates have events: one indexed query for a whole batch."""
        return set(self.stored_versions(ids))

    def stored_versions(self, ids: Sequence[UUID]) -> dict[UUID, int]:
        """The last stored version of each of these aggregates that has events (the group
        writer's conflict check): one indexed query for a whole batch."""
        found: dict[UUID, int] = {}
        with self.datastore.transaction(commit=False) as c:
            for marks, chunk in in_chunks([i.hex for i in ids]):
                c.execute(
                    f"SELECT originator_id, MAX(originator_version) AS version"
                    f" FROM {self.events_table_name}"
                    f" WHERE originator_id IN ({marks}) GROUP BY originator_id",
                    chunk,
                )
                found.update((UUID(row["originator_id"]), row["version"]) for row in c.fetchall())
        return found

    def construct_create_table_statements(self) -> list[str]:
        return [*super().construct_create_table_statements(), _create_keys_table("BLOB")]

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[Any], **kwargs: Any
    ) -> Sequence[int] | None:
        _write_keys(c, "?", kwargs)
        return super()._insert_events(c, stored_events, **kwargs)


class PostgresRecorderWithKeys(ChainedPostgresApplicationRecorder):
    """Records a whole save — key rows, the table lock, the notification, the events and
    their audit-chain links — in one call of a PL/pgSQL function: one round trip and one
    transaction.

    The library's own path (a pipelined transaction of five statements) holds the GIL
    for much of its round trips; under a load of concurrent enrolments the one writer
    thread then waits for the GIL more than for the disk. The function does exactly what
    that path does (``LOCK TABLE … IN EXCLUSIVE MODE`` so notification ids commit in
    order, ``NOTIFY``, ``INSERT … RETURNING notification_id``), adds the key rows, and
    links the new events into the audit chain: the record digests come from Python
    (``registry/audit/chain.py``), the chain digests are computed under the table lock,
    so no other writer can come between reading the head and extending it.
    """

    chained = True  # False only to measure what the chain costs (bench)

    def __init__(self, datastore: PostgresDatastore, **kwargs: Any) -> None:
        super().__init__(datastore, **kwargs)
        # Neither is among the library's settings (registry/availability.py and
        # registry/settings.py say why): the pool's check is replaced by one that, finding
        # a dead connection, checks all idle ones.
        datastore.pool.reconnect_timeout = POOL_RECONNECT_SECONDS
        datastore.pool._check = PurgingCheck(datastore.pool)
        names = {
            "schema": Identifier(self.datastore.schema),
            "table": Identifier(self.events_table_name),
            "id_type": Identifier(self.datastore.originator_id_type),
            "channel": Identifier(self.channel_name),
            "function": Identifier(f"nqs_insert_{self.events_table_name}"),
            "keys": Identifier(KEYS_TABLE),
            "chain": Identifier(CHAIN_TABLE),
        }
        self.sql_create_statements.append(SQL(_create_keys_table("BYTEA")))  # type: ignore[arg-type]
        self.sql_create_statements.append(
            SQL(
                "CREATE OR REPLACE FUNCTION {schema}.{function}("
                " ids {id_type}[], versions bigint[], topics text[], states bytea[],"
                " key_ids text[], key_blobs bytea[], erased text[], recs text[], chained boolean)"
                " RETURNS SETOF bigint LANGUAGE plpgsql AS $BODY$"
                " DECLARE nids bigint[]; prev text; links text[] := ARRAY[]::text[];"
                " BEGIN"
                "  SET LOCAL lock_timeout = '{timeout}s';"
                "  IF cardinality(key_ids) > 0 THEN"
                "   INSERT INTO {schema}.{keys} (person_id, wrapped)"
                "    SELECT * FROM unnest(key_ids, key_blobs);"
                "  END IF;"
                "  IF cardinality(erased) > 0 THEN"
                "   DELETE FROM {schema}.{keys} WHERE person_id = ANY(erased);"
                "  END IF;"
                "  LOCK TABLE {schema}.{table} IN EXCLUSIVE MODE;"
                "  NOTIFY {channel};"
                "  WITH inserted AS (INSERT INTO {schema}.{table}"
                "   (originator_id, originator_version, topic, state)"
                "   SELECT * FROM unnest(ids, versions, topics, states)"
                "   RETURNING notification_id)"
                "  SELECT array_agg(notification_id ORDER BY notification_id) INTO nids"
                "   FROM inserted;"
                "  IF chained AND nids IS NOT NULL THEN"
                "   SELECT chain_digest INTO prev FROM {schema}.{chain}"
                "    ORDER BY notification_id DESC LIMIT 1;"
                "   prev := coalesce(prev, repeat('0', 64));"
                "   FOR i IN 1 .. cardinality(nids) LOOP"
                "    prev := encode(sha256(convert_to(prev || recs[i], 'UTF8')), 'hex');"
                "    links := links || prev;"
                "   END LOOP;"
                "   INSERT INTO {schema}.{chain} (notification_id, record_digest, chain_digest)"
                "    SELECT * FROM unnest(nids, recs, links);"
                "  END IF;"
                "  RETURN QUERY SELECT unnest(nids);"
                " END $BODY$"
            ).format(timeout=SQL(str(int(self.datastore.lock_timeout))), **names)
        )
        # Binary parameters: psycopg dumps arrays of uuid/bytea several times faster so.
        self._call = SQL(
            "SELECT * FROM {schema}.{function}(%b, %b, %b, %b, %b, %b, %b, %b, %b)"
        ).format(**names)

    # Reads: the library's ten attempts, each waiting up to the pool's timeout, would
    # hold a request for half a minute while the database is down.
    def select_events(self, *args: Any, **kwargs: Any) -> Any:
        return read_with_quick_retry(super().select_events, *args, **kwargs)

    def select_notifications(self, *args: Any, **kwargs: Any) -> Any:
        return read_with_quick_retry(super().select_notifications, *args, **kwargs)

    def max_notification_id(self) -> int | None:
        result: int | None = read_with_quick_retry(super().max_notification_id)
        return result

    # Writes are not retried: a connection lost mid-commit leaves the outcome unknown,
    # and the caller (503) is the one who can retry safely, with its Idempotency-Key.
    # Connections are checked as they leave the pool (POSTGRES_PRE_PING), so a restart
    # of the database does not leave dead ones to fail a first attempt.
    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        new: list[KeyRow] = kwargs.get(NEW_KEYS) or []
        erased = [str(p) for p in kwargs.get(ERASED_KEYS) or []]
        params = (
            [e.originator_id for e in stored_events],
            [e.originator_version for e in stored_events],
            [e.topic for e in stored_events],
            [e.state for e in stored_events],
            [str(p) for p, _ in new],
            [w for _, w in new],
            erased,
            [
                record_digest_of(e.originator_id, e.originator_version, e.topic, e.state)
                for e in stored_events
            ]
            if self.chained
            else [],
            self.chained,
        )
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(self._call, params, prepare=True)
            return [next(iter(row.values())) for row in curs.fetchall()]

    def existing_originators(self, ids: Sequence[UUID]) -> set[UUID]:
        """Which of these aggregates have events: one indexed query for a whole batch."""
        return set(self.stored_versions(ids))

    def stored_versions(self, ids: Sequence[UUID]) -> dict[UUID, int]:
        """The last stored version of each of these aggregates that has events (the group
        writer's conflict check): one indexed query for a whole batch."""
        statement = SQL(
            "SELECT originator_id, MAX(originator_version) AS version FROM {schema}.{table}"
            " WHERE originator_id = ANY(%s::{id_type}[]) GROUP BY originator_id"
        ).format(
            schema=Identifier(self.datastore.schema),
            table=Identifier(self.events_table_name),
            id_type=Identifier(self.datastore.originator_id_type),
        )
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(statement, (list(ids),))
            return {UUID(str(row["originator_id"])): row["version"] for row in curs.fetchall()}


def _write_keys(cursor: Any, mark: str, kwargs: dict[str, Any]) -> None:
    new: list[KeyRow] = kwargs.get(NEW_KEYS) or []
    if new:
        cursor.executemany(
            f"INSERT INTO {KEYS_TABLE} (person_id, wrapped) VALUES ({mark}, {mark})",
            [(str(person), wrapped) for person, wrapped in new],
        )
    _erase_keys(cursor, mark, kwargs)


def _erase_keys(cursor: Any, mark: str, kwargs: dict[str, Any]) -> None:
    for person in kwargs.get(ERASED_KEYS) or []:
        cursor.execute(f"DELETE FROM {KEYS_TABLE} WHERE person_id = {mark}", (str(person),))


__all__ = [
    "ERASED_KEYS",
    "NEW_KEYS",
    "PersonalDataVault",
]


class UnchainedSQLiteRecorderWithKeys(SQLiteRecorderWithKeys):
    """Without the audit chain: only for measuring what the chain costs."""

    chained = False


class UnchainedPostgresRecorderWithKeys(PostgresRecorderWithKeys):
    """Without the audit chain: only for measuring what the chain costs."""

    chained = False
