"""``nqs audit verify``: recompute the whole chain and name the first broken link."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from eventsourcing.sqlite import SQLiteApplicationRecorder

from projections.sql import Database
from registry.audit.chain import GENESIS, link
from registry.audit.checkpoints import Checkpoint, list_checkpoints, verify_signature
from registry.audit.recorders import CHAIN_TABLE
from registry.event_store import NQSApplication

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Break:
    notification_id: int
    kind: str  # altered | missing | unchained | relinked
    message: str


@dataclass
class Verification:
    events: int = 0
    head: int = 0
    head_digest: str = GENESIS
    first_break: Break | None = None
    checkpoints_ok: int = 0
    checkpoint_failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.first_break is None and not self.checkpoint_failures


def events_source(app: NQSApplication) -> tuple[str, str]:
    """(table, notification-id column) of the event store, for reading rows as stored."""
    recorder: Any = app.recorder
    if isinstance(recorder, SQLiteApplicationRecorder):
        return recorder.events_table_name, "rowid"
    return f'"{recorder.datastore.schema}"."{recorder.events_table_name}"', "notification_id"


def verify(
    app: NQSApplication,
    db: Database,
    public_key: Ed25519PublicKey,
    window: int = 20_000,
    progress: Progress | None = None,
) -> Verification:
    """Walks every stored event and chain row in notification order, recomputing links."""
    result = Verification()
    checkpoints = {c.position: c for c in list_checkpoints(db, limit=1_000_000)}
    table, id_col = events_source(app)
    # Both directions, so a chain row whose event was deleted shows up as a gap.
    query = (
        f"SELECT e.{id_col}, e.originator_id, e.originator_version, e.topic, e.state,"
        f" c.record_digest, c.chain_digest FROM {table} e"
        f" LEFT JOIN {CHAIN_TABLE} c ON c.notification_id = e.{id_col}"
        f" WHERE e.{id_col} > ? AND e.{id_col} <= ?"
        f" UNION ALL SELECT c.notification_id, NULL, NULL, NULL, NULL,"
        f" c.record_digest, c.chain_digest FROM {CHAIN_TABLE} c"
        f" LEFT JOIN {table} e ON e.{id_col} = c.notification_id"
        f" WHERE c.notification_id > ? AND c.notification_id <= ? AND e.{id_col} IS NULL"
        " ORDER BY 1"
    )
    with db.read() as cur:
        top = cur.fetchone(
            f"SELECT (SELECT MAX({id_col}) FROM {table}),"
            f" (SELECT MAX(notification_id) FROM {CHAIN_TABLE})"
        )
    last = max(int(top[0] or 0), int(top[1] or 0)) if top else 0

    def fetch(low: int) -> list[Any]:
        with db.read() as cur:
            return cur.fetchall(query, (low, low + window, low, low + window))

    previous, low = GENESIS, 0
    # The next window is read in a second thread while this one is hashed: the
    # database's work and the wait for rows overlap the hashing.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="audit-read") as reader:
        ahead = reader.submit(fetch, low)
        while low < last and result.first_break is None:
            rows = ahead.result()
            high = low + window
            if high < last:
                ahead = reader.submit(fetch, high)
            for raw_id, originator, version, topic, state, rec_stored, chain_stored in rows:
                notification_id = int(raw_id)
                if originator is None:
                    result.first_break = Break(
                        notification_id,
                        "missing",
                        f"Event {notification_id} was chained but is no longer stored (deleted).",
                    )
                    break
                if rec_stored is None:
                    result.first_break = Break(
                        notification_id,
                        "unchained",
                        f"Event {notification_id} is stored but was never chained "
                        "(inserted outside the registry).",
                    )
                    break
                rec, digest = link(previous, originator, version, topic, state)
                if rec != rec_stored:
                    result.first_break = Break(
                        notification_id,
                        "altered",
                        f"Event {notification_id} differs from what was chained "
                        "(its content, stream, version or position was changed).",
                    )
                    break
                if digest != chain_stored:
                    result.first_break = Break(
                        notification_id,
                        "relinked",
                        f"The chain digest of event {notification_id} does not follow from the "
                        "event before it (events were removed, reordered or the chain rewritten).",
                    )
                    break
                previous = digest
                result.events += 1
                result.head, result.head_digest = notification_id, digest
                checkpoint = checkpoints.get(notification_id)
                if checkpoint is not None:
                    _check(checkpoint, digest, public_key, result)
            low = high
            if progress is not None:
                progress(min(low, last), last)
    if result.first_break is None:
        for position in sorted(p for p in checkpoints if p > result.head):
            result.checkpoint_failures.append(
                f"Checkpoint at {position} is beyond the stored chain (events were removed)."
            )
    return result


def _check(
    checkpoint: Checkpoint, digest: str, public_key: Ed25519PublicKey, result: Verification
) -> None:
    if not verify_signature(public_key, checkpoint):
        result.checkpoint_failures.append(
            f"Checkpoint at {checkpoint.position}: the signature does not verify."
        )
    elif checkpoint.chain_digest != digest:
        result.checkpoint_failures.append(
            f"Checkpoint at {checkpoint.position}: the signed digest differs from the "
            "recomputed chain (the history before it was rewritten)."
        )
    else:
        result.checkpoints_ok += 1
