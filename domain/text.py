"""Bilingual text: everything a user reads exists in Arabic and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.errors import FieldProblem, InvalidInput


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
        for lang, raw, label_ar in (("ar", ar, "العربية"), ("en", en, "الإنجليزية")):
            value = (raw or "").strip()
            if not value:
                problems.append(
                    FieldProblem(
                        f"{field}.{lang}",
                        f"{'Arabic' if lang == 'ar' else 'English'} text is required.",
                        f"النص باللغة {label_ar} مطلوب.",
                    )
                )
            elif len(value) > max_length:
                problems.append(
                    FieldProblem(
                        f"{field}.{lang}",
                        f"At most {max_length} characters.",
                        f"الحد الأقصى {max_length} حرفاً.",
                    )
                )
            cleaned[lang] = value
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
