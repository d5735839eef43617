"""The scoring rules of the award frameworks, in one place.

Every score the registry records — a judge's, or the chair's consensus — goes
through :func:`score_criterion`; every total through :func:`breakdown`. The
leaderboard, the publication and the reports all call these, never their own
arithmetic.

Rules, by criterion kind:

- evidence: the judge awards 0..max points.
- KPI: numerator and denominator give a percentage (numerator / denominator × 100),
  and the criterion's bands map it to points (see :class:`~domain.awards.framework.Band`).
- count: the count itself is mapped to points by the bands (usually lower is better).
- certificate: full points when the certificate is still valid on the scoring date.
- itemised: the sum of the items the judge awards ("proof = 2, example project = 2").

The seed's rule "if there is no clear evidence of the criterion, the entire
criterion = zero" holds for every criterion marked ``zero_without_evidence``:
a judge may not award points by hand without attached evidence (refused), and a
computed score without evidence is zero.

Weighted total = Σ over domains of weight × (domain points / domain maximum).
Additional criteria (Nawah's "معيار إضافي") add points but not maximum; a
domain never counts for more than its weight.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from domain.awards.framework import Band, Criterion, CriterionKind, Direction, Framework
from domain.errors import InvalidInput, Problems
from domain.messages import N_
from domain.text import Text

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


class EvidenceRequired(InvalidInput):
    """A non-zero score for a criterion whose evidence is missing."""

    code = "evidence-required"
    title = N_("No evidence is attached: this criterion scores zero")


@dataclass(frozen=True)
class Assessment:
    """What a scorer records for one criterion; the criterion's rule turns it into points.

    Only the field of the criterion's kind is used: ``points`` (evidence),
    ``numerator``/``denominator`` (KPI), ``count`` (count), ``expires_on``
    (certificate) or ``items`` (itemised).
    """

    points: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    count: int | None = None
    expires_on: date | None = None
    items: tuple[str, ...] = ()

    def lacks_figures_for(self, criterion: Criterion) -> bool:
        """True when the scorer left out a figure the criterion's rule needs (a KPI's
        numerator or denominator, a count, a certificate's expiry); evidence and itemised
        criteria take no figures."""
        if criterion.kind == CriterionKind.KPI:
            return self.numerator is None or self.denominator is None
        if criterion.kind == CriterionKind.COUNT:
            return self.count is None
        if criterion.kind == CriterionKind.CERTIFICATE:
            return self.expires_on is None
        return False

    def completed_from(self, given: Assessment | None) -> Assessment:
        """Figures the scorer left out, taken from the applicant's own answer (``given``):
        judges verify the applicant's figures rather than retype them."""
        if given is None:
            return self
        return replace(
            self,
            numerator=self.numerator if self.numerator is not None else given.numerator,
            denominator=self.denominator if self.denominator is not None else given.denominator,
            count=self.count if self.count is not None else given.count,
            expires_on=self.expires_on if self.expires_on is not None else given.expires_on,
        )


@dataclass(frozen=True)
class CriterionScore:
    """The points a criterion earned, with the measured value that led to them."""

    points: Decimal
    value: Decimal | None = None  # the KPI percentage or the count
    zeroed_for_missing_evidence: bool = False


@dataclass(frozen=True)
class DomainScore:
    key: str
    title: Text
    weight: Decimal
    points: Decimal
    max_points: Decimal
    weighted: Decimal  # weight × min(1, points / max_points), exact (not rounded)


def kpi_percent(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator / denominator × 100; a zero denominator has no percentage."""
    if denominator <= 0:
        raise InvalidInput(
            N_("The denominator must be greater than zero."),
            field="denominator",
        )
    return numerator * HUNDRED / denominator


def band_points(value: Decimal, bands: tuple[Band, ...], direction: Direction) -> Decimal:
    """The points of the best band the value reaches; none reached scores zero."""
    if direction == Direction.HIGHER_IS_BETTER:
        reached = [b.points for b in bands if value >= b.threshold]
    else:
        reached = [b.points for b in bands if value <= b.threshold]
    return max(reached, default=ZERO)


def score_criterion(
    criterion: Criterion, assessment: Assessment, *, has_evidence: bool, on: date
) -> CriterionScore:
    """Applies the criterion's rule to an assessment made on ``on``.

    Refuses malformed assessments (naming the field) and, for criteria scored
    by hand, non-zero points without evidence.
    """
    kind = criterion.kind
    value: Decimal | None = None
    if kind == CriterionKind.EVIDENCE:
        points = _hand_points(criterion, assessment.points)
    elif kind == CriterionKind.ITEMISED:
        points = _item_points(criterion, assessment.items)
    elif kind == CriterionKind.KPI:
        numerator, denominator = _kpi_figures(assessment)
        value = kpi_percent(numerator, denominator)
        points = band_points(value, criterion.bands, criterion.direction)
    elif kind == CriterionKind.COUNT:
        if assessment.count is None or assessment.count < 0:
            raise InvalidInput(N_("Enter the count (zero or more)."), field="count")
        value = Decimal(assessment.count)
        points = band_points(value, criterion.bands, criterion.direction)
    else:  # certificate
        if assessment.expires_on is None:
            raise InvalidInput(
                N_("Enter the certificate's expiry date."),
                field="expires_on",
            )
        points = criterion.max_points if assessment.expires_on >= on else ZERO
    points = min(points, criterion.max_points)
    if points > 0 and criterion.zero_without_evidence and not has_evidence:
        if kind in (CriterionKind.EVIDENCE, CriterionKind.ITEMISED):
            field = "points" if kind == CriterionKind.EVIDENCE else "items"
            raise EvidenceRequired(
                N_(
                    "Criterion {number} has no evidence attached, so it scores zero: no "
                    "clear evidence, the entire criterion = zero."
                ),
                field=field,
                number=criterion.number,
            )
        return CriterionScore(ZERO, value, zeroed_for_missing_evidence=True)
    return CriterionScore(points, value)


def _hand_points(criterion: Criterion, points: Decimal | None) -> Decimal:
    if points is None:
        raise InvalidInput(N_("Enter the points."), field="points")
    if not points.is_finite() or points < 0 or points > criterion.max_points:
        raise InvalidInput(
            N_("Points are between 0 and {max_points}."),
            field="points",
            max_points=criterion.max_points,
        )
    if points != points.quantize(CENT):
        raise InvalidInput(N_("Points have at most two decimals."), field="points")
    return points


def _item_points(criterion: Criterion, items: tuple[str, ...]) -> Decimal:
    known = {item.key: item.points for item in criterion.items}
    problems = Problems()
    if len(set(items)) != len(items):
        problems.add("items", N_("An item is listed twice."))
    for key in items:
        if key not in known:
            problems.add(
                "items",
                N_("'{key}' is not an item of criterion {number}."),
                key=key,
                number=criterion.number,
            )
    problems.raise_if_any()
    return sum((known[key] for key in set(items)), ZERO)


def _kpi_figures(assessment: Assessment) -> tuple[Decimal, Decimal]:
    problems = Problems()
    numerator, denominator = assessment.numerator, assessment.denominator
    if numerator is None or not numerator.is_finite() or numerator < 0:
        problems.add("numerator", N_("Enter the numerator (zero or more)."))
    if denominator is None or not denominator.is_finite() or denominator <= 0:
        problems.add(
            "denominator",
            N_("Enter the denominator (greater than zero)."),
        )
    if (
        not problems.items
        and numerator is not None
        and denominator is not None
        and numerator > denominator
    ):
        problems.add(
            "numerator",
            N_("The numerator cannot exceed the denominator: the KPI is a percentage."),
        )
    problems.raise_if_any()
    assert numerator is not None
    assert denominator is not None
    return numerator, denominator


def breakdown(framework: Framework, points: Mapping[str, Decimal]) -> list[DomainScore]:
    """Per domain: points earned (criteria without a score count zero), maximum, weighted share."""
    scores = []
    for domain in framework.domains:
        earned = sum((points.get(c.number, ZERO) for c in domain.criteria), ZERO)
        maximum = domain.max_points
        share = min(Decimal(1), earned / maximum) if maximum > 0 else ZERO
        scores.append(
            DomainScore(
                domain.key, domain.title, domain.weight, earned, maximum, domain.weight * share
            )
        )
    return scores


def weighted_total(framework: Framework, points: Mapping[str, Decimal]) -> Decimal:
    """Σ weight × (domain points / domain maximum), rounded half-up to two decimals (0..100)."""
    return round_score(sum((d.weighted for d in breakdown(framework, points)), ZERO))


def round_score(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def required_criteria(framework: Framework) -> list[Criterion]:
    """The criteria every scorecard and consensus must cover (additional ones are optional)."""
    return [c for c in framework.criteria() if not c.additional]
