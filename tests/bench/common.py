"""What every benchmark shares: a throwaway PostgreSQL database, timing, the result rows."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from registry.bootstrap import Registry, build, drop_postgres_database, migrate
from registry.clock import SystemClock
from registry.settings import Settings

PG_URL = os.environ.get(
    "NQS_BENCH_POSTGRES_URL",
    os.environ.get("NQS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
)


@dataclass
class Row:
    """One measured figure, with its baseline and target where there is one."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str | None = None
    target: str | None = None
    met: bool | None = None
    # The same work done by the eventsourcing library with its defaults, in the same run.
    peer: float | None = None
    peer_name: str | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline:
            return self.value / self.baseline
        return None

    @property
    def peer_ratio(self) -> float | None:
        if self.peer:
            return self.value / self.peer
        return None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "baseline": self.baseline,
            "baseline_name": self.baseline_name,
            "ratio": self.ratio,
            "peer": self.peer,
            "peer_name": self.peer_name,
            "peer_ratio": self.peer_ratio,
            "target": self.target,
            "met": self.met,
        }


@contextmanager
def bench_settings(pool_size: int = 20) -> Iterator[Settings]:
    """A fresh PostgreSQL database for one benchmark, dropped afterwards."""
    base = PG_URL.rsplit("/", 1)[0]
    name = f"nqs_bench_{uuid.uuid4().hex[:10]}"
    data_dir = Path(tempfile.mkdtemp(prefix="nqs-bench-"))
    settings = Settings.from_env(
        {
            "NQS_DATABASE_URL": f"{base}/{name}?pool_size={pool_size}",
            "NQS_DATA_DIR": str(data_dir),
            "NQS_SECRET_KEY": "bench-secret-key-bench-secret-key-bench",
            "NQS_LOG_LEVEL": "WARNING",
        }
    )
    migrate(settings)
    try:
        yield settings
    finally:
        drop_postgres_database(settings.database)
        shutil.rmtree(data_dir, ignore_errors=True)


@contextmanager
def bench_registry(settings: Settings) -> Iterator[Registry]:
    registry = build(settings, SystemClock())
    try:
        yield registry
    finally:
        registry.close()


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def pgbench_tps(settings: Settings, script: str, clients: int, seconds: int) -> float | None:
    """Transactions/s of a custom pgbench script on the benchmark database, or None."""
    if shutil.which("pgbench") is None:
        return None
    config = settings.database
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script)
        path = f.name
    env = {**os.environ, "PGPASSWORD": config.password}
    try:
        done = subprocess.run(
            [
                "pgbench",
                "-n",
                "-h",
                config.host,
                "-p",
                str(config.port),
                "-U",
                config.user,
                "-c",
                str(clients),
                "-j",
                str(min(clients, 4)),
                "-T",
                str(seconds),
                "-f",
                path,
                config.dbname,
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=seconds + 60,
            check=False,
        )
    finally:
        os.unlink(path)
    for line in done.stdout.splitlines():
        if line.startswith("tps ="):
            return float(line.split("=")[1].split()[0])
    return None


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
