"""Issue 4 figures: an Amyaz edition of 200 applications × 45 criteria × 5 judges.

Setup (through the domain, not HTTP): the health centres & polyclinics framework (45
criteria), 200 submitted, screened applications with answers and evidence records, 20
judges with 5 per application (1,000 submitted scorecards: 45,000 score events) and a
consensus of 45 scores per application; about 86,000 events in all, then the read
models catch up.

- recomputing the full leaderboard from the consensus read model (target ≤ 1 s);
- p50/p99 of scoring one criterion over HTTP (PUT …/my-scorecard/scores/{n}, a revision
  with its reason) under 16 concurrent judges against an `nqs serve` process on the
  same database (target p99 ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from uuid import UUID, uuid4

import httpx

from api.auth import build_auth
from domain.awards.application import Answer, Application, Evidence
from domain.awards.edition import Category, Edition, Phase, PhaseKind, Programme
from domain.awards.eligibility import EligibilityRules
from domain.awards.framework import Criterion, CriterionKind
from domain.awards.framework_version import FrameworkVersion
from domain.awards.judging import Consensus, Scorecard, ScoreRef
from domain.awards.organisation import Accreditation, Organisation, OrganisationType, Profile
from domain.awards.scoring import Assessment
from domain.envelope import Envelope
from domain.regions import Region
from domain.roles import Role
from domain.text import Text
from domain.users import User
from registry.bootstrap import Registry
from registry.catalogue.frameworks import framework
from registry.passwords import hash_password
from registry.runtime import tune_garbage_collector
from registry.settings import Settings
from tests.bench.common import Row, Timer, bench_registry, bench_settings, percentile

JUDGES = 20
JUDGES_PER_APPLICATION = 5
CONCURRENT = int(os.environ.get("NQS_BENCH_JUDGES", "16"))
WORKERS = int(os.environ.get("NQS_BENCH_WORKERS", "2"))
# Scorecard version after setup: opened, assigned, declared, 45 scores, submitted.
SCORECARD_VERSION = 3 + 45 + 1


def _envelope(actor: str, role: str, at: datetime, reason: str | None = None) -> Envelope:
    return Envelope(actor, role, f"bench-{uuid4().hex[:8]}", at, reason)


def _answer(criterion: Criterion) -> Answer:
    if criterion.kind == CriterionKind.KPI:
        return Answer(text="figures", numerator=Decimal(80), denominator=Decimal(100))
    if criterion.kind == CriterionKind.COUNT:
        return Answer(text="register", count=1)
    if criterion.kind == CriterionKind.CERTIFICATE:
        return Answer(
            text="certificate",
            certificate_number="C-1",
            issuer="Issuer",
            expires_on=date(2099, 1, 1),
        )
    if criterion.kind == CriterionKind.ITEMISED:
        return Answer(text="items", items=tuple(i.key for i in criterion.items))
    return Answer(text="How the criterion is met, with the documents attached.")


def _assessment(criterion: Criterion, n: int) -> Assessment:
    if criterion.kind == CriterionKind.EVIDENCE:
        return Assessment(points=Decimal(n % int(criterion.max_points + 1)))
    if criterion.kind == CriterionKind.KPI:
        return Assessment(numerator=Decimal(50 + n % 50), denominator=Decimal(100))
    if criterion.kind == CriterionKind.COUNT:
        return Assessment(count=n % 5)
    if criterion.kind == CriterionKind.CERTIFICATE:
        return Assessment(expires_on=date(2099, 1, 1))
    return Assessment(items=tuple(i.key for i in criterion.items[: 1 + n % 2]))


# An organisation of each type, and its category, as the pages name them (ar, en, ar, en).
_NAMES = {
    OrganisationType.HEALTH_CENTRE: ("مجمع", "Polyclinic", "مراكز", "Centres"),
    OrganisationType.HOSPITAL: ("مستشفى", "Hospital", "مستشفيات", "Hospitals"),
}


def open_edition(
    registry: Registry,
    officer: Envelope,
    framework_key: str,
    year: int,
    category: tuple[str, OrganisationType],
    windows: list[tuple[int, int]],
) -> tuple[Edition, FrameworkVersion]:
    """An opened edition of one category on a shipped framework (its version locked), with
    its five phases at ``windows`` (days from now); saved."""
    now = datetime.now().astimezone()
    shipped = framework(framework_key)
    version = FrameworkVersion.publish(officer, shipped)
    edition = Edition.create(
        officer, "AMYAZ", year, Text("أميز", "Amyaz"), Decimal(60), EligibilityRules()
    )
    edition.configure_category(
        officer,
        Category(
            category[0],
            Text(*_NAMES[category[1]][2:]),
            (category[1],),
            5,
            shipped.key,
            shipped.version,
        ),
        version.id,
    )
    for kind, (a, b) in zip(PhaseKind, windows, strict=True):
        edition.schedule_phase(
            officer, Phase(kind, now + timedelta(days=a), now + timedelta(days=b))
        )
    edition.open(officer)
    version.lock(officer, edition.id)
    registry.editions.save(version, edition)
    return edition, version


def answered_application(
    applicant: Envelope,
    n: int,
    edition: Edition,
    version: FrameworkVersion,
    category: tuple[str, OrganisationType],
    beds: int | None = None,
) -> tuple[Organisation, Application]:
    """Organisation ``n`` of the category's type and its draft, every criterion answered
    with one evidence record (not saved)."""
    organisation = Organisation.register(
        applicant,
        f"BENCH-{_NAMES[category[1]][1][:4].upper()}-{n:04d}",
        Profile(
            Text(f"{_NAMES[category[1]][0]} {n}", f"{_NAMES[category[1]][1]} {n:03d}"),
            category[1],
            Region.EASTERN_PROVINCE,
            beds,
            date(2030, 1, 1),
            date(2010, 1, 1),
        ),
    )
    organisation.add_accreditation(
        applicant, Accreditation(uuid4(), "CBAHI", "CBAHI", date(2030, 1, 1))
    )
    application = Application.draft(applicant, edition.id, category[0], organisation.id, version.id)
    for c in framework(edition.category(category[0]).framework_key).criteria():
        application.answer(applicant, c, _answer(c))
        application.attach_evidence(
            applicant,
            Evidence(
                uuid4(),
                c.number,
                f"{c.number}.pdf",
                "application/pdf",
                1000,
                f"{n:08x}{int(c.number):056x}",
            ),
        )
    return organisation, application


def _setup(registry: Registry, applications: int) -> tuple[Edition, list[tuple[UUID, list[UUID]]]]:
    now = datetime.now().astimezone()
    start = now - timedelta(days=40)
    officer = _envelope("bench-officer", "officer", start)
    shipped = framework("amyaz-polyclinics")
    criteria = shipped.criteria()
    programme = Programme.register(
        officer, "AMYAZ", Text("أميز", "Amyaz"), Text("ج", "Award"), Text("ج", "MOH")
    )
    registry.editions.save(programme)
    category = ("health-centres", OrganisationType.HEALTH_CENTRE)
    windows = [(-40, -30), (-30, -20), (-20, -10), (-10, 10), (10, 20)]
    edition, version = open_edition(registry, officer, "amyaz-polyclinics", 2025, category, windows)

    password = hash_password("bench judge password")
    judges = [
        User.register(officer, f"bench-judge-{j:02d}", Role.JUDGE, password) for j in range(JUDGES)
    ]
    registry.users.save(*judges)

    plan = []
    for n in range(applications):
        applicant = _envelope("bench-applicant", "applicant", now - timedelta(days=25))
        organisation, application = answered_application(applicant, n, edition, version, category)
        application.submit(applicant, shipped, [])
        application.screen(
            _envelope("bench-officer", "officer", now - timedelta(days=15), "Verified"), True, []
        )
        panel = [judges[(n + k) % JUDGES] for k in range(JUDGES_PER_APPLICATION)]
        cards = []
        for judge in panel:
            chair = _envelope("bench-chair", "committee_chair", now - timedelta(days=12))
            card = Scorecard.open(chair, application.id, edition.id, "health-centres", judge.id)
            card.assign(chair)
            as_judge = _envelope(str(judge.id), "judge", now - timedelta(days=11))
            card.declare(as_judge, False)
            scoring = _envelope(str(judge.id), "judge", now - timedelta(days=5))
            for i, c in enumerate(criteria):
                card.score(scoring, c, _assessment(c, n + i), "Justified by the evidence", True)
            card.submit(scoring, [c.number for c in criteria])
            cards.append(card)
        chair = _envelope("bench-chair", "committee_chair", now - timedelta(days=2))
        consensus = Consensus.open(chair, application.id, edition.id, "health-centres")
        for i, c in enumerate(criteria):
            refs = tuple(ScoreRef(card.judge_id, 1, card.scores[c.number].points) for card in cards)
            consensus.record(chair, c, _assessment(c, n + i), "Agreed", True, refs)
        registry.applications.save(organisation, application, *cards, consensus)
        plan.append((application.id, [judge.id for judge in panel]))
    return edition, plan


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(settings: Settings) -> dict[str, str]:
    """What an `nqs serve` process needs to serve the benchmark's database."""
    return {
        "NQS_DATABASE_URL": f"{settings.database.describe()}?pool_size=20",
        "NQS_DATA_DIR": str(settings.data_dir),
        "NQS_SECRET_KEY": settings.secret_key or "",
    }


def _serve(
    settings_env: dict[str, str], port: int, log: Path, level: str | None = None
) -> subprocess.Popen[bytes]:
    """`nqs serve` on ``port``, logging at ``level`` (INFO logs each request's server time)."""
    level = level or os.environ.get("NQS_BENCH_SERVER_LOG_LEVEL", "WARNING")
    env = {
        **os.environ,
        **settings_env,
        "NQS_PORT": str(port),
        "NQS_LOG_LEVEL": level,
        "NQS_LOG_FORMAT": "json",
    }
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("nqs")), "serve", "--workers", str(WORKERS)],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    msg = f"server did not start; see {log}"
    raise RuntimeError(msg)


def _score_over_http(
    registry: Registry,
    base: str,
    plan: list[tuple[UUID, list[UUID]]],
    per_judge: int,
    versions: dict[tuple[UUID, UUID], int],
    think: tuple[float, float] = (0.0, 0.0),
) -> tuple[list[float], int]:
    """Each of CONCURRENT judges scores ``per_judge`` times, pausing ``think`` seconds between."""
    auth = build_auth(registry)
    by_judge: dict[UUID, list[UUID]] = {}
    for application_id, judges in plan:
        for judge in judges:
            by_judge.setdefault(judge, []).append(application_id)
    chosen = list(by_judge.items())[:CONCURRENT]
    samples: list[float] = []
    errors = [0]
    lock = threading.Lock()
    numbers = [
        c.number
        for c in framework("amyaz-polyclinics").criteria()
        if c.kind == CriterionKind.EVIDENCE
    ]
    barrier = threading.Barrier(len(chosen))

    def judge_session(judge_id: UUID, applications: list[UUID]) -> None:
        token = auth.create_token(identifier=str(judge_id), token_extras={"role": "judge"})
        mine = []
        with httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30
        ) as client:
            barrier.wait()
            pause = random.Random(str(judge_id))
            for i in range(per_judge):
                if think[1]:
                    time.sleep(pause.uniform(*think))
                application = applications[i % len(applications)]
                number = numbers[i % len(numbers)]
                started = time.perf_counter()
                response = client.put(
                    f"/api/v1/applications/{application}/my-scorecard/scores/{number}",
                    json={
                        "points": str(i % 3),
                        "justification": "Re-read the evidence",
                        "reason": "Benchmark revision",
                    },
                    headers={
                        "If-Match": f'"{versions.get((judge_id, application), SCORECARD_VERSION)}"'
                    },
                )
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    with lock:
                        if not errors[0]:
                            print(
                                f"first failure: {response.status_code} {response.text[:300]}",
                                file=sys.stderr,
                            )
                        errors[0] += 1
                    continue
                versions[(judge_id, application)] = int(response.headers["etag"].strip('"'))
                mine.append(elapsed)
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=judge_session, args=item) for item in chosen]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples, errors[0]


def run(args: argparse.Namespace) -> list[Row]:
    applications = 40 if args.quick else 200
    per_judge = 30 if args.quick else 100
    rows: list[Row] = []
    with bench_settings(pool_size=20) as settings, bench_registry(settings) as registry:
        with Timer() as setup:
            edition, plan = _setup(registry, applications)
            registry.runner.catch_up()
        # The setup's bulk writes should not pollute the measurements: flush them to disk and
        # refresh the planner's statistics before timing anything.
        with registry.db.transaction() as cur:
            cur.execute("ANALYZE")
        with registry.db.transaction() as cur:
            cur.execute("CHECKPOINT")
        scores = applications * JUDGES_PER_APPLICATION * 45
        rows.append(
            Row(
                f"setup: {scores:,} score events, {registry.runner.head():,} events in all,"
                " written and projected",
                setup.seconds,
                "s",
            )
        )

        tune_garbage_collector()  # as a server that has been up: the setup's objects frozen
        registry.results.leaderboard(edition)  # warm the framework cache and the connection
        samples = []
        for _ in range(10):
            with Timer() as timer:
                board = registry.results.leaderboard(edition)
            samples.append(timer.seconds * 1000)
        assert sum(len(v) for v in board.values()) == applications
        worst = max(samples)
        rows.append(
            Row(
                f"recompute the full leaderboard ({applications} applications), median",
                percentile(samples, 50),
                "ms",
            )
        )
        rows.append(
            Row(
                f"recompute the full leaderboard ({applications} applications), worst of 10",
                worst,
                "ms",
                target="≤ 1,000 ms",
                met=worst <= 1000,
            )
        )

        # Issue 5: the same ranking as it stood a day ago, replayed from events alone.
        as_of = datetime.now().astimezone() - timedelta(days=1)
        replays = []
        for _ in range(3):
            with Timer() as timer:
                past = registry.replay.leaderboard(edition.id, as_of)
            replays.append(timer.seconds * 1000)
        assert sum(len(c.standings) for c in past.categories) == applications
        rows.append(
            Row(
                f"leaderboard as of a past instant, replayed from events ({scores:,} score"
                " events in the edition), worst of 3",
                max(replays),
                "ms",
                target="≤ 2,000 ms",
                met=max(replays) <= 2000,
            )
        )

        rows.extend(scoring_rows(registry, settings, plan, per_judge))
    return rows


def scoring_rows(
    registry: Registry, settings: Settings, plan: list[tuple[UUID, list[UUID]]], per_judge: int
) -> list[Row]:
    """Scoring over HTTP against a server process: paced like people, then back to back."""
    rows: list[Row] = []
    port = _free_port()
    env = server_env(settings)
    log = Path(os.environ.get("NQS_BENCH_SERVER_LOG", settings.data_dir / "server.log"))
    process = _serve(env, port, log)
    try:
        base = f"http://127.0.0.1:{port}"
        versions: dict[tuple[UUID, UUID], int] = {}
        _score_over_http(registry, base, plan, 5, versions)  # warm up the server
        for label, think, target in (
            ("0.2–0.5 s between a judge's scores", (0.2, 0.5), 50),
            ("back to back, no pause (saturation)", (0.0, 0.0), 100),
        ):
            latencies, errors = _score_over_http(registry, base, plan, per_judge, versions, think)
            what = f"score one criterion over HTTP, {CONCURRENT} concurrent judges, {label}"
            rows.append(Row(f"{what}, p50", percentile(latencies, 50), "ms"))
            p99 = percentile(latencies, 99)
            rows.append(
                Row(
                    f"{what}, p99 ({len(latencies):,} requests, {errors} failed)",
                    p99,
                    "ms",
                    target=f"p99 ≤ {target} ms",
                    met=p99 <= target and errors == 0,
                )
            )
    finally:
        process.terminate()
        process.wait(timeout=30)
    return rows


def setup_for_scoring(registry: Registry, applications: int) -> list[tuple[UUID, list[UUID]]]:
    """The edition with its applications and judges, projected and analysed, for scoring."""
    _, plan = _setup(registry, applications)
    settle(registry)
    return plan


def settle(registry: Registry) -> None:
    """After the setup's bulk writes: the read models caught up, PostgreSQL's statistics
    refreshed and its dirty pages flushed, the setup's objects frozen out of the collector."""
    registry.runner.catch_up()
    with registry.db.transaction() as cur:
        cur.execute("ANALYZE")
    with registry.db.transaction() as cur:
        cur.execute("CHECKPOINT")
    tune_garbage_collector()
