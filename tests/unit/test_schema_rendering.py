"""Hand-written encodings (API renderings, sealed personal data) agree with the generic ones
they replace."""

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


def test_personal_data_seals_the_same_bytes_as_its_fields_in_order() -> None:
    import json

    from domain.personal import PersonalData

    data = PersonalData("1000000008", "سارة", None, "0551234567", "s@example.sa")
    # A field added to PersonalData and not to to_bytes fails here.
    assert json.loads(data.to_bytes()) == dataclasses.asdict(data)
    assert list(json.loads(data.to_bytes())) == [f.name for f in dataclasses.fields(data)]
    assert PersonalData.from_bytes(data.to_bytes()) == data
