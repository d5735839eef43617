"""/api/v1/auth: sign in (OAuth2 password flow) and who am I."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.security.jwt import OAuth2PasswordBearerAuth, Token

from api.auth import AuthUser
from api.errors import problem
from api.guards import access
from api.http import AnyRequest, registry_of
from api.schemas.users import LoginForm, MeOut, TokenOut
from domain.messages import N_
from domain.roles import ALL_ROLES


class AuthController(Controller):
    path = "/api/v1/auth"
    tags = ["Auth"]

    @post(
        "/token",
        operation_id="signIn",
        summary="Sign in for an access token / تسجيل الدخول",
        status_code=200,
        sync_to_thread=True,
        **access(public=True),
    )
    def token(
        self,
        request: AnyRequest,
        data: Annotated[LoginForm, Body(media_type=RequestEncodingType.URL_ENCODED)],
    ) -> Response[Any]:
        """Exchanges `username` and `password` (form fields) for a bearer token with an expiry.
        Repeated failures are throttled per username and per client address: 429 with
        `Retry-After` (see registry/sign_in_throttle.py)."""
        registry = registry_of(request)
        address = request.client.host if request.client else "unknown"
        user = registry.sign_in.sign_in(data.username, data.password, address)
        if user is None:
            response = problem(
                401,
                "invalid-credentials",
                N_("Wrong username or password, or the account is deactivated"),
                request=request,
            )
            response.headers["WWW-Authenticate"] = "Bearer"
            return response
        auth: OAuth2PasswordBearerAuth[AuthUser, Token] = request.app.state.auth
        return auth.login(
            identifier=str(user.id),
            token_extras={"role": str(user.role)},
            response_status_code=200,
        )

    @get("/me", operation_id="whoAmI", summary="Who am I / من أنا", **access(ALL_ROLES))
    async def me(self, request: AnyRequest) -> MeOut:
        """The signed-in user and their role."""
        user: AuthUser = request.user
        return MeOut(id=user.id, username=user.username, role=user.role)


__all__ = ["TokenOut"]
