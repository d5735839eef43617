"""The award catalogue: seed 001's frameworks, programmes and 2025 editions load once."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from domain.awards.edition import EditionStatus, PhaseKind
from domain.awards.organisation import OrganisationType
from domain.regions import Region
from registry.bootstrap import Registry
from registry.catalogue.loader import load_catalogue
from registry.context import RequestContext

RIYADH = timezone(timedelta(hours=3))


def test_frameworks_programmes_and_editions_load_once(registry: Registry) -> None:
    first = load_catalogue(registry, RequestContext.system())
    head = registry.runner.head()
    second = load_catalogue(registry, RequestContext.system())
    # 4 frameworks, 3 programmes, 3 editions
    assert (first.awards_created, first.awards_unchanged) == (10, 0)
    assert (second.awards_created, second.awards_unchanged) == (0, 10)
    assert registry.runner.head() == head


def test_amyaz_2025_is_open_with_the_seed_timeline_and_conditions(registry: Registry) -> None:
    load_catalogue(registry, RequestContext.system())
    amyaz = registry.editions.find_edition("AMYAZ", 2025)
    assert amyaz is not None and amyaz.status == EditionStatus.OPEN
    hospitals, centres = amyaz.categories["hospitals"], amyaz.categories["health-centres"]
    assert (hospitals.winners, hospitals.min_beds, hospitals.framework_key) == (
        5,
        50,
        "amyaz-hospitals",
    )
    assert (centres.winners, centres.organisation_types) == (5, (OrganisationType.HEALTH_CENTRE,))
    months = {
        k: (p.opens_at.astimezone(RIYADH).month, p.closes_at.astimezone(RIYADH).month)
        for k, p in amyaz.phases.items()
    }
    assert months == {
        PhaseKind.ANNOUNCEMENT: (7, 8),
        PhaseKind.REGISTRATION: (8, 9),
        PhaseKind.SCREENING: (9, 10),
        PhaseKind.JUDGING: (10, 11),
        PhaseKind.CEREMONY: (11, 12),
    }
    # Submissions close at midnight Riyadh time between August and September
    assert amyaz.phases[PhaseKind.REGISTRATION].closes_at == datetime(2025, 9, 1, tzinfo=RIYADH)
    assert amyaz.eligibility.regions == (Region.EASTERN_PROVINCE,)
    assert amyaz.eligibility.min_years_of_operation == 3
    assert amyaz.minimum_score == Decimal(60)
    polyclinics = registry.frameworks.get("amyaz-polyclinics", 1)
    assert polyclinics.locked and len(polyclinics.framework.criteria()) == 45
    assert len(registry.frameworks.get("amyaz-hospitals", 1).framework.criteria()) == 36


def test_nawah_and_maan_wait_as_drafts_with_their_conditions(registry: Registry) -> None:
    load_catalogue(registry, RequestContext.system())
    nawah = registry.editions.find_edition("NAWAH", 2025)
    maan = registry.editions.find_edition("MAAN", 2025)
    assert nawah is not None and maan is not None
    assert nawah.status == maan.status == EditionStatus.DRAFT
    assert nawah.eligibility.requires_activated_organisation
    assert nawah.categories["associations"].organisation_types == (
        OrganisationType.HEALTH_ASSOCIATION,
    )
    assert maan.categories["hospitals"].min_beds == 100
    assert not registry.frameworks.get("nawah", 1).locked
