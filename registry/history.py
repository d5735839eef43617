"""An aggregate's history as people read it: what happened, who, when, why."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from domain.dates import PartialDate, ReportingPeriod
from domain.text import Text

_BASE_FIELDS = {"originator_id", "originator_version", "timestamp", "originator_topic", "envelope"}
# Never shown in a history, whoever asks.
_SECRET_FIELDS = {"password_hash"}


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    type: str
    at: str
    actor_id: str
    actor_role: str
    correlation_id: str
    reason: str | None
    data: dict[str, Any]


def jsonable(value: Any) -> Any:
    """Plain JSON values for event fields (texts, dates, ids, amounts, enums)."""
    if isinstance(value, Text):
        return {"ar": value.ar, "en": value.en}
    if isinstance(value, (PartialDate, ReportingPeriod)):
        return value.value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (UUID, Decimal)):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def event_data(event: Any) -> dict[str, Any]:
    """An event's own fields as plain JSON values: not the ones every event has, and never
    a secret (histories and the audit trail alike)."""
    return {
        f.name: jsonable(getattr(event, f.name))
        for f in dataclasses.fields(event)
        if f.name not in _BASE_FIELDS and f.name not in _SECRET_FIELDS
    }


def history_of(app: Application[UUID], aggregate_id: UUID) -> list[HistoryEntry]:
    return [entry_of(event) for event in app.events.get(aggregate_id)]


def entry_of(event: Any) -> HistoryEntry:
    """One event as people read it."""
    envelope = event.envelope
    return HistoryEntry(
        version=event.originator_version,
        type=type(event).__name__,
        at=event.timestamp.isoformat(),
        actor_id=envelope.actor_id,
        actor_role=envelope.actor_role,
        correlation_id=envelope.correlation_id,
        reason=envelope.reason,
        data=event_data(event),
    )
