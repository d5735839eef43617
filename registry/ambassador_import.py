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
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import IO, Any

from domain.ambassadors.enrolment import Enrolment, EnrolmentForm, validate_enrolment
from domain.errors import InvalidInput
from registry.ambassadors import AmbassadorService
from registry.context import RequestContext

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


def import_enrolments(
    service: AmbassadorService,
    ctx: RequestContext,
    source: IO[bytes],
    errors: IO[str],
    *,
    batch_size: int = 2000,
    progress: Progress | None = None,
) -> ImportReport:
    """Imports ``source`` (CSV bytes); writes refused rows to ``errors`` (CSV text)."""
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
    pepper = service.pepper
    batch: list[Enrolment] = []
    # One batch is saved (mostly waiting on the database) while the next is read and checked.
    saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-save")
    in_flight: Future[Any] | None = None

    def settle() -> None:
        nonlocal in_flight
        if in_flight is not None:
            outcome = in_flight.result()
            report.enrolled += outcome.enrolled
            report.skipped += outcome.skipped
            in_flight = None

    def flush() -> None:
        nonlocal in_flight
        settle()
        in_flight = saver.submit(service.enrol_checked, ctx, list(batch))
        batch.clear()

    try:
        for number, row in enumerate(reader, start=2):  # row 1 is the header
            report.rows += 1
            try:
                batch.append(validate_enrolment(_form(row), pepper))
            except InvalidInput as refused:
                report.refused += 1
                for problem in refused.problems:
                    writer.writerow((number, problem.field, problem.message, problem.message_ar))
                continue
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
        settle()
    finally:
        saver.shutdown(wait=True)
    return report
