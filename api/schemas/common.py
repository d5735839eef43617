"""Shapes shared by every area."""

from __future__ import annotations

from typing import Annotated

import msgspec

from domain.text import Text

ShortStr = Annotated[str, msgspec.Meta(max_length=200)]
LongStr = Annotated[str, msgspec.Meta(max_length=4000)]
Reason = Annotated[str, msgspec.Meta(max_length=2000, description="Why: required for decisions")]


class TextIn(msgspec.Struct, forbid_unknown_fields=True):
    """A text in Arabic (`ar`) and English (`en`); both are required."""

    ar: LongStr
    en: LongStr

    def to_domain(self, field: str) -> Text:
        return Text.of(self.ar, self.en, field=field)


class TextOut(msgspec.Struct):
    ar: str
    en: str

    @classmethod
    def of(cls, text: Text) -> TextOut:
        return cls(ar=text.ar, en=text.en)


class EventOut(msgspec.Struct):
    """One event of an aggregate's history: what happened, who did it, when, why."""

    version: int
    type: str
    at: str
    actor_id: str
    actor_role: str
    correlation_id: str
    reason: str | None
    data: dict[str, object]
