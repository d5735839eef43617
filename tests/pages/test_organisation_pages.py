"""The office's organisation pages over HTTP: register (once per submit), accreditations with
expiry, linking an applicant who then sees the profile at /apply, stale versions, refusals
beside their field, and who may open them."""

from __future__ import annotations

import re
from typing import Any

from domain.roles import Role
from tests.api.award_world import World
from tests.conftest import Api
from tests.pages.test_award_pages import Person, person, post, version_of

ORGANISATION = {
    "licence_number": "LIC-DAMMAM-1",
    "name_ar": "مستشفى الدمام",
    "name_en": "Dammam Hospital",
    "type": "hospital",
    "region": "eastern_province",
    "beds": "60",
    "licence_expires_on": "2027-12-31",
    "operating_since": "2015-03-01",
}


def register(officer: Person, key: str = "org-1", **changes: str) -> Any:
    index = officer.get("/desk/organisations")
    assert index.status_code == 200, index.text
    return post(officer, "/desk/organisations/", index.text, key=key, **{**ORGANISATION, **changes})


def test_an_officer_registers_an_organisation_accredits_it_and_links_an_applicant(
    api: Api, clock: Any
) -> None:
    world = World(api, clock)
    officer = person(api, world, "office", Role.OFFICER)
    assert 'href="/desk/organisations"' in officer.get("/desk").text  # in the staff navigation
    created = register(officer)
    assert created.status_code == 303, created.text
    url = created.headers["location"]
    again = register(officer)  # a double submit, a reload: the same organisation, once
    assert again.headers["location"] == url
    api.catch_up()
    assert "Dammam Hospital" in officer.get("/desk/organisations").text
    assert officer.get("/desk/organisations").text.count(f'href="{url}"') == 1

    page = officer.get(url).text
    assert "LIC-DAMMAM-1" in page and "None recorded" in page
    added = post(
        officer,
        f"{url}/accreditations",
        page,
        version=version_of(page),
        key="acc-1",
        name="CBAHI",
        issuer="Saudi Central Board for Accreditation",
        expires_on="2027-06-30",
    )
    assert added.status_code == 303, added.text
    page = officer.get(url).text
    assert "CBAHI" in page and "Saudi Central Board for Accreditation" in page
    assert re.search(r"2027", page)

    world.person("dammam-applicant", Role.APPLICANT)
    applicant = person(api, world, "dammam-applicant", Role.APPLICANT)
    assert "not linked to an organisation yet" in applicant.get("/apply").text
    linked = post(officer, f"{url}/members", page, username="dammam-applicant")
    assert linked.status_code == 303, linked.text
    home = applicant.get("/apply").text
    assert "Dammam Hospital" in home and "LIC-DAMMAM-1" in home and "CBAHI" in home

    # Removing an accreditation needs its reason, given beside the field.
    page = officer.get(url).text
    remove = re.search(r'action="([^"]+/remove)"', page)
    assert remove
    refused = post(officer, remove.group(1), page, version=version_of(page), reason="")
    assert refused.status_code == 422
    assert 'id="e-reason"' in refused.text and "CBAHI" in refused.text
    removed = post(officer, remove.group(1), page, version=version_of(page), reason="In error")
    assert removed.status_code == 303, removed.text
    assert "None recorded" in officer.get(url).text


def test_a_stale_page_is_told_and_shown_the_fresh_state(api: Api, clock: Any) -> None:
    world = World(api, clock)
    officer = person(api, world, "office", Role.OFFICER)
    url = register(officer).headers["location"]
    stale = officer.get(url).text
    first = post(
        officer,
        f"{url}/accreditations",
        stale,
        version=version_of(stale),
        key="a",
        name="CAP laboratory accreditation",
        issuer="College of American Pathologists",
        expires_on="2028-01-31",
    )
    assert first.status_code == 303
    second = post(
        officer,
        f"{url}/accreditations",
        stale,
        version=version_of(stale),
        key="b",
        name="Magnet recognition",
        issuer="ANCC",
        expires_on="2028-01-31",
    )
    assert second.status_code == 409
    assert "Someone else changed this organisation" in second.text
    assert (
        "CAP laboratory accreditation" in second.text
    )  # the fresh state, not what the stale page showed
    assert "Magnet recognition" not in officer.get(url).text  # nothing overwritten or added


def test_refusals_are_shown_beside_their_field_and_nothing_is_written(api: Api, clock: Any) -> None:
    world = World(api, clock)
    officer = person(api, world, "office", Role.OFFICER, lang="ar")
    refused = register(
        officer, beds="many", licence_number="x", operating_since="", name_en="", region="mars"
    )
    assert refused.status_code == 422
    for field in ("beds", "licence_number", "operating_since", "region", "name"):
        assert f'id="e-{field}"' in refused.text, field
    assert "أدخل عدداً صحيحاً" in refused.text  # in the page's language
    assert 'value="مستشفى الدمام"' in refused.text  # what was typed is kept
    api.catch_up()
    assert 'href="/desk/organisations/' not in officer.get("/desk/organisations").text

    url = register(officer).headers["location"]
    clash = register(officer, key="another-form")
    assert clash.status_code == 422 and 'id="e-licence_number"' in clash.text
    page = officer.get(url).text
    missing = post(
        officer, f"{url}/accreditations", page, version=version_of(page), key="k", name="CBAHI"
    )
    assert missing.status_code == 422
    assert 'id="e-issuer"' in missing.text or 'id="e-expires_on"' in missing.text
    stranger = post(officer, f"{url}/members", page, username="nobody-here")
    assert stranger.status_code == 422 and 'id="e-username"' in stranger.text
    world.person("a-judge", Role.JUDGE)
    judge_account = post(officer, f"{url}/members", page, username="a-judge")
    assert judge_account.status_code == 422 and 'id="e-username"' in judge_account.text


def test_names_are_escaped(api: Api, clock: Any) -> None:
    world = World(api, clock)
    officer = person(api, world, "office", Role.OFFICER)
    script = "<script>alert(1)</script>"
    url = register(officer, name_en=script, name_ar=script).headers["location"]
    page = officer.get(url).text
    added = post(
        officer,
        f"{url}/accreditations",
        page,
        version=version_of(page),
        key="k",
        name=script,
        issuer=script,
        expires_on="2027-01-01",
    )
    assert added.status_code == 303
    api.catch_up()
    for shown in (officer.get(url).text, officer.get("/desk/organisations").text):
        assert script not in shown and "&lt;script&gt;" in shown


def test_judges_and_applicants_may_not_open_them(api: Api, clock: Any) -> None:
    world = World(api, clock)
    officer = person(api, world, "office", Role.OFFICER)
    url = register(officer).headers["location"]
    for name, role in (("judge-x", Role.JUDGE), ("applicant-x", Role.APPLICANT)):
        someone = person(api, world, name, role)
        assert someone.get("/desk/organisations").status_code == 403
        assert someone.get(url).status_code == 403
        page = someone.get("/apply" if role == Role.APPLICANT else "/judging").text
        sent = post(someone, "/desk/organisations/", page, key="z", **ORGANISATION)
        assert sent.status_code == 403
        assert 'href="/desk/organisations"' not in page
