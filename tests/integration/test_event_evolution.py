"""Events can evolve: an old stored shape is upcast when read, and the chain stays valid.

The digest covers the bytes as stored, so reading a v1 event as v2 changes nothing
the chain holds.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.domain import event
from eventsourcing.utils import clear_topic_cache, get_topic, register_topic

from domain.aggregate import RegistryAggregate
from domain.envelope import Envelope
from registry.audit.verify import verify
from registry.bootstrap import Registry


class NoteV1(RegistryAggregate):
    """How a note was first recorded: just its text."""

    @event("Written")
    def __init__(self, envelope: Envelope, text: str) -> None:
        self.text = text


class NoteV2(RegistryAggregate):
    """The same note after the model evolved: every note now says its language."""

    class Written(RegistryAggregate.Created):
        class_version = 2
        text: str
        language: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            arabic = any("\u0600" <= ch <= "\u06ff" for ch in state["text"])
            state["language"] = "ar" if arabic else "en"

    @event(Written)
    def __init__(self, envelope: Envelope, text: str, language: str) -> None:
        self.text = text
        self.language = language


def test_an_old_event_is_upcast_when_read_and_the_chain_still_verifies(
    registry: Registry,
) -> None:
    envelope = Envelope("officer-1", "officer", "req-1", registry.clock.now())
    old = NoteV1(envelope=envelope, text="جودة")
    registry.app.save(old)
    registry.checkpoint()

    # The code evolves: the stored v1 topics now resolve to the v2 classes.
    clear_topic_cache()
    register_topic(get_topic(NoteV1), NoteV2)
    register_topic(get_topic(NoteV1.Written), NoteV2.Written)
    try:
        read = registry.app.repository.get(old.id)
        assert isinstance(read, NoteV2)
        assert (read.text, read.language) == ("جودة", "ar")
        result = verify(registry.app, registry.db, registry.signing_key().public)
        assert result.ok and result.checkpoints_ok == 1
    finally:
        clear_topic_cache()
