"""A professional licence in quality, from application to expiry.

    applied ──assess──▶ passed ──issue──▶ issued ──renew (CPD hours)──▶ issued
       └───────────────▶ failed          │  ▲ suspend/reinstate
                                          ├─▶ suspended
                                          ├─▶ revoked
                                          └─▶ expired (past its validity; read as such at once)

One licence per person per type: its id comes from the person's id and the type,
so a second application while one is open collides; a closed one (failed,
revoked, expired) may be applied for again, which starts a new cycle.
An administrative licence (second stage) requires a valid technical one.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.envelope import Envelope
from domain.errors import InvalidInput, InvalidTransition, Problems
from domain.licences.licence_type import LicenceStage, LicenceType
from domain.lifecycle import check_not_erased, check_status, renewal_start, years_later
from domain.messages import N_
from domain.personal import Sealed

NAMESPACE_LICENCES = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/licences")


class LicenceStatus(StrEnum):
    APPLIED = "applied"
    PASSED = "passed"
    FAILED = "failed"
    ISSUED = "issued"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    EXPIRED = "expired"


# Each status as an Arabic message names it.
STATUS_AR: dict[LicenceStatus, str] = {
    LicenceStatus.APPLIED: "مقدَّم طلبها",
    LicenceStatus.PASSED: "اجتاز صاحبها التقييم",
    LicenceStatus.FAILED: "لم يجتز صاحبها التقييم",
    LicenceStatus.ISSUED: "صادرة",
    LicenceStatus.SUSPENDED: "موقوفة",
    LicenceStatus.REVOKED: "ملغاة",
    LicenceStatus.EXPIRED: "منتهية",
}

# What the public check calls each status (an issued licence is "valid").
PUBLIC_STATUS: dict[LicenceStatus, str] = {
    LicenceStatus.ISSUED: "valid",
    LicenceStatus.SUSPENDED: "suspended",
    LicenceStatus.REVOKED: "revoked",
    LicenceStatus.EXPIRED: "expired",
}
CLOSED = {LicenceStatus.FAILED, LicenceStatus.REVOKED, LicenceStatus.EXPIRED}


def effective_status(status: LicenceStatus, valid_until: date | None, today: date) -> LicenceStatus:
    """What a licence is today: an issued one past its validity has expired, whether or not
    the expiry has been recorded yet."""
    if status == LicenceStatus.ISSUED and valid_until is not None and valid_until < today:
        return LicenceStatus.EXPIRED
    return status


def licence_id(person: UUID, type_code: str) -> UUID:
    return uuid5(NAMESPACE_LICENCES, f"{person}:{type_code}")


def check_application(
    qualifications: list[str], experience_years: int, evidence: list[str]
) -> None:
    problems = Problems()
    if not qualifications:
        problems.add("qualifications", N_("List at least one qualification."))
    if not 0 <= experience_years <= 60:
        problems.add(
            "experience_years",
            N_("Years of experience are between 0 and 60."),
        )
    if not evidence:
        problems.add("evidence", N_("Give at least one piece of evidence."))
    problems.raise_if_any()


class Licence(RegistryAggregate):
    @staticmethod
    def create_id(person_id: UUID, type_code: str) -> UUID:
        return licence_id(person_id, type_code)

    @classmethod
    def apply(
        cls,
        envelope: Envelope,
        person_id: UUID,
        personal: Sealed,
        licence_type: LicenceType,
        qualifications: list[str],
        experience_years: int,
        evidence: list[str],
        technical: Licence | None,
    ) -> Licence:
        _check_type_open(licence_type)
        check_application(qualifications, experience_years, evidence)
        _check_prerequisite(licence_type, technical, envelope.at.date())
        return cls(
            envelope=envelope,
            person_id=person_id,
            personal=personal,
            type_code=licence_type.code,
            stage=licence_type.stage,
            qualifications=qualifications,
            experience_years=experience_years,
            evidence=evidence,
        )

    @event("Applied")
    def __init__(
        self,
        envelope: Envelope,
        person_id: UUID,
        personal: Sealed,
        type_code: str,
        stage: LicenceStage,
        qualifications: list[str],
        experience_years: int,
        evidence: list[str],
    ) -> None:
        self.person_id = person_id
        self.personal = personal
        self.type_code = type_code
        self.stage = LicenceStage(stage)
        self._open_cycle(qualifications, experience_years, evidence)
        self.number: str | None = None
        self.valid_from: date | None = None
        self.valid_until: date | None = None
        self.cpd_hours_total = 0
        self.erased = False

    def _open_cycle(
        self, qualifications: list[str], experience_years: int, evidence: list[str]
    ) -> None:
        self.qualifications = list(qualifications)
        self.experience_years = experience_years
        self.evidence = list(evidence)
        self.status = LicenceStatus.APPLIED
        self.assessment_score: int | None = None

    def status_on(self, today: date) -> LicenceStatus:
        return effective_status(self.status, self.valid_until, today)

    def is_valid_on(self, today: date) -> bool:
        return self.status_on(today) == LicenceStatus.ISSUED

    def reapply(
        self,
        envelope: Envelope,
        licence_type: LicenceType,
        qualifications: list[str],
        experience_years: int,
        evidence: list[str],
        technical: Licence | None,
    ) -> None:
        """A new application for a licence that failed, was revoked or expired."""
        if self.status_on(envelope.at.date()) not in CLOSED:
            raise InvalidTransition(
                N_("This person already has an open application or a licence of this type."),
                field="type_code",
            )
        _check_type_open(licence_type)
        check_application(qualifications, experience_years, evidence)
        _check_prerequisite(licence_type, technical, envelope.at.date())
        self._reapplied(
            envelope=envelope,
            qualifications=qualifications,
            experience_years=experience_years,
            evidence=evidence,
        )

    @event("Reapplied")
    def _reapplied(
        self,
        envelope: Envelope,
        qualifications: list[str],
        experience_years: int,
        evidence: list[str],
    ) -> None:
        self._open_cycle(qualifications, experience_years, evidence)

    def record_assessment(self, envelope: Envelope, passed: bool, score: int | None) -> None:
        envelope.require_reason()
        self._require(envelope, {LicenceStatus.APPLIED}, "assessed")
        if score is not None and not 0 <= score <= 100:
            raise InvalidInput(N_("A score is between 0 and 100."), field="score")
        self._assessed(envelope=envelope, passed=passed, score=score)

    @event("Assessed")
    def _assessed(self, envelope: Envelope, passed: bool, score: int | None) -> None:
        self.status = LicenceStatus.PASSED if passed else LicenceStatus.FAILED
        self.assessment_score = score

    def issue(
        self, envelope: Envelope, number: str, licence_type: LicenceType, technical: Licence | None
    ) -> None:
        envelope.require_reason()
        self._require(envelope, {LicenceStatus.PASSED}, "issued")
        _check_prerequisite(licence_type, technical, envelope.at.date())
        valid_from = envelope.at.date()
        self._issued(
            envelope=envelope,
            number=self.number or number,
            valid_from=valid_from,
            valid_until=years_later(valid_from, licence_type.validity_years),
        )

    @event("Issued")
    def _issued(self, envelope: Envelope, number: str, valid_from: date, valid_until: date) -> None:
        self.status = LicenceStatus.ISSUED
        self.number = number
        self.valid_from = valid_from
        self.valid_until = valid_until

    def renew(self, envelope: Envelope, cpd_hours: int, licence_type: LicenceType) -> None:
        today = envelope.at.date()
        status = self._require(envelope, {LicenceStatus.ISSUED, LicenceStatus.EXPIRED}, "renewed")
        assert self.valid_until is not None
        running = status == LicenceStatus.ISSUED
        start = renewal_start(
            self.valid_until,
            running,
            today,
            N_("A licence is renewed within {days} days of its expiry ({ends_on})."),
        )
        if cpd_hours < licence_type.cpd_hours:
            raise InvalidInput(
                N_(
                    "Renewal needs at least {cpd_hours} hours of continuing professional development."
                ),
                field="cpd_hours",
                cpd_hours=licence_type.cpd_hours,
            )
        self._renewed(
            envelope=envelope,
            cpd_hours=cpd_hours,
            valid_until=years_later(start, licence_type.validity_years),
        )

    @event("Renewed")
    def _renewed(self, envelope: Envelope, cpd_hours: int, valid_until: date) -> None:
        self.status = LicenceStatus.ISSUED
        self.valid_until = valid_until
        self.cpd_hours_total += cpd_hours

    def suspend(self, envelope: Envelope) -> None:
        envelope.require_reason()
        self._require(envelope, {LicenceStatus.ISSUED}, "suspended")
        self._suspended(envelope=envelope)

    @event("Suspended")
    def _suspended(self, envelope: Envelope) -> None:
        self.status = LicenceStatus.SUSPENDED

    def reinstate(self, envelope: Envelope) -> None:
        envelope.require_reason()
        self._require(envelope, {LicenceStatus.SUSPENDED}, "reinstated")
        self._reinstated(envelope=envelope)

    @event("Reinstated")
    def _reinstated(self, envelope: Envelope) -> None:
        self.status = LicenceStatus.ISSUED

    def revoke(self, envelope: Envelope) -> None:
        envelope.require_reason()
        self._require(envelope, {LicenceStatus.ISSUED, LicenceStatus.SUSPENDED}, "revoked")
        self._revoked(envelope=envelope)

    @event("Revoked")
    def _revoked(self, envelope: Envelope) -> None:
        self.status = LicenceStatus.REVOKED

    def expire(self, envelope: Envelope) -> None:
        envelope.require_reason()
        if self.status != LicenceStatus.ISSUED or self.is_valid_on(envelope.at.date()):
            raise InvalidTransition(
                N_("Only an issued licence past its validity can be recorded as expired."),
                field="status",
            )
        self._expired(envelope=envelope)

    @event("Expired")
    def _expired(self, envelope: Envelope) -> None:
        self.status = LicenceStatus.EXPIRED

    def erase_personal_data(self, envelope: Envelope) -> None:
        envelope.require_reason()
        check_not_erased(self.erased)
        self._erased(envelope=envelope)

    @event("PersonalDataErased")
    def _erased(self, envelope: Envelope) -> None:
        self.erased = True

    def _require(self, envelope: Envelope, allowed: set[LicenceStatus], verb: str) -> LicenceStatus:
        status = self.status_on(envelope.at.date())
        return check_status(status, allowed, verb, N_("licence"), STATUS_AR[status])


def _check_type_open(licence_type: LicenceType) -> None:
    if not licence_type.active:
        raise InvalidTransition(
            N_("This licence type is retired: it takes no new applications."),
            field="type_code",
        )


def _check_prerequisite(licence_type: LicenceType, technical: Licence | None, today: date) -> None:
    """The second stage builds on the first: an administrative licence needs a valid
    technical licence held by the same person."""
    if licence_type.stage != LicenceStage.ADMINISTRATIVE:
        return
    if (
        technical is None
        or technical.stage != LicenceStage.TECHNICAL
        or not technical.is_valid_on(today)
    ):
        raise InvalidTransition(
            N_("An administrative licence requires a valid technical licence."),
            field="type_code",
        )
