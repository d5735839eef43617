"""How the award area's value types are stored in events.

Each frozen dataclass is stored as an object of its fields (nested values are
transcoded in turn); on the way back, lists become tuples and strings become
the enums the fields are declared with, so a replayed event holds exactly the
values that were recorded.
"""

from __future__ import annotations

import dataclasses
import types
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints
from uuid import UUID

from eventsourcing.persistence import Transcoding

from domain.awards.application import Answer, Evidence
from domain.awards.edition import Category, Phase
from domain.awards.eligibility import EligibilityRules
from domain.awards.framework import Band, Criterion, Domain, Framework, ScoreItem
from domain.awards.judging import ScoreRef
from domain.awards.organisation import Accreditation, Profile
from domain.awards.ranking import CategoryResults, Standing
from domain.awards.scoring import Assessment, DomainScore
from domain.text import Text


def _coerce(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _coerce(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(hint)
        return tuple(_coerce(args[0], v) for v in value) if args else tuple(value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    return value


_PLAIN = {str, int, bool, float, Decimal, date, datetime, UUID, Text}


def _needs_coercion(hint: Any) -> bool:
    """False for fields the JSON transcoder already returns as the declared type."""
    if hint in _PLAIN:
        return False
    if get_origin(hint) in (Union, types.UnionType):
        return any(_needs_coercion(a) for a in get_args(hint) if a is not type(None))
    return True


@cache
def _coerced_fields(cls: type) -> dict[str, Any]:
    """The fields whose stored value must be turned back into its declared type."""
    return {k: h for k, h in get_type_hints(cls).items() if _needs_coercion(h)}


class DataclassAsDict(Transcoding):
    """Stores a frozen dataclass as the object of its fields."""

    def __init__(self, cls: type) -> None:
        self.type = cls
        self.name = f"aw_{cls.__name__.lower()}"

    def encode(self, obj: Any) -> dict[str, Any]:
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}

    def decode(self, data: dict[str, Any]) -> Any:
        for name, hint in _coerced_fields(self.type).items():
            if name in data:
                data[name] = _coerce(hint, data[name])
        return self.type(**data)


AWARD_TRANSCODINGS: list[Transcoding] = [
    DataclassAsDict(cls)
    for cls in (
        Framework,
        Domain,
        Criterion,
        ScoreItem,
        Band,
        Profile,
        Accreditation,
        EligibilityRules,
        Phase,
        Category,
        Standing,
        CategoryResults,
        DomainScore,
        Answer,
        Evidence,
        Assessment,
        ScoreRef,
    )
]
