"""The staff desk's landing page: what waits for the signed-in person."""

from __future__ import annotations

from litestar import Controller, get
from litestar.response import Template

from api.guards import access
from api.http import AnyRequest
from api.pages.rendering import page
from domain.roles import ALL_ROLES


class DeskPages(Controller):
    path = "/desk"
    include_in_schema = False

    @get("/", name="desk", **access(ALL_ROLES))
    async def landing(self, request: AnyRequest) -> Template:
        """The desk: the work waiting for this role."""
        return page(request, "desk/index.html")
