"""/api/v1/verify: public checks of certificates and licences, showing nothing personal
beyond the holder's name."""

from __future__ import annotations

import msgspec
from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.params import FromPath

from api.guards import access
from api.http import AnyRequest
from api.schemas.ambassadors import CertificateCheckOut
from api.schemas.licences import LicenceCheckOut
from registry.ambassadors import AmbassadorService
from registry.licences import LicenceService


class VerifyController(Controller):
    path = "/api/v1/verify"
    tags = ["Verification"]

    @get(
        "/ambassadors/{code:str}",
        operation_id="verifyAmbassadorCertificate",
        summary="Check a membership certificate / التحقق من شهادة عضوية",
        **access(public=True),
        sync_to_thread=True,
    )
    def ambassador(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        code: FromPath[str],
    ) -> CertificateCheckOut:
        """Confirms a membership certificate by its verification code: the name and the status."""
        found = ambassadors.check_certificate(code)
        return msgspec.convert(found, CertificateCheckOut, from_attributes=True)

    @get(
        "/licences/{number:str}",
        operation_id="verifyLicence",
        summary="Check a licence / التحقق من رخصة",
        **access(public=True),
        sync_to_thread=True,
    )
    def licence(
        self, request: AnyRequest, licences: NamedDependency[LicenceService], number: FromPath[str]
    ) -> LicenceCheckOut:
        """Checks a licence by its number: valid, suspended, revoked or expired; the holder's
        name, the type and the validity period — nothing more."""
        found = licences.check(number)
        return msgspec.convert(found, LicenceCheckOut, from_attributes=True)
