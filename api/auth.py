"""Sign-in (OAuth2 password flow) and who the caller is on each request."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

import anyio
from litestar.connection import ASGIConnection
from litestar.security.jwt import OAuth2PasswordBearerAuth, Token

from registry.bootstrap import Registry
from registry.context import Actor

TOKEN_URL = "/api/v1/auth/token"  # noqa: S105 - a URL, not a secret
# Bearer tokens are for the JSON API (and its docs, health, metrics); every other path is a
# page, signed in with the session cookie instead (api/pages/session.py). (The second
# look-ahead only keeps Litestar from warning that the pattern matches "every" path — it
# probes with "/<uuid>", a path no route has.)
PAGE_PATHS = r"^/(?!api/|api$|schema|health|metrics)(?![0-9a-f]{8}-[0-9a-f]{4}-)"
# How long a deactivation or role change may take to reach requests made with
# an already-issued token: the user record is re-read at most this often.
USER_CACHE_SECONDS = 5.0


@dataclass(frozen=True)
class AuthUser:
    id: str
    username: str
    role: str

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.role)


class UserCache:
    """Who a user id is now (active, role), re-read at most every USER_CACHE_SECONDS."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._entries: dict[str, tuple[float, AuthUser | None]] = {}

    def _load(self, user_id: str) -> AuthUser | None:
        user = self.registry.users.find_by_id(UUID(user_id))
        if user is None or not user.active:
            return None
        return AuthUser(id=user_id, username=user.username, role=str(user.role))

    async def get(self, user_id: str) -> AuthUser | None:
        now = time.monotonic()
        cached = self._entries.get(user_id)
        if cached is not None and now - cached[0] < USER_CACHE_SECONDS:
            return cached[1]
        user = await anyio.to_thread.run_sync(self._load, user_id)
        if len(self._entries) > 10_000:
            self._entries.clear()
        self._entries[user_id] = (now, user)
        return user


def build_auth(registry: Registry) -> OAuth2PasswordBearerAuth[AuthUser, Token]:
    cache = UserCache(registry)

    async def retrieve_user(
        token: Token, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> AuthUser | None:
        try:
            UUID(token.sub)
        except ValueError:
            return None
        return await cache.get(token.sub)

    return OAuth2PasswordBearerAuth[AuthUser, Token](
        token_secret=registry.settings.resolved_secret_key(),
        token_url=TOKEN_URL,
        retrieve_user_handler=retrieve_user,
        default_token_expiration=timedelta(minutes=registry.settings.token_ttl_minutes),
        exclude_opt_key="exclude_from_auth",
        exclude=[PAGE_PATHS],
        description="Sign in at /api/v1/auth/token with username and password; "
        "send the access token as `Authorization: Bearer <token>`.",
    )
