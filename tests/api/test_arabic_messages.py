"""Arabic messages carry Arabic values: a status, a region or a type a user reads in an
Arabic message is named in Arabic, and an erased person's name reads «محذوف».

Through HTTP, on SQLite and PostgreSQL, where the messages reach users.
"""

from __future__ import annotations

import re

from domain.awards.organisation import TYPE_NAMES_AR, OrganisationType
from domain.initiatives.values import INITIATIVE_STATUS_AR, InitiativeStatus
from domain.licences.licence import STATUS_AR, LicenceStatus
from domain.roles import Role
from registry.clock import ManualClock
from tests.api.award_world import World, at
from tests.api.test_ambassadors_api import BASE as AMBASSADORS
from tests.api.test_ambassadors_api import act as act_on_membership
from tests.api.test_initiatives_api import BASE as INITIATIVES
from tests.api.test_initiatives_api import create as create_initiative
from tests.api.test_licences_api import BASE as LICENCES
from tests.api.test_licences_api import act as act_on_licence
from tests.api.test_licences_api import apply, issued, seed
from tests.conftest import Api
from tests.people import enrolment

# A run of Latin letters with an underscore or of lower-case letters: an enum value.
_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)*\b")


def test_refusing_a_licence_change_names_its_status_in_arabic(api: Api) -> None:
    seed(api)
    licence = apply(api, 51)
    body, _ = act_on_licence(api, f"{LICENCES}/{licence['id']}/suspend", 1, expect=409)
    assert STATUS_AR[LicenceStatus.APPLIED] in body["detail_ar"]
    assert not _CODE.search(body["detail_ar"]), body["detail_ar"]
    assert "applied" in body["detail"]


def test_refusing_an_initiative_status_names_both_statuses_in_arabic(api: Api) -> None:
    initiative = create_initiative(api).json()
    url = f"{INITIATIVES}/{initiative['id']}/status"
    paused = {"status": "on_hold", "reason": "Budget review"}
    officer = api.as_(Role.OFFICER, **{"If-Match": '"1"'})
    assert api.client.post(url, json=paused, headers=officer).status_code == 200
    again = api.client.post(
        url,
        json={"status": "completed", "reason": "Close it"},
        headers=api.as_(Role.OFFICER, **{"If-Match": '"2"'}),
    )
    assert again.status_code == 409, again.text
    detail_ar = again.json()["detail_ar"]
    assert INITIATIVE_STATUS_AR[InitiativeStatus.ON_HOLD] in detail_ar
    assert INITIATIVE_STATUS_AR[InitiativeStatus.COMPLETED] in detail_ar
    assert not _CODE.search(detail_ar), detail_ar


def test_an_unknown_region_is_answered_with_the_regions_arabic_names(api: Api) -> None:
    refused = api.client.post(AMBASSADORS, json=enrolment(52, region="Gotham"))
    assert refused.status_code == 422
    [region] = [e for e in refused.json()["errors"] if e["field"] == "region"]
    assert "الرياض (riyadh)" in region["message_ar"]
    assert "المنطقة الشرقية (eastern_province)" in region["message_ar"]


def test_an_erased_persons_name_reads_mahdhouf_in_arabic(api: Api) -> None:
    mid = api.client.post(AMBASSADORS, json=enrolment(53)).json()["id"]
    _, version = act_on_membership(api, f"{AMBASSADORS}/{mid}/approve", 1)
    act_on_membership(api, f"{AMBASSADORS}/{mid}/erase", version, {"reason": "PDPL request"})
    api.catch_up()
    listing = api.client.get(AMBASSADORS, headers=api.as_(Role.OFFICER)).json()
    [row] = [r for r in listing["items"] if r["id"] == mid]
    assert (row["name_ar"], row["name_en"]) == ("محذوف", "erased")
    seed(api)
    holder, version = issued(api, 54)
    act_on_licence(api, f"{LICENCES}/{holder['id']}/erase", version, {"reason": "PDPL request"})
    api.catch_up()
    public = api.client.get(f"/api/v1/verify/licences/{holder['number']}").json()
    assert public["holder_name_ar"] == "محذوف"


def test_a_category_for_other_organisations_names_the_types_in_arabic(
    api: Api, clock: ManualClock
) -> None:
    world = World(api, clock)
    world.edition()
    world.organisation("gamma", kind="company")
    clock.set(at(2))
    refused = world.call(
        "POST",
        "/api/v1/applications",
        world.headers["gamma"],
        422,
        json={"edition_id": world.ids["edition"], "category": "hospitals"},
    ).json()
    assert TYPE_NAMES_AR[OrganisationType.HOSPITAL] in refused["detail_ar"]
    assert TYPE_NAMES_AR[OrganisationType.COMPANY] in refused["detail_ar"]
    assert not _CODE.search(refused["detail_ar"]), refused["detail_ar"]
