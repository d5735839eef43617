"""Every route in the OpenAPI document is guarded as it says.

For each operation the document lists its roles (``x-roles``). We call it with
no token (401 unless public), with every role it does not list (403), and with
every role it lists (anything but 401/403: the guard let it through, whatever
the handler then says about the made-up ids and empty bodies).
"""

from __future__ import annotations

import re
from typing import Any

from domain.roles import Role
from tests.conftest import Api

PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000"
PATH_VALUES = {"stage": "internal"}


def concrete(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: PATH_VALUES.get(m.group(1), PLACEHOLDER_ID), path)


def operations(api: Api) -> list[tuple[str, str, list[str]]]:
    schema = api.client.get("/schema/openapi.json").json()
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                found.append((method.upper(), path, operation["x-roles"]))
    return found


def call(api: Api, method: str, path: str, headers: dict[str, str]) -> Any:
    return api.client.request(
        method, concrete(path), headers={**headers, "If-Match": '"1"'}, json={}
    )


def test_every_operation_declares_its_roles(api: Api) -> None:
    ops = operations(api)
    assert len(ops) >= 30
    for method, path, roles in ops:
        assert roles, f"{method} {path} declares no roles"
        assert set(roles) <= {r.value for r in Role} | {"public"}, (method, path, roles)


def test_the_guards_do_what_the_document_says(api: Api) -> None:
    tokens = {role: api.sign_in(role) for role in Role}
    checked = 0
    for method, path, roles in operations(api):
        if roles == ["public"]:
            response = call(api, method, path, {})
            assert response.status_code not in (401, 403), (method, path, response.text)
            continue
        anonymous = call(api, method, path, {})
        assert anonymous.status_code == 401, (method, path, anonymous.status_code)
        for role in Role:
            response = call(api, method, path, tokens[role])
            if role.value in roles:
                assert response.status_code not in (401, 403), (method, path, role, response.text)
            else:
                assert response.status_code == 403, (method, path, role, response.status_code)
            checked += 1
    assert checked > 100


def test_a_forged_or_expired_token_is_refused(api: Api) -> None:
    api.sign_in(Role.OFFICER)
    forged = {"Authorization": "Bearer " + api.tokens[Role.OFFICER][:-4] + "abcd"}
    assert api.client.get("/api/v1/initiatives", headers=forged).status_code == 401
    import time

    import jwt

    expired = jwt.encode(
        {
            "sub": api.user_ids[Role.OFFICER],
            "iat": int(time.time()) - 120,
            "exp": int(time.time()) - 60,
            "extras": {"role": "officer"},
        },
        api.registry.settings.resolved_secret_key(),
        algorithm="HS256",
    )
    response = api.client.get("/api/v1/initiatives", headers={"Authorization": f"Bearer {expired}"})
    assert response.status_code == 401
