"""The catalogue carries the SASO page's facts, and loading it twice changes nothing."""

from __future__ import annotations

from domain.initiatives.initiative import Initiative
from domain.initiatives.values import EvaluationStatus, PilotPhase
from registry.bootstrap import Registry
from registry.catalogue.loader import load_catalogue
from registry.context import RequestContext


def by_code(registry: Registry, code: str) -> Initiative:
    initiative = registry.initiatives.find_by_code(code)
    assert initiative is not None, code
    return initiative


def pilot(initiative: Initiative, organisation_en: str):  # type: ignore[no-untyped-def]
    return next(p for p in initiative.pilots.values() if p.organisation.en == organisation_en)


def test_the_nine_initiatives_load_once(registry: Registry) -> None:
    first = load_catalogue(registry, RequestContext.system())
    head = registry.runner.head()
    second = load_catalogue(registry, RequestContext.system())
    assert (first.created, first.unchanged) == (9, 0)
    assert (second.created, second.unchanged) == (0, 9)
    assert (first.licence_types_created, second.licence_types_unchanged) == (2, 2)
    assert registry.runner.head() == head  # the second run wrote no event


def test_pilots_and_their_evaluations_match_the_seed(registry: Registry) -> None:
    load_catalogue(registry, RequestContext.system())
    departments = by_code(registry, "QUALITY-DEPARTMENTS")
    organisations = sorted(p.organisation.en for p in departments.pilots.values())
    assert organisations == [
        "General Directorate of Police in Asir Region",
        "General Directorate of Prisons, Jazan Region Branch",
    ]

    obeikan = pilot(by_code(registry, "PRODUCT-EXCELLENCE"), "Obeikan Industrial Group")
    assert obeikan.internal.status == EvaluationStatus.COMPLETED
    assert (
        obeikan.external.planned_on is not None and obeikan.external.planned_on.value == "2021-03"
    )
    assert obeikan.phase == PilotPhase.EXTERNAL_EVALUATION

    service = by_code(registry, "SERVICE-EXCELLENCE")
    moh = pilot(service, "Ministry of Health (Service 937)")
    mark = pilot(service, "General Administration of Certification - Quality Mark")
    assert moh.external.planned_on.value == "2021-04"  # type: ignore[union-attr]
    assert mark.external.planned_on.value == "2021-06"  # type: ignore[union-attr]


def test_ambassador_kinds_and_licence_stages_are_loaded(registry: Registry) -> None:
    load_catalogue(registry, RequestContext.system())
    ambassadors = by_code(registry, "QUALITY-AMBASSADORS")
    assert list(ambassadors.components) == ["general", "sectoral", "expert"]
    assert "First Quality Ambassador" in ambassadors.components["sectoral"].title.en
    assert "quality ambassador consultant" in ambassadors.components["expert"].title.en
    licences = by_code(registry, "PROFESSIONAL-LICENCES")
    assert list(licences.components) == ["technical", "administrative"]
    books = by_code(registry, "KNOWLEDGE-TRANSFER").deliverables.values()
    assert [d.kind.value for d in books] == ["translated_book"]
