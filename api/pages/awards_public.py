"""Public award pages: the programmes and their editions, the published results, and each
criteria framework with its domains' weights (what applicants are judged on)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Controller, get
from litestar.params import FromPath
from litestar.response import Template
from litestar.status_codes import HTTP_404_NOT_FOUND

from api.guards import access
from api.http import AnyRequest, registry_of
from api.pages.i18n import language_of, translate
from api.pages.rendering import page
from domain.awards.edition import EditionStatus
from domain.errors import NotFound


class AwardPages(Controller):
    path = "/awards"
    include_in_schema = False

    @get("/", name="awards", **access(public=True), sync_to_thread=True)
    def index(self, request: AnyRequest) -> Template:
        """The programmes, their editions (results where published) and the criteria."""
        registry = registry_of(request)
        frameworks: dict[str, Any] = {}  # key -> its latest version's summary
        for summary in registry.frameworks.list_frameworks():
            latest = frameworks.get(summary.key)
            if latest is None or summary.version > latest.version:
                frameworks[summary.key] = summary
        return page(
            request,
            "public/awards.html",
            programmes=registry.editions.list_programmes(),
            editions=registry.editions.list_editions(),
            frameworks=sorted(frameworks.values(), key=lambda f: f.key),
            published=str(EditionStatus.PUBLISHED),
        )

    @get(
        "/editions/{edition_id:uuid}/results",
        name="award_results",
        **access(public=True),
        sync_to_thread=True,
    )
    def results(self, request: AnyRequest, edition_id: FromPath[UUID]) -> Template:
        """An edition's published ranking and winners, by category."""
        registry = registry_of(request)
        edition = registry.editions.get(edition_id)
        if not edition.results:
            lang = language_of(request)
            return page(
                request,
                "errors/404.html",
                HTTP_404_NOT_FOUND,
                message=translate(lang, "The results of this edition are not published yet."),
            )
        return page(
            request,
            "public/award_results.html",
            edition=edition,
            results=list(edition.results.values()),
            names=registry.organisations.names(),
        )

    @get("/criteria/{key:str}", name="award_criteria", **access(public=True), sync_to_thread=True)
    def criteria(self, request: AnyRequest, key: FromPath[str]) -> Template:
        """A framework's latest version: its domains with their weights and every criterion."""
        registry = registry_of(request)
        try:
            version = registry.frameworks.latest_version(key[:60])
        except (NotFound, ValueError):
            raise NotFound(
                "No criteria framework has this name.", "لا يوجد إطار معايير بهذا الاسم."
            ) from None
        found = registry.frameworks.get(key[:60], version)
        return page(
            request, "public/award_criteria.html", framework=found.framework, version=version
        )
