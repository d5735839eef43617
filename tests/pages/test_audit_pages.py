"""The auditor's time machine over HTTP: replay before a withdrawal, compare two instants,
provenance, any stream, the chain verified with progress, and a bundle that verifies."""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import quote
from uuid import UUID

import pytest

from domain.roles import Role
from registry import audit_desk
from registry.clock import ManualClock
from registry.history import history_of
from tests.api.award_world import World, at
from tests.api.test_audit_replay import cycle
from tests.conftest import Api
from tests.pages.support import sign_in


def standings(html: str) -> str:
    return "".join(re.findall(r'<table data-testid="standings">.*?</table>', html, re.S))


@pytest.fixture
def decided(api: Api, clock: ManualClock) -> dict[str, str]:
    ids = cycle(World(api, clock), clock)
    api.client.cookies.clear()
    sign_in(api.client, api.registry, Role.AUDITOR, "auditor-pages")
    api.client.cookies.set("nqs_lang", "en")
    return ids


def test_an_auditor_replays_to_before_the_withdrawal_and_compares(
    api: Api, decided: dict[str, str]
) -> None:
    edition = decided["edition"]
    now = api.client.get(f"/desk/audit/editions/{edition}")
    assert now.status_code == 200
    assert now.text.count('data-testid="decision-event"') >= 10
    assert "Award withdrawn" in standings(now.text)
    before = api.client.get(f"/desk/audit/editions/{edition}", params={"at": at(31.5).isoformat()})
    assert "Award withdrawn" not in standings(before.text) and "Winner" in standings(before.text)
    compared = api.client.get(
        f"/desk/audit/editions/{edition}/compare",
        params={"first": at(31.5).isoformat(), "second": at(33).isoformat()},
    )
    assert compared.status_code == 200
    assert "AwardWithdrawn" in compared.text and "Falsified certificate" in compared.text
    assert compared.text.count("(changed)") >= 1
    same = api.client.get(
        f"/desk/audit/editions/{edition}/compare",
        params={"first": at(31.5).isoformat(), "second": at(31.5).isoformat()},
    )
    assert 'href="#f-second"' in same.text


def test_the_timeline_is_located_without_decoding_and_decodes_to_the_same_events(
    api: Api, decided: dict[str, str]
) -> None:
    """The pages decode only the events they show; located from the stored rows, the
    timeline must hold the same events in the same order as decoding every one of them."""
    registry = api.registry
    edition = UUID(decided["edition"])
    everything = sorted(
        (datetime.fromisoformat(entry.at), str(stream_id), entry.version, kind, entry)
        for stream_id, kind in registry.replay.edition_stream_kinds(edition).items()
        if kind != "framework"
        for entry in history_of(registry.app, stream_id)
        if entry.type in audit_desk.DECISION_TYPES
    )
    located = audit_desk.timeline(registry, edition)
    assert [(e.at, str(e.stream_id), e.version, e.stream) for e in located] == [
        row[:4] for row in everything
    ]
    assert [e.type for e in located] == [row[4].type for row in everything]
    assert [e.entry for e in audit_desk.decoded(registry, located)] == [
        row[4] for row in everything
    ]


def test_provenance_shows_the_scores_their_sources_and_the_evidence_digests(
    api: Api, decided: dict[str, str]
) -> None:
    page = api.client.get(
        f"/desk/audit/applications/{decided['beta']}", params={"at": at(33).isoformat()}
    )
    assert page.status_code == 200
    assert "Recounted" in page.text  # the consensus justification
    assert "Recount of the evidence" in page.text  # the revision's reason
    assert "Falsified certificate" in page.text
    digests = [line for line in page.text.splitlines() if 'class="digest"' in line]
    assert digests, "the evidence digests are shown"


def test_any_stream_with_envelopes_and_digests(api: Api, decided: dict[str, str]) -> None:
    page = api.client.get("/desk/audit/streams", params={"id": decided["beta"]})
    assert page.status_code == 200
    assert page.text.count('data-testid="stream-event"') >= 3
    assert "Chain digest" in page.text
    bad = api.client.get("/desk/audit/streams", params={"id": "not-an-id"})
    assert 'href="#f-id"' in bad.text


def test_the_chain_is_verified_with_progress_and_the_bundle_verifies(
    api: Api, decided: dict[str, str], tmp_path: Path
) -> None:
    home = api.client.get("/desk/audit")
    assert "BEGIN PUBLIC KEY" in home.text and "verify.sh" in home.text
    plain = api.client.get("/desk/audit/verify")
    assert "The chain is intact." in plain.text
    started = api.client.get("/desk/audit/verify", headers={"HX-Request": "true"})
    assert started.status_code == 200
    for _ in range(50):
        if "The chain is intact." in started.text:
            break
        job = started.text.split("job=")[1].split('"')[0]
        time.sleep(0.1)
        started = api.client.get(
            f"/desk/audit/verify?job={quote(job)}", headers={"HX-Request": "true"}
        )
    assert "The chain is intact." in started.text
    download = api.client.get("/desk/audit/bundle", params={"edition": decided["edition"]})
    assert download.status_code == 200
    with tarfile.open(fileobj=io.BytesIO(download.content)) as tar:
        tar.extractall(tmp_path, filter="data")
    done = subprocess.run(
        ["bash", str(tmp_path / "bundle" / "verify.sh"), str(tmp_path / "bundle")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_an_officer_may_not_open_the_auditor_pages(api: Api) -> None:
    sign_in(api.client, api.registry, Role.OFFICER)
    assert api.client.get("/desk/audit").status_code == 403
