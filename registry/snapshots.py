"""Snapshots of long-lived aggregates: a load reads one snapshot and the events after it.

An initiative is measured every month for years; replaying a hundred events meant
reading a hundred rows and decoding a hundred JSON documents on every load (13 ms at
p99 on the project's VM, against a target of 5 ms). The eventsourcing library stores a
snapshot every ``SNAPSHOTTING_INTERVALS`` events (``NQSApplication``) in its own table
(``nqs_snapshots``, created by ``nqs migrate``), outside the notification log, so
projections and the audit chain never see them; loads as of a past instant
(``Service.load_as_of``) still replay events and never read a snapshot.

The library's own snapshot stores the aggregate's ``__dict__`` as it is, which its JSON
transcoder cannot hold when a dictionary is keyed by ids or the state holds enums or
plain dataclasses. :class:`StateSnapshot` stores the same state through
:func:`encode_state`, which spells those out as tagged JSON (and leaves every type the
application has a transcoding for to the transcoder), and reverses it on load.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Self
from uuid import UUID

from eventsourcing.domain import Snapshot
from eventsourcing.utils import get_topic, resolve_topic

# Leaves the application's transcoder encodes itself: the library's defaults here, the
# application's own transcodings added by registry/event_store.py (which imports this).
LEAVES: set[type] = {UUID, Decimal, datetime}
_TAGS = ("_map_", "_tuple_", "_set_", "_frozenset_", "_enum_", "_dc_", "_dict_")
# Only the domain's own classes are rebuilt from a stored topic.
_TRUSTED = "domain."


def encode_state(value: Any) -> Any:
    """``value`` as JSON-shaped data the application's transcoder can store."""
    kind = type(value)
    if value is None or kind in (str, int, float, bool) or kind in LEAVES:
        return value
    if isinstance(value, Enum):
        return {"_enum_": [get_topic(kind), value.value]}
    if kind is dict:
        if all(type(k) is str for k in value):
            encoded = {k: encode_state(v) for k, v in value.items()}
            # A state dict that looks like a tag is wrapped, so decoding never mistakes it.
            if len(encoded) == 1 and next(iter(encoded)) in _TAGS:
                return {"_dict_": encoded}
            return encoded
        return {"_map_": [[encode_state(k), encode_state(v)] for k, v in value.items()]}
    if kind is list:
        return [encode_state(v) for v in value]
    if kind is tuple:
        return {"_tuple_": [encode_state(v) for v in value]}
    if kind is set or kind is frozenset:
        return {f"_{kind.__name__}_": [encode_state(v) for v in value]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: encode_state(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"_dc_": [get_topic(kind), fields]}
    return value  # the transcoder refuses what it cannot encode, naming the type


def decode_state(value: Any) -> Any:
    """The inverse of :func:`encode_state` (after the transcoder has decoded the leaves)."""
    kind = type(value)
    if kind is list:
        return [decode_state(v) for v in value]
    if kind is not dict:
        return value
    if len(value) == 1:
        tag, data = next(iter(value.items()))
        if tag == "_map_":
            return {decode_state(k): decode_state(v) for k, v in data}
        if tag == "_tuple_":
            return tuple(decode_state(v) for v in data)
        if tag == "_set_":
            return {decode_state(v) for v in data}
        if tag == "_frozenset_":
            return frozenset(decode_state(v) for v in data)
        if tag == "_enum_":
            return _trusted(data[0])(data[1])
        if tag == "_dc_":
            cls = _trusted(data[0])
            obj = object.__new__(cls)
            for name, field_value in data[1].items():
                object.__setattr__(obj, name, decode_state(field_value))
            return obj
        if tag == "_dict_":
            return {k: decode_state(v) for k, v in data.items()}
    return {k: decode_state(v) for k, v in value.items()}


def _trusted(topic: str) -> Any:
    if not topic.startswith(_TRUSTED):
        msg = f"snapshot names a class outside the domain: {topic}"
        raise ValueError(msg)
    return resolve_topic(topic)


@dataclasses.dataclass(frozen=True)
class StateSnapshot(Snapshot):
    """A snapshot whose state survives the JSON transcoder (see the module's docstring)."""

    @classmethod
    def take(cls, aggregate: Any) -> Self:
        state = dict(vars(aggregate))
        for name in ("_id", "_version", "_pending_events"):
            state.pop(name, None)
        class_version = getattr(type(aggregate), "class_version", 1)
        if class_version > 1:
            state["class_version"] = class_version
        return cls(
            originator_id=aggregate.id,
            originator_version=aggregate.version,
            timestamp=cls.create_timestamp(),
            topic=get_topic(type(aggregate)),
            state=encode_state(state),
        )

    def mutate(self, _: None) -> Any:
        cls = _trusted(self.topic)
        state = decode_state(self.state)
        from_version = state.pop("class_version", 1)
        while from_version < getattr(cls, "class_version", 1):
            getattr(cls, f"upcast_v{from_version}_v{from_version + 1}")(state)
            from_version += 1
        state["_id"] = self.originator_id
        state["_version"] = self.originator_version
        state["_pending_events"] = []
        aggregate = object.__new__(cls)
        object.__setattr__(aggregate, "__dict__", state)
        return aggregate
