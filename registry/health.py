"""Readiness: what this process can do right now, for /health and the metrics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import structlog

from projections.runner import Stall
from registry.availability import is_unavailable
from registry.group_commit import WriterStatus

if TYPE_CHECKING:
    from registry.bootstrap import Registry

__all__ = ["Readiness", "Stall"]

log = structlog.get_logger("nqs.health")


@dataclass
class Readiness:
    """What the process can do right now: read the database, write to it, and how far
    each read model has got (and whether one is stopped at an event)."""

    database: bool
    writer: WriterStatus
    head: int = 0
    positions: dict[str, int] = field(default_factory=dict)
    stalls: dict[str, Stall] = field(default_factory=dict)

    @classmethod
    def of(cls, registry: Registry) -> Readiness:
        writer = registry.writer.status()
        try:
            # Both pools: the event store's (head) and the read models' (positions).
            head = registry.runner.head()
            positions = registry.runner.positions()
            stalls = registry.runner.stalls()
        except Exception as error:
            # Whatever stops these three reads (unreachable, or a schema not migrated),
            # the honest answer is "not ready", never a 500 from the health check itself.
            log.warning(
                "health_database_unavailable",
                error_type=type(error).__name__,
                unreachable=is_unavailable(error),
            )
            return cls(database=False, writer=writer)
        return cls(True, writer, head, positions, stalls)

    @property
    def can_write(self) -> bool:
        return self.database and self.writer.ok

    @property
    def status(self) -> str:
        if not self.can_write:
            return "unavailable"
        return "degraded" if self.stalls else "ok"
