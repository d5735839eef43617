"""Issue 10 §1: a PostgreSQL restart under enrolment load, the production shape (``nqs serve``
with two workers, the read models in ``nqs projections run``, ``NQS_DB_POOL_SIZE=20``).

Before the fix the group-commit writer died in every server process: enrolment hung
for ever, /health said "ok", SIGTERM hung, and some requests got a 500.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from tests.chaos.cluster import ThrowawayCluster
from tests.chaos.harness import ENROL, HANG_SECONDS, EnrolmentLoad, Stack, first_enrolment_after
from tests.people import enrolment

pytestmark = pytest.mark.chaos

INITIATIVE = {
    "code": "AFTER-THE-OUTAGE",
    "title": {"ar": "بعد الانقطاع", "en": "After the outage"},
    "aim": {"ar": "هدف", "en": "Aim"},
    "owner": "Executive office",
}
# How long the database stays down in the second outage, to watch the server meanwhile.
OUTAGE_SECONDS = 4.0


def wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_enrolment_survives_database_restarts_without_restarting_the_server(
    cluster: ThrowawayCluster, tmp_path: Path
) -> None:
    stack = Stack(cluster, tmp_path)
    try:
        stack.migrate()
        stack.start_worker()
        stack.start_server()
        admin = stack.admin_headers()
        with EnrolmentLoad(stack.base) as load:
            wait_for(lambda: len(load.report.acknowledged) >= 20, 60, "enrolments under load")

            # The fault: an immediate restart while enrolments are in flight.
            cluster.restart_immediately()
            back_after_restart = first_enrolment_after(stack.base, 90_000_001)

            # A longer outage, to see what the server says while the database is down.
            cluster.stop()
            down_since = time.monotonic()
            with httpx.Client(base_url=stack.base, timeout=HANG_SECONDS) as client:
                started = time.monotonic()
                refused = client.post(ENROL, json=enrolment(90_000_002))
                refused_in = time.monotonic() - started
                health = client.get("/health")
                # Every other write path, and the reads, fail the same way.
                started = time.monotonic()
                staff_write = client.post("/api/v1/initiatives", json=INITIATIVE, headers=admin)
                staff_write_in = time.monotonic() - started
                read = client.get("/api/v1/initiatives", headers=admin)
            # Fails fast, as a 503 problem with Retry-After, never a 500, never a hang.
            assert refused.status_code == 503, refused.text
            assert refused_in < 5.0
            assert refused.headers["content-type"].startswith("application/problem+json")
            assert int(refused.headers["retry-after"]) > 0
            assert refused.json()["title_ar"]
            for response in (staff_write, read):
                assert response.status_code == 503, response.text
                assert int(response.headers["retry-after"]) > 0
            assert staff_write_in < 8.0
            # /health is honest: it cannot write, so 503, and says why.
            assert health.status_code == 503, health.text
            assert health.json()["status"] == "unavailable"
            assert health.json()["checks"]["database"] == "unavailable"
            time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - down_since)))
            cluster.start()
            back_after_outage = first_enrolment_after(stack.base, 90_000_003)
            wait_for(
                lambda: httpx.get(f"{stack.base}/health", timeout=HANG_SECONDS).status_code == 200,
                15,
                "/health to answer 200 again",
            )
            with httpx.Client(base_url=stack.base, timeout=HANG_SECONDS) as client:
                again = client.post("/api/v1/initiatives", json=INITIATIVE, headers=admin)
                assert again.status_code == 201, again.text
            mark = len(load.report.outcomes)
            wait_for(lambda: len(load.report.since(mark)) >= 20, 30, "load after the outage")
        report = load.report

        statuses = report.statuses()
        assert statuses[503] > 0, statuses  # the outages were seen...
        assert all(s in (201, 503, None) for s in statuses), statuses  # ...never as a 500
        assert statuses[None] == 0, statuses  # the server itself never went away
        assert report.unavailable_without_retry_after() == 0
        assert report.hung == 0 and report.max_seconds() < HANG_SECONDS
        # The same server took enrolments again within seconds of the database's return.
        assert back_after_restart < 15 and back_after_outage < 15
        # The worker resumed on its own, and no acknowledged enrolment was lost or doubled.
        stack.wait_caught_up(timeout=60)
        assert stack.worker is not None and stack.worker.poll() is None
        created = stack.enrolled_ids()
        assert all(created[i] == 1 for i in report.acknowledged.values())
        assert all(n == 1 for n in created.values())
        # Shutdown completes within 10 s, for the server and for the worker.
        assert stack.terminate(stack.server) < 10
        assert stack.terminate(stack.worker) < 10
        assert stack.read_models_equal_a_rebuild() == []
    finally:
        stack.close()
