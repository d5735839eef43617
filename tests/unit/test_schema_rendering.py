"""The API's hand-written renderings agree with the generic event-field walk they replace."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from api.schemas.applications import assessment_out
from domain.awards.scoring import Assessment
from registry.history import jsonable

EVERY_FIELD = Assessment(
    points=Decimal("2.5"),
    numerator=Decimal(50),
    denominator=Decimal(100),
    count=0,
    expires_on=date(2099, 1, 1),
    items=("a", "b"),
)


def test_an_assessment_renders_every_field_it_records() -> None:
    # A field added to Assessment and not to assessment_out fails here.
    assert set(assessment_out(EVERY_FIELD)) == {f.name for f in dataclasses.fields(Assessment)}
    assert assessment_out(EVERY_FIELD) == jsonable(EVERY_FIELD)


def test_an_assessment_leaves_out_what_was_not_recorded() -> None:
    for assessment in (
        Assessment(points=Decimal(3)),
        Assessment(numerator=Decimal(1), denominator=Decimal(4)),
        Assessment(count=0),
        Assessment(expires_on=date(2030, 6, 30)),
        Assessment(items=("x",)),
        Assessment(),
    ):
        expected = {k: v for k, v in jsonable(assessment).items() if v not in (None, [])}
        assert assessment_out(assessment) == expected
