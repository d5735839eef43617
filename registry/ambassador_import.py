"""Bulk import of ambassadors from a CSV file with the columns of the enrolment form.

The file is streamed (memory stays flat however long it is): every row is checked
as the public form would check it, good rows are saved in batches (one
transaction each), and every refused row goes to the error report with its row
number, the field and the reason in Arabic and English. People already enrolled
are skipped, so running the same file again duplicates no one.

Who is already enrolled is known before a row costs anything: the parent hashes each
row's national ID into the person's id and asks the store about the whole batch in one
indexed query, so only new people are checked, sealed and encoded (by the workers). A
re-run of a file therefore costs the parsing, the hashing and one query per batch.

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
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO, Any, Protocol
from uuid import UUID

from eventsourcing.persistence import Mapper

from domain.ambassadors.enrolment import EnrolmentForm, validate_enrolment
from domain.envelope import Envelope
from domain.errors import InvalidInput, Problems
from domain.messages import N_
from domain.people import check_national_id, person_id
from registry.ambassadors import AmbassadorService, PreparedEnrolment, prepare_enrolments
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.exports import BOM, write_csv_rows
from registry.i18n import say
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
Row = list[str]  # one CSV record, in the header's column order


@dataclass
class ImportReport:
    rows: int = 0
    enrolled: int = 0
    skipped: int = 0
    refused: int = 0


@dataclass(frozen=True)
class RowError:
    """Why one row was refused: its number in the file (the header is row 1) and field."""

    row: int
    field: str
    message: str
    message_ar: str


class ErrorSink(Protocol):
    """Where refused rows go, in file order, as the import finds them."""

    def add(self, errors: Sequence[RowError]) -> None: ...


class ErrorReportCsv:
    """The error report as CSV (columns ``ERROR_COLUMNS``), written as rows are refused, so
    a file with a million bad rows never sits in memory."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out
        out.write(BOM)
        write_csv_rows(out, [ERROR_COLUMNS])

    def add(self, errors: Sequence[RowError]) -> None:
        write_csv_rows(self._out, [(e.row, e.field, e.message, e.message_ar) for e in errors])


class FirstErrors:
    """The first ``limit`` refused rows, kept for an answer in JSON."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.errors: list[RowError] = []

    def add(self, errors: Sequence[RowError]) -> None:
        self.errors.extend(errors[: max(0, self.limit - len(self.errors))])


class ImportFileError(InvalidInput):
    """The file itself cannot be imported (no header, missing columns)."""


def check_header(names: Sequence[str]) -> list[str]:
    """The header row's column names; refused when a required column is missing."""
    header = [h.strip() for h in names]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(
            N_("The file's header lacks the columns: {columns}."),
            field="file",
            columns=", ".join(missing),
        )
    return header


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
    header: list[str]

    def __call__(
        self, chunk: list[tuple[int, Row]]
    ) -> tuple[list[RowError], list[PreparedEnrolment]]:
        errors: list[RowError] = []
        checked = []
        for number, row in chunk:
            try:
                form = _form(dict(zip(self.header, row, strict=False)))
                checked.append(validate_enrolment(form, self.pepper))
            except InvalidInput as refused:
                errors.extend(
                    RowError(number, p.field, say(p.message, "en"), say(p.message, "ar"))
                    for p in refused.problems
                )
        vault = PersonalDataVault(self.master_key, None)
        return errors, prepare_enrolments(vault, _mapper(), self.envelope, checked)


@functools.cache
def _mapper() -> Mapper[UUID]:
    """The registry's event mapper, made once per process (the same transcodings as the
    application's, which is what makes events encoded here readable there)."""
    return NQSApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"}).mapper


def _chunks(reader: Iterator[Row], size: int) -> Iterator[list[tuple[int, Row]]]:
    chunk: list[tuple[int, Row]] = []
    for number, row in enumerate(reader, start=2):  # row 1 is the header
        if not row:  # a blank line, as csv.DictReader skips them
            continue
        chunk.append((number, row))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _person_ids(chunk: list[tuple[int, Row]], column: int, pepper: bytes) -> list[UUID | None]:
    """Each row's person id, from its national ID alone (None when the ID is malformed:
    the full check then reports it)."""
    ids: list[UUID | None] = []
    for _, row in chunk:
        raw = row[column][:MAX_FIELD] if column < len(row) else ""
        number = check_national_id(raw, Problems())
        ids.append(person_id(pepper, number) if number is not None else None)
    return ids


def import_enrolments(
    service: AmbassadorService,
    ctx: RequestContext,
    source: IO[bytes],
    errors: ErrorSink,
    *,
    batch_size: int = 5000,
    workers: int = 0,
    progress: Progress | None = None,
) -> ImportReport:
    """Imports ``source`` (CSV bytes); hands every refused row to ``errors``.

    Rows of people not yet enrolled are checked and sealed by ``workers`` processes (0:
    one thread of this process) while this thread reads the file, finds who is enrolled
    already and saves the batches the workers hand back, in file order.
    """
    reader = csv.reader(_lines(source, progress))
    header = check_header(next(reader, []))
    id_column = header.index("national_id")
    report = ImportReport()
    preparer = _Preparer(service.pepper, service.vault.master_key, service.envelope(ctx), header)
    enrolled_among = service.app.recorder.existing_originators  # type: ignore[attr-defined]
    pools: list[Executor] = []

    def pool() -> Executor:
        # Started on the first batch with someone new: a re-run of a file that is all
        # enrolled never pays for starting (and importing the registry in) the workers.
        if not pools:
            pools.append(
                ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
                if workers > 0
                else ThreadPoolExecutor(1, thread_name_prefix="import-prepare")
            )
        return pools[0]

    window: deque[Future[Any]] = deque()

    def save_oldest() -> None:
        refused, prepared = window.popleft().result()
        errors.add(refused)
        report.refused += len({e.row for e in refused})
        outcome = service.save_prepared(prepared)
        report.enrolled += outcome.enrolled
        report.skipped += outcome.skipped

    try:
        for chunk in _chunks(reader, batch_size):
            report.rows += len(chunk)
            ids = _person_ids(chunk, id_column, service.pepper)
            known = enrolled_among([i for i in ids if i is not None])
            new = [row for row, i in zip(chunk, ids, strict=True) if i is None or i not in known]
            report.skipped += len(chunk) - len(new)
            if any(i is not None and i not in known for i in ids):
                window.append(pool().submit(preparer, new))
            elif new:  # only malformed IDs: refused, and cheap enough to report from here
                done: Future[Any] = Future()
                done.set_result(preparer(new))
                window.append(done)
            # A few chunks in flight keep the workers busy without holding the file in memory.
            if len(window) > max(2, 2 * workers):
                save_oldest()
        while window:
            save_oldest()
    finally:
        for started in pools:
            started.shutdown(cancel_futures=True)
    return report
