"""`make bench`: runs the benchmarks against PostgreSQL and prints the figures of one run.

python -m tests.bench [--only platform,...] [--quick] [--json FILE]

``--only hotpaths`` runs issue 14's figures alone (a few minutes, see tests/bench/hotpaths.py).
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform as host
import sys
import time
from datetime import UTC, datetime

from registry.runtime import tune_garbage_collector
from tests.bench.common import Row

SUITES = ["platform", "audit", "awards", "award_pages", "caches", "membership", "pages"]


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument(
        "--only",
        default=",".join(SUITES),
        help=f"comma-separated suites: {', '.join(SUITES)}, or hotpaths (issue 14's figures)",
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--json", help="also write the rows as JSON to this file")
    args = parser.parse_args()

    print(
        f"NQS Registry benchmarks — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{host.node()}, Python {host.python_version()}, {'quick' if args.quick else 'full'}"
    )
    # The API server and the projection worker run with this; so do the figures.
    tune_garbage_collector()
    all_rows: dict[str, list[Row]] = {}
    for name in args.only.split(","):
        module = importlib.import_module(f"tests.bench.{name.strip()}")
        started = time.perf_counter()
        rows = module.run(args)
        all_rows[name] = rows
        print(f"\n## {name} ({time.perf_counter() - started:.0f} s)\n")
        print(
            "| figure | value | baseline | ratio | library-default peer | × peer | target | met |"
        )
        print("| --- | ---: | --- | ---: | --- | ---: | --- | --- |")
        for r in rows:
            baseline = f"{r.baseline:,.1f} ({r.baseline_name})" if r.baseline else "—"
            ratio = f"{r.ratio:.3f}" if r.ratio is not None else "—"
            peer = f"{r.peer:,.1f} ({r.peer_name})" if r.peer else "—"
            peer_ratio = f"{r.peer_ratio:.2f}×" if r.peer_ratio is not None else "—"
            met = {True: "yes", False: "**no**", None: "—"}[r.met]
            print(
                f"| {r.name} | {r.value:,.2f} {r.unit} | {baseline} | {ratio} | {peer} | "
                f"{peer_ratio} | {r.target or '—'} | {met} |"
            )
        sys.stdout.flush()
    if args.json:
        with open(args.json, "w") as f:
            json.dump({k: [r.as_dict() for r in v] for k, v in all_rows.items()}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
