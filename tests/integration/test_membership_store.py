"""Enrolment's storage guarantees, on SQLite and PostgreSQL: keys beside events, group commit,
counters that rebuild to the same figures."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from domain.ambassadors.enrolment import EnrolmentForm
from domain.errors import AlreadyExists
from registry.bootstrap import Registry
from registry.context import PUBLIC, RequestContext
from registry.personal_data import KEYS_TABLE
from tests.people import national_id

PUBLIC_CTX = RequestContext(PUBLIC, "test")


def form(seq: int, region: str = "riyadh") -> EnrolmentForm:
    return EnrolmentForm(
        national_id=national_id(seq),
        name_ar="سارة",
        mobile="0551234567",
        email=f"s{seq}@example.sa",
        region=region,
        city="City",
    )


def key_rows(registry: Registry) -> int:
    with registry.db.read() as cur:
        row = cur.fetchone(f"SELECT COUNT(*) FROM {KEYS_TABLE}")
    return int(row[0]) if row else 0


def test_a_refused_duplicate_leaves_no_key_behind(registry: Registry) -> None:
    registry.ambassadors.enrol(PUBLIC_CTX, form(1))
    with pytest.raises(AlreadyExists):
        registry.ambassadors.enrol(PUBLIC_CTX, form(1))
    assert key_rows(registry) == 1


def test_concurrent_enrolments_are_committed_together_and_only_the_duplicate_fails(
    registry: Registry,
) -> None:
    forms = [form(seq) for seq in range(10, 50)] + [form(10)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        outcomes = list(pool.map(lambda f: _try(registry, f), forms))
    assert outcomes.count("ok") == 40
    assert outcomes.count("duplicate") == 1
    assert key_rows(registry) == 40


def _try(registry: Registry, f: EnrolmentForm) -> str:
    try:
        registry.ambassadors.enrol(PUBLIC_CTX, f)
    except AlreadyExists:
        return "duplicate"
    return "ok"


def test_the_membership_read_model_rebuilds_to_the_same_figures(registry: Registry) -> None:
    ids = [
        registry.ambassadors.enrol(PUBLIC_CTX, form(seq, region)).id
        for seq, region in ((60, "hail"), (61, "hail"), (62, "jazan"))
    ]
    officer = RequestContext.system()
    registry.ambassadors.bulk(officer, "approve", ids[:2], "Approved")
    registry.ambassadors.decide(officer, "suspend", ids[0], 2, "Complaint")
    registry.runner.catch_up()
    before = _figures(registry)
    registry.runner.rebuild("membership")
    assert _figures(registry) == before
    assert before[0] == [
        ("general", "hail", "", "active", 1),
        ("general", "hail", "", "suspended", 1),
        ("general", "jazan", "", "pending", 1),
    ]


def _figures(registry: Registry) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with registry.db.read() as cur:
        counts = cur.fetchall(
            "SELECT track, region, sector, status, n FROM view_membership_counts WHERE n <> 0"
            " ORDER BY 1, 2, 3, 4"
        )
        members = cur.fetchall("SELECT id, status, points FROM view_ambassadors ORDER BY id")
    return [tuple(r) for r in counts], [tuple(r) for r in members]


def test_the_import_can_check_and_seal_rows_in_worker_processes(registry: Registry) -> None:
    import io

    from registry.ambassador_import import ErrorReportCsv, import_enrolments

    rows = "".join(
        f"{national_id(seq)},سارة,,0551234567,s{seq}@example.sa,qassim,Buraydah\n"
        for seq in range(100, 130)
    )
    source = io.BytesIO(
        (
            "national_id,name_ar,name_en,mobile,email,region,city\n"
            + rows
            + "123,x,,1,bad,nowhere,\n"
        ).encode()
    )
    errors = io.StringIO()
    report = import_enrolments(
        registry.ambassadors,
        RequestContext.system(),
        source,
        ErrorReportCsv(errors),
        batch_size=7,
        workers=2,
    )
    assert (report.rows, report.enrolled, report.skipped, report.refused) == (31, 30, 0, 1)
    assert key_rows(registry) == 30
    fields = [line.split(",")[1] for line in errors.getvalue().splitlines()[1:]]
    assert fields == ["national_id", "name_ar", "mobile", "email", "region", "city"]


def test_a_rerun_of_an_import_adds_no_one_and_checks_no_enrolled_row_again(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from registry import ambassador_import
    from registry.ambassador_import import ErrorReportCsv, import_enrolments

    rows = "".join(
        f"{national_id(seq)},سارة,,0551234567,s{seq}@example.sa,qassim,Buraydah\n"
        for seq in range(200, 240)
    )
    header = "national_id,name_ar,name_en,mobile,email,region,city\n"
    bad = "123,x,,1,bad,nowhere,\n"
    first = import_enrolments(
        registry.ambassadors,
        RequestContext.system(),
        io.BytesIO((header + rows[: len(rows) // 2] + bad).encode()),
        ErrorReportCsv(io.StringIO()),
        batch_size=8,
    )
    assert (first.enrolled, first.refused) == (20, 1)
    events = registry.runner.head()

    prepared: list[int] = []
    prepare = ambassador_import._Preparer.__call__

    def counting(self: ambassador_import._Preparer, chunk: list[tuple[int, list[str]]]) -> object:
        prepared.extend(number for number, _ in chunk)
        return prepare(self, chunk)

    monkeypatch.setattr(ambassador_import._Preparer, "__call__", counting)
    errors = io.StringIO()
    again = import_enrolments(
        registry.ambassadors,
        RequestContext.system(),
        io.BytesIO((header + rows + bad).encode()),  # the same file, with 20 new people
        ErrorReportCsv(errors),
        batch_size=8,
    )
    assert (again.rows, again.enrolled, again.skipped, again.refused) == (41, 20, 20, 1)
    # Only the new people and the bad row were checked and sealed; no one was added twice.
    assert sorted(prepared) == list(range(22, 43))
    assert registry.runner.head() == events + 20
    assert key_rows(registry) == 40
    assert errors.getvalue().count("\n") == 1 + 6  # the header and the bad row's six fields
