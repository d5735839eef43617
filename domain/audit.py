"""Audit reads are themselves recorded: who looked at which history, when, in which request."""

from __future__ import annotations

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.envelope import Envelope


class AuditRead(RegistryAggregate):
    """One read of the audit trail (one small stream each, so reads never contend)."""

    @event("Recorded")
    def __init__(self, envelope: Envelope, resource: str, parameters: dict[str, str]) -> None:
        self.resource = resource
        self.parameters = parameters
