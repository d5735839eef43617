"""Issues 12 and 13: the award portal's pages, timed by the server that renders them.

``make bench BENCH_ARGS="--only award_pages"`` (``--quick``: 40 applications, fewer requests).

Data: the awards suite's edition (``awards.setup``: the 45-criterion polyclinic framework,
200 screened applications, 20 judges, 1,000 submitted scorecards = 45,000 score events, a
consensus per application), plus one hospital's draft in an edition open for registration
(36 criteria answered, one evidence record each) and an applicant and an auditor account.
An ``nqs serve`` process (2 workers) serves it from PostgreSQL; each person signs in through
``/sign-in`` and sends forms with their CSRF token, as a browser does.

- The judge's scoring page (``GET /judging/{id}/criteria/{n}``, each of the 45 in turn) and
  the scorecard page (``GET /judging/{id}``: the 45 criteria with this judge's scores),
  p99 ≤ 100 ms; the applicant's form for 36 criteria (``GET /apply/{id}``), p99 ≤ 100 ms —
  one request at a time.
- Saving one score from the page (``POST /judging/{id}/criteria/{n}``, the page's form: its
  CSRF token, the version it showed, points, justification and the revision's reason):
  16 judges, each opening a criterion's page, reading it 0.2–0.5 s, then saving, p99 ≤ 50 ms.
- The auditor's replay page (``GET /desk/audit/editions/{id}?at=T``) ≤ 2 s and the
  comparison of two instants (``…/compare?first=A&second=B``) ≤ 3 s, worst of a few.

"Server time" is each request's duration as the server logs it (the request line's
``duration_ms``, matched by the ``x-request-id`` the bench sends): from the request reaching
the application to its last byte out, without the client threads' own CPU. The baseline
is ``GET /health`` (its readiness checks) through the same server in the same phase; the ratio
travels between machines better than the figure does.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import threading
import time
import uuid
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx

from domain.awards.framework import CriterionKind
from domain.awards.organisation import OrganisationType
from domain.roles import Role
from domain.users import User, user_id
from registry.bootstrap import Registry
from registry.catalogue.frameworks import framework
from registry.passwords import hash_password
from tests.bench import awards
from tests.bench.common import Row, Timer, bench_registry, bench_settings, percentile

PASSWORD = "bench judge password"  # the awards suite's judges' password; ours share it
THINK = (0.2, 0.5)
_CSRF = re.compile(r'name="_csrf_token" value="([^"]+)"')
_VERSION = re.compile(r'name="version" value="(\d+)"')


@dataclass
class Timings:
    """Every request the bench sent, by figure: its id, client time and status."""

    sent: dict[str, list[tuple[str, float, int]]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def request(
        self, client: httpx.Client, tag: str, method: str, url: str, **kwargs: Any
    ) -> httpx.Response:
        request_id = f"bench-{uuid.uuid4().hex}"
        headers = {**kwargs.pop("headers", {}), "x-request-id": request_id}
        started = time.perf_counter()
        response = client.request(method, url, headers=headers, **kwargs)
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            if response.status_code >= 400 and not any(s >= 400 for *_, s in self.sent[tag]):
                print(
                    f"first failure of {tag!r}: {response.status_code} {request_id}",
                    file=sys.stderr,
                )
            self.sent[tag].append((request_id, elapsed, response.status_code))
        return response


def _hospital_draft(registry: Registry) -> UUID:
    """A 60-bed hospital's draft, all 36 criteria answered with evidence, in an edition open
    for registration, and the applicant account that represents it; its id."""
    now = datetime.now().astimezone()
    officer = awards._envelope("bench-officer", "officer", now - timedelta(days=20))
    category = ("hospitals", OrganisationType.HOSPITAL)
    windows = [(-20, -10), (-10, 10), (10, 20), (20, 30), (30, 40)]
    edition, version = awards.open_edition(
        registry, officer, "amyaz-hospitals", 2026, category, windows
    )
    applicant = User.register(officer, "bench-applicant", Role.APPLICANT, hash_password(PASSWORD))
    as_applicant = awards._envelope(str(applicant.id), "applicant", now - timedelta(days=5))
    organisation, application = awards.answered_application(
        as_applicant, 0, edition, version, category, beds=60
    )
    applicant.assign_organisation(officer, organisation.id)
    auditor = User.register(officer, "bench-auditor", Role.AUDITOR, hash_password(PASSWORD))
    registry.users.save(applicant, auditor)
    registry.applications.save(organisation, application)
    return application.id


def _signed_in(base: str, username: str) -> httpx.Client:
    """A browser-like client signed in through the sign-in form (session and CSRF cookies)."""
    client = httpx.Client(base_url=base, timeout=600)
    form = client.get("/sign-in")
    response = client.post(
        "/sign-in",
        data={"username": username, "password": PASSWORD, "_csrf_token": _csrf(form.text)},
    )
    if response.status_code != 303:
        msg = f"{username} could not sign in: {response.status_code} {response.text[:300]}"
        raise RuntimeError(msg)
    return client


def _csrf(html: str) -> str:
    match = _CSRF.search(html)
    if not match:
        raise RuntimeError("the page has no form with a CSRF token")
    return match.group(1)


def _judges(plan: list[tuple[UUID, list[UUID]]]) -> dict[str, list[UUID]]:
    """Each judge's username and the applications on their panel."""
    names = {user_id(f"bench-judge-{j:02d}"): f"bench-judge-{j:02d}" for j in range(awards.JUDGES)}
    mine: dict[str, list[UUID]] = defaultdict(list)
    for application_id, panel in plan:
        for judge in panel:
            mine[names[judge]].append(application_id)
    return mine


def _pages_one_at_a_time(
    timings: Timings, base: str, judge: tuple[str, list[UUID]], hospital: UUID, rounds: int
) -> None:
    """The read pages one request at a time, each round beside a /health."""
    numbers = [c.number for c in framework("amyaz-polyclinics").criteria()]
    username, applications = judge
    with (
        httpx.Client(base_url=base, timeout=60) as anyone,
        closing(_signed_in(base, username)) as judge_client,
        closing(_signed_in(base, "bench-applicant")) as applicant,
    ):
        for i in range(rounds + 5):  # the first five warm the server up
            tag = "warm-up " if i < 5 else ""
            application = applications[i % len(applications)]
            for who, name, url in (
                (anyone, "health", "/health"),
                (
                    judge_client,
                    "scoring page",
                    f"/judging/{application}/criteria/{numbers[i % 45]}",
                ),
                (judge_client, "scorecard page", f"/judging/{application}"),
                (applicant, "applicant form", f"/apply/{hospital}"),
            ):
                timings.request(who, tag + name, "GET", url)


def _judges_paced(
    timings: Timings, base: str, judges: dict[str, list[UUID]], per_judge: int, count: int
) -> None:
    """``count`` judges at a person's pace: open a criterion's page, read, save its form; and
    one visitor asking /health at the same pace, for the baseline under the same load."""
    numbers = [
        c.number
        for c in framework("amyaz-polyclinics").criteria()
        if c.kind == CriterionKind.EVIDENCE
    ]
    chosen = list(judges.items())[:count]
    barrier = threading.Barrier(len(chosen) + 1)
    clients = {name: _signed_in(base, name) for name, _ in chosen}

    def judge_session(username: str, applications: list[UUID]) -> None:
        client = clients[username]
        pause = random.Random(username)
        barrier.wait()
        for i in range(per_judge):
            application = applications[i % len(applications)]
            url = f"/judging/{application}/criteria/{numbers[(i * 7) % len(numbers)]}"
            page = timings.request(client, "scoring page, paced", "GET", url)
            version = _VERSION.search(page.text)
            time.sleep(pause.uniform(*THINK))
            if page.status_code != 200 or version is None:
                continue
            timings.request(
                client,
                "save a score",
                "POST",
                url,
                data={
                    "_csrf_token": _csrf(page.text),
                    "version": version.group(1),
                    "points": str(i % 3),
                    "justification": "Re-read the evidence beside the answer",
                    "reason": "Benchmark revision",
                },
            )

    def health() -> None:
        pause = random.Random("health")
        with httpx.Client(base_url=base, timeout=60) as client:
            barrier.wait()
            for _ in range(per_judge):
                time.sleep(pause.uniform(*THINK))
                timings.request(client, "health, paced", "GET", "/health")

    threads = [threading.Thread(target=judge_session, args=item) for item in chosen]
    threads.append(threading.Thread(target=health))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for client in clients.values():
        client.close()


def _audit(timings: Timings, base: str, edition_id: UUID, repeats: int) -> None:
    """The replay page at an instant after the consensus, and the comparison of an instant
    before any score with that one: each ``repeats`` times, the first one cold."""
    now = datetime.now(UTC)
    at = (now - timedelta(days=1)).isoformat()
    before_scores = (now - timedelta(days=13)).isoformat()
    page = f"/desk/audit/editions/{edition_id}"
    with (
        httpx.Client(base_url=base, timeout=60) as anyone,
        closing(_signed_in(base, "bench-auditor")) as auditor,
    ):
        for _ in range(repeats):
            timings.request(anyone, "health, audit", "GET", "/health")
            timings.request(auditor, "replay page", "GET", page, params={"at": at})
            timings.request(anyone, "health, audit", "GET", "/health")
            timings.request(
                auditor,
                "compare page",
                "GET",
                f"{page}/compare",
                params={"first": before_scores, "second": at},
            )


def _server_times(log: Path) -> dict[str, float]:
    """Each request id's duration as the server logged it (ms)."""
    found: dict[str, float] = {}
    for line in log.read_text(errors="replace").splitlines():
        if '"request"' not in line:
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("event") == "request" and "duration_ms" in entry:
            found[entry["correlation_id"]] = float(entry["duration_ms"])
    return found


@dataclass(frozen=True)
class Figure:
    server: list[float]
    client: list[float]
    failed: int

    @classmethod
    def of(cls, timings: Timings, tag: str, server: dict[str, float], ok: int) -> Figure:
        sent = timings.sent[tag]
        good = [(rid, ms) for rid, ms, status in sent if status == ok]
        return cls(
            [server[rid] for rid, _ in good if rid in server],
            [ms for _, ms in good],
            len(sent) - len(good),
        )

    def p(self, q: float) -> float:
        return percentile(self.server, q)


def _rows(timings: Timings, server: dict[str, float]) -> list[Row]:
    rows: list[Row] = []

    def figure(tag: str, ok: int = 200) -> Figure:
        return Figure.of(timings, tag, server, ok)

    def add(
        name: str, tag: str, baseline_tag: str, q: float, target_ms: float, ok: int = 200
    ) -> None:
        mine, base = figure(tag, ok), figure(baseline_tag)
        value = mine.p(q) if q < 100 else max(mine.server, default=float("nan"))
        base_value = base.p(q) if q < 100 else max(base.server, default=float("nan"))
        what = f"p{q:g}" if q < 100 else "worst"
        rows.append(Row(f"{name}, server time, p50", mine.p(50), "ms"))
        rows.append(
            Row(
                f"{name}, server time, {what} ({len(mine.server):,} requests, {mine.failed} failed;"
                f" client {what} {percentile(mine.client, q):,.1f} ms)",
                value,
                "ms",
                baseline=base_value,
                baseline_name=f"GET /health, {what}",
                target=f"{what} ≤ {target_ms:,.0f} ms",
                met=value <= target_ms and mine.failed == 0 and bool(mine.server),
            )
        )

    add("judge's scoring page, one criterion of 45, alone", "scoring page", "health", 99, 100)
    add("judge's scorecard page, 45 criteria, alone", "scorecard page", "health", 99, 100)
    add("applicant's form, 36 criteria answered, alone", "applicant form", "health", 99, 100)
    add(
        "judge's scoring page, 16 judges at a person's pace",
        "scoring page, paced",
        "health, paced",
        99,
        100,
    )
    add(
        "save one score from the page (form POST), 16 judges at a person's pace",
        "save a score",
        "health, paced",
        99,
        50,
        ok=303,
    )
    add("auditor's replay page at an instant", "replay page", "health, audit", 100, 2000)
    add("auditor's comparison of two instants", "compare page", "health, audit", 100, 3000)
    return rows


def run(args: argparse.Namespace) -> list[Row]:
    applications = 40 if args.quick else 200
    rounds = 40 if args.quick else 100
    per_judge = 10 if args.quick else 40
    # A replay page over 45,000 score events takes tens of seconds on the loaded VM.
    repeats = 1 if args.quick else 2
    rows: list[Row] = []
    with bench_settings(pool_size=20) as settings, bench_registry(settings) as registry:
        with Timer() as setup:
            edition, plan = awards._setup(registry, applications)
            hospital = _hospital_draft(registry)
            awards.settle(registry)
        rows.append(
            Row(
                f"setup: {applications * awards.JUDGES_PER_APPLICATION * 45:,} score events,"
                f" {registry.runner.head():,} events in all, written and projected",
                setup.seconds,
                "s",
            )
        )
        log = settings.data_dir / "server.log"
        port = awards._free_port()
        process = awards._serve(awards.server_env(settings), port, log, level="INFO")
        base = f"http://127.0.0.1:{port}"
        timings = Timings()
        judges = _judges(plan)
        try:
            _pages_one_at_a_time(timings, base, next(iter(judges.items())), hospital, rounds)
            _judges_paced(timings, base, judges, per_judge, awards.CONCURRENT)
            _audit(timings, base, edition.id, repeats)
            time.sleep(1)  # the workers' last log lines
        finally:
            process.terminate()
            process.wait(timeout=30)
        rows.extend(_rows(timings, _server_times(log)))
    return rows
