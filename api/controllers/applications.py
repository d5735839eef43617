"""/api/v1/applications: award applications — drafting, answers, evidence, submission,
screening — and their judging: assignment, declarations of interest, scorecards, consensus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Controller, Response, get, post, put
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery, JSONBody
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
from api.params import Limit500, Offset
from api.schemas.applications import (
    AnswerDoc,
    ApplicantResultOut,
    ApplicationCreate,
    ApplicationOut,
    ApplicationPage,
    Assignment,
    ChecksOut,
    ConsensusIn,
    ConsensusOut,
    DeclarationIn,
    EvidenceCreated,
    FeedbackIn,
    ProblemOut,
    ScorecardOut,
    ScoreIn,
    Screening,
)
from api.schemas.awards import DomainScoreOut
from api.schemas.common import EventOut, TextOut
from api.schemas.history import events_out
from api.schemas.organisations import DecisionReason
from domain.awards.application import MAX_EVIDENCE_BYTES, Application
from domain.awards.judging import Consensus, Scorecard
from domain.errors import NotFound
from domain.messages import N_
from domain.roles import OVERSIGHT, READERS, STAFF, Role
from registry.applications import ApplicationService
from registry.judging import JudgingService
from registry.results import ResultsService

JUDGING = {Role.JUDGE, Role.COMMITTEE_CHAIR, Role.ADMIN, Role.OFFICER, Role.AUDITOR}


@dataclass
class EvidenceUpload:
    """Multipart form: `criterion` (its number) and `file` (PDF, image, Word, Excel, PowerPoint)."""

    criterion: str
    file: UploadFile


def _out(application: Application, status: int = 200) -> Response[ApplicationOut]:
    return versioned(ApplicationOut.of(application), application.version, status)


def _scorecard(scorecard: Scorecard) -> Response[ScorecardOut]:
    return versioned(ScorecardOut.of(scorecard), scorecard.version)


class ApplicationController(Controller):
    path = "/api/v1/applications"
    tags = ["Applications"]

    @get(
        "/",
        operation_id="listApplications",
        summary="List award applications / قائمة طلبات الجوائز",
        **access(READERS),
        sync_to_thread=True,
    )
    def list_applications(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        edition_id: FromQuery[UUID | None] = None,
        status: FromQuery[str | None] = None,
        limit: Limit500 = 50,
        offset: Offset = 0,
    ) -> ApplicationPage:
        """Applications the caller may see: applicants their organisation's, judges those
        assigned to them, the office, committee and auditors all."""
        page = applications.list_applications(
            context_of(request), limit, offset, edition_id, status
        )
        return msgspec.convert(page, ApplicationPage, from_attributes=True)

    @post(
        "/",
        operation_id="draftApplication",
        summary="Draft an award application / إعداد مسودة طلب جائزة",
        status_code=HTTP_201_CREATED,
        **access(Role.APPLICANT),
        sync_to_thread=True,
    )
    def create(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        data: JSONBody[ApplicationCreate],
    ) -> Response[ApplicationOut]:
        """Drafts your organisation's application to a category of an edition (registration only)."""
        application = applications.draft(
            context_of(request),
            edition_id=data.edition_id,
            category=data.category,
            organisation_id=data.organisation_id,
            idempotency=idempotency_of(request, data),
        )
        response = _out(application, HTTP_201_CREATED)
        response.headers["Location"] = f"{self.path}/{application.id}"
        return response

    @get(
        "/{application_id:uuid}",
        operation_id="getApplication",
        summary="Read an award application / عرض طلب جائزة",
        **access(READERS),
        sync_to_thread=True,
    )
    def read(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        application_id: FromPath[UUID],
    ) -> Response[ApplicationOut]:
        """The application with its answers and evidence (judges: once assigned and declared)."""
        return _out(applications.read(context_of(request), application_id))

    @put(
        "/{application_id:uuid}/answers/{criterion:str}",
        operation_id="answerCriterion",
        summary="Answer a criterion / الإجابة عن معيار",
        **access(Role.APPLICANT),
        sync_to_thread=True,
    )
    def answer(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        application_id: FromPath[UUID],
        criterion: FromPath[str],
        data: JSONBody[AnswerDoc],
    ) -> Response[ApplicationOut]:
        """Answers one criterion: text, KPI numerator/denominator, a count or a certificate."""
        application = applications.answer(
            context_of(request),
            application_id,
            expected_version(request),
            criterion,
            data.to_domain(),
        )
        return _out(application)

    @post(
        "/{application_id:uuid}/evidence",
        operation_id="uploadEvidence",
        summary="Upload an evidence file / رفع ملف دليل",
        status_code=HTTP_201_CREATED,
        request_max_body_size=MAX_EVIDENCE_BYTES + 64 * 1024,
        **access(Role.APPLICANT),
        sync_to_thread=True,
    )
    def upload(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        application_id: FromPath[UUID],
        data: Annotated[EvidenceUpload, Body(media_type=RequestEncodingType.MULTI_PART)],
    ) -> Response[EvidenceCreated]:
        """Attaches an evidence file to a criterion (at most 10 MB; PDF, PNG, JPEG, Word, Excel,
        PowerPoint). Stored once under its SHA-256; the record keeps name, type, size, digest."""
        content = data.file.file.read(MAX_EVIDENCE_BYTES + 1)
        application, evidence_id = applications.attach_evidence(
            context_of(request),
            application_id,
            expected_version(request),
            criterion=data.criterion,
            name=data.file.filename,
            media_type=data.file.content_type,
            content=content,
        )
        body = EvidenceCreated(str(evidence_id), ApplicationOut.of(application))
        return versioned(body, application.version, HTTP_201_CREATED)

    @get(
        "/{application_id:uuid}/evidence/{evidence_id:uuid}",
        operation_id="downloadEvidence",
        summary="Download an evidence file / تنزيل ملف دليل",
        **access(READERS),
        sync_to_thread=True,
    )
    def download(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        application_id: FromPath[UUID],
        evidence_id: FromPath[UUID],
    ) -> Response[bytes]:
        """The evidence file, for those who may see the application."""
        evidence, content = applications.evidence_content(
            context_of(request), application_id, evidence_id
        )
        return Response(
            content=content,
            media_type=evidence.media_type,
            headers={
                "Content-Disposition": f'attachment; filename="evidence-{evidence.evidence_id}"',
                "X-Content-Type-Options": "nosniff",
                "Digest": f"sha-256={evidence.sha256}",
                "Cache-Control": "private, no-store",
            },
        )

    @post(
        "/{application_id:uuid}/evidence/{evidence_id:uuid}/remove",
        operation_id="removeEvidence",
        summary="Remove an evidence file / حذف ملف دليل",
        status_code=200,
        **access(Role.APPLICANT),
        sync_to_thread=True,
    )
    def remove_evidence(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        application_id: FromPath[UUID],
        evidence_id: FromPath[UUID],
    ) -> Response[ApplicationOut]:
        """Detaches an evidence file from a draft application."""
        application = applications.detach_evidence(
            context_of(request), application_id, expected_version(request), evidence_id
        )
        return _out(application)

    @get(
        "/{application_id:uuid}/checks",
        operation_id="checkApplication",
        summary="Check an application before submission / فحص طلب قبل تقديمه",
        **access(Role.APPLICANT, OVERSIGHT),
        sync_to_thread=True,
    )
    def checks(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        application_id: FromPath[UUID],
    ) -> ChecksOut:
        """What is still missing, which eligibility conditions are unmet, and which criteria
        will score zero for want of evidence — in English and Arabic, field by field."""
        checks = applications.check(context_of(request), application_id)
        return ChecksOut(
            ready=not checks.missing and not checks.ineligible,
            missing=[ProblemOut.of(p) for p in checks.missing],
            ineligible=[ProblemOut.of(p) for p in checks.ineligible],
            warnings=[ProblemOut.of(p) for p in checks.warnings],
        )

    @post(
        "/{application_id:uuid}/submit",
        operation_id="submitApplication",
        summary="Submit an application / تقديم طلب",
        status_code=200,
        **access(Role.APPLICANT),
        sync_to_thread=True,
    )
    def submit(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        application_id: FromPath[UUID],
    ) -> Response[ApplicationOut]:
        """Submits before the registration deadline; refused with every missing item listed."""
        application = applications.submit(
            context_of(request), application_id, expected_version(request)
        )
        return _out(application)

    @post(
        "/{application_id:uuid}/screening",
        operation_id="screenApplication",
        summary="Screen an application / فرز طلب",
        status_code=200,
        **access(STAFF),
        sync_to_thread=True,
    )
    def screen(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        application_id: FromPath[UUID],
        data: JSONBody[Screening],
    ) -> Response[ApplicationOut]:
        """Declares the application eligible or ineligible, with a `reason`, after the automatic
        checks (an application failing them cannot be declared eligible)."""
        application = applications.screen(
            context_of(request),
            application_id,
            expected_version(request),
            data.eligible,
            data.reason,
        )
        return _out(application)

    @get(
        "/{application_id:uuid}/history",
        operation_id="getApplicationHistory",
        summary="An application's history / سجل طلب",
        **access(STAFF, Role.COMMITTEE_CHAIR, Role.AUDITOR),
        sync_to_thread=True,
    )
    def history(
        self,
        request: AnyRequest,
        applications: NamedDependency[ApplicationService],
        application_id: FromPath[UUID],
    ) -> list[EventOut]:
        """Every change to the application: who, when, why."""
        return events_out(applications.history(application_id))

    @get(
        "/{application_id:uuid}/result",
        operation_id="getApplicationResult",
        summary="An application's own result / نتيجة الطلب",
        **access(Role.APPLICANT, OVERSIGHT),
        sync_to_thread=True,
    )
    def result(
        self,
        request: AnyRequest,
        results: NamedDependency[ResultsService],
        application_id: FromPath[UUID],
    ) -> ApplicantResultOut:
        """The application's published result: rank, total, domain breakdown and feedback."""
        _, standing, category, feedback = results.applicant_result(
            context_of(request), application_id
        )
        return ApplicantResultOut(
            str(standing.application_id),
            category.category,
            standing.rank,
            sum(1 for s in category.standings if not s.withdrawn),
            str(standing.total),
            standing.winner,
            standing.withdrawn,
            [DomainScoreOut.of(d) for d in standing.domains],
            TextOut.of(feedback) if feedback else None,
        )


class JudgingController(Controller):
    path = "/api/v1/applications/{application_id:uuid}"
    tags = ["Judging"]

    @post(
        "/judges",
        operation_id="assignJudge",
        summary="Assign a judge / إسناد محكّم",
        status_code=HTTP_201_CREATED,
        **access(Role.COMMITTEE_CHAIR),
        sync_to_thread=True,
    )
    def assign(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
        data: JSONBody[Assignment],
    ) -> Response[ScorecardOut]:
        """Assigns a judge (refused if the judge declared a conflict of interest)."""
        scorecard = judging.assign(context_of(request), application_id, data.judge_id, data.reason)
        response = _scorecard(scorecard)
        response.status_code = HTTP_201_CREATED
        return response

    @post(
        "/judges/{judge_id:uuid}/unassign",
        operation_id="unassignJudge",
        summary="Unassign a judge / إلغاء إسناد محكّم",
        status_code=200,
        **access(Role.COMMITTEE_CHAIR),
        sync_to_thread=True,
    )
    def unassign(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
        judge_id: FromPath[UUID],
        data: JSONBody[DecisionReason],
    ) -> Response[ScorecardOut]:
        """Takes a judge off the application (If-Match: the scorecard's version); `reason` required."""
        scorecard = judging.unassign(
            context_of(request), application_id, judge_id, expected_version(request), data.reason
        )
        return _scorecard(scorecard)

    @post(
        "/declaration",
        operation_id="declareInterests",
        summary="Declare interests in an application / الإفصاح عن المصالح تجاه طلب",
        status_code=200,
        **access(Role.JUDGE),
        sync_to_thread=True,
    )
    def declare(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
        data: JSONBody[DeclarationIn],
    ) -> Response[ScorecardOut]:
        """Declares your interests before seeing the application: a conflict (with its nature as
        `reason`) takes you off it for good; no conflict opens it to you once assigned."""
        scorecard = judging.declare(
            context_of(request), application_id, data.conflicted, data.reason
        )
        return _scorecard(scorecard)

    @get(
        "/my-scorecard",
        operation_id="getMyScorecard",
        summary="Read your scorecard / عرض بطاقة تقييمك",
        **access(Role.JUDGE),
        sync_to_thread=True,
    )
    def my_scorecard(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
    ) -> Response[ScorecardOut]:
        """Your scorecard for this application, with its version for `If-Match`."""
        ctx = context_of(request)
        return _scorecard(judging.scorecard(ctx, application_id, UUID(ctx.actor.id)))

    @put(
        "/my-scorecard/scores/{criterion:str}",
        operation_id="scoreCriterion",
        summary="Score a criterion / تقييم معيار",
        **access(Role.JUDGE),
        sync_to_thread=True,
    )
    def score(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
        criterion: FromPath[str],
        data: JSONBody[ScoreIn],
    ) -> Response[ScorecardOut]:
        """Scores one criterion with a justification (judging phase only). Scoring it again
        is a revision: `reason` required, the earlier score stays in the history."""
        scorecard = judging.score(
            context_of(request),
            application_id,
            expected_version(request),
            criterion=criterion,
            assessment=data.assessment(),
            justification=data.justification,
            reason=data.reason,
        )
        return _scorecard(scorecard)

    @post(
        "/my-scorecard/submit",
        operation_id="submitScorecard",
        summary="Submit your scorecard / تقديم بطاقة تقييمك",
        status_code=200,
        **access(Role.JUDGE),
        sync_to_thread=True,
    )
    def submit(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
    ) -> Response[ScorecardOut]:
        """Submits your scorecard once every criterion is scored; then others' scores are visible."""
        scorecard = judging.submit(context_of(request), application_id, expected_version(request))
        return _scorecard(scorecard)

    @get(
        "/scorecards",
        operation_id="listScorecards",
        summary="List an application's scorecards / قائمة بطاقات تقييم طلب",
        **access(JUDGING),
        sync_to_thread=True,
    )
    def scorecards(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
    ) -> list[ScorecardOut]:
        """The scorecards you may see: a judge sees others' only after submitting their own."""
        return [ScorecardOut.of(s) for s in judging.scorecards(context_of(request), application_id)]

    @get(
        "/scorecards/{judge_id:uuid}",
        operation_id="getScorecard",
        summary="Read a judge's scorecard / عرض بطاقة تقييم محكّم",
        **access(JUDGING),
        sync_to_thread=True,
    )
    def scorecard(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
        judge_id: FromPath[UUID],
    ) -> Response[ScorecardOut]:
        """One judge's scorecard (judges: another's only after submitting their own)."""
        return _scorecard(judging.scorecard(context_of(request), application_id, judge_id))

    @get(
        "/consensus",
        operation_id="getConsensus",
        summary="Read the consensus scores / عرض درجات الإجماع",
        **access(OVERSIGHT),
        sync_to_thread=True,
    )
    def consensus(
        self, request: AnyRequest, application_id: FromPath[UUID]
    ) -> Response[ConsensusOut]:
        """The consensus scores with the individual scores each came from, total and breakdown."""
        registry = registry_of(request)
        consensus = registry.judging.consensus(application_id)
        if consensus is None:
            raise NotFound(N_("No consensus recorded yet."))
        return self._consensus(request, consensus)

    @put(
        "/consensus/scores/{criterion:str}",
        operation_id="recordConsensus",
        summary="Record a consensus score / تسجيل درجة إجماع",
        **access(Role.COMMITTEE_CHAIR),
        sync_to_thread=True,
    )
    def record_consensus(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
        criterion: FromPath[str],
        data: JSONBody[ConsensusIn],
    ) -> Response[ConsensusOut]:
        """Records the consensus score of a criterion, linked to the submitted individual scores
        it came from (`sources`). If-Match: the consensus version, `"0"` before the first."""
        consensus = judging.record_consensus(
            context_of(request),
            application_id,
            expected_version(request),
            criterion=criterion,
            assessment=data.assessment(),
            justification=data.justification,
            sources=[(s.judge_id, s.revision) for s in data.sources],
            reason=data.reason,
        )
        return self._consensus(request, consensus)

    @post(
        "/consensus/feedback",
        operation_id="giveFeedback",
        summary="Give the committee's feedback / تقديم ملاحظات اللجنة",
        status_code=200,
        **access(Role.COMMITTEE_CHAIR),
        sync_to_thread=True,
    )
    def feedback(
        self,
        request: AnyRequest,
        judging: NamedDependency[JudgingService],
        application_id: FromPath[UUID],
        data: JSONBody[FeedbackIn],
    ) -> Response[ConsensusOut]:
        """The committee's feedback to the applicant, published with the results."""
        consensus = judging.give_feedback(
            context_of(request),
            application_id,
            expected_version(request),
            data.feedback.to_domain("feedback"),
        )
        return self._consensus(request, consensus)

    @staticmethod
    def _consensus(request: AnyRequest, consensus: Consensus) -> Response[ConsensusOut]:
        registry = registry_of(request)
        application = registry.applications.get(consensus.application_id)
        _, framework = registry.applications.context_of(application)
        return versioned(ConsensusOut.of(consensus, framework), consensus.version)
