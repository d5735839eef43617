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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar
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
class Located:
    """A decision event as the timeline orders it, before it is decoded."""

    at: datetime
    stream: str  # application | scorecard | consensus | edition
    stream_id: UUID
    version: int
    type: str  # the event's class name


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    stream: str  # application | scorecard | consensus | edition
    stream_id: UUID
    entry: HistoryEntry

    @property
    def type(self) -> str:
        return self.entry.type


class _Placed(Protocol):
    @property
    def at(self) -> datetime: ...
    @property
    def type(self) -> str: ...


E = TypeVar("E", bound=_Placed)


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
    events: list[TimelineEvent]  # between the two instants as listed (``abridged``), oldest first
    left_out: int  # events in between not listed


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


def timeline(registry: Registry, edition_id: UUID) -> list[Located]:
    """The edition's decision events (submissions, screening, scores, consensus, results,
    withdrawals) across all its streams, oldest first, located but not decoded."""
    events = [
        Located(at, kind, stream_id, version, name)
        for kind, stream_id, version, name, at in registry.replay.events_located(
            edition_id, DECISION_TYPES
        )
    ]
    events.sort(key=lambda e: (e.at, str(e.stream_id), e.version))
    return events


def decoded(registry: Registry, events: Sequence[Located]) -> list[TimelineEvent]:
    """The located events with their envelopes and data (only these are decoded)."""
    entries = registry.replay.entries((e.stream_id, e.version) for e in events)
    return [
        TimelineEvent(e.at, e.stream, e.stream_id, entries[(e.stream_id, e.version)])
        for e in events
    ]


# An edition's timeline runs to tens of thousands of events (45 criteria x judges x
# applications); a page shows this many of them around the instant it is at, and links on.
WINDOW = 100
# Events that mark the edition's course; every instant chooser lists them all, the
# individual scores and consensus figures only near the chosen instant.
MILESTONES = frozenset({"Submitted", "Screened", "ConflictDeclared", "ResultsPublished",
                        "AwardWithdrawn"})  # fmt: skip


@dataclass(frozen=True)
class TimelineWindow(Generic[E]):
    events: list[E]  # the part shown, oldest first
    start: int  # the position of its first event in the whole timeline (0-based)
    total: int  # events in the whole timeline
    earlier: E | None  # the last event before the window, to move back to
    later: E | None  # the first event after it, to move on to
    choices: list[E]  # the instants to choose from: milestones and the window


def window(events: Sequence[E], at: datetime | None, size: int = WINDOW) -> TimelineWindow[E]:
    """The ``size`` events around ``at`` (the latest ones when ``at`` is None or after the
    last), and the instants an auditor may choose from there."""
    upto = len(events) if at is None else bisect_right([e.at for e in events], at)
    start = max(0, min(upto - size // 2, len(events) - size))
    shown = list(events[start : start + size])
    choices = [e for i, e in enumerate(events) if start <= i < start + size or e.type in MILESTONES]
    return TimelineWindow(
        shown,
        start,
        len(events),
        events[start - 1] if start > 0 else None,
        events[start + size] if start + size < len(events) else None,
        choices,
    )


def decoded_window(
    registry: Registry, shown: TimelineWindow[Located]
) -> TimelineWindow[TimelineEvent]:
    """The window with its events decoded: the hundred shown, the milestones, the two
    neighbours, in one read."""
    edges = [e for e in (shown.earlier, shown.later) if e is not None]
    every = decoded(registry, [*shown.events, *shown.choices, *edges])
    by_place = {(e.stream_id, e.entry.version): e for e in every}

    def one(e: Located) -> TimelineEvent:
        return by_place[(e.stream_id, e.version)]

    return TimelineWindow(
        [one(e) for e in shown.events],
        shown.start,
        shown.total,
        one(shown.earlier) if shown.earlier else None,
        one(shown.later) if shown.later else None,
        [one(e) for e in shown.choices],
    )


def abridged(events: Sequence[E], size: int = WINDOW) -> tuple[list[E], int]:
    """Events between two instants as a page lists them: every milestone (a withdrawal among
    thousands of scores must not be cut off) and the first ``size`` of the rest, in order;
    and how many were left out."""
    shown = [e for i, e in enumerate(events) if i < size or e.type in MILESTONES]
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
    events: list[Located] | None = None,
) -> Comparison:
    """The ranking at two instants, who moved between them, and the events in between as a
    page lists them (from ``events``, the edition's timeline, when the caller has it)."""
    if second < first:
        first, second = second, first
    if first == second:
        raise InvalidInput(N_("Choose two different instants."), field="second")
    _log(registry, ctx, "compare", edition_id=edition_id, first=first.isoformat(),
         second=second.isoformat())  # fmt: skip
    before, after = registry.replay.leaderboards(edition_id, [first, second])

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
    located = events if events is not None else timeline(registry, edition_id)
    listed, left_out = abridged([e for e in located if first < e.at <= second])
    return Comparison(before, after, moves, decoded(registry, listed), left_out)


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
