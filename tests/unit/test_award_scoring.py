"""The scoring rules, with worked examples (see tests/awards_support.py for the framework)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from uuid import uuid4

import pytest

from domain.awards.framework import Band, Direction
from domain.awards.framework_version import framework_problems
from domain.awards.ranking import Candidate, CategoryResults, rank_category, without
from domain.awards.scoring import (
    Assessment,
    EvidenceRequired,
    band_points,
    breakdown,
    kpi_percent,
    score_criterion,
    weighted_total,
)
from domain.errors import InvalidInput
from tests.awards_support import small_framework

FW = small_framework()
C = {c.number: c for c in FW.criteria()}
TODAY = date(2025, 10, 15)


def score(number: str, has_evidence: bool = True, **kwargs: object) -> D:
    return score_criterion(
        C[number],
        Assessment(**kwargs),
        has_evidence=has_evidence,
        on=TODAY,  # type: ignore[arg-type]
    ).points


def test_a_kpi_is_numerator_over_denominator_as_a_percentage() -> None:
    assert kpi_percent(D(45), D(50)) == D(90)
    with pytest.raises(InvalidInput):
        kpi_percent(D(1), D(0))


@pytest.mark.parametrize(
    ("numerator", "points"),
    [(D(95), D(4)), (D(90), D(4)), (D(80), D(2)), (D(50), D(1)), (D(49), D(0))],
)
def test_kpi_bands_map_the_percentage_to_points(numerator: D, points: D) -> None:
    assert score("2", numerator=numerator, denominator=D(100)) == points


@pytest.mark.parametrize(("count", "points"), [(0, D(3)), (2, D(2)), (5, D(1)), (6, D(0))])
def test_counts_where_lower_is_better(count: int, points: D) -> None:
    assert score("3", count=count) == points


def test_bands_for_lower_is_better_take_the_best_band_reached() -> None:
    bands = (Band(D(5), D(1)), Band(D(1), D(3)))
    assert band_points(D(0), bands, Direction.LOWER_IS_BETTER) == D(3)
    assert band_points(D(3), bands, Direction.LOWER_IS_BETTER) == D(1)


def test_a_certificate_scores_only_while_valid_on_the_scoring_date() -> None:
    assert score("4", expires_on=TODAY) == D(2)
    assert score("4", expires_on=TODAY - timedelta(days=1)) == D(0)
    with pytest.raises(InvalidInput) as refused:
        score("4")
    assert refused.value.field == "expires_on"


def test_itemised_points_add_the_awarded_items() -> None:
    assert score("5", items=("proof",)) == D(2)
    assert score("5", items=("proof", "example")) == D(4)
    with pytest.raises(InvalidInput) as refused:
        score("5", items=("bribe",))
    assert refused.value.field == "items"


def test_evidence_points_stay_within_zero_and_the_maximum() -> None:
    assert score("1", points=D("3.5")) == D("3.5")
    for bad in (D(-1), D(5), D("1.255")):
        with pytest.raises(InvalidInput) as refused:
            score("1", points=bad)
        assert refused.value.field == "points"


def test_no_evidence_means_zero_for_the_entire_criterion() -> None:
    with pytest.raises(EvidenceRequired) as refused:
        score("1", has_evidence=False, points=D(1))
    assert refused.value.field == "points"
    assert score("1", has_evidence=False, points=D(0)) == D(0)
    with pytest.raises(EvidenceRequired):
        score("5", has_evidence=False, items=("proof",))
    computed = score_criterion(
        C["2"], Assessment(numerator=D(99), denominator=D(100)), has_evidence=False, on=TODAY
    )
    assert computed.points == 0 and computed.zeroed_for_missing_evidence
    assert computed.value == D(99)


def test_the_weighted_total_worked_example() -> None:
    # governance: (3 + 2) / 8 × 40 = 25; safety: (2 + 2 + 2 + additional 2) / 9 × 60 = 53.33…
    points = {"1": D(3), "2": D(2), "3": D(2), "4": D(2), "5": D(2), "6": D(2)}
    governance, safety = breakdown(FW, points)
    assert (governance.points, governance.max_points, governance.weighted) == (D(5), D(8), D(25))
    assert (safety.points, safety.max_points) == (D(8), D(9))
    assert weighted_total(FW, points) == D("78.33")


def test_additional_criteria_do_not_raise_a_domain_above_its_weight() -> None:
    full = {"1": D(4), "2": D(4), "3": D(3), "4": D(2), "5": D(4), "6": D(2)}
    assert weighted_total(FW, full) == D(100)
    assert weighted_total(FW, {}) == D(0)


def candidate(points: dict[str, D], submitted_minutes: int = 0) -> Candidate:
    return Candidate(
        uuid4(),
        uuid4(),
        datetime(2025, 8, 1, tzinfo=UTC) + timedelta(minutes=submitted_minutes),
        points,
    )


FULL = {"1": D(4), "2": D(4), "3": D(3), "4": D(2), "5": D(4)}


def test_ranking_orders_by_total_and_picks_winners_that_reach_the_minimum() -> None:
    best = candidate(FULL)
    good = candidate({**FULL, "1": D(0)})  # 100 − 40 × 4/8 = 80
    weak = candidate({k: D(0) for k in FULL})
    standings = rank_category(FW, [weak, good, best], winners_allowed=5, minimum_score=D(60))
    assert [s.application_id for s in standings] == [
        best.application_id,
        good.application_id,
        weak.application_id,
    ]
    assert [s.total for s in standings] == [D(100), D(80), D(0)]
    assert [s.winner for s in standings] == [True, True, False]


def test_ties_go_to_the_heavier_domain_then_the_earlier_submission() -> None:
    # Both total 80: one lost 20 in governance (weight 40), the other 20 in safety (weight 60).
    lost_governance = candidate({**FULL, "1": D(0)}, submitted_minutes=5)
    lost_safety = candidate({**FULL, "3": D(0)}, submitted_minutes=1)
    assert rank_category(FW, [lost_governance], 1, D(0))[0].total == D(80)
    standings = rank_category(FW, [lost_safety, lost_governance], 1, D(0))
    assert [s.total for s in standings] == [D(80), D(80)]
    assert standings[0].application_id == lost_governance.application_id
    first, second = candidate(FULL, 1), candidate(FULL, 2)
    order = rank_category(FW, [second, first], 1, D(0))
    assert [s.application_id for s in order] == [first.application_id, second.application_id]
    assert [s.winner for s in order] == [True, False]


def test_an_incomplete_consensus_cannot_win_and_a_category_may_have_no_winner() -> None:
    partial = candidate({"1": D(4)})
    assert not rank_category(FW, [partial], 5, D(0))[0].winner
    assert not rank_category(FW, [candidate(FULL)], 5, D("100.01"))[0].winner


def test_withdrawing_an_award_closes_up_the_ranking_without_promoting_anyone() -> None:
    a, b, c = candidate(FULL), candidate({**FULL, "1": D(0)}), candidate({k: D(0) for k in FULL})
    results = CategoryResults("hospitals", 2, tuple(rank_category(FW, [a, b, c], 2, D(50))))
    after = without(results, a.application_id)
    assert [(s.rank, s.winner, s.withdrawn) for s in after.standings] == [
        (None, False, True),
        (1, True, False),
        (2, False, False),
    ]


def test_a_framework_checks_its_own_shape() -> None:
    assert not framework_problems(FW).items
    from dataclasses import replace

    broken = replace(FW, domains=(replace(FW.domains[0], weight=D(50)), FW.domains[1]))
    fields = [p.field for p in framework_problems(broken).items]
    assert fields == ["domains"]


def test_an_edition_sets_points_only_where_the_seed_gives_none() -> None:
    from domain.awards.framework_version import check_points_override, with_points

    doubled = with_points(FW, {"1": D(8), "2": D(8)})
    by_number = {c.number: c for c in doubled.criteria()}
    assert by_number["1"].max_points == D(8)
    assert [b.points for b in by_number["2"].bands] == [D(8), D(4), D(2)]
    # governance max is now 16: 8 + 8 of 16 → 40, safety unchanged
    assert weighted_total(doubled, {"1": D(8), "2": D(8)}) == D(40)
    with pytest.raises(InvalidInput) as refused:
        check_points_override(C["5"], D(6))  # itemised: the items fix the points
    assert refused.value.field == "criterion"
    with pytest.raises(InvalidInput):
        check_points_override(C["1"], D(0))
