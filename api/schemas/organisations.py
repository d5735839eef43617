"""Bodies of /api/v1/organisations: organisations, their accreditations and members."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import msgspec

from api.schemas.common import Reason, ShortStr, TextIn, TextOut
from domain.awards.organisation import Organisation, OrganisationType
from domain.regions import Region

# -- organisations -----------------------------------------------------------------------


class OrganisationProfileDoc(msgspec.Struct, forbid_unknown_fields=True):
    name: TextIn
    type: OrganisationType
    region: Region
    licence_expires_on: date
    operating_since: date
    beds: Annotated[int, msgspec.Meta(ge=0, le=10000)] | None = None


class OrganisationCreate(OrganisationProfileDoc, forbid_unknown_fields=True):
    licence_number: Annotated[str, msgspec.Meta(min_length=3, max_length=40)] = ""


class AccreditationCreate(msgspec.Struct, forbid_unknown_fields=True):
    name: ShortStr
    issuer: ShortStr
    expires_on: date


class AccreditationOut(msgspec.Struct):
    id: str
    name: str
    issuer: str
    expires_on: str
    current: bool


class DecisionReason(msgspec.Struct, forbid_unknown_fields=True):
    reason: Reason


class MemberAssign(msgspec.Struct, forbid_unknown_fields=True):
    user_id: UUID
    reason: Reason | None = None


class OrganisationOut(msgspec.Struct):
    id: str
    licence_number: str
    name: TextOut
    type: str
    region: str
    beds: int | None
    licence_expires_on: str
    operating_since: str
    years_of_operation: int
    status: str
    accreditations: list[AccreditationOut]
    version: int

    @classmethod
    def of(cls, o: Organisation, today: date) -> OrganisationOut:
        p = o.profile
        return cls(
            str(o.id),
            o.licence_number,
            TextOut.of(p.name),
            str(p.type),
            str(p.region),
            p.beds,
            p.licence_expires_on.isoformat(),
            p.operating_since.isoformat(),
            o.facts().years_of_operation(today),
            str(o.status),
            [
                AccreditationOut(
                    str(a.accreditation_id),
                    a.name,
                    a.issuer,
                    a.expires_on.isoformat(),
                    a.expires_on >= today,
                )
                for a in o.accreditations.values()
            ],
            o.version,
        )


class OrganisationSummaryOut(msgspec.Struct):
    id: str
    licence_number: str
    name: TextOut
    type: str
    region: str
    beds: int | None
    status: str
    version: int


class OrganisationPage(msgspec.Struct):
    items: list[OrganisationSummaryOut]
    total: int
    limit: int
    offset: int


class MemberOut(msgspec.Struct):
    user_id: str
    organisation_id: str | None
    user_version: int
