"""Bodies of /api/v1/ambassadors and the public certificate check."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import msgspec

from api.schemas.common import Input, Reason, ShortStr
from domain.ambassadors.enrolment import EnrolmentForm
from domain.ambassadors.membership import Membership
from domain.ambassadors.values import ActivityKind
from domain.personal import PersonalData

Item = Annotated[str, msgspec.Meta(max_length=500)]
Items = Annotated[list[Item], msgspec.Meta(max_length=20)]


class EnrolmentIn(Input):
    """The public enrolment form. Fields are checked together: every invalid one is named."""

    national_id: Annotated[str, msgspec.Meta(max_length=40, description="10 digits, 1… or 2…")]
    name_ar: ShortStr
    mobile: Annotated[str, msgspec.Meta(max_length=40, description="05XXXXXXXX or +9665XXXXXXXX")]
    email: Annotated[str, msgspec.Meta(max_length=254)]
    region: Annotated[str, msgspec.Meta(max_length=60, description="one of the 13 regions")]
    city: ShortStr
    track: Annotated[str, msgspec.Meta(max_length=20)] = "general"
    name_en: ShortStr | None = None
    sector: Annotated[str, msgspec.Meta(max_length=40)] | None = None
    employer: ShortStr | None = None
    qualifications: Items = msgspec.field(default_factory=list)
    evidence: Items = msgspec.field(default_factory=list)

    def to_form(self) -> EnrolmentForm:
        return EnrolmentForm(
            national_id=self.national_id,
            name_ar=self.name_ar,
            mobile=self.mobile,
            email=self.email,
            region=self.region,
            city=self.city,
            track=self.track,
            name_en=self.name_en,
            sector=self.sector,
            employer=self.employer,
            qualifications=self.qualifications,
            evidence=self.evidence,
        )


class EnrolmentOut(msgspec.Struct):
    """What the enrolling person gets back: their membership id and where it stands."""

    id: UUID
    status: str
    track: str
    region: str
    enrolled_on: str
    version: int


class NationalIdLookup(Input):
    national_id: Annotated[str, msgspec.Meta(max_length=40)]


class DecisionIn(Input):
    reason: Reason


class BulkDecisionIn(Input):
    ids: Annotated[list[UUID], msgspec.Meta(min_length=1, max_length=1000)]
    reason: Reason


class BulkItemOut(msgspec.Struct):
    id: UUID
    ok: bool
    status: str | None = None
    version: int | None = None
    error: str | None = None
    message: str | None = None
    message_ar: str | None = None


class BulkOut(msgspec.Struct):
    action: str
    succeeded: int
    failed: int
    items: list[BulkItemOut]


class TrackChangeIn(Input):
    track: Annotated[str, msgspec.Meta(max_length=20)]
    sector: Annotated[str, msgspec.Meta(max_length=40)] | None = None
    employer: ShortStr | None = None
    qualifications: Items = msgspec.field(default_factory=list)
    evidence: Items = msgspec.field(default_factory=list)


class ActivityIn(Input):
    kind: ActivityKind
    title: ShortStr
    held_on: date
    participants: Annotated[int, msgspec.Meta(ge=0, le=1_000_000)] = 0


class ActivityOut(msgspec.Struct):
    id: UUID
    kind: str
    title: str
    held_on: str
    participants: int
    status: str
    points: int


class PersonOut(msgspec.Struct):
    """Personal data, decrypted for staff; the ID number is masked to its last four digits."""

    national_id: str
    name_ar: str
    name_en: str | None
    mobile: str | None
    email: str | None


class TrackChangeOut(msgspec.Struct):
    track: str
    sector: str | None
    employer: str | None
    qualifications: list[str]
    evidence: list[str]


class MembershipOut(msgspec.Struct):
    id: UUID
    status: str
    recorded_status: str
    track: str
    region: str
    city: str
    sector: str | None
    employer: str | None
    residency: str
    qualifications: list[str]
    evidence: list[str]
    enrolled_on: str
    valid_from: str | None
    expires_on: str | None
    verification_code: str | None
    pending_track_change: TrackChangeOut | None
    points: int
    erased: bool
    person: PersonOut | None
    activities: list[ActivityOut]
    version: int


class MembershipRowOut(msgspec.Struct):
    id: UUID
    status: str
    track: str
    region: str
    sector: str | None
    city: str
    name_ar: str
    name_en: str | None
    enrolled_on: str
    expires_on: str | None
    points: int
    version: int


class MembershipPage(msgspec.Struct):
    items: list[MembershipRowOut]
    total: Annotated[
        int,
        msgspec.Meta(
            description="How many members the filters match; when `total_exact` is false, "
            "more than this many (a date range is counted up to 5,000)."
        ),
    ]
    limit: int
    offset: Annotated[
        int, msgspec.Meta(description="The offset asked for (0 when paging by `cursor`).")
    ]
    total_exact: Annotated[
        bool, msgspec.Meta(description='False: `total` is a floor ("more than `total`").')
    ] = True
    next_cursor: Annotated[
        str | None,
        msgspec.Meta(
            description="Send as `cursor` for the next page (null on the last page). Every "
            "page costs the same by cursor, however deep; an offset reads every row before it."
        ),
    ] = None
    previous_cursor: Annotated[
        str | None,
        msgspec.Meta(description="Send as `cursor` for the page before (null on the first)."),
    ] = None


class PendingActivityOut(msgspec.Struct):
    membership_id: UUID
    activity_id: UUID
    kind: str
    title: str
    held_on: str
    participants: int
    status: str
    logged_at: str


class LeaderOut(msgspec.Struct):
    rank: int
    id: UUID
    name_ar: str
    name_en: str | None
    region: str
    track: str
    points: int


class TargetIn(Input):
    target: Annotated[int, msgspec.Meta(ge=0, le=50_000_000)]
    reason: Reason


class ExpiryRunIn(Input):
    reason: Reason
    limit: Annotated[int, msgspec.Meta(ge=1, le=10_000)] = 1000


class ExpiryRunOut(msgspec.Struct):
    expired: int


class CertificateCheckOut(msgspec.Struct):
    """A public certificate check: the name and the status, nothing else."""

    code: str
    name_ar: str
    name_en: str | None
    status: str
    status_ar: str


class ImportErrorOut(msgspec.Struct):
    row: int
    field: str
    message: str
    message_ar: str


class ImportOut(msgspec.Struct):
    rows: int
    enrolled: int
    skipped: int
    refused: int
    errors: list[ImportErrorOut]


def mask_national_id(number: str) -> str:
    return "******" + number[-4:]


def person_out(personal: PersonalData | None) -> PersonOut | None:
    if personal is None:
        return None
    return PersonOut(
        national_id=mask_national_id(personal.national_id),
        name_ar=personal.name_ar,
        name_en=personal.name_en,
        mobile=personal.mobile,
        email=personal.email,
    )


def membership_out(m: Membership, personal: PersonalData | None, today: date) -> MembershipOut:
    pending = m.pending_track
    return MembershipOut(
        id=m.id,
        status=str(m.status_on(today)),
        recorded_status=str(m.status),
        track=str(m.track),
        region=str(m.region),
        city=m.city,
        sector=str(m.sector) if m.sector else None,
        employer=m.employer,
        residency=str(m.residency),
        qualifications=list(m.qualifications),
        evidence=list(m.evidence),
        enrolled_on=m.enrolled_on.isoformat(),
        valid_from=m.valid_from.isoformat() if m.valid_from else None,
        expires_on=m.expires_on.isoformat() if m.expires_on else None,
        verification_code=m.verification_code,
        pending_track_change=(
            TrackChangeOut(
                track=str(pending.track),
                sector=str(pending.sector) if pending.sector else None,
                employer=pending.employer,
                qualifications=list(pending.qualifications),
                evidence=list(pending.evidence),
            )
            if pending
            else None
        ),
        points=m.points,
        erased=m.erased,
        person=person_out(personal),
        activities=[
            ActivityOut(
                id=a.id,
                kind=str(a.kind),
                title=a.title,
                held_on=a.held_on.isoformat(),
                participants=a.participants,
                status=str(a.status),
                points=a.points,
            )
            for a in m.activities.values()
        ],
        version=m.version,
    )
