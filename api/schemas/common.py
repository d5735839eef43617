"""Shapes shared by every area."""

from __future__ import annotations

import functools
import typing
from typing import Annotated, Any

import msgspec

from domain.text import Text, has_control_characters


class MultiLine:
    """Marks a text field that may hold line breaks and tabs (see ``domain.text``)."""


ShortStr = Annotated[str, msgspec.Meta(max_length=200)]
LineStr = Annotated[str, msgspec.Meta(max_length=4000)]
LongStr = Annotated[str, msgspec.Meta(max_length=4000), MultiLine]
Reason = Annotated[
    str, msgspec.Meta(max_length=2000, description="Why: required for decisions"), MultiLine
]


class Input(msgspec.Struct, forbid_unknown_fields=True):
    """Base of every request body: unknown fields are refused, and so is any text with control
    characters (``domain.text``'s rule), in every field, list item and key — whatever its
    declared type, so no new field can forget it. msgspec runs ``__post_init__`` on decoding
    and reports what it raises as a validation error at the struct's path."""

    def __post_init__(self) -> None:
        multiline = _multiline_fields(type(self))
        for name in self.__struct_fields__:
            if _holds_control_characters(getattr(self, name), multiline=name in multiline):
                # api.errors turns this exact wording into a problem naming the field.
                raise ValueError(f"Control characters in `{name}`")


@functools.cache
def _multiline_fields(cls: type[Input]) -> frozenset[str]:
    hints = typing.get_type_hints(cls, include_extras=True)
    return frozenset(name for name in cls.__struct_fields__ if _marked(hints[name]))


def _marked(hint: Any) -> bool:
    if MultiLine in getattr(hint, "__metadata__", ()):
        return True
    return any(_marked(arg) for arg in typing.get_args(hint))


def _holds_control_characters(value: object, *, multiline: bool) -> bool:
    if isinstance(value, str):
        return has_control_characters(value, multiline=multiline)
    if isinstance(value, list | tuple | set | frozenset):
        return any(_holds_control_characters(v, multiline=multiline) for v in value)
    if isinstance(value, dict):
        return any(
            _holds_control_characters(k, multiline=False)
            or _holds_control_characters(v, multiline=multiline)
            for k, v in value.items()
        )
    return False  # numbers, dates, enums; nested Inputs check themselves


class TextIn(Input):
    """A text in Arabic (`ar`) and English (`en`), one line each (a name, a title); both are
    required."""

    ar: LineStr
    en: LineStr

    def to_domain(self, field: str) -> Text:
        return Text.of(self.ar, self.en, field=field)


class ProseIn(TextIn):
    """A text in Arabic (`ar`) and English (`en`) that may run over several lines (a
    description, an aim, guidance); both are required."""

    ar: LongStr
    en: LongStr


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
