"""``nqs audit verify``: recompute the whole chain and name the first broken link.

Beyond the chain's own links, three things make its tail and its checkpoints
uncuttable without a trace:

- an auditor's saved copy of the checkpoints (``saved``): the chain must extend every
  one of them, and the store's checkpoint table must still hold every one of them
  (a table that shrank, or a chain cut or re-chained below a saved checkpoint, is broken);
- retired signing keys stay listed by id (``keys``), so every checkpoint is checked with
  the key that signed it;
- events after the latest checkpoint are reported as not yet sealed (and, when the latest
  checkpoint is older than the sealing interval allows, as overdue): a verification with
  an unsealed tail is never "intact", because those events could still vanish unseen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from eventsourcing.sqlite import SQLiteApplicationRecorder

from projections.sql import Database
from registry.audit.chain import GENESIS, link
from registry.audit.checkpoints import Checkpoint, key_id_of, list_checkpoints, verify_signature
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
    saved_checked: int = 0
    latest_checkpoint: int = 0
    unsealed: Unsealed | None = None
    sealing_overdue: str | None = None

    @property
    def ok(self) -> bool:
        """No broken link and no failed checkpoint (the tail may still be unsealed)."""
        return self.first_break is None and not self.checkpoint_failures

    @property
    def intact(self) -> bool:
        """Consistent and sealed to its head: nothing in it can vanish without a trace."""
        return self.ok and self.unsealed is None and self.sealing_overdue is None


@dataclass(frozen=True)
class Unsealed:
    """The events after the latest checkpoint: consistent, but not yet signed."""

    first: int
    last: int
    count: int

    def describe(self) -> str:
        span = (
            f"event {self.first}"
            if self.first == self.last
            else (f"events {self.first}–{self.last}")
        )
        return (
            f"{span} ({self.count} event{'s' if self.count != 1 else ''}) "
            "not yet sealed by a signed checkpoint"
        )


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
    *,
    keys: Mapping[str, Ed25519PublicKey] | None = None,
    saved: Sequence[Checkpoint] = (),
    now: datetime | None = None,
    interval: timedelta | None = None,
) -> Verification:
    """Walks every stored event and chain row in notification order, recomputing links.

    ``public_key`` is the current signing key, ``keys`` every listed one by id (retired
    ones included); ``saved`` an auditor's own copy of checkpoints; with ``now`` and
    ``interval`` (the sealing interval) a latest checkpoint too old is reported."""
    result = Verification()
    seals = _Seals(
        {c.position: c for c in list_checkpoints(db, limit=1_000_000)},
        {c.position: c for c in saved},
        {**(keys or {}), key_id_of(public_key): public_key},
        result,
    )
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
                seals.at(notification_id, digest)
            low = high
            if progress is not None:
                progress(min(low, last), last)
    if result.first_break is None:
        seals.finish(now, interval)
    return result


class _Seals:
    """What the checkpoints (the store's and the auditor's copy) say along the walk."""

    def __init__(
        self,
        stored: dict[int, Checkpoint],
        saved: dict[int, Checkpoint],
        ring: dict[str, Ed25519PublicKey],
        result: Verification,
    ) -> None:
        self.stored, self.saved, self.ring, self.result = stored, saved, ring, result
        self.positions = set(stored) | set(saved)
        self.unsealed_first = self.unsealed_count = 0
        _check_saved_copy(list(saved.values()), stored, ring, result)

    def at(self, notification_id: int, digest: str) -> None:
        checkpoint = self.stored.get(notification_id)
        if checkpoint is not None:
            _check(checkpoint, digest, self.ring, self.result)
        copy = self.saved.get(notification_id)
        if copy is not None and copy.chain_digest != digest:
            self.result.checkpoint_failures.append(
                f"The chain does not extend the saved checkpoint at {notification_id}:"
                " the history up to it was rewritten and re-chained."
            )
        if notification_id in self.positions:
            self.result.latest_checkpoint = notification_id
            self.unsealed_first = self.unsealed_count = 0
        else:
            self.unsealed_first = self.unsealed_first or notification_id
            self.unsealed_count += 1

    def finish(self, now: datetime | None, interval: timedelta | None) -> None:
        result = self.result
        for position in sorted(p for p in self.stored if p > result.head):
            result.checkpoint_failures.append(
                f"Checkpoint at {position} is beyond the stored chain (events were removed)."
            )
        for position in sorted(p for p in self.saved if p > result.head and p not in self.stored):
            result.checkpoint_failures.append(
                f"The saved checkpoint at {position} is beyond the stored chain, which ends at"
                f" {result.head}: events it sealed were removed."
            )
        if self.unsealed_count:
            result.unsealed = Unsealed(self.unsealed_first, result.head, self.unsealed_count)
            result.sealing_overdue = _overdue(self.stored, self.saved, result, now, interval)


def _check_saved_copy(
    saved: Sequence[Checkpoint],
    stored: Mapping[int, Checkpoint],
    ring: Mapping[str, Ed25519PublicKey],
    result: Verification,
) -> None:
    """The auditor's copy: each one genuinely signed, and each still in the store's table."""
    for copy in saved:
        key = ring.get(copy.key_id)
        if key is None or not verify_signature(key, copy):
            result.checkpoint_failures.append(
                f"The saved checkpoint at {copy.position} is not signed by a listed key."
            )
            continue
        result.saved_checked += 1
        in_store = stored.get(copy.position)
        if in_store is None:
            result.checkpoint_failures.append(
                f"The saved checkpoint at {copy.position} is missing from the store:"
                " the checkpoint table shrank."
            )
        elif in_store.chain_digest != copy.chain_digest:
            result.checkpoint_failures.append(
                f"The store's checkpoint at {copy.position} differs from the saved copy."
            )


def _overdue(
    stored: Mapping[int, Checkpoint],
    saved: Mapping[int, Checkpoint],
    result: Verification,
    now: datetime | None,
    interval: timedelta | None,
) -> str | None:
    if now is None or interval is None:
        return None
    latest = stored.get(result.latest_checkpoint) or saved.get(result.latest_checkpoint)
    # Twice the interval: the worker signs when idle, so one interval can pass unsigned.
    allowed = 2 * interval
    if latest is None:
        return f"No checkpoint seals any event, and sealing is due every {interval}."
    signed_at = datetime.fromisoformat(latest.signed_at)
    if now - signed_at <= allowed:
        return None
    return (
        f"The latest checkpoint (at {latest.position}) was signed at {latest.signed_at},"
        f" more than {allowed} ago: checkpoints are overdue."
    )


def _check(
    checkpoint: Checkpoint,
    digest: str,
    ring: Mapping[str, Ed25519PublicKey],
    result: Verification,
) -> None:
    public_key = ring.get(checkpoint.key_id)
    if public_key is None:
        result.checkpoint_failures.append(
            f"Checkpoint at {checkpoint.position}: signed by key {checkpoint.key_id},"
            " which is not listed."
        )
    elif not verify_signature(public_key, checkpoint):
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
