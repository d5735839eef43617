"""Benchmarks of the ambassadors programme at national scale (issue 3).

    python -m tests.bench.membership [--members N] [--import-rows N] [--duration S] [--only NAME…]

Each figure runs against its own fresh PostgreSQL database (dropped afterwards):

* ``pg_single_row_insert``: the raw rate of single-row INSERT transactions of the same
  PostgreSQL (pgbench, 32 clients), the baseline the enrolment rate is compared to;
* ``enrol_http``: public enrolments over HTTP against a real server process
  (``nqs serve``), load from ``wrk`` with 32 connections (``tests/bench/enrol.lua`` makes
  every request a new person with a valid ID); each 201 is a committed enrolment, which
  the run checks by counting the events in the store afterwards;
* ``import``: ``nqs ambassadors import`` of a generated CSV (one row in fifty invalid)
  in a child process, rows per second and the child's peak memory;
* ``membership_report`` and ``projection_rebuild``: a store filled with N ambassadors
  through the import's own code path (``enrol_checked``), then the report's p99 over
  HTTP and the membership read model rebuilt from the whole log, in events per second.

Sizes are parameters: the defaults are the issue's (1,000,000 rows, 5,000,000
ambassadors) and take the better part of an hour; pass smaller ones to try it out.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from registry.ambassador_import import COLUMNS as IMPORT_COLUMNS
from tests.bench.common import Row as BenchRow

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NQS = str(Path(sys.executable).with_name("nqs"))
PG_URL = os.environ.get("NQS_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
REGIONS = (
    "riyadh",
    "makkah",
    "madinah",
    "qassim",
    "eastern_province",
    "asir",
    "tabuk",
    "hail",
    "northern_borders",
    "jazan",
    "najran",
    "al_bahah",
    "al_jawf",
)
SECTORS = ("industry", "health", "education", "services", "civil_society", "government")

Row = dict[str, Any]
# The import's columns without the expert track's lists, which these people do not need.
FORM_COLUMNS = [c for c in IMPORT_COLUMNS if c not in ("qualifications", "evidence")]


def row(name: str, value: float, unit: str, target: str, met: bool | None, **extra: Any) -> Row:
    return {
        "name": name,
        "value": round(value, 2),
        "unit": unit,
        "target": target,
        "met": met,
        **extra,
    }


# -- people and files ---------------------------------------------------------------------


def national_id(seq: int, citizen: bool = True) -> str:
    from domain.people import luhn_valid

    body = ("1" if citizen else "2") + f"{seq % 100_000_000:08d}"
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


def form_row(seq: int) -> list[str]:
    """One enrolment form: mostly general (citizens), one in five sectoral, one in fifty bad."""
    region = REGIONS[seq % len(REGIONS)]
    if seq % 50 == 7:
        return [
            "12345",
            "محمد",
            "Mohammed",
            "0551234567",
            f"p{seq}@example.sa",
            region,
            "City",
            "general",
            "",
            "",
        ]
    if seq % 5 == 0:
        return [
            national_id(seq, citizen=seq % 10 != 0),
            "سارة أحمد",
            "Sara Ahmed",
            f"05{seq % 100_000_000:08d}",
            f"p{seq}@example.sa",
            region,
            "City",
            "sectoral",
            SECTORS[seq % len(SECTORS)],
            "Employer",
        ]
    return [
        national_id(seq),
        "محمد عبدالله",
        "Mohammed Abdullah",
        f"05{seq % 100_000_000:08d}",
        f"p{seq}@example.sa",
        region,
        f"City {seq % 97}",
        "general",
        "",
        "",
    ]


def write_csv(path: Path, start: int, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(FORM_COLUMNS)
        for seq in range(start, start + count):
            writer.writerow(form_row(seq))


# -- databases and processes ------------------------------------------------------------


@contextlib.contextmanager
def fresh_database(prefix: str) -> Iterator[str]:
    import psycopg

    name = f"{prefix}_{os.getpid()}_{int(time.time())}"
    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def nqs_env(dbname: str, data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NQS_")}
    env.update(
        {
            "NQS_DATABASE_URL": f"{PG_URL}/{dbname}?pool_size=20",
            "NQS_DATA_DIR": str(data_dir),
            "NQS_LOG_FORMAT": "json",
            **extra,
        }
    )
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server(env: dict[str, str], workers: int) -> Iterator[str]:
    """``nqs serve`` as a child process; yields its base URL once /health answers."""
    import httpx

    port = free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in the finally below
    child = subprocess.Popen(
        [NQS, "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=log,
        stderr=log,
        cwd=ROOT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            time.sleep(0.3)
        else:
            log.seek(0)
            raise RuntimeError("server did not start: " + log.read().decode()[-2000:])
        yield base
    finally:
        os.killpg(child.pid, signal.SIGTERM)
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
        log.close()


def settings_for(dbname: str, data_dir: Path) -> Any:
    from registry.settings import Settings

    return Settings.from_env(
        {"NQS_DATABASE_URL": f"{PG_URL}/{dbname}?pool_size=20", "NQS_DATA_DIR": str(data_dir)}
    )


# -- the figures --------------------------------------------------------------------------


def pg_single_row_insert(opts: argparse.Namespace) -> Row:
    if shutil.which("pgbench") is None:
        return row("pg_single_row_insert", 0, "tx/s", "baseline", None, note="pgbench missing")
    with fresh_database("nqs_bench_pgbench") as db, tempfile.TemporaryDirectory() as tmp:
        import psycopg

        with psycopg.connect(f"{PG_URL}/{db}", autocommit=True) as conn:
            conn.execute("CREATE TABLE rows (id bigserial PRIMARY KEY, payload bytea)")
        script = Path(tmp) / "insert.sql"
        script.write_text("INSERT INTO rows (payload) VALUES (decode(repeat('ab', 400), 'hex'));\n")
        out = subprocess.run(
            [
                "pgbench",
                "-n",
                "-c",
                str(opts.connections),
                "-j",
                "2",
                "-T",
                str(opts.duration),
                "-f",
                str(script),
                f"{PG_URL}/{db}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return row(
        "pg_single_row_insert",
        tps,
        "tx/s",
        "baseline",
        None,
        note=f"pgbench, {opts.connections} clients, one INSERT per transaction",
    )


def enrol_http(opts: argparse.Namespace, baseline: float | None) -> list[Row]:
    if shutil.which("wrk") is None:
        return [
            row(
                "enrol_http",
                0,
                "enrolments/s",
                ">= 1500",
                None,
                note="wrk missing: apt-get install -y wrk",
            )
        ]
    with fresh_database("nqs_bench_enrol") as db, tempfile.TemporaryDirectory() as tmp:
        env = nqs_env(db, Path(tmp))
        subprocess.run([NQS, "migrate"], env=env, check=True, capture_output=True, cwd=ROOT)
        with server(env, opts.workers) as base:
            load_env = {**os.environ, "NQS_BENCH_OFFSET": "50000000"}
            # Warm-up (imports, pools, prepared statements), with its own range of people.
            subprocess.run(
                ["wrk", "-t2", "-c8", "-d3s", "-s", str(HERE / "enrol.lua"), base],
                env={**load_env, "NQS_BENCH_OFFSET": "90000000"},
                capture_output=True,
                check=True,
            )
            out = subprocess.run(
                [
                    "wrk",
                    "-t2",
                    f"-c{opts.connections}",
                    f"-d{opts.duration}s",
                    "--latency",
                    "-s",
                    str(HERE / "enrol.lua"),
                    base,
                ],
                env=load_env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
        total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
        failed_match = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        failed = int(failed_match.group(1)) if failed_match else 0
        p99 = _wrk_ms(re.search(r"99%\s+([\d.]+)(us|ms|s)", out))
        p50 = _wrk_ms(re.search(r"50%\s+([\d.]+)(us|ms|s)", out))
        stored = _count_events(db)
    durable = stored >= total - failed
    ratio = rate / baseline if baseline else None
    return [
        row(
            "enrol_http",
            rate,
            "enrolments/s",
            ">= 0.2 of pgbench",
            None if ratio is None else ratio >= 0.2,
            baseline=baseline,
            ratio=round(ratio, 3) if ratio else None,
            note=f"{opts.connections} connections, {opts.workers} server process(es), "
            f"{total} requests, {failed} failed, {stored} events stored"
            + ("" if durable else " — FEWER EVENTS THAN SUCCESSES"),
        ),
        row("enrol_http_p99", p99, "ms", "<= 25", p99 <= 25, note=f"p50 {p50} ms"),
    ]


def _wrk_ms(match: re.Match[str] | None) -> float:
    if match is None:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def _peak_tree_rss_mb(child: subprocess.Popen[bytes]) -> float:
    """Waits for ``child``; the peak of the summed resident memory of it and its workers."""
    peak = 0
    while child.poll() is None:
        peak = max(peak, sum(_rss_kb(pid) for pid in _tree(child.pid)))
        time.sleep(0.2)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    return peak / 1024


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
                )
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found.extend(frontier)
    return found


def _rss_kb(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _count_events(db: str) -> int:
    import psycopg

    with psycopg.connect(f"{PG_URL}/{db}") as conn:
        found = conn.execute("SELECT COUNT(*) FROM nqs_events").fetchone()
    return int(found[0]) if found else 0


def import_csv(opts: argparse.Namespace) -> list[Row]:
    with fresh_database("nqs_bench_import") as db, tempfile.TemporaryDirectory() as tmp:
        env = nqs_env(db, Path(tmp))
        subprocess.run([NQS, "migrate"], env=env, check=True, capture_output=True, cwd=ROOT)
        path = Path(tmp) / "ambassadors.csv"
        write_csv(path, 0, opts.import_rows)
        started = time.perf_counter()
        child = subprocess.Popen(
            [NQS, "ambassadors", "import", str(path), "--workers", str(opts.import_workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        peak_mb = _peak_tree_rss_mb(child)
        elapsed = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run(
            [NQS, "ambassadors", "import", str(path), "--workers", str(opts.import_workers)],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        rerun = time.perf_counter() - started
        stored = _count_events(db)
    rate = opts.import_rows / elapsed
    expected = sum(1 for seq in range(opts.import_rows) if seq % 50 != 7)
    speedup = elapsed / rerun
    return [
        row(
            "import",
            rate,
            "rows/s",
            ">= 20000",
            rate >= 20_000,
            note=f"{opts.import_rows} rows in {elapsed:.1f} s ({opts.import_workers} worker "
            f"processes); {stored} enrolled (expected {expected})",
        ),
        row(
            "import_rerun_speedup",
            speedup,
            "× faster",
            ">= 5",
            speedup >= 5 and stored == expected,
            note=f"the same file again in {rerun:.1f} s added {stored - expected} (expected 0)",
        ),
        row(
            "import_peak_memory",
            peak_mb,
            "MB",
            "<= 500",
            peak_mb <= 500,
            note="resident memory of the import and its worker processes together",
        ),
    ]


def seed_members(registry: Any, members: int) -> float:
    """Fills the store with about ``members`` pending ambassadors through the import's own
    code path (``enrol_checked``, batches of 5,000); returns the seconds it took. The read
    models are not caught up: the caller rebuilds or catches up as its figure needs."""
    started = time.perf_counter()
    seed_range(registry, 0, seeds_for(members))
    return time.perf_counter() - started


def seeds_for(members: int) -> int:
    """How many form rows give ``members`` enrolments (one row in fifty is refused)."""
    return members * 50 // 49 + 1


def seed_range(registry: Any, start: int, stop: int) -> None:
    """Enrols the people of form rows ``start``…``stop - 1`` (see :func:`seed_members`)."""
    from domain.ambassadors.enrolment import validate_enrolment
    from domain.errors import InvalidInput
    from registry.ambassador_import import _form
    from registry.context import RequestContext

    ctx = RequestContext.system()
    batch = []
    for seq in range(start, stop):
        try:
            batch.append(
                validate_enrolment(
                    _form(dict(zip(FORM_COLUMNS, form_row(seq), strict=True))),
                    registry.ambassadors.pepper,
                )
            )
        except InvalidInput:
            continue
        if len(batch) == 5000:
            registry.ambassadors.enrol_checked(ctx, batch)
            batch = []
    if batch:
        registry.ambassadors.enrol_checked(ctx, batch)


def seed_in_processes(db: str, data_dir: Path, start: int, stop: int, processes: int) -> None:
    """:func:`seed_range` split over ``processes`` child processes, each with its own
    registry on ``db`` (the rows' checking and sealing is CPU-bound)."""
    import multiprocessing

    step = -(-(stop - start) // processes)
    ranges = [(db, str(data_dir), n, min(stop, n + step)) for n in range(start, stop, step)]
    with multiprocessing.get_context("spawn").Pool(len(ranges)) as pool:
        pool.starmap(_seed_child, ranges)


def _seed_child(db: str, data_dir: str, start: int, stop: int) -> None:
    from registry.bootstrap import build

    registry = build(settings_for(db, Path(data_dir)))
    try:
        seed_range(registry, start, stop)
    finally:
        registry.close()


def report_and_rebuild(opts: argparse.Namespace) -> list[Row]:
    from domain.roles import Role
    from registry.bootstrap import build, migrate
    from registry.context import RequestContext

    with fresh_database("nqs_bench_scale") as db, tempfile.TemporaryDirectory() as tmp:
        settings = settings_for(db, Path(tmp))
        migrate(settings)
        registry = build(settings)
        try:
            ctx = RequestContext.system()
            filled = seed_members(registry, opts.members)
            events = registry.runner.head()
            started = time.perf_counter()
            registry.runner.rebuild("membership")
            rebuild = time.perf_counter() - started
            registry.runner.catch_up()
            registry.users.add(ctx, username=BENCH_USER, role=Role.OFFICER, password=BENCH_PASSWORD)
        finally:
            registry.close()
        env = nqs_env(db, Path(tmp))
        with server(env, 1) as base:
            latencies = _report_latencies(base, opts.report_requests)
    p99 = statistics.quantiles(latencies, n=100)[98]
    rate = events / rebuild
    return [
        row(
            "membership_report_p99",
            p99,
            "ms",
            "<= 20",
            p99 <= 20,
            note=f"{events} ambassadors in the store (filled in {filled:.0f} s); "
            f"p50 {statistics.median(latencies):.1f} ms over {len(latencies)} requests",
        ),
        row(
            "projection_rebuild",
            rate,
            "events/s",
            ">= 20000",
            rate >= 20_000,
            note=f"membership read model, {events} events in {rebuild:.1f} s",
        ),
    ]


def _report_latencies(base: str, count: int) -> list[float]:
    import httpx

    signed_in = httpx.post(
        f"{base}/api/v1/auth/token", data={"username": BENCH_USER, "password": BENCH_PASSWORD}
    )
    signed_in.raise_for_status()
    headers = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    latencies = []
    with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
        for _ in range(20):
            client.get("/api/v1/reports/membership").raise_for_status()
        for _ in range(count):
            started = time.perf_counter()
            client.get("/api/v1/reports/membership").raise_for_status()
            latencies.append((time.perf_counter() - started) * 1000)
    return latencies


BENCH_USER, BENCH_PASSWORD = "bench-officer", "bench-officer-password"


# -- entry points -------------------------------------------------------------------------

FIGURES = ("baseline", "enrol", "import", "scale")


def options(args: Any = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tests.bench.membership",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--members", type=int, default=5_000_000)
    parser.add_argument("--import-rows", type=int, default=1_000_000)
    parser.add_argument("--duration", type=int, default=20, help="seconds of load")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="server processes (one per core)")
    parser.add_argument(
        "--import-workers",
        type=int,
        default=2,
        help="processes checking and sealing rows (nqs ambassadors import --workers)",
    )
    parser.add_argument("--report-requests", type=int, default=500)
    parser.add_argument("--only", nargs="*", choices=FIGURES, default=list(FIGURES))
    if isinstance(args, argparse.Namespace):
        defaults = parser.parse_args([])
        for key, value in vars(defaults).items():
            if not hasattr(args, key):
                setattr(args, key, value)
        return args
    return parser.parse_args(args)


def run(args: argparse.Namespace) -> list[BenchRow]:
    """The suite as `make bench` runs it: the issue's sizes, or small ones with --quick."""
    opts = options(
        ["--members", "200000", "--import-rows", "100000", "--duration", "10"] if args.quick else []
    )
    return bench_rows(measure(opts))


def bench_rows(results: list[Row]) -> list[BenchRow]:
    """The suite's rows as `make bench` prints them (the enrolment beside pgbench)."""
    return [
        BenchRow(
            name=f"{r['name']} ({r['note']})" if r.get("note") else r["name"],
            value=float(r["value"]),
            unit=r["unit"],
            baseline=r.get("baseline") if r["name"] == "enrol_http" else None,
            baseline_name=(
                "pgbench single-row INSERT tps, same client count" if r.get("baseline") else None
            ),
            target=r.get("target"),
            met=r.get("met"),
        )
        for r in results
    ]


def measure(opts: argparse.Namespace) -> list[Row]:
    results: list[Row] = []
    baseline = None
    if "baseline" in opts.only or "enrol" in opts.only:
        results.append(pg_single_row_insert(opts))
        baseline = results[-1]["value"] or None
    if "enrol" in opts.only:
        results.extend(enrol_http(opts, baseline))
    if "import" in opts.only:
        results.extend(import_csv(opts))
    if "scale" in opts.only:
        results.extend(report_and_rebuild(opts))
    return results


def main() -> None:
    for result in measure(options(sys.argv[1:])):
        met = {True: "met", False: "NOT met", None: ""}[result["met"]]
        extra = (
            f"  (ratio {result['ratio']} of {result['baseline']})" if result.get("ratio") else ""
        )
        print(
            f"{result['name']:24} {result['value']:>12} {result['unit']:14} "
            f"target {result['target']:10} {met}{extra}"
        )
        if result.get("note"):
            print(f"{'':24} {result['note']}")


if __name__ == "__main__":
    main()
