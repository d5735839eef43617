"""Imports of ambassadors' CSV files that run in the background, for the desk's import page.

The uploaded file is saved into the job's folder, the import (``import_enrolments``, the
same one as ``POST /api/v1/ambassadors/import``) runs in a thread of this process, and the
job's state — bytes read, the counts, done or failed — is written to a small JSON file as
it goes. A file rather than memory, so whichever server worker answers the page's poll
reads the same state.

The uploaded file holds personal data: it is deleted the moment the import ends. What
stays is the counts and the refused rows' report (row number, field, reason: nothing the
file said about anyone). Jobs are removed a day after they started.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import IO
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

import structlog

from domain.errors import DomainError, InvalidInput, NotFound
from domain.messages import N_, Message, Readable
from registry.ambassador_import import ErrorReportCsv, check_header, import_enrolments
from registry.ambassadors import AmbassadorService
from registry.context import RequestContext
from registry.i18n import say
from registry.idempotency import IdempotencyKey

NAMESPACE_IMPORTS = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/desk-imports")
KEEP_SECONDS = 24 * 3600
# A running job's state file is touched this often while its thread lives; a running job
# not touched for STALE_SECONDS lost its process (a restart, a crash) and never finishes.
HEARTBEAT_SECONDS = 10.0
STALE_SECONDS = 60.0
CHUNK = 1 << 16
RUNNING, DONE, FAILED = "running", "done", "failed"
log = structlog.get_logger("nqs.import_jobs")


class ImportTooLarge(InvalidInput):
    """The uploaded file is over the import's size limit."""


@dataclass(frozen=True)
class ImportJob:
    id: UUID
    owner: str  # the actor id of who uploaded it
    state: str  # running | done | failed
    size: int  # bytes uploaded
    read: int = 0  # bytes the import has read so far
    rows: int = 0
    enrolled: int = 0
    skipped: int = 0  # already enrolled
    refused: int = 0
    error: str | None = None
    error_ar: str | None = None
    started: float = 0.0

    @property
    def percent(self) -> int:
        if self.state != RUNNING:
            return 100
        return min(99, self.read * 100 // self.size) if self.size else 0

    @property
    def done(self) -> bool:
        return self.state != RUNNING


Starter = Callable[[Callable[[], None]], None]


def _in_a_thread(work: Callable[[], None]) -> None:
    threading.Thread(target=work, name="desk-import", daemon=True).start()


class ImportJobs:
    """Starts imports in the background and reports how each is going."""

    def __init__(
        self, ambassadors: AmbassadorService, directory: Path, start: Starter = _in_a_thread
    ) -> None:
        self.ambassadors = ambassadors
        self.directory = directory
        self._start = start

    def start(
        self,
        ctx: RequestContext,
        source: IO[bytes],
        limit: int,
        idempotency: IdempotencyKey | None = None,
    ) -> ImportJob:
        """Saves ``source`` (at most ``limit`` bytes, else refused), checks its header and
        starts importing it; the job's state is readable at once. The same key again is the
        same job: a form sent twice imports once."""
        self._remove_old()
        job_id = idempotency.derive_id(NAMESPACE_IMPORTS) if idempotency else uuid4()
        folder = self._folder(job_id)
        try:
            folder.mkdir(parents=True)
        except FileExistsError:
            return self.get(ctx, job_id)
        upload = folder / "upload.csv"
        try:
            size = _copy(source, upload, limit)
            with upload.open("rb") as saved:
                first = saved.readline().decode("utf-8-sig", errors="replace")
            check_header(next(csv.reader([first]), []))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        job = ImportJob(job_id, ctx.actor.id, RUNNING, size, started=time.time())
        self._write(job)
        self._start(lambda: self._run(ctx, job))
        return job

    def get(self, ctx: RequestContext, job_id: UUID) -> ImportJob:
        """The job's state; only the one who started it sees it."""
        try:
            raw = json.loads((self._folder(job_id) / "state.json").read_text())
        except (OSError, ValueError):
            raise NotFound(N_("No such import.")) from None
        job = ImportJob(**{**raw, "id": UUID(raw["id"])})
        if job.owner != ctx.actor.id:
            raise NotFound(N_("No such import."))
        if job.state == RUNNING and self._stale(job.id):
            job = self._abandon(job)
        return job

    def _stale(self, job_id: UUID) -> bool:
        try:
            touched = (self._folder(job_id) / "state.json").stat().st_mtime
        except OSError:
            return False
        return time.time() - touched > STALE_SECONDS

    def _abandon(self, job: ImportJob) -> ImportJob:
        """A job whose process died: said so, instead of a progress bar that never moves,
        and its upload (personal data) deleted, as a finished import's is."""
        why = N_(
            "The import stopped when the server restarted; the people saved so far stay "
            "enrolled. Upload the file again: those already enrolled are skipped."
        )
        failed = self._failed(job, Message(why))
        self._write(failed)
        (self._folder(job.id) / "upload.csv").unlink(missing_ok=True)
        log.warning("desk_import_abandoned", job_id=str(job.id))
        return failed

    def report(self, ctx: RequestContext, job_id: UUID) -> bytes:
        """The refused rows' report (CSV: row, field, message, message_ar) of a finished job."""
        job = self.get(ctx, job_id)
        path = self._folder(job_id) / "refused.csv"
        if not job.done or not path.exists():
            raise NotFound(N_("The report is not ready yet."))
        return path.read_bytes()

    def _run(self, ctx: RequestContext, job: ImportJob) -> None:
        folder = self._folder(job.id)
        upload = folder / "upload.csv"
        finished = threading.Event()
        threading.Thread(
            target=self._heartbeat, args=(job.id, finished), name="desk-import-beat", daemon=True
        ).start()
        try:
            with (
                upload.open("rb") as source,
                (folder / "refused.csv").open("w", encoding="utf-8", newline="") as out,
            ):
                report = import_enrolments(
                    self.ambassadors,
                    ctx,
                    source,
                    ErrorReportCsv(out),
                    progress=lambda read: self._write(replace(job, read=read)),
                )
            self._write(
                replace(
                    job,
                    state=DONE,
                    read=job.size,
                    rows=report.rows,
                    enrolled=report.enrolled,
                    skipped=report.skipped,
                    refused=report.refused,
                )
            )
        except DomainError as error:
            self._write(self._failed(job, error.message))
        except Exception:
            stopped = N_("The import stopped on an error; the people saved so far stay enrolled.")
            self._write(self._failed(job, Message(stopped)))
            # The logging setup reduces the traceback to types and lines: no row's data.
            log.exception("desk_import_failed", job_id=str(job.id))
        finally:
            finished.set()
            upload.unlink(missing_ok=True)  # personal data: kept no longer than the import

    def _heartbeat(self, job_id: UUID, finished: threading.Event) -> None:
        """Touches the running job's state file, so a poll can tell a slow batch (alive)
        from a job whose process died."""
        state = self._folder(job_id) / "state.json"
        while not finished.wait(HEARTBEAT_SECONDS):
            with contextlib.suppress(OSError):
                os.utime(state)

    def _folder(self, job_id: UUID) -> Path:
        return self.directory / str(job_id)

    @staticmethod
    def _failed(job: ImportJob, why: Readable) -> ImportJob:
        """The job as failed; its record keeps why in both languages (it is read as JSON)."""
        return replace(job, state=FAILED, error=say(why, "en"), error_ar=say(why, "ar"))

    def _write(self, job: ImportJob) -> None:
        state = {**asdict(job), "id": str(job.id)}
        path = self._folder(job.id) / "state.json"
        temporary = path.with_suffix(f".{threading.get_ident()}.tmp")
        temporary.write_text(json.dumps(state))
        os.replace(temporary, path)  # a poll never reads half a file

    def _remove_old(self) -> None:
        if not self.directory.exists():
            return
        cutoff = time.time() - KEEP_SECONDS
        for folder in self.directory.iterdir():
            with contextlib.suppress(OSError):
                if folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)


def _copy(source: IO[bytes], target: Path, limit: int) -> int:
    size = 0
    with target.open("wb") as out:
        while chunk := source.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise ImportTooLarge(
                    N_(
                        "The file is larger than {limit} bytes: split it, or ask for it to be "
                        "imported with `nqs ambassadors import`."
                    ),
                    field="file",
                    limit=limit,
                )
            out.write(chunk)
    return size
