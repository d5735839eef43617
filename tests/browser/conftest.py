"""Browser tests: Playwright driving Debian's Chromium against the real app server.

The server is the ``make run`` path (migrate, catalogue, ``nqs serve --with-projections``)
on a free port with its own SQLite file. Every request the browser makes to any host other
than 127.0.0.1 is aborted and fails the test: a page never loads anything from elsewhere.

Helpers: :func:`check_page` runs axe-core (the pinned copy in ``vendor/``, injected into the
page, never served by the app) for WCAG 2.0 A/AA and 2.1 AA and saves a screenshot into
``var/screenshots/``; :func:`in_both_languages` does both for a page in Arabic and English.
Without Chromium these tests skip — except in CI (``CI=true`` or ``NQS_REQUIRE_BROWSER=1``),
where that is a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.test_server import free_port, nqs

CHROMIUM = os.environ.get("NQS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE_BROWSER = os.environ.get("CI") == "true" or os.environ.get("NQS_REQUIRE_BROWSER") == "1"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
ADMIN_PASSWORD = "admin password for the browser tests"
STAFF_PASSWORD = "staff password for the browser tests"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@dataclass
class Site:
    """The running server: its address, environment, and an admin's bearer token."""

    base: str
    env: dict[str, str]
    admin_token: str
    users: dict[str, str] = field(default_factory=dict)  # role -> username

    def api(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.admin_token}", **kwargs.pop("headers", {})}
        return httpx.request(method, self.base + path, headers=headers, timeout=30, **kwargs)

    def user(self, role: str) -> str:
        """A user of this role (created once), signed in with STAFF_PASSWORD."""
        if role not in self.users:
            username = f"{role.replace('_', '-')}-browser"
            created = self.api(
                "POST",
                "/api/v1/users",
                json={"username": username, "role": role, "password": STAFF_PASSWORD},
            )
            assert created.status_code == 201, created.text
            self.users[role] = username
        return self.users[role]


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if REQUIRE_BROWSER:
            pytest.fail(
                f"Chromium is required (CI / NQS_REQUIRE_BROWSER=1) but {CHROMIUM} is missing"
            )
        pytest.skip(f"Chromium not installed at {CHROMIUM}")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    _require_chromium()
    tmp = tmp_path_factory.mktemp("site")
    port = free_port()
    env = {
        **os.environ,
        "NQS_DATA_DIR": str(tmp / "var"),
        "NQS_PORT": str(port),
        "NQS_ADMIN_USERNAME": "admin",
        "NQS_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "NQS_LOG_FORMAT": "json",
        "NQS_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
    }
    env.pop("NQS_DATABASE_URL", None)
    nqs(env, "migrate")
    nqs(env, "catalogue", "load")
    nqs(env, "users", "ensure-admin")
    log = open(tmp / "server.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "registry.cli", "serve", "--with-projections"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120  # a busy 2-core machine starts it slowly
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, (tmp / "server.log").read_text()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        token = httpx.post(
            f"{base}/api/v1/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD}
        ).json()["access_token"]
        yield Site(base, env, token)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def browser(site: Site) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visitor:
    """One browser context (its own cookies): a person at a screen."""

    def __init__(
        self,
        browser: Any,
        site: Site,
        *,
        viewport: dict[str, int],
        lang: str,
        javascript: bool = True,
    ) -> None:
        self.site = site
        self.javascript = javascript
        self.elsewhere: list[str] = []
        self.context = browser.new_context(
            viewport=viewport,
            locale="ar-SA" if lang == "ar" else "en-GB",
            java_script_enabled=javascript,
            bypass_csp=True,  # so the test can inject axe-core; the app's own CSP is tested apart
            base_url=site.base,
        )
        self.context.set_default_timeout(10_000)
        self.context.route("**/*", self._only_this_host)
        self.page = self.context.new_page()

    def _only_this_host(self, route: Any) -> None:
        host = re.sub(r"^[a-z]+://([^/:]+).*$", r"\1", route.request.url)
        if host == "127.0.0.1" or route.request.url.startswith("data:"):
            route.continue_()
        else:
            self.elsewhere.append(route.request.url)
            route.abort()

    def set_language(self, lang: str) -> None:
        self.context.add_cookies([{"name": "nqs_lang", "value": lang, "url": self.site.base}])

    def sign_in(self, role: str) -> None:
        username = self.site.user(role)
        self.page.goto("/sign-in")
        self.page.fill("#f-username", username)
        self.page.fill("#f-password", STAFF_PASSWORD)
        self.page.locator("main form button[type=submit]").click()
        self.page.wait_for_url(re.compile(r"/desk"))

    def close(self) -> None:
        self.context.close()
        assert self.elsewhere == [], f"requests to other hosts: {self.elsewhere}"


@pytest.fixture
def visitor(browser: Any, site: Site) -> Iterator[Callable[..., Visitor]]:
    """Makes visitors: ``visitor(lang="ar", viewport=PHONE, javascript=False)``."""
    made: list[Visitor] = []

    def make(
        lang: str = "ar", viewport: dict[str, int] | None = None, javascript: bool = True
    ) -> Visitor:
        v = Visitor(browser, site, viewport=viewport or DESKTOP, lang=lang, javascript=javascript)
        made.append(v)
        return v

    yield make
    for v in made:
        v.close()


def check_page(page: Any, name: str, *, axe: bool = True, full_page: bool = True) -> None:
    """axe-core finds no WCAG 2.0 A/AA or 2.1 AA violation; a screenshot is saved.

    ``axe=False`` for a visitor with JavaScript off (axe cannot run there; the same pages
    are checked with it on); ``full_page=False`` for very long pages (the visible part)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    lang = page.evaluate("document.documentElement.lang")
    # A full-page screenshot of a long page can take a while on a busy 2-core machine; it is
    # a reviewer's aid, not a behaviour, so it gets more time than a click does.
    page.screenshot(
        path=str(SCREENSHOTS / f"{name}-{lang}.png"), full_page=full_page, timeout=30_000
    )
    if not axe:
        return
    if page.evaluate("typeof window.axe") == "undefined":
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations = [
        {
            "id": v["id"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
    assert violations == [], f"{name} ({lang}): " + json.dumps(violations, ensure_ascii=False)


def in_both_languages(v: Visitor, path: str, name: str) -> None:
    """Opens ``path`` in Arabic and in English, checking each (axe + screenshot)."""
    for lang in ("ar", "en"):
        v.set_language(lang)
        v.page.goto(path)
        assert v.page.evaluate("document.documentElement.lang") == lang
        assert v.page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
        check_page(v.page, name)


def wait_listed(v: Visitor, url: str, text: str) -> None:
    """Lists and checks read the read models: reload until the projection has caught up."""
    for _ in range(50):
        v.page.goto(url)
        if text in v.page.locator("main").inner_text():
            return
        v.page.wait_for_timeout(200)
    raise AssertionError(f"{text!r} never appeared on {url}")


def fresh_screenshots() -> None:
    """Empties the screenshot folder (called once per run, so it holds this run's pages)."""
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)


@pytest.fixture(scope="session", autouse=True)
def _screenshots_folder() -> None:
    fresh_screenshots()
