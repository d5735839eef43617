"""The Litestar application factory."""

from __future__ import annotations

import threading
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

import structlog
from litestar import Litestar, Router
from litestar.config.compression import CompressionConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Contact, Tag
from litestar.plugins.htmx import HTMXPlugin

from api.auth import build_auth
from api.contract import ContractOpenAPIConfig, Limits, check_etag
from api.controllers.ambassadors import AmbassadorController
from api.controllers.applications import ApplicationController, JudgingController
from api.controllers.audit import AuditController, AuditReplayController
from api.controllers.auth import AuthController
from api.controllers.award_reports import EditionReportController
from api.controllers.awards import AwardController, EditionController, FrameworkController
from api.controllers.initiative_reports import ReportController
from api.controllers.initiatives import InitiativeController
from api.controllers.licences import LicenceController
from api.controllers.organisations import OrganisationController
from api.controllers.register_reports import LicenceReportController, MembershipReportController
from api.controllers.system import HealthController, MetricsController
from api.controllers.users import UserController
from api.controllers.verify import VerifyController
from api.deps import service_dependencies
from api.errors import EXCEPTION_HANDLERS
from api.guards import role_guard
from api.http import refuse_control_characters
from api.json_body import JsonCheckedRequest
from api.middleware import RequestContextMiddleware
from api.pages import (
    ALREADY_COMPRESSED,
    csrf_config,
    middleware,
    pages_router,
    static_router,
    template_config,
)
from api.pages.errors import exception_handlers
from registry.bootstrap import Registry, build
from registry.clock import Clock
from registry.settings import Settings

log = structlog.get_logger("nqs.api")

DESCRIPTION = """
System of record of the executive office of Saudi Arabia's National Quality Strategy (SASO).

Every change is an event that records who acted, when, in which request and — for
decisions — why. Reads return the aggregate version as an `ETag`; changes take it back in
`If-Match` (a stale version gets 412, a missing one 428). Creating commands accept an
`Idempotency-Key`. Errors are RFC 9457 `application/problem+json` in English and Arabic.
Each operation lists the roles allowed to call it under `x-roles`.
"""


def create_app(
    settings: Settings | None = None,
    *,
    registry: Registry | None = None,
    clock: Clock | None = None,
    run_projections: bool = False,
) -> Litestar:
    """Builds the API. With ``run_projections`` the read models follow the log in-process."""
    settings = settings or (registry.settings if registry else Settings.from_env())
    owns_registry = registry is None
    registry = registry or build(settings, clock)
    auth = build_auth(registry)
    stop = threading.Event()

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncGenerator[None, None]:
        follower = None
        if run_projections:
            follower = threading.Thread(
                target=registry.runner.run_forever,
                args=(stop,),
                kwargs={"on_idle": registry.housekeeping()},
                name="projections",
                daemon=True,
            )
            follower.start()
        try:
            yield
        finally:
            stop.set()
            if follower is not None:
                follower.join(timeout=10)
            if owns_registry:
                registry.close()

    app = Litestar(
        route_handlers=[
            HealthController,
            MetricsController,
            AuthController,
            UserController,
            InitiativeController,
            ReportController,
            FrameworkController,
            AwardController,
            EditionController,
            OrganisationController,
            ApplicationController,
            JudgingController,
            EditionReportController,
            AuditController,
            AuditReplayController,
            AmbassadorController,
            MembershipReportController,
            LicenceController,
            LicenceReportController,
            VerifyController,
            pages_router(),
            static_router(),
        ],
        guards=[role_guard],
        before_send=[check_etag],
        # Handlers name the services they call as parameters (api/deps.py).
        dependencies=service_dependencies(),
        before_request=refuse_control_characters,
        on_app_init=[auth.on_app_init],
        # Pages get their errors as pages, the API as problem+json (api/pages/errors.py).
        exception_handlers=exception_handlers(EXCEPTION_HANDLERS),  # type: ignore[arg-type]
        template_config=template_config(),
        csrf_config=csrf_config(registry),
        plugins=[HTMXPlugin()],
        lifespan=[lifespan],
        # The request metrics are counted by RequestContextMiddleware (api/metrics.py).
        middleware=middleware(registry),
        # Level 1, not Litestar's default 9: a scorecard's JSON shrinks nearly as much
        # (JSON is repetitive), for a fraction of the CPU on every large response.
        # Fonts are WOFF2, compressed already: gzip made them bigger and cost CPU on every
        # first visit (tests/bench/pages.py measures a first load).
        compression_config=CompressionConfig(
            backend="gzip",
            minimum_size=2048,
            gzip_compress_level=1,
            exclude=[ALREADY_COMPRESSED],
        ),
        request_max_body_size=settings.max_body_bytes,
        request_class=JsonCheckedRequest,
        openapi_config=ContractOpenAPIConfig(
            title="NQS Registry",
            version="1.0.0",
            description=DESCRIPTION,
            contact=Contact(name="NQS Executive Office, SASO"),
            tags=[
                Tag(
                    name="Initiatives",
                    description="The nine NQS initiatives / مبادرات الاستراتيجية",
                ),
                Tag(
                    name="Awards",
                    description="Award programmes, editions, criteria frameworks "
                    "and results / الجوائز ودوراتها وأطر المعايير والنتائج",
                ),
                Tag(
                    name="Organisations", description="Organisations that apply for awards / الجهات"
                ),
                Tag(
                    name="Applications",
                    description="Award applications and evidence / طلبات الجوائز",
                ),
                Tag(
                    name="Judging",
                    description="Judges, declarations of interest, scores and consensus / التحكيم",
                ),
                Tag(name="Ambassadors", description="Quality ambassadors / سفراء الجودة"),
                Tag(
                    name="Licences", description="Professional licences in quality / الرخص المهنية"
                ),
                Tag(
                    name="Verification",
                    description="Public checks of certificates and licences / التحقق",
                ),
                Tag(name="Reports", description="Projections for the executive office / التقارير"),
                Tag(name="Users", description="Accounts and roles / المستخدمون والأدوار"),
                Tag(name="Auth", description="Sign in / تسجيل الدخول"),
                Tag(name="Audit", description="Tamper-evident history / السجل غير القابل للتلاعب"),
                Tag(name="System", description="Health and metrics / الحالة والمقاييس"),
            ],
            path="/schema",
            # The handlers' docstrings are their descriptions (what, who, what is refused).
            use_handler_docstrings=True,
            render_plugins=[SwaggerRenderPlugin(), ScalarRenderPlugin(path="/scalar")],
            openapi_router=Router(
                "/schema",
                route_handlers=[],
                include_in_schema=False,
                opt={"exclude_from_auth": True},
            ),
        ),
        debug=False,
    )
    app.state.registry = registry
    app.state.auth = auth
    # The document states the limits the handlers were built with (e.g. the import's size).
    assert isinstance(app.openapi_config, ContractOpenAPIConfig)
    app.openapi_config.limits = Limits.of(app, settings)
    # Outermost layer: sees the final status of every response, errors included.
    app.asgi_handler = RequestContextMiddleware(app.asgi_handler)
    return app
