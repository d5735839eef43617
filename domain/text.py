"""Bilingual text: everything a user reads exists in Arabic and English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from domain.errors import FieldProblem, InvalidInput
from domain.messages import N_, Message

# The one rule for every text a person types. Control characters (C0, DEL, C1) and lone
# surrogates have no place in a name or a city: NUL cannot even be stored by PostgreSQL, and
# the others hide text or break the CSV and PDF renderings. A multi-line field (a reason, a
# description) keeps its line breaks ("\n", or "\r\n" as browsers send them) and tabs.
_SINGLE_LINE_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_MULTI_LINE_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]|\r(?!\n)")
CONTROL_CHARACTERS = N_("Control characters (such as NUL or line breaks) are not allowed here.")


def has_control_characters(value: str, *, multiline: bool = False) -> bool:
    """Whether ``value`` breaks the text rule above."""
    pattern = _MULTI_LINE_FORBIDDEN if multiline else _SINGLE_LINE_FORBIDDEN
    return pattern.search(value) is not None


def refuse_control_characters(value: str, *, field: str, multiline: bool = False) -> str:
    """``value`` unchanged, or a refusal naming ``field`` when it holds control characters."""
    if has_control_characters(value, multiline=multiline):
        raise InvalidInput(CONTROL_CHARACTERS, field=field)
    return value


REQUIRED = N_("This field is required.")


def check_text(
    raw: str | None,
    field: str,
    max_length: int,
    *,
    required: bool = True,
    collapse: bool = False,
    missing: str | Message = REQUIRED,
) -> tuple[str | None, FieldProblem | None]:
    """The one check of a text field: trimmed (``collapse``: runs of spaces made one),
    present when ``required`` (``missing`` says so otherwise) and at most ``max_length``
    characters. Returns the cleaned value, or None and what is wrong with it."""
    value = " ".join((raw or "").split()) if collapse else (raw or "").strip()
    if not value:
        said = Message(missing) if isinstance(missing, str) else missing
        return None, FieldProblem(field, said) if required else None
    if len(value) > max_length:
        return None, FieldProblem(
            field, Message(N_("At most {max_length} characters."), max_length=max_length)
        )
    return value, None


def required_text(
    raw: str | None,
    field: str,
    max_length: int,
    *,
    collapse: bool = False,
    missing: str | Message = REQUIRED,
) -> str:
    """A required text field, cleaned; InvalidInput naming the field when it is empty or long."""
    value, problem = check_text(raw, field, max_length, collapse=collapse, missing=missing)
    if problem is not None:
        raise InvalidInput(problem.message, field=problem.field)
    assert value is not None
    return value


@dataclass(frozen=True)
class Text:
    """A text in Arabic and English."""

    ar: str
    en: str

    @classmethod
    def of(cls, ar: str, en: str, *, field: str, max_length: int = 4000) -> Text:
        """Validated constructor: both languages present, trimmed, bounded."""
        problems = []
        cleaned = {}
        for lang, raw, missing in (
            ("ar", ar, N_("Arabic text is required.")),
            ("en", en, N_("English text is required.")),
        ):
            value, problem = check_text(raw, f"{field}.{lang}", max_length, missing=missing)
            if problem is not None:
                problems.append(problem)
            cleaned[lang] = value or ""
        if problems:
            raise InvalidInput(
                problems[0].message,
                field=problems[0].field,
                problems=problems,
            )
        return cls(ar=cleaned["ar"], en=cleaned["en"])

    def to_dict(self) -> dict[str, str]:
        return {"ar": self.ar, "en": self.en}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Text:
        return cls(ar=data["ar"], en=data["en"])
