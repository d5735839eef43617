"""The services handlers take as typed parameters (Litestar dependencies), registered once
on the app: ``def read(self, ambassadors: AmbassadorService, …)`` instead of reaching into
the application state in every handler."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar.datastructures import State
from litestar.di import Provide

from registry.bootstrap import Registry

# Dependency name -> the Registry attribute that holds the service.
SERVICES = (
    "initiatives",
    "users",
    "frameworks",
    "editions",
    "organisations",
    "applications",
    "judging",
    "results",
    "audit",
    "replay",
    "ambassadors",
    "licences",
)


def _provider(name: str) -> Callable[[State], Any]:
    def provide(state: State) -> Any:
        registry: Registry = state.registry
        return getattr(registry, name)

    return provide


def service_dependencies() -> dict[str, Provide]:
    """One dependency per service, for ``Litestar(dependencies=…)``."""
    return {name: Provide(_provider(name), sync_to_thread=False) for name in SERVICES}
