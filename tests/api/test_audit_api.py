"""/api/v1/audit through HTTP: auditors read (and are recorded reading), nobody writes."""

from __future__ import annotations

import io
import tarfile

from domain.roles import Role
from tests.conftest import Api


def create_initiative(api: Api, code: str = "AUDITED") -> str:
    body = {
        "code": code,
        "title": {"ar": "ع", "en": "T"},
        "aim": {"ar": "ه", "en": "A"},
        "owner": "O",
    }
    response = api.client.post("/api/v1/initiatives", json=body, headers=api.as_(Role.OFFICER))
    assert response.status_code == 201
    return str(response.json()["id"])


def test_an_auditor_reads_a_stream_with_envelopes_and_chain_links(api: Api) -> None:
    initiative = create_initiative(api)
    page = api.client.get(f"/api/v1/audit/streams/{initiative}", headers=api.as_(Role.AUDITOR))
    assert page.status_code == 200, page.text
    [event] = page.json()["items"]
    assert event["type"] == "Registered" and event["version"] == 1
    assert event["envelope"]["actor_id"] == api.user_ids[Role.OFFICER]
    assert event["data"]["code"] == "AUDITED"
    assert len(event["chain_digest"]) == 64


def test_every_audit_read_is_itself_recorded(api: Api) -> None:
    initiative = create_initiative(api)
    headers = api.as_(Role.AUDITOR)
    before = api.registry.runner.head()
    api.client.get(f"/api/v1/audit/streams/{initiative}", headers=headers)
    api.client.get("/api/v1/audit/verify", headers=headers)
    assert api.registry.runner.head() == before + 2
    reads = api.registry.app.recorder.select_notifications(
        start=before, limit=10, inclusive_of_start=False
    )
    assert [n.topic.rsplit(".", 1)[-1] for n in reads] == ["Recorded", "Recorded"]


def test_verify_reports_an_intact_chain(api: Api) -> None:
    create_initiative(api)
    auditor = api.as_(Role.AUDITOR)  # (creating the auditor's account is an event too)
    api.registry.checkpoint()
    result = api.client.get("/api/v1/audit/verify", headers=auditor).json()
    assert result["ok"] is True and result["checkpoints_confirmed"] == 1
    assert result["first_break"] is None
    assert result["intact"] is True and result["unsealed"] is None
    # Events after the latest checkpoint are named as not yet sealed: not "intact".
    create_initiative(api, "LATER")
    later = api.client.get("/api/v1/audit/verify", headers=auditor).json()
    assert later["ok"] is True and later["intact"] is False
    # (the first verify's own read record, then the new initiative)
    assert later["unsealed"]["count"] == 2 and later["unsealed"]["last"] == later["head"]


def test_checkpoints_and_key_are_public(api: Api) -> None:
    create_initiative(api)
    api.registry.checkpoint()
    checkpoints = api.client.get("/api/v1/audit/checkpoints").json()["items"]
    assert len(checkpoints) == 1 and checkpoints[0]["message"].startswith("nqs-audit-checkpoint/v1")
    key = api.client.get("/api/v1/audit/public-key")
    assert key.status_code == 200 and "BEGIN PUBLIC KEY" in key.text
    [listed] = api.client.get("/api/v1/audit/public-keys").json()
    assert listed["key_id"] == checkpoints[0]["key_id"] and listed["current"] is True
    assert listed["public_key_pem"] == key.text


def test_an_auditor_downloads_a_bundle(api: Api) -> None:
    initiative = create_initiative(api)
    response = api.client.get(
        "/api/v1/audit/exports", params={"stream": initiative}, headers=api.as_(Role.AUDITOR)
    )
    assert response.status_code == 200, response.text
    with tarfile.open(fileobj=io.BytesIO(response.content)) as tar:
        names = set(tar.getnames())
    assert {
        "bundle/events.jsonl",
        "bundle/chain.tsv",
        "bundle/verify.sh",
        "bundle/public-key.pem",
    } <= names
    nothing = api.client.get("/api/v1/audit/exports", headers=api.as_(Role.AUDITOR))
    assert nothing.status_code == 400 and nothing.json()["field"] == "stream"
