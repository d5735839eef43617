"""Award rules on the aggregates themselves: eligibility, timeline, declarations, scorecards."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from uuid import uuid4

import pytest

from domain.awards.edition import Category, Edition, Phase, PhaseClosed, PhaseKind
from domain.awards.eligibility import EligibilityRules, eligibility_problems
from domain.awards.judging import ConflictOfInterest, Scorecard
from domain.awards.organisation import (
    Accreditation,
    OrganisationFacts,
    OrganisationStatus,
    OrganisationType,
)
from domain.awards.scoring import Assessment
from domain.envelope import Envelope
from domain.errors import InvalidInput, InvalidTransition, ReasonRequired
from domain.regions import Region
from domain.text import Text
from registry.applications import REGISTRATION
from registry.i18n import say
from tests.awards_support import small_framework

T0 = datetime(2025, 7, 1, tzinfo=UTC)


def env(days: float = 0, reason: str | None = None) -> Envelope:
    return Envelope("someone", "officer", "test", T0 + timedelta(days=days), reason)


def facts(**changes: object) -> OrganisationFacts:
    values: dict[str, object] = {
        "type": OrganisationType.HOSPITAL,
        "region": Region.EASTERN_PROVINCE,
        "beds": 120,
        "licence_expires_on": date(2026, 1, 1),
        "operating_since": date(2020, 1, 1),
        "accreditations": (Accreditation(uuid4(), "CBAHI", "CBAHI", date(2026, 1, 1)),),
        "status": OrganisationStatus.REGISTERED,
    }
    return OrganisationFacts(**{**values, **changes})  # type: ignore[arg-type]


def test_each_unmet_condition_is_named() -> None:
    rules = EligibilityRules()
    on = date(2025, 8, 15)
    assert eligibility_problems(rules, (OrganisationType.HOSPITAL,), 50, facts(), on) == []
    problems = eligibility_problems(
        EligibilityRules(requires_activated_organisation=True),
        (OrganisationType.HOSPITAL,),
        100,
        facts(
            region=Region.RIYADH,
            beds=80,
            licence_expires_on=date(2025, 8, 1),
            operating_since=date(2023, 1, 1),
            accreditations=(),
        ),
        on,
    )
    assert [p.field for p in problems] == [
        "organisation.region",
        "organisation.beds",
        "organisation.licence_expires_on",
        "organisation.operating_since",
        "organisation.accreditations",
        "organisation.status",
    ]
    assert all(say(p.message, "ar") for p in problems)


def test_years_of_operation_count_whole_years_to_the_day() -> None:
    since = facts(operating_since=date(2022, 8, 16))
    assert since.years_of_operation(date(2025, 8, 15)) == 2
    assert since.years_of_operation(date(2025, 8, 16)) == 3


def opened_edition() -> Edition:
    edition = Edition.create(env(), "AMYAZ", 2025, Text("أ", "A"), D(60), EligibilityRules())
    edition.configure_category(
        env(),
        Category("hospitals", Text("م", "H"), (OrganisationType.HOSPITAL,), 5, "f", 1),
        uuid4(),
    )
    for i, kind in enumerate(PhaseKind):
        edition.schedule_phase(
            env(), Phase(kind, T0 + timedelta(days=30 * i), T0 + timedelta(days=30 * (i + 1)))
        )
    edition.open(env())
    return edition


def test_the_timeline_is_enforced_and_says_when() -> None:
    edition = opened_edition()
    action = REGISTRATION  # a msgid, as the services pass it
    edition.require_phase(PhaseKind.REGISTRATION, T0 + timedelta(days=45), action)
    with pytest.raises(PhaseClosed) as closed:
        edition.require_phase(PhaseKind.REGISTRATION, T0 + timedelta(days=60), action)
    assert "closed on 2025-08-30 03:00" in str(closed.value.message)
    assert "انتهت" in say(closed.value.message, "ar")
    with pytest.raises(PhaseClosed) as early:
        edition.require_phase(PhaseKind.JUDGING, T0 + timedelta(days=45), action)
    assert "opens on" in str(early.value.message)


def test_an_open_edition_keeps_its_configuration_and_past_deadlines() -> None:
    edition = opened_edition()
    with pytest.raises(InvalidTransition):
        edition.set_rules(env(), D(70), EligibilityRules())
    later = Phase(PhaseKind.REGISTRATION, T0 + timedelta(days=30), T0 + timedelta(days=65))
    with pytest.raises(ReasonRequired):
        edition.schedule_phase(env(40), later)
    with pytest.raises(InvalidInput):  # would overlap screening
        edition.schedule_phase(env(40, "extension"), later)
    with pytest.raises(PhaseClosed):
        edition.schedule_phase(env(70, "too late"), later)


def test_results_wait_for_judging_to_close() -> None:
    edition = opened_edition()
    with pytest.raises(PhaseClosed):
        edition.publish_results(env(100), ())
    edition.publish_results(env(121), ())
    with pytest.raises(ReasonRequired):
        edition.publish_results(env(122), ())


def test_a_declared_conflict_is_final_and_blocks_everything() -> None:
    framework = small_framework()
    card = Scorecard.open(env(), uuid4(), uuid4(), "hospitals", uuid4())
    card.assign(env())
    with pytest.raises(InvalidTransition):  # not before declaring
        card.score(env(), framework.criteria()[0], Assessment(points=D(1)), "why", True)
    with pytest.raises(ReasonRequired):
        card.declare(env(), conflicted=True)
    card.declare(env(reason="Board member"), conflicted=True)
    with pytest.raises(ConflictOfInterest):
        card.declare(env(), conflicted=False)
    with pytest.raises(ConflictOfInterest):
        card.score(env(), framework.criteria()[0], Assessment(points=D(1)), "why", True)
    fresh = Scorecard.open(env(), uuid4(), uuid4(), "hospitals", uuid4())
    fresh.declare(env(reason="Relative works there"), conflicted=True)
    with pytest.raises(ConflictOfInterest):
        fresh.assign(env())


def test_a_scorecard_is_submitted_only_when_complete_and_needs_justifications() -> None:
    framework = small_framework()
    card = Scorecard.open(env(), uuid4(), uuid4(), "hospitals", uuid4())
    card.assign(env())
    card.declare(env(), conflicted=False)
    first = framework.criteria()[0]
    with pytest.raises(InvalidInput) as unjustified:
        card.score(env(), first, Assessment(points=D(1)), "  ", True)
    assert unjustified.value.field == "justification"
    card.score(env(), first, Assessment(points=D(1)), "Plan approved", True)
    with pytest.raises(InvalidInput) as incomplete:
        card.submit(env(), ["1", "2"])
    assert "2" in str(incomplete.value.message)


def test_a_category_for_other_types_names_them_in_arabic() -> None:
    [problem] = eligibility_problems(
        EligibilityRules(),
        (OrganisationType.HEALTH_CENTRE, OrganisationType.HOSPITAL),
        None,
        facts(type=OrganisationType.COMPANY),
        date(2025, 8, 15),
    )
    assert problem.field == "organisation.type"
    assert say(problem.message, "ar") == "هذه الفئة مخصصة لـ: مركز صحي أو مجمع طبي، مستشفى."
    assert "health_centre" in str(problem.message)
