"""Issue 2 figures: command throughput vs raw INSERTs, projection catch-up, aggregate load.

- commands/s saving one event per command through the registry application, at 1 and
  16 concurrent writers, beside pgbench's single-row INSERT transactions/s into a table
  of the same row shape (the ceiling PostgreSQL itself sets), as a ratio, and beside a
  plain eventsourcing ``Application`` with the library's defaults saving the same event
  on the same database (the peer the registry is built on), as a multiple (issue 14);
- projection catch-up in events/s over 100,000 events (target ≥ 20,000/s);
- p50/p99 of loading an initiative with 100 events (target p99 ≤ 5 ms).
"""

from __future__ import annotations

import argparse
import threading
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder

from domain.dates import ReportingPeriod
from domain.envelope import Envelope
from domain.initiatives.initiative import Initiative
from domain.initiatives.values import KpiDirection
from domain.roles import Role
from domain.text import Text
from domain.users import User
from registry.bootstrap import Registry
from registry.context import Actor, RequestContext
from registry.event_store import SNAPSHOT_EVERY, TRANSCODINGS, project
from registry.runtime import tune_garbage_collector
from registry.settings import Settings
from tests.bench.common import Row, Timer, bench_registry, bench_settings, percentile, pgbench_tps

CTX = RequestContext(Actor("bench-officer", "officer"), "bench")
TITLE = Text("مبادرة لقياس الأداء", "An initiative for the benchmark")
AIM = Text("هدف المبادرة", "The aim of the initiative, a sentence or two long.")

RAW_TABLE = """
CREATE TABLE raw_events (
  originator_id uuid NOT NULL, originator_version integer NOT NULL, topic text,
  state bytea, notification_id bigserial,
  PRIMARY KEY (originator_id, originator_version));
CREATE UNIQUE INDEX raw_events_notification_id ON raw_events (notification_id);
"""


def _sample_state(registry: Registry) -> tuple[str, bytes]:
    initiative = Initiative.register(
        registry.initiatives.envelope(CTX), "SAMPLE", TITLE, AIM, "Office"
    )
    [event] = initiative.collect_events()
    stored = registry.app.mapper.to_stored_event(event)
    return stored.topic, stored.state


class PeerApplication(Application[UUID]):
    """The eventsourcing library as it comes: its PostgreSQL recorder, transcoder, projector
    and repository, none of the registry's (no key rows, no audit chain, no PL/pgSQL save).
    Only the transcodings of the registry's value types are added, without which the
    library could not store the same event at all."""

    name = "peer"

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        for transcoding in TRANSCODINGS:
            transcoder.register(transcoding)


def peer_application(settings: Settings) -> PeerApplication:
    """The peer on the benchmark's database (its own ``peer_events`` table).

    The pool is sized like the registry's so that 16 writers are not held back by the
    library's default pool of 5; every other setting is the library's default.
    """
    config = settings.database
    return PeerApplication(
        env={
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": config.dbname,
            "POSTGRES_HOST": config.host,
            "POSTGRES_PORT": str(config.port),
            "POSTGRES_USER": config.user,
            "POSTGRES_PASSWORD": config.password,
            "POSTGRES_POOL_SIZE": str(config.pool_size),
            "POSTGRES_MAX_OVERFLOW": str(config.pool_size),
            "CREATE_TABLE": "y",
        }
    )


def registry_command(registry: Registry) -> Callable[[str], Any]:
    """The registry's command: the service validates, stamps the envelope and saves."""

    def command(code: str) -> Any:
        return registry.initiatives.register(CTX, code=code, title=TITLE, aim=AIM, owner="Office")

    return command


def peer_command(peer: PeerApplication, registry: Registry) -> Callable[[str], Any]:
    """The same command on the peer: the same aggregate and event, saved by the library."""

    def command(code: str) -> Any:
        initiative = Initiative.register(
            registry.initiatives.envelope(CTX), code, TITLE, AIM, "Office"
        )
        return peer.save(initiative)

    return command


def commands_per_second(command: Callable[[str], Any], writers: int, seconds: float) -> float:
    """Commands/s of ``writers`` threads calling ``command`` back to back for ``seconds``."""
    done = [0] * writers
    stop = time.perf_counter() + seconds
    prefix = uuid.uuid4().hex[:6].upper()

    def write(n: int) -> None:
        i = 0
        while time.perf_counter() < stop:
            command(f"B{prefix}-{n}-{i}")
            i += 1
        done[n] = i

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.perf_counter() - started)


def _history(registry: Registry, initiatives: int, events_each: int) -> list[uuid.UUID]:
    """Initiatives of `events_each` events (registration, a KPI, then measurements)."""
    ids = []
    prefix = uuid.uuid4().hex[:6].upper()
    for n in range(initiatives):
        envelope = registry.initiatives.envelope(CTX)
        initiative = Initiative.register(envelope, f"H{prefix}-{n}", TITLE, AIM, "Office")
        kpi = uuid.uuid4()
        initiative.define_kpi(
            envelope, kpi, Text("مؤشر", "KPI"), "n", Decimal(100), KpiDirection.HIGHER_IS_BETTER
        )
        for m in range(events_each - 2):
            year, month = 2000 + m // 12, m % 12 + 1
            value_envelope = Envelope(**{**envelope.__dict__})
            initiative.record_kpi_value(
                value_envelope, kpi, ReportingPeriod(f"{year}-{month:02d}"), Decimal(m)
            )
        registry.initiatives.save(initiative)
        ids.append(initiative.id)
    return ids


def command_rows(
    settings: Settings, registry: Registry, writer_counts: tuple[int, ...], seconds: float
) -> list[Row]:
    """Commands/s of the registry beside pgbench and the library-default peer.

    For each writer count the three run back to back (pgbench, peer, registry), each
    after a warm-up, so that the machine's drifting load hits them alike.
    """
    topic, state = _sample_state(registry)
    with registry.db.transaction() as cur:
        for statement in RAW_TABLE.strip().split(";"):
            if statement.strip():
                cur.execute(statement)
    script = (
        "INSERT INTO raw_events (originator_id, originator_version, topic, state) "
        f"VALUES (gen_random_uuid(), 1, '{topic}', '\\x{state.hex()}'::bytea);\n"
    )
    rows = []
    peer = peer_application(settings)
    try:
        ours, theirs = registry_command(registry), peer_command(peer, registry)
        for writers in writer_counts:
            raw = pgbench_tps(settings, script, writers, int(seconds))
            commands_per_second(theirs, writers, 1.0)  # warm up connections and caches
            library = commands_per_second(theirs, writers, seconds)
            commands_per_second(ours, writers, 1.0)
            measured = commands_per_second(ours, writers, seconds)
            target = None if writers == 1 else "≥ 0.3 of pgbench"
            rows.append(
                Row(
                    f"commands/s, one event per command, {writers} writer(s)",
                    measured,
                    "cmd/s",
                    baseline=raw,
                    baseline_name=f"pgbench single-row INSERT tps, {writers} client(s)",
                    target=target,
                    met=None if raw is None or target is None else measured / raw >= 0.3,
                    peer=library,
                    peer_name=f"eventsourcing Application, library defaults, {writers} writer(s)",
                )
            )
    finally:
        peer.close()
    return rows


def load_rows(registry: Registry, initiatives: int) -> list[Row]:
    """p50/p99 of loading an initiative of 100 events, and of 99 (the worst case)."""
    rows = _load_rows(registry, _history(registry, initiatives, 100))
    rows += _load_rows(
        registry,
        _history(registry, initiatives, 100 - 1),
        f"(worst case: the last snapshot at {100 - SNAPSHOT_EVERY} and {SNAPSHOT_EVERY - 1} events)",
    )
    return rows


def plain_load_rows(registry: Registry, count: int = 200) -> list[Row]:
    """p50/p99 of loading a small aggregate that never snapshots (a user account), beside
    the same load asking the snapshot store first, as every load did before issue 14's
    second round (two round trips instead of one), alternating."""
    envelope = Envelope("system", "system", "bench", registry.clock.now())
    users = []
    for n in range(count):
        user = User.register(envelope, f"bench-load-{n}", Role.OFFICER, "x")
        registry.users.save(user)
        users.append(user.id)
    samples, before = [], []
    for user_id in users * 5:
        started = time.perf_counter()
        registry.users.get(user_id)
        samples.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        registry.app.repository.get(user_id, projector_func=project)
        before.append((time.perf_counter() - started) * 1000)
    name = "the same load asking the snapshot store first, same run"
    return [
        Row(
            f"load a user account (never snapshots), p{p}",
            percentile(samples, p),
            "ms",
            baseline=percentile(before, p),
            baseline_name=name,
        )
        for p in (50, 99)
    ]


def _load_rows(registry: Registry, ids: list[UUID], note: str = "") -> list[Row]:
    """Five loads of each of ``ids`` (at most 200), each beside a full replay of the same
    initiative's events (no snapshot: what a load cost before issue 14), alternating so
    the machine's drifting load hits both alike. With snapshots every 20 events, an
    initiative of 100 events loads from its snapshot at 100 alone."""
    what = f"load an initiative of {registry.initiatives.get(ids[0]).version} events {note}"
    samples, replays = [], []
    for aggregate_id in ids[:200] * 5:
        started = time.perf_counter()
        registry.initiatives.get(aggregate_id)
        samples.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        project(None, registry.app.events.get(aggregate_id))
        replays.append((time.perf_counter() - started) * 1000)
    p99 = percentile(samples, 99)
    replayed = "full replay of its events, same run"
    return [
        Row(
            f"{what.strip()}, p50",
            percentile(samples, 50),
            "ms",
            baseline=percentile(replays, 50),
            baseline_name=replayed,
        ),
        Row(
            f"{what.strip()}, p99",
            p99,
            "ms",
            baseline=percentile(replays, 99),
            baseline_name=replayed,
            target="p99 ≤ 5 ms",
            met=p99 <= 5,
        ),
    ]


def run(args: argparse.Namespace) -> list[Row]:
    seconds = 3.0 if args.quick else 10.0
    events = 20_000 if args.quick else 100_000
    rows: list[Row] = []
    with bench_settings(pool_size=20) as settings, bench_registry(settings) as registry:
        rows.extend(command_rows(settings, registry, (1, 16), seconds))

        per_initiative = 100
        ids = _history(registry, events // per_initiative, per_initiative)
        tune_garbage_collector()  # as a server that has been up: the setup's objects frozen
        registry.runner.reset("initiatives")
        total = registry.runner.head()
        with Timer() as timer:
            read = registry.runner.catch_up(["initiatives"])
        assert read == total
        rate = read / timer.seconds
        rows.append(
            Row(
                f"projection catch-up ({read:,} events, initiatives read model)",
                rate,
                "events/s",
                target="≥ 20,000 events/s",
                met=rate >= 20_000,
            )
        )

        rows.extend(_load_rows(registry, ids))
        rows.extend(
            _load_rows(
                registry,
                _history(registry, 200, 100 - 1),
                f"(worst case: the last snapshot at {100 - SNAPSHOT_EVERY} and {SNAPSHOT_EVERY - 1} events)",
            )
        )
    return rows
