"""History entries as the API returns them."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import Application

from api.schemas.common import EventOut
from registry import history


def history_of(app: Application[UUID], aggregate_id: UUID) -> list[EventOut]:
    return [
        EventOut(
            version=e.version,
            type=e.type,
            at=e.at,
            actor_id=e.actor_id,
            actor_role=e.actor_role,
            correlation_id=e.correlation_id,
            reason=e.reason,
            data=e.data,
        )
        for e in history.history_of(app, aggregate_id)
    ]
