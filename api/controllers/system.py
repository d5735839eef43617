"""/health (liveness and readiness, honestly) and /metrics (Prometheus)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import structlog
from litestar import Controller, Response, get
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client import multiprocess as prometheus_multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from api.guards import access
from api.http import AnyRequest, registry_of
from registry.bootstrap import Registry
from registry.health import Readiness, Stall

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
        """Readiness: 503 when the database cannot be reached or the writer cannot write;
        200 "degraded" when a read model is stopped at an event it cannot apply (named,
        with the event's position and the error); 200 "ok" otherwise."""
        registry = registry_of(request)
        ready = Readiness.of(registry)
        writer = ready.writer
        body: dict[str, Any] = {
            "status": ready.status,
            "database": registry.settings.database.kind,
            "checks": {
                "database": "ok" if ready.database else "unavailable",
                "writer": writer.state,
                "read_models": "stopped" if ready.stalls else "ok",
            },
            "writer": {
                "state": writer.state,
                "queued": writer.queued,
                **({"since": writer.since.isoformat()} if writer.since else {}),
                **({"error": writer.error} if writer.error else {}),
            },
        }
        if ready.database:
            body["events"] = ready.head
            body["projections"] = {
                name: _projection_health(ready.head, position, ready.stalls.get(name))
                for name, position in sorted(ready.positions.items())
            }
        return Response(body, status_code=200 if ready.can_write else 503)


def _projection_health(head: int, position: int, stall: Stall | None) -> dict[str, Any]:
    health: dict[str, Any] = {"position": position, "lag": max(0, head - position)}
    if stall is not None:
        health["stopped"] = {
            "at_event": stall.position,
            "error": stall.error,
            "attempts": stall.attempts,
            "since": stall.since.isoformat(),
            "retry_at": stall.retry_at.isoformat(),
        }
    return health


class _ReadinessCollector(Collector):
    """The /health figures as gauges, read when Prometheus scrapes."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def collect(self) -> Iterator[GaugeMetricFamily]:
        ready = Readiness.of(self.registry)
        yield GaugeMetricFamily(
            "nqs_database_up", "1 when the database answers", value=int(ready.database)
        )
        yield GaugeMetricFamily(
            "nqs_writer_up", "1 when the group-commit writer can write", value=int(ready.can_write)
        )
        if not ready.database:
            return
        lag = GaugeMetricFamily(
            "nqs_projection_lag_events", "Events not yet applied", labels=["projection"]
        )
        stopped = GaugeMetricFamily(
            "nqs_projection_stopped",
            "1 when the read model is stopped at an event it cannot apply",
            labels=["projection"],
        )
        at_event = GaugeMetricFamily(
            "nqs_projection_stopped_at_event",
            "Position of the event a stopped read model cannot apply",
            labels=["projection"],
        )
        for name, position in sorted(ready.positions.items()):
            stall = ready.stalls.get(name)
            lag.add_metric([name], max(0, ready.head - position))
            stopped.add_metric([name], int(stall is not None))
            if stall is not None:
                at_event.add_metric([name], stall.position)
        yield lag
        yield stopped
        yield at_event


class MetricsController(Controller):
    path = "/metrics"
    opt = {"exclude_from_auth": True, "roles": frozenset()}
    include_in_schema = False
    tags = ["System"]

    @get("/", sync_to_thread=True)
    def get(self, request: AnyRequest) -> Response[bytes]:
        """Request metrics (api/metrics.py) and the readiness gauges."""
        requests = REGISTRY
        if "PROMETHEUS_MULTIPROC_DIR" in os.environ or "prometheus_multiproc_dir" in os.environ:
            requests = CollectorRegistry()
            prometheus_multiprocess.MultiProcessCollector(requests)  # type: ignore[no-untyped-call]
        readiness = CollectorRegistry(auto_describe=False)
        readiness.register(_ReadinessCollector(registry_of(request)))
        return Response(
            generate_latest(requests) + generate_latest(readiness),
            headers={"Content-Type": CONTENT_TYPE_LATEST},
        )
