"""Issue 5 figures: what the hash chain costs on append, and how fast it verifies.

- appending with the chain vs. with the chain off (same command, same machine, same run):
  target ≤ 15 % lower throughput;
- `nqs audit verify` over 1,000,000 events: target ≥ 50,000 events/s.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from registry.audit.verify import verify
from registry.bootstrap import Registry
from registry.settings import Settings
from tests.bench.common import Row, Timer, bench_registry, bench_settings
from tests.bench.platform import AIM, CTX, TITLE, _history


@contextmanager
def _without_chain(settings: Settings) -> Iterator[Settings]:
    yield dataclasses.replace(
        settings, database=dataclasses.replace(settings.database, chain=False)
    )


def _append_rate(registry: Registry, seconds: float) -> float:
    prefix = uuid.uuid4().hex[:6].upper()
    done, stop = 0, time.perf_counter() + seconds
    started = time.perf_counter()
    while time.perf_counter() < stop:
        registry.initiatives.register(
            CTX, code=f"C{prefix}-{done}", title=TITLE, aim=AIM, owner="Office"
        )
        done += 1
    return done / (time.perf_counter() - started)


def run(args: argparse.Namespace) -> list[Row]:
    seconds = 3.0 if args.quick else 10.0
    events = 100_000 if args.quick else 1_000_000
    rows: list[Row] = []
    with bench_settings() as settings:
        # Alternate chained and unchained rounds so drifting machine load hits both alike.
        chained_rates, plain_rates = [], []
        with (
            bench_registry(settings) as chained,
            _without_chain(settings) as plain_settings,
            bench_registry(plain_settings) as plain,
        ):
            _append_rate(chained, 1.0)
            _append_rate(plain, 1.0)
            for _ in range(3):
                chained_rates.append(_append_rate(chained, seconds / 3))
                plain_rates.append(_append_rate(plain, seconds / 3))
        with_chain, without = sum(chained_rates) / 3, sum(plain_rates) / 3
        cost = 1 - with_chain / without
        rows.append(
            Row(
                "append with the hash chain, 1 writer",
                with_chain,
                "cmd/s",
                baseline=without,
                baseline_name="same command, chain off",
                target="cost ≤ 15 %",
                met=cost <= 0.15,
            )
        )
        rows.append(Row("chain cost on append", cost * 100, "%"))

    with bench_settings() as settings, bench_registry(settings) as registry:
        _history(registry, events // 100, 100)
        total = registry.runner.head()
        with Timer() as timer:
            result = verify(registry.app, registry.db, registry.signing_key().public)
        assert result.ok and result.events == total, result
        rate = total / timer.seconds
        rows.append(
            Row(
                f"nqs audit verify over {total:,} events",
                rate,
                "events/s",
                target="≥ 50,000 events/s",
                met=rate >= 50_000,
            )
        )
    return rows
