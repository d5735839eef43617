"""/health (liveness and database readiness) and /metrics (Prometheus)."""

from __future__ import annotations

from typing import Any

import structlog
from litestar import Controller, Response, get
from litestar.plugins.prometheus import PrometheusController

from api.guards import access
from api.http import AnyRequest, registry_of

log = structlog.get_logger("nqs.health")


class HealthController(Controller):
    path = "/health"
    tags = ["System"]

    @get(
        "/",
        operation_id="health",
        summary="Health and readiness / الحالة والجاهزية",
        sync_to_thread=True,
        **access(public=True),
    )
    def health(self, request: AnyRequest) -> Response[dict[str, Any]]:
        """Liveness and readiness: 200 when the database answers, 503 when it does not."""
        registry = registry_of(request)
        body: dict[str, Any] = {"status": "ok", "database": registry.settings.database.kind}
        try:
            head = registry.runner.head()
            positions = registry.runner.positions()
        except Exception as error:
            log.warning("health_database_unavailable", error_type=type(error).__name__)
            body.update(status="unavailable", checks={"database": "unavailable"})
            return Response(body, status_code=503)
        body["checks"] = {"database": "ok"}
        body["events"] = head
        body["projections"] = {
            name: {"position": position, "lag": max(0, head - position)}
            for name, position in sorted(positions.items())
        }
        return Response(body, status_code=200)


class MetricsController(PrometheusController):
    path = "/metrics"
    opt = {"exclude_from_auth": True, "roles": frozenset()}
    include_in_schema = False
    tags = ["System"]
