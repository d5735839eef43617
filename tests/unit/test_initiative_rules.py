"""The Initiative aggregate's rules, without any I/O."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.dates import PartialDate, ReportingPeriod
from domain.envelope import Envelope
from domain.errors import (
    AlreadyExists,
    InvalidInput,
    InvalidTransition,
    NotFound,
    ReasonRequired,
    VersionConflict,
)
from domain.initiatives.initiative import Initiative, initiative_id
from domain.initiatives.values import (
    DeliverableKind,
    DeliverableStatus,
    EvaluationStage,
    InitiativeStatus,
    KpiDirection,
    PilotPhase,
)
from domain.text import Text

NOW = datetime(2021, 5, 31, 12, 0, tzinfo=UTC)


def env(reason: str | None = None, at: datetime = NOW) -> Envelope:
    return Envelope("officer-1", "officer", "req-1", at, reason=reason)


def new_initiative(code: str = "AMBASSADORS") -> Initiative:
    return Initiative.register(
        env(), code, Text("سفراء", "Ambassadors"), Text("هدف", "Aim"), "NQS Executive Office"
    )


def replay(initiative: Initiative) -> Initiative:
    copy = None
    for event in initiative.collect_events():
        copy = event.mutate(copy)
    assert isinstance(copy, Initiative)
    return copy


def test_the_id_comes_from_the_code_whatever_its_case() -> None:
    assert new_initiative("ambassadors").id == initiative_id("AMBASSADORS")
    assert new_initiative("ambassadors").code == "AMBASSADORS"


def test_a_malformed_code_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidInput) as refused:
        new_initiative("no spaces allowed")
    assert refused.value.field == "code"


def test_every_event_carries_the_envelope_and_its_time() -> None:
    initiative = new_initiative()
    initiative.add_milestone(
        env(at=datetime(2021, 6, 1, tzinfo=UTC)), uuid4(), Text("م", "M"), None
    )
    events = initiative.collect_events()
    assert [e.envelope.actor_id for e in events] == ["officer-1", "officer-1"]  # type: ignore[attr-defined]
    assert events[1].timestamp == datetime(2021, 6, 1, tzinfo=UTC)


def test_status_change_is_a_decision_that_needs_a_reason() -> None:
    initiative = new_initiative()
    with pytest.raises(ReasonRequired):
        initiative.change_status(env(), InitiativeStatus.ON_HOLD)
    initiative.change_status(env("Budget review"), InitiativeStatus.ON_HOLD)
    assert initiative.status == InitiativeStatus.ON_HOLD


def test_a_cancelled_initiative_cannot_be_reactivated() -> None:
    initiative = new_initiative()
    initiative.change_status(env("Merged into another"), InitiativeStatus.CANCELLED)
    with pytest.raises(InvalidTransition):
        initiative.change_status(env("Try again"), InitiativeStatus.ACTIVE)


def test_a_milestone_is_overdue_after_the_last_day_of_its_planned_month() -> None:
    initiative = new_initiative()
    mid = uuid4()
    initiative.add_milestone(env(), mid, Text("م", "M"), PartialDate("2021-03"))
    milestone = initiative.milestones[mid]
    assert not milestone.is_overdue(date(2021, 3, 31))
    assert milestone.is_overdue(date(2021, 4, 1))
    initiative.complete_milestone(env(), mid, date(2021, 4, 2))
    assert not milestone.is_overdue(date(2022, 1, 1))


def test_completing_a_milestone_twice_or_in_the_future_is_refused() -> None:
    initiative = new_initiative()
    mid = uuid4()
    initiative.add_milestone(env(), mid, Text("م", "M"), None)
    with pytest.raises(InvalidInput) as future:
        initiative.complete_milestone(env(), mid, date(2030, 1, 1))
    assert future.value.field == "completed_on"
    initiative.complete_milestone(env(), mid, None)
    with pytest.raises(InvalidTransition):
        initiative.complete_milestone(env(), mid, None)


def test_unknown_parts_are_not_found() -> None:
    with pytest.raises(NotFound):
        new_initiative().complete_milestone(env(), uuid4(), None)


def test_the_external_evaluation_waits_for_the_internal_one() -> None:
    initiative = new_initiative()
    pid = uuid4()
    initiative.add_pilot(env(), pid, Text("العبيكان", "Obeikan"), Text("د", "D"), None)
    assert initiative.pilots[pid].phase == PilotPhase.IMPLEMENTATION
    with pytest.raises(InvalidTransition):
        initiative.complete_evaluation(env(), pid, EvaluationStage.EXTERNAL, None, None, None)
    initiative.complete_evaluation(env(), pid, EvaluationStage.INTERNAL, None, None, None)
    initiative.schedule_evaluation(env(), pid, EvaluationStage.EXTERNAL, PartialDate("2021-03"))
    assert initiative.pilots[pid].phase == PilotPhase.EXTERNAL_EVALUATION
    initiative.complete_evaluation(
        env(), pid, EvaluationStage.EXTERNAL, date(2021, 3, 20), None, None
    )
    assert initiative.pilots[pid].phase == PilotPhase.EVALUATED


def test_kpi_corrections_and_report_revisions_need_a_reason() -> None:
    initiative = new_initiative()
    kid = uuid4()
    initiative.define_kpi(
        env(),
        kid,
        Text("أسر", "Households"),
        "households",
        Decimal(100),
        KpiDirection.HIGHER_IS_BETTER,
    )
    initiative.record_kpi_value(env(), kid, ReportingPeriod("2021-Q1"), Decimal(40))
    with pytest.raises(ReasonRequired):
        initiative.record_kpi_value(env(), kid, ReportingPeriod("2021-Q1"), Decimal(45))
    initiative.record_kpi_value(env("Late returns"), kid, ReportingPeriod("2021-Q1"), Decimal(45))
    initiative.record_kpi_value(env(), kid, ReportingPeriod("2021-Q2"), Decimal(80))
    assert initiative.kpis[kid].attainment() == Decimal("0.8")

    initiative.report_progress(env(), ReportingPeriod("2021-H1"), Text("ت", "R"), 50)
    with pytest.raises(ReasonRequired):
        initiative.report_progress(env(), ReportingPeriod("2021-H1"), Text("ت", "R2"), 55)
    initiative.report_progress(env("Typo"), ReportingPeriod("2021-H1"), Text("ت", "R2"), 55)
    report = initiative.latest_progress_report()
    assert report is not None and report.revision == 2 and report.percent_complete == 55


def test_a_lower_is_better_kpi_meets_its_target_from_below() -> None:
    initiative = new_initiative()
    kid = uuid4()
    initiative.define_kpi(
        env(), kid, Text("ش", "Complaints"), "count", Decimal(10), KpiDirection.LOWER_IS_BETTER
    )
    initiative.record_kpi_value(env(), kid, ReportingPeriod("2021"), Decimal(20))
    assert initiative.kpis[kid].attainment() == Decimal("0.5")


def test_deliverables_close_once_and_cancelling_needs_a_reason() -> None:
    initiative = new_initiative()
    did = uuid4()
    initiative.add_deliverable(
        env(),
        did,
        DeliverableKind.TRANSLATED_BOOK,
        Text("ك", "Book"),
        Text("د", "D"),
        DeliverableStatus.IN_PROGRESS,
        None,
    )
    with pytest.raises(InvalidInput):
        initiative.change_deliverable_status(
            env(), did, DeliverableStatus.IN_PROGRESS, date(2021, 1, 1)
        )
    with pytest.raises(ReasonRequired):
        initiative.change_deliverable_status(env(), did, DeliverableStatus.CANCELLED, None)
    initiative.change_deliverable_status(env(), did, DeliverableStatus.DELIVERED, date(2021, 5, 1))
    with pytest.raises(InvalidTransition):
        initiative.change_deliverable_status(env(), did, DeliverableStatus.IN_PROGRESS, None)


def test_adding_the_same_part_twice_is_refused() -> None:
    initiative = new_initiative()
    mid = uuid4()
    initiative.add_milestone(env(), mid, Text("م", "M"), None)
    with pytest.raises(AlreadyExists):
        initiative.add_milestone(env(), mid, Text("م", "M"), None)
    initiative.add_component(env(), "technical", Text("ف", "T"), Text("ف", "T"))
    with pytest.raises(AlreadyExists):
        initiative.add_component(env(), "Technical", Text("ف", "T"), Text("ف", "T"))


def test_replaying_the_events_rebuilds_the_same_state() -> None:
    initiative = new_initiative()
    pid = uuid4()
    initiative.add_pilot(env(), pid, Text("ص", "MoH"), Text("د", "D"), "riyadh")
    initiative.complete_evaluation(env(), pid, EvaluationStage.INTERNAL, None, None, None)
    initiative.change_status(env("Paused"), InitiativeStatus.ON_HOLD)
    pilots_before, status_before, version = (
        dict(initiative.pilots),
        initiative.status,
        initiative.version,
    )
    copy = replay(initiative)
    assert copy.pilots == pilots_before
    assert copy.status == status_before
    assert copy.version == version


def test_a_stale_expected_version_is_a_conflict() -> None:
    initiative = new_initiative()
    initiative.check_version(1)
    with pytest.raises(VersionConflict) as conflict:
        initiative.check_version(0)
    assert conflict.value.actual == 1


def test_text_needs_both_languages() -> None:
    with pytest.raises(InvalidInput) as refused:
        Text.of("", " English ", field="title")
    assert [p.field for p in refused.value.problems] == ["title.ar"]
    assert Text.of(" عربي ", " English ", field="title") == Text("عربي", "English")
