"""Public award pages: the editions, each edition's timeline, categories, eligibility and
criteria (what applicants are judged on), and the published results."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, get
from litestar.params import FromPath
from litestar.response import Template

from api.guards import access
from api.http import AnyRequest, registry_of
from api.pages.award_views import phase_name, timeline
from api.pages.i18n import language_of
from api.pages.rendering import page
from domain.regions import REGION_NAMES
from domain.text import Text


class AwardPublicPages(Controller):
    path = "/awards"
    include_in_schema = False

    @get("/", name="awards", **access(public=True), sync_to_thread=True)
    def index(self, request: AnyRequest) -> Template:
        """Every edition of every programme, newest first."""
        editions = sorted(registry_of(request).editions.list_editions(), key=lambda e: -e.year)
        return page(request, "awards/public/index.html", editions=editions)

    @get(
        "/editions/{edition_id:uuid}",
        name="award_edition",
        **access(public=True),
        sync_to_thread=True,
    )
    def edition(self, request: AnyRequest, edition_id: FromPath[UUID]) -> Template:
        """The timeline with the current phase, the categories, eligibility and criteria."""
        registry = registry_of(request)
        lang = language_of(request)
        edition = registry.editions.get(edition_id)
        now = registry.clock.now()
        frameworks = {
            key: registry.editions.framework_for(edition, key)
            for key in edition.categories
            if key in edition.framework_ids
        }
        return page(
            request,
            "awards/public/edition.html",
            edition=edition,
            programme=registry.editions.get_programme(edition.programme_id),
            timeline=timeline(edition, now, lang),
            current_phase=phase_name(edition.phase_at(now), lang),
            frameworks=frameworks,
            regions=[
                REGION_NAMES[r][1 if lang == "ar" else 0] for r in edition.eligibility.regions
            ],
        )

    @get(
        "/editions/{edition_id:uuid}/results",
        name="award_results",
        **access(public=True),
        sync_to_thread=True,
    )
    def results(self, request: AnyRequest, edition_id: FromPath[UUID]) -> Template:
        """The published ranking and winners of each category; withdrawn awards shown as such."""
        registry = registry_of(request)
        edition = registry.editions.get(edition_id)
        names: dict[UUID, Text] = {}
        for results in edition.results.values():
            for standing in results.standings:
                names[standing.organisation_id] = registry.organisations.get(
                    standing.organisation_id
                ).profile.name
        return page(request, "awards/public/results.html", edition=edition, names=names)
