"""Public enrolment through the page, with JavaScript off (plain form posts)."""

from __future__ import annotations

import re
import uuid

from tests.conftest import Api
from tests.pages.support import csrf_of
from tests.people import enrolment


def _form(api: Api, lang: str = "ar") -> tuple[str, str]:
    page = api.client.get("/ambassadors/enrol", headers={"Accept-Language": lang})
    assert page.status_code == 200
    key = re.search(r'name="key" value="([^"]+)"', page.text)
    assert key
    return csrf_of(page.text), key.group(1)


def _post(api: Api, fields: dict[str, object], lang: str = "ar"):  # type: ignore[no-untyped-def]
    return api.client.post(
        "/ambassadors/enrol",
        data={k: str(v) for k, v in fields.items()},
        headers={"Accept-Language": lang},
        follow_redirects=False,
    )


def test_the_form_offers_the_three_tracks_and_the_thirteen_regions(api: Api) -> None:
    page = api.client.get("/ambassadors/enrol")
    for track in ("general", "sectoral", "expert"):
        assert f'value="{track}"' in page.text
    assert "سفير الجودة المستشار" in page.text
    assert len(re.findall(r"<option value=\"[a-z]", page.text)) == 13 + 6  # regions, sectors


def test_an_empty_form_names_every_missing_field_beside_it_in_arabic(api: Api) -> None:
    csrf, key = _form(api)
    response = _post(api, {"_csrf_token": csrf, "key": key})
    assert response.status_code == 422
    html = response.text
    for name in ("track", "national_id", "name_ar", "mobile", "email", "region", "city"):
        assert f'<a href="#f-{name}">' in html, name
        assert f'id="e-{name}"' in html, name
    assert "اختر: عام أو قطاعي أو خبير." in html
    assert "هذا الحقل مطلوب." in html
    # The same form in English says it in English.
    english = _post(api, {"_csrf_token": csrf, "key": key}, lang="en")
    assert "Choose general, sectoral or expert." in english.text


def test_a_refused_form_keeps_what_was_typed_and_shows_it_escaped(api: Api) -> None:
    csrf, key = _form(api)
    fields = {
        **enrolment(1),
        "name_ar": "<script>alert(1)</script>",
        "mobile": "123",
        "track": "general",
    }
    response = _post(api, {**fields, "_csrf_token": csrf, "key": key})
    assert response.status_code == 422
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert 'value="person1@example.sa"' in response.text
    assert 'aria-invalid="true"' in response.text


def test_enrolling_twice_with_the_same_form_enrols_once(api: Api) -> None:
    csrf, key = _form(api)
    fields = {**enrolment(2), "track": "general", "_csrf_token": csrf, "key": key}
    first = _post(api, fields)
    assert first.status_code == 303, first.text
    location = first.headers["location"]
    assert re.fullmatch(r"/ambassadors/enrolled/[0-9a-f-]{36}", location)
    again = _post(api, fields)  # a double click, a reload of the POST, the back button
    assert again.status_code == 303
    assert again.headers["location"] == location
    confirmation = api.client.get(location, headers={"Accept-Language": "en"})
    assert "Enrolment received" in confirmation.text
    assert "Pending review" in confirmation.text
    assert enrolment(2)["national_id"] not in confirmation.text  # nothing personal
    membership = api.registry.ambassadors.get(uuid.UUID(location.rsplit("/", 1)[1]))
    assert membership.version == 1


def test_a_second_form_for_an_id_already_enrolled_says_so_beside_the_id(api: Api) -> None:
    csrf, key = _form(api)
    assert (
        _post(
            api, {**enrolment(3), "track": "general", "_csrf_token": csrf, "key": key}
        ).status_code
        == 303
    )
    csrf, key = _form(api)
    response = _post(api, {**enrolment(3), "track": "general", "_csrf_token": csrf, "key": key})
    assert response.status_code == 409
    assert 'id="e-national_id"' in response.text
    assert "توجد عضوية مسجلة برقم الهوية هذا" in response.text


def test_the_sectoral_track_asks_for_a_sector_and_an_employer(api: Api) -> None:
    csrf, key = _form(api, "en")
    response = _post(
        api, {**enrolment(4), "track": "sectoral", "_csrf_token": csrf, "key": key}, lang="en"
    )
    assert response.status_code == 422
    assert "This track needs the sector you work in." in response.text
    assert "The sectoral track needs your employer." in response.text
    ok = _post(
        api,
        {
            **enrolment(4),
            "track": "sectoral",
            "sector": "health",
            "employer": "King Fahad Hospital",
            "_csrf_token": csrf,
            "key": key,
        },
        lang="en",
    )
    assert ok.status_code == 303


def test_an_unknown_confirmation_is_a_404_page(api: Api) -> None:
    response = api.client.get(f"/ambassadors/enrolled/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_a_page_form_refuses_control_characters_and_enrols_no_one(api: Api) -> None:
    csrf, key = _form(api)
    poisoned = {**enrolment(5), "city": "Ri\x00yadh", "track": "general", "_csrf_token": csrf}
    refused = _post(api, {**poisoned, "key": key})
    assert refused.status_code == 400
    assert refused.headers["content-type"].startswith("text/html")
    assert "محارف التحكم" in refused.text  # the refusal, in the page's language
    # Nothing was written: the same person, typed cleanly, is a new enrolment.
    csrf, key = _form(api)
    clean = {**poisoned, "city": "Riyadh", "_csrf_token": csrf, "key": key}
    assert _post(api, clean).status_code == 303
