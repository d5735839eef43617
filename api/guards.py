"""Who may call what. Every route declares its roles with :func:`access`.

The role guard is installed once for the whole app and fails closed: a route
that forgot to declare its roles is refused to everyone. The roles also go
into the OpenAPI document (``x-roles``), so the contract says who may call it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypedDict

from litestar.connection import ASGIConnection
from litestar.exceptions import PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.openapi.spec import Operation

from domain.roles import Role

PUBLIC_OPT = "exclude_from_auth"


class AccessKwargs(TypedDict):
    """What :func:`access` spreads into a route decorator (typed, so checkers follow it)."""

    opt: dict[str, Any]
    operation_class: type[Operation]


def access(*roles: Role | Iterable[Role], public: bool = False) -> AccessKwargs:
    """Keyword arguments for a route decorator: its allowed roles, or public."""
    allowed: set[str] = set()
    for item in roles:
        allowed.update([item] if isinstance(item, Role) else item)
    names = sorted(str(r) for r in allowed)
    return {
        "opt": {"roles": frozenset(names), PUBLIC_OPT: public},
        "operation_class": _operation_class(tuple(names), public),
    }


def _operation_class(roles: tuple[str, ...], public: bool) -> type[Operation]:
    @dataclass
    class RolesOperation(Operation):
        def to_schema(self) -> dict[str, Any]:
            schema = super().to_schema()
            schema["x-roles"] = ["public"] if public else list(roles)
            if public:
                schema["security"] = []
            # The handler's docstring says what it does and refuses; who may call it is
            # said here, from the same roles the guard enforces, so the two never differ.
            described = (schema.get("description") or "").strip()
            schema["description"] = f"{described}\n\n{who_may_call(roles, public)}".strip()
            return schema

    return RolesOperation


def who_may_call(roles: tuple[str, ...], public: bool) -> str:
    """One sentence for the OpenAPI description: who may call an operation."""
    if public:
        return "Who may call it: anyone, without signing in."
    if set(roles) == {str(r) for r in Role}:
        return "Who may call it: anyone signed in. Without a valid bearer token it answers 401."
    return (
        f"Who may call it: {', '.join(roles)}. Without a valid bearer token it answers 401; "
        "any other role gets 403."
    )


async def role_guard(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    # Async although it awaits nothing: Litestar runs a sync guard in a worker thread,
    # a thread hop on every request of the API.
    if handler.opt.get(PUBLIC_OPT):
        return
    roles = handler.opt.get("roles")
    user = connection.scope.get("user")
    if not roles or user is None or getattr(user, "role", None) not in roles:
        raise PermissionDeniedException("Your role does not allow this.")
