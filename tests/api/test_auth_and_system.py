"""Signing in, accounts, health and metrics."""

from __future__ import annotations

import uuid

from domain.roles import Role
from tests.conftest import TEST_PASSWORD, Api, add_user


def sign_in(api: Api, username: str, password: str) -> object:
    return api.client.post("/api/v1/auth/token", data={"username": username, "password": password})


def test_a_user_signs_in_with_the_password_flow_and_gets_an_expiring_token(api: Api) -> None:
    add_user(api.registry, "officer.aisha", Role.OFFICER)
    response = sign_in(api, "officer.aisha", TEST_PASSWORD)
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    token = response.json()  # type: ignore[attr-defined]
    assert token["token_type"] == "bearer" and token["expires_in"] == 3600
    me = api.client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert me.json()["role"] == "officer" and me.json()["username"] == "officer.aisha"


def test_a_wrong_password_or_unknown_user_gets_the_same_401(api: Api) -> None:
    add_user(api.registry, "officer.aisha", Role.OFFICER)
    wrong = sign_in(api, "officer.aisha", "not the password")
    unknown = sign_in(api, "nobody.here", TEST_PASSWORD)
    assert wrong.status_code == unknown.status_code == 401  # type: ignore[attr-defined]
    assert wrong.json()["title"] == unknown.json()["title"]  # type: ignore[attr-defined]


def test_an_admin_manages_accounts_and_a_deactivated_user_is_locked_out(api: Api) -> None:
    admin = api.as_(Role.ADMIN)
    created = api.client.post(
        "/api/v1/users",
        json={"username": "judge.omar", "role": "judge", "password": "a long enough password"},
        headers=admin,
    )
    assert created.status_code == 201, created.text
    user = created.json()
    assert sign_in(api, "judge.omar", "a long enough password").status_code == 200  # type: ignore[attr-defined]
    too_short = api.client.post(
        "/api/v1/users",
        json={"username": "x.y.z", "role": "judge", "password": "short"},
        headers=admin,
    )
    assert too_short.status_code == 400 and too_short.json()["field"] == "password"
    no_reason = api.client.post(
        f"/api/v1/users/{user['id']}/deactivate",
        json={"reason": ""},
        headers={**admin, "If-Match": '"1"'},
    )
    assert no_reason.status_code == 422
    off = api.client.post(
        f"/api/v1/users/{user['id']}/deactivate",
        json={"reason": "Left the committee"},
        headers={**admin, "If-Match": '"1"'},
    )
    assert off.status_code == 200 and off.json()["active"] is False
    assert sign_in(api, "judge.omar", "a long enough password").status_code == 401  # type: ignore[attr-defined]
    api.catch_up()
    listed = api.client.get("/api/v1/users", headers=admin).json()
    assert {
        u["username"]: u["active"] for u in listed["items"] if u["username"] == "judge.omar"
    } == {"judge.omar": False}


def test_health_reports_the_database_and_projection_lag(api: Api) -> None:
    api.sign_in(Role.OFFICER)  # one event in the log
    health = api.client.get("/health")
    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok", "writer": "ok", "read_models": "ok"}
    assert body["projections"]["users"]["lag"] == 1
    api.catch_up()
    assert api.client.get("/health").json()["projections"]["users"]["lag"] == 0


def test_metrics_are_exposed_for_prometheus(api: Api) -> None:
    api.client.get("/health")
    api.client.get(f"/api/v1/initiatives/{uuid.uuid4()}")
    api.client.get("/no/such/page-for-metrics")
    metrics = api.client.get("/metrics")
    assert metrics.status_code == 200
    labels = 'app_name="nqs",method="GET",path="{}",status_code="{}"'
    # Counted by route template, not by the raw path (ids stay out of the series).
    assert "nqs_requests_total{" + labels.format("/health", 200) + "}" in metrics.text
    assert (
        "nqs_request_duration_seconds_count{"
        + labels.format("/api/v1/initiatives/{initiative_id}", 401)
        + "}"
    ) in metrics.text
    assert "page-for-metrics" not in metrics.text
    assert 'path="(unrouted)",status_code="404"' in metrics.text
    assert 'nqs_requests_in_progress{app_name="nqs",method="GET"}' in metrics.text


def test_responses_carry_the_correlation_id(api: Api) -> None:
    response = api.client.get("/health", headers={"X-Request-ID": "trace-123"})
    assert response.headers["x-request-id"] == "trace-123"
    generated = api.client.get("/health").headers["x-request-id"]
    assert len(generated) == 32


def test_the_openapi_document_and_docs_page_are_served(api: Api) -> None:
    schema = api.client.get("/schema/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "NQS Registry"
    assert "oauth2" in str(schema.json()["components"]["securitySchemes"]).lower()
    docs = api.client.get("/schema/swagger")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
