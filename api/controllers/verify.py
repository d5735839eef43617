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


def _date(value: str) -> date:
    return date.fromisoformat(value)
