"""Schemathesis against the app in-process (ASGI), on SQLite: the server keeps its own
OpenAPI document.

Every operation gets generated requests (valid and edge-case values of every parameter and
body the document describes), sent with the token of a role the operation allows, so they
get past sign-in; the checks: no 5xx, every status and content type is one the document
lists for the operation, and every body matches its schema. The store holds the loaded
catalogue, so lists and reports answer with real records. Bounded: a few examples per
operation (``NQS_SCHEMATHESIS_EXAMPLES``, default 10), no deadline per example (the machine
is shared), derandomised so a run is reproducible.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from litestar import Litestar
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from domain.roles import Role
from registry.bootstrap import Registry, build, migrate
from registry.catalogue.loader import load_catalogue
from registry.clock import ManualClock
from registry.context import RequestContext
from tests.conftest import START, add_user, make_settings

EXAMPLES = int(os.environ.get("NQS_SCHEMATHESIS_EXAMPLES", "10"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


class Served:
    def __init__(self, app: Litestar, registry: Registry) -> None:
        self.app = app
        self.registry = registry
        self.tokens: dict[str, str] = {}
        self.statuses: Counter[int] = Counter()

    def token(self, role: str) -> str:
        if role not in self.tokens:
            user = add_user(self.registry, f"fuzz-{role.replace('_', '-')}", Role(role))
            self.tokens[role] = self.app.state.auth.create_token(
                identifier=str(user.id), token_extras={"role": role}
            )
        return self.tokens[role]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    settings = make_settings("sqlite", Path(tmp_path_factory.mktemp("schemathesis")))
    migrate(settings)
    registry = build(settings, ManualClock(START))
    load_catalogue(registry, RequestContext.system())
    registry.runner.catch_up()
    yield Served(create_app(registry=registry), registry)
    registry.close()


def _role_for(roles: list[str]) -> str | None:
    """The role to call as: admin where it may, else the first role allowed."""
    if roles == ["public"]:
        return None
    return "admin" if "admin" in roles else roles[0]


def _check(operation: Any, served: Served) -> None:
    role = _role_for(operation.definition.raw.get("x-roles", []))
    headers = {"Authorization": f"Bearer {served.token(role)}"} if role else {}

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        response = case.call_and_validate(headers=headers, checks=CHECKS)
        served.statuses[response.status_code] += 1

    run()


def _details(failure: BaseException) -> str:
    if isinstance(failure, BaseExceptionGroup):
        return "\n".join(_details(e) for e in failure.exceptions)
    return str(failure)[:1500]


def test_the_api_keeps_its_openapi_document(served: Served) -> None:
    # (schemathesis's pytest plugin predates pytest 9, hence one test walking every operation)
    schema = schemathesis.openapi.from_asgi("/schema/openapi.json", served.app)
    failures: list[str] = []
    operations = 0
    only = os.environ.get("NQS_SCHEMATHESIS_ONLY")  # e.g. "ambassadors" while fixing one area
    for result in schema.get_all_operations():
        if isinstance(result, Err):  # the document itself describes it wrongly
            failures.append(f"unreadable operation: {result.err()}")
            continue
        operation = result.ok()
        operations += 1
        if only and only not in operation.label:
            continue
        try:
            _check(operation, served)
        except (AssertionError, BaseExceptionGroup) as failure:
            # every operation's failures are reported, not only the first one's
            failures.append(f"{operation.label}: {failure}\n{_details(failure)}")
    assert operations > 100
    assert not failures, "\n\n".join(failures)
    if not only:
        # Signed in, the requests get past sign-in: answers, not just 401s.
        answered = sum(n for status, n in served.statuses.items() if status < 300)
        assert answered >= 50, served.statuses
        assert served.statuses[401] < answered, served.statuses
