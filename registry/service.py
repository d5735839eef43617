"""What every command service shares: envelopes, loading, saving, concurrency, replay.

Library errors are translated into domain errors here, at the boundary, so
nothing above this layer knows eventsourcing's exception types.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError, StoredEvent

from domain.aggregate import RegistryAggregate
from domain.envelope import Envelope
from domain.errors import AlreadyExists, NotFound, VersionConflict
from domain.messages import N_
from registry.clock import Clock
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.event_store import project as _project
from registry.group_commit import GroupCommitWriter
from registry.history import HistoryEntry, history_of
from registry.idempotency import IdempotencyKey
from registry.personal_data import NEW_KEYS, KeyRow

A = TypeVar("A", bound=RegistryAggregate)

# Saves of up to this many events share the group writer's transactions (a command is
# one or a few); bigger ones (loading a catalogue) gain nothing from company and go alone,
# beyond the writer's timeout, which is sized for commands.
GROUPED_MAX_EVENTS = 10


@dataclass(frozen=True)
class Noun:
    """How a service says one of its records is not there: ``missing`` now, ``missing_then``
    (with ``{as_of}``) at an earlier instant. Whole sentences (msgids), so each language
    words them its own way."""

    missing: str
    missing_then: str


class Service:
    """Base of the command services; each area's service subclasses it."""

    def __init__(self, app: NQSApplication, clock: Clock) -> None:
        self.app = app
        self.clock = clock

    def envelope(
        self,
        ctx: RequestContext,
        reason: str | None = None,
        idempotency: IdempotencyKey | None = None,
    ) -> Envelope:
        return Envelope(
            actor_id=ctx.actor.id,
            actor_role=ctx.actor.role,
            correlation_id=ctx.correlation_id,
            at=self.clock.now(),
            reason=(reason.strip() or None) if reason else None,
            idempotency=idempotency.stamp if idempotency else None,
        )

    # -- reading -------------------------------------------------------------------

    def load(self, cls: type[A], aggregate_id: UUID, noun: Noun) -> A:
        """Loads an aggregate of the given class, or raises NotFound naming the noun."""
        try:
            aggregate = self.app.repository_for(cls).get(aggregate_id, projector_func=_project)
        except AggregateNotFoundError:
            raise _not_found(noun) from None
        if not isinstance(aggregate, cls):
            raise _not_found(noun)
        return aggregate

    def find(self, cls: type[A], aggregate_id: UUID) -> A | None:
        try:
            aggregate = self.app.repository_for(cls).get(aggregate_id, projector_func=_project)
        except AggregateNotFoundError:
            return None
        return aggregate if isinstance(aggregate, cls) else None

    def load_as_of(self, cls: type[A], aggregate_id: UUID, as_of: datetime, noun: Noun) -> A:
        """The aggregate exactly as it stood at ``as_of``: replayed from its events."""
        aggregate: Any = None
        domain_event: Any
        for domain_event in self.app.events.get(aggregate_id):
            if domain_event.timestamp > as_of:
                break
            aggregate = domain_event.mutate(aggregate)
        if aggregate is None or not isinstance(aggregate, cls):
            raise _not_found(noun, as_of=as_of)
        return aggregate

    def history_of(
        self, cls: type[RegistryAggregate], aggregate_id: UUID, noun: Noun
    ) -> list[HistoryEntry]:
        """Every change of one aggregate as people read it — what, who, when, why — or
        NotFound naming the noun when there is no such aggregate."""
        self.load(cls, aggregate_id, noun)
        return history_of(self.app, aggregate_id)

    def is_replay(
        self, aggregate_id: UUID, idempotency: IdempotencyKey | None, *, creation: bool = False
    ) -> bool:
        """True when an event of this aggregate (``creation``: its first) was made by this very
        request; the same key with another body is refused (IdempotencyMismatch)."""
        if idempotency is None:
            return False
        for domain_event in self.app.events.get(aggregate_id, lte=1 if creation else None):
            envelope = getattr(domain_event, "envelope", None)
            if envelope is not None and idempotency.is_replay_of(envelope.idempotency):
                return True
        return False

    # -- writing -------------------------------------------------------------------

    def try_save(self, *items: Any, **records: Any) -> bool:
        """Saves aggregates or events atomically (``records``: rows the recorder writes in the
        same transaction, e.g. personal-data keys); False when the store refused because one
        of them was written first by someone else."""
        try:
            writer = self.app.writer
            if writer is not None and set(records) <= {NEW_KEYS} and _is_small(items):
                # Beside concurrent commands, in one transaction (registry/group_commit.py);
                # the snapshots save() would take are taken before this returns.
                events = _events_of(items)
                writer.submit_events(
                    events, records.get(NEW_KEYS) or [], after=self.app.snapshots_due(events)
                )
            else:
                self.app.save(*items, **records)
        except IntegrityError:
            return False
        return True

    def try_insert(self, stored: Sequence[StoredEvent], **records: Any) -> bool:
        """Inserts events already encoded for the store, straight through the recorder (they
        are new: no snapshots, cache or subscribers apply); False on a clash, like try_save."""
        try:
            self.app.recorder.insert_events(list(stored), **records)
        except IntegrityError:
            return False
        return True

    def try_submit(
        self, writer: GroupCommitWriter, aggregate: RegistryAggregate, keys: list[KeyRow]
    ) -> bool:
        """Saves a new aggregate in the writer's next group commit; False on a clash."""
        try:
            writer.submit(aggregate, keys)
        except IntegrityError:
            return False
        return True

    async def try_submit_async(
        self, writer: GroupCommitWriter, aggregate: RegistryAggregate, keys: list[KeyRow]
    ) -> bool:
        """The same, awaited on the event loop."""
        try:
            await writer.submit_async(aggregate, keys)
        except IntegrityError:
            return False
        return True

    def save(self, *aggregates: RegistryAggregate, **records: Any) -> None:
        """Saves atomically; a concurrent writer who got there first makes this a conflict."""
        # The versions read before this change (0 = new); save() empties pending_events.
        read_versions = [a.version - len(a.pending_events) for a in aggregates]
        if not self.try_save(*aggregates, **records):
            for aggregate, read_version in zip(aggregates, read_versions, strict=True):
                current = self.find(type(aggregate), aggregate.id)
                if read_version == 0 and current is not None:
                    raise AlreadyExists(
                        N_("It was created by someone else at the same moment."),
                    ) from None
                if current is not None and current.version != read_version:
                    raise VersionConflict(expected=read_version, actual=current.version) from None
            raise AlreadyExists(
                N_("Someone else changed it at the same moment."),
            )

    def create(
        self,
        aggregate: A,
        idempotency: IdempotencyKey | None,
        exists: str,
    ) -> A:
        """Saves a new aggregate; an idempotent retry returns the first result instead."""
        # Insert first and look only on a clash: the common case costs one round trip.
        try:
            self.save(aggregate)
        except AlreadyExists:
            existing = self.find(type(aggregate), aggregate.id)
            if existing is None:  # pragma: no cover - the other writer's row vanished
                raise
        else:
            return aggregate
        if self.is_replay(existing.id, idempotency, creation=True):
            return existing
        raise AlreadyExists(exists, field="id")

    def change(
        self,
        cls: type[A],
        aggregate_id: UUID,
        expected_version: int | None,
        noun: Noun,
        command: Callable[[A], None],
    ) -> A:
        """Load, refuse a stale If-Match, run one aggregate command, save."""
        aggregate = self.load(cls, aggregate_id, noun)
        aggregate.check_version(expected_version)
        command(aggregate)
        if aggregate.pending_events:
            self.save(aggregate)
        return aggregate


def _is_small(items: Sequence[Any]) -> bool:
    """Whether a save of these has between 1 and GROUPED_MAX_EVENTS events."""
    count = sum(
        len(item.pending_events) if isinstance(item, RegistryAggregate) else item is not None
        for item in items
    )
    return 0 < count <= GROUPED_MAX_EVENTS


def _events_of(items: Sequence[Any]) -> list[Any]:
    """The events a save of these aggregates or events records (an aggregate's pending
    events are taken from it, as ``save()`` takes them)."""
    events: list[Any] = []
    for item in items:
        if isinstance(item, RegistryAggregate):
            events.extend(item.collect_events())
        elif item is not None:
            events.append(item)
    return events


def _not_found(noun: Noun, as_of: datetime | None = None) -> NotFound:
    if as_of is not None:
        return NotFound(noun.missing_then, as_of=as_of.isoformat())
    return NotFound(noun.missing)
