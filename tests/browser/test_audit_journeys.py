"""The auditor's time machine in a real browser, over an award cycle that ended in a withdrawal.

The cycle needs time to pass (registration, judging, publication, then a withdrawal), so it
is played in-process on a manual clock (the same cycle as tests/api/test_audit_replay.py)
into a fresh data directory; a real server (``nqs serve``) then opens that directory.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar.testing import TestClient

from api.app import create_app
from registry.bootstrap import build, migrate
from registry.clock import ManualClock
from registry.settings import Settings
from tests.api.award_world import World
from tests.api.test_audit_replay import cycle
from tests.browser.conftest import (
    ADMIN_PASSWORD,
    DESKTOP,
    Site,
    Visitor,
    check_page,
    in_both_languages,
)
from tests.conftest import START, Api
from tests.e2e.test_server import free_port, nqs

SECRET = "browser-audit-secret-key-that-is-long-enough"


@pytest.fixture(scope="module")
def decided(
    tmp_path_factory: pytest.TempPathFactory, site: Site
) -> Iterator[tuple[Site, dict[str, str]]]:
    """A server whose store holds a published edition whose winner was later withdrawn."""
    tmp = tmp_path_factory.mktemp("decided")
    port = free_port()
    env = {
        **os.environ,
        "NQS_DATA_DIR": str(tmp / "var"),
        "NQS_PORT": str(port),
        "NQS_SECRET_KEY": SECRET,
        "NQS_ADMIN_USERNAME": "admin",
        "NQS_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "NQS_LOG_FORMAT": "json",
    }
    env.pop("NQS_DATABASE_URL", None)
    settings = Settings.from_env({"NQS_DATA_DIR": env["NQS_DATA_DIR"], "NQS_SECRET_KEY": SECRET})
    migrate(settings)
    clock = ManualClock(START)
    registry = build(settings, clock)
    try:
        with TestClient(create_app(registry=registry)) as client:
            ids = cycle(World(Api(client, registry), clock), clock)
    finally:
        registry.close()
    nqs(env, "users", "ensure-admin")
    log = open(tmp / "server.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "registry.cli", "serve", "--with-projections"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
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
        yield Site(base, env, token), ids
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


@pytest.fixture
def auditor(
    browser: Any, decided: tuple[Site, dict[str, str]]
) -> Iterator[Callable[[str], Visitor]]:
    made: list[Visitor] = []

    def make(lang: str) -> Visitor:
        v = Visitor(browser, decided[0], viewport=DESKTOP, lang=lang)
        v.sign_in("auditor")
        made.append(v)
        return v

    yield make
    for v in made:
        v.close()


def test_an_auditor_replays_before_the_withdrawal_compares_and_takes_a_bundle(
    auditor: Callable[[str], Visitor], decided: tuple[Site, dict[str, str]], tmp_path: Path
) -> None:
    v = auditor("en")
    v.page.goto("/desk/audit")
    v.page.get_by_role("link", name="Replay").first.click()
    v.page.wait_for_url(re.compile(r"/desk/audit/editions/"))
    # Now: the winner's award was withdrawn.
    assert "Award withdrawn" in v.page.locator('[data-testid="standings"]').inner_text()
    # Replay to the publication, just before the withdrawal: the winner stands.
    published = v.page.locator('[data-testid="decision-event"]', has_text="ResultsPublished")
    published.get_by_role("link", name="Replay to here").click()
    v.page.wait_for_url(re.compile(r"\?at="))
    board = v.page.locator('[data-testid="standings"]').inner_text()
    assert "Winner" in board and "Award withdrawn" not in board
    check_page(v.page, "audit-replay")
    # Compare the publication with the withdrawal: who moved, and why.
    at_published = v.page.url.split("at=")[1]
    v.page.get_by_role("link", name="Compare two instants").first.click()
    options = v.page.locator("#f-first option")
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    labels = [options.nth(i).inner_text() for i in range(options.count())]
    first = next(
        val for val, label in zip(values, labels, strict=True) if "ResultsPublished" in label
    )
    second = next(
        val for val, label in zip(values, labels, strict=True) if "AwardWithdrawn" in label
    )
    assert first and at_published
    v.page.select_option("#f-first", first)
    v.page.select_option("#f-second", second)
    v.page.get_by_role("button", name="Compare").click()
    v.page.wait_for_url(re.compile(r"/compare\?first="))
    between = v.page.locator('[data-testid="between-event"]')
    assert between.count() == 1
    assert "AwardWithdrawn" in between.inner_text()
    assert "Falsified certificate" in between.inner_text()
    assert v.page.locator('[data-testid="move"].changed').count() >= 1
    check_page(v.page, "audit-compare")
    # The bundle, downloaded from the page, verifies with its own recipe.
    v.page.goto("/desk/audit")
    with v.page.expect_download() as download:
        v.page.locator('[data-testid^="bundle-"]').first.click()
    archive = tmp_path / "bundle.tar.gz"
    download.value.save_as(archive)
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="data")
    done = subprocess.run(
        ["bash", str(tmp_path / "bundle" / "verify.sh"), str(tmp_path / "bundle")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    # Verify now, with its progress, to the result.
    v.page.get_by_role("button", name="Verify the whole chain now").click()
    v.page.locator('[data-testid="verify-result"]').wait_for()
    assert "The chain is intact." in v.page.locator('[data-testid="verify-result"]').inner_text()
    check_page(v.page, "audit-verified")


def test_the_auditor_pages_pass_axe_in_both_languages(
    auditor: Callable[[str], Visitor], decided: tuple[Site, dict[str, str]]
) -> None:
    ids = decided[1]
    v = auditor("ar")
    in_both_languages(v, "/desk/audit", "audit")
    in_both_languages(v, f"/desk/audit/editions/{ids['edition']}", "audit-edition")
    in_both_languages(v, f"/desk/audit/editions/{ids['edition']}/compare", "audit-compare-form")
    in_both_languages(v, f"/desk/audit/applications/{ids['beta']}", "audit-provenance")
    in_both_languages(v, f"/desk/audit/streams?id={ids['beta']}", "audit-stream")
    in_both_languages(v, "/desk/audit/verify", "audit-verify")
