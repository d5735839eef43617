"""Signed checkpoints: the chain's head, signed with the service's Ed25519 key.

A checkpoint published today lets anyone detect tomorrow a rewrite of the whole
chain: the recomputed digest at that position would no longer match what was signed.
The signed message is plain ASCII so it can be checked with ``openssl pkeyutl``.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from projections.sql import Database
from registry.audit.recorders import CHAIN_TABLE

CHECKPOINT_TABLE = "audit_checkpoints"
CHECKPOINT_DDL = (
    f"CREATE TABLE IF NOT EXISTS {CHECKPOINT_TABLE} ("
    " position BIGINT PRIMARY KEY, chain_digest TEXT NOT NULL, signed_at TEXT NOT NULL,"
    " key_id TEXT NOT NULL, message TEXT NOT NULL, signature TEXT NOT NULL)"
)


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
        raw = self.public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.key_id = hashlib.sha256(raw).hexdigest()[:16]

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
        return self.public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii")

    def sign(self, message: str) -> str:
        return base64.b64encode(self._private.sign(message.encode("ascii"))).decode("ascii")


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
