"""/api/v1/audit: the tamper-evident record, for auditors (who read and change nothing).

Checkpoints and the public key are public, so anyone can keep copies to check later
exports against. Every auditor read is itself recorded as an event.
"""

from __future__ import annotations

import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Annotated
from uuid import UUID

from litestar import Controller, Response, get
from litestar.background_tasks import BackgroundTask
from litestar.params import FromPath, QueryParameter
from litestar.response import File

from api.errors import BadRequest
from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.schemas.audit import (
    CheckpointOut,
    CheckpointPage,
    StreamEventOut,
    StreamPage,
    VerificationOut,
)
from domain.roles import Role
from registry.audit.checkpoints import list_checkpoints
from registry.audit.export import export_bundle
from registry.audit.verify import verify

AUDITOR = access(Role.AUDITOR)


def _log(request: AnyRequest, resource: str, **parameters: object) -> None:
    registry_of(request).audit.record_read(
        context_of(request), resource, {k: str(v) for k, v in parameters.items() if v is not None}
    )


class AuditController(Controller):
    path = "/api/v1/audit"
    tags = ["Audit"]

    @get("/public-key", operation_id="auditPublicKey", media_type="application/x-pem-file",
         sync_to_thread=True, **access(public=True))
    def public_key(self, request: AnyRequest) -> str:
        """The Ed25519 public key (PEM) that signs the checkpoints."""
        return registry_of(request).signing_key().public_pem()

    @get("/checkpoints", operation_id="auditCheckpoints", sync_to_thread=True,
         **access(public=True))
    def checkpoints(
        self,
        request: AnyRequest,
        after: Annotated[int, QueryParameter(ge=0)] = 0,
        limit: Annotated[int, QueryParameter(ge=1, le=1000)] = 100,
    ) -> CheckpointPage:
        """Signed checkpoints of the hash chain's head, oldest first (public: keep copies)."""
        items = [
            CheckpointOut(c.position, c.chain_digest, c.signed_at, c.key_id, c.message,
                          c.signature)
            for c in list_checkpoints(registry_of(request).db, limit=limit, after=after)
        ]
        return CheckpointPage(items=items, public_key_url=f"{self.path}/public-key")

    @get("/streams/{stream_id:uuid}", operation_id="auditStream", sync_to_thread=True, **AUDITOR)
    def stream(
        self,
        request: AnyRequest,
        stream_id: FromPath[UUID],
        after_version: Annotated[int, QueryParameter(ge=0)] = 0,
        limit: Annotated[int, QueryParameter(ge=1, le=500)] = 100,
    ) -> StreamPage:
        """The raw history of any aggregate, paged: each event with its envelope and chain link."""
        _log(request, "stream", stream_id=stream_id, after_version=after_version, limit=limit)
        page = registry_of(request).audit.stream(stream_id, after_version, limit)
        items = [StreamEventOut(**e.__dict__) for e in page]
        next_after = items[-1].version if len(items) == limit else None
        return StreamPage(stream_id=str(stream_id), items=items, next_after_version=next_after)

    @get("/verify", operation_id="auditVerify", sync_to_thread=True, **AUDITOR)
    def verify_chain(self, request: AnyRequest) -> VerificationOut:
        """Recomputes the whole chain now and reports the first broken link, if any."""
        _log(request, "verify")
        registry = registry_of(request)
        result = verify(registry.app, registry.db, registry.signing_key().public)
        return VerificationOut(
            ok=result.ok,
            events=result.events,
            head=result.head,
            head_digest=result.head_digest,
            checkpoints_confirmed=result.checkpoints_ok,
            first_break=result.first_break.__dict__ if result.first_break else None,
            checkpoint_failures=result.checkpoint_failures,
        )

    @get("/exports", operation_id="auditExport", sync_to_thread=True,
         media_type="application/gzip", **AUDITOR)
    def export(
        self,
        request: AnyRequest,
        stream: Annotated[list[UUID] | None, QueryParameter(description="Aggregate ids")] = None,
    ) -> Response[bytes] | File:
        """An audit bundle (tar.gz) of the given streams, verifiable with standard tools."""
        if not stream:
            raise BadRequest(
                "Name at least one stream: ?stream=<id>.", "حدد سجلاً واحداً على الأقل: ?stream=<id>.",
                field="stream",
            )
        _log(request, "export", streams=",".join(sorted(str(s) for s in stream)))
        workdir = Path(tempfile.mkdtemp(prefix="nqs-export-"))
        try:
            export_bundle(registry_of(request), workdir / "bundle", set(stream), title="export")
        except ValueError as error:
            shutil.rmtree(workdir, ignore_errors=True)
            raise BadRequest(str(error), "لا توجد أحداث مخزنة لما طُلب.", field="stream") from None
        archive = workdir / "nqs-audit-bundle.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(workdir / "bundle", arcname="bundle")
        return File(
            path=archive,
            filename="nqs-audit-bundle.tar.gz",
            media_type="application/gzip",
            background=BackgroundTask(shutil.rmtree, workdir, ignore_errors=True),
        )
