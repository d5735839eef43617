"""/api/v1/audit: the tamper-evident record, for auditors (who read and change nothing).

Checkpoints and the public key are public, so anyone can keep copies to check later
exports against. Every auditor read is itself recorded as an event.
"""

from __future__ import annotations

import shutil
import tarfile
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated
from uuid import UUID

from litestar import Controller, Response, get
from litestar.background_tasks import BackgroundTask
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter
from litestar.response import File

from api.errors import BadRequest
from api.guards import access
from api.http import AnyRequest, as_of_param, context_of, registry_of
from api.params import After, Limit500, Limit1000
from api.schemas.applications import score_out
from api.schemas.audit import (
    CategoryBoardOut,
    CheckpointOut,
    CheckpointPage,
    ConsensusScoreOut,
    DecisionOut,
    JudgeScoresOut,
    LeaderboardAsOfOut,
    ProvenanceOut,
    PublicKeyOut,
    ReplayEventOut,
    RevisionOut,
    SourceOut,
    StreamEventOut,
    StreamPage,
    VerificationOut,
)
from api.schemas.awards import DomainScoreOut, StandingOut
from domain.awards.judging import Consensus, Scorecard
from domain.awards.ranking import TIE_BREAK
from domain.errors import NotFound
from domain.messages import N_
from domain.roles import Role
from registry.audit.checkpoints import list_checkpoints, listed_public_keys
from registry.audit.export import export_bundle
from registry.audit.reads import AuditService
from registry.audit.replay import DecisionAsOf, ReplayService
from registry.audit.verify import verify

AUDITOR = access(Role.AUDITOR)


def _log(request: AnyRequest, resource: str, **parameters: object) -> None:
    registry_of(request).audit.record_read(
        context_of(request), resource, {k: str(v) for k, v in parameters.items() if v is not None}
    )


class AuditController(Controller):
    path = "/api/v1/audit"
    tags = ["Audit"]

    @get(
        "/public-key",
        operation_id="auditPublicKey",
        summary="The checkpoints' public key / المفتاح العام لنقاط التحقق",
        media_type="application/x-pem-file",
        sync_to_thread=True,
        **access(public=True),
    )
    def public_key(self, request: AnyRequest) -> str:
        """The Ed25519 public key (PEM) that signs the checkpoints."""
        return registry_of(request).signing_key().public_pem()

    @get(
        "/checkpoints",
        operation_id="auditCheckpoints",
        summary="Signed checkpoints of the audit chain / نقاط التحقق الموقّعة لسلسلة التدقيق",
        sync_to_thread=True,
        **access(public=True),
    )
    def checkpoints(
        self,
        request: AnyRequest,
        after: After = 0,
        limit: Limit1000 = 100,
    ) -> CheckpointPage:
        """Signed checkpoints of the hash chain's head, oldest first (public: keep copies)."""
        items = [
            CheckpointOut(c.position, c.chain_digest, c.signed_at, c.key_id, c.message, c.signature)
            for c in list_checkpoints(registry_of(request).db, limit=limit, after=after)
        ]
        return CheckpointPage(
            items=items,
            public_key_url=f"{self.path}/public-key",
            public_keys_url=f"{self.path}/public-keys",
        )

    @get(
        "/public-keys",
        operation_id="auditPublicKeys",
        summary="Every checkpoint signing key, current and retired / مفاتيح توقيع نقاط التحقق",
        sync_to_thread=True,
        **access(public=True),
    )
    def public_keys(self, request: AnyRequest) -> list[PublicKeyOut]:
        """Every key that signed checkpoints, by `key_id` (a checkpoint names its key):
        after a key change the retired ones stay listed, so older checkpoints still verify."""
        registry = registry_of(request)
        current = registry.signing_key().key_id
        return [
            PublicKeyOut(key_id, pem, first_used, key_id == current)
            for key_id, pem, first_used in listed_public_keys(registry.db)
        ]

    @get(
        "/streams/{stream_id:uuid}",
        operation_id="auditStream",
        summary="A stream's raw history / السجل الخام لتدفق",
        sync_to_thread=True,
        **AUDITOR,
    )
    def stream(
        self,
        request: AnyRequest,
        audit: NamedDependency[AuditService],
        stream_id: FromPath[UUID],
        after_version: After = 0,
        limit: Limit500 = 100,
    ) -> StreamPage:
        """The raw history of any aggregate, paged: each event with its envelope and chain link."""
        _log(request, "stream", stream_id=stream_id, after_version=after_version, limit=limit)
        page = audit.stream(stream_id, after_version, limit)
        items = [StreamEventOut(**e.__dict__) for e in page]
        next_after = items[-1].version if len(items) == limit else None
        return StreamPage(stream_id=str(stream_id), items=items, next_after_version=next_after)

    @get(
        "/verify",
        operation_id="auditVerify",
        summary="Verify the audit chain / التحقق من سلسلة التدقيق",
        sync_to_thread=True,
        **AUDITOR,
    )
    def verify_chain(self, request: AnyRequest) -> VerificationOut:
        """Recomputes the whole chain now and reports the first broken link, if any, and the
        events after the latest checkpoint, not yet sealed (`intact` only when there are none)."""
        registry = registry_of(request)
        result = verify(
            registry.app,
            registry.db,
            registry.signing_key().public,
            keys=registry.public_keys(),
            now=registry.clock.now(),
            interval=timedelta(seconds=registry.settings.audit_checkpoint_seconds),
        )
        _log(request, "verify")  # after: the record of this read is not part of what it read
        return VerificationOut(
            ok=result.ok,
            events=result.events,
            head=result.head,
            head_digest=result.head_digest,
            checkpoints_confirmed=result.checkpoints_ok,
            first_break=result.first_break.__dict__ if result.first_break else None,
            checkpoint_failures=result.checkpoint_failures,
            intact=result.intact,
            latest_checkpoint=result.latest_checkpoint,
            unsealed=result.unsealed.__dict__ if result.unsealed else None,
            sealing_overdue=result.sealing_overdue,
        )

    @get(
        "/exports",
        operation_id="auditExport",
        summary="Export an audit bundle / تصدير حزمة تدقيق",
        sync_to_thread=True,
        media_type="application/gzip",
        **AUDITOR,
    )
    def export(
        self,
        request: AnyRequest,
        replay: NamedDependency[ReplayService],
        stream: Annotated[list[UUID] | None, QueryParameter(description="Aggregate ids")] = None,
        edition: Annotated[
            UUID | None, QueryParameter(description="An award edition: all its decisions")
        ] = None,
    ) -> Response[bytes] | File:
        """An audit bundle (tar.gz) of an edition's or the given streams' events, verifiable
        with standard tools (docs/audit.md)."""
        if not stream and edition is None:
            raise BadRequest(
                N_("Name an edition or at least one stream: ?edition=<id> or ?stream=<id>."),
                field="stream",
            )
        _log(
            request,
            "export",
            edition=edition,
            streams=",".join(sorted(str(s) for s in stream or [])),
        )
        stream = list(stream or [])
        if edition is not None:
            stream += replay.edition_streams(edition)
        workdir = Path(tempfile.mkdtemp(prefix="nqs-export-"))
        try:
            export_bundle(registry_of(request), workdir / "bundle", set(stream), title="export")
        except ValueError:  # the one refusal export_bundle makes: nothing was selected
            shutil.rmtree(workdir, ignore_errors=True)
            raise BadRequest(
                N_("No stored events belong to what was asked for."), field="stream"
            ) from None
        archive = workdir / "nqs-audit-bundle.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(workdir / "bundle", arcname="bundle")
        return File(
            path=archive,
            filename="nqs-audit-bundle.tar.gz",
            media_type="application/gzip",
            background=BackgroundTask(shutil.rmtree, workdir, ignore_errors=True),
        )


AsOf = Annotated[
    str | None,
    QueryParameter(description="ISO timestamp; the state at that instant (default: now)"),
]


def _instant(request: AnyRequest, raw: str | None) -> datetime:
    return as_of_param(raw) or registry_of(request).clock.now()


def _judges(scorecards: list[Scorecard]) -> list[JudgeScoresOut]:
    return [
        JudgeScoresOut(
            judge_id=str(s.judge_id),
            assigned=s.assigned,
            declaration=str(s.declaration),
            submitted=s.submitted,
            scores=[score_out(score) for score in s.scores.values()],
        )
        for s in scorecards
    ]


def _consensus(consensus: Consensus | None) -> list[ConsensusScoreOut]:
    if consensus is None:
        return []
    return [
        ConsensusScoreOut(
            criterion=number,
            points=str(score.points),
            revision=score.revision,
            justification=score.justification,
            sources=[
                SourceOut(str(ref.judge_id), ref.revision, str(ref.points))
                for ref in consensus.sources.get(number, ())
            ],
        )
        for number, score in consensus.scores.items()
    ]


class AuditReplayController(Controller):
    """Award decisions replayed from events as they stood at any instant."""

    path = "/api/v1/audit"
    tags = ["Audit"]

    @get(
        "/editions/{edition_id:uuid}/leaderboard",
        operation_id="auditLeaderboardAsOf",
        summary="An edition's leaderboard as of an instant / ترتيب دورة كما كان في لحظة",
        sync_to_thread=True,
        **AUDITOR,
    )
    def leaderboard(
        self,
        request: AnyRequest,
        replay: NamedDependency[ReplayService],
        edition_id: FromPath[UUID],
        as_of: AsOf = None,
    ) -> LeaderboardAsOfOut:
        """The whole ranking as it stood at `as_of`, recomputed from consensus events (not a
        stored copy), with withdrawals applied that had happened by then."""
        at = _instant(request, as_of)
        _log(request, "leaderboard", edition_id=edition_id, as_of=at.isoformat())
        board = replay.leaderboard(edition_id, at)
        return LeaderboardAsOfOut(
            edition_id=str(edition_id),
            as_of=at.isoformat(),
            edition_status=str(board.edition.status),
            minimum_score=str(board.edition.minimum_score),
            tie_break=TIE_BREAK,
            categories=[
                CategoryBoardOut(
                    c.category,
                    c.framework_key,
                    c.framework_version,
                    c.winners_allowed,
                    c.published,
                    [StandingOut.of(s, {}) for s in c.standings],
                )
                for c in board.categories
            ],
        )

    @get(
        "/applications/{application_id:uuid}/decision",
        operation_id="auditDecisionAsOf",
        summary="A screening decision as of an instant / قرار الفرز كما كان في لحظة",
        sync_to_thread=True,
        **AUDITOR,
    )
    def decision(
        self,
        request: AnyRequest,
        replay: NamedDependency[ReplayService],
        application_id: FromPath[UUID],
        as_of: AsOf = None,
    ) -> DecisionOut:
        """The application, its individual and consensus scores, its rank and status exactly as
        they stood at `as_of`, the framework version in force, and the events that led there."""
        at = _instant(request, as_of)
        _log(request, "decision", application_id=application_id, as_of=at.isoformat())
        d = replay.decision(application_id, at)
        return DecisionOut(
            application_id=str(application_id),
            as_of=at.isoformat(),
            status=str(d.application.status),
            category=d.application.category,
            submitted_at=d.application.submitted_at.isoformat()
            if d.application.submitted_at
            else None,
            screening_reason=d.application.screening_reason,
            edition_id=str(d.edition.id),
            edition_status=str(d.edition.status),
            framework_key=d.framework_version.key,
            framework_version=d.framework_version.number,
            framework_id=str(d.framework_version.id),
            judges=_judges(d.scorecards),
            consensus=_consensus(d.consensus),
            standing=StandingOut.of(d.standing, {}) if d.standing else None,
            results_published=d.published,
            events=[
                ReplayEventOut(
                    stream,
                    e.version,
                    e.type,
                    e.at,
                    e.actor_id,
                    e.actor_role,
                    e.correlation_id,
                    e.reason,
                    e.data,
                )
                for stream, e in d.events
            ],
        )

    @get(
        "/applications/{application_id:uuid}/provenance",
        operation_id="auditProvenance",
        summary="Where an application's scores came from / مصدر درجات طلب",
        sync_to_thread=True,
        **AUDITOR,
    )
    def provenance(
        self,
        request: AnyRequest,
        replay: NamedDependency[ReplayService],
        application_id: FromPath[UUID],
    ) -> ProvenanceOut:
        """Why a published result is what it is: consensus per domain, the individual scores
        each came from, conflicts declared, revisions with their reasons, any withdrawal."""
        _log(request, "provenance", application_id=application_id)
        d = replay.decision(application_id, registry_of(request).clock.now())
        if not d.published or d.standing is None:
            raise NotFound(N_("This application has no published result."))
        return _provenance(d)


def _provenance(d: DecisionAsOf) -> ProvenanceOut:
    standing = d.standing
    assert standing is not None
    revisions = [
        RevisionOut(
            stream=stream,
            criterion=str(e.data.get("criterion")),
            at=e.at,
            actor_id=e.actor_id,
            from_points=e.data.get("previous_points"),
            to_points=str(e.data.get("points")),
            reason=e.reason,
        )
        for stream, e in d.events
        if e.type in {"CriterionScored", "ConsensusRecorded"} and int(e.data.get("revision", 1)) > 1
    ]
    withdrawal = next((e.reason for _, e in d.events if e.type == "AwardWithdrawn"), None)
    return ProvenanceOut(
        application_id=str(d.application.id),
        category=d.application.category,
        rank=standing.rank,
        winner=standing.winner,
        withdrawn=standing.withdrawn,
        total=str(standing.total),
        domains=[DomainScoreOut.of(x) for x in standing.domains],
        consensus=_consensus(d.consensus),
        judges=_judges(d.scorecards),
        conflicts_declared=[
            str(s.judge_id) for s in d.scorecards if str(s.declaration) == "conflict"
        ],
        revisions=revisions,
        withdrawal_reason=withdrawal,
    )
