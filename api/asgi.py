"""The ASGI entry points: ``served`` is what ``nqs serve`` runs under granian; ``app`` the
bare application for any ASGI server (``uvicorn api.asgi:app --factory``)."""

from __future__ import annotations

import os
from typing import Any

from litestar import Litestar

from api.app import create_app
from registry.logging import configure_logging
from registry.runtime import tune_garbage_collector
from registry.settings import Settings


def app() -> Litestar:
    settings = Settings.from_env()
    configure_logging(settings.log_format, settings.log_level)
    application = create_app(settings, run_projections=os.environ.get("NQS_RUN_PROJECTIONS") == "1")
    tune_garbage_collector()
    return application


def served() -> Any:
    """The application behind ``nqs serve``: ``X-Forwarded-For`` and ``X-Forwarded-Proto``
    from a reverse proxy on the same host are trusted (as uvicorn's ``proxy_headers`` did),
    so the links the API builds (``request.base_url``) keep the public scheme."""
    from granian.utils.proxies import wrap_asgi_with_proxy_headers

    return wrap_asgi_with_proxy_headers(app(), trusted_hosts="127.0.0.1")
