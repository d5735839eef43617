"""/api/v1/verify: public checks of certificates and licences, showing nothing personal
beyond the holder's name."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from litestar import Controller, get
from litestar.params import FromPath

from api.guards import access
from api.http import AnyRequest, registry_of
from api.schemas.ambassadors import CertificateCheckOut, name_or_erased
from api.schemas.common import TextOut
from api.schemas.licences import LicenceCheckOut
from domain.licences.licence import PUBLIC_STATUS, LicenceStatus
from projections.licences_queries import licence_by_number
from domain.ambassadors.membership import STATUS_AR
from domain.ambassadors.values import MembershipStatus, effective_status
from domain.errors import NotFound
from projections.membership_queries import member_by_code
from registry.ambassadors import normalise_code


class VerifyController(Controller):
    path = "/api/v1/verify"
    tags = ["Verification"]

    @get(
        "/ambassadors/{code:str}",
        operation_id="verifyAmbassadorCertificate",
        **access(public=True),
        sync_to_thread=True,
    )
    def ambassador(self, request: AnyRequest, code: FromPath[str]) -> CertificateCheckOut:
        """Confirms a membership certificate by its verification code: the name and the status."""
        registry = registry_of(request)
        row = member_by_code(registry.db, normalise_code(code)[:40])
        if row is None:
            raise NotFound(
                "No certificate has this verification code.", "لا توجد شهادة بهذا الرمز."
            )
        personal = registry.vault.open(UUID(row.id), row.personal)
        name_ar, name_en = name_or_erased(personal)
        expires = None if row.expires_on is None else _date(row.expires_on)
        status = effective_status(
            MembershipStatus(row.status), expires, registry.clock.now().date()
        )
        return CertificateCheckOut(
            code=normalise_code(code),
            name_ar=name_ar,
            name_en=name_en,
            status=str(status),
            status_ar=STATUS_AR[status],
        )

    @get(
        "/licences/{number:str}",
        operation_id="verifyLicence",
        **access(public=True),
        sync_to_thread=True,
    )
    def licence(self, request: AnyRequest, number: FromPath[str]) -> LicenceCheckOut:
        """Checks a licence by its number: valid, suspended, revoked or expired; the holder's
        name, the type and the validity period — nothing more."""
        registry = registry_of(request)
        row = licence_by_number(registry.db, number.strip().upper()[:40])
        if row is None or row.number is None:
            raise NotFound("No licence has this number.", "لا توجد رخصة بهذا الرقم.")
        licence_type = registry.licences.get_type(row.type_code)
        status = LicenceStatus(row.status)
        if status == LicenceStatus.ISSUED and row.valid_until is not None:
            if _date(row.valid_until) < registry.clock.now().date():
                status = LicenceStatus.EXPIRED
        name_ar, name_en = name_or_erased(registry.vault.open(UUID(row.person_id), row.personal))
        return LicenceCheckOut(
            number=row.number,
            status=PUBLIC_STATUS[status],
            holder_name_ar=name_ar,
            holder_name_en=name_en,
            type_code=row.type_code,
            type_title=TextOut.of(licence_type.title),
            stage=row.stage,
            valid_from=row.valid_from,
            valid_until=row.valid_until,
        )


def _date(value: str) -> date:
    return date.fromisoformat(value)
