"""Where one request's CPU goes: the API server under load, sampled by py-spy.

    python -m tests.bench.profile enrol|score [--seconds S] [--out DIR]

Starts one server process (one worker, so one process holds every request) on a fresh
PostgreSQL database, loads it (``wrk`` with ``enrol.lua`` for public enrolments; 16
judges back to back for scoring, as ``tests/bench/awards.py`` does), and samples the
server with ``py-spy record --gil`` (only samples of a thread holding the GIL: the
Python CPU a request costs, not its waits) for the load's duration. The samples are
split into the layers a request crosses by the innermost frame that belongs to one
(logging owns everything below it, SQL everything in the driver), and the top
self-time functions are listed. Needs ``py-spy`` on PATH (``pip install py-spy``)
and ``wrk`` for the enrolment.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.bench import awards, membership
from tests.bench.common import bench_registry, bench_settings

# (layer, substrings of "function (file:line)"): the first layer whose pattern a frame
# matches is that frame's layer, and a stack's layer is its innermost frame's, except that
# logging and SQL own every frame below them (the JSON of a log line is logging's).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("logging", ("structlog/", "registry/logging.py", "/logging/__init__.py")),
    ("metrics", ("prometheus_client/", "litestar/plugins/prometheus", "contrib/prometheus")),
    ("SQL", ("psycopg", "eventsourcing/postgres.py", "RecorderWithKeys", "_insert_events")),
    ("encryption", ("cryptography/", "hmac.py", "hashlib", "PersonalDataVault", "domain/personal")),
    ("JSON", ("json/", "msgspec")),
    ("encoding", ("eventsourcing/persistence.py", "registry/event_store.py", "transcod")),
    ("validation", ("litestar/_signature", "litestar/_kwargs", "litestar/dto", "validat")),
    ("middleware", ("api/middleware.py", "litestar/middleware/")),
    ("auth", ("api/auth.py", "litestar/security", "jwt", "api/guards.py")),
    ("Litestar", ("litestar/",)),
    ("HTTP server", ("uvicorn/", "httptools", "h11", "uvloop", "granian", "asyncio/")),
    ("domain and services", ("domain/", "registry/", "api/", "eventsourcing/")),
]
STICKY = {"logging", "SQL"}


def layer_of(stack: list[str]) -> str:
    """The layer of one sampled stack (root first)."""
    found = "other"
    for frame in stack:
        for name, patterns in LAYERS:
            if any(p in frame for p in patterns):
                found = name
                break
        if found in STICKY:
            return found
    return found


def summarise(raw: Path, top: int = 25) -> str:
    """A markdown summary of py-spy's raw (collapsed) output."""
    layers: collections.Counter[str] = collections.Counter()
    leaves: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack_text, _, count_text = line.rpartition(" ")
        if not stack_text:
            continue
        count = int(count_text)
        stack = stack_text.split(";")
        # py-spy puts the thread ("process 1:"/"thread (…)") first; keep code frames only.
        stack = [f for f in stack if "(" in f and ".py" in f]
        if not stack:
            continue
        total += count
        layers[layer_of(stack)] += count
        leaves[stack[-1]] += count
    lines = ["| layer | share of busy samples |", "| --- | ---: |"]
    lines += [f"| {name} | {n / total:.1%} |" for name, n in layers.most_common()]
    lines += ["", "| self time | function |", "| ---: | --- |"]
    lines += [f"| {n / total:.1%} | `{frame}` |" for frame, n in leaves.most_common(top)]
    return "\n".join(lines) + f"\n\n{total:,} samples\n"


def _record(pid: int, seconds: int, out: Path) -> subprocess.Popen[bytes]:
    spy = shutil.which("py-spy")
    if spy is None:
        raise SystemExit("py-spy not found: pip install py-spy")
    return subprocess.Popen(
        [
            spy,
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(seconds),
            "--rate",
            "200",
            "--format",
            "raw",
            "--output",
            str(out),
            "--nonblocking",
            "--gil",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def profile_enrol(seconds: int, out: Path) -> Path:
    raw = out / "enrol.txt"
    with membership.fresh_database("nqs_profile_enrol") as db, tempfile.TemporaryDirectory() as tmp:
        env = membership.nqs_env(db, Path(tmp))
        subprocess.run([membership.NQS, "migrate"], env=env, check=True, capture_output=True)
        with membership.server(env, 1) as base:
            pid = _server_pid(base)
            load = ["wrk", "-t2", "-c32", "-s", str(membership.HERE / "enrol.lua"), base]
            subprocess.run(
                [*load[:3], "-d3s", *load[3:]],
                env={**os.environ, "NQS_BENCH_OFFSET": "90000000"},
                capture_output=True,
                check=True,
            )
            spy = _record(pid, seconds, raw)
            subprocess.run([*load[:3], f"-d{seconds}s", *load[3:]], capture_output=True, check=True)
            spy.wait(timeout=seconds + 60)
    return raw


def profile_score(seconds: int, out: Path) -> Path:
    raw = out / "score.txt"
    awards.WORKERS = 1
    with bench_settings(pool_size=20) as settings, bench_registry(settings) as registry:
        plan = awards.setup_for_scoring(registry, 60)
        port = awards._free_port()
        env = {
            "NQS_DATABASE_URL": f"{settings.database.describe()}?pool_size=20",
            "NQS_DATA_DIR": str(settings.data_dir),
            "NQS_SECRET_KEY": settings.secret_key or "",
        }
        process = awards._serve(env, port, settings.data_dir / "server.log")
        try:
            base = f"http://127.0.0.1:{port}"
            pid = _server_pid(base)
            versions: dict[tuple[object, object], int] = {}
            awards._score_over_http(registry, base, plan, 5, versions)  # type: ignore[arg-type]
            spy = _record(pid, seconds, raw)
            stop = time.monotonic() + seconds
            while time.monotonic() < stop:
                awards._score_over_http(registry, base, plan, 20, versions)  # type: ignore[arg-type]
            spy.wait(timeout=seconds + 60)
        finally:
            process.terminate()
            process.wait(timeout=30)
    return raw


def _server_pid(base: str) -> int:
    """The pid of the worker process serving ``base``'s port (granian's one worker)."""
    port = base.rsplit(":", 1)[1]
    found = subprocess.run(
        ["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True, check=True
    ).stdout
    pids = {int(part.split(",")[0]) for part in found.split("pid=")[1:]}
    parents = {
        pid: int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]) for pid in pids
    }
    workers = [pid for pid, parent in parents.items() if parent in pids]
    return (workers or sorted(pids))[0]


def main() -> None:
    parser = argparse.ArgumentParser(prog="tests.bench.profile", description=__doc__)
    parser.add_argument("what", choices=("enrol", "score"))
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--out", default=tempfile.gettempdir())
    args = parser.parse_args()
    out = Path(args.out)
    runner = profile_enrol if args.what == "enrol" else profile_score
    threading.excepthook = lambda a: print(a.exc_value, file=sys.stderr)
    raw = runner(args.seconds, out)
    print(f"raw samples: {raw}\n")
    print(summarise(raw))


if __name__ == "__main__":
    main()
