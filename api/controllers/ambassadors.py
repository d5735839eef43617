"""/api/v1/ambassadors: the National Program for Quality Ambassadors.

Enrolment is public; everything else is for the executive office's staff
(auditors read). Personal data travels only in bodies, never in URLs.
"""

from __future__ import annotations

import tempfile
from datetime import date
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

import anyio
import msgspec
from litestar import Controller, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from api.errors import BodyTooLarge
from api.guards import access
from api.http import (
    AnyRequest,
    context_of,
    expected_version,
    idempotency_of,
    registry_of,
    versioned,
)
from api.links import certificate_check_base
from api.params import Limit, Offset
from api.schemas.ambassadors import (
    ActivityIn,
    BulkDecisionIn,
    BulkItemOut,
    BulkOut,
    DecisionIn,
    EnrolmentIn,
    EnrolmentOut,
    ExpiryRunIn,
    ExpiryRunOut,
    ImportErrorOut,
    ImportOut,
    LeaderOut,
    MembershipOut,
    MembershipPage,
    NationalIdLookup,
    PendingActivityOut,
    TargetIn,
    TrackChangeIn,
    membership_out,
)
from api.schemas.common import EventOut
from api.schemas.history import events_out
from domain.ambassadors.membership import Membership
from domain.ambassadors.values import ActivityStatus, MembershipStatus, Sector, Track
from domain.messages import N_
from domain.regions import Region
from domain.roles import STAFF, Role
from registry.ambassador_import import ErrorReportCsv, FirstErrors, import_enrolments
from registry.ambassador_reads import MemberFilters
from registry.ambassadors import AmbassadorService
from registry.exports import CSV
from registry.i18n import say

BASE = "/api/v1/ambassadors"
READ = access(STAFF, Role.AUDITOR)
ACT = access(STAFF)


MAX_ERRORS_IN_JSON = 10_000

Cursor = Annotated[
    str | None,
    QueryParameter(
        max_length=200,
        description="Where the page starts: a `next_cursor` or `previous_cursor` of an earlier "
        "answer with the same filters (opaque; not with `offset`).",
    ),
]
EnrolledFrom = Annotated[
    date | None, QueryParameter(description="Enrolled on or after this day (YYYY-MM-DD).")
]
EnrolledTo = Annotated[
    date | None, QueryParameter(description="Enrolled on or before this day (YYYY-MM-DD).")
]


def _too_large(limit: int) -> BodyTooLarge:
    return BodyTooLarge(
        N_(
            "A file imported over HTTP is at most {limit} bytes "
            "(NQS_IMPORT_MAX_BYTES): split it, or import it with `nqs ambassadors "
            "import`."
        ),
        field="file",
        limit=limit,
    )


class ImportReportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


class BulkAction(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    SUSPEND = "suspend"
    REINSTATE = "reinstate"
    WITHDRAW = "withdraw"
    RENEW = "renew"
    EXPIRE = "expire"


def _detail(request: AnyRequest, membership: Membership) -> Response[MembershipOut]:
    registry = registry_of(request)
    personal = registry.ambassadors.personal_of(membership)
    body = membership_out(membership, personal, registry.clock.now().date())
    return versioned(body, membership.version)


class AmbassadorController(Controller):
    path = BASE
    tags = ["Ambassadors"]

    # -- public enrolment ----------------------------------------------------------

    @post(
        "/",
        operation_id="enrolAmbassador",
        summary="Enrol as a quality ambassador / التسجيل سفيراً للجودة",
        status_code=HTTP_201_CREATED,
        **access(public=True),
    )
    async def enrol(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        data: JSONBody[EnrolmentIn],
    ) -> Response[EnrolmentOut]:
        """Self-enrolment, no sign-in. Every invalid field is named (Arabic and English); an ID
        number already enrolled is a 409 that shows nothing about that membership."""
        # Async on purpose: this public path is the hot one, and awaiting the group commit
        # costs far less than holding a worker thread per request while the disk flushes.
        membership = await ambassadors.enrol_async(
            context_of(request), data.to_form(), idempotency_of(request, data)
        )
        body = EnrolmentOut(
            id=membership.id,
            status=str(membership.status),
            track=str(membership.track),
            region=str(membership.region),
            enrolled_on=membership.enrolled_on.isoformat(),
            version=membership.version,
        )
        return versioned(body, membership.version, HTTP_201_CREATED, f"{BASE}/{membership.id}")

    # -- reading -------------------------------------------------------------------

    @get(
        "/",
        operation_id="listAmbassadors",
        summary="List quality ambassadors / قائمة سفراء الجودة",
        **READ,
        sync_to_thread=True,
    )
    def list_members(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        limit: Limit = 50,
        offset: Offset = 0,
        cursor: Cursor = None,
        status: FromQuery[MembershipStatus | None] = None,
        region: FromQuery[Region | None] = None,
        track: FromQuery[Track | None] = None,
        sector: FromQuery[Sector | None] = None,
        enrolled_from: EnrolledFrom = None,
        enrolled_to: EnrolledTo = None,
    ) -> MembershipPage:
        """Members by status, oldest enrolment first (read model), with names decrypted.
        Page with `cursor` (the answer's `next_cursor` / `previous_cursor`, filters
        unchanged): every page then costs the same, however deep. `offset` still works
        but reads every member before it. A cursor that is not one the list gave out is a
        422 naming `cursor`; a cursor with an offset, too."""
        filters = MemberFilters(status, region, track, sector, enrolled_from, enrolled_to)
        page = ambassadors.list_members(filters, limit, offset, cursor)
        return msgspec.convert(page, MembershipPage, from_attributes=True)

    @post(
        "/lookup",
        operation_id="lookUpAmbassador",
        summary="Find a membership by ID number / البحث عن عضوية برقم الهوية",
        status_code=HTTP_200_OK,
        **READ,
        sync_to_thread=True,
    )
    def look_up(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        data: JSONBody[NationalIdLookup],
    ) -> Response[MembershipOut]:
        """Finds a membership by ID number (in the body, so it never lands in a URL or log)."""
        return _detail(request, ambassadors.find_by_national_id(data.national_id))

    @get(
        "/{membership_id:uuid}",
        operation_id="getAmbassador",
        summary="Read a membership / عرض عضوية",
        **READ,
        sync_to_thread=True,
    )
    def read(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
    ) -> Response[MembershipOut]:
        """One membership with its person (ID masked), activities and any pending track change."""
        return _detail(request, ambassadors.get(membership_id))

    @get(
        "/{membership_id:uuid}/history",
        operation_id="getAmbassadorHistory",
        summary="A membership's history / سجل عضوية",
        **READ,
        sync_to_thread=True,
    )
    def history(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
    ) -> list[EventOut]:
        """Every change: what, who, when, why (personal data appears only sealed)."""
        return events_out(ambassadors.history(membership_id))

    @get(
        "/leaderboard",
        operation_id="ambassadorLeaderboard",
        summary="Ambassadors' leaderboard / ترتيب السفراء",
        **READ,
        sync_to_thread=True,
    )
    def leaderboard(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        region: FromQuery[Region | None] = None,
        limit: Limit = 20,
    ) -> list[LeaderOut]:
        """Active ambassadors with the most verified points, nationally or in one region."""
        leaders = ambassadors.leaderboard(limit, region)
        return msgspec.convert(leaders, list[LeaderOut], from_attributes=True)

    @get(
        "/activities",
        operation_id="listAmbassadorActivities",
        summary="List ambassadors' activities / قائمة أنشطة السفراء",
        **READ,
        sync_to_thread=True,
    )
    def activities(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        status: FromQuery[ActivityStatus] = ActivityStatus.LOGGED,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> list[PendingActivityOut]:
        """Activities by status, oldest first: by default those waiting for verification."""
        found = ambassadors.list_activities(status, limit, offset)
        return msgspec.convert(found, list[PendingActivityOut], from_attributes=True)

    # -- decisions, one by one -----------------------------------------------------

    def _decide(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: UUID,
        data: DecisionIn,
        action: str,
    ) -> Response[MembershipOut]:
        membership = ambassadors.decide(
            context_of(request), action, membership_id, expected_version(request), data.reason
        )
        return _detail(request, membership)

    @post(
        "/{membership_id:uuid}/approve",
        operation_id="approveAmbassador",
        summary="Approve a membership / اعتماد عضوية",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def approve(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Pending → active for a year, with a certificate verification code (If-Match)."""
        return self._decide(request, ambassadors, membership_id, data, "approve")

    @post(
        "/{membership_id:uuid}/reject",
        operation_id="rejectAmbassador",
        summary="Reject an enrolment / رفض تسجيل",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def reject(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Pending → rejected (If-Match, reason)."""
        return self._decide(request, ambassadors, membership_id, data, "reject")

    @post(
        "/{membership_id:uuid}/suspend",
        operation_id="suspendAmbassador",
        summary="Suspend a membership / إيقاف عضوية",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def suspend(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Active → suspended (If-Match, reason)."""
        return self._decide(request, ambassadors, membership_id, data, "suspend")

    @post(
        "/{membership_id:uuid}/reinstate",
        operation_id="reinstateAmbassador",
        summary="Reinstate a membership / إعادة تفعيل عضوية",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def reinstate(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Suspended → active (If-Match, reason)."""
        return self._decide(request, ambassadors, membership_id, data, "reinstate")

    @post(
        "/{membership_id:uuid}/withdraw",
        operation_id="withdrawAmbassador",
        summary="Record a withdrawal / تسجيل انسحاب",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def withdraw(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Records a withdrawal, e.g. at the member's request (If-Match, reason)."""
        return self._decide(request, ambassadors, membership_id, data, "withdraw")

    @post(
        "/{membership_id:uuid}/renew",
        operation_id="renewAmbassador",
        summary="Renew a membership / تجديد عضوية",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def renew(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Another year: within 90 days before expiry, or after it lapsed (If-Match)."""
        return self._decide(request, ambassadors, membership_id, data, "renew")

    @post(
        "/{membership_id:uuid}/expire",
        operation_id="expireAmbassador",
        summary="Record a membership's expiry / تسجيل انتهاء عضوية",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def expire(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Records the expiry of an active membership past its expiry date (If-Match)."""
        return self._decide(request, ambassadors, membership_id, data, "expire")

    # -- decisions in bulk ---------------------------------------------------------

    @post(
        "/bulk/{action:str}",
        operation_id="decideAmbassadorsInBulk",
        summary="Decide many memberships at once / البت في عضويات متعددة دفعة واحدة",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def bulk(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        action: FromPath[BulkAction],
        data: JSONBody[BulkDecisionIn],
    ) -> BulkOut:
        """One decision and one reason for up to 1,000 memberships; each succeeds or fails on
        its own (per-item results), and those that succeed are saved together."""
        outcomes = ambassadors.bulk(context_of(request), action.value, data.ids, data.reason)
        items = [
            BulkItemOut(
                id=o.id,
                ok=o.ok,
                status=o.status,
                version=o.version,
                error=o.error.code if o.error else None,
                message=say(o.error.message, "en") if o.error else None,
                message_ar=say(o.error.message, "ar") if o.error else None,
            )
            for o in outcomes
        ]
        succeeded = sum(1 for o in outcomes if o.ok)
        return BulkOut(
            action=action.value, succeeded=succeeded, failed=len(outcomes) - succeeded, items=items
        )

    @post(
        "/expire-due",
        operation_id="recordAmbassadorExpiries",
        summary="Record the expiries due (daily run) / تسجيل العضويات المنتهية (التشغيل اليومي)",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def expire_due(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        data: JSONBody[ExpiryRunIn],
    ) -> ExpiryRunOut:
        """Records the expiry of active memberships past their expiry date (the daily run)."""
        count = ambassadors.record_expiries(context_of(request), data.reason, data.limit)
        return ExpiryRunOut(expired=count)

    # -- track changes -------------------------------------------------------------

    @post(
        "/{membership_id:uuid}/track-change",
        operation_id="requestAmbassadorTrackChange",
        summary="Request a track change / طلب تغيير المسار",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def request_track_change(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[TrackChangeIn],
    ) -> Response[MembershipOut]:
        """Asks to move to another track (e.g. general → expert), which an officer then decides."""
        membership = ambassadors.request_track_change(
            context_of(request),
            membership_id,
            expected_version(request),
            track=data.track,
            sector=data.sector,
            employer=data.employer,
            qualifications=data.qualifications,
            evidence=data.evidence,
        )
        return _detail(request, membership)

    @post(
        "/{membership_id:uuid}/track-change/approve",
        operation_id="approveAmbassadorTrackChange",
        summary="Approve a track change / اعتماد تغيير المسار",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def approve_track_change(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Approves the pending track change (If-Match, reason)."""
        membership = ambassadors.decide_track_change(
            context_of(request), membership_id, expected_version(request), True, data.reason
        )
        return _detail(request, membership)

    @post(
        "/{membership_id:uuid}/track-change/reject",
        operation_id="rejectAmbassadorTrackChange",
        summary="Reject a track change / رفض تغيير المسار",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def reject_track_change(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Rejects the pending track change (If-Match, reason)."""
        membership = ambassadors.decide_track_change(
            context_of(request), membership_id, expected_version(request), False, data.reason
        )
        return _detail(request, membership)

    # -- activities ----------------------------------------------------------------

    @post(
        "/{membership_id:uuid}/activities",
        operation_id="logAmbassadorActivity",
        summary="Log an activity / تسجيل نشاط",
        status_code=HTTP_201_CREATED,
        **ACT,
        sync_to_thread=True,
    )
    def log_activity(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[ActivityIn],
    ) -> Response[MembershipOut]:
        """Logs an awareness session, workshop, campaign or volunteering (If-Match;
        honours Idempotency-Key). It earns points once an officer verifies it."""
        membership, _ = ambassadors.log_activity(
            context_of(request),
            membership_id,
            expected_version(request),
            kind=data.kind,
            title=data.title,
            held_on=data.held_on,
            participants=data.participants,
            idempotency=idempotency_of(request, data),
        )
        response = _detail(request, membership)
        response.status_code = HTTP_201_CREATED
        return response

    @post(
        "/{membership_id:uuid}/activities/{activity_id:uuid}/verify",
        operation_id="verifyAmbassadorActivity",
        summary="Verify an activity / التحقق من نشاط",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def verify_activity(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        activity_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Verifies a logged activity: the ambassador earns its points (If-Match)."""
        membership = ambassadors.verify_activity(
            context_of(request),
            membership_id,
            expected_version(request),
            activity_id,
            data.reason,
        )
        return _detail(request, membership)

    @post(
        "/{membership_id:uuid}/activities/{activity_id:uuid}/reject",
        operation_id="rejectAmbassadorActivity",
        summary="Reject an activity / رفض نشاط",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def reject_activity(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        activity_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Rejects a logged activity: no points (If-Match, reason)."""
        membership = ambassadors.reject_activity(
            context_of(request),
            membership_id,
            expected_version(request),
            activity_id,
            data.reason,
        )
        return _detail(request, membership)

    # -- erasure, certificate, targets ----------------------------------------------

    @post(
        "/{membership_id:uuid}/erase",
        operation_id="eraseAmbassadorPersonalData",
        summary="Erase a member's personal data / محو البيانات الشخصية لعضو",
        status_code=HTTP_200_OK,
        **ACT,
        sync_to_thread=True,
    )
    def erase(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        membership_id: FromPath[UUID],
        data: JSONBody[DecisionIn],
    ) -> Response[MembershipOut]:
        """Erasure on request (Saudi PDPL): destroys the person's key. The record stays, the
        personal fields read "erased", and every count stays as it was (If-Match, reason)."""
        membership = ambassadors.erase(
            context_of(request), membership_id, expected_version(request), data.reason
        )
        return _detail(request, membership)

    @get(
        "/{membership_id:uuid}/certificate",
        operation_id="getAmbassadorCertificate",
        summary="A membership certificate (PDF) / شهادة العضوية",
        media_type="application/pdf",
        **ACT,
        sync_to_thread=True,
    )
    def certificate(self, request: AnyRequest, membership_id: FromPath[UUID]) -> Response[bytes]:
        """The membership certificate as a PDF, in Arabic and English, with its verification
        code and a QR code linking to the public check."""
        from registry.certificates import membership_certificate

        registry = registry_of(request)
        membership = registry.ambassadors.get(membership_id)
        pdf = membership_certificate(
            membership,
            registry.ambassadors.personal_of(membership),
            registry.clock.now().date(),
            # The QR code opens the public verification page (NQS_PUBLIC_BASE_URL's host).
            verify_base=certificate_check_base(request),
        )
        return Response(
            pdf,
            media_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="certificate-{membership.id}.pdf"'},
        )

    @post(
        "/import",
        operation_id="importAmbassadors",
        summary="Import enrolments from CSV / استيراد التسجيلات من ملف CSV",
        status_code=HTTP_200_OK,
        request_max_body_size=None,  # NQS_IMPORT_MAX_BYTES, checked while streaming below
        **ACT,
    )
    async def import_csv(
        self,
        request: AnyRequest,
        report: FromQuery[ImportReportFormat] = ImportReportFormat.JSON,
    ) -> Response[Any]:
        """Imports enrolments from a CSV body (`Content-Type: text/csv`, the enrolment form's
        columns; up to `NQS_IMPORT_MAX_BYTES`, 8 MiB by default, else 413). Good rows are
        enrolled, people already enrolled are skipped (re-running a file duplicates no one),
        and every refused row is reported with its row number, field and reason — as JSON,
        or with `?report=csv` as the error report itself."""
        registry = registry_of(request)
        ctx = context_of(request)
        with (
            tempfile.TemporaryFile() as body,
            tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as csv_report,
        ):
            limit = registry.settings.import_max_bytes
            if (request.content_length or 0) > limit:
                raise _too_large(limit)
            async for chunk in request.stream():
                if body.tell() + len(chunk) > limit:
                    raise _too_large(limit)
                body.write(chunk)
            body.seek(0)
            sink = (
                ErrorReportCsv(csv_report)
                if report == ImportReportFormat.CSV
                else FirstErrors(MAX_ERRORS_IN_JSON)
            )
            outcome = await anyio.to_thread.run_sync(
                lambda: import_enrolments(registry.ambassadors, ctx, body, sink)
            )
            if isinstance(sink, ErrorReportCsv):
                csv_report.seek(0)
                return Response(
                    csv_report.read().encode(),
                    media_type=CSV,
                    headers={
                        "X-Rows": str(outcome.rows),
                        "X-Enrolled": str(outcome.enrolled),
                        "X-Skipped": str(outcome.skipped),
                        "X-Refused": str(outcome.refused),
                    },
                )
        return Response(
            ImportOut(
                rows=outcome.rows,
                enrolled=outcome.enrolled,
                skipped=outcome.skipped,
                refused=outcome.refused,
                errors=[
                    ImportErrorOut(
                        row=e.row, field=e.field, message=e.message, message_ar=e.message_ar
                    )
                    for e in sink.errors
                ],
            )
        )

    @put(
        "/targets/{region:str}",
        operation_id="setAmbassadorTarget",
        summary="Set a region's target / تحديد مستهدف منطقة",
        **ACT,
        sync_to_thread=True,
    )
    def set_target(
        self,
        request: AnyRequest,
        ambassadors: NamedDependency[AmbassadorService],
        region: FromPath[Region],
        data: JSONBody[TargetIn],
    ) -> dict[str, int]:
        """Sets how many ambassadors a region aims for (the default aim: one per household)."""
        targets = ambassadors.set_target(context_of(request), region, data.target, data.reason)
        return {str(r): t for r, t in sorted(targets.targets.items())}
