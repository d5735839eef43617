"""Reading the audit trail: raw stream histories with their chain digests, and the read log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from domain.audit import AuditRead
from projections.sql import Database
from registry.audit.recorders import CHAIN_TABLE
from registry.audit.verify import events_source
from registry.clock import Clock
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.history import event_data
from registry.service import Service


@dataclass(frozen=True)
class StreamEvent:
    notification_id: int
    version: int
    type: str
    topic: str
    at: str
    envelope: dict[str, Any]
    data: dict[str, Any]
    record_digest: str | None
    chain_digest: str | None


class AuditService(Service):
    def __init__(self, app: NQSApplication, clock: Clock, db: Database) -> None:
        super().__init__(app, clock)
        self.db = db

    def record_read(self, ctx: RequestContext, resource: str, parameters: dict[str, str]) -> None:
        """Every audit read leaves an event: auditors are audited too."""
        self.save(AuditRead(envelope=self.envelope(ctx), resource=resource, parameters=parameters))

    def stream(self, stream_id: UUID, after_version: int, limit: int) -> list[StreamEvent]:
        """A page of any aggregate's raw history, each event with its envelope and chain link."""
        table, id_col = events_source(self.app)
        # SQLite keeps stream ids as hex text, PostgreSQL as uuid.
        key: object = stream_id.hex if self.db.dialect == "sqlite" else stream_id
        with self.db.read() as cur:
            rows = cur.fetchall(
                f"SELECT e.{id_col}, e.originator_version, e.topic, e.state,"
                f" c.record_digest, c.chain_digest FROM {table} e"
                f" LEFT JOIN {CHAIN_TABLE} c ON c.notification_id = e.{id_col}"
                f" WHERE e.originator_id = ? AND e.originator_version > ?"
                " ORDER BY e.originator_version LIMIT ?",
                (key, after_version, limit),
            )
        page = []
        for notification_id, version, topic, state, rec, chain in rows:
            event: Any = self.app.mapper.to_domain_event(
                StoredEvent(stream_id, int(version), topic, bytes(state))
            )
            envelope = getattr(event, "envelope", None)
            page.append(
                StreamEvent(
                    notification_id=int(notification_id),
                    version=int(version),
                    type=type(event).__name__,
                    topic=topic,
                    at=event.timestamp.isoformat(),
                    envelope=envelope.to_dict() if envelope is not None else {},
                    data=event_data(event),
                    record_digest=rec,
                    chain_digest=chain,
                )
            )
        return page
