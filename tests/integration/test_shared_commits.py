"""Every service's saves share the group writer's transactions (registry/group_commit.py),
on both stores: concurrent commands land together, a command whose version is behind the
store fails alone with a conflict, each caller hears only after the commit, and the audit
chain over the grouped events verifies."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from domain.errors import VersionConflict
from domain.initiatives.initiative import Initiative
from domain.text import Text
from registry.audit.verify import verify
from registry.bootstrap import Registry
from registry.context import Actor, RequestContext

CTX = RequestContext(Actor("officer-1", "officer"), "req-1")
T = Text("نص", "Text")
WRITERS = 8


@pytest.fixture
def held(registry: Registry) -> Iterator[tuple[threading.Event, list[int]]]:
    """Holds the writer's first save until released, so the commands submitted meanwhile
    queue up; records how many events each save (transaction) carried."""
    writer: Any = registry.writer
    save = writer._save
    release = threading.Event()
    sizes: list[int] = []

    def gated(*events: Any, **records: Any) -> Any:
        release.wait(10)
        result = save(*events, **records)
        sizes.append(len(events))
        return result

    writer._save = gated
    yield release, sizes
    release.set()
    writer._save = save


def _initiatives(registry: Registry, count: int) -> list[Initiative]:
    return [
        registry.initiatives.register(CTX, code=f"GC-{n}", title=T, aim=T, owner="Office")
        for n in range(count)
    ]


def _run_together(
    registry: Registry, release: threading.Event, commands: list[Callable[[], Any]]
) -> list[Any]:
    """Runs each command in its own thread; releases the writer once all are queued.
    Returns each one's result or the exception it raised, in order."""
    outcomes: list[Any] = [None] * len(commands)

    def run(index: int) -> None:
        try:
            outcomes[index] = commands[index]()
        except Exception as error:
            outcomes[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(commands))]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 10
    # The first save is held in the writer; the others wait in its queue behind it.
    while registry.writer.status().queued < len(commands) - 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert all(o is None for o in outcomes), "a command returned before its commit"
    release.set()
    for thread in threads:
        thread.join(10)
    return outcomes


def test_concurrent_commands_share_a_commit_and_a_stale_one_fails_alone(
    registry: Registry, held: tuple[threading.Event, list[int]]
) -> None:
    release, sizes = held
    release.set()  # the setup saves one by one
    initiatives = _initiatives(registry, WRITERS)
    # One caller read the first initiative, then someone else changed it.
    stale = registry.initiatives.get(initiatives[0].id)
    registry.initiatives.revise_details(
        CTX, initiatives[0].id, 1, title=Text("أولاً", "First"), aim=T, owner="Office"
    )
    stale.revise_details(registry.initiatives.envelope(CTX), Text("متأخر", "Late"), T, "Office")
    release.clear()
    sizes.clear()

    def revise(initiative: Initiative, n: int) -> Callable[[], Initiative]:
        return lambda: registry.initiatives.revise_details(
            CTX, initiative.id, 1, title=Text("جديد", f"New {n}"), aim=T, owner="Office"
        )

    commands = [lambda: registry.initiatives.save(stale)] + [
        revise(initiative, n) for n, initiative in enumerate(initiatives[1:], start=1)
    ]
    outcomes = _run_together(registry, release, commands)

    assert isinstance(outcomes[0], VersionConflict)
    assert [o.version for o in outcomes[1:]] == [2] * (WRITERS - 1)
    # Fewer transactions than commands: the queued ones were committed together.
    assert sum(sizes) == WRITERS - 1
    assert len(sizes) < WRITERS - 1
    # What each caller was told is what the store holds.
    assert registry.initiatives.get(initiatives[0].id).title == Text("أولاً", "First")
    for n, initiative in enumerate(initiatives[1:], start=1):
        assert registry.initiatives.get(initiative.id).title == Text("جديد", f"New {n}")
    result = verify(registry.app, registry.db, registry.signing_key().public)
    assert result.ok, result.first_break
    assert result.events == 2 * WRITERS  # registered, then revised (the stale one is not)


def test_two_concurrent_changes_of_one_aggregate_one_wins_the_other_conflicts(
    registry: Registry, held: tuple[threading.Event, list[int]]
) -> None:
    release, _ = held
    release.set()
    (initiative,) = _initiatives(registry, 1)
    release.clear()

    def revise(title: str) -> Callable[[], Initiative]:
        return lambda: registry.initiatives.revise_details(
            CTX, initiative.id, 1, title=Text("ع", title), aim=T, owner="Office"
        )

    outcomes = _run_together(registry, release, [revise("A"), revise("B"), revise("C")])

    winners = [o for o in outcomes if isinstance(o, Initiative)]
    assert len(winners) == 1
    assert all(isinstance(o, VersionConflict) for o in outcomes if o is not winners[0])
    stored = registry.initiatives.get(initiative.id)
    assert (stored.version, stored.title) == (2, winners[0].title)
    assert verify(registry.app, registry.db, registry.signing_key().public).ok
