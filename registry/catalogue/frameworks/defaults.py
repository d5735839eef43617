"""The registry's default scoring, and one constructor per criterion kind that applies it.

The seed gives points for one criterion only (Amyaz polyclinics 11); everywhere else
these defaults stand until an edition configures its own. See the package docstring.
"""

from __future__ import annotations

from decimal import Decimal

from domain.awards.framework import Band, Criterion, CriterionKind, Direction, ScoreItem
from domain.text import Text

MAX_POINTS = Decimal(4)


def _bands(*pairs: tuple[int, int]) -> tuple[Band, ...]:
    return tuple(Band(Decimal(threshold), Decimal(points)) for threshold, points in pairs)


# Percentages, best band first.
PERCENT_HIGHER_IS_BETTER = _bands((90, 4), (75, 3), (50, 2), (25, 1))
PERCENT_LOWER_IS_BETTER = _bands((5, 4), (10, 3), (20, 2), (30, 1))
# Counts, best band first.
COUNT_LOWER_IS_BETTER = _bands((0, 4), (1, 3), (2, 2), (4, 1))
COUNT_HIGHER_IS_BETTER = _bands((4, 4), (3, 3), (2, 2), (1, 1))


def count_bands(direction: Direction, target: int | None = None) -> tuple[Band, ...]:
    """Default count bands; a target the seed states becomes the top band."""
    if direction is Direction.LOWER_IS_BETTER:
        return COUNT_LOWER_IS_BETTER
    if target is None:
        return COUNT_HIGHER_IS_BETTER
    below = tuple(b for b in COUNT_HIGHER_IS_BETTER[1:] if b.threshold < target)
    return (Band(Decimal(target), MAX_POINTS), *below)


def _judged(
    kind: CriterionKind,
    number: str,
    title: Text,
    guidance: Text,
    *,
    goal: Text | None,
    evidence_items: tuple[Text, ...],
    additional: bool,
    zero_without_evidence: bool,
    notes: tuple[Text, ...],
) -> Criterion:
    return Criterion(
        number,
        title,
        guidance,
        kind,
        MAX_POINTS,
        zero_without_evidence=zero_without_evidence,
        goal=goal,
        evidence_items=evidence_items,
        additional=additional,
        notes=notes,
    )


def evidence(
    number: str,
    title: Text,
    guidance: Text,
    *,
    goal: Text | None = None,
    evidence_items: tuple[Text, ...] = (),
    additional: bool = False,
    zero_without_evidence: bool = True,
    notes: tuple[Text, ...] = (),
) -> Criterion:
    """A judge awards 0..4 points on the evidence attached."""
    return _judged(
        CriterionKind.EVIDENCE,
        number,
        title,
        guidance,
        goal=goal,
        evidence_items=evidence_items,
        additional=additional,
        zero_without_evidence=zero_without_evidence,
        notes=notes,
    )


def certificate(
    number: str,
    title: Text,
    guidance: Text,
    *,
    goal: Text | None = None,
    evidence_items: tuple[Text, ...] = (),
    zero_without_evidence: bool = True,
    notes: tuple[Text, ...] = (),
) -> Criterion:
    """A valid certificate (with its expiry date) is what is scored, 0..4."""
    return _judged(
        CriterionKind.CERTIFICATE,
        number,
        title,
        guidance,
        goal=goal,
        evidence_items=evidence_items,
        additional=False,
        zero_without_evidence=zero_without_evidence,
        notes=notes,
    )


def itemised(
    number: str,
    title: Text,
    guidance: Text,
    items: tuple[ScoreItem, ...],
    *,
    zero_without_evidence: bool = True,
    notes: tuple[Text, ...] = (),
) -> Criterion:
    """Points as the seed gives them, item by item; the maximum is their sum."""
    return Criterion(
        number,
        title,
        guidance,
        CriterionKind.ITEMISED,
        sum((i.points for i in items), Decimal(0)),
        zero_without_evidence=zero_without_evidence,
        items=items,
        default_points=False,
        notes=notes,
    )


def kpi(
    number: str,
    title: Text,
    guidance: Text,
    *,
    numerator: Text,
    denominator: Text,
    direction: Direction = Direction.HIGHER_IS_BETTER,
    zero_without_evidence: bool = False,
    notes: tuple[Text, ...] = (),
) -> Criterion:
    """Numerator over denominator as a percentage, mapped to 0..4 by the default bands."""
    bands = (
        PERCENT_HIGHER_IS_BETTER
        if direction is Direction.HIGHER_IS_BETTER
        else PERCENT_LOWER_IS_BETTER
    )
    return Criterion(
        number,
        title,
        guidance,
        CriterionKind.KPI,
        MAX_POINTS,
        zero_without_evidence=zero_without_evidence,
        numerator=numerator,
        denominator=denominator,
        direction=direction,
        bands=bands,
        notes=notes,
    )


def count(
    number: str,
    title: Text,
    guidance: Text,
    *,
    direction: Direction,
    target: int | None = None,
    zero_without_evidence: bool = False,
    notes: tuple[Text, ...] = (),
) -> Criterion:
    """A count mapped to 0..4 by the default count bands (``target`` tops them)."""
    return Criterion(
        number,
        title,
        guidance,
        CriterionKind.COUNT,
        MAX_POINTS,
        zero_without_evidence=zero_without_evidence,
        direction=direction,
        bands=count_bands(direction, target),
        notes=notes,
    )
