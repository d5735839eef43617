"""Issue 14's figures alone, in a few minutes: `make bench BENCH_ARGS="--only hotpaths"`.

The same measurements as the full suites, at the issue's sizes where they are cheap and
smaller where only the setup is long:

- commands/s at 16 writers beside pgbench (16 clients) and the library-default peer
  (``tests/bench/platform.py``);
- public enrolment over HTTP at 32 connections beside pgbench at 32 clients
  (``tests/bench/membership.py``);
- scoring over HTTP, 16 judges paced and back to back, on an edition of 60 applications
  instead of 200 (a judge's scorecard is the same size; ``tests/bench/awards.py``);
- loading an initiative of 100 events (200 initiatives, five loads each), and a user
  account (an aggregate that never snapshots) beside the same load asking the snapshot
  store first;
- the CSV import of 100,000 rows and its re-run.

``--quick`` shortens the load phases (3 s instead of 10 s) and the import (20,000 rows).
"""

from __future__ import annotations

import argparse

from tests.bench import awards, membership, platform
from tests.bench.common import Row, bench_registry, bench_settings


def run(args: argparse.Namespace) -> list[Row]:
    seconds = 3 if args.quick else 10
    rows: list[Row] = []
    with bench_settings(pool_size=20) as settings, bench_registry(settings) as registry:
        rows.extend(platform.command_rows(settings, registry, (16,), seconds))
        rows.extend(platform.load_rows(registry, 200))
        rows.extend(platform.plain_load_rows(registry))
    with bench_settings(pool_size=20) as settings, bench_registry(settings) as registry:
        plan = awards.setup_for_scoring(registry, 60)
        rows.extend(awards.scoring_rows(registry, settings, plan, 30 if args.quick else 100))
    opts = membership.options(
        [
            "--import-rows",
            "20000" if args.quick else "100000",
            "--duration",
            str(seconds),
            "--only",
            "enrol",
            "import",
        ]
    )
    rows.extend(membership.bench_rows(membership.measure(opts)))
    return rows
