"""Audit bundles: what an auditor needs to check a slice of history without this software.

A bundle is a directory:

- ``events.jsonl``   the selected events, one canonical record per line, in order (the
                     exact bytes the chain hashed; the state holds the envelope: who, when, why)
- ``chain.tsv``      ``id<TAB>record_digest<TAB>chain_digest`` for *every* event from the
                     anchor to the closing checkpoint, selected or not, so links recompute
- ``anchor.txt``     ``position digest`` the chain starts from: a signed checkpoint, or 0
- ``checkpoints/``   ``<position>.msg`` (the signed text) and ``<position>.sig`` (Ed25519)
- ``public-key.pem`` the registry's checkpoint key
- ``verify.sh``      the recipe of docs/audit.md (bash, sha256sum, awk, openssl)
- ``manifest.json``  what the bundle holds, with the SHA-256 of each file
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from uuid import UUID

from projections.sql import in_chunks
from registry.audit.chain import GENESIS, canonical_record
from registry.audit.checkpoints import Checkpoint, list_checkpoints
from registry.audit.recorders import CHAIN_TABLE
from registry.audit.verify import events_source
from registry.bootstrap import Registry

RECIPE = Path(__file__).with_name("verify_bundle.sh")
WINDOW = 20_000


@dataclass(frozen=True)
class Manifest:
    title: str
    events: int
    chain_links: int
    anchor: int
    end: int
    checkpoints: list[int]
    files: dict[str, str]


def export_bundle(
    registry: Registry, out: Path, streams: Iterable[UUID] | None, title: str
) -> Manifest:
    """Writes a bundle of the given streams' events (all events when ``streams`` is None)."""
    selected = _selected_ids(registry, streams)
    if not selected:
        msg = "No stored events belong to what was asked for."
        raise ValueError(msg)
    checkpoints = list_checkpoints(registry.db, limit=1_000_000)
    if not any(c.position >= selected[-1] for c in checkpoints):
        registry.checkpoint()
        checkpoints = list_checkpoints(registry.db, limit=1_000_000)
    end = min(c.position for c in checkpoints if c.position >= selected[-1])
    before = [c for c in checkpoints if c.position < selected[0]]
    anchor = max(before, key=lambda c: c.position) if before else None
    anchor_position = anchor.position if anchor else 0
    anchor_digest = anchor.chain_digest if anchor else GENESIS

    if out.exists():
        shutil.rmtree(out)
    (out / "checkpoints").mkdir(parents=True)
    links = _write_chain(registry, out / "chain.tsv", anchor_position, end)
    _write_events(registry, out / "events.jsonl", set(selected), anchor_position, end)
    (out / "anchor.txt").write_text(f"{anchor_position} {anchor_digest}\n")
    included = [c for c in checkpoints if anchor_position <= c.position <= end]
    for checkpoint in included:
        _write_checkpoint(out / "checkpoints", checkpoint)
    with (out / "checkpoints.jsonl").open("w") as f:
        for checkpoint in included:
            f.write(json.dumps(asdict(checkpoint), sort_keys=True) + "\n")
    (out / "public-key.pem").write_text(registry.signing_key().public_pem())
    shutil.copyfile(RECIPE, out / "verify.sh")
    (out / "verify.sh").chmod(0o755)
    files = {
        str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }
    manifest = Manifest(
        title=title,
        events=len(selected),
        chain_links=links,
        anchor=anchor_position,
        end=end,
        checkpoints=[c.position for c in included],
        files=files,
    )
    (out / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2) + "\n")
    return manifest


def _selected_ids(registry: Registry, streams: Iterable[UUID] | None) -> list[int]:
    """Notification ids of the streams' events, in order (of every event when None)."""
    table, id_col = events_source(registry.app)
    with registry.db.read() as cur:
        if streams is None:
            rows = cur.fetchall(f"SELECT {id_col} FROM {table} ORDER BY {id_col}")
            return [int(r[0]) for r in rows]
        # SQLite keeps stream ids as hex text, PostgreSQL as uuid.
        keys: list[object] = [
            s.hex if registry.settings.database.kind == "sqlite" else s for s in streams
        ]
        ids: list[int] = []
        for marks, chunk in in_chunks(keys):
            ids += [
                int(r[0])
                for r in cur.fetchall(
                    f"SELECT {id_col} FROM {table} WHERE originator_id IN ({marks})",
                    chunk,
                )
            ]
    return sorted(ids)


def _write_chain(registry: Registry, path: Path, after: int, end: int) -> int:
    count, low = 0, after
    with path.open("w") as f:
        while low < end:
            high = min(low + WINDOW, end)
            with registry.db.read() as cur:
                rows = cur.fetchall(
                    f"SELECT notification_id, record_digest, chain_digest FROM {CHAIN_TABLE}"
                    " WHERE notification_id > ? AND notification_id <= ? ORDER BY notification_id",
                    (low, high),
                )
            for notification_id, rec, chain in rows:
                f.write(f"{int(notification_id)}\t{rec}\t{chain}\n")
                count += 1
            low = high
    return count


def _write_events(registry: Registry, path: Path, selected: set[int], after: int, end: int) -> None:
    table, id_col = events_source(registry.app)
    low = after
    with path.open("wb") as f:
        while low < end:
            high = min(low + WINDOW, end)
            with registry.db.read() as cur:
                rows = cur.fetchall(
                    f"SELECT {id_col}, originator_id, originator_version, topic, state"
                    f" FROM {table} WHERE {id_col} > ? AND {id_col} <= ? ORDER BY {id_col}",
                    (low, high),
                )
            for notification_id, stream, version, topic, state in rows:
                if int(notification_id) in selected:
                    record = canonical_record(stream, version, topic, bytes(state))
                    f.write(record + b"\n")
            low = high


def _write_checkpoint(directory: Path, checkpoint: Checkpoint) -> None:
    (directory / f"{checkpoint.position}.msg").write_bytes(checkpoint.message.encode("ascii"))
    (directory / f"{checkpoint.position}.sig").write_bytes(base64.b64decode(checkpoint.signature))
