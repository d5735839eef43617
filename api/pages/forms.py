"""What public forms share: one key per form shown (so sending it twice creates once),
lists typed one item per line."""

from __future__ import annotations

import uuid
from typing import Any

import msgspec

from registry.context import PUBLIC
from registry.idempotency import IdempotencyKey

MAX_FIELD = 2000


def new_key() -> str:
    return str(uuid.uuid4())


def form_key(raw: str) -> str:
    """The form's key as sent, or a fresh one when it is missing or not a key we gave out."""
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        return new_key()


def idempotency(key: str, form: Any) -> IdempotencyKey:
    """The key bound to what the form says: the same form twice is one request."""
    return IdempotencyKey.of(PUBLIC.id, key, msgspec.json.encode(form))


def lines(text: str) -> list[str]:
    """One item per non-empty line."""
    return [line for line in (part.strip() for part in text[: MAX_FIELD * 10].splitlines()) if line]


def form_version(raw: str) -> int:
    """The version a page showed, from its hidden field (-1, which no record has, if it was
    tampered with: the change is then refused as a conflict, never applied)."""
    try:
        return int(raw)
    except ValueError:
        return -1


def whole_number(raw: str) -> int:
    """A typed whole number; ``-1`` (outside every range the registry allows) when it is
    missing or not one, so the domain's own range rule names the field."""
    try:
        return int(raw.strip())
    except ValueError:
        return -1
