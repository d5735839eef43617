"""A quality ambassador's membership: one per person, from enrolment to expiry.

Its id is the person's id (a keyed hash of the ID number, see ``domain/people.py``),
so enrolling twice collides on the event store's primary key. Personal data is
held only sealed; everything reports count (track, region, sector, status) is
in clear, so counts never depend on a key that erasure may have destroyed.

    pending ──approve──▶ active ◀──reinstate── suspended
       │                  │  ▲ └──suspend──────────▲
       └─reject─▶ rejected │  └─renew── expired ◀─expire (past expiry date)
    pending/active/suspended ──withdraw──▶ withdrawn
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.ambassadors.enrolment import TrackDetails
from domain.ambassadors.values import (
    ACTIVITY_POINTS,
    ActivityKind,
    ActivityStatus,
    MembershipStatus,
    Sector,
    Track,
    effective_status,
)
from domain.envelope import Envelope
from domain.errors import AlreadyExists, InvalidInput, InvalidTransition, NotFound
from domain.lifecycle import check_not_erased, check_status, renewal_start, years_later
from domain.messages import N_, Message
from domain.people import Residency
from domain.personal import Sealed
from domain.regions import Region
from domain.text import required_text

MEMBERSHIP_YEARS = 1
MAX_TITLE_LENGTH = 200


class Activity:
    """A quality-promotion activity an ambassador held, and what an officer made of it."""

    def __init__(
        self, activity_id: UUID, kind: ActivityKind, title: str, held_on: date, participants: int
    ) -> None:
        self.id = activity_id
        self.kind = kind
        self.title = title
        self.held_on = held_on
        self.participants = participants
        self.status = ActivityStatus.LOGGED
        self.points = 0


class Membership(RegistryAggregate):
    """One person's membership of the National Program for Quality Ambassadors."""

    @classmethod
    def enrol(
        cls,
        envelope: Envelope,
        person_id: UUID,
        personal: Sealed,
        residency: Residency,
        region: Region,
        city: str,
        details: TrackDetails,
    ) -> Membership:
        membership: Membership = cls._create(
            cls.Enrolled,  # type: ignore[attr-defined]  # made by @event
            id=person_id,
            envelope=envelope,
            personal=personal,
            residency=residency,
            region=region,
            city=city,
            track=details.track,
            sector=details.sector,
            employer=details.employer,
            qualifications=list(details.qualifications),
            evidence=list(details.evidence),
        )
        return membership

    @event("Enrolled")
    def __init__(
        self,
        envelope: Envelope,
        personal: Sealed,
        residency: Residency,
        region: Region,
        city: str,
        track: Track,
        sector: Sector | None,
        employer: str | None,
        qualifications: list[str],
        evidence: list[str],
    ) -> None:
        self.personal = personal
        self.residency = Residency(residency)
        self.region = Region(region)
        self.city = city
        self.track = Track(track)
        self.sector = Sector(sector) if sector else None
        self.employer = employer
        self.qualifications = list(qualifications)
        self.evidence = list(evidence)
        self.status = MembershipStatus.PENDING
        self.enrolled_on: date = envelope.at.date()
        self.valid_from: date | None = None
        self.expires_on: date | None = None
        self.verification_code: str | None = None
        self.pending_track: TrackDetails | None = None
        self.activities: dict[UUID, Activity] = {}
        self.points = 0
        self.erased = False

    def status_on(self, today: date) -> MembershipStatus:
        return effective_status(self.status, self.expires_on, today)

    # -- decisions on the membership ----------------------------------------------------

    def approve(self, envelope: Envelope, verification_code: str) -> None:
        envelope.require_reason()
        self._require(envelope, {MembershipStatus.PENDING}, "approved")
        valid_from = envelope.at.date()
        self._approved(
            envelope=envelope,
            verification_code=verification_code,
            valid_from=valid_from,
            expires_on=years_later(valid_from, MEMBERSHIP_YEARS),
        )

    @event("Approved")
    def _approved(
        self, envelope: Envelope, verification_code: str, valid_from: date, expires_on: date
    ) -> None:
        self.status = MembershipStatus.ACTIVE
        self.verification_code = verification_code
        self.valid_from = valid_from
        self.expires_on = expires_on

    def reject(self, envelope: Envelope) -> None:
        envelope.require_reason()
        self._require(envelope, {MembershipStatus.PENDING}, "rejected")
        self._rejected(envelope=envelope)

    @event("Rejected")
    def _rejected(self, envelope: Envelope) -> None:
        self.status = MembershipStatus.REJECTED

    def suspend(self, envelope: Envelope) -> None:
        envelope.require_reason()
        self._require(envelope, {MembershipStatus.ACTIVE}, "suspended")
        self._suspended(envelope=envelope)

    @event("Suspended")
    def _suspended(self, envelope: Envelope) -> None:
        self.status = MembershipStatus.SUSPENDED

    def reinstate(self, envelope: Envelope) -> None:
        envelope.require_reason()
        self._require(envelope, {MembershipStatus.SUSPENDED}, "reinstated")
        self._reinstated(envelope=envelope)

    @event("Reinstated")
    def _reinstated(self, envelope: Envelope) -> None:
        self.status = MembershipStatus.ACTIVE

    def withdraw(self, envelope: Envelope) -> None:
        envelope.require_reason()
        self._require(
            envelope,
            {
                MembershipStatus.PENDING,
                MembershipStatus.ACTIVE,
                MembershipStatus.SUSPENDED,
                MembershipStatus.EXPIRED,
            },
            "withdrawn",
        )
        self._withdrawn(envelope=envelope)

    @event("Withdrawn")
    def _withdrawn(self, envelope: Envelope) -> None:
        self.status = MembershipStatus.WITHDRAWN

    def renew(self, envelope: Envelope) -> None:
        """Another year: from the old expiry date if renewed early, from today if it lapsed."""
        today = envelope.at.date()
        status = self._require(
            envelope, {MembershipStatus.ACTIVE, MembershipStatus.EXPIRED}, "renewed"
        )
        assert self.expires_on is not None
        running = status == MembershipStatus.ACTIVE
        start = renewal_start(
            self.expires_on,
            running,
            today,
            N_("A membership is renewed within {days} days of its expiry ({ends_on})."),
        )
        self._renewed(envelope=envelope, expires_on=years_later(start, MEMBERSHIP_YEARS))

    @event("Renewed")
    def _renewed(self, envelope: Envelope, expires_on: date) -> None:
        self.status = MembershipStatus.ACTIVE
        self.expires_on = expires_on

    def expire(self, envelope: Envelope) -> None:
        """Records that an active membership has passed its expiry date."""
        envelope.require_reason()
        if self.status != MembershipStatus.ACTIVE or self.status_on(envelope.at.date()) != (
            MembershipStatus.EXPIRED
        ):
            raise InvalidTransition(
                N_("Only an active membership past its expiry date can be recorded as expired."),
                field="status",
            )
        self._expired(envelope=envelope)

    @event("Expired")
    def _expired(self, envelope: Envelope) -> None:
        self.status = MembershipStatus.EXPIRED

    # -- track changes ----------------------------------------------------------------

    def request_track_change(self, envelope: Envelope, details: TrackDetails) -> None:
        self._require(envelope, {MembershipStatus.ACTIVE, MembershipStatus.PENDING}, "changed")
        if self.pending_track is not None:
            raise InvalidTransition(
                N_("A track change is already waiting for a decision."),
                field="track",
            )
        if details.track == self.track:
            raise InvalidInput(
                N_("This membership is already on that track."),
                field="track",
            )
        self._track_change_requested(
            envelope=envelope,
            track=details.track,
            sector=details.sector,
            employer=details.employer,
            qualifications=list(details.qualifications),
            evidence=list(details.evidence),
        )

    @event("TrackChangeRequested")
    def _track_change_requested(
        self,
        envelope: Envelope,
        track: Track,
        sector: Sector | None,
        employer: str | None,
        qualifications: list[str],
        evidence: list[str],
    ) -> None:
        self.pending_track = TrackDetails(
            Track(track),
            Sector(sector) if sector else None,
            employer,
            tuple(qualifications),
            tuple(evidence),
        )

    def decide_track_change(self, envelope: Envelope, approve: bool) -> None:
        envelope.require_reason()
        if self.pending_track is None:
            raise InvalidTransition(
                N_("No track change is waiting for a decision."),
                field="track",
            )
        if approve:
            self._track_changed(
                envelope=envelope, track=self.pending_track.track, sector=self.pending_track.sector
            )
        else:
            self._track_change_rejected(envelope=envelope)

    @event("TrackChanged")
    def _track_changed(self, envelope: Envelope, track: Track, sector: Sector | None) -> None:
        assert self.pending_track is not None
        self.track = Track(track)
        self.sector = Sector(sector) if sector else None
        self.employer = self.pending_track.employer
        self.qualifications = list(self.pending_track.qualifications)
        self.evidence = list(self.pending_track.evidence)
        self.pending_track = None

    @event("TrackChangeRejected")
    def _track_change_rejected(self, envelope: Envelope) -> None:
        self.pending_track = None

    # -- activities -------------------------------------------------------------------

    def log_activity(
        self,
        envelope: Envelope,
        activity_id: UUID,
        kind: ActivityKind,
        title: str,
        held_on: date,
        participants: int,
    ) -> None:
        self._require(envelope, {MembershipStatus.ACTIVE}, "credited with activities")
        if activity_id in self.activities:
            raise AlreadyExists(N_("This activity is already logged."), field="id")
        title = required_text(
            title,
            "title",
            MAX_TITLE_LENGTH,
            collapse=True,
            missing=Message(
                N_("A title of 1 to {max_title_length} characters is required."),
                max_title_length=MAX_TITLE_LENGTH,
            ),
        )
        if held_on > envelope.at.date():
            raise InvalidInput(N_("This date is in the future."), field="held_on")
        if participants < 0:
            raise InvalidInput(
                N_("Participants cannot be negative."),
                field="participants",
            )
        self._activity_logged(
            envelope=envelope,
            activity_id=activity_id,
            kind=ActivityKind(kind),
            title=title,
            held_on=held_on,
            participants=participants,
        )

    @event("ActivityLogged")
    def _activity_logged(
        self,
        envelope: Envelope,
        activity_id: UUID,
        kind: ActivityKind,
        title: str,
        held_on: date,
        participants: int,
    ) -> None:
        self.activities[activity_id] = Activity(
            activity_id, ActivityKind(kind), title, held_on, participants
        )

    def verify_activity(self, envelope: Envelope, activity_id: UUID) -> None:
        activity = self._logged_activity(activity_id)
        self._activity_verified(
            envelope=envelope, activity_id=activity_id, points=ACTIVITY_POINTS[activity.kind]
        )

    @event("ActivityVerified")
    def _activity_verified(self, envelope: Envelope, activity_id: UUID, points: int) -> None:
        activity = self.activities[activity_id]
        activity.status = ActivityStatus.VERIFIED
        activity.points = points
        self.points += points

    def reject_activity(self, envelope: Envelope, activity_id: UUID) -> None:
        envelope.require_reason()
        self._logged_activity(activity_id)
        self._activity_rejected(envelope=envelope, activity_id=activity_id)

    @event("ActivityRejected")
    def _activity_rejected(self, envelope: Envelope, activity_id: UUID) -> None:
        self.activities[activity_id].status = ActivityStatus.REJECTED

    def _logged_activity(self, activity_id: UUID) -> Activity:
        activity = self.activities.get(activity_id)
        if activity is None:
            raise NotFound(N_("This membership has no such activity."))
        if activity.status != ActivityStatus.LOGGED:
            raise InvalidTransition(
                N_("This activity is already {status}."),
                field="activity_id",
                status=activity.status,
            )
        return activity

    # -- erasure ----------------------------------------------------------------------

    def erase_personal_data(self, envelope: Envelope) -> None:
        """Records an erasure (Saudi PDPL): the key is destroyed in the same transaction."""
        envelope.require_reason()
        check_not_erased(self.erased)
        self._personal_data_erased(envelope=envelope)

    @event("PersonalDataErased")
    def _personal_data_erased(self, envelope: Envelope) -> None:
        self.erased = True

    # -- shared checks ----------------------------------------------------------------

    def _require(
        self, envelope: Envelope, allowed: set[MembershipStatus], verb: str
    ) -> MembershipStatus:
        status = self.status_on(envelope.at.date())
        return check_status(status, allowed, verb, N_("membership"), STATUS_AR[status])


STATUS_AR: dict[MembershipStatus, str] = {
    MembershipStatus.PENDING: "قيد المراجعة",
    MembershipStatus.ACTIVE: "نشطة",
    MembershipStatus.REJECTED: "مرفوضة",
    MembershipStatus.SUSPENDED: "موقوفة",
    MembershipStatus.WITHDRAWN: "منسحبة",
    MembershipStatus.EXPIRED: "منتهية",
}
