"""Shared fixtures: a fresh store per test (SQLite file and real PostgreSQL), a manual clock,
the wired registry, and an HTTP client with a signed-in user per role.

PostgreSQL: ``NQS_TEST_POSTGRES_URL`` (default postgresql://postgres@127.0.0.1:5432/postgres).
Each test gets its own uniquely named database, dropped afterwards. When the server is not
reachable the PostgreSQL variants skip — unless ``NQS_REQUIRE_POSTGRES=1`` (set by CI and
``make test``), which turns that into a failure so the suite can never pass without it.
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from litestar.testing import TestClient

from api.app import create_app
from domain.envelope import Envelope
from domain.roles import Role
from domain.users import User
from registry.bootstrap import Registry, build, drop_postgres_database, migrate
from registry.clock import ManualClock
from registry.settings import DatabaseConfig, Settings

PG_URL = os.environ.get("NQS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REQUIRE_PG = os.environ.get("NQS_REQUIRE_POSTGRES") == "1"
START = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


@functools.cache  # asked once per test session: the answer does not change mid-run
def _postgres_available() -> bool:
    config = DatabaseConfig.from_url(PG_URL, data_dir=Path("."))
    try:
        with psycopg.connect(
            host=config.host,
            port=config.port,
            user=config.user,
            password=config.password or None,
            dbname=config.dbname,
            connect_timeout=3,
        ):
            return True
    except psycopg.OperationalError:
        return False


def make_settings(kind: str, tmp_path: Path) -> Settings:
    """Settings for a brand-new, empty store of the given kind."""
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / 'nqs.sqlite3'}"
    else:
        if not _postgres_available():
            if REQUIRE_PG:
                pytest.fail(f"PostgreSQL is required (NQS_REQUIRE_POSTGRES=1) but {PG_URL} is down")
            pytest.skip(f"PostgreSQL not reachable at {PG_URL}")
        base = PG_URL.rsplit("/", 1)[0]
        url = f"{base}/nqs_test_{uuid.uuid4().hex[:12]}?pool_size=6"
    return Settings.from_env(
        {
            "NQS_DATA_DIR": str(tmp_path / "data"),
            "NQS_DATABASE_URL": url,
            "NQS_SECRET_KEY": "test-secret-key-that-is-long-enough-for-hs256",
        }
    )


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Settings]:
    """Settings of a fresh, migrated store; runs each test on SQLite and on PostgreSQL."""
    settings = make_settings(request.param, tmp_path)
    migrate(settings)
    yield settings
    if settings.database.kind == "postgres":
        drop_postgres_database(settings.database)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def registry(store: Settings, clock: ManualClock) -> Iterator[Registry]:
    reg = build(store, clock)
    yield reg
    reg.close()


# A real argon2 hash of TEST_PASSWORD, computed once: hashing per test would be slow.
TEST_PASSWORD = "correct horse battery staple"
_hash_cache: dict[str, str] = {}


def test_password_hash() -> str:
    if "hash" not in _hash_cache:
        from registry.passwords import hash_password

        _hash_cache["hash"] = hash_password(TEST_PASSWORD)
    return _hash_cache["hash"]


def add_user(registry: Registry, username: str, role: Role) -> User:
    envelope = Envelope("system", "system", "test-setup", registry.clock.now())
    user = User.register(envelope, username, role, test_password_hash())
    registry.users.save(user)
    return user


class Api:
    """An HTTP client plus the bearer tokens of one signed-in user per role."""

    def __init__(self, client: TestClient, registry: Registry) -> None:
        self.client = client
        self.registry = registry
        self.tokens: dict[str, str] = {}
        self.user_ids: dict[str, str] = {}

    def sign_in(self, role: Role) -> dict[str, str]:
        if role not in self.tokens:
            user = add_user(self.registry, f"{role.value.replace('_', '-')}-user", role)
            auth = self.client.app.state.auth
            self.tokens[role] = auth.create_token(
                identifier=str(user.id), token_extras={"role": role.value}
            )
            self.user_ids[role] = str(user.id)
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def as_(self, role: Role, **headers: str) -> dict[str, str]:
        return {**self.sign_in(role), **headers}

    def catch_up(self) -> None:
        self.registry.runner.catch_up()


@pytest.fixture
def api(registry: Registry) -> Iterator[Api]:
    app = create_app(registry=registry)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Api(client, registry)


@pytest.fixture
def unique() -> Callable[[str], str]:
    """Unique names so tests never collide, even in a shared database."""

    def make(prefix: str) -> str:
        return f"{prefix}-{uuid.uuid4().hex[:8]}".upper()

    return make
