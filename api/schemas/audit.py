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
    public_keys_url: str


class PublicKeyOut(msgspec.Struct):
    """A key that signed checkpoints, by id; retired keys stay listed."""

    key_id: str
    public_key_pem: str
    first_used_at: str
    current: bool


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
    intact: bool
    latest_checkpoint: int
    unsealed: dict[str, int] | None
    sealing_overdue: str | None


class ReplayEventOut(msgspec.Struct):
    """One event on the way to a decision: what, who, when, in which request, why."""

    stream: str
    version: int
    type: str
    at: str
    actor_id: str
    actor_role: str
    correlation_id: str
    reason: str | None
    data: dict[str, Any]


class CategoryBoardOut(msgspec.Struct):
    category: str
    framework_key: str
    framework_version: int
    winners_allowed: int
    published: bool
    standings: list[Any]


class LeaderboardAsOfOut(msgspec.Struct):
    edition_id: str
    as_of: str
    edition_status: str
    minimum_score: str
    tie_break: str
    categories: list[CategoryBoardOut]


class JudgeScoresOut(msgspec.Struct):
    judge_id: str
    assigned: bool
    declaration: str
    submitted: bool
    scores: list[Any]


class SourceOut(msgspec.Struct):
    judge_id: str
    revision: int
    points: str


class ConsensusScoreOut(msgspec.Struct):
    criterion: str
    points: str
    revision: int
    justification: str
    sources: list[SourceOut]


class DecisionOut(msgspec.Struct):
    application_id: str
    as_of: str
    status: str
    category: str
    submitted_at: str | None
    screening_reason: str | None
    edition_id: str
    edition_status: str
    framework_key: str
    framework_version: int
    framework_id: str
    judges: list[JudgeScoresOut]
    consensus: list[ConsensusScoreOut]
    standing: Any | None
    results_published: bool
    events: list[ReplayEventOut]


class RevisionOut(msgspec.Struct):
    stream: str
    criterion: str
    at: str
    actor_id: str
    from_points: str | None
    to_points: str
    reason: str | None


class ProvenanceOut(msgspec.Struct):
    """Why a published result is what it is."""

    application_id: str
    category: str
    rank: int | None
    winner: bool
    withdrawn: bool
    total: str
    domains: list[Any]
    consensus: list[ConsensusScoreOut]
    judges: list[JudgeScoresOut]
    conflicts_declared: list[str]
    revisions: list[RevisionOut]
    withdrawal_reason: str | None
