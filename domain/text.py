"""Bilingual text: everything a user reads exists in Arabic and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.errors import FieldProblem, InvalidInput

REQUIRED = ("This field is required.", "هذا الحقل مطلوب.")


def check_text(
    raw: str | None,
    field: str,
    max_length: int,
    *,
    required: bool = True,
    collapse: bool = False,
    missing: tuple[str, str] = REQUIRED,
) -> tuple[str | None, FieldProblem | None]:
    """The one check of a text field: trimmed (``collapse``: runs of spaces made one),
    present when ``required`` (``missing`` says so otherwise) and at most ``max_length``
    characters. Returns the cleaned value, or None and what is wrong with it."""
    value = " ".join((raw or "").split()) if collapse else (raw or "").strip()
    if not value:
        return None, FieldProblem(field, *missing) if required else None
    if len(value) > max_length:
        return None, FieldProblem(
            field, f"At most {max_length} characters.", f"الحد الأقصى {max_length} حرفاً."
        )
    return value, None


def required_text(
    raw: str | None,
    field: str,
    max_length: int,
    *,
    collapse: bool = False,
    missing: tuple[str, str] = REQUIRED,
) -> str:
    """A required text field, cleaned; InvalidInput naming the field when it is empty or long."""
    value, problem = check_text(raw, field, max_length, collapse=collapse, missing=missing)
    if problem is not None:
        raise InvalidInput(problem.message, problem.message_ar, field=problem.field)
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
        for lang, raw, label, label_ar in (
            ("ar", ar, "Arabic", "العربية"),
            ("en", en, "English", "الإنجليزية"),
        ):
            missing = (f"{label} text is required.", f"النص باللغة {label_ar} مطلوب.")
            value, problem = check_text(raw, f"{field}.{lang}", max_length, missing=missing)
            if problem is not None:
                problems.append(problem)
            cleaned[lang] = value or ""
        if problems:
            raise InvalidInput(
                problems[0].message,
                problems[0].message_ar,
                field=problems[0].field,
                problems=problems,
            )
        return cls(ar=cleaned["ar"], en=cleaned["en"])

    def to_dict(self) -> dict[str, str]:
        return {"ar": self.ar, "en": self.en}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Text:
        return cls(ar=data["ar"], en=data["en"])
