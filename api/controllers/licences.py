"""/api/v1/licences: professional licences in quality (technical, then administrative).

Applications are public, like enrolment; assessment, issue and every later decision
belong to the executive office's staff.
"""

from __future__ import annotations

from uuid import UUID

import msgspec
from litestar import Controller, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from api.guards import access
from api.http import (
    AnyRequest,
    context_of,
    expected_version,
    idempotency_of,
    registry_of,
    versioned,
)
from api.params import Limit, Offset
from api.schemas.ambassadors import DecisionIn, ExpiryRunIn, ExpiryRunOut
from api.schemas.common import EventOut
from api.schemas.history import events_out
from api.schemas.licences import (
    ApplicationReceiptOut,
    AssessmentIn,
    LicenceApplicationIn,
    LicenceOut,
    LicencePage,
    LicenceTypeCreate,
    LicenceTypeOut,
    LicenceTypeRevise,
    RenewalIn,
    licence_out,
    licence_type_out,
)
from domain.licences.licence import Licence, LicenceStatus
from domain.roles import STAFF, Role
from registry.licences import LicenceService

BASE = "/api/v1/licences"
READ = access(STAFF, Role.AUDITOR)
ACT = access(STAFF)


def _detail(
    request: AnyRequest, licence: Licence, status_code: int = HTTP_200_OK
) -> Response[LicenceOut]:
    registry = registry_of(request)
    body = licence_out(licence, registry.licences.personal_of(licence), registry.clock.now().date())
    return versioned(body, licence.version, status_code)


class LicenceController(Controller):
    path = BASE
    tags = ["Licences"]

    # -- licence types (reference data) --------------------------------------------

    @get(
        "/types",
        operation_id="listLicenceTypes",
        summary="List licence types / قائمة أنواع الرخص",
        **access(public=True),
        sync_to_thread=True,
    )
    def list_types(self, licences: NamedDependency[LicenceService]) -> list[LicenceTypeOut]:
        """The licence types one may apply for, technical (first stage) then administrative."""
        types = licences.list_types()
        return msgspec.convert(types, list[LicenceTypeOut], from_attributes=True)

    @post(
        "/types",
        operation_id="defineLicenceType",
        summary="Define a licence type / تعريف نوع رخصة",
        status_code=HTTP_201_CREATED,
        **ACT,
        sync_to_thread=True,
    )
    def define_type(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        data: JSONBody[LicenceTypeCreate],
    ) -> Response[LicenceTypeOut]:
        """Adds a licence type (honours Idempotency-Key)."""
        licence_type = licences.define_type(
            context_of(request),
            code=data.code,
            stage=data.stage,
            title=data.title.to_domain("title"),
            validity_years=data.validity_years,
            cpd_hours=data.cpd_hours,
            idempotency=idempotency_of(request, data),
        )
        return versioned(
            licence_type_out(licence_type),
            licence_type.version,
            HTTP_201_CREATED,
            f"{BASE}/types/{licence_type.code}",
        )

    @get(
        "/types/{code:str}",
        operation_id="getLicenceType",
        summary="Read a licence type / عرض نوع رخصة",
        **access(public=True),
        sync_to_thread=True,
    )
    def read_type(
        self, request: AnyRequest, licences: NamedDependency[LicenceService], code: FromPath[str]
    ) -> Response[LicenceTypeOut]:
        """One licence type."""
        licence_type = licences.get_type(code)
        return versioned(licence_type_out(licence_type), licence_type.version)

    @put(
        "/types/{code:str}",
        operation_id="reviseLicenceType",
        summary="Revise a licence type / تعديل نوع رخصة",
        **ACT,
        sync_to_thread=True,
    )
    def revise_type(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        code: FromPath[str],
        data: JSONBody[LicenceTypeRevise],
    ) -> Response[LicenceTypeOut]:
        """Revises a type's name, validity and CPD hours (If-Match); licences already issued
        keep their dates."""
        licence_type = licences.revise_type(
            context_of(request),
            code,
            expected_version(request),
            title=data.title.to_domain("title"),
            validity_years=data.validity_years,
            cpd_hours=data.cpd_hours,
        )
        return versioned(licence_type_out(licence_type), licence_type.version)

    @post(
        "/types/{code:str}/retire",
        operation_id="retireLicenceType",
        summary="Retire a licence type / إيقاف نوع رخصة",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def retire_type(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        code: FromPath[str],
        data: JSONBody[DecisionIn],
    ) -> Response[LicenceTypeOut]:
        """Stops new applications for a type (If-Match, reason)."""
        licence_type = licences.retire_type(
            context_of(request), code, expected_version(request), data.reason
        )
        return versioned(licence_type_out(licence_type), licence_type.version)

    # -- applications and licences -------------------------------------------------

    @post(
        "/applications",
        operation_id="applyForLicence",
        summary="Apply for a licence / التقدّم بطلب رخصة",
        status_code=HTTP_201_CREATED,
        **access(public=True),
        sync_to_thread=True,
    )
    def apply(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        data: JSONBody[LicenceApplicationIn],
    ) -> Response[ApplicationReceiptOut]:
        """Applies for a licence, no sign-in (honours Idempotency-Key). An administrative
        licence needs a valid technical licence held by the same person."""
        licence = licences.apply(context_of(request), data.to_form(), idempotency_of(request, data))
        body = ApplicationReceiptOut(
            id=licence.id,
            status=str(licence.status),
            type_code=licence.type_code,
            stage=str(licence.stage),
            version=licence.version,
        )
        return versioned(body, licence.version, HTTP_201_CREATED, f"{BASE}/{licence.id}")

    @post(
        "/expire-due",
        operation_id="recordLicenceExpiries",
        summary="Record the expiries due (daily run) / تسجيل الرخص المنتهية (التشغيل اليومي)",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def expire_due(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        data: JSONBody[ExpiryRunIn],
    ) -> ExpiryRunOut:
        """Records the expiry of issued licences past their validity (the daily run)."""
        count = licences.record_expiries(context_of(request), data.reason, data.limit)
        return ExpiryRunOut(expired=count)

    @get(
        "/",
        operation_id="listLicences",
        summary="List licences and applications / قائمة الرخص والطلبات",
        **READ,
        sync_to_thread=True,
    )
    def list_licences(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        limit: Limit = 50,
        offset: Offset = 0,
        status: FromQuery[LicenceStatus | None] = None,
        type_code: FromQuery[str | None] = None,
    ) -> LicencePage:
        """Licences and applications, oldest application first (read model)."""
        page = licences.list_licences(limit, offset, status, type_code)
        return msgspec.convert(page, LicencePage, from_attributes=True)

    @get(
        "/{licence_id:uuid}",
        operation_id="getLicence",
        summary="Read a licence / عرض رخصة",
        **READ,
        sync_to_thread=True,
    )
    def read(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
    ) -> Response[LicenceOut]:
        """One licence or application, with its holder (ID masked)."""
        return _detail(request, licences.get(licence_id))

    @get(
        "/{licence_id:uuid}/history",
        operation_id="getLicenceHistory",
        summary="A licence's history / سجل رخصة",
        **READ,
        sync_to_thread=True,
    )
    def history(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
    ) -> list[EventOut]:
        """Every decision on the licence: what, who, when, why."""
        return events_out(licences.history(licence_id))

    @post(
        "/{licence_id:uuid}/assessment",
        operation_id="recordLicenceAssessment",
        summary="Record an assessment result / تسجيل نتيجة التقييم",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def assess(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
        data: JSONBody[AssessmentIn],
    ) -> Response[LicenceOut]:
        """Records the assessment result: passed or failed, with a score (If-Match, reason)."""
        licence = licences.assess(
            context_of(request),
            licence_id,
            expected_version(request),
            data.passed,
            data.score,
            data.reason,
        )
        return _detail(request, licence)

    @post(
        "/{licence_id:uuid}/issue",
        operation_id="issueLicence",
        summary="Issue a licence / إصدار رخصة",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def issue(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[LicenceOut]:
        """Issues a passed application: licence number and validity period (If-Match, reason)."""
        licence = licences.issue(
            context_of(request), licence_id, expected_version(request), data.reason
        )
        return _detail(request, licence)

    @post(
        "/{licence_id:uuid}/renew",
        operation_id="renewLicence",
        summary="Renew a licence / تجديد رخصة",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def renew(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
        data: JSONBody[RenewalIn],
    ) -> Response[LicenceOut]:
        """Renews for another validity period, given enough CPD hours (If-Match)."""
        licence = licences.renew(
            context_of(request),
            licence_id,
            expected_version(request),
            data.cpd_hours,
            data.reason,
        )
        return _detail(request, licence)

    def _decide(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: UUID,
        data: DecisionIn,
        action: str,
    ) -> Response[LicenceOut]:
        licence = licences.decide(
            context_of(request), action, licence_id, expected_version(request), data.reason
        )
        return _detail(request, licence)

    @post(
        "/{licence_id:uuid}/suspend",
        operation_id="suspendLicence",
        summary="Suspend a licence / إيقاف رخصة",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def suspend(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[LicenceOut]:
        """Suspends an issued licence (If-Match, reason)."""
        return self._decide(request, licences, licence_id, data, "suspend")

    @post(
        "/{licence_id:uuid}/reinstate",
        operation_id="reinstateLicence",
        summary="Reinstate a licence / إعادة تفعيل رخصة",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def reinstate(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[LicenceOut]:
        """Lifts a suspension (If-Match, reason)."""
        return self._decide(request, licences, licence_id, data, "reinstate")

    @post(
        "/{licence_id:uuid}/revoke",
        operation_id="revokeLicence",
        summary="Revoke a licence / إلغاء رخصة",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def revoke(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[LicenceOut]:
        """Revokes a licence for good (If-Match, reason)."""
        return self._decide(request, licences, licence_id, data, "revoke")

    @post(
        "/{licence_id:uuid}/expire",
        operation_id="expireLicence",
        summary="Record a licence's expiry / تسجيل انتهاء رخصة",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def expire(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[LicenceOut]:
        """Records the expiry of a licence past its validity (If-Match, reason)."""
        return self._decide(request, licences, licence_id, data, "expire")

    @post(
        "/{licence_id:uuid}/erase",
        operation_id="eraseLicenceHolderData",
        summary="Erase a holder's personal data / محو البيانات الشخصية لحامل رخصة",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def erase(
        self,
        request: AnyRequest,
        licences: NamedDependency[LicenceService],
        licence_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[LicenceOut]:
        """Erasure on request (Saudi PDPL): destroys the holder's key (If-Match, reason)."""
        licence = licences.erase(
            context_of(request), licence_id, expected_version(request), data.reason
        )
        return _detail(request, licence)
