"""Licence application and verification pages (no sign-in), JavaScript off."""

from __future__ import annotations

import re

from registry.catalogue.loader import load_catalogue
from registry.context import RequestContext
from tests.api.test_licences_api import ADMINISTRATIVE, TECHNICAL, issued
from tests.conftest import Api
from tests.pages.support import csrf_of
from tests.people import national_id

EN = {"Accept-Language": "en"}


def _seed(api: Api) -> None:
    load_catalogue(api.registry, RequestContext.system())
    api.catch_up()  # the licence types are listed from the read model


def _form(api: Api) -> dict[str, str]:
    page = api.client.get("/licences/apply", headers=EN)
    assert page.status_code == 200
    key = re.search(r'name="key" value="([^"]+)"', page.text)
    assert key
    return {"_csrf_token": csrf_of(page.text), "key": key.group(1)}


def _fields(seq: int, type_code: str = TECHNICAL) -> dict[str, str]:
    return {
        "type_code": type_code,
        "national_id": national_id(seq),
        "name_ar": "خالد العتيبي",
        "mobile": "0551234567",
        "email": f"khalid{seq}@example.sa",
        "qualifications": "BSc Quality Management\nISO 9001 Lead Auditor",
        "experience_years": "6",
        "evidence": "Audit reports 2023-2025",
    }


def test_a_technical_licence_application_through_the_page(api: Api) -> None:
    _seed(api)
    page = api.client.get("/licences/apply", headers=EN)
    assert TECHNICAL in page.text and ADMINISTRATIVE in page.text
    form = _form(api)
    first = api.client.post("/licences/apply", data={**_fields(1), **form}, follow_redirects=False)
    assert first.status_code == 303, first.text
    again = api.client.post("/licences/apply", data={**_fields(1), **form}, follow_redirects=False)
    assert again.headers["location"] == first.headers["location"]  # applied once
    receipt = api.client.get(first.headers["location"], headers=EN)
    assert "Application received" in receipt.text


def test_refused_fields_are_named_beside_them(api: Api) -> None:
    _seed(api)
    form = _form(api)
    bad = {**_fields(2), "experience_years": "many", "qualifications": "", "email": "nope"}
    response = api.client.post("/licences/apply", data={**bad, **form}, headers=EN)
    assert response.status_code == 422
    assert 'id="e-email"' in response.text
    fixed = {**_fields(2), "experience_years": "many", "qualifications": ""}
    response = api.client.post("/licences/apply", data={**fixed, **form}, headers=EN)
    assert response.status_code == 422
    assert "Years of experience are between 0 and 60." in response.text
    assert 'id="e-qualifications"' in response.text


def test_an_administrative_licence_needs_a_valid_technical_one(api: Api) -> None:
    _seed(api)
    form = _form(api)
    response = api.client.post(
        "/licences/apply", data={**_fields(3, ADMINISTRATIVE), **form}, headers=EN
    )
    assert response.status_code == 409
    assert "An administrative licence requires a valid technical licence." in response.text


def test_a_licence_number_verifies_on_its_page(api: Api) -> None:
    _seed(api)
    body, _ = issued(api, 4)
    api.catch_up()
    number = body["number"]
    via_form = api.client.get(f"/verify/licences?number={number}", follow_redirects=False)
    assert via_form.headers["location"] == f"/verify/licences/{number}"
    check = api.client.get(f"/verify/licences/{number}", headers=EN)
    assert check.status_code == 200
    assert "This licence is valid" in check.text
    assert national_id(4) not in check.text
    missing = api.client.get("/verify/licences/T-2026-NOSUCH00", headers=EN)
    assert missing.status_code == 404
    assert "No licence has this number." in missing.text
