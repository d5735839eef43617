"""The one eventsourcing application of the registry.

One application (one event store, one notification log) serves every area:
projections follow a single global order, the audit chain runs over it, and
the library's advice to keep one application per process holds. The areas'
command services (``registry/initiatives.py`` and friends) share it.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import UUID

import structlog
from eventsourcing.application import Application, Repository
from eventsourcing.persistence import EventStore, JSONTranscoder, StoredEvent, Transcoding

from domain.dates import PartialDate, ReportingPeriod
from domain.envelope import Envelope
from domain.initiatives.initiative import Initiative
from domain.personal import Sealed
from domain.text import Text
from projections.availability import read_with_quick_retry
from registry import snapshots
from registry.award_transcodings import AWARD_TRANSCODINGS

if TYPE_CHECKING:
    from registry.group_commit import GroupCommitWriter

log = structlog.get_logger("nqs.snapshots")

# A snapshot every 20 events: a load then decodes one snapshot and at most 19 events,
# and taking one (a load and one insert, after the save) is spread over 20 saves.
SNAPSHOT_EVERY = 20


class NQSApplication(Application[UUID]):
    name = "nqs"
    # Aggregates whose histories grow for years (registry/snapshots.py says why).
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {Initiative: SNAPSHOT_EVERY}

    def __init__(self, env: Any = None) -> None:
        super().__init__(env)
        # Loads of the aggregates that never snapshot skip the snapshot store: asking it
        # is a round trip of its own, before the events, on every load.
        self._replaying: Repository[UUID] = Repository(event_store=self.events)
        # The process's group-commit writer (registry/bootstrap.py), shared by the
        # services' saves (Service.try_save); None: every save is its own transaction.
        self.writer: GroupCommitWriter | None = None

    def repository_for(self, cls: type[Any]) -> Repository[UUID]:
        """The repository that loads aggregates of ``cls``: the one that reads snapshots
        when an aggregate of ``cls`` may have them, else one that only reads events."""
        if self.snapshots is not None and any(
            issubclass(snapshotting, cls) for snapshotting in self.snapshotting_intervals
        ):
            return self.repository
        return self._replaying

    def record_stored(self, *stored: StoredEvent, **records: Any) -> None:
        """Records events the mapper has already encoded: what ``save()`` does with them,
        for the group writer, which encodes in each caller's thread (registry/group_commit.py).

        ``save()`` beyond this only collects the events again (a runtime-checkable Protocol
        check per event, slow on Python 3.11), fills the aggregate cache (off here) and
        takes snapshots (the writer runs ``snapshots_due`` after the commit).
        """
        self.recorder.insert_events(list(stored), **records)

    def snapshots_due(self, events: Sequence[Any]) -> Callable[[], None] | None:
        """What ``save()`` would do after committing these events, for a save made from
        events alone (the group writer's): take the snapshots they make due, if any."""
        if self.snapshots is None:
            return None
        due = [
            (e.originator_id, e.originator_version)
            for e in events
            for cls, interval in self.snapshotting_intervals.items()
            if isinstance(e, cls.Event) and e.originator_version % interval == 0
        ]
        if not due:
            return None

        def take() -> None:
            for aggregate_id, version in due:
                self.take_snapshot(aggregate_id, version)

        return take

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        for transcoding in TRANSCODINGS:
            transcoder.register(transcoding)

    def construct_snapshot_store(self) -> EventStore[UUID]:
        """The library's snapshot store, with reads that fail fast while the database is
        down (as the event recorder's do, registry/personal_data.py): every load asks it
        first, and the library's ten attempts held a request for half a minute."""
        store = super().construct_snapshot_store()
        recorder: Any = store.recorder
        select_events = recorder.select_events
        recorder.select_events = functools.partial(read_with_quick_retry, select_events)
        return store

    def take_snapshot(
        self, aggregate_id: UUID, version: int | None = None, projector_func: Any = None
    ) -> None:
        """Stores a :class:`~registry.snapshots.StateSnapshot` of the aggregate at ``version``.

        Called by ``save()`` once the events are committed: a snapshot that cannot be
        taken is logged and skipped, never turned into a failure of the saved command
        (loads then replay a few more events).
        """
        assert self.snapshots is not None
        try:
            aggregate = self.repository.get(aggregate_id, version=version, projector_func=project)
            self.snapshots.put([snapshots.StateSnapshot.take(aggregate)])
        except Exception as error:
            log.warning(
                "snapshot_skipped",
                aggregate_id=str(aggregate_id),
                version=version,
                error=type(error).__name__,
            )


def project(aggregate: Any, events: Iterable[Any]) -> Any:
    """Replays events (a snapshot first, if there is one) onto an aggregate.

    The library's default projector asserts a runtime-checkable Protocol per event,
    which costs more than the mutation itself; every registry event can mutate.
    """
    for domain_event in events:
        aggregate = domain_event.mutate(aggregate)
    return aggregate


class _EnvelopeAsDict(Transcoding):
    type = Envelope
    name = "envelope"

    def encode(self, obj: Envelope) -> dict[str, Any]:
        return obj.to_dict()

    def decode(self, data: dict[str, Any]) -> Envelope:
        return Envelope.from_dict(data)


class _TextAsDict(Transcoding):
    type = Text
    name = "text"

    def encode(self, obj: Text) -> list[str]:
        return [obj.ar, obj.en]

    def decode(self, data: list[str]) -> Text:
        return Text(ar=data[0], en=data[1])


class _PartialDateAsStr(Transcoding):
    type = PartialDate
    name = "pdate"

    def encode(self, obj: PartialDate) -> str:
        return obj.value

    def decode(self, data: str) -> PartialDate:
        return PartialDate(data)


class _ReportingPeriodAsStr(Transcoding):
    type = ReportingPeriod
    name = "period"

    def encode(self, obj: ReportingPeriod) -> str:
        return obj.value

    def decode(self, data: str) -> ReportingPeriod:
        return ReportingPeriod(data)


class _DateAsISO(Transcoding):
    type = date
    name = "date"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class _SealedAsBase64(Transcoding):
    type = Sealed
    name = "sealed"

    def encode(self, obj: Sealed) -> str:
        return base64.b64encode(obj.blob).decode("ascii")

    def decode(self, data: str) -> Sealed:
        return Sealed(base64.b64decode(data))


TRANSCODINGS: list[Transcoding] = [
    _EnvelopeAsDict(),
    _TextAsDict(),
    _PartialDateAsStr(),
    _ReportingPeriodAsStr(),
    _DateAsISO(),
    *AWARD_TRANSCODINGS,
    _SealedAsBase64(),
]
snapshots.LEAVES.update(transcoding.type for transcoding in TRANSCODINGS)
