"""Organisations that apply for awards: hospitals, polyclinics, health associations, companies.

The licence number is the natural key (one organisation per licence). Years of
operation are not stored but derived from ``operating_since`` on the day they
are checked, so an eligibility decision is right on the day it is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.envelope import Envelope
from domain.errors import AlreadyExists, InvalidInput, InvalidTransition, NotFound, Problems
from domain.messages import N_, Joined
from domain.regions import Region
from domain.text import Text

NAMESPACE_ORGANISATIONS = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/organisations")
LICENCE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9/-]{2,39}$")


class OrganisationType(StrEnum):
    HOSPITAL = "hospital"
    HEALTH_CENTRE = "health_centre"  # health centres and polyclinics (medical complexes)
    HEALTH_ASSOCIATION = "health_association"  # licensed non-profit health association
    COMPANY = "company"
    GOVERNMENT_ENTITY = "government_entity"


# Each type as an Arabic message names it.
TYPE_NAMES_AR: dict[OrganisationType, str] = {
    OrganisationType.HOSPITAL: "مستشفى",
    OrganisationType.HEALTH_CENTRE: "مركز صحي أو مجمع طبي",
    OrganisationType.HEALTH_ASSOCIATION: "جمعية صحية",
    OrganisationType.COMPANY: "شركة",
    OrganisationType.GOVERNMENT_ENTITY: "جهة حكومية",
}


def type_names(types: tuple[OrganisationType | str, ...]) -> Joined:
    """Organisation types as a message lists them: their codes in English, names in Arabic."""
    return Joined.of(Text(ar=TYPE_NAMES_AR[OrganisationType(t)], en=str(t)) for t in types)


class OrganisationStatus(StrEnum):
    REGISTERED = "registered"
    ACTIVE = "active"  # registered and activated by the executive office
    SUSPENDED = "suspended"


@dataclass(frozen=True)
class Accreditation:
    """A national or international accreditation (or excellence award) with its validity."""

    accreditation_id: UUID
    name: str
    issuer: str
    expires_on: date


@dataclass(frozen=True)
class OrganisationFacts:
    """What eligibility rules look at, as of one moment."""

    type: OrganisationType
    region: Region
    beds: int | None
    licence_expires_on: date
    operating_since: date
    accreditations: tuple[Accreditation, ...]
    status: OrganisationStatus

    def years_of_operation(self, on: date) -> int:
        years = on.year - self.operating_since.year
        if (on.month, on.day) < (self.operating_since.month, self.operating_since.day):
            years -= 1
        return max(years, 0)


def normalise_licence(number: str) -> str:
    number = re.sub(r"\s+", "", (number or "")).upper()
    if not LICENCE_PATTERN.match(number):
        raise InvalidInput(
            N_("A licence number is 3 to 40 letters, digits, hyphens or slashes."),
            field="licence_number",
        )
    return number


def organisation_id(licence_number: str) -> UUID:
    return uuid5(NAMESPACE_ORGANISATIONS, normalise_licence(licence_number))


@dataclass(frozen=True)
class Profile:
    """The organisation's descriptive facts, revised together."""

    name: Text
    type: OrganisationType
    region: Region
    beds: int | None
    licence_expires_on: date
    operating_since: date

    def problems(self, today: date) -> Problems:
        problems = Problems()
        if self.beds is not None and not 0 <= self.beds <= 10_000:
            problems.add("beds", N_("Beds are between 0 and 10000."))
        if self.type == OrganisationType.HOSPITAL and self.beds is None:
            problems.add("beds", N_("A hospital must state its number of beds."))
        if self.operating_since > today:
            problems.add(
                "operating_since",
                N_("The start of operation cannot be in the future."),
            )
        return problems


class Organisation(RegistryAggregate):
    @staticmethod
    def create_id(licence_number: str) -> UUID:
        return organisation_id(licence_number)

    @classmethod
    def register(cls, envelope: Envelope, licence_number: str, profile: Profile) -> Organisation:
        licence_number = normalise_licence(licence_number)
        profile.problems(envelope.at.date()).raise_if_any()
        return cls(envelope=envelope, licence_number=licence_number, profile=profile)

    @event("Registered")
    def __init__(self, envelope: Envelope, licence_number: str, profile: Profile) -> None:
        self.licence_number = licence_number
        self.profile = profile
        self.status = OrganisationStatus.REGISTERED
        self.accreditations: dict[UUID, Accreditation] = {}

    def revise_profile(self, envelope: Envelope, profile: Profile) -> None:
        profile.problems(envelope.at.date()).raise_if_any()
        if profile == self.profile:
            return
        self._profile_revised(envelope=envelope, profile=profile)

    @event("ProfileRevised")
    def _profile_revised(self, envelope: Envelope, profile: Profile) -> None:
        self.profile = profile

    def add_accreditation(self, envelope: Envelope, accreditation: Accreditation) -> None:
        if accreditation.accreditation_id in self.accreditations:
            raise AlreadyExists(N_("This accreditation is already recorded."), field="id")
        if not accreditation.name.strip() or not accreditation.issuer.strip():
            raise InvalidInput(
                N_("An accreditation has a name and an issuer."),
                field="name" if not accreditation.name.strip() else "issuer",
            )
        self._accreditation_added(envelope=envelope, accreditation=accreditation)

    @event("AccreditationAdded")
    def _accreditation_added(self, envelope: Envelope, accreditation: Accreditation) -> None:
        self.accreditations[accreditation.accreditation_id] = accreditation

    def remove_accreditation(self, envelope: Envelope, accreditation_id: UUID) -> None:
        envelope.require_reason()
        if accreditation_id not in self.accreditations:
            raise NotFound(N_("No such accreditation."))
        self._accreditation_removed(envelope=envelope, accreditation_id=accreditation_id)

    @event("AccreditationRemoved")
    def _accreditation_removed(self, envelope: Envelope, accreditation_id: UUID) -> None:
        del self.accreditations[accreditation_id]

    def activate(self, envelope: Envelope) -> None:
        """The executive office has verified the organisation: it may take part."""
        envelope.require_reason()
        if self.status == OrganisationStatus.ACTIVE:
            raise InvalidTransition(N_("This organisation is already active."), field="status")
        self._activated(envelope=envelope)

    @event("Activated")
    def _activated(self, envelope: Envelope) -> None:
        self.status = OrganisationStatus.ACTIVE

    def suspend(self, envelope: Envelope) -> None:
        envelope.require_reason()
        if self.status == OrganisationStatus.SUSPENDED:
            raise InvalidTransition(N_("This organisation is already suspended."), field="status")
        self._suspended(envelope=envelope)

    @event("Suspended")
    def _suspended(self, envelope: Envelope) -> None:
        self.status = OrganisationStatus.SUSPENDED

    def facts(self) -> OrganisationFacts:
        p = self.profile
        return OrganisationFacts(
            type=OrganisationType(p.type),
            region=Region(p.region),
            beds=p.beds,
            licence_expires_on=p.licence_expires_on,
            operating_since=p.operating_since,
            accreditations=tuple(self.accreditations.values()),
            status=OrganisationStatus(self.status),
        )
