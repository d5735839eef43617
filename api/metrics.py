"""The request metrics Prometheus scrapes from ``/metrics``: counts, durations, errors
and requests in flight, by method, route template and status.

Recorded by the outermost middleware (``api/middleware.py``), which already times every
request and knows its final status: Litestar's Prometheus middleware did the same work
again in a layer of its own (a ``Request`` built, four label lookups under a lock, a
second ``send`` wrapper), 2.6–6.8 % of a request's CPU in the profile
(docs/benchmarks.md). Here each (method, route, status) resolves its labelled children
once and keeps them. The metric names and labels are the ones that middleware exposed.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

APP_NAME = "nqs"
LABELS = ("method", "path", "status_code", "app_name")

REQUESTS = Counter("nqs_requests_total", "Total requests", LABELS)
DURATION = Histogram("nqs_request_duration_seconds", "Request duration, in seconds", LABELS)
ERRORS = Counter("nqs_requests_error_total", "Total errors in requests", LABELS)
IN_PROGRESS = Gauge(
    "nqs_requests_in_progress",
    "Total requests currently in progress",
    ("method", "app_name"),
    multiprocess_mode="livesum",
)

# Unmatched paths (404s) share one label: a scanner's random URLs must not each become
# a time series, and a raw path could carry what a user typed.
UNROUTED = "(unrouted)"

_children: dict[tuple[str, str, int], tuple[Counter, Histogram, Counter | None]] = {}
_in_progress: dict[str, Gauge] = {}


def in_progress(method: str) -> Gauge:
    gauge = _in_progress.get(method)
    if gauge is None:
        gauge = _in_progress[method] = IN_PROGRESS.labels(method, APP_NAME)
    return gauge


def observe(method: str, route: str | None, status: int, seconds: float) -> None:
    """Counts one finished request (``route``: its path template, None when none matched)."""
    key = (method, route or UNROUTED, status)
    children = _children.get(key)
    if children is None:
        values = (*key[:2], str(status), APP_NAME)
        children = _children[key] = (
            REQUESTS.labels(*values),
            DURATION.labels(*values),
            ERRORS.labels(*values) if status >= 500 else None,
        )
    count, duration, errors = children
    count.inc()
    duration.observe(seconds)
    if errors is not None:
        errors.inc()
