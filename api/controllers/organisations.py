"""/api/v1/organisations: the organisations that apply for awards, and who represents them."""

from __future__ import annotations

from uuid import UUID

import msgspec
from litestar import Controller, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED

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
from api.schemas.common import EventOut
from api.schemas.history import events_out
from api.schemas.organisations import (
    AccreditationCreate,
    DecisionReason,
    MemberAssign,
    MemberOut,
    OrganisationCreate,
    OrganisationOut,
    OrganisationPage,
    OrganisationProfileDoc,
)
from domain.awards.organisation import Organisation, Profile
from domain.roles import OVERSIGHT, STAFF, Role
from registry.organisations import OrganisationService


def _profile(data: OrganisationProfileDoc) -> Profile:
    return Profile(
        name=data.name.to_domain("name"),
        type=data.type,
        region=data.region,
        beds=data.beds,
        licence_expires_on=data.licence_expires_on,
        operating_since=data.operating_since,
    )


def _out(
    request: AnyRequest, organisation: Organisation, status: int = 200
) -> Response[OrganisationOut]:
    today = registry_of(request).clock.now().date()
    return versioned(OrganisationOut.of(organisation, today), organisation.version, status)


class OrganisationController(Controller):
    path = "/api/v1/organisations"
    tags = ["Organisations"]

    @get(
        "/",
        operation_id="listOrganisations",
        summary="List organisations / قائمة الجهات",
        **access(OVERSIGHT),
        sync_to_thread=True,
    )
    def list_organisations(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> OrganisationPage:
        """The organisations, by English name."""
        page = organisations.list_organisations(limit, offset)
        return msgspec.convert(page, OrganisationPage, from_attributes=True)

    @post(
        "/",
        operation_id="registerOrganisation",
        summary="Register an organisation / تسجيل جهة",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def create(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        data: JSONBody[OrganisationCreate],
    ) -> Response[OrganisationOut]:
        """Registers an organisation by its licence number (one organisation per licence)."""
        organisation = organisations.register(
            context_of(request),
            licence_number=data.licence_number,
            profile=_profile(data),
            idempotency=idempotency_of(request, data),
        )
        response = _out(request, organisation, HTTP_201_CREATED)
        response.headers["Location"] = f"{self.path}/{organisation.id}"
        return response

    @get(
        "/{organisation_id:uuid}",
        operation_id="getOrganisation",
        summary="Read an organisation / عرض جهة",
        **access(OVERSIGHT, Role.APPLICANT),
        sync_to_thread=True,
    )
    def read(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        organisation_id: FromPath[UUID],
    ) -> Response[OrganisationOut]:
        """One organisation with its accreditations (applicants: their own only)."""
        return _out(request, organisations.read(context_of(request), organisation_id))

    @put(
        "/{organisation_id:uuid}",
        operation_id="reviseOrganisation",
        summary="Revise an organisation's profile / تعديل بيانات جهة",
        **access(STAFF),
        sync_to_thread=True,
    )
    def revise(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        organisation_id: FromPath[UUID],
        data: JSONBody[OrganisationProfileDoc],
    ) -> Response[OrganisationOut]:
        """Revises the profile: name, type, region, beds, licence expiry, start of operation."""
        organisation = organisations.revise_profile(
            context_of(request), organisation_id, expected_version(request), _profile(data)
        )
        return _out(request, organisation)

    @post(
        "/{organisation_id:uuid}/accreditations",
        operation_id="addAccreditation",
        summary="Add an accreditation / إضافة اعتماد",
        status_code=HTTP_201_CREATED,
        **access(STAFF),
        sync_to_thread=True,
    )
    def add_accreditation(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        organisation_id: FromPath[UUID],
        data: JSONBody[AccreditationCreate],
    ) -> Response[OrganisationOut]:
        """Records a national or international accreditation with its expiry date."""
        organisation, _ = organisations.add_accreditation(
            context_of(request),
            organisation_id,
            expected_version(request),
            name=data.name,
            issuer=data.issuer,
            expires_on=data.expires_on,
            idempotency=idempotency_of(request, data),
        )
        return _out(request, organisation, HTTP_201_CREATED)

    @post(
        "/{organisation_id:uuid}/accreditations/{accreditation_id:uuid}/remove",
        operation_id="removeAccreditation",
        summary="Remove an accreditation / حذف اعتماد",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def remove_accreditation(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        organisation_id: FromPath[UUID],
        accreditation_id: FromPath[UUID],
        data: JSONBody[DecisionReason],
    ) -> Response[OrganisationOut]:
        """Removes an accreditation recorded in error; `reason` required."""
        organisation = organisations.remove_accreditation(
            context_of(request),
            organisation_id,
            expected_version(request),
            accreditation_id,
            data.reason,
        )
        return _out(request, organisation)

    @post(
        "/{organisation_id:uuid}/activate",
        operation_id="activateOrganisation",
        summary="Activate an organisation / تفعيل جهة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def activate(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        organisation_id: FromPath[UUID],
        data: JSONBody[DecisionReason],
    ) -> Response[OrganisationOut]:
        """Activates a verified organisation on the platform (Nawah requires it); `reason` required."""
        organisation = organisations.set_status(
            context_of(request), organisation_id, expected_version(request), True, data.reason
        )
        return _out(request, organisation)

    @post(
        "/{organisation_id:uuid}/suspend",
        operation_id="suspendOrganisation",
        summary="Suspend an organisation / إيقاف جهة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def suspend(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        organisation_id: FromPath[UUID],
        data: JSONBody[DecisionReason],
    ) -> Response[OrganisationOut]:
        """Suspends an organisation; `reason` required."""
        organisation = organisations.set_status(
            context_of(request), organisation_id, expected_version(request), False, data.reason
        )
        return _out(request, organisation)

    @post(
        "/{organisation_id:uuid}/members",
        operation_id="assignApplicant",
        summary="Link an applicant account to an organisation / ربط حساب متقدّم بجهة",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def assign_member(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        organisation_id: FromPath[UUID],
        data: JSONBody[MemberAssign],
    ) -> MemberOut:
        """Links an applicant account to the organisation it represents (one organisation per
        applicant; moving an applicant to another organisation needs a `reason`)."""
        user = organisations.assign_member(
            context_of(request), data.user_id, None, organisation_id, data.reason
        )
        return MemberOut(str(user.id), str(user.organisation_id), user.version)

    @get(
        "/{organisation_id:uuid}/history",
        operation_id="getOrganisationHistory",
        summary="An organisation's history / سجل جهة",
        **access(STAFF, Role.AUDITOR),
        sync_to_thread=True,
    )
    def history(
        self,
        request: AnyRequest,
        organisations: NamedDependency[OrganisationService],
        organisation_id: FromPath[UUID],
    ) -> list[EventOut]:
        """Every change to the organisation: who, when, why."""
        return events_out(organisations.history(organisation_id))
