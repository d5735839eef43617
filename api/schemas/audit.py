"""Bodies of /api/v1/audit."""

from __future__ import annotations

from typing import Any

import msgspec


class CheckpointOut(msgspec.Struct):
    position: int
    chain_digest: str
    signed_at: str
    key_id: str
    message: str
    signature: str


class CheckpointPage(msgspec.Struct):
    items: list[CheckpointOut]
    public_key_url: str


class StreamEventOut(msgspec.Struct):
    notification_id: int
    version: int
    type: str
    topic: str
    at: str
    envelope: dict[str, Any]
    data: dict[str, Any]
    record_digest: str | None
    chain_digest: str | None


class StreamPage(msgspec.Struct):
    stream_id: str
    items: list[StreamEventOut]
    next_after_version: int | None


class VerificationOut(msgspec.Struct):
    ok: bool
    events: int
    head: int
    head_digest: str
    checkpoints_confirmed: int
    first_break: dict[str, Any] | None
    checkpoint_failures: list[str]
