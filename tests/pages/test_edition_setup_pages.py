"""Edition setup beyond categories and dates: the eligibility rules, the minimum score and the
points the seed leaves open, each saved with the version the page showed (draft only)."""

from __future__ import annotations

import re
from typing import Any

from domain.roles import Role
from tests.api.award_world import World
from tests.conftest import Api
from tests.pages.test_award_pages import person, post, version_of


def draft_with_a_category(api: Api, clock: Any) -> tuple[Any, str]:
    world = World(api, clock)
    world.edition()  # the programme and the framework to choose
    api.catch_up()
    officer = person(api, world, "office", Role.OFFICER)
    index = officer.get("/desk/editions").text
    url = post(
        officer,
        "/desk/editions/",
        index,
        programme_code="AMYAZ",
        year="2028",
        title_ar="أميز 2028",
        title_en="Amyaz 2028",
        minimum_score="60",
        key="e-2028",
    ).headers["location"]
    page = officer.get(url).text
    saved = post(
        officer,
        f"{url}/categories",
        page,
        version=version_of(page),
        key="hospitals",
        title_ar="المستشفيات",
        title_en="Hospitals",
        framework="test-framework:1",
        types="hospital",
        winners="3",
        min_beds="50",
    )
    assert saved.status_code == 303, saved.text
    return officer, url


def test_the_office_sets_the_rules_and_the_minimum_score(api: Api, clock: Any) -> None:
    officer, url = draft_with_a_category(api, clock)
    page = officer.get(url).text
    assert 'id="f-regions-eastern_province" name="regions" value="eastern_province" checked' in page
    saved = post(
        officer,
        f"{url}/rules",
        page,
        version=version_of(page),
        minimum_score="70",
        regions=["eastern_province", "riyadh"],
        min_years_of_operation="5",
        requires_valid_licence="yes",
    )
    assert saved.status_code == 303, saved.text
    page = officer.get(url).text
    assert "Minimum score to win: 70 of 100." in page
    assert 'value="riyadh" checked' in page and 'value="5"' in page
    assert (
        'id="f-requires_current_accreditation" name="requires_current_accreditation" value="yes">'
        in page
    )
    refused = post(officer, f"{url}/rules", page, version=version_of(page), minimum_score="150")
    assert refused.status_code == 422
    assert "Minimum score to win: 70 of 100." in refused.text  # nothing written
    bad_region = post(
        officer, f"{url}/rules", page, version=version_of(page), minimum_score="70", regions="mars"
    )
    assert bad_region.status_code == 422 and "Choose from the list." in bad_region.text


def test_the_office_sets_the_points_the_seed_leaves_open(api: Api, clock: Any) -> None:
    officer, url = draft_with_a_category(api, clock)
    page = officer.get(url).text
    assert 'id="points-hospitals"' in page
    listed = set(re.findall(r'name="criterion" value="([^"]+)"', page))
    assert listed == {"1", "2", "3", "4", "6"}  # not 5: its items fix its points
    saved = post(
        officer,
        f"{url}/categories/hospitals/points",
        page,
        version=version_of(page),
        criterion="1",
        max_points="6",
    )
    assert saved.status_code == 303, saved.text
    page = officer.get(url).text
    assert (
        'id="f-points-hospitals-1" name="max_points" inputmode="decimal" dir="ltr" value="6"'
        in page
    )
    fixed = post(
        officer,
        f"{url}/categories/hospitals/points",
        page,
        version=version_of(page),
        criterion="5",
        max_points="6",
    )
    assert fixed.status_code == 422 and "cannot be changed" in fixed.text
    too_many = post(
        officer,
        f"{url}/categories/hospitals/points",
        page,
        version=version_of(page),
        criterion="2",
        max_points="101",
    )
    assert too_many.status_code == 422 and "at most 100" in too_many.text


def test_a_second_officer_on_a_stale_setup_page_is_told_and_nothing_is_overwritten(
    api: Api, clock: Any
) -> None:
    officer, url = draft_with_a_category(api, clock)
    opened = officer.get(url).text  # two tabs open the same draft
    first = post(officer, f"{url}/rules", opened, version=version_of(opened), minimum_score="65")
    assert first.status_code == 303, first.text
    stale = post(officer, f"{url}/rules", opened, version=version_of(opened), minimum_score="80")
    assert stale.status_code == 409
    assert "Minimum score to win: 65 of 100." in stale.text  # the fresh state, not the stale one
    assert "Minimum score to win: 65 of 100." in officer.get(url).text
