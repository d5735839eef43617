"""The registers' rules on the aggregates themselves, no I/O: a membership of the quality
ambassadors programme and a professional licence, from first event to erasure."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest

from domain.ambassadors.enrolment import TrackDetails
from domain.ambassadors.membership import Membership
from domain.ambassadors.values import ACTIVITY_POINTS, ActivityKind, MembershipStatus, Track
from domain.envelope import Envelope
from domain.errors import InvalidInput, InvalidTransition, ReasonRequired
from domain.licences.licence import Licence, LicenceStatus
from domain.licences.licence_type import LicenceStage, LicenceType
from domain.people import Residency
from domain.personal import Sealed
from domain.regions import Region
from domain.text import Text
from registry.i18n import say

T0 = datetime(2026, 1, 10, 9, tzinfo=UTC)
WHY = "checked by the office"


def env(days: float = 0, reason: str | None = WHY) -> Envelope:
    return Envelope("officer-1", "officer", "test", T0 + timedelta(days=days), reason)


def membership() -> Membership:
    return Membership.enrol(
        env(reason=None),
        uuid4(),
        Sealed(b"sealed personal data"),
        Residency.CITIZEN,
        Region.RIYADH,
        "Riyadh",
        TrackDetails(Track.GENERAL),
    )


def active_membership() -> Membership:
    m = membership()
    m.approve(env(), "ABCDE12345")
    return m


# -- memberships ---------------------------------------------------------------------------


def test_an_enrolment_waits_for_review_and_approval_starts_a_year() -> None:
    m = membership()
    assert m.status == MembershipStatus.PENDING
    m.approve(env(), "ABCDE12345")
    assert m.status == MembershipStatus.ACTIVE
    assert m.valid_from == date(2026, 1, 10)
    assert m.expires_on == date(2027, 1, 10)
    assert m.verification_code == "ABCDE12345"


def test_decisions_say_why() -> None:
    m = membership()
    with pytest.raises(ReasonRequired):
        m.approve(env(reason="  "), "ABCDE12345")
    assert m.status == MembershipStatus.PENDING and not m.pending_events[1:]


def test_only_an_active_membership_is_suspended_and_only_a_suspended_one_reinstated() -> None:
    m = membership()
    with pytest.raises(InvalidTransition) as refused:
        m.suspend(env())
    assert refused.value.field == "status"
    assert "قيد المراجعة" in say(refused.value.message, "ar")  # the status named in Arabic
    m.approve(env(), "ABCDE12345")
    with pytest.raises(InvalidTransition):
        m.reinstate(env())
    m.suspend(env(1))
    assert m.status == MembershipStatus.SUSPENDED
    m.reinstate(env(2))
    assert m.status == MembershipStatus.ACTIVE


def test_renewal_opens_ninety_days_before_expiry_and_extends_from_the_old_date() -> None:
    m = active_membership()  # expires 2027-01-10
    with pytest.raises(InvalidTransition) as early:
        m.renew(env(days=365 - 91))
    assert "90 days" in str(early.value.message) and "2027-01-10" in str(early.value.message)
    m.renew(env(days=365 - 90))
    assert m.expires_on == date(2028, 1, 10)


def test_a_lapsed_membership_reads_expired_and_renews_from_the_day_of_renewal() -> None:
    m = active_membership()
    assert m.status_on(date(2027, 1, 11)) == MembershipStatus.EXPIRED
    m.expire(env(days=400))
    assert m.status == MembershipStatus.EXPIRED
    m.renew(env(days=400))
    assert m.status == MembershipStatus.ACTIVE
    assert m.expires_on == (T0 + timedelta(days=400)).date().replace(year=2028)


def test_expiry_is_recorded_only_past_the_expiry_date() -> None:
    m = active_membership()
    with pytest.raises(InvalidTransition):
        m.expire(env(days=30))


def test_verified_activities_earn_points_once() -> None:
    m = active_membership()
    activity = uuid4()
    m.log_activity(
        env(1), activity, ActivityKind.WORKSHOP, "  Quality   day ", date(2026, 1, 11), 30
    )
    assert m.activities[activity].title == "Quality day"
    assert m.points == 0
    m.verify_activity(env(2), activity)
    assert m.points == ACTIVITY_POINTS[ActivityKind.WORKSHOP]
    with pytest.raises(InvalidTransition):
        m.verify_activity(env(3), activity)
    assert m.points == ACTIVITY_POINTS[ActivityKind.WORKSHOP]


@pytest.mark.parametrize(
    ("title", "held_on", "participants", "field"),
    [
        ("   ", date(2026, 1, 11), 1, "title"),
        ("x" * 201, date(2026, 1, 11), 1, "title"),
        ("Workshop", date(2026, 2, 1), 1, "held_on"),
        ("Workshop", date(2026, 1, 11), -1, "participants"),
    ],
)
def test_an_activity_is_refused_naming_the_field(
    title: str, held_on: date, participants: int, field: str
) -> None:
    m = active_membership()
    with pytest.raises(InvalidInput) as refused:
        m.log_activity(env(1), uuid4(), ActivityKind.WORKSHOP, title, held_on, participants)
    assert refused.value.field == field
    assert m.activities == {}


def test_personal_data_is_erased_once() -> None:
    m = active_membership()
    m.erase_personal_data(env(1))
    assert m.erased
    with pytest.raises(InvalidTransition):
        m.erase_personal_data(env(2))


# -- licences ------------------------------------------------------------------------------


def licence_type(stage: LicenceStage = LicenceStage.TECHNICAL, cpd: int = 30) -> LicenceType:
    return LicenceType.define(
        env(reason=None),
        "QM-T" if stage == LicenceStage.TECHNICAL else "QM-A",
        stage,
        Text("رخصة الجودة", "Quality licence"),
        3,
        cpd,
    )


def application(kind: LicenceType, technical: Licence | None = None) -> Licence:
    return Licence.apply(
        env(reason=None),
        uuid4(),
        Sealed(b"sealed personal data"),
        kind,
        ["BSc"],
        5,
        ["certificate.pdf"],
        technical,
    )


def issued(kind: LicenceType) -> Licence:
    lic = application(kind)
    lic.record_assessment(env(), True, 80)
    lic.issue(env(), "T-2026-ABCDEFGH", kind, None)
    return lic


def test_a_licence_is_assessed_then_issued_for_the_types_validity() -> None:
    kind = licence_type()
    lic = application(kind)
    with pytest.raises(InvalidTransition):
        lic.issue(env(), "T-2026-ABCDEFGH", kind, None)
    lic.record_assessment(env(), True, 80)
    lic.issue(env(), "T-2026-ABCDEFGH", kind, None)
    assert lic.status == LicenceStatus.ISSUED
    assert (lic.valid_from, lic.valid_until) == (date(2026, 1, 10), date(2029, 1, 10))


def test_an_assessment_score_is_between_0_and_100() -> None:
    lic = application(licence_type())
    with pytest.raises(InvalidInput) as refused:
        lic.record_assessment(env(), True, 101)
    assert refused.value.field == "score"
    assert lic.status == LicenceStatus.APPLIED


def test_an_administrative_licence_needs_a_valid_technical_one() -> None:
    admin = licence_type(LicenceStage.ADMINISTRATIVE)
    with pytest.raises(InvalidTransition) as refused:
        application(admin)
    assert refused.value.field == "type_code"
    technical = issued(licence_type())
    assert application(admin, technical).status == LicenceStatus.APPLIED


def test_suspend_reinstate_and_revoke_follow_the_status() -> None:
    lic = issued(licence_type())
    with pytest.raises(InvalidTransition):
        lic.reinstate(env(1))
    lic.suspend(env(1))
    with pytest.raises(InvalidTransition):
        lic.suspend(env(2))
    lic.reinstate(env(2))
    lic.revoke(env(3))
    assert lic.status == LicenceStatus.REVOKED
    with pytest.raises(InvalidTransition):
        lic.reinstate(env(4))


def test_renewal_needs_the_window_and_the_cpd_hours() -> None:
    kind = licence_type(cpd=30)
    lic = issued(kind)  # valid until 2029-01-10
    days_to_expiry = (date(2029, 1, 10) - date(2026, 1, 10)).days
    with pytest.raises(InvalidTransition):
        lic.renew(env(days=days_to_expiry - 91), 30, kind)
    with pytest.raises(InvalidInput) as short:
        lic.renew(env(days=days_to_expiry - 30), 29, kind)
    assert short.value.field == "cpd_hours"
    lic.renew(env(days=days_to_expiry - 30), 30, kind)
    assert lic.valid_until == date(2032, 1, 10)
    assert lic.cpd_hours_total == 30


def test_a_licence_past_its_validity_reads_expired_and_is_recorded_so() -> None:
    lic = issued(licence_type())
    with pytest.raises(InvalidTransition):
        lic.expire(env(days=30))
    assert lic.status_on(date(2029, 1, 11)) == LicenceStatus.EXPIRED
    lic.expire(env(days=3 * 366))
    assert lic.status == LicenceStatus.EXPIRED


def test_a_retired_type_takes_no_new_applications() -> None:
    kind = licence_type()
    kind.retire(env())
    with pytest.raises(InvalidTransition):
        application(kind)


def test_a_holders_personal_data_is_erased_once() -> None:
    lic = issued(licence_type())
    lic.erase_personal_data(env(1))
    with pytest.raises(InvalidTransition):
        lic.erase_personal_data(env(2))
