"""The staff desk's landing page: what waits for the signed-in person."""

from __future__ import annotations

from litestar import Controller, get
from litestar.response import Template

from api.guards import access
from api.http import AnyRequest, registry_of
from api.pages.rendering import page
from domain.roles import ALL_ROLES, STAFF
from registry.desk import COUNT_CAP, DeskService


class DeskPages(Controller):
    path = "/desk"
    include_in_schema = False

    @get("/", name="desk", **access(ALL_ROLES), sync_to_thread=True)
    def landing(self, request: AnyRequest) -> Template:
        """The desk: the queues waiting for the executive office, and the read models' lag."""
        registry = registry_of(request)
        staff = getattr(request.scope.get("user"), "role", None) in STAFF
        waiting = DeskService(registry.db, registry.runner).waiting() if staff else None
        return page(request, "desk/index.html", waiting=waiting, cap=COUNT_CAP)
