"""Bodies of /api/v1/licences and the public licence check."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import msgspec

from api.schemas.ambassadors import Items, PersonOut, person_out
from api.schemas.common import Input, Reason, ShortStr, TextIn, TextOut
from domain.licences.licence import Licence
from domain.licences.licence_type import LicenceStage, LicenceType
from domain.personal import PersonalData
from registry.licences import LicenceApplicationForm

Years = Annotated[int, msgspec.Meta(ge=1, le=10)]
Hours = Annotated[int, msgspec.Meta(ge=0, le=1000)]


class LicenceTypeCreate(Input):
    code: Annotated[str, msgspec.Meta(max_length=40, description="e.g. QUALITY-AUDITOR")]
    stage: LicenceStage
    title: TextIn
    validity_years: Years = 3
    cpd_hours: Hours = 30


class LicenceTypeRevise(Input):
    title: TextIn
    validity_years: Years
    cpd_hours: Hours


class LicenceTypeOut(msgspec.Struct):
    code: str
    stage: str
    title: TextOut
    validity_years: int
    cpd_hours: int
    active: bool
    version: int


def licence_type_out(t: LicenceType) -> LicenceTypeOut:
    return LicenceTypeOut(
        code=t.code,
        stage=str(t.stage),
        title=TextOut.of(t.title),
        validity_years=t.validity_years,
        cpd_hours=t.cpd_hours,
        active=t.active,
        version=t.version,
    )


class LicenceApplicationIn(Input):
    """An application: who, for which licence type, with what qualifications and evidence."""

    national_id: Annotated[str, msgspec.Meta(max_length=40)]
    name_ar: ShortStr
    mobile: Annotated[str, msgspec.Meta(max_length=40)]
    email: Annotated[str, msgspec.Meta(max_length=254)]
    type_code: Annotated[str, msgspec.Meta(max_length=40)]
    qualifications: Items
    experience_years: Annotated[int, msgspec.Meta(ge=0, le=60)]
    evidence: Items
    name_en: ShortStr | None = None

    def to_form(self) -> LicenceApplicationForm:
        return LicenceApplicationForm(
            national_id=self.national_id,
            name_ar=self.name_ar,
            name_en=self.name_en,
            mobile=self.mobile,
            email=self.email,
            type_code=self.type_code,
            qualifications=self.qualifications,
            experience_years=self.experience_years,
            evidence=self.evidence,
        )


class ApplicationReceiptOut(msgspec.Struct):
    id: UUID
    status: str
    type_code: str
    stage: str
    version: int


class AssessmentIn(Input):
    passed: bool
    reason: Reason
    score: Annotated[int, msgspec.Meta(ge=0, le=100)] | None = None


class RenewalIn(Input):
    cpd_hours: Annotated[int, msgspec.Meta(ge=0, le=10_000)]
    reason: Reason | None = None


class LicenceOut(msgspec.Struct):
    id: UUID
    type_code: str
    stage: str
    status: str
    recorded_status: str
    number: str | None
    valid_from: str | None
    valid_until: str | None
    qualifications: list[str]
    experience_years: int
    evidence: list[str]
    assessment_score: int | None
    cpd_hours_total: int
    erased: bool
    holder: PersonOut | None
    version: int


def licence_out(lic: Licence, personal: PersonalData | None, today: date) -> LicenceOut:
    return LicenceOut(
        id=lic.id,
        type_code=lic.type_code,
        stage=str(lic.stage),
        status=str(lic.status_on(today)),
        recorded_status=str(lic.status),
        number=lic.number,
        valid_from=lic.valid_from.isoformat() if lic.valid_from else None,
        valid_until=lic.valid_until.isoformat() if lic.valid_until else None,
        qualifications=list(lic.qualifications),
        experience_years=lic.experience_years,
        evidence=list(lic.evidence),
        assessment_score=lic.assessment_score,
        cpd_hours_total=lic.cpd_hours_total,
        erased=lic.erased,
        holder=person_out(personal),
        version=lic.version,
    )


class LicenceRowOut(msgspec.Struct):
    id: UUID
    type_code: str
    stage: str
    status: str
    number: str | None
    valid_until: str | None
    holder_name_ar: str
    holder_name_en: str | None
    applied_on: str
    version: int


class LicencePage(msgspec.Struct):
    items: list[LicenceRowOut]
    total: int
    limit: int
    offset: int


class LicenceCheckOut(msgspec.Struct):
    """The public check: status, holder's name, type and validity — nothing more."""

    number: str
    status: str
    holder_name_ar: str
    holder_name_en: str | None
    type_code: str
    type_title: TextOut
    stage: str
    valid_from: str | None
    valid_until: str | None


class LicenceCountOut(msgspec.Struct):
    type_code: str
    stage: str
    status: str
    count: int


class ExpiringLicenceOut(msgspec.Struct):
    id: UUID
    number: str | None
    type_code: str
    valid_until: str | None
    holder_name_ar: str


class LicencesReportOut(msgspec.Struct):
    as_of_date: str
    total: int
    counts: list[LicenceCountOut]
    by_type: dict[str, dict[str, int]]
    by_stage: dict[str, dict[str, int]]
    by_status: dict[str, int]
    expiring_within_90_days: list[ExpiringLicenceOut]
