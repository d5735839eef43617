"""Personal data as the domain sees it: a plain record before sealing, an opaque blob after.

The domain never holds a key. The service layer seals a :class:`PersonalData`
with the person's own data key (``registry/personal_data.py``) and hands the
aggregate a :class:`Sealed` value; events store only that. Destroying the key
(erasure under the PDPL) leaves every event in place and makes the blob noise.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class PersonalData:
    """Who a person is: everything here is encrypted at rest and never logged."""

    national_id: str
    name_ar: str
    name_en: str | None
    mobile: str | None
    email: str | None

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> PersonalData:
        fields: dict[str, Any] = json.loads(data)
        return cls(**fields)

    def __repr__(self) -> str:  # never print personal data by accident (logs, tracebacks)
        return "PersonalData(<redacted>)"


@dataclass(frozen=True)
class Sealed:
    """Personal data encrypted under one person's data key (nonce + AES-GCM ciphertext)."""

    blob: bytes

    def __repr__(self) -> str:
        return f"Sealed({len(self.blob)} bytes)"


ERASED = "erased"


def name_or_erased(personal: PersonalData | None) -> tuple[str, str | None]:
    """The (Arabic, English) name to show; an erased person reads "erased"."""
    if personal is None:
        return ERASED, None
    return personal.name_ar, personal.name_en
