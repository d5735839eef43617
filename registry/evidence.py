"""Evidence files, stored content-addressed by SHA-256 under the data directory.

The bytes live only here; events record name, type, size and digest. A file is
written once under its digest (``evidence/ab/abcdef…``), atomically, so the
same document uploaded twice is stored once and a half-written file is never
visible under a digest.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from domain.errors import NotFound
from domain.messages import N_


class EvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, content: bytes) -> str:
        """Stores the bytes (once) and returns their SHA-256 digest."""
        digest = hashlib.sha256(content).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(content)
                f.flush()
                os.fsync(f.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest

    def read(self, sha256: str) -> bytes:
        path = self.path(sha256)
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            raise NotFound(
                N_("The evidence file's content is missing from the store."),
            ) from None
        if hashlib.sha256(content).hexdigest() != sha256:
            # Tampered or corrupted on disk: never serve bytes that do not match the record.
            raise NotFound(
                N_("The stored evidence no longer matches its recorded digest."),
            )
        return content
