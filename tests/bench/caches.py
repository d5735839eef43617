"""Issue 9: the two hand-written caches of the scoring path against the eventsourcing
library's own repository cache (``AGGREGATE_CACHE_MAXSIZE``: cached aggregate, fast-forward
over newer events, deep copy on every read).

One process, one PostgreSQL database (an Amyaz edition of 20 applications, set up as in the
awards suite), ``JudgingService.score`` called in-process; the two ways alternate every 60
scores over 12 rounds (the first two discarded), so a busy neighbour slows both alike.

- scorecard: ``JudgingService._take`` (this process's last saved copy, taken out while in
  use) against ``Repository.get`` with its deep copy;
- edition: ``EditionService.current`` (kept copy, one look-up for newer events) against
  ``Repository.get(..., deepcopy_from_cache=False)``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from uuid import UUID

from eventsourcing.application import LRUCache

from domain.awards.edition import Edition
from domain.awards.framework import CriterionKind
from domain.awards.judging import Scorecard
from domain.awards.scoring import Assessment
from registry.bootstrap import Registry
from registry.catalogue.frameworks import framework
from registry.context import Actor, RequestContext
from registry.service import _project
from tests.bench.awards import SCORECARD_VERSION, _setup
from tests.bench.common import Row, bench_registry, bench_settings

ROUNDS, PER_ROUND = 12, 60


def _alternate(
    registry: Registry,
    plan: list[tuple[UUID, list[UUID]]],
    ways: dict[str, Callable[[bool], None]],
    versions: dict[tuple[UUID, UUID], int],
) -> dict[str, list[float]]:
    """Scores in rounds, switching way (``ways[name](on)``) before each; ms per score."""
    numbers = [
        c.number
        for c in framework("amyaz-polyclinics").criteria()
        if c.kind == CriterionKind.EVIDENCE
    ]
    pairs = [(application, judges[0]) for application, judges in plan]
    samples: dict[str, list[float]] = {name: [] for name in ways}
    i = 0
    for round_ in range(ROUNDS):
        order = list(ways) if round_ % 2 else list(reversed(ways))
        for name in order:
            for other, switch in ways.items():
                switch(other == name)
            for k in range(PER_ROUND):
                application, judge = pairs[k % len(pairs)]
                ctx = RequestContext(Actor(str(judge), "judge"), "bench")
                started = time.perf_counter()
                card = registry.judging.score(
                    ctx,
                    application,
                    versions.get((application, judge), SCORECARD_VERSION),
                    criterion=numbers[i % len(numbers)],
                    assessment=Assessment(points=Decimal(i % 3)),
                    justification="Re-read the evidence",
                    reason="Benchmark revision",
                )
                elapsed = (time.perf_counter() - started) * 1000
                versions[(application, judge)] = card.version
                i += 1
                if round_ >= 2:
                    samples[name].append(elapsed)
    return samples


def run(args: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    with bench_settings(pool_size=10) as settings, bench_registry(settings) as registry:
        _edition, plan = _setup(registry, 20)
        registry.runner.catch_up()
        with registry.db.transaction() as cur:
            cur.execute("ANALYZE")
        repository = registry.app.repository
        library_cache: Any = LRUCache(maxsize=10_000)
        judging, editions = registry.judging, registry.editions
        hand_take, hand_current = judging._take, editions.current

        def library_take(id_: UUID) -> Scorecard:
            return judging.load(Scorecard, id_, ("scorecard", "بطاقة تقييم"))

        def library_current(id_: UUID) -> Edition:
            found: Edition = repository.get(id_, projector_func=_project, deepcopy_from_cache=False)
            return found

        def scorecards(library: bool) -> Callable[[bool], None]:
            def switch(on: bool) -> None:
                if on:
                    repository.cache = library_cache if library else None
                    judging._take = library_take if library else hand_take  # type: ignore[method-assign]

            return switch

        def edition_reads(library: bool) -> Callable[[bool], None]:
            def switch(on: bool) -> None:
                if on:
                    repository.cache = library_cache if library else None
                    editions.current = library_current if library else hand_current  # type: ignore[method-assign]

            return switch

        versions: dict[tuple[UUID, UUID], int] = {}
        for what, make in (("scorecard", scorecards), ("edition", edition_reads)):
            samples = _alternate(
                registry,
                plan,
                {"library's repository cache": make(True), "hand-written cache": make(False)},
                versions,
            )
            for name, values in samples.items():
                values.sort()
                rows.append(
                    Row(
                        f"score one criterion in-process, {what} from the {name}, median"
                        f" ({len(values)} scores, alternating)",
                        statistics.median(values),
                        "ms",
                    )
                )
        repository.cache = None
        judging._take, editions.current = hand_take, hand_current  # type: ignore[method-assign]
    return rows
