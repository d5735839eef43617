"""An edition's timeline runs to tens of thousands of events: the replay page shows a window
of them around the chosen instant, and the comparison never cuts off a milestone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

from registry.audit_desk import TimelineEvent, abridged, window
from registry.history import HistoryEntry

START = datetime(2026, 2, 1, 9, tzinfo=UTC)


def timeline(types: list[str]) -> list[TimelineEvent]:
    events = []
    for i, kind in enumerate(types):
        at = START + timedelta(minutes=i)
        entry = HistoryEntry(i + 1, kind, at.isoformat(), "judge-1", "judge", "c", None, {})
        events.append(TimelineEvent(at, "scorecard", uuid4(), entry))
    return events


def test_the_window_is_centred_on_the_instant_and_links_to_either_side() -> None:
    events = timeline(["Submitted"] + ["CriterionScored"] * 998 + ["ResultsPublished"])
    shown = window(events, events[500].at, size=10)
    assert [e.entry.version for e in shown.events] == list(range(497, 507))
    assert (shown.start, shown.total) == (496, 1000)
    assert shown.earlier is events[495] and shown.later is events[506]
    # The chooser lists the milestones wherever they are, and the window's own events.
    assert [e.entry.version for e in shown.choices] == [1, *range(497, 507), 1000]


def test_without_an_instant_the_window_holds_the_latest_events() -> None:
    events = timeline(["CriterionScored"] * 30)
    shown = window(events, None, size=10)
    assert [e.entry.version for e in shown.events] == list(range(21, 31))
    assert shown.later is None and shown.earlier is events[19]
    assert window(events, START - timedelta(days=1), size=10).events == events[:10]


def test_a_short_timeline_is_shown_whole() -> None:
    events = timeline(["Submitted", "CriterionScored", "ResultsPublished"])
    shown = window(events, events[1].at)
    assert shown.events == events and shown.earlier is None and shown.later is None


def test_the_events_in_between_keep_every_milestone() -> None:
    events = timeline(["CriterionScored"] * 50 + ["AwardWithdrawn"] + ["CriterionScored"] * 9)
    shown, left_out = abridged(events, size=5)
    assert [e.entry.type for e in shown] == ["CriterionScored"] * 5 + ["AwardWithdrawn"]
    assert left_out == 54
