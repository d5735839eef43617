"""Public pages that need no sign-in: home and the language toggle."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER

from api.guards import access
from api.http import AnyRequest
from api.pages.i18n import COOKIE, LANGUAGES
from api.pages.rendering import page
from registry.programme import initiatives_in_brief

ONE_YEAR = 365 * 24 * 3600


def local_path(raw: str | None) -> str:
    """Where to send the visitor back to: a path on this site only (no open redirect)."""
    if not raw or not raw.startswith("/") or raw.startswith("//") or "\\" in raw:
        return "/"
    return raw


class HomePages(Controller):
    path = "/"
    include_in_schema = False

    @get("/", name="home", **access(public=True))
    async def home(self, request: AnyRequest) -> Template:
        """What the programme is, and the ways in."""
        return page(request, "public/home.html", initiatives=initiatives_in_brief())

    @get("/language/{lang:str}", name="language", **access(public=True))
    async def language(
        self,
        request: AnyRequest,
        lang: FromPath[str],
        next: FromQuery[str | None] = None,
    ) -> Redirect:
        """Switches the language and remembers the choice; back to the page the visitor was on."""
        response = Redirect(local_path(next), status_code=HTTP_303_SEE_OTHER)
        if lang in LANGUAGES:
            response.set_cookie(
                COOKIE,
                lang,
                max_age=ONE_YEAR,
                httponly=True,
                samesite="lax",
                secure=request.app.state.registry.settings.secure_cookies,
            )
        return response
