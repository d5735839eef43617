"""The one eventsourcing application of the registry.

One application (one event store, one notification log) serves every area:
projections follow a single global order, the audit chain runs over it, and
the library's advice to keep one application per process holds. The areas'
command services (``registry/initiatives.py`` and friends) share it.
"""

from __future__ import annotations

import base64
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.dates import PartialDate, ReportingPeriod
from domain.envelope import Envelope
from domain.personal import Sealed
from domain.text import Text
from registry.award_transcodings import AWARD_TRANSCODINGS


class NQSApplication(Application[UUID]):
    name = "nqs"

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        for transcoding in TRANSCODINGS:
            transcoder.register(transcoding)


class _EnvelopeAsDict(Transcoding):
    type = Envelope
    name = "envelope"

    def encode(self, obj: Envelope) -> dict[str, Any]:
        return obj.to_dict()

    def decode(self, data: dict[str, Any]) -> Envelope:
        return Envelope.from_dict(data)


class _TextAsDict(Transcoding):
    type = Text
    name = "text"

    def encode(self, obj: Text) -> list[str]:
        return [obj.ar, obj.en]

    def decode(self, data: list[str]) -> Text:
        return Text(ar=data[0], en=data[1])


class _PartialDateAsStr(Transcoding):
    type = PartialDate
    name = "pdate"

    def encode(self, obj: PartialDate) -> str:
        return obj.value

    def decode(self, data: str) -> PartialDate:
        return PartialDate(data)


class _ReportingPeriodAsStr(Transcoding):
    type = ReportingPeriod
    name = "period"

    def encode(self, obj: ReportingPeriod) -> str:
        return obj.value

    def decode(self, data: str) -> ReportingPeriod:
        return ReportingPeriod(data)


class _DateAsISO(Transcoding):
    type = date
    name = "date"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class _SealedAsBase64(Transcoding):
    type = Sealed
    name = "sealed"

    def encode(self, obj: Sealed) -> str:
        return base64.b64encode(obj.blob).decode("ascii")

    def decode(self, data: str) -> Sealed:
        return Sealed(base64.b64decode(data))


TRANSCODINGS: list[Transcoding] = [
    _EnvelopeAsDict(),
    _TextAsDict(),
    _PartialDateAsStr(),
    _ReportingPeriodAsStr(),
    _DateAsISO(),
    *AWARD_TRANSCODINGS,
    _SealedAsBase64(),
]
