"""The desk's user accounts through the HTTP client: the list, adding, changing a role,
deactivating and reactivating, a new password; refusals beside their field; who may open
them; CSRF; passwords never shown back."""

from __future__ import annotations

import re
import uuid

import httpx
from litestar.testing import TestClient

from domain.roles import Role
from tests.conftest import Api
from tests.pages.support import csrf_of, sign_in

EN = {"Accept-Language": "en"}
SECRET = "a-long-initial-password-42"


def key_of(html: str) -> str:
    match = re.search(r'name="key" value="([^"]+)"', html)
    assert match, "the form has no idempotency key"
    return match.group(1)


def add(
    api: Api, username: str, role: str = "officer", password: str = SECRET, key: str | None = None
) -> httpx.Response:
    form = api.client.get("/desk/users", headers=EN)
    key = key or key_of(form.text)
    return api.client.post(
        "/desk/users",
        data={
            "key": key,
            "username": username,
            "role": role,
            "password": password,
            "_csrf_token": csrf_of(form.text),
        },
        headers=EN,
        follow_redirects=False,
    )


def user_id_of(response: httpx.Response) -> str:  # type: ignore[no-untyped-def]
    return str(response.headers["location"]).split("/")[-1].split("?")[0]


def post(api: Api, path: str, **fields: str) -> httpx.Response:
    page = api.client.get(path.rsplit("/", 1)[0], headers=EN)
    return api.client.post(
        path,
        data={**fields, "_csrf_token": csrf_of(page.text)},
        headers=EN,
        follow_redirects=False,
    )


def signs_in(api: Api, username: str, password: str) -> bool:
    fresh = TestClient(api.client.app)
    with fresh:
        form = fresh.get("/sign-in")
        response = fresh.post(
            "/sign-in",
            data={"username": username, "password": password, "_csrf_token": csrf_of(form.text)},
            follow_redirects=False,
        )
    return response.status_code == 303


def test_an_admin_adds_a_user_who_then_appears_in_the_list(api: Api) -> None:
    sign_in(api.client, api.registry, Role.ADMIN)
    response = add(api, "noura.officer")
    assert response.status_code == 303
    page = api.client.get(response.headers["location"], headers=EN)
    assert "Your change was recorded." in page.text
    assert '<dd data-testid="user-role">Officer</dd>' in page.text
    assert SECRET not in page.text
    api.catch_up()
    listing = api.client.get("/desk/users", headers=EN)
    assert "noura.officer" in listing.text
    assert SECRET not in listing.text
    assert signs_in(api, "noura.officer", SECRET)
    # (That no password reaches the logs is checked where the log can be read whole: a real
    # server's log file, tests/e2e/test_server.py. In-process, structlog's cached loggers write
    # to whichever stream the first test gave them, so a capture here sees nothing.)


def test_sending_the_add_form_twice_adds_one_user(api: Api) -> None:
    sign_in(api.client, api.registry, Role.ADMIN)
    key = str(uuid.uuid4())
    first = add(api, "twice.sent", key=key)
    second = add(api, "twice.sent", key=key)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"].split("?")[0] == second.headers["location"].split("?")[0]
    # A new form (a new key) naming the same username is told it exists, beside the field.
    third = add(api, "twice.sent")
    assert third.status_code == 409
    assert 'id="e-username"' in third.text
    assert "already exists" in third.text


def test_a_refused_add_names_each_field_and_never_shows_the_password(api: Api) -> None:
    sign_in(api.client, api.registry, Role.ADMIN)
    response = add(api, "<script>alert(1)</script>")
    assert response.status_code == 422
    assert 'id="e-username"' in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text  # shown back, escaped
    assert "<script>alert(1)</script>" not in response.text
    assert SECRET not in response.text
    weak = add(api, "weak.password", password="short-pw")
    assert weak.status_code == 422
    assert 'id="e-password"' in weak.text
    assert "at least 12 characters" in weak.text
    assert "short-pw" not in weak.text
    assert 'value="weak.password"' in weak.text  # the rest of the form is kept
    no_role = add(api, "no.role", role="")
    assert no_role.status_code == 422
    assert 'id="e-role"' in no_role.text
    assert api.registry.users.find_by_username("weak.password") is None


def test_an_admin_changes_a_role_and_a_stale_page_is_told(api: Api) -> None:
    sign_in(api.client, api.registry, Role.ADMIN)
    member = user_id_of(add(api, "role.change"))
    path = f"/desk/users/{member}/role"
    no_reason = post(api, path, version="1", role="auditor", reason=" ")
    assert no_reason.status_code == 422
    assert 'id="e-reason-role"' in no_reason.text
    done = post(api, path, version="1", role="auditor", reason="Moved to the audit team")
    assert done.status_code == 303
    page = api.client.get(done.headers["location"], headers=EN)
    assert '<dd data-testid="user-role">Auditor</dd>' in page.text
    stale = post(api, path, version="1", role="judge", reason="Old page")
    assert stale.status_code == 409
    assert "Someone else changed this account" in stale.text
    assert '<dd data-testid="user-role">Auditor</dd>' in stale.text
    assert api.registry.users.get(uuid.UUID(member)).role == Role.AUDITOR


def test_a_deactivated_user_cannot_sign_in_until_reactivated(api: Api) -> None:
    sign_in(api.client, api.registry, Role.ADMIN)
    member = user_id_of(add(api, "leaves.soon"))
    path = f"/desk/users/{member}/active"
    off = post(api, path, version="1", active="no", reason="Left SASO")
    assert off.status_code == 303
    page = api.client.get(off.headers["location"], headers=EN)
    assert '<dd data-testid="user-active">Deactivated</dd>' in page.text
    assert not signs_in(api, "leaves.soon", SECRET)
    again = post(api, path, version="1", active="no", reason="twice")
    assert again.status_code == 409  # the page showed version 1; it is 2 now
    on = post(api, path, version="2", active="yes", reason="Came back")
    assert on.status_code == 303
    assert signs_in(api, "leaves.soon", SECRET)


def test_an_admin_sets_a_new_password_which_is_never_shown(api: Api) -> None:
    sign_in(api.client, api.registry, Role.ADMIN)
    member = user_id_of(add(api, "forgot.password"))
    path = f"/desk/users/{member}/password"
    weak = post(api, path, version="1", password="tiny")
    assert weak.status_code == 422
    assert 'id="e-password"' in weak.text
    assert "tiny" not in weak.text.replace("tiny.", "")
    fresh = "another-long-password-77"
    done = post(api, path, version="1", password=fresh)
    assert done.status_code == 303
    assert fresh not in api.client.get(done.headers["location"], headers=EN).text
    assert signs_in(api, "forgot.password", fresh)
    assert not signs_in(api, "forgot.password", SECRET)


def test_only_an_admin_opens_the_users_pages(api: Api) -> None:
    admin = api.registry.users.find_by_username("nobody")
    assert admin is None
    sign_in(api.client, api.registry, Role.OFFICER)
    for path in ("/desk/users", f"/desk/users/{uuid.uuid4()}"):
        response = api.client.get(path, headers=EN)
        assert response.status_code == 403
        assert "You cannot open this page" in response.text
    desk = api.client.get("/desk", headers=EN)
    assert 'href="/desk/users"' not in desk.text


def test_the_navigation_offers_users_to_an_admin(api: Api) -> None:
    sign_in(api.client, api.registry, Role.ADMIN)
    assert 'href="/desk/users"' in api.client.get("/desk", headers=EN).text
    arabic = api.client.get("/desk/users", headers={"Accept-Language": "ar"})
    assert "المستخدمون" in arabic.text


def test_a_form_without_its_csrf_token_changes_nothing(api: Api) -> None:
    sign_in(api.client, api.registry, Role.ADMIN)
    response = api.client.post(
        "/desk/users",
        data={
            "key": str(uuid.uuid4()),
            "username": "no.token",
            "role": "officer",
            "password": SECRET,
        },
        headers=EN,
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert api.registry.users.find_by_username("no.token") is None
