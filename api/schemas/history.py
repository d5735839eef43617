"""History entries as the API returns them."""

from __future__ import annotations

import msgspec

from api.schemas.common import EventOut
from registry.history import HistoryEntry


def events_out(entries: list[HistoryEntry]) -> list[EventOut]:
    return msgspec.convert(entries, list[EventOut], from_attributes=True)
