"""Commands and queries of the criteria frameworks."""

from __future__ import annotations

import threading
from uuid import UUID

from domain.awards.framework import Framework
from domain.awards.framework_version import FrameworkVersion, framework_id, normalise_key
from domain.errors import InvalidInput
from domain.messages import N_
from projections import awards_queries as q
from projections.awards_queries import FrameworkSummary
from projections.sql import Database
from registry.clock import Clock
from registry.context import RequestContext
from registry.event_store import NQSApplication
from registry.idempotency import IdempotencyKey
from registry.service import Noun, Service

NOUN = Noun(N_("No such framework version."), N_("No such framework version existed at {as_of}."))
EXISTS = N_("This framework version already exists.")


class FrameworkService(Service):
    def __init__(self, app: NQSApplication, clock: Clock, db: Database) -> None:
        super().__init__(app, clock)
        self.db = db
        # Locked versions never change again, so they are safe to keep in memory.
        self._locked: dict[UUID, Framework] = {}
        self._lock = threading.Lock()

    def get(self, key: str, version: int) -> FrameworkVersion:
        return self.load(FrameworkVersion, framework_id(key, version), NOUN)

    def list_frameworks(self) -> list[FrameworkSummary]:
        """Every version of every criteria framework, by key and number (read model)."""
        return q.list_frameworks(self.db)

    def get_by_id(self, id_: UUID) -> FrameworkVersion:
        return self.load(FrameworkVersion, id_, NOUN)

    def framework(self, id_: UUID) -> Framework:
        """The framework of a version, from memory once it is locked."""
        cached = self._locked.get(id_)
        if cached is not None:
            return cached
        version = self.get_by_id(id_)
        if version.locked:
            with self._lock:
                self._locked[id_] = version.framework
        return version.framework

    def latest_version(self, key: str) -> int:
        version = 0
        while self.find(FrameworkVersion, framework_id(key, version + 1)) is not None:
            version += 1
        return version

    def publish(
        self, ctx: RequestContext, framework: Framework, idempotency: IdempotencyKey | None = None
    ) -> FrameworkVersion:
        """Publishes a framework version; versions follow on from the latest, without gaps."""
        key = normalise_key(framework.key)
        aggregate = FrameworkVersion.publish(self.envelope(ctx, idempotency=idempotency), framework)
        existing = self.find(FrameworkVersion, aggregate.id)
        if existing is None:
            latest = self.latest_version(key)
            if framework.version != latest + 1:
                raise InvalidInput(
                    N_("The next version of '{key}' is {next_version}."),
                    field="version",
                    key=key,
                    next_version=latest + 1,
                )
        return self.create(aggregate, idempotency, EXISTS)

    def revise(
        self,
        ctx: RequestContext,
        key: str,
        version: int,
        expected: int,
        framework: Framework,
        reason: str | None,
    ) -> FrameworkVersion:
        return self.change(
            FrameworkVersion,
            framework_id(key, version),
            expected,
            NOUN,
            lambda f: f.revise(self.envelope(ctx, reason), framework),
        )
