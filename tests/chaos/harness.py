"""The production shape under fire: ``nqs serve`` and ``nqs projections run`` as their own
processes on a throwaway PostgreSQL, public enrolment load, and the checks afterwards.

Every loop here is bounded in count and in time; all traffic goes to 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from projections.sql import Database
from registry.bootstrap import all_projections, build, drop_postgres_database, migrate
from registry.settings import Settings
from tests.chaos.cluster import ThrowawayCluster, free_port
from tests.people import enrolment

# A request that has not answered within this long is a hang (the issue: forever).
HANG_SECONDS = 10.0
ENROL = "/api/v1/ambassadors"
ADMIN_PASSWORD = "a chaos admin password"


def nqs(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "registry.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, f"nqs {' '.join(args)}: {done.stdout}\n{done.stderr}"
    return done.stdout


class Stack:
    """One database on the cluster, the API server and the projection worker."""

    def __init__(self, cluster: ThrowawayCluster, workdir: Path, api_workers: int = 2) -> None:
        self.cluster = cluster
        self.workdir = workdir
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        dbname = f"nqs_chaos_{uuid.uuid4().hex[:10]}"
        self.env = {
            **os.environ,
            "NQS_DATABASE_URL": f"postgresql://postgres@127.0.0.1:{cluster.port}/{dbname}",
            "NQS_DB_POOL_SIZE": "20",
            "NQS_DATA_DIR": str(workdir / "var"),
            "NQS_PORT": str(self.port),
            "NQS_WORKERS": str(api_workers),
            "NQS_SECRET_KEY": "chaos-secret-key-that-is-long-enough-for-hs256",
            "NQS_ADMIN_USERNAME": "admin",
            "NQS_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "NQS_LOG_FORMAT": "json",
            "NQS_LOG_LEVEL": os.environ.get("NQS_CHAOS_LOG_LEVEL", "WARNING"),
        }
        self.settings = Settings.from_env(self.env)
        self.server: subprocess.Popen[bytes] | None = None
        self.worker: subprocess.Popen[bytes] | None = None
        self._logs: list[Any] = []

    # -- processes ---------------------------------------------------------------------

    def migrate(self) -> None:
        migrate(self.settings)
        nqs(self.env, "users", "ensure-admin")

    def admin_headers(self, timeout: float = 60) -> dict[str, str]:
        """Signs the admin in (once the worker has projected the account)."""
        deadline = time.monotonic() + timeout
        while True:
            response = httpx.post(
                f"{self.base}/api/v1/auth/token",
                data={"username": "admin", "password": ADMIN_PASSWORD},
                timeout=HANG_SECONDS,
            )
            if response.status_code == 200:
                return {"Authorization": f"Bearer {response.json()['access_token']}"}
            assert time.monotonic() < deadline, response.text
            time.sleep(0.2)

    def _spawn(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 - closed in close()
        self._logs.append(log)
        # Its own session: a kill takes the whole process group (uvicorn's workers too).
        return subprocess.Popen(
            [sys.executable, "-m", "registry.cli", *args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_server(self, timeout: float = 60) -> float:
        """Starts ``nqs serve``; returns the seconds until /health answered 200."""
        started = time.monotonic()
        self.server = self._spawn("server", "serve")
        deadline = started + timeout
        while True:
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.TransportError:
                pass
            assert self.server.poll() is None, self.log_tail("server")
            assert time.monotonic() < deadline, "the server did not start\n" + self.log_tail(
                "server"
            )
            time.sleep(0.1)

    def start_worker(self) -> None:
        self.worker = self._spawn("worker", "projections", "run")

    @staticmethod
    def kill(process: subprocess.Popen[bytes] | None) -> None:
        """``kill -9`` of the process and everything it started."""
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    @staticmethod
    def terminate(process: subprocess.Popen[bytes] | None, timeout: float = 10) -> float:
        """SIGTERM; returns the seconds the process took to exit (kills it past ``timeout``)."""
        if process is None or process.poll() is not None:
            return 0.0
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            Stack.kill(process)
            return float("inf")
        finally:
            # Nothing of its group may outlive it (uvicorn's worker processes).
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        return time.monotonic() - started

    def log_tail(self, name: str, lines: int = 30) -> str:
        try:
            text = (self.workdir / f"{name}.log").read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def close(self) -> None:
        self.kill(self.server)
        self.kill(self.worker)
        for log in self._logs:
            log.close()
        # The cluster may be gone already; it is thrown away anyway.
        with contextlib.suppress(Exception):
            drop_postgres_database(self.settings.database)

    # -- what the store holds ------------------------------------------------------------

    @contextmanager
    def registry(self) -> Iterator[Any]:
        registry = build(self.settings)
        try:
            yield registry
        finally:
            registry.close()

    def enrolled_ids(self) -> Counter[str]:
        """How many times each membership was created in the event store."""
        with self.registry() as registry:
            created: Counter[str] = Counter()
            recorder = registry.app.recorder
            start = 1
            for _ in range(100_000):  # bounded: 5,000 a page
                page = recorder.select_notifications(start=start, limit=5000)
                if not page:
                    break
                for n in page:
                    if n.originator_version == 1 and n.topic.endswith("Membership.Enrolled"):
                        created[str(n.originator_id)] += 1
                start = page[-1].id + 1
            return created

    def wait_caught_up(self, timeout: float = 60) -> None:
        with self.registry() as registry:
            deadline = time.monotonic() + timeout
            while True:
                head = registry.runner.head()
                positions = registry.runner.positions()
                if min(positions.values()) >= head:
                    return
                assert time.monotonic() < deadline, f"read models at {positions}, head {head}"
                time.sleep(0.2)

    def read_models(self) -> dict[str, list[str]]:
        db = Database.open(self.settings.database)
        try:
            tables: dict[str, list[str]] = {}
            with db.read() as cur:
                for projection in all_projections():
                    for table in projection.tables:
                        rows = cur.fetchall(f"SELECT * FROM {table}")
                        tables[table] = sorted(repr(tuple(r)) for r in rows)
            return tables
        finally:
            db.close()

    def read_models_equal_a_rebuild(self) -> list[str]:
        """Rebuilds every read model from the log; returns the tables that differed."""
        live = self.read_models()
        nqs(self.env, "projections", "rebuild")
        rebuilt = self.read_models()
        return [t for t in live if live[t] != rebuilt.get(t)]


@dataclass
class Outcome:
    status: int | None  # None: no answer (connection refused or reset)
    seconds: float
    retry_after: str | None = None


@dataclass
class LoadReport:
    outcomes: list[Outcome] = field(default_factory=list)
    acknowledged: dict[int, str] = field(default_factory=dict)  # person seq -> membership id
    hung: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.append(outcome)

    def statuses(self) -> Counter[int | None]:
        with self.lock:
            return Counter(o.status for o in self.outcomes)

    def since(self, index: int) -> list[Outcome]:
        with self.lock:
            return self.outcomes[index:]

    def unavailable_without_retry_after(self) -> int:
        with self.lock:
            return sum(1 for o in self.outcomes if o.status == 503 and not o.retry_after)

    def p99_seconds(self) -> float:
        with self.lock:
            seconds = sorted(o.seconds for o in self.outcomes)
        if not seconds:
            return 0.0
        return seconds[min(len(seconds) - 1, int(len(seconds) * 0.99))]

    def max_seconds(self) -> float:
        with self.lock:
            return max((o.seconds for o in self.outcomes), default=0.0)

    def median_seconds(self) -> float:
        with self.lock:
            return statistics.median([o.seconds for o in self.outcomes] or [0.0])


class EnrolmentLoad:
    """Public enrolments from a few threads, each person tried until answered (at most
    ``attempts`` times, with the same Idempotency-Key), until stopped or ``max_people``."""

    def __init__(
        self,
        base: str,
        threads: int = 4,
        max_people: int = 200_000,
        first_seq: int = 1,
        attempts: int = 20,
    ) -> None:
        self.base = base
        self.threads = threads
        self.max_people = max_people
        self.attempts = attempts
        self.report = LoadReport()
        self._stop = threading.Event()
        self._seq = itertools.count(first_seq)
        self._seq_lock = threading.Lock()
        self._limit = first_seq + max_people
        self._workers: list[threading.Thread] = []

    def __enter__(self) -> EnrolmentLoad:
        for n in range(self.threads):
            thread = threading.Thread(target=self._run, name=f"load-{n}", daemon=True)
            thread.start()
            self._workers.append(thread)
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._workers:
            thread.join(HANG_SECONDS + 5)

    def _next(self) -> int | None:
        with self._seq_lock:
            seq = next(self._seq)
        return seq if seq < self._limit else None

    def _run(self) -> None:
        timeout = httpx.Timeout(HANG_SECONDS, connect=2.0)
        with httpx.Client(base_url=self.base, timeout=timeout) as client:
            while not self._stop.is_set():
                seq = self._next()
                if seq is None:
                    return
                self._enrol(client, seq)

    def _enrol(self, client: httpx.Client, seq: int) -> None:
        body = enrolment(seq, email=f"chaos{seq}@example.sa")
        headers = {"Idempotency-Key": f"chaos-{seq}"}
        for _ in range(self.attempts):
            started = time.monotonic()
            try:
                response = client.post(ENROL, json=body, headers=headers)
            except httpx.TimeoutException:
                with self.report.lock:
                    self.report.hung += 1
                self.report.record(Outcome(None, time.monotonic() - started))
                continue
            except httpx.TransportError:
                # The server is down (killed): wait a little rather than spin on refusals.
                self.report.record(Outcome(None, time.monotonic() - started))
                if self._stop.wait(0.5):
                    return
                continue
            self.report.record(
                Outcome(
                    response.status_code,
                    time.monotonic() - started,
                    response.headers.get("retry-after"),
                )
            )
            if response.status_code == 201:
                with self.report.lock:
                    self.report.acknowledged[seq] = response.json()["id"]
                return
            if response.status_code != 503 or self._stop.wait(0.1):
                return


def first_enrolment_after(base: str, seq: int, timeout: float = 30) -> float:
    """Enrols one new person, trying until a 201; returns the seconds it took."""
    started = time.monotonic()
    deadline = started + timeout
    body = enrolment(seq, email=f"probe{seq}@example.sa")
    with httpx.Client(base_url=base, timeout=HANG_SECONDS) as client:
        while True:
            try:
                response = client.post(ENROL, json=body, headers={"Idempotency-Key": f"p-{seq}"})
                if response.status_code == 201:
                    return time.monotonic() - started
                assert response.status_code == 503, response.text
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "enrolment did not work again"
            time.sleep(0.1)
