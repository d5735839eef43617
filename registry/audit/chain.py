"""The hash chain's definition: what is hashed, exactly, so anyone can recompute it.

Each stored event becomes one *canonical record*: a line of JSON with sorted keys,
no spaces and ASCII-only escapes, holding the stream id and version, the topic (event
type) and the state exactly as stored (the envelope — actor, time, correlation id,
reason — is inside it):

    {"originator_id":"…","state":"{…}","topic":"…","version":3}

Its place in the global order is not in the record but in the chain: the chain is
walked in notification-id order, so moving an event breaks the links around it. That
lets the writer hash records before the database hands out their ids.

    record_digest(n) = SHA-256(canonical record n)                      (hex)
    chain_digest(n)  = SHA-256(chain_digest(n-1) || record_digest(n))   (hex strings)
    chain_digest(0)  = 64 zeros

Changing, deleting, reordering or inserting any stored event changes the record or
the sequence of records, so the recomputed chain stops matching the stored digests
from that event on — and a rewrite of the whole chain stops matching the signed
checkpoints published earlier. See docs/audit.md.
"""

from __future__ import annotations

import hashlib
from json.encoder import encode_basestring_ascii as _json_string
from uuid import UUID

GENESIS = "0" * 64


def canonical_record(
    originator_id: UUID | str,
    originator_version: int,
    topic: str,
    state: bytes | str,
) -> bytes:
    """The record's bytes: what ``json.dumps(…, sort_keys=True, separators=(",", ":"),
    ensure_ascii=True)`` gives for the four fields, built directly because this runs
    for every event written and verified."""
    # A tampered row may hold text or invalid UTF-8: it must hash (differently), not crash.
    text = state if isinstance(state, str) else state.decode("utf-8", errors="surrogateescape")
    return (
        f'{{"originator_id":"{_uuid_text(originator_id)}",'
        f'"state":{_json_string(text)},"topic":{_json_string(topic)},'
        f'"version":{int(originator_version)}}}'
    ).encode("ascii")


def _uuid_text(value: UUID | str) -> str:
    if isinstance(value, UUID):
        return str(value)
    return str(UUID(value))  # SQLite keeps ids as hex; the record always uses the dashed form


def record_digest(record: bytes) -> str:
    return hashlib.sha256(record).hexdigest()


def chain_digest(previous: str, record_digest_hex: str) -> str:
    return hashlib.sha256((previous + record_digest_hex).encode("ascii")).hexdigest()


def record_digest_of(
    originator_id: UUID | str, originator_version: int, topic: str, state: bytes | str
) -> str:
    return record_digest(canonical_record(originator_id, originator_version, topic, state))


def link(
    previous: str,
    originator_id: UUID | str,
    originator_version: int,
    topic: str,
    state: bytes | str,
) -> tuple[str, str]:
    """(record digest, chain digest) of one stored event following ``previous``."""
    rec = record_digest_of(originator_id, originator_version, topic, state)
    return rec, chain_digest(previous, rec)
