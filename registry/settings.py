"""Settings, read once from ``NQS_*`` environment variables (documented in the README)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from projections.availability import POOL_WAIT_SECONDS


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class DatabaseConfig:
    """Where events and read models live: an SQLite file or a PostgreSQL database."""

    kind: str  # "sqlite" or "postgres"
    path: Path | None = None
    host: str = "127.0.0.1"
    port: int = 5432
    user: str = "postgres"
    password: str = ""
    dbname: str = "nqs"
    pool_size: int = 10
    # The audit hash chain; off only to measure what it costs (bench).
    chain: bool = True

    @classmethod
    def from_url(cls, url: str, *, data_dir: Path, pool_size: int = 10) -> DatabaseConfig:
        parsed = urlparse(url)
        if parsed.scheme == "sqlite":
            # sqlite:///relative/path or sqlite:////absolute/path
            raw = unquote(parsed.path)
            raw = raw[1:] if raw.startswith("/") else raw
            path = Path(raw) if raw else data_dir / "nqs.sqlite3"
            return cls(kind="sqlite", path=path)
        if parsed.scheme in ("postgres", "postgresql", "postgresql+psycopg"):
            query = parse_qs(parsed.query)
            return cls(
                kind="postgres",
                host=parsed.hostname or "127.0.0.1",
                port=parsed.port or 5432,
                user=unquote(parsed.username or "postgres"),
                password=unquote(parsed.password or ""),
                dbname=(parsed.path or "/nqs").lstrip("/") or "nqs",
                pool_size=int(query.get("pool_size", [pool_size])[0]),
            )
        msg = f"NQS_DATABASE_URL must start with sqlite:// or postgresql://, not {parsed.scheme!r}"
        raise SettingsError(msg)

    def describe(self) -> str:
        """Where the data is, without the password."""
        if self.kind == "sqlite":
            return f"sqlite:///{self.path}"
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}"

    def eventsourcing_env(self, *, create_table: bool = False) -> dict[str, str]:
        """The environment mapping the eventsourcing library is configured with."""
        # Personal-data keys and audit-chain links are written in the same transaction
        # as the events by the registry's own recorders.
        name = ("" if self.chain else "Unchained") + (
            "SQLiteRecorderWithKeys" if self.kind == "sqlite" else "PostgresRecorderWithKeys"
        )
        recorder = {"APPLICATION_RECORDER_TOPIC": f"registry.personal_data:{name}"}
        if self.kind == "sqlite":
            assert self.path is not None
            return recorder | {
                "PERSISTENCE_MODULE": "eventsourcing.sqlite",
                "SQLITE_DBNAME": str(self.path),
                "SQLITE_LOCK_TIMEOUT": "30",
                "CREATE_TABLE": "y" if create_table else "n",
            }
        return recorder | {
            "PERSISTENCE_MODULE": "eventsourcing.postgres",
            "POSTGRES_DBNAME": self.dbname,
            "POSTGRES_HOST": self.host,
            "POSTGRES_PORT": str(self.port),
            "POSTGRES_USER": self.user,
            "POSTGRES_PASSWORD": self.password,
            "POSTGRES_POOL_SIZE": str(self.pool_size),
            "POSTGRES_MAX_OVERFLOW": str(self.pool_size),
            # How long a request waits for a pooled connection: while the database is
            # down that is how soon it gets its 503 (projections/availability.py).
            "POSTGRES_CONNECT_TIMEOUT": str(POOL_WAIT_SECONDS),
            "POSTGRES_LOCK_TIMEOUT": "10",
            # A connection is checked (one empty round trip) as it leaves the pool: after
            # a database restart every pooled connection is dead, and without the check
            # each would fail one request before being dropped.
            "POSTGRES_PRE_PING": "y",
            "CREATE_TABLE": "y" if create_table else "n",
        }


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("var")
    database: DatabaseConfig = field(
        default_factory=lambda: DatabaseConfig(kind="sqlite", path=Path("var/nqs.sqlite3"))
    )
    host: str = "127.0.0.1"
    port: int = 8000
    admin_username: str | None = None
    admin_password: str | None = None
    secret_key: str | None = None
    token_ttl_minutes: int = 60
    log_format: str = "auto"  # auto | json | console
    log_level: str = "INFO"
    max_body_bytes: int = 1024 * 1024
    # The CSV import over HTTP (larger files go through `nqs ambassadors import`, unlimited).
    import_max_bytes: int = 8 * 1024 * 1024
    workers: int = 1
    audit_key_file: Path | None = None
    audit_checkpoint_seconds: int = 300
    id_hash_key: str | None = None
    master_key: str | None = None
    # Where the public reaches the site (links printed on certificates); None: the request's host.
    public_base_url: str | None = None
    session_minutes: int = 30

    @property
    def secure_cookies(self) -> bool:
        """Cookies carry Secure when the site is served over HTTPS."""
        return (self.public_base_url or "").startswith("https://")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        data_dir = Path(env.get("NQS_DATA_DIR") or "var")
        pool_size = _int(env, "NQS_DB_POOL_SIZE", 10)
        url = env.get("NQS_DATABASE_URL") or f"sqlite:///{data_dir / 'nqs.sqlite3'}"
        log_format = env.get("NQS_LOG_FORMAT", "auto")
        if log_format not in ("auto", "json", "console"):
            msg = "NQS_LOG_FORMAT must be auto, json or console"
            raise SettingsError(msg)
        return cls(
            data_dir=data_dir,
            database=DatabaseConfig.from_url(url, data_dir=data_dir, pool_size=pool_size),
            host=env.get("NQS_HOST") or "127.0.0.1",
            port=_int(env, "NQS_PORT", 8000),
            admin_username=env.get("NQS_ADMIN_USERNAME") or None,
            admin_password=env.get("NQS_ADMIN_PASSWORD") or None,
            secret_key=env.get("NQS_SECRET_KEY") or None,
            token_ttl_minutes=_int(env, "NQS_TOKEN_TTL_MINUTES", 60),
            log_format=log_format,
            log_level=(env.get("NQS_LOG_LEVEL") or "INFO").upper(),
            max_body_bytes=_int(env, "NQS_MAX_BODY_BYTES", 1024 * 1024),
            import_max_bytes=_int(env, "NQS_IMPORT_MAX_BYTES", 8 * 1024 * 1024),
            workers=_int(env, "NQS_WORKERS", 1),
            audit_key_file=Path(env["NQS_AUDIT_KEY_FILE"])
            if env.get("NQS_AUDIT_KEY_FILE")
            else None,
            audit_checkpoint_seconds=_int(env, "NQS_AUDIT_CHECKPOINT_SECONDS", 300),
            id_hash_key=env.get("NQS_ID_HASH_KEY") or None,
            master_key=env.get("NQS_MASTER_KEY") or None,
            public_base_url=_base_url(env.get("NQS_PUBLIC_BASE_URL")),
            session_minutes=_int(env, "NQS_SESSION_MINUTES", 30),
        )

    def audit_key_path(self) -> Path:
        """The Ed25519 key that signs audit checkpoints (generated on first use)."""
        return self.audit_key_file or self.data_dir / "audit-ed25519.pem"

    def resolved_secret_key(self) -> str:
        """The token-signing key: NQS_SECRET_KEY, else one generated once into the data dir."""
        return self.secret_key or self._generated("secret.key")

    def resolved_id_hash_key(self) -> bytes:
        """The pepper of the keyed hash that turns ID numbers into person ids (NQS_ID_HASH_KEY).

        Changing it changes every person id: set it once, keep it secret, back it up.
        """
        return (self.id_hash_key or self._generated("id-hash.key")).encode()

    def resolved_master_key(self) -> bytes:
        """The key that wraps every person's data key: NQS_MASTER_KEY (32 bytes, base64)."""
        import base64
        import binascii

        raw = self.master_key or self._generated("master.key")
        try:
            key = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
        except (binascii.Error, ValueError):
            key = b""
        if len(key) != 32:
            msg = "NQS_MASTER_KEY must be 32 random bytes in base64, e.g. `openssl rand -base64 32`"
            raise SettingsError(msg)
        return key

    def _generated(self, name: str) -> str:
        """A secret generated once into the data dir (mode 0600), then read back."""
        import secrets

        path = self.data_dir / name
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            # O_EXCL: two processes starting together must not write two different keys.
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "w") as f:
                    f.write(secrets.token_urlsafe(32 if name == "master.key" else 48))
        return path.read_text().strip()


def _base_url(raw: str | None) -> str | None:
    if not raw:
        return None
    parsed = urlparse(raw)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        msg = f"NQS_PUBLIC_BASE_URL must be an http(s) URL such as https://nqs.saso.gov.sa, not {raw!r}"
        raise SettingsError(msg)
    return raw.rstrip("/")


def _int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        msg = f"{key} must be an integer, got {raw!r}"
        raise SettingsError(msg) from None
