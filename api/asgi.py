"""The ASGI entry point uvicorn serves (``api.asgi:app``, a factory)."""

from __future__ import annotations

import os

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
