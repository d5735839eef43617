"""Correlation ids, the one log line and the metrics of every request.

Wraps the whole Litestar ASGI handler (outside routing and error mapping), so
every response — including 401s, 404s and problem responses — is logged with
its final status, and every error body can name the request's correlation id.
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

import structlog
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from api import metrics

log = structlog.get_logger("nqs.request")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
HEADER = b"x-request-id"


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # type: ignore[comparison-overlap]
            await self.app(scope, receive, send)
            return
        correlation_id = _incoming_id(scope) or uuid.uuid4().hex
        state: dict[str, Any] = scope.setdefault("state", {})
        state["correlation_id"] = correlation_id
        started = time.perf_counter()
        status = 500
        method: str = scope["method"]  # type: ignore[typeddict-item]  # http only, above
        running = metrics.in_progress(method)
        running.inc()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((HEADER, correlation_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            running.dec()
            # The router has put the matched route's template in the scope by now.
            metrics.observe(method, scope.get("path_template"), status, elapsed)
            user = scope.get("user")
            log.info(
                "request",
                method=scope.get("method"),
                path=scope.get("path"),  # ids only: personal data never travels in URLs
                status=status,
                duration_ms=round(elapsed * 1000, 2),
                correlation_id=correlation_id,
                actor_id=getattr(user, "id", "public"),
                actor_role=getattr(user, "role", "public"),
            )


def _incoming_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == HEADER:
            candidate = value.decode("latin-1")
            return candidate if _VALID_ID.match(candidate) else None
    return None
