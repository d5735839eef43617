"""End to end: the `make run` path, over real HTTP against a real server process.

migrate → catalogue load → ensure-admin → serve --with-projections, then an officer's
first minutes: sign in, see the nine seeded initiatives, record a milestone.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ADMIN_PASSWORD = "an admin password for e2e"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def nqs(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "registry.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    port = free_port()
    env = {
        **os.environ,
        "NQS_DATA_DIR": str(tmp_path / "var"),
        "NQS_PORT": str(port),
        "NQS_ADMIN_USERNAME": "admin",
        "NQS_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "NQS_LOG_FORMAT": "json",
    }
    env.pop("NQS_DATABASE_URL", None)
    assert "Migrated" in nqs(env, "migrate")
    assert "9 created" in nqs(env, "catalogue", "load")
    assert "0 created" in nqs(env, "catalogue", "load")
    nqs(env, "users", "ensure-admin")
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "registry.cli", "serve", "--with-projections"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, (tmp_path / "server.log").read_text()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        yield base, env
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
        log.close()
    lines = (tmp_path / "server.log").read_text()
    assert ADMIN_PASSWORD not in lines  # no secrets in the logs
    events = [json.loads(line).get("event") for line in lines.splitlines() if line.startswith("{")]
    assert "request" in events  # one JSON line per request


def test_an_officer_works_against_a_running_server(server: tuple[str, dict[str, str]]) -> None:
    base, _env = server
    with httpx.Client(base_url=base, timeout=10) as client:
        token = client.post(
            "/api/v1/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD}
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}

        # The in-process projections catch up with the catalogue on their own.
        deadline = time.monotonic() + 15
        while True:
            page = client.get("/api/v1/initiatives", headers=headers).json()
            if page["total"] == 9 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert page["total"] == 9
        codes = {i["code"] for i in page["items"]}
        assert {"QUALITY-AMBASSADORS", "PRODUCT-EXCELLENCE", "SERVICE-EXCELLENCE"} <= codes

        ambassadors = next(i for i in page["items"] if i["code"] == "QUALITY-AMBASSADORS")
        read = client.get(f"/api/v1/initiatives/{ambassadors['id']}", headers=headers)
        added = client.post(
            f"/api/v1/initiatives/{ambassadors['id']}/milestones",
            json={
                "title": {"ar": "مليون سفير", "en": "One million ambassadors"},
                "planned_on": "2027-12",
            },
            headers={**headers, "If-Match": read.headers["etag"]},
        )
        assert added.status_code == 201, added.text
        assert added.headers["x-request-id"]
        assert client.get("/schema/openapi.json").status_code == 200


def _readme_blocks() -> list[str]:
    """The README's ``sh`` code blocks (indented ones too), without their indentation."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    blocks = re.findall(r"^( *)```sh\n(.*?)^\1```", readme, flags=re.S | re.M)
    return [textwrap.dedent(body) for _, body in blocks]


def test_the_readmes_sign_in_and_as_of_examples_work_on_a_fresh_run(
    server: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    """Run verbatim (only the port differs) from where `make run` would have left
    `var/admin-password.txt`."""
    base, env = server
    sign_in = next(b for b in _readme_blocks() if "TOKEN=$(" in b)
    as_of = next(b for b in _readme_blocks() if "as_of=" in b)
    (tmp_path / "var" / "admin-password.txt").write_text(ADMIN_PASSWORD)
    with httpx.Client(base_url=base, timeout=10) as client:
        token = client.post(
            "/api/v1/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD}
        ).json()["access_token"]
        deadline = time.monotonic() + 15
        while (
            client.get("/api/v1/initiatives", headers={"Authorization": f"Bearer {token}"}).json()[
                "total"
            ]
            < 9
        ):
            assert time.monotonic() < deadline, "projections did not catch up"
            time.sleep(0.2)
    time.sleep(1.1)  # the example asks for the state a second ago: after the catalogue
    script = (sign_in + "\n" + as_of).replace("localhost:8000", base.removeprefix("http://"))
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # curl prints each answer without a newline: two JSON documents back to back
    first_list, end = json.JSONDecoder().raw_decode(done.stdout)
    as_it_stood = json.loads(done.stdout[end:])
    assert first_list["total"] == 9  # the sign-in block's own example: the initiatives
    assert as_it_stood["code"] in {i["code"] for i in first_list["items"]}
    assert as_it_stood["as_of"] and as_it_stood["version"] >= 1
