"""Who is acting, and in which request: what the API hands every command."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from domain.envelope import PUBLIC_ACTOR, SYSTEM_ACTOR


@dataclass(frozen=True)
class Actor:
    id: str
    role: str


PUBLIC = Actor(PUBLIC_ACTOR, PUBLIC_ACTOR)
SYSTEM = Actor(SYSTEM_ACTOR, SYSTEM_ACTOR)


@dataclass(frozen=True)
class RequestContext:
    actor: Actor
    correlation_id: str

    @classmethod
    def system(cls, correlation_id: str | None = None) -> RequestContext:
        return cls(SYSTEM, correlation_id or f"system-{uuid.uuid4()}")
