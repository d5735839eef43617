"""HTTP conventions shared by every controller: who acts, If-Match/ETag, Idempotency-Key."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any, TypeVar

import msgspec
from litestar import Request, Response
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from api.contract import require_declared
from api.errors import BadRequest, PreconditionRequired
from domain.messages import N_
from domain.text import CONTROL_CHARACTERS, has_control_characters
from registry.bootstrap import Registry
from registry.context import PUBLIC, RequestContext
from registry.exports import ExportFile
from registry.idempotency import IdempotencyKey

T = TypeVar("T")
_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,12})"?\s*$')
AnyRequest = Request[Any, Any, Any]


def registry_of(request: AnyRequest) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


async def refuse_control_characters(request: AnyRequest) -> None:
    """Before every handler: query and path parameters obey the text rule of domain/text.py
    too (JSON bodies obey it through api.schemas.common.Input). A NUL in a filter or a code
    would otherwise reach the database, which refuses it with an error, not an answer.

    The pages' URL-encoded forms are checked here too, once for every form: a browser's
    one-line input cannot hold a line break, so every form field takes the multi-line rule
    (a textarea's line breaks pass; NUL, escape and C1 do not). Litestar keeps the parsed
    form, so the handler reads the same one."""
    for name, value in [*request.query_params.multi_items(), *request.path_params.items()]:
        if isinstance(value, str) and has_control_characters(value):
            raise BadRequest(CONTROL_CHARACTERS, field=name)
    if request.method in _UNSAFE and request.content_type[0] == _URL_ENCODED:
        for name, value in (await request.form()).multi_items():
            if isinstance(value, str) and has_control_characters(value, multiline=True):
                raise BadRequest(CONTROL_CHARACTERS, field=name)


_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_URL_ENCODED = "application/x-www-form-urlencoded"


def context_of(request: AnyRequest) -> RequestContext:
    user = request.scope.get("user")
    actor = user.actor if user is not None else PUBLIC
    correlation_id = request.scope.get("state", {}).get("correlation_id") or "none"
    return RequestContext(actor=actor, correlation_id=correlation_id)


def expected_version(request: AnyRequest) -> int:
    """The version the caller read, from If-Match; changes without it are refused (428)."""
    require_declared(request.route_handler.operation_id, "If-Match")
    raw = request.headers.get("if-match")
    if raw is None:
        raise PreconditionRequired(
            N_('Send If-Match with the ETag of the version you read, e.g. If-Match: "3".'),
            field="If-Match",
        )
    match = _ETAG.match(raw)
    if not match:
        raise BadRequest(
            N_('If-Match must be an ETag this API gave out, e.g. "3".'),
            field="If-Match",
        )
    return int(match.group(1))


def idempotency_of(request: AnyRequest, data: msgspec.Struct) -> IdempotencyKey | None:
    require_declared(request.route_handler.operation_id, "Idempotency-Key")
    raw = request.headers.get("idempotency-key")
    if raw is None:
        return None
    # The decoded body, re-encoded canonically: whitespace or key order do not make it "different".
    return IdempotencyKey.of(context_of(request).actor.id, raw, msgspec.json.encode(data))


def as_of_param(raw: str | None) -> datetime | None:
    if raw is None:
        return None
    try:
        instant = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise BadRequest(
            N_("as_of must be an ISO 8601 timestamp, e.g. 2021-05-31T00:00:00Z."),
            field="as_of",
        ) from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(UTC)


def versioned(
    body: T, version: int, status_code: int = HTTP_200_OK, location: str | None = None
) -> Response[T]:
    """A response carrying the aggregate's version as its ETag."""
    headers = {"ETag": f'"{version}"'}
    if location and status_code == HTTP_201_CREATED:
        headers["Location"] = location
    return Response(content=body, status_code=status_code, headers=headers)


def download(file: ExportFile) -> Response[bytes]:
    """An export as an attachment (the file name holds no personal data: report names only)."""
    return Response(
        file.content,
        media_type=file.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file.filename}"'},
    )
