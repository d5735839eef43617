"""/api/v1/licences: professional licences in quality (technical, then administrative).

Applications are public, like enrolment; assessment, issue and every later decision
belong to the executive office's staff.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import Controller, Response, get, post, put
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter
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
from api.schemas.ambassadors import DecisionIn, ExpiryRunIn, ExpiryRunOut, name_or_erased
from api.schemas.common import EventOut, TextOut
from api.schemas.history import history_of
from api.schemas.licences import (
    ApplicationReceiptOut,
    AssessmentIn,
    LicenceApplicationIn,
    LicenceOut,
    LicencePage,
    LicenceRowOut,
    LicenceTypeCreate,
    LicenceTypeOut,
    LicenceTypeRevise,
    RenewalIn,
    licence_out,
    licence_type_out,
)
from domain.licences.licence import Licence, LicenceStatus
from domain.roles import STAFF, Role
from projections.licences_queries import licence_types, list_licences

BASE = "/api/v1/licences"
Limit = Annotated[int, QueryParameter(ge=1, le=200)]
Offset = Annotated[int, QueryParameter(ge=0)]
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

    @get("/types", operation_id="listLicenceTypes", **access(public=True), sync_to_thread=True)
    def list_types(self, request: AnyRequest) -> list[LicenceTypeOut]:
        """The licence types one may apply for, technical (first stage) then administrative."""
        return [
            LicenceTypeOut(
                code=t.code,
                stage=t.stage,
                title=TextOut(ar=t.title_ar, en=t.title_en),
                validity_years=t.validity_years,
                cpd_hours=t.cpd_hours,
                active=t.active,
                version=t.version,
            )
            for t in licence_types(registry_of(request).db)
        ]

    @post(
        "/types",
        operation_id="defineLicenceType",
        status_code=HTTP_201_CREATED,
        **ACT,
        sync_to_thread=True,
    )
    def define_type(
        self, request: AnyRequest, data: JSONBody[LicenceTypeCreate]
    ) -> Response[LicenceTypeOut]:
        """Adds a licence type (honours Idempotency-Key)."""
        licence_type = registry_of(request).licences.define_type(
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
        **access(public=True),
        sync_to_thread=True,
    )
    def read_type(self, request: AnyRequest, code: FromPath[str]) -> Response[LicenceTypeOut]:
        """One licence type."""
        licence_type = registry_of(request).licences.get_type(code)
        return versioned(licence_type_out(licence_type), licence_type.version)

    @put("/types/{code:str}", operation_id="reviseLicenceType", **ACT, sync_to_thread=True)
    def revise_type(
        self, request: AnyRequest, code: FromPath[str], data: JSONBody[LicenceTypeRevise]
    ) -> Response[LicenceTypeOut]:
        """Revises a type's name, validity and CPD hours (If-Match); licences already issued
        keep their dates."""
        licence_type = registry_of(request).licences.revise_type(
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
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def retire_type(
        self, request: AnyRequest, code: FromPath[str], data: JSONBody[DecisionIn]
    ) -> Response[LicenceTypeOut]:
        """Stops new applications for a type (If-Match, reason)."""
        licence_type = registry_of(request).licences.retire_type(
            context_of(request), code, expected_version(request), data.reason
        )
        return versioned(licence_type_out(licence_type), licence_type.version)

    # -- applications and licences -------------------------------------------------

    @post(
        "/applications",
        operation_id="applyForLicence",
        status_code=HTTP_201_CREATED,
        **access(public=True),
        sync_to_thread=True,
    )
    def apply(
        self, request: AnyRequest, data: JSONBody[LicenceApplicationIn]
    ) -> Response[ApplicationReceiptOut]:
        """Applies for a licence, no sign-in (honours Idempotency-Key). An administrative
        licence needs a valid technical licence held by the same person."""
        licence = registry_of(request).licences.apply(
            context_of(request), data.to_form(), idempotency_of(request, data)
        )
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
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def expire_due(self, request: AnyRequest, data: JSONBody[ExpiryRunIn]) -> ExpiryRunOut:
        """Records the expiry of issued licences past their validity (the daily run)."""
        count = registry_of(request).licences.record_expiries(
            context_of(request), data.reason, data.limit
        )
        return ExpiryRunOut(expired=count)

    @get("/", operation_id="listLicences", **READ, sync_to_thread=True)
    def list_licences(
        self,
        request: AnyRequest,
        limit: Limit = 50,
        offset: Offset = 0,
        status: FromQuery[LicenceStatus | None] = None,
        type_code: FromQuery[str | None] = None,
    ) -> LicencePage:
        """Licences and applications, oldest application first (read model)."""
        registry = registry_of(request)
        rows, total = list_licences(registry.db, limit, offset, status, type_code)
        opened = registry.vault.open_many({UUID(r.person_id): r.personal for r in rows})
        items = []
        for r in rows:
            name_ar, name_en = name_or_erased(opened.get(UUID(r.person_id)))
            items.append(
                LicenceRowOut(
                    id=UUID(r.id),
                    type_code=r.type_code,
                    stage=r.stage,
                    status=r.status,
                    number=r.number,
                    valid_until=r.valid_until,
                    holder_name_ar=name_ar,
                    holder_name_en=name_en,
                    applied_on=r.applied_on,
                    version=r.version,
                )
            )
        return LicencePage(items=items, total=total, limit=limit, offset=offset)

    @get("/{licence_id:uuid}", operation_id="getLicence", **READ, sync_to_thread=True)
    def read(self, request: AnyRequest, licence_id: FromPath[UUID]) -> Response[LicenceOut]:
        """One licence or application, with its holder (ID masked)."""
        return _detail(request, registry_of(request).licences.get(licence_id))

    @get(
        "/{licence_id:uuid}/history", operation_id="getLicenceHistory", **READ, sync_to_thread=True
    )
    def history(self, request: AnyRequest, licence_id: FromPath[UUID]) -> list[EventOut]:
        """Every decision on the licence: what, who, when, why."""
        registry = registry_of(request)
        registry.licences.get(licence_id)
        return history_of(registry.app, licence_id)

    @post(
        "/{licence_id:uuid}/assessment",
        operation_id="recordLicenceAssessment",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def assess(
        self, request: AnyRequest, licence_id: FromPath[UUID], data: JSONBody[AssessmentIn]
    ) -> Response[LicenceOut]:
        """Records the assessment result: passed or failed, with a score (If-Match, reason)."""
        licence = registry_of(request).licences.assess(
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
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def issue(
        self, request: AnyRequest, licence_id: FromPath[UUID], data: JSONBody[DecisionIn]
    ) -> Response[LicenceOut]:
        """Issues a passed application: licence number and validity period (If-Match, reason)."""
        licence = registry_of(request).licences.issue(
            context_of(request), licence_id, expected_version(request), data.reason
        )
        return _detail(request, licence)

    @post(
        "/{licence_id:uuid}/renew",
        operation_id="renewLicence",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def renew(
        self, request: AnyRequest, licence_id: FromPath[UUID], data: JSONBody[RenewalIn]
    ) -> Response[LicenceOut]:
        """Renews for another validity period, given enough CPD hours (If-Match)."""
        licence = registry_of(request).licences.renew(
            context_of(request),
            licence_id,
            expected_version(request),
            data.cpd_hours,
            data.reason,
        )
        return _detail(request, licence)

    def _decide(
        self, request: AnyRequest, licence_id: UUID, data: DecisionIn, action: str
    ) -> Response[LicenceOut]:
        licence = registry_of(request).licences.decide(
            context_of(request), action, licence_id, expected_version(request), data.reason
        )
        return _detail(request, licence)

    @post(
        "/{licence_id:uuid}/suspend",
        operation_id="suspendLicence",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def suspend(
        self, request: AnyRequest, licence_id: FromPath[UUID], data: JSONBody[DecisionIn]
    ) -> Response[LicenceOut]:
        """Suspends an issued licence (If-Match, reason)."""
        return self._decide(request, licence_id, data, "suspend")

    @post(
        "/{licence_id:uuid}/reinstate",
        operation_id="reinstateLicence",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def reinstate(
        self, request: AnyRequest, licence_id: FromPath[UUID], data: JSONBody[DecisionIn]
    ) -> Response[LicenceOut]:
        """Lifts a suspension (If-Match, reason)."""
        return self._decide(request, licence_id, data, "reinstate")

    @post(
        "/{licence_id:uuid}/revoke",
        operation_id="revokeLicence",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def revoke(
        self, request: AnyRequest, licence_id: FromPath[UUID], data: JSONBody[DecisionIn]
    ) -> Response[LicenceOut]:
        """Revokes a licence for good (If-Match, reason)."""
        return self._decide(request, licence_id, data, "revoke")

    @post(
        "/{licence_id:uuid}/expire",
        operation_id="expireLicence",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def expire(
        self, request: AnyRequest, licence_id: FromPath[UUID], data: JSONBody[DecisionIn]
    ) -> Response[LicenceOut]:
        """Records the expiry of a licence past its validity (If-Match, reason)."""
        return self._decide(request, licence_id, data, "expire")

    @post(
        "/{licence_id:uuid}/erase",
        operation_id="eraseLicenceHolderData",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def erase(
        self, request: AnyRequest, licence_id: FromPath[UUID], data: JSONBody[DecisionIn]
    ) -> Response[LicenceOut]:
        """Erasure on request (Saudi PDPL): destroys the holder's key (If-Match, reason)."""
        licence = registry_of(request).licences.erase(
            context_of(request), licence_id, expected_version(request), data.reason
        )
        return _detail(request, licence)
