"""Signed checkpoints: the chain's head, signed with the service's Ed25519 key.

A checkpoint published today lets anyone detect tomorrow a rewrite of the whole
chain: the recomputed digest at that position would no longer match what was signed.
The signed message is plain ASCII so it can be checked with ``openssl pkeyutl``.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import os
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from projections.sql import Database
from registry.audit.recorders import CHAIN_TABLE
from registry.clock import Clock

CHECKPOINT_TABLE = "audit_checkpoints"
CHECKPOINT_DDL = (
    f"CREATE TABLE IF NOT EXISTS {CHECKPOINT_TABLE} ("
    " position BIGINT PRIMARY KEY, chain_digest TEXT NOT NULL, signed_at TEXT NOT NULL,"
    " key_id TEXT NOT NULL, message TEXT NOT NULL, signature TEXT NOT NULL)"
)
# Every public key that ever signed a checkpoint, by id: after a key change (a new
# NQS_AUDIT_KEY_FILE) the retired keys stay listed, so older checkpoints still verify.
KEYS_TABLE = "audit_signing_keys"
KEYS_DDL = (
    f"CREATE TABLE IF NOT EXISTS {KEYS_TABLE} ("
    " key_id TEXT PRIMARY KEY, public_pem TEXT NOT NULL, first_used_at TEXT NOT NULL)"
)
# The worker's copy of every checkpoint, in the data directory: one JSON object a line.
CHECKPOINT_FILE = "audit-checkpoints.jsonl"


@dataclass(frozen=True)
class Checkpoint:
    position: int
    chain_digest: str
    signed_at: str
    key_id: str
    message: str
    signature: str  # base64 of the 64-byte Ed25519 signature over ``message``


def message_for(position: int, chain_digest: str, signed_at: str) -> str:
    return f"nqs-audit-checkpoint/v1 position={position} chain_digest={chain_digest} signed_at={signed_at}"


class SigningKey:
    """The service's Ed25519 key, kept in a file readable only by the service."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public = private.public_key()
        self.key_id = key_id_of(self.public)

    @classmethod
    def load_or_create(cls, path: Path) -> SigningKey:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            try:  # O_EXCL: two processes starting together keep one key
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(pem)
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(private, Ed25519PrivateKey):
            msg = f"{path} does not hold an Ed25519 private key"
            raise ValueError(msg)
        return cls(private)

    def public_pem(self) -> str:
        return public_pem(self.public)

    def sign(self, message: str) -> str:
        return base64.b64encode(self._private.sign(message.encode("ascii"))).decode("ascii")


def key_id_of(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_pem(public: Ed25519PublicKey) -> str:
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def verify_signature(public: Ed25519PublicKey, checkpoint: Checkpoint) -> bool:
    expected = message_for(checkpoint.position, checkpoint.chain_digest, checkpoint.signed_at)
    if checkpoint.message != expected:
        return False
    try:
        public.verify(base64.b64decode(checkpoint.signature), checkpoint.message.encode("ascii"))
    except (InvalidSignature, ValueError):
        return False
    return True


def create_tables(db: Database) -> None:
    with db.transaction() as cur:
        cur.execute(CHECKPOINT_DDL)
        cur.execute(KEYS_DDL)


def record_public_key(db: Database, key: SigningKey, now: datetime) -> None:
    """Lists the signing key's public half by id (once; a retired key's row stays)."""
    with db.transaction() as cur:
        cur.execute(
            f"INSERT INTO {KEYS_TABLE} (key_id, public_pem, first_used_at) VALUES (?, ?, ?)"
            " ON CONFLICT (key_id) DO NOTHING",
            (key.key_id, key.public_pem(), now.isoformat()),
        )


def listed_public_keys(db: Database) -> list[tuple[str, str, str]]:
    """(key id, PEM, first used at) of every key that signed checkpoints, oldest first."""
    with db.read() as cur:
        rows = cur.fetchall(
            f"SELECT key_id, public_pem, first_used_at FROM {KEYS_TABLE}"
            " ORDER BY first_used_at, key_id"
        )
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def public_keys(db: Database) -> dict[str, Ed25519PublicKey]:
    keys = {}
    for key_id, pem, _ in listed_public_keys(db):
        public = serialization.load_pem_public_key(pem.encode("ascii"))
        # A row whose key does not match its id is ignored: it could only be planted.
        if isinstance(public, Ed25519PublicKey) and key_id_of(public) == key_id:
            keys[key_id] = public
    return keys


def chain_head(db: Database) -> tuple[int, str] | None:
    with db.read() as cur:
        row = cur.fetchone(
            f"SELECT notification_id, chain_digest FROM {CHAIN_TABLE}"
            " ORDER BY notification_id DESC LIMIT 1"
        )
    return (int(row[0]), str(row[1])) if row else None


def list_checkpoints(db: Database, limit: int = 1000, after: int = 0) -> list[Checkpoint]:
    with db.read() as cur:
        rows = cur.fetchall(
            f"SELECT position, chain_digest, signed_at, key_id, message, signature"
            f" FROM {CHECKPOINT_TABLE} WHERE position > ? ORDER BY position LIMIT ?",
            (after, limit),
        )
    return [Checkpoint(int(r[0]), *r[1:]) for r in rows]


def create_checkpoint(db: Database, key: SigningKey, now: datetime) -> Checkpoint | None:
    """Signs the current head, unless it is already signed (or the log is empty)."""
    head = chain_head(db)
    if head is None:
        return None
    position, digest = head
    signed_at = now.isoformat()
    message = message_for(position, digest, signed_at)
    checkpoint = Checkpoint(position, digest, signed_at, key.key_id, message, key.sign(message))
    with db.transaction() as cur:
        inserted = cur.execute(
            f"INSERT INTO {CHECKPOINT_TABLE}"
            " (position, chain_digest, signed_at, key_id, message, signature)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (position) DO NOTHING",
            (position, digest, signed_at, key.key_id, message, checkpoint.signature),
        )
    return checkpoint if inserted == 1 else None


def append_to_file(path: Path, checkpoints: Iterable[Checkpoint]) -> int:
    """Appends the checkpoints that come after the file's last one; returns how many.
    Locked, so the worker and an API process sealing a decision never interleave lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="ascii") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        last = _last_position(f)
        new = [c for c in checkpoints if c.position > last]
        for checkpoint in new:
            f.write(json.dumps(asdict(checkpoint), sort_keys=True) + "\n")
        f.flush()
        os.fsync(f.fileno())
    return len(new)


def mirror_to_file(db: Database, path: Path) -> int:
    """Copies the store's checkpoints that the file does not hold yet to the file."""
    last = 0
    if path.exists():
        with path.open("r", encoding="ascii") as f:
            last = _last_position(f)
    return append_to_file(path, list_checkpoints(db, limit=1_000_000, after=last))


def _last_position(f: IO[str]) -> int:
    """The position of the file's last checkpoint (its last line: the file is never read
    whole, however long it grows)."""
    f.seek(0, os.SEEK_END)
    size = f.tell()
    f.seek(max(0, size - 8192))
    lines = [line for line in f.read().splitlines() if line.strip()]
    f.seek(0, os.SEEK_END)
    return int(json.loads(lines[-1])["position"]) if lines else 0


def load_checkpoints(path: Path) -> list[Checkpoint]:
    """An auditor's saved checkpoints: the worker's JSON-lines file, or a saved
    ``GET /api/v1/audit/checkpoints`` answer (``{"items": [...]}``, or just the list)."""
    text = path.read_text(encoding="utf-8").strip()
    if not text:
        return []
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError:
        document = [json.loads(line) for line in text.splitlines() if line.strip()]
    # An API page, a file of one checkpoint, or a list of them.
    items = document.get("items", [document]) if isinstance(document, dict) else document
    try:
        checkpoints = [
            Checkpoint(
                int(i["position"]),
                str(i["chain_digest"]),
                str(i["signed_at"]),
                str(i["key_id"]),
                str(i["message"]),
                str(i["signature"]),
            )
            for i in items
        ]
    except (KeyError, TypeError, ValueError) as error:
        msg = f"{path} does not hold checkpoints as /api/v1/audit/checkpoints lists them"
        raise ValueError(msg) from error
    return sorted(checkpoints, key=lambda c: c.position)


class Checkpointer:
    """Signs checkpoints for one process: its key (loaded once, listed by id), the store's
    table, and the data directory's file that every new checkpoint is appended to."""

    def __init__(self, db: Database, key_path: Path, file: Path, clock: Clock) -> None:
        self.db = db
        self.key_path = key_path
        self.file = file
        self.clock = clock
        self._key: SigningKey | None = None
        self._lock = threading.Lock()

    def key(self) -> SigningKey:
        with self._lock:
            if self._key is None:
                key = SigningKey.load_or_create(self.key_path)
                record_public_key(self.db, key, self.clock.now())  # listed for good, by id
                self._key = key
            return self._key

    def checkpoint(self) -> Checkpoint | None:
        """Signs the chain's current head (if it moved since the last checkpoint), and
        appends every checkpoint the file lacks to it."""
        checkpoint = create_checkpoint(self.db, self.key(), self.clock.now())
        mirror_to_file(self.db, self.file)
        return checkpoint

    def public_keys(self) -> dict[str, Ed25519PublicKey]:
        """Every key that signed checkpoints, by id — the current one and retired ones."""
        current = self.key()
        return {**public_keys(self.db), current.key_id: current.public}
