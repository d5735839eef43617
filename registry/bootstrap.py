"""The one wiring module: builds the application, services, read models and runner.

Nothing happens at import time; the CLI, the API and the tests all call
:func:`build` (tests with their own settings and a manual clock).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from psycopg import sql

from projections.availability import store_probe
from projections.awards import AwardsProjection
from projections.base import Projection
from projections.initiatives import InitiativesProjection
from projections.licences import LicencesProjection
from projections.membership import MembershipProjection
from projections.runner import ProjectionRunner
from projections.sql import Database, postgres_conninfo
from projections.users import UsersProjection
from registry.ambassadors import AmbassadorService
from registry.applications import ApplicationService
from registry.audit.checkpoints import (
    CHECKPOINT_FILE,
    Checkpoint,
    Checkpointer,
    SigningKey,
    create_tables,
)
from registry.audit.reads import AuditService
from registry.audit.replay import ReplayService
from registry.award_portal import AwardPortal
from registry.clock import Clock, SystemClock
from registry.editions import EditionService
from registry.event_store import NQSApplication
from registry.evidence import EvidenceStore
from registry.frameworks import FrameworkService
from registry.group_commit import GroupCommitWriter
from registry.import_jobs import ImportJobs
from registry.initiatives import InitiativeService
from registry.judging import JudgingService
from registry.licences import LicenceService
from registry.organisations import OrganisationService
from registry.personal_data import PersonalDataVault
from registry.results import ResultsService
from registry.settings import DatabaseConfig, Settings
from registry.sign_in_throttle import SignInService, SignInThrottle
from registry.users import UserService


def all_projections() -> list[Projection]:
    return [
        InitiativesProjection(),
        UsersProjection(),
        AwardsProjection(),
        MembershipProjection(),
        LicencesProjection(),
    ]


@dataclass
class Registry:
    settings: Settings
    clock: Clock
    app: NQSApplication
    db: Database
    runner: ProjectionRunner
    initiatives: InitiativeService
    users: UserService
    frameworks: FrameworkService
    editions: EditionService
    organisations: OrganisationService
    applications: ApplicationService
    judging: JudgingService
    results: ResultsService
    audit: AuditService
    replay: ReplayService
    vault: PersonalDataVault
    ambassadors: AmbassadorService
    # The desk's CSV imports, run in the background.
    imports: ImportJobs
    licences: LicenceService
    sign_in: SignInService
    checkpointer: Checkpointer
    # Commits concurrent new aggregates together (public enrolment); /health reports it.
    writer: GroupCommitWriter
    portal: AwardPortal

    def close(self) -> None:
        self.writer.close()
        self.db.close()
        self.app.close()

    def signing_key(self) -> SigningKey:
        return self.checkpointer.key()

    def public_keys(self) -> dict[str, Ed25519PublicKey]:
        """Every key that signed checkpoints, by id — the current one and retired ones."""
        return self.checkpointer.public_keys()

    def checkpoint_file(self) -> Path:
        return self.checkpointer.file

    def checkpoint(self) -> Checkpoint | None:
        """Signs the chain's current head (if it moved) and mirrors it to the data dir."""
        return self.checkpointer.checkpoint()

    def housekeeping(self) -> Callable[[], None]:
        """What the projection worker does when idle: sign a checkpoint now and then."""
        interval = self.settings.audit_checkpoint_seconds
        last = [time.monotonic() - interval]

        def tick() -> None:
            if time.monotonic() - last[0] >= interval:
                last[0] = time.monotonic()
                self.checkpoint()

        return tick


def build(settings: Settings, clock: Clock | None = None) -> Registry:
    """Wires everything for one process. Tables must exist (``nqs migrate``)."""
    clock = clock or SystemClock()
    if settings.database.kind == "sqlite":
        assert settings.database.path is not None
        settings.database.path.parent.mkdir(parents=True, exist_ok=True)
    app = NQSApplication(env=settings.database.eventsourcing_env())
    db = Database.open(settings.database)
    runner = ProjectionRunner(app, db, all_projections())
    frameworks = FrameworkService(app, clock, db)
    editions = EditionService(app, clock, frameworks, db)
    organisations = OrganisationService(app, clock, db)
    applications = ApplicationService(
        app, clock, editions, organisations, EvidenceStore(settings.data_dir / "evidence"), db
    )
    judging = JudgingService(app, clock, applications, db)
    vault = PersonalDataVault(settings.resolved_master_key(), db)
    pepper = settings.resolved_id_hash_key()
    users = UserService(app, clock, db)
    checkpointer = Checkpointer(
        db, settings.audit_key_path(), settings.data_dir / CHECKPOINT_FILE, clock
    )
    writer = GroupCommitWriter(
        app.record_stored,
        encode=app.mapper.to_stored_event,
        versions=app.recorder.stored_versions,  # type: ignore[attr-defined]
        probe=store_probe(app.recorder),
    )
    app.writer = writer  # every service's saves share it (Service.try_save)
    ambassadors = AmbassadorService(app, clock, vault, pepper, db, writer=writer)
    return Registry(
        settings=settings,
        clock=clock,
        app=app,
        db=db,
        runner=runner,
        initiatives=InitiativeService(app, clock, db),
        users=users,
        frameworks=frameworks,
        editions=editions,
        organisations=organisations,
        applications=applications,
        judging=judging,
        results=ResultsService(
            app, clock, editions, applications, judging, runner, seal=checkpointer.checkpoint
        ),
        audit=AuditService(app, clock, db),
        replay=ReplayService(app, clock, db),
        vault=vault,
        ambassadors=ambassadors,
        imports=ImportJobs(ambassadors, settings.data_dir / "imports"),
        licences=LicenceService(app, clock, vault, pepper, db),
        sign_in=SignInService(users, SignInThrottle(clock)),
        checkpointer=checkpointer,
        writer=writer,
        portal=AwardPortal(db, organisations),
    )


def migrate(settings: Settings) -> list[str]:
    """Creates the database (PostgreSQL), the event store and the read-model tables.

    Run once, by one process, before the API and workers start: starting several
    processes that each create tables on an empty database races.
    Returns the names of read models that had to be rebuilt.
    """
    config = settings.database
    if config.kind == "postgres":
        ensure_postgres_database(config)
    else:
        assert config.path is not None
        config.path.parent.mkdir(parents=True, exist_ok=True)
    app = NQSApplication(env=config.eventsourcing_env(create_table=True))
    db = Database.open(config)
    try:
        runner = ProjectionRunner(app, db, all_projections())
        create_tables(db)
        rebuilt = runner.migrate()
        for name in rebuilt:
            runner.catch_up([name])
        return rebuilt
    finally:
        db.close()
        app.close()


def ensure_postgres_database(config: DatabaseConfig) -> bool:
    """Creates the configured PostgreSQL database if it does not exist yet."""
    conninfo = postgres_conninfo(config, dbname="postgres")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (config.dbname,)
        ).fetchone()
        if exists:
            return False
        try:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config.dbname)))
        except psycopg.errors.DuplicateDatabase:
            return False
        return True


def drop_postgres_database(config: DatabaseConfig) -> None:
    conninfo = postgres_conninfo(config, dbname="postgres")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(config.dbname))
        )


__all__ = ["Registry", "build", "migrate"]
