"""Licence types: reference data an officer extends (the catalogue seeds one per stage)."""

from __future__ import annotations

import re
from enum import StrEnum
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.envelope import Envelope
from domain.errors import InvalidInput, InvalidTransition, Problems
from domain.messages import N_
from domain.text import Text

NAMESPACE_LICENCE_TYPES = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/licence-types")
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,39}$")


class LicenceStage(StrEnum):
    """The seed's two stages: technical licences first, administrative licences second."""

    TECHNICAL = "technical"
    ADMINISTRATIVE = "administrative"


def normalise_type_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not _CODE.match(code):
        raise InvalidInput(
            N_("A licence type code is 2 to 40 capital letters, digits or hyphens."),
            field="code",
        )
    return code


def licence_type_id(code: str) -> UUID:
    return uuid5(NAMESPACE_LICENCE_TYPES, normalise_type_code(code))


def _check_terms(validity_years: int, cpd_hours: int) -> None:
    problems = Problems()
    if not 1 <= validity_years <= 10:
        problems.add(
            "validity_years",
            N_("A licence is valid for 1 to 10 years."),
        )
    if not 0 <= cpd_hours <= 1000:
        problems.add(
            "cpd_hours",
            N_("Renewal needs 0 to 1000 CPD hours."),
        )
    problems.raise_if_any()


class LicenceType(RegistryAggregate):
    """A kind of professional licence: its stage, its name, how long it lasts, what renewal
    asks (hours of continuing professional development)."""

    @staticmethod
    def create_id(code: str) -> UUID:
        return licence_type_id(code)

    @classmethod
    def define(
        cls,
        envelope: Envelope,
        code: str,
        stage: LicenceStage,
        title: Text,
        validity_years: int,
        cpd_hours: int,
    ) -> LicenceType:
        _check_terms(validity_years, cpd_hours)
        return cls(
            envelope=envelope,
            code=normalise_type_code(code),
            stage=LicenceStage(stage),
            title=title,
            validity_years=validity_years,
            cpd_hours=cpd_hours,
        )

    @event("Defined")
    def __init__(
        self,
        envelope: Envelope,
        code: str,
        stage: LicenceStage,
        title: Text,
        validity_years: int,
        cpd_hours: int,
    ) -> None:
        self.code = code
        self.stage = LicenceStage(stage)
        self.title = title
        self.validity_years = validity_years
        self.cpd_hours = cpd_hours
        self.active = True

    def revise(self, envelope: Envelope, title: Text, validity_years: int, cpd_hours: int) -> None:
        _check_terms(validity_years, cpd_hours)
        if (title, validity_years, cpd_hours) == (self.title, self.validity_years, self.cpd_hours):
            return
        self._revised(
            envelope=envelope, title=title, validity_years=validity_years, cpd_hours=cpd_hours
        )

    @event("Revised")
    def _revised(
        self, envelope: Envelope, title: Text, validity_years: int, cpd_hours: int
    ) -> None:
        self.title, self.validity_years, self.cpd_hours = title, validity_years, cpd_hours

    def retire(self, envelope: Envelope) -> None:
        """No new applications; licences already issued keep their type."""
        envelope.require_reason()
        if not self.active:
            raise InvalidTransition(N_("This licence type is already retired."))
        self._retired(envelope=envelope)

    @event("Retired")
    def _retired(self, envelope: Envelope) -> None:
        self.active = False
