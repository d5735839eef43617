"""Bulk import of ambassadors from a CSV file with the columns of the enrolment form.

The file is streamed (memory stays flat however long it is): every row is checked
as the public form would check it, good rows are saved in batches (one
transaction each), and every refused row goes to the error report with its row
number, the field and the reason in Arabic and English. People already enrolled
are skipped, so running the same file again duplicates no one.

Columns: national_id, name_ar, name_en, mobile, email, region, city, track,
sector, employer, qualifications, evidence (the last two: several values
separated by ``|``). Only national_id, name_ar, mobile, email, region and city
are required; the header row names the columns, in any order.
"""

from __future__ import annotations

import csv
import functools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO, Any
from uuid import UUID

from eventsourcing.persistence import Mapper

from domain.ambassadors.enrolment import EnrolmentForm, validate_enrolment
from domain.envelope import Envelope
from domain.errors import InvalidInput
from registry.ambassadors import AmbassadorService, PreparedEnrolment, prepare_enrolments
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.personal_data import PersonalDataVault

COLUMNS = (
    "national_id",
    "name_ar",
    "name_en",
    "mobile",
    "email",
    "region",
    "city",
    "track",
    "sector",
    "employer",
    "qualifications",
    "evidence",
)
REQUIRED = ("national_id", "name_ar", "mobile", "email", "region", "city")
ERROR_COLUMNS = ("row", "field", "message", "message_ar")
MAX_FIELD = 4000

Progress = Callable[[int], None]


@dataclass
class ImportReport:
    rows: int = 0
    enrolled: int = 0
    skipped: int = 0
    refused: int = 0


class ImportFileError(InvalidInput):
    """The file itself cannot be imported (no header, missing columns)."""


def _lines(source: IO[bytes], progress: Progress | None) -> Iterator[str]:
    done = reported = 0
    for raw in source:
        done += len(raw)
        if progress is not None and done - reported > 1 << 20:
            progress(done)
            reported = done
        yield raw.decode("utf-8-sig" if done == len(raw) else "utf-8", errors="replace")
    if progress is not None:
        progress(done)


def _form(row: dict[str, str]) -> EnrolmentForm:
    def get(name: str) -> str:
        return (row.get(name) or "")[:MAX_FIELD]

    def many(name: str) -> list[str]:
        return [v for v in get(name).split("|") if v.strip()]

    return EnrolmentForm(
        national_id=get("national_id"),
        name_ar=get("name_ar"),
        mobile=get("mobile"),
        email=get("email"),
        region=get("region"),
        city=get("city"),
        track=get("track") or "general",
        name_en=get("name_en") or None,
        sector=get("sector") or None,
        employer=get("employer") or None,
        qualifications=many("qualifications"),
        evidence=many("evidence"),
    )


@dataclass(frozen=True)
class _Preparer:
    """What a worker needs to check and seal rows: picklable, so it runs in other processes."""

    pepper: bytes
    master_key: bytes
    envelope: Envelope

    def __call__(
        self, chunk: list[tuple[int, dict[str, str]]]
    ) -> tuple[list[tuple[int, str, str, str]], list[PreparedEnrolment]]:
        errors: list[tuple[int, str, str, str]] = []
        checked = []
        for number, row in chunk:
            try:
                checked.append(validate_enrolment(_form(row), self.pepper))
            except InvalidInput as refused:
                errors.extend((number, p.field, p.message, p.message_ar) for p in refused.problems)
        vault = PersonalDataVault(self.master_key, None)
        return errors, prepare_enrolments(vault, _mapper(), self.envelope, checked)


@functools.cache
def _mapper() -> Mapper[UUID]:
    """The registry's event mapper, made once per process (the same transcodings as the
    application's, which is what makes events encoded here readable there)."""
    return NQSApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}).mapper


def _chunks(reader: csv.DictReader[str], size: int) -> Iterator[list[tuple[int, dict[str, str]]]]:
    chunk: list[tuple[int, dict[str, str]]] = []
    for number, row in enumerate(reader, start=2):  # row 1 is the header
        chunk.append((number, row))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def import_enrolments(
    service: AmbassadorService,
    ctx: RequestContext,
    source: IO[bytes],
    errors: IO[str],
    *,
    batch_size: int = 2000,
    workers: int = 0,
    progress: Progress | None = None,
) -> ImportReport:
    """Imports ``source`` (CSV bytes); writes refused rows to ``errors`` (CSV text).

    Rows are checked and sealed by ``workers`` processes (0: one thread of this process)
    while this thread saves the batches they hand back, in file order.
    """
    reader = csv.DictReader(_lines(source, progress))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(
            f"The file's header lacks the columns: {', '.join(missing)}.",
            f"ينقص ترويسة الملف الأعمدة: {', '.join(missing)}.",
            field="file",
        )
    reader.fieldnames = header
    report = ImportReport()
    writer = csv.writer(errors, lineterminator="\r\n")
    writer.writerow(ERROR_COLUMNS)
    preparer = _Preparer(service.pepper, service.vault.master_key, service.envelope(ctx))
    pool: Executor = (
        ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        if workers > 0
        else ThreadPoolExecutor(1, thread_name_prefix="import-prepare")
    )
    window: deque[Future[Any]] = deque()

    def save_oldest() -> None:
        refused, prepared = window.popleft().result()
        writer.writerows(refused)
        report.refused += len({number for number, *_ in refused})
        outcome = service.save_prepared(prepared)
        report.enrolled += outcome.enrolled
        report.skipped += outcome.skipped

    with pool:
        for chunk in _chunks(reader, batch_size):
            report.rows += len(chunk)
            window.append(pool.submit(preparer, chunk))
            # A few chunks in flight keep the workers busy without holding the file in memory.
            if len(window) > max(2, 2 * workers):
                save_oldest()
        while window:
            save_oldest()
    return report
