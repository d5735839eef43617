"""The ASGI servers side by side: public enrolments over HTTP under each, alternating.

    python -m tests.bench.servers [--workers N] [--rounds N] [--duration S] [--servers a,b]

Each round serves the same application (``api.asgi``) with each server in turn, every
one on a fresh database, warms it up for 3 s and loads it with ``wrk`` (32 connections,
``enrol.lua``) for ``--duration`` seconds; rounds alternate the order so the machine's
drifting load hits both alike. ``nqs serve`` runs granian, which won this comparison
(docs/benchmarks.md); uvicorn is kept as a dependency for it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from tests.bench import membership

BIN = Path(sys.executable).parent


def command(server: str, port: int, workers: int) -> list[str]:
    if server == "granian":
        return [str(BIN / "nqs"), "serve", "--port", str(port), "--workers", str(workers)]
    # uvicorn as `nqs serve` ran it before: httptools and uvloop (uvicorn[standard]).
    return [
        str(BIN / "uvicorn"),
        "api.asgi:app",
        "--factory",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--log-level",
        "warning",
    ]


@contextlib.contextmanager
def serving(server: str, env: dict[str, str], workers: int) -> Iterator[str]:
    port = membership.free_port()
    with tempfile.TemporaryFile() as log:
        child = subprocess.Popen(
            command(server, port, workers),
            env=env,
            stdout=log,
            stderr=log,
            cwd=membership.ROOT,
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
                raise RuntimeError(f"{server} did not start: {log.read().decode()[-2000:]}")
            yield base
        finally:
            os.killpg(child.pid, signal.SIGTERM)
            child.wait(timeout=20)


def load(
    base: str, seconds: int, connections: int, offset: int = 0
) -> tuple[float, float, float, int]:
    """Enrolments/s, p50 and p99 in ms, and non-2xx responses of one wrk run."""
    script = str(membership.HERE / "enrol.lua")
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script, base],
        env={**os.environ, "NQS_BENCH_OFFSET": str(offset)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = membership._wrk_ms(re.search(r"50%\s+([\d.]+)(us|ms|s)", out))
    p99 = membership._wrk_ms(re.search(r"99%\s+([\d.]+)(us|ms|s)", out))
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p50, p99, int(failed.group(1)) if failed else 0


def main() -> None:
    parser = argparse.ArgumentParser(prog="tests.bench.servers", description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--servers", default="uvicorn,granian")
    args = parser.parse_args()
    servers = args.servers.split(",")
    for n in range(args.rounds):
        for server in servers if n % 2 == 0 else servers[::-1]:
            with (
                membership.fresh_database(f"nqs_bench_{server}") as db,
                tempfile.TemporaryDirectory() as tmp,
            ):
                env = membership.nqs_env(db, Path(tmp))
                subprocess.run(
                    [str(BIN / "nqs"), "migrate"], env=env, check=True, capture_output=True
                )
                with serving(server, env, args.workers) as base:
                    load(base, 3, 8, offset=50_000_000)  # other people than the run's
                    rate, p50, p99, failed = load(base, args.duration, args.connections)
            print(
                f"round {n + 1} {server:8} {args.workers} worker(s): {rate:8.1f} enrolments/s,"
                f" p50 {p50:.1f} ms, p99 {p99:.1f} ms, {failed} non-2xx",
                flush=True,
            )


if __name__ == "__main__":
    main()
