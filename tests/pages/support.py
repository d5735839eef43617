"""Helpers for page tests through the HTTP client: the form's CSRF token, signing in."""

from __future__ import annotations

import re

from litestar.testing import TestClient

from domain.roles import Role
from registry.bootstrap import Registry
from tests.conftest import TEST_PASSWORD, add_user

_TOKEN = re.compile(r'name="_csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    match = _TOKEN.search(html)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)


def sign_in(client: TestClient, registry: Registry, role: Role, username: str | None = None) -> str:
    """Signs a new user of ``role`` in on ``client`` (its cookie jar holds the session)."""
    username = username or f"{role.value.replace('_', '-')}-pages"
    add_user(registry, username, role)
    form = client.get("/sign-in")
    response = client.post(
        "/sign-in",
        data={"username": username, "password": TEST_PASSWORD, "_csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return username
