"""Staff sign-in and sign-out (the same users and argon2 hashes as the API's token sign-in)."""

from __future__ import annotations

from typing import Annotated

import anyio
from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_401_UNAUTHORIZED
from msgspec import Struct

from api.guards import access
from api.http import AnyRequest, registry_of
from api.pages import session
from api.pages.i18n import language_of, translate
from api.pages.public import local_path
from api.pages.rendering import FormErrors, page
from domain.roles import ALL_ROLES


class SignInForm(Struct):
    username: str = ""
    password: str = ""
    next: str = "/desk"


Form = Annotated[SignInForm, Body(media_type=RequestEncodingType.URL_ENCODED)]


class SignInPages(Controller):
    path = "/"
    include_in_schema = False

    @get("/sign-in", name="sign_in", **access(public=True))
    async def form(
        self,
        request: AnyRequest,
        next: FromQuery[str] = "/desk",
    ) -> Template:
        """The sign-in form; says so when a session has just expired or ended."""
        return page(
            request,
            "staff/sign_in.html",
            next=local_path(next),
            expired=request.query_params.get("expired") == "1",
            signed_out=request.query_params.get("signed_out") == "1",
            username="",
        )

    @post("/sign-in", name="sign_in_post", **access(public=True))
    async def sign_in(self, request: AnyRequest, data: Form) -> Template | Redirect:
        """Checks the credentials; on success a fresh session, then the page asked for."""
        registry = registry_of(request)
        user = await anyio.to_thread.run_sync(
            registry.users.authenticate, data.username.strip(), data.password
        )
        if user is None:
            lang = language_of(request)
            errors = FormErrors(lang)
            errors.by_field["username"] = translate(
                lang, "Wrong username or password, or the account is deactivated."
            )
            return page(
                request,
                "staff/sign_in.html",
                HTTP_401_UNAUTHORIZED,
                next=local_path(data.next),
                expired=False,
                signed_out=False,
                username=data.username[:100],
                errors=errors,
            )
        session.start(request, str(user.id), registry.clock.now().timestamp())
        return Redirect(local_path(data.next), status_code=HTTP_303_SEE_OTHER)

    @post("/sign-out", name="sign_out", **access(ALL_ROLES))
    async def sign_out(self, request: AnyRequest) -> Redirect:
        """Ends the session."""
        session.end(request)
        return Redirect("/sign-in?signed_out=1", status_code=HTTP_303_SEE_OTHER)
