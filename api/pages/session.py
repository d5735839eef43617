"""Staff sign-in for the pages: an encrypted session cookie that names the user.

The JSON API takes bearer tokens only and never reads this cookie, which is why CSRF
protection can leave ``/api`` alone. The cookie is HttpOnly and SameSite=Lax, Secure when
the public base URL is HTTPS, and encrypted (AES-GCM) with a key derived from the token
secret. It is re-issued on every response, so it lapses after ``NQS_SESSION_MINUTES`` without
a request; a sign-in is never good for longer than ``MAX_SESSION_HOURS`` whatever the activity.
The user is re-read through the same cache as bearer tokens, so a deactivated account or a
changed role reaches open sessions within seconds.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from litestar.connection import ASGIConnection
from litestar.middleware.session.client_side import CookieBackendConfig
from litestar.types import ASGIApp, Receive, Scope, Send

from api.auth import AuthUser, UserCache
from registry.bootstrap import Registry

COOKIE = "nqs_session"
MAX_SESSION_HOURS = 12
EXPIRED_FLAG = "nqs_session_expired"


def session_config(registry: Registry, exclude: str) -> CookieBackendConfig:
    settings = registry.settings
    secret = hashlib.sha256(b"nqs-page-session:" + settings.resolved_secret_key().encode()).digest()
    return CookieBackendConfig(
        secret=secret,
        key=COOKIE,
        max_age=settings.session_minutes * 60,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        exclude=exclude,
    )


def start(connection: ASGIConnection[Any, Any, Any, Any], user_id: str, now: float) -> None:
    """Signs a user in on this connection (a fresh session: nothing from before carries over)."""
    connection.clear_session()
    connection.set_session({"uid": user_id, "since": int(now)})


def end(connection: ASGIConnection[Any, Any, Any, Any]) -> None:
    connection.clear_session()


class SessionUserMiddleware:
    """Puts the signed-in user (or None) in ``scope["user"]`` for the pages' role guard."""

    def __init__(self, app: ASGIApp, registry: Registry, users: UserCache, exclude: str) -> None:
        self.app = app
        self.registry = registry
        self.users = users
        self.exclude = re.compile(exclude)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.exclude.match(scope["path"]):  # type: ignore[comparison-overlap]
            await self.app(scope, receive, send)
            return
        session: dict[str, Any] = scope.get("session") or {}  # type: ignore[assignment]
        user: AuthUser | None = None
        uid = session.get("uid") if isinstance(session, dict) else None
        if isinstance(uid, str):
            since = int(session.get("since") or 0)
            if self.registry.clock.now().timestamp() - since > MAX_SESSION_HOURS * 3600:
                session.clear()
                scope.setdefault("state", {})[EXPIRED_FLAG] = True
            else:
                user = await self.users.get(uid)
                if user is None:  # deactivated or gone since signing in
                    session.clear()
        scope["user"] = user
        await self.app(scope, receive, send)
