"""The base every registry aggregate builds on.

Each event carries an ``envelope`` (who, which request, when, why) and its
timestamp is the envelope's time, which comes from the injectable clock of the
service layer rather than the wall clock, so deadlines and expiries are testable.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, CanInitAggregate, CanMutateAggregate

from domain.envelope import Envelope
from domain.errors import VersionConflict


class RegistryAggregate(Aggregate):
    """Aggregate whose every event is stamped with an :class:`Envelope`."""

    class Event(Aggregate.Event):
        envelope: Envelope

    class Created(Event, Aggregate.Created):
        pass

    @classmethod
    def _create(
        cls,
        event_class: type[CanInitAggregate[UUID]],
        *,
        id: UUID | None = None,
        **kwargs: Any,
    ) -> Any:
        kwargs["timestamp"] = _envelope_of(kwargs).at
        return super()._create(event_class, id=id, **kwargs)

    def trigger_event(
        self,
        event_class: type[CanMutateAggregate[UUID]],
        **kwargs: Any,
    ) -> None:
        kwargs["timestamp"] = _envelope_of(kwargs).at
        super().trigger_event(event_class, **kwargs)

    def check_version(self, expected: int | None) -> None:
        """Refuse a change based on a stale read (the caller's If-Match)."""
        if expected is not None and expected != self.version:
            raise VersionConflict(expected=expected, actual=self.version)


def _envelope_of(kwargs: dict[str, Any]) -> Envelope:
    envelope = kwargs.get("envelope")
    if not isinstance(envelope, Envelope):
        msg = "every registry event needs an 'envelope' argument"
        raise TypeError(msg)
    return envelope
