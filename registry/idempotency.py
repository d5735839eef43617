"""Idempotency-Key support for creating commands.

The key is stamped into the envelope of the event that created the thing
(as digests: the raw key may be anything a client chose). A retry with the same
key and body finds that stamp and gets the first result back. Because the stamp
is written in the same transaction as the creation itself, a crash can never
separate the two.

Whose key it is:

- A signed-in caller's keys are theirs alone (scoped by their id): the same key with
  another body is refused (422), since it can only be the caller's own mistake.
- Anonymous callers (public enrolment, licence applications) share one key space, so a
  key is scoped by the key *and* the body: two strangers who both choose "1" make two
  separate requests, each judged on its own (another person under the same key is simply
  another enrolment). Only the very same body replays, and it gets back what its sender
  already holds; a stranger's key never answers with, or blocks, someone else's record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from uuid import UUID, uuid5

from domain.envelope import PUBLIC_ACTOR
from domain.errors import IdempotencyMismatch, InvalidInput
from domain.messages import N_

MAX_KEY_LENGTH = 200


@dataclass(frozen=True)
class IdempotencyKey:
    key_digest: str
    body_digest: str

    @classmethod
    def of(cls, actor_id: str, key: str, body: bytes) -> IdempotencyKey:
        key = key.strip()
        if not key or len(key) > MAX_KEY_LENGTH:
            raise InvalidInput(
                N_("An Idempotency-Key has 1 to {max_key_length} characters."),
                field="Idempotency-Key",
                max_key_length=MAX_KEY_LENGTH,
            )
        body_digest = hashlib.sha256(body).hexdigest()[:32]
        # Keys are scoped to the caller: two clients choosing "1" never collide. Anonymous
        # callers are not one client, so their scope is the body as well.
        scope = f"{actor_id}\x00{body_digest}" if actor_id == PUBLIC_ACTOR else actor_id
        key_digest = hashlib.sha256(f"{scope}\x00{key}".encode()).hexdigest()[:32]
        return cls(key_digest, body_digest)

    @property
    def stamp(self) -> str:
        return f"{self.key_digest}:{self.body_digest}"

    def derive_id(self, namespace: UUID) -> UUID:
        """A fixed id for the thing this key creates, so a retry lands on the same one."""
        return uuid5(namespace, self.key_digest)

    def is_replay_of(self, stamp: str | None) -> bool:
        """True if ``stamp`` records this very request; refuses the key reused for another body."""
        if not stamp:
            return False
        key_digest, _, body_digest = stamp.partition(":")
        if key_digest != self.key_digest:
            return False
        if body_digest != self.body_digest:
            raise IdempotencyMismatch(
                N_("This Idempotency-Key was already used with a different request body."),
                field="Idempotency-Key",
            )
        return True
