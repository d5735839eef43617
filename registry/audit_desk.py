"""What the auditor's pages read: the chain's state, an edition's decisions over time, a
comparison of two instants, provenance, any stream, and a bundle to take away.

Every use the pages make of the audit machinery (``registry.audit``: checkpoints, verify,
replay, export) goes through this module, so a change to that machinery (a checkpoint file,
key rotation) is met in one place. Each read is recorded as an audit read, as the API does.
"""

from __future__ import annotations

import shutil
import tarfile
import tempfile
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain.awards.edition import Edition
from domain.errors import InvalidInput, NotFound
from domain.messages import N_
from domain.text import Text
from registry.audit.checkpoints import Checkpoint, chain_head, list_checkpoints
from registry.audit.export import Manifest, export_bundle
from registry.audit.reads import StreamEvent
from registry.audit.replay import DecisionAsOf, LeaderboardAsOf
from registry.audit.verify import Verification, verify
from registry.context import RequestContext
from registry.history import HistoryEntry

if TYPE_CHECKING:
    from registry.bootstrap import Registry

# Event types that decide an edition's outcome (the replay slider's stops).
DECISION_TYPES = frozenset(
    {
        "Submitted",
        "Screened",
        "CriterionScored",
        "ConflictDeclared",
        "ConsensusRecorded",
        "ResultsPublished",
        "AwardWithdrawn",
    }
)


@dataclass(frozen=True)
class ChainStatus:
    head: tuple[int, str] | None  # (position, chain digest) of the last chained event
    checkpoints: list[Checkpoint]  # newest first
    public_key_pem: str


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    stream: str  # application | scorecard | consensus | edition
    stream_id: UUID
    entry: HistoryEntry


@dataclass(frozen=True)
class Move:
    application_id: UUID
    organisation_id: UUID
    category: str
    before: tuple[int | None, Decimal, bool, bool] | None  # (rank, total, winner, withdrawn)
    after: tuple[int | None, Decimal, bool, bool] | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Comparison:
    first: LeaderboardAsOf
    second: LeaderboardAsOf
    moves: list[Move]
    events: list[TimelineEvent]  # between the two instants, oldest first


def _log(registry: Registry, ctx: RequestContext, resource: str, **parameters: object) -> None:
    registry.audit.record_read(
        ctx, f"page:{resource}", {k: str(v) for k, v in parameters.items() if v is not None}
    )


# -- the chain -----------------------------------------------------------------------------


def chain_status(registry: Registry, limit: int = 20) -> ChainStatus:
    checkpoints = list_checkpoints(registry.db, limit=1_000_000)
    return ChainStatus(
        head=chain_head(registry.db),
        checkpoints=list(reversed(checkpoints))[:limit],
        public_key_pem=registry.signing_key().public_pem(),
    )


def verify_chain(
    registry: Registry, ctx: RequestContext, progress: Callable[[int, int], None] | None = None
) -> Verification:
    """Recomputes the whole chain now (``progress(done, total)`` after each window)."""
    _log(registry, ctx, "verify")
    return verify(registry.app, registry.db, registry.signing_key().public, progress=progress)


# -- an edition's decisions ------------------------------------------------------------------


def edition(registry: Registry, edition_id: UUID) -> Edition:
    return registry.editions.get(edition_id)


def timeline(registry: Registry, edition_id: UUID) -> list[TimelineEvent]:
    """The edition's decision events (submissions, screening, scores, consensus, results,
    withdrawals) across all its streams, oldest first, each with its envelope."""
    events = [
        TimelineEvent(datetime.fromisoformat(entry.at), kind, stream_id, entry)
        for kind, stream_id, entry in registry.replay.events_named(edition_id, DECISION_TYPES)
    ]
    events.sort(key=lambda e: (e.at, str(e.stream_id), e.entry.version))
    return events


# An edition's timeline runs to tens of thousands of events (45 criteria x judges x
# applications); a page shows this many of them around the instant it is at, and links on.
WINDOW = 100
# Events that mark the edition's course; every instant chooser lists them all, the
# individual scores and consensus figures only near the chosen instant.
MILESTONES = frozenset({"Submitted", "Screened", "ConflictDeclared", "ResultsPublished",
                        "AwardWithdrawn"})  # fmt: skip


@dataclass(frozen=True)
class TimelineWindow:
    events: list[TimelineEvent]  # the part shown, oldest first
    start: int  # the position of its first event in the whole timeline (0-based)
    total: int  # events in the whole timeline
    earlier: TimelineEvent | None  # the last event before the window, to move back to
    later: TimelineEvent | None  # the first event after it, to move on to
    choices: list[TimelineEvent]  # the instants to choose from: milestones and the window


def window(events: list[TimelineEvent], at: datetime | None, size: int = WINDOW) -> TimelineWindow:
    """The ``size`` events around ``at`` (the latest ones when ``at`` is None or after the
    last), and the instants an auditor may choose from there."""
    upto = len(events) if at is None else bisect_right([e.at for e in events], at)
    start = max(0, min(upto - size // 2, len(events) - size))
    shown = events[start : start + size]
    choices = [
        e for i, e in enumerate(events) if start <= i < start + size or e.entry.type in MILESTONES
    ]
    return TimelineWindow(
        shown,
        start,
        len(events),
        events[start - 1] if start > 0 else None,
        events[start + size] if start + size < len(events) else None,
        choices,
    )


def abridged(events: list[TimelineEvent], size: int = WINDOW) -> tuple[list[TimelineEvent], int]:
    """Events between two instants as a page lists them: every milestone (a withdrawal among
    thousands of scores must not be cut off) and the first ``size`` of the rest, in order;
    and how many were left out."""
    shown = [e for i, e in enumerate(events) if i < size or e.entry.type in MILESTONES]
    return shown, len(events) - len(shown)


def leaderboard(
    registry: Registry, ctx: RequestContext, edition_id: UUID, at: datetime
) -> LeaderboardAsOf:
    _log(registry, ctx, "leaderboard", edition_id=edition_id, as_of=at.isoformat())
    return registry.replay.leaderboard(edition_id, at)


def compare(
    registry: Registry,
    ctx: RequestContext,
    edition_id: UUID,
    first: datetime,
    second: datetime,
    events: list[TimelineEvent] | None = None,
) -> Comparison:
    """The ranking at two instants, who moved between them, and the events in between
    (from ``events``, the edition's timeline, when the caller has read it already)."""
    if second < first:
        first, second = second, first
    if first == second:
        raise InvalidInput(N_("Choose two different instants."), field="second")
    _log(registry, ctx, "compare", edition_id=edition_id, first=first.isoformat(),
         second=second.isoformat())  # fmt: skip
    before = registry.replay.leaderboard(edition_id, first)
    after = registry.replay.leaderboard(edition_id, second)

    def positions(board: LeaderboardAsOf) -> dict[UUID, tuple[str, Any]]:
        return {s.application_id: (c.category, s) for c in board.categories for s in c.standings}

    was, now = positions(before), positions(after)
    moves = []
    for application_id in list(dict.fromkeys([*now, *was])):
        category, standing = now.get(application_id) or was[application_id]
        old, new = was.get(application_id), now.get(application_id)
        moves.append(
            Move(
                application_id,
                standing.organisation_id,
                category,
                _place(old[1]) if old else None,
                _place(new[1]) if new else None,
            )
        )
    between = [e for e in events or timeline(registry, edition_id) if first < e.at <= second]
    return Comparison(before, after, moves, between)


def _place(standing: Any) -> tuple[int | None, Decimal, bool, bool]:
    return (standing.rank, standing.total, standing.winner, standing.withdrawn)


def organisation_names(registry: Registry) -> dict[str, Text]:
    """Organisation id -> its name (organisations are public bodies)."""
    return registry.organisations.names()


# -- one application ---------------------------------------------------------------------------


def decision(
    registry: Registry, ctx: RequestContext, application_id: UUID, at: datetime
) -> DecisionAsOf:
    """The application's scores, consensus, rank and the events behind them, as of ``at``."""
    _log(registry, ctx, "decision", application_id=application_id, as_of=at.isoformat())
    return registry.replay.decision(application_id, at)


def evidence_of(registry: Registry, application_id: UUID) -> list[Any]:
    """The evidence files' names, types, sizes and SHA-256 digests (never their bytes)."""
    application = registry.applications.get(application_id)
    return sorted(application.evidence.values(), key=lambda e: (e.criterion, e.name))


# -- any stream ---------------------------------------------------------------------------------


def stream(
    registry: Registry, ctx: RequestContext, stream_id: UUID, after_version: int, limit: int
) -> list[StreamEvent]:
    """A page of any record's raw history, with envelopes and chain digests; personal data
    shows only as the audit API shows it to an auditor."""
    _log(registry, ctx, "stream", stream_id=stream_id, after_version=after_version)
    events = registry.audit.stream(stream_id, after_version, limit)
    if not events and after_version == 0:
        raise NotFound(N_("No record has this id."))
    return events


# -- the bundle -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bundle:
    archive: Path
    workdir: Path  # remove when the download is done
    manifest: Manifest


def bundle(
    registry: Registry, ctx: RequestContext, edition_id: UUID | None, streams: list[UUID]
) -> Bundle:
    """A tar.gz audit bundle of an edition's decisions or of some streams, with verify.sh."""
    _log(registry, ctx, "export", edition_id=edition_id,
         streams=",".join(sorted(str(s) for s in streams)))  # fmt: skip
    wanted = set(streams)
    if edition_id is not None:
        wanted |= registry.replay.edition_streams(edition_id)
    if not wanted:
        raise InvalidInput(
            N_("Choose an edition or give a record's id."),
            field="edition",
        )
    workdir = Path(tempfile.mkdtemp(prefix="nqs-page-export-"))
    try:
        manifest = export_bundle(registry, workdir / "bundle", wanted, title="export")
    except ValueError:
        shutil.rmtree(workdir, ignore_errors=True)
        raise InvalidInput(
            N_("No stored events belong to what was asked for."),
            field="stream",
        ) from None
    archive = workdir / "nqs-audit-bundle.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(workdir / "bundle", arcname="bundle")
    return Bundle(archive, workdir, manifest)
