"""The executive office's award pages: edition setup (categories with their framework
versions and winners, phases with dates, eligibility rules, the minimum score, the points the
seed leaves open), opening it (which locks its frameworks),
the screening queue with the automatic checks, and publication after a preview."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any
from uuid import UUID, uuid4

from litestar import Controller, get, post
from litestar.params import FromPath
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_303_SEE_OTHER, HTTP_422_UNPROCESSABLE_ENTITY

from api.guards import access
from api.http import AnyRequest, context_of, registry_of
from api.pages.award_forms import FormData, attempt, form_int
from api.pages.award_views import FormValues, phase_name, riyadh_input, status_label, timeline
from api.pages.i18n import language_of
from api.pages.labels import TYPE_LABELS
from api.pages.rendering import message_of, page
from domain.awards.edition import PHASE_ORDER, Category, Phase, PhaseKind
from domain.awards.eligibility import EligibilityRules
from domain.awards.framework import CriterionKind
from domain.awards.organisation import OrganisationType
from domain.errors import DomainError, InvalidInput
from domain.messages import N_
from domain.regions import REGION_NAMES, Region
from domain.roles import STAFF
from domain.text import Text
from registry.idempotency import IdempotencyKey


def _decimal(data: dict[str, Any], name: str) -> Decimal:
    try:
        return Decimal(str(data.get(name) or "").strip())
    except InvalidOperation:
        raise InvalidInput(N_("Enter a number."), field=name) from None


def rules_of(data: dict[str, Any]) -> EligibilityRules:
    """The eligibility rules the setup form states (the seed's conditions, one field each)."""
    values = FormValues(data)
    regions = tuple(Region(r) for r in values.items("regions"))
    years = values.integer("min_years_of_operation")
    values.check()
    return EligibilityRules(
        regions=regions,
        min_years_of_operation=years,
        requires_valid_licence=data.get("requires_valid_licence") == "yes",
        requires_current_accreditation=data.get("requires_current_accreditation") == "yes",
        requires_activated_organisation=data.get("requires_activated_organisation") == "yes",
    )


class EditionPages(Controller):
    path = "/desk/editions"
    include_in_schema = False

    @get("/", name="office_editions", **access(STAFF), sync_to_thread=True)
    def index(self, request: AnyRequest) -> Template:
        return self._index(request)

    @post("/", name="office_edition_create", **access(STAFF), sync_to_thread=True)
    def create(self, request: AnyRequest, data: FormData) -> Template | Redirect:
        registry = registry_of(request)
        ctx = context_of(request)
        try:
            year = form_int(data, "year")
            code = str(data.get("programme_code") or "")
            edition = registry.editions.create_edition(
                ctx,
                programme_code=code,
                year=year,
                title=Text.of(
                    str(data.get("title_ar") or ""), str(data.get("title_en") or ""), field="title"
                ),
                minimum_score=_decimal(data, "minimum_score"),
                eligibility=EligibilityRules(),
                idempotency=IdempotencyKey.of(
                    ctx.actor.id, str(data.get("key") or uuid4()), f"{code}:{year}".encode()
                ),
            )
        except DomainError as error:
            return self._index(
                request,
                HTTP_422_UNPROCESSABLE_ENTITY,
                refusal=message_of(error, language_of(request)),
            )
        return Redirect(f"/desk/editions/{edition.id}", status_code=HTTP_303_SEE_OTHER)

    @get("/{edition_id:uuid}", name="office_edition", **access(STAFF), sync_to_thread=True)
    def setup(self, request: AnyRequest, edition_id: FromPath[UUID]) -> Template:
        return self._setup(request, edition_id)

    @post(
        "/{edition_id:uuid}/categories",
        name="office_category",
        **access(STAFF),
        sync_to_thread=True,
    )
    def category(
        self, request: AnyRequest, edition_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        def configure() -> None:
            framework_key, _, version = str(data.get("framework") or "").partition(":")
            values = FormValues(data)
            category = Category(
                key=str(data.get("key") or "").strip(),
                title=Text.of(
                    str(data.get("title_ar") or ""), str(data.get("title_en") or ""), field="title"
                ),
                organisation_types=tuple(OrganisationType(t) for t in values.items("types")),
                winners=form_int(data, "winners"),
                framework_key=framework_key,
                framework_version=int(version) if version.isdigit() else 0,
                min_beds=values.integer("min_beds"),
            )
            values.check()
            registry_of(request).editions.configure_category(
                context_of(request), edition_id, form_int(data, "version"), category
            )

        return attempt(
            request,
            configure,
            f"/desk/editions/{edition_id}#categories",
            partial(self._setup, request, edition_id),
            choices=True,
        )

    @post(
        "/{edition_id:uuid}/rules",
        name="office_rules",
        **access(STAFF),
        sync_to_thread=True,
    )
    def rules(
        self, request: AnyRequest, edition_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        """The eligibility rules and the minimum score to win (draft editions only)."""
        return attempt(
            request,
            lambda: registry_of(request).editions.set_rules(
                context_of(request),
                edition_id,
                form_int(data, "version"),
                _decimal(data, "minimum_score"),
                rules_of(data),
            ),
            f"/desk/editions/{edition_id}#rules",
            partial(self._setup, request, edition_id),
            choices=True,
        )

    @post(
        "/{edition_id:uuid}/categories/{key:str}/points",
        name="office_points",
        **access(STAFF),
        sync_to_thread=True,
    )
    def points(
        self, request: AnyRequest, edition_id: FromPath[UUID], key: FromPath[str], data: FormData
    ) -> Template | Redirect:
        """A criterion's maximum points where the seed gives none (draft editions only)."""
        return attempt(
            request,
            lambda: registry_of(request).editions.set_points(
                context_of(request),
                edition_id,
                form_int(data, "version"),
                key,
                str(data.get("criterion") or ""),
                _decimal(data, "max_points"),
            ),
            f"/desk/editions/{edition_id}#points-{key}",
            partial(self._setup, request, edition_id),
        )

    @post(
        "/{edition_id:uuid}/phases/{kind:str}",
        name="office_phase",
        **access(STAFF),
        sync_to_thread=True,
    )
    def phase(
        self, request: AnyRequest, edition_id: FromPath[UUID], kind: FromPath[str], data: FormData
    ) -> Template | Redirect:
        def schedule() -> None:
            values = FormValues(data)
            opens, closes = values.instant("opens_at"), values.instant("closes_at")
            values.check()
            if opens is None or closes is None:  # pragma: no cover - check() refused it
                raise InvalidInput(N_("Enter a date and time."))
            registry_of(request).editions.schedule_phase(
                context_of(request),
                edition_id,
                form_int(data, "version"),
                Phase(PhaseKind(kind), opens, closes),
                str(data.get("reason") or "").strip() or None,
            )

        return attempt(
            request,
            schedule,
            f"/desk/editions/{edition_id}#timeline",
            partial(self._setup, request, edition_id),
            choices=True,
        )

    @post("/{edition_id:uuid}/open", name="office_open", **access(STAFF), sync_to_thread=True)
    def open(
        self, request: AnyRequest, edition_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        return attempt(
            request,
            lambda: registry_of(request).editions.open(
                context_of(request), edition_id, form_int(data, "version")
            ),
            f"/desk/editions/{edition_id}",
            partial(self._setup, request, edition_id),
        )

    @get(
        "/{edition_id:uuid}/screening",
        name="office_screening",
        **access(STAFF),
        sync_to_thread=True,
    )
    def screening(self, request: AnyRequest, edition_id: FromPath[UUID]) -> Template:
        """Each submitted application with the automatic checks' results."""
        return self._screening(request, edition_id)

    @post(
        "/{edition_id:uuid}/screening/{application_id:uuid}",
        name="office_screen",
        **access(STAFF),
        sync_to_thread=True,
    )
    def screen(
        self,
        request: AnyRequest,
        edition_id: FromPath[UUID],
        application_id: FromPath[UUID],
        data: FormData,
    ) -> Template | Redirect:
        return attempt(
            request,
            lambda: registry_of(request).applications.screen(
                context_of(request),
                application_id,
                form_int(data, "version"),
                str(data.get("decision")) == "eligible",
                str(data.get("reason") or ""),
            ),
            f"/desk/editions/{edition_id}/screening",
            partial(self._screening, request, edition_id),
        )

    @get(
        "/{edition_id:uuid}/publication",
        name="office_preview",
        **access(STAFF),
        sync_to_thread=True,
    )
    def preview(self, request: AnyRequest, edition_id: FromPath[UUID]) -> Template:
        """Exactly what will be public: each category's ranking and winners."""
        return self._preview(request, edition_id)

    @post(
        "/{edition_id:uuid}/publication",
        name="office_publish",
        **access(STAFF),
        sync_to_thread=True,
    )
    def publish(
        self, request: AnyRequest, edition_id: FromPath[UUID], data: FormData
    ) -> Template | Redirect:
        return attempt(
            request,
            lambda: registry_of(request).results.publish(
                context_of(request),
                edition_id,
                form_int(data, "version"),
                str(data.get("reason") or "").strip() or None,
            ),
            f"/awards/editions/{edition_id}/results",
            partial(self._preview, request, edition_id),
        )

    # -- rendering -----------------------------------------------------------------------

    def _index(self, request: AnyRequest, status: int = 200, **extra: Any) -> Template:
        registry = registry_of(request)
        programmes = sorted({e.programme_code for e in registry.editions.list_editions()})
        return page(
            request,
            "awards/office/editions.html",
            status,
            editions=registry.editions.list_editions(),
            programmes=programmes,
            key=str(uuid4()),
            refusal=extra.get("refusal"),
        )

    def _setup(
        self, request: AnyRequest, edition_id: UUID, status: int = 200, **extra: Any
    ) -> Template:
        registry = registry_of(request)
        lang = language_of(request)
        edition = registry.editions.get(edition_id)
        frameworks = [
            (f"{f.key}:{f.version}", f"{getattr(f.title, lang)} v{f.version}")
            for f in registry.frameworks.list_frameworks()
        ]
        now = registry.clock.now()
        # The criteria whose points the seed leaves open, with the edition's points applied.
        open_points = {
            key: [
                c
                for c in registry.editions.framework_for(edition, key).criteria()
                if c.default_points and c.kind != CriterionKind.ITEMISED
            ]
            for key in edition.categories
        }
        return page(
            request,
            "awards/office/setup.html",
            status,
            edition=edition,
            frameworks=frameworks,
            regions=[
                (str(r), names[1 if lang == "ar" else 0]) for r, names in REGION_NAMES.items()
            ],
            open_points=open_points,
            types=[str(t) for t in OrganisationType],
            type_labels=TYPE_LABELS,
            timeline=timeline(edition, now, lang),
            phase_kinds=[str(k) for k in PHASE_ORDER],
            phase_label=lambda kind: phase_name(kind, lang),
            phase_value=lambda kind, end: (
                riyadh_input(getattr(edition.phases[PhaseKind(kind)], end))
                if PhaseKind(kind) in edition.phases
                else ""
            ),
            refusal=extra.get("refusal"),
        )

    def _screening(
        self, request: AnyRequest, edition_id: UUID, status: int = 200, **extra: Any
    ) -> Template:
        registry = registry_of(request)
        ctx = context_of(request)
        edition = registry.editions.get(edition_id)
        rows = []
        for row in registry.applications.list_applications(ctx, 10_000, 0, edition_id).items:
            if row.status == "draft":
                continue
            application = registry.applications.get(UUID(row.id))
            rows.append((row, application, registry.applications.checks(application)))
        return page(
            request,
            "awards/office/screening.html",
            status,
            edition=edition,
            rows=rows,
            status_label=status_label,
            refusal=extra.get("refusal"),
        )

    def _preview(
        self, request: AnyRequest, edition_id: UUID, status: int = 200, **extra: Any
    ) -> Template:
        registry = registry_of(request)
        edition = registry.editions.get(edition_id)
        names = registry.organisations.names()
        return page(
            request,
            "awards/office/preview.html",
            status,
            edition=edition,
            board=registry.results.leaderboard(edition),
            names=names,
            refusal=extra.get("refusal"),
        )
