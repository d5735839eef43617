"""What the registry tells people, said once: an English msgid with named placeholders.

The domain never translates. A refusal carries a :class:`Message`, the msgid and the values
of its placeholders (``{expected}``), and the edge renders it in the reader's language through
the gettext catalogues (``registry/i18n.py``; the Arabic lives in
``api/locale/ar/LC_MESSAGES/messages.po``). :func:`N_` marks a msgid so ``pybabel extract``
finds it. A placeholder's value may itself need words: another message (translated too),
:class:`Joined` (a list, joined as the language joins lists), or a word the registry already
holds in both languages (anything with ``ar`` and ``en``, e.g. a region's name as
``domain.text.Text``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeAlias, TypeGuard


def N_(msgid: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Marks ``msgid`` for extraction into the catalogues; returns it unchanged."""
    return msgid


class Bilingual(Protocol):
    """A word held in both languages (``domain.text.Text`` is one)."""

    @property
    def ar(self) -> str: ...

    @property
    def en(self) -> str: ...


# A placeholder's value: a Message, a Joined, a Bilingual word, or anything else, shown as str()
# shows it (a number, a date already in ISO form, an id).
Param: TypeAlias = object


@dataclass(frozen=True, init=False)
class Message:
    """One msgid and the values of its placeholders: ``Message(N_("At most {n}."), n=3)``."""

    msgid: str
    params: Mapping[str, Param]

    def __init__(self, msgid: str, /, **params: Param) -> None:
        object.__setattr__(self, "msgid", msgid)
        object.__setattr__(self, "params", params)

    def __hash__(self) -> int:
        return hash((self.msgid, tuple(self.params.items())))

    def __str__(self) -> str:
        """The English text (the msgid is English), for logs and exception text."""
        return english(self)


@dataclass(frozen=True)
class Joined:
    """Several values as one, e.g. ``"Riyadh, Makkah"`` / ``"الرياض، مكة المكرمة"``;
    ``separator`` is itself a msgid, so each language joins with its own comma."""

    items: tuple[Param, ...]
    separator: str = N_(", ")

    @classmethod
    def of(cls, items: Iterable[Param], separator: str = N_(", ")) -> Joined:
        return cls(tuple(items), separator)

    def __str__(self) -> str:
        return english(self)


Readable: TypeAlias = "Message | Joined"


def english(value: Param) -> str:
    """``value`` in English without a catalogue (the msgids are the English)."""
    if isinstance(value, Message):
        return value.msgid.format_map({k: english(v) for k, v in value.params.items()})
    if isinstance(value, Joined):
        return value.separator.join(english(v) for v in value.items)
    if isinstance(value, str):
        return str(value)
    if is_bilingual(value):
        return value.en
    return str(value)


def is_bilingual(value: object) -> TypeGuard[Bilingual]:
    return isinstance(getattr(value, "ar", None), str) and isinstance(
        getattr(value, "en", None), str
    )
