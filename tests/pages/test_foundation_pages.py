"""The pages' foundation over HTTP: languages, sign-in and its cookie, CSRF, error pages."""

from __future__ import annotations

import re
from datetime import timedelta

from domain.roles import Role
from registry.clock import ManualClock
from tests.conftest import Api
from tests.pages.support import csrf_of, sign_in


def test_public_pages_are_arabic_unless_the_browser_or_the_visitor_says_otherwise(
    api: Api,
) -> None:
    home = api.client.get("/")
    assert home.status_code == 200
    assert '<html lang="ar" dir="rtl">' in home.text
    assert home.headers["content-language"] == "ar"
    english = api.client.get("/", headers={"Accept-Language": "fr;q=1, en-US;q=0.8, ar;q=0.5"})
    assert '<html lang="en" dir="ltr">' in english.text
    toggled = api.client.get("/language/en?next=/sign-in", follow_redirects=False)
    assert toggled.status_code == 303
    assert toggled.headers["location"] == "/sign-in"
    assert "nqs_lang=en" in toggled.headers["set-cookie"]
    assert '<html lang="en"' in api.client.get("/").text  # remembered, whatever the browser says
    assert '<html lang="en"' in api.client.get("/", headers={"Accept-Language": "ar"}).text


def test_the_language_toggle_never_sends_a_visitor_to_another_site(api: Api) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = api.client.get(f"/language/ar?next={target}", follow_redirects=False)
        assert response.headers["location"] == "/"


def test_pages_send_a_policy_that_loads_nothing_from_elsewhere(api: Api) -> None:
    policy = api.client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


def test_an_unknown_page_is_an_html_404_and_an_unknown_api_path_stays_json(api: Api) -> None:
    page = api.client.get("/no-such-page", headers={"Accept-Language": "en"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Page not found" in page.text
    arabic = api.client.get("/no-such-page")
    assert "الصفحة غير موجودة" in arabic.text
    problem = api.client.get("/api/v1/no-such-thing")
    assert problem.status_code == 404
    assert problem.headers["content-type"] == "application/problem+json"


def test_a_staff_page_sends_a_stranger_to_sign_in_and_back(api: Api) -> None:
    response = api.client.get("/desk", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=/desk"


def test_sign_in_sets_an_httponly_lax_session_cookie_and_sign_out_ends_it(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    desk = api.client.get("/desk")
    assert desk.status_code == 200
    assert "officer-pages" in desk.text
    form = api.client.get("/sign-in")
    out = api.client.post(
        "/sign-out", data={"_csrf_token": csrf_of(desk.text)}, follow_redirects=False
    )
    assert out.status_code == 303
    assert form.status_code == 200
    assert api.client.get("/desk", follow_redirects=False).status_code == 303


def test_the_session_cookie_flags(api: Api) -> None:
    form = api.client.get("/sign-in")
    from tests.conftest import TEST_PASSWORD, add_user

    add_user(api.registry, "flags-officer", Role.OFFICER)
    response = api.client.post(
        "/sign-in",
        data={
            "username": "flags-officer",
            "password": TEST_PASSWORD,
            "_csrf_token": csrf_of(form.text),
        },
        follow_redirects=False,
    )
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith("nqs_session=")
    )
    flags = {part.strip().lower() for part in cookie.split(";")}
    assert "httponly" in flags
    assert "samesite=lax" in flags
    assert "secure" not in flags  # plain HTTP here; NQS_PUBLIC_BASE_URL=https://… turns it on
    assert "officer" not in cookie and "flags" not in cookie  # encrypted: names nothing


def test_a_form_without_its_csrf_token_is_refused_and_nothing_happens(api: Api) -> None:
    from tests.conftest import TEST_PASSWORD, add_user

    add_user(api.registry, "csrf-officer", Role.OFFICER)
    api.client.get("/sign-in")  # the CSRF cookie is set, but the form field is left out
    response = api.client.post(
        "/sign-in",
        data={"username": "csrf-officer", "password": TEST_PASSWORD},
        headers={"Accept-Language": "en"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "The form has expired" in response.text
    assert "nqs_session=" not in response.headers.get("set-cookie", "")


def test_a_wrong_password_is_named_beside_the_field_in_the_page_language(api: Api) -> None:
    form = api.client.get("/sign-in")
    response = api.client.post(
        "/sign-in",
        data={"username": "nobody", "password": "wrong", "_csrf_token": csrf_of(form.text)},
    )
    assert response.status_code == 401
    assert 'aria-invalid="true"' in response.text
    assert 'aria-describedby="e-username"' in response.text
    assert '<a href="#f-username">' in response.text
    assert "اسم المستخدم أو كلمة المرور غير صحيحة" in response.text


def test_a_session_ends_after_its_maximum_age_whatever_the_activity(
    api: Api, clock: ManualClock
) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    clock.advance(timedelta(hours=13))
    response = api.client.get("/desk", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=/desk&expired=1"
    expired = api.client.get(response.headers["location"], headers={"Accept-Language": "en"})
    assert "Your session has expired" in expired.text


def test_the_json_api_ignores_the_page_session(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    assert api.client.get("/api/v1/auth/me").status_code == 401


def test_the_desk_shows_an_officer_what_waits(api: Api) -> None:
    from tests.pages.test_enrolment_pages import _form, _post
    from tests.people import enrolment

    csrf, key = _form(api)
    assert (
        _post(
            api, {**enrolment(7), "track": "general", "_csrf_token": csrf, "key": key}
        ).status_code
        == 303
    )
    api.catch_up()
    sign_in(api.client, api.registry, Role.OFFICER)
    desk = api.client.get("/desk", headers={"Accept-Language": "en"})
    assert desk.status_code == 200
    assert re.search(r'<span class="count">1</span>enrolments to review', desk.text)


def test_a_judge_sees_no_executive_office_queues(api: Api) -> None:
    sign_in(api.client, api.registry, Role.JUDGE)
    desk = api.client.get("/desk", headers={"Accept-Language": "en"})
    assert desk.status_code == 200
    assert "enrolments to review" not in desk.text


def test_text_is_sent_gzipped_and_fonts_as_they_are(api: Api) -> None:
    gzip = {"Accept-Encoding": "gzip, deflate, br"}
    page = api.client.get("/ambassadors/enrol", headers=gzip)
    stylesheet = re.search(r'href="(/static/vendor/pico\.min\.css[^"]*)"', page.text)
    font = re.search(r'<link rel="preload" href="([^"]+\.woff2)"', page.text)
    assert stylesheet and font
    assert page.headers["content-encoding"] == "gzip"
    assert api.client.get(stylesheet.group(1), headers=gzip).headers["content-encoding"] == "gzip"
    served = api.client.get(font.group(1), headers=gzip)
    assert served.status_code == 200
    assert "content-encoding" not in served.headers
    # The preload names the very file the stylesheet asks for, so it is fetched once.
    own = re.search(r'href="(/static/css/site\.css[^"]*)"', page.text)
    assert own
    faces = api.client.get(own.group(1)).text.replace("../vendor/", "/static/vendor/")
    assert f'url("{font.group(1)}")' in faces
