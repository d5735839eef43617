"""The envelope every event carries: who acted, in which request, when, and why.

Designed once here so every area (initiatives, ambassadors, licences, awards)
records the same facts and the audit trail can read them uniformly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from domain.errors import ReasonRequired

PUBLIC_ACTOR = "public"
SYSTEM_ACTOR = "system"

MAX_REASON_LENGTH = 2000


@dataclass(frozen=True)
class Envelope:
    """Who did it (user id and role, ``public`` or ``system``), in which request, when, why."""

    actor_id: str
    actor_role: str
    correlation_id: str
    at: datetime
    reason: str | None = None
    # Set on creating commands that carried an Idempotency-Key: "<key digest>:<body digest>".
    idempotency: str | None = None

    def __post_init__(self) -> None:
        if self.at.tzinfo is None:
            msg = "Envelope time must be timezone-aware (UTC)"
            raise ValueError(msg)

    def with_reason(self, reason: str | None) -> Envelope:
        return replace(self, reason=reason)

    def require_reason(self) -> str:
        """Decisions must say why; returns the cleaned reason or refuses."""
        reason = (self.reason or "").strip()
        if not reason:
            raise ReasonRequired
        return reason

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "actor_id": self.actor_id,
            "actor_role": self.actor_role,
            "correlation_id": self.correlation_id,
            "at": self.at.isoformat(),
        }
        if self.reason is not None:
            data["reason"] = self.reason
        if self.idempotency is not None:
            data["idempotency"] = self.idempotency
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Envelope:
        return cls(
            actor_id=data["actor_id"],
            actor_role=data["actor_role"],
            correlation_id=data["correlation_id"],
            at=datetime.fromisoformat(data["at"]),
            reason=data.get("reason"),
            idempotency=data.get("idempotency"),
        )


def system_envelope(at: datetime, correlation_id: str, reason: str | None = None) -> Envelope:
    """The envelope of changes the registry makes itself (catalogue loads, migrations)."""
    return Envelope(
        actor_id=SYSTEM_ACTOR,
        actor_role=SYSTEM_ACTOR,
        correlation_id=correlation_id,
        at=at.astimezone(UTC),
        reason=reason,
    )
