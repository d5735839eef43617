"""The auditor's time machine: the chain's state and a verification with progress, an
edition's ranking replayed at any of its decision events, two instants compared, an
application's decision provenance, any record's stream, and a bundle to verify offline.

Auditors read and change nothing; each of their reads is recorded (``registry.audit_desk``).
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from litestar import Controller, get
from litestar.background_tasks import BackgroundTask
from litestar.params import FromPath, FromQuery
from litestar.response import File, Template

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.i18n import language_of
from api.pages.rendering import FormErrors, page
from domain.errors import DomainError, InvalidInput
from domain.messages import N_
from domain.roles import Role
from registry import audit_desk, executive
from registry.audit.verify import Verification
from registry.bootstrap import Registry
from registry.context import RequestContext

AUDITOR = access(Role.AUDITOR)
STREAM_PAGE = 50
STREAM_LABELS = {
    "application": N_("application"),
    "scorecard": N_("judge's scorecard"),
    "consensus": N_("consensus"),
    "edition": N_("edition"),
}
EVENT_LABELS = {
    "Submitted": N_("Submission"),
    "Screened": N_("Screened"),
    "CriterionScored": N_("Criterion scored"),
    "ConflictDeclared": N_("Conflict of interest declared"),
    "ConsensusRecorded": N_("Consensus recorded"),
    "ResultsPublished": N_("Results published"),
    "AwardWithdrawn": N_("Award withdrawn"),
}


def _parsed(raw: str | None) -> datetime | None:
    """``raw`` as an instant, or None when it is none (the refusal is the form's to show)."""
    try:
        return instant(raw, "first")
    except InvalidInput:
        return None


def instant(raw: str | None, name: str) -> datetime | None:
    """An instant from a link or a form (ISO 8601; UTC when it names no zone)."""
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.strip().replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        raise InvalidInput(N_("Choose an instant from the list."), field=name) from None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)


# -- verification in the background, so the page can show its progress -------------------


@dataclass
class VerifyJob:
    done: int = 0
    total: int = 0
    result: Verification | None = None
    failed: bool = False
    started: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0


_JOBS: dict[str, VerifyJob] = {}
_JOBS_LOCK = threading.Lock()
_KEEP_JOBS = 20


def _start_job(registry: Registry, ctx: RequestContext) -> str:
    job_id = secrets.token_urlsafe(12)
    job = VerifyJob()
    with _JOBS_LOCK:
        _JOBS[job_id] = job
        for old in list(_JOBS)[:-_KEEP_JOBS]:
            del _JOBS[old]

    def progress(done: int, total: int) -> None:
        job.done, job.total = done, total

    def run() -> None:
        try:
            job.result = audit_desk.verify_chain(registry, ctx, progress)
        except Exception:  # the page says it failed; the log has the trace
            job.failed = True
            raise

    threading.Thread(target=run, name="audit-verify-page", daemon=True).start()
    return job_id


class AuditPages(Controller):
    path = "/desk/audit"
    include_in_schema = False

    @get("/", name="audit", **AUDITOR, sync_to_thread=True)
    def index(self, request: AnyRequest) -> Template:
        """The chain's state, checkpoints, the public key, and the ways in."""
        registry = registry_of(request)
        return page(
            request,
            "audit/index.html",
            status=audit_desk.chain_status(registry),
            editions=executive.editions(registry),
        )

    @get("/verify", name="audit_verify", **AUDITOR, sync_to_thread=True)
    def verify(self, request: AnyRequest, job: FromQuery[str | None] = None) -> Template:
        """Verifies the whole chain now: in the background with a progress bar (htmx), or
        straight away and then the result (JavaScript off)."""
        registry = registry_of(request)
        if job is None and not request.headers.get("hx-request"):
            result = audit_desk.verify_chain(registry, context_of(request))
            return page(request, "audit/verify.html", job=None, job_id=None, result=result)
        if job is None:
            job = _start_job(registry, context_of(request))
        state = _JOBS.get(job)
        return page(
            request,
            "audit/_verify_progress.html",
            job=state,
            job_id=job,
            result=state.result if state else None,
        )

    @get("/editions/{edition_id:uuid}", name="audit_edition", **AUDITOR, sync_to_thread=True)
    def edition(
        self, request: AnyRequest, edition_id: FromPath[UUID], at: FromQuery[str | None] = None
    ) -> Template:
        """The edition's decision events and its ranking as it stood at one of them."""
        registry = registry_of(request)
        errors = None
        try:
            when = instant(at, "at")
        except InvalidInput as error:
            when, errors = None, FormErrors.of(error, language_of(request), {"at"})
        events = audit_desk.timeline(registry, edition_id)
        shown = audit_desk.decoded_window(registry, audit_desk.window(events, when))
        when = when or registry.clock.now()
        board = audit_desk.leaderboard(registry, context_of(request), edition_id, when)
        return page(
            request,
            "audit/edition.html",
            edition=board.edition,
            board=board,
            window=shown,
            at=when,
            names=audit_desk.organisation_names(registry),
            stream_labels=STREAM_LABELS,
            event_labels=EVENT_LABELS,
            errors=errors,
        )

    @get(
        "/editions/{edition_id:uuid}/compare", name="audit_compare", **AUDITOR, sync_to_thread=True
    )
    def compare(
        self,
        request: AnyRequest,
        edition_id: FromPath[UUID],
        first: FromQuery[str | None] = None,
        second: FromQuery[str | None] = None,
    ) -> Template:
        """Two instants: who moved between them, and the events in between."""
        registry = registry_of(request)
        events = audit_desk.timeline(registry, edition_id)
        comparison = None
        errors = None
        try:
            a = instant(first, "first")
            b = instant(second, "second")
            if a is None or b is None:
                raise InvalidInput(
                    N_("Choose two instants to compare."),
                    field="first" if a is None else "second",
                )  # fmt: skip
            comparison = audit_desk.compare(registry, context_of(request), edition_id, a, b, events)
        except InvalidInput as error:
            if first or second:
                errors = FormErrors.of(error, language_of(request), {"first", "second"})
        return page(
            request,
            "audit/compare.html",
            edition=audit_desk.edition(registry, edition_id),
            # The instants to choose from: the milestones, and the events near the first one.
            choices=audit_desk.decoded(registry, audit_desk.window(events, _parsed(first)).choices),
            between=(comparison.events, comparison.left_out) if comparison else ([], 0),
            comparison=comparison,
            first=first or "",
            second=second or "",
            names=audit_desk.organisation_names(registry),
            stream_labels=STREAM_LABELS,
            event_labels=EVENT_LABELS,
            errors=errors,
        )

    @get(
        "/applications/{application_id:uuid}",
        name="audit_application",
        **AUDITOR,
        sync_to_thread=True,
    )
    def application(
        self, request: AnyRequest, application_id: FromPath[UUID], at: FromQuery[str | None] = None
    ) -> Template:
        """The decision's provenance: consensus scores, the judges' scores they came from,
        justifications, evidence digests and the events behind them."""
        registry = registry_of(request)
        when = instant(at, "at") or registry.clock.now()
        decision = audit_desk.decision(registry, context_of(request), application_id, when)
        return page(
            request,
            "audit/application.html",
            d=decision,
            at=when,
            evidence=audit_desk.evidence_of(registry, application_id),
            names=audit_desk.organisation_names(registry),
        )

    @get("/streams", name="audit_stream", **AUDITOR, sync_to_thread=True)
    def stream(
        self, request: AnyRequest, id: FromQuery[str] = "", after: FromQuery[int] = 0
    ) -> Template:
        """Any record's history: each event with its envelope and chain digests."""
        registry = registry_of(request)
        lang = language_of(request)
        events: list[Any] = []
        errors = None
        stream_id = None
        if id:
            try:
                try:
                    stream_id = UUID(id.strip())
                except ValueError:
                    raise InvalidInput(
                        N_("A record's id looks like 3f2c…-…: 36 letters, digits and hyphens."),
                        field="id",
                    ) from None
                events = audit_desk.stream(
                    registry, context_of(request), stream_id, max(0, after), STREAM_PAGE
                )
            except DomainError as error:
                errors = FormErrors.of(error, lang, {"id"})
        return page(
            request,
            "audit/stream.html",
            stream_id=stream_id,
            raw_id=id[:64],
            events=events,
            next_after=events[-1].version if len(events) == STREAM_PAGE else None,
            errors=errors,
        )

    @get("/bundle", name="audit_bundle", **AUDITOR, sync_to_thread=True)
    def bundle(
        self,
        request: AnyRequest,
        edition: FromQuery[UUID | None] = None,
        stream: FromQuery[UUID | None] = None,
    ) -> File:
        """The audit bundle (tar.gz) with its verify.sh, for offline verification."""
        made = audit_desk.bundle(
            registry_of(request), context_of(request), edition, [stream] if stream else []
        )
        return File(
            path=made.archive,
            filename="nqs-audit-bundle.tar.gz",
            media_type="application/gzip",
            background=BackgroundTask(_remove, made),
        )


def _remove(made: audit_desk.Bundle) -> None:
    import shutil

    shutil.rmtree(made.workdir, ignore_errors=True)
