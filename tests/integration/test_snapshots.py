"""Snapshots of initiatives (registry/snapshots.py) on both stores: a load from a snapshot
is the very initiative a full replay gives, at every version, and ``as_of`` is unchanged."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.dates import PartialDate, ReportingPeriod
from domain.initiatives.initiative import Initiative
from domain.initiatives.values import (
    DeliverableKind,
    DeliverableStatus,
    EvaluationResult,
    EvaluationStage,
    InitiativeStatus,
    KpiDirection,
    PartnershipScope,
)
from domain.roles import Role
from domain.text import Text
from registry.bootstrap import Registry
from registry.clock import ManualClock
from registry.context import Actor, RequestContext
from registry.event_store import SNAPSHOT_EVERY, project
from registry.snapshots import StateSnapshot, decode_state, encode_state
from tests.conftest import add_user

CTX = RequestContext(Actor("officer-1", "officer"), "req-1")
T = Text("نص", "Text")


def _rich_initiative(registry: Registry, clock: ManualClock, events: int) -> Initiative:
    """An initiative with some of everything its state can hold, then monthly KPI values."""
    env = registry.initiatives.envelope
    initiative = Initiative.register(env(CTX), "RICH", T, T, "Office")
    initiative.add_component(env(CTX), "training", T, T)
    milestone, pilot, deliverable, partnership, kpi = (uuid4() for _ in range(5))
    initiative.add_milestone(env(CTX), milestone, T, PartialDate("2026-03"))
    initiative.complete_milestone(env(CTX), milestone, date(2026, 1, 9))
    initiative.add_pilot(env(CTX), pilot, T, T, "riyadh")
    initiative.schedule_evaluation(env(CTX), pilot, EvaluationStage.INTERNAL, PartialDate("2026"))
    initiative.complete_evaluation(
        env(CTX), pilot, EvaluationStage.INTERNAL, date(2026, 1, 10), EvaluationResult.PASSED, T
    )
    initiative.add_deliverable(
        env(CTX), deliverable, DeliverableKind.GUIDE, T, T, DeliverableStatus.PLANNED, None
    )
    initiative.add_partnership(
        env(CTX), partnership, T, PartnershipScope.INTERNATIONAL, T, PartialDate("2025")
    )
    initiative.report_progress(env(CTX), ReportingPeriod("2026-01"), T, 40)
    initiative.change_status(env(CTX, "Budget review"), InitiativeStatus.ON_HOLD)
    initiative.define_kpi(env(CTX), kpi, T, "%", Decimal(90), KpiDirection.HIGHER_IS_BETTER)
    registry.initiatives.save(initiative)
    month = 0
    while initiative.version < events:
        clock.advance(timedelta(days=30))
        period = ReportingPeriod(f"{2000 + month // 12}-{month % 12 + 1:02d}")
        initiative.record_kpi_value(env(CTX), kpi, period, Decimal(month) / 4)
        registry.initiatives.save(initiative)  # one save per event, as the API does
        month += 1
    return initiative


def _replayed(registry: Registry, initiative_id: UUID, version: int | None = None) -> Any:
    """The initiative from its events alone, never from a snapshot."""
    return project(None, registry.app.events.get(initiative_id, lte=version))


def _snapshot_versions(registry: Registry, initiative_id: UUID) -> list[int]:
    assert registry.app.snapshots is not None
    return [s.originator_version for s in registry.app.snapshots.get(initiative_id)]


def test_a_snapshotted_initiative_loads_as_its_full_replay(
    registry: Registry, clock: ManualClock
) -> None:
    initiative = _rich_initiative(registry, clock, 2 * SNAPSHOT_EVERY + 5)
    assert _snapshot_versions(registry, initiative.id) == [SNAPSHOT_EVERY, 2 * SNAPSHOT_EVERY]

    loaded = registry.initiatives.get(initiative.id)  # the last snapshot and 5 events
    assert vars(loaded) == vars(_replayed(registry, initiative.id))
    assert loaded.version == 2 * SNAPSHOT_EVERY + 5
    assert loaded.status == InitiativeStatus.ON_HOLD
    assert len(next(iter(loaded.kpis.values())).measurements) == loaded.version - 12
    # Every version, from a snapshot or not, is the replay of its events.
    for version in range(1, loaded.version + 1):
        from_store = registry.app.repository.get(initiative.id, version=version)
        assert vars(from_store) == vars(_replayed(registry, initiative.id, version)), version


def test_a_loaded_snapshot_can_take_new_commands(registry: Registry, clock: ManualClock) -> None:
    initiative = _rich_initiative(registry, clock, SNAPSHOT_EVERY)
    loaded = registry.initiatives.get(initiative.id)
    assert loaded.version == SNAPSHOT_EVERY  # nothing but the snapshot was read
    revised = registry.initiatives.revise_details(
        CTX, initiative.id, SNAPSHOT_EVERY, title=Text("جديد", "New"), aim=T, owner="Office"
    )
    assert revised.version == SNAPSHOT_EVERY + 1
    assert registry.initiatives.get(initiative.id).title == Text("جديد", "New")


def _count_snapshot_reads(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> list[UUID]:
    """Records every query of the snapshot table (by the aggregate asked for)."""
    assert registry.app.snapshots is not None
    recorder: Any = registry.app.snapshots.recorder
    select_events = recorder.select_events
    asked: list[UUID] = []

    def counting(originator_id: UUID, *args: Any, **kwargs: Any) -> Any:
        asked.append(originator_id)
        return select_events(originator_id, *args, **kwargs)

    monkeypatch.setattr(recorder, "select_events", counting)
    return asked


def test_an_aggregate_that_never_snapshots_loads_without_asking_the_snapshot_table(
    registry: Registry, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = add_user(registry, "officer-one", Role.OFFICER)
    initiative = _rich_initiative(registry, clock, SNAPSHOT_EVERY + 3)
    asked = _count_snapshot_reads(registry, monkeypatch)

    assert registry.users.get(user.id).username == "officer-one"
    assert registry.users.find_by_username("officer-one") is not None
    assert asked == []  # a user's load is one query: its events
    # An initiative still loads from its snapshot and the events after it.
    loaded = registry.initiatives.get(initiative.id)
    assert asked == [initiative.id]
    assert loaded.version == SNAPSHOT_EVERY + 3
    assert vars(loaded) == vars(_replayed(registry, initiative.id))


def test_as_of_still_replays_the_events(registry: Registry, clock: ManualClock) -> None:
    initiative = _rich_initiative(registry, clock, 2 * SNAPSHOT_EVERY + 3)
    events = list(registry.app.events.get(initiative.id))
    middle = events[SNAPSHOT_EVERY + 4]  # between the two snapshots
    as_of = registry.initiatives.get_as_of(initiative.id, middle.timestamp)
    assert as_of.version == middle.originator_version
    assert vars(as_of) == vars(_replayed(registry, initiative.id, middle.originator_version))


def test_a_snapshot_that_cannot_be_stored_never_fails_the_command(
    registry: Registry, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: Any, **__: Any) -> None:
        raise RuntimeError("snapshot store unavailable")

    assert registry.app.snapshots is not None
    monkeypatch.setattr(registry.app.snapshots, "put", refuse)
    initiative = _rich_initiative(registry, clock, SNAPSHOT_EVERY + 2)
    monkeypatch.undo()
    assert _snapshot_versions(registry, initiative.id) == []
    assert registry.initiatives.get(initiative.id).version == SNAPSHOT_EVERY + 2


def test_the_state_encoding_round_trips_what_json_cannot_hold() -> None:
    state = {
        "by_id": {uuid4(): {"nested": (1, "two")}},
        "tags": {"a", "b"},
        "frozen": frozenset({3}),
        "status": InitiativeStatus.ACTIVE,
        "looks_like_a_tag": {"_tuple_": [1]},
        "text": T,
    }
    assert decode_state(encode_state(state)) == state
    # A topic outside the domain is never resolved from a stored snapshot.
    with pytest.raises(ValueError, match="outside the domain"):
        decode_state({"_dc_": ["os:system", {}]})
    assert StateSnapshot.__dataclass_fields__.keys() >= {"state", "topic"}
