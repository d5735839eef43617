"""The OpenAPI document says what the server enforces, for every operation.

Walks the document the server publishes at /schema/openapi.json and fails when an
operation lacks a summary in English and Arabic or a description of its own; when a change
of an existing record does not declare the required If-Match header with its 428 and 412
answers; when a creating command does not declare Idempotency-Key; when a versioned read
does not declare its ETag; or when an error status is not RFC 9457 problem+json with the
problem schema. What the server does is kept equal to the lists in ``api/contract.py``
where it happens (``api/http.py`` and the ETag check refuse to serve against them), so
these checks hold the document to the behaviour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from api import contract
from api.app import create_app
from api.errors import PROBLEM_JSON
from registry.bootstrap import build, migrate
from registry.clock import ManualClock
from tests.conftest import START, make_settings

METHODS = ("get", "put", "post", "patch", "delete")
PROBLEM_FIELDS = {
    "type",
    "title",
    "title_ar",
    "status",
    "detail",
    "detail_ar",
    "field",
    "errors",
    "correlation_id",
}
ALWAYS = {400, 409, 422, 503}
SIGNED_IN = {401, 403}


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    settings = make_settings("sqlite", Path(tmp_path_factory.mktemp("contract")))
    migrate(settings)
    registry = build(settings, ManualClock(START))
    try:
        with TestClient(create_app(registry=registry)) as client:
            response = client.get("/schema/openapi.json")
            assert response.status_code == 200
            yield response.json()
    finally:
        registry.close()


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", method, operation


def resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, kind, name = node["$ref"].split("/")
        node = document["components"][kind][name]
    return node


def header(operation: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next(
        (
            p
            for p in operation.get("parameters", [])
            if p.get("in") == "header" and p["name"].lower() == name.lower()
        ),
        None,
    )


def problems_of(document: dict[str, Any], label: str, operation: dict[str, Any]) -> list[str]:
    """What this operation's entry lacks (empty when complete)."""
    lacks: list[str] = []
    op_id = operation.get("operationId", "")
    summary = operation.get("summary", "")
    if not summary or " " not in summary.strip():
        lacks.append(f"a summary in words (has {summary!r})")
    elif not re.search(r"[\u0600-\u06ff]", summary):
        lacks.append(f"the Arabic title in its summary (has {summary!r})")
    # the handler's own words come before what api/guards.py and api/contract.py add
    own = re.split(r"Who may call it:|\*\*Takes:\*\*", operation.get("description", ""))[0]
    own = own.strip()
    if len(own) < 20:
        lacks.append("a description of its own (what it does, what it refuses)")
    roles = operation.get("x-roles")
    if not roles or "Who may call it:" not in operation.get("description", ""):
        lacks.append("x-roles and who may call it")

    responses = operation.get("responses", {})
    statuses = {int(s) for s in responses if s.isdigit()}
    wanted = set(ALWAYS)
    if roles != ["public"]:
        wanted |= SIGNED_IN
    if "requestBody" in operation:
        wanted |= {413}
    if op_id == "health":
        wanted -= {503}
    method = label.split(maxsplit=1)[0]

    if op_id in contract.CHANGES:
        if_match = header(operation, "If-Match")
        if not if_match or if_match.get("required") is not True:
            lacks.append("the required If-Match header")
        wanted |= {412, 428}
    elif method != "GET" and op_id not in contract.CREATES and op_id not in contract.NEITHER:
        lacks.append("a place in CHANGES, CREATES or NEITHER (does it take If-Match?)")
    if op_id in contract.CREATES:
        if not header(operation, "Idempotency-Key"):
            lacks.append("the Idempotency-Key header")
    elif "201" in responses and op_id not in contract.CREATES_WITHOUT_KEY:
        lacks.append("Idempotency-Key (it creates: 201) or a reason in CREATES_WITHOUT_KEY")
    success = next((s for s in responses if s.startswith("2")), None)
    answers_etag = contract.VERSIONED_READS | contract.CHANGES | contract.CREATES
    if op_id in answers_etag and (
        not success or "ETag" not in resolve(document, responses[success]).get("headers", {})
    ):
        lacks.append("the ETag response header")

    if missing := wanted - statuses:
        lacks.append(f"responses {sorted(missing)}")
    for status in sorted(s for s in statuses if s >= 400):
        answer = resolve(document, responses[str(status)])
        content = answer.get("content", {})
        if list(content) != [PROBLEM_JSON]:
            lacks.append(f"{status} as {PROBLEM_JSON} only (has {list(content)})")
            continue
        schema = resolve(document, content[PROBLEM_JSON]["schema"])
        if not set(schema.get("properties", {})) >= PROBLEM_FIELDS:
            lacks.append(f"{status} with the problem schema")
        if not re.search(r"[\u0600-\u06ff]", answer.get("description", "")):
            lacks.append(f"{status} described in Arabic too")
    return lacks


def test_every_operation_declares_what_the_server_enforces(document: dict[str, Any]) -> None:
    found = {label: problems_of(document, label, op) for label, _, op in operations(document)}
    assert len(found) > 100
    incomplete = {label: lacks for label, lacks in found.items() if lacks}
    assert not incomplete, "\n".join(f"{k}: {'; '.join(v)}" for k, v in incomplete.items())


def test_the_contract_lists_name_only_real_operations(document: dict[str, Any]) -> None:
    ids = {op["operationId"] for _, _, op in operations(document)}
    for name in ("CHANGES", "CREATES", "VERSIONED_READS", "NEITHER", "CREATES_WITHOUT_KEY"):
        assert set(getattr(contract, name)) <= ids, name
    assert not (contract.CHANGES & set(contract.NEITHER))


def test_the_problem_schema_is_the_one_errors_are_written_in(document: dict[str, Any]) -> None:
    schema = document["components"]["schemas"][contract.PROBLEM]
    assert set(schema["required"]) == {"type", "title", "title_ar", "status"}
    item = resolve(document, schema["properties"]["errors"]["items"])
    assert set(item["properties"]) == {"field", "message", "message_ar"}


def test_the_csv_import_documents_its_body(document: dict[str, Any]) -> None:
    body = document["paths"]["/api/v1/ambassadors/import"]["post"]["requestBody"]
    assert list(body["content"]) == ["text/csv"]
    for column in ("national_id", "name_ar", "mobile", "email", "region", "city"):
        assert f"`{column}`" in body["description"]
    assert re.search(r"At most \d+ MiB; bigger gets 413", body["description"])


def test_exports_document_both_file_types(document: dict[str, Any]) -> None:
    for path in (
        "/api/v1/reports/membership/export",
        "/api/v1/reports/licences/export",
        "/api/v1/reports/editions/{edition_id}/export",
    ):
        content = document["paths"][path]["get"]["responses"]["200"]["content"]
        assert set(content) == {"text/csv", contract.XLSX}


def test_the_members_list_documents_its_cursor_beside_the_offset(document: dict[str, Any]) -> None:
    operation = document["paths"]["/api/v1/ambassadors"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"] if p["in"] == "query"}
    assert {"cursor", "offset", "limit", "enrolled_from", "enrolled_to"} <= set(parameters)
    assert "next_cursor" in parameters["cursor"]["description"]
    assert parameters["cursor"]["schema"].get("maxLength") == 200 or any(
        s.get("maxLength") == 200 for s in parameters["cursor"]["schema"].get("oneOf", [])
    )
    assert "422" in operation["responses"]
    assert "cursor" in operation["description"]
    answer = resolve(document, operation["responses"]["200"]["content"]["application/json"])
    page = resolve(document, answer["schema"])
    for name in ("next_cursor", "previous_cursor", "total_exact", "total"):
        assert page["properties"][name].get("description") or any(
            "description" in s for s in page["properties"][name].get("oneOf", [])
        ), name
