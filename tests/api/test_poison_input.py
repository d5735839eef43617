"""Poison input (issue 10 §2–§3): control characters in text, bodies that cannot be decoded,
nest too deep, come in another media type or are too large. Each is a 4xx problem naming
what is wrong, never a 500 and never a write — on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from domain.roles import Role
from tests.api.test_bad_input import assert_problem
from tests.conftest import Api
from tests.people import enrolment, national_id

INITIATIVE = {
    "code": "AMBASSADORS",
    "title": {"ar": "سفراء", "en": "Ambassadors"},
    "aim": {"ar": "هدف", "en": "Aim"},
    "owner": "Office",
}
PROGRAMME = {
    "code": "AMYAZ",
    "name": {"ar": "أميز", "en": "Amyaz"},
    "description": {"ar": "جائزة", "en": "Award"},
    "organiser": {"ar": "صحة الشرقية", "en": "MOH Eastern Region"},
}
ORGANISATION = {
    "licence_number": "LIC-1",
    "name": {"ar": "مستشفى", "en": "Hospital"},
    "type": "hospital",
    "region": "eastern_province",
    "beds": 120,
    "licence_expires_on": "2027-12-31",
    "operating_since": "2015-03-01",
}
SECTORAL = enrolment(1, national_id=national_id(1), track="sectoral", sector="health")


def events(api: Api) -> int:
    return api.registry.runner.head()


# (url, role or None for public, valid body, field to poison as a path, the field named)
CASES: list[tuple[str, Role | None, dict[str, Any], tuple[str, ...], str]] = [
    ("/api/v1/ambassadors", None, enrolment(1), ("city",), "city"),
    ("/api/v1/ambassadors", None, {**SECTORAL, "employer": "MOH"}, ("employer",), "employer"),
    ("/api/v1/ambassadors", None, enrolment(1), ("name_en",), "name_en"),
    ("/api/v1/organisations", Role.OFFICER, ORGANISATION, ("name", "en"), "name.en"),
    ("/api/v1/initiatives", Role.OFFICER, INITIATIVE, ("owner",), "owner"),
    ("/api/v1/awards", Role.OFFICER, PROGRAMME, ("name", "ar"), "name.ar"),
]


def poisoned(body: dict[str, Any], path: tuple[str, ...], char: str) -> dict[str, Any]:
    copy: dict[str, Any] = {k: (dict(v) if isinstance(v, dict) else v) for k, v in body.items()}
    target = copy
    for key in path[:-1]:
        target = target[key]
    value = target.get(path[-1]) or "Riyadh"
    target[path[-1]] = value[:2] + char + value[2:]
    return copy


@pytest.mark.parametrize(("url", "role", "body", "path", "field"), CASES)
@pytest.mark.parametrize("char", ["\u0000", "\u001b", "\u0085", "\n"])
def test_control_characters_in_any_text_field_are_a_400_naming_it(
    api: Api,
    url: str,
    role: Role | None,
    body: dict[str, Any],
    path: tuple[str, ...],
    field: str,
    char: str,
) -> None:
    headers = api.as_(role) if role else {}
    before = events(api)
    response = api.client.post(url, json=poisoned(body, path, char), headers=headers)
    problem = assert_problem(response, 400, field)
    assert "control characters" in problem["errors"][0]["message"].lower()
    assert events(api) == before
    # The same body without the poison goes in: the refusal was about that character alone.
    assert api.client.post(url, json=body, headers=headers).status_code == 201


def test_the_city_with_a_nul_is_refused_and_the_read_models_keep_up(api: Api) -> None:
    response = api.client.post("/api/v1/ambassadors", json=enrolment(1, city="Ri\u0000yadh"))
    assert_problem(response, 400, "city")
    assert api.client.post("/api/v1/ambassadors", json=enrolment(2)).status_code == 201
    api.catch_up()
    report = api.client.get("/api/v1/reports/membership", headers=api.as_(Role.OFFICER)).json()
    assert report["total"] == 1


def test_multi_line_fields_keep_their_line_breaks_and_tabs(api: Api) -> None:
    headers = api.as_(Role.OFFICER)
    aim = {"ar": "هدف\nثان", "en": "First line\r\n\tsecond line"}
    created = api.client.post(
        "/api/v1/initiatives", json={**INITIATIVE, "aim": aim}, headers=headers
    )
    assert created.status_code == 201, created.text
    assert created.json()["aim"] == aim
    # ... but not the other control characters, nor a line break in a one-line title.
    nul = {**INITIATIVE, "code": "OTHER", "aim": {"ar": "هدف", "en": "a\u0000b"}}
    assert_problem(api.client.post("/api/v1/initiatives", json=nul, headers=headers), 400, "aim.en")
    title = {**INITIATIVE, "code": "OTHER", "title": {"ar": "سفراء", "en": "Two\nlines"}}
    response = api.client.post("/api/v1/initiatives", json=title, headers=headers)
    assert_problem(response, 400, "title.en")


def test_a_nul_in_a_list_item_or_a_reason_is_refused(api: Api) -> None:
    expert = enrolment(
        3, track="expert", sector="health", qualifications=["PhD", "CQ\u0000E"], evidence=["x"]
    )
    assert_problem(api.client.post("/api/v1/ambassadors", json=expert), 400, "qualifications")
    created = api.client.post("/api/v1/ambassadors", json=enrolment(4)).json()
    response = api.client.post(
        f"/api/v1/ambassadors/{created['id']}/reject",
        json={"reason": "Incomplete\u0000"},
        headers=api.as_(Role.OFFICER, **{"If-Match": f'"{created["version"]}"'}),
    )
    assert_problem(response, 400, "reason")


def test_a_nul_in_the_sign_in_form_is_a_400_not_a_database_error(api: Api) -> None:
    response = api.client.post(
        "/api/v1/auth/token", data={"username": "ad\u0000min", "password": "x" * 12}
    )
    assert_problem(response, 400, "username")


def test_a_csv_row_with_a_nul_is_refused_by_row_and_field(api: Api) -> None:
    rows = (
        "national_id,name_ar,mobile,email,region,city\n"
        f"{national_id(7)},سارة,0551234567,sara@example.sa,riyadh,Ri\x00yadh\n"
        f"{national_id(8)},علي,0551234568,ali@example.sa,riyadh,Riyadh\n"
    )
    response = api.client.post(
        "/api/v1/ambassadors/import",
        content=rows.encode(),
        headers=api.as_(Role.OFFICER, **{"Content-Type": "text/csv"}),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["enrolled"], body["refused"]) == (1, 1)
    assert [(e["row"], e["field"]) for e in body["errors"]] == [(2, "city")]


def test_control_characters_in_query_and_path_parameters_are_a_400(api: Api) -> None:
    assert_problem(api.client.get("/api/v1/verify/licences/NQS%00-1"), 400, "number")
    assert_problem(api.client.get("/api/v1/verify/ambassadors/AB%1bC"), 400, "code")
    officer = api.as_(Role.OFFICER)
    response = api.client.get("/api/v1/editions", params={"programme": "AM\u0000"}, headers=officer)
    assert_problem(response, 400, "programme")
    listing = api.client.get("/api/v1/licences", params={"type_code": "Q\u0000"}, headers=officer)
    assert_problem(listing, 400, "type_code")


# -- bodies that are not JSON we can read ------------------------------------------------

JSON = {"Content-Type": "application/json"}
MALFORMED: list[tuple[str, bytes, dict[str, str], int]] = [
    ("nested 1,000 deep", b"[" * 1000 + b"]" * 1000, JSON, 400),
    ("100,000 nested arrays", b"[" * 100_000 + b"]" * 100_000, JSON, 400),
    ("50,000 nested objects", b'{"a":' * 50_000 + b"1" + b"}" * 50_000, JSON, 400),
    ("a field nested 40 deep", b'{"city": ' + b"[" * 40 + b"]" * 40 + b"}", JSON, 400),
    ("invalid UTF-8", b'{"city": "Ri\xff\xfeyadh"}', JSON, 400),
    ("text/plain", b"{}", {"Content-Type": "text/plain"}, 415),
    ("no media type", b"{}", {"Content-Type": ""}, 415),
    ("a form", b"city=Riyadh", {"Content-Type": "application/x-www-form-urlencoded"}, 415),
]
JSON_ENDPOINTS = [
    ("/api/v1/ambassadors", None),  # public
    ("/api/v1/initiatives", Role.OFFICER),
    ("/api/v1/users", Role.ADMIN),
]


@pytest.mark.parametrize(("url", "role"), JSON_ENDPOINTS)
@pytest.mark.parametrize(("case", "content", "headers", "status"), MALFORMED)
def test_bodies_that_cannot_be_read_are_4xx_on_every_json_endpoint(
    api: Api,
    url: str,
    role: Role | None,
    case: str,
    content: bytes,
    headers: dict[str, str],
    status: int,
) -> None:
    auth = api.as_(role) if role else {}
    before = events(api)
    response = api.client.post(url, content=content, headers={**auth, **headers})
    problem = assert_problem(response, status)
    assert problem["field"] in ("body", "Content-Type"), case
    assert events(api) == before


def test_json_with_a_parameter_or_a_json_suffix_is_still_json(api: Api) -> None:
    for media_type in ("application/json; charset=utf-8", "application/merge-patch+json"):
        response = api.client.post(
            "/api/v1/ambassadors",
            content=b'{"national_id": "x"}',
            headers={"Content-Type": media_type},
        )
        # Read as JSON: the refusal is about the form's fields, not the media type.
        assert_problem(response, 400, "name_ar")


def test_the_csv_import_has_a_size_limit_and_413_beyond_it(api: Api) -> None:
    limit = api.registry.settings.import_max_bytes
    header = b"national_id,name_ar,mobile,email,region,city\n"
    row = f"{national_id(9)},سارة,0551234567,sara@example.sa,riyadh,Riyadh\n".encode()
    body = header + row * (limit // len(row) + 1)
    assert len(body) > limit
    headers = api.as_(Role.OFFICER, **{"Content-Type": "text/csv"})
    before = events(api)
    problem = assert_problem(
        api.client.post("/api/v1/ambassadors/import", content=body, headers=headers), 413, "file"
    )
    assert "NQS_IMPORT_MAX_BYTES" in problem["detail"]

    def chunks() -> Any:  # no Content-Length: the limit holds while streaming too
        yield from (body[i : i + 65536] for i in range(0, len(body), 65536))

    streamed = api.client.post("/api/v1/ambassadors/import", content=chunks(), headers=headers)
    assert_problem(streamed, 413, "file")
    assert events(api) == before
    within = api.client.post("/api/v1/ambassadors/import", content=header + row, headers=headers)
    assert within.status_code == 200 and within.json()["enrolled"] == 1


def test_every_request_body_type_obeys_the_text_rule(api: Api) -> None:
    """The rule lives in one base class: a new JSON body type that does not derive from it
    fails here (multipart uploads are files, checked by the evidence rules; the pages' forms
    are checked before their handlers, test_a_page_form_refuses_control_characters)."""
    from api.schemas.common import Input

    missing = []
    for route in api.client.app.routes:
        if not route.path.startswith("/api/"):
            continue
        for handler in getattr(route, "route_handlers", []):
            data = handler.parsed_fn_signature.parameters.get("data")
            if data is None or handler.handler_name == "upload":
                continue
            if not (isinstance(data.annotation, type) and issubclass(data.annotation, Input)):
                missing.append(f"{handler.handler_name}: {data.annotation}")
    assert missing == []
