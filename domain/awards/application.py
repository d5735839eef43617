"""An organisation's application to one category of one edition.

Drafted and answered criterion by criterion during registration, with evidence
files attached; submitted once complete and eligible (the applicant is told
exactly what is missing, field by field); screened by an officer. After
submission the answers and evidence are frozen: judges score what was submitted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.awards.framework import Criterion, CriterionKind, Framework
from domain.awards.scoring import Assessment, kpi_percent
from domain.envelope import Envelope
from domain.errors import (
    DomainError,
    FieldProblem,
    InvalidInput,
    InvalidTransition,
    NotFound,
    Problems,
)

MAX_TEXT = 8000
MAX_EVIDENCE_PER_CRITERION = 10
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# What evidence may be: documents, scans and spreadsheets. The first bytes must agree.
EVIDENCE_TYPES: dict[str, tuple[tuple[str, ...], tuple[bytes, ...]]] = {
    "application/pdf": ((".pdf",), (b"%PDF-",)),
    "image/png": ((".png",), (b"\x89PNG\r\n\x1a\n",)),
    "image/jpeg": ((".jpg", ".jpeg"), (b"\xff\xd8\xff",)),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        (".docx",),
        (b"PK\x03\x04",),
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (
        (".xlsx",),
        (b"PK\x03\x04",),
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        (".pptx",),
        (b"PK\x03\x04",),
    ),
}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def application_id(edition_id: UUID, category: str, organisation_id: UUID) -> UUID:
    """One application per organisation, edition and category."""
    return uuid5(edition_id, f"application:{category}:{organisation_id}")


class ApplicationStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"


class Incomplete(DomainError):
    """Submission refused: each missing answer or unmet condition is listed with its field."""

    code = "application-incomplete"
    title = "The application cannot be submitted yet"
    title_ar = "لا يمكن تقديم الطلب بعد"


@dataclass(frozen=True)
class Answer:
    """The applicant's answer to one criterion; the fields used depend on its kind."""

    text: str | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    count: int | None = None
    certificate_number: str | None = None
    issuer: str | None = None
    expires_on: date | None = None
    items: tuple[str, ...] = ()

    def assessment(self) -> Assessment:
        """The figures as the applicant gave them: a judge starts from these and may correct them."""
        return Assessment(
            numerator=self.numerator,
            denominator=self.denominator,
            count=self.count,
            expires_on=self.expires_on,
            items=self.items,
        )


@dataclass(frozen=True)
class Evidence:
    """A file attached to a criterion: its name, type, size and SHA-256 digest (never its bytes)."""

    evidence_id: UUID
    criterion: str
    name: str
    media_type: str
    size: int
    sha256: str


def check_answer(criterion: Criterion, answer: Answer) -> None:
    """Refuses values that are malformed for the criterion's kind, naming each field."""
    problems = Problems()
    if answer.text is not None and len(answer.text) > MAX_TEXT:
        problems.add("text", f"At most {MAX_TEXT} characters.", f"الحد الأقصى {MAX_TEXT} حرفاً.")
    if criterion.kind == CriterionKind.KPI:
        for name, value in (("numerator", answer.numerator), ("denominator", answer.denominator)):
            if value is not None and (not value.is_finite() or value < 0):
                problems.add(name, "Zero or more.", "صفر أو أكثر.")
        if answer.denominator is not None and answer.denominator == 0:
            problems.add("denominator", "Greater than zero.", "أكبر من صفر.")
        if (
            not problems.items
            and answer.numerator is not None
            and answer.denominator is not None
            and answer.numerator > answer.denominator
        ):
            problems.add(
                "numerator",
                "The numerator cannot exceed the denominator: the KPI is a percentage.",
                "لا يمكن أن يتجاوز البسط المقام: المؤشر نسبة مئوية.",
            )
    if criterion.kind == CriterionKind.COUNT and answer.count is not None and answer.count < 0:
        problems.add("count", "Zero or more.", "صفر أو أكثر.")
    if criterion.kind == CriterionKind.ITEMISED:
        known = {item.key for item in criterion.items}
        for key in answer.items:
            if key not in known:
                problems.add(
                    "items",
                    f"'{key}' is not an item of this criterion.",
                    f"'{key}' ليس من بنود هذا المعيار.",
                )
    problems.raise_if_any()


def missing_parts(criterion: Criterion, answer: Answer | None) -> list[FieldProblem]:
    """What an answer still lacks before the application can be submitted."""
    where = f"answers.{criterion.number}"
    label = f"Criterion {criterion.number}"
    label_ar = f"المعيار {criterion.number}"
    if answer is None:
        return [
            FieldProblem(where, f"{label}: not answered yet.", f"{label_ar}: لم تتم الإجابة بعد.")
        ]
    missing = []
    if (
        criterion.kind in (CriterionKind.EVIDENCE, CriterionKind.ITEMISED)
        and not (answer.text or "").strip()
    ):
        missing.append(
            (f"{where}.text", "describe how the criterion is met", "صف كيف يتحقق المعيار")
        )
    if criterion.kind == CriterionKind.KPI:
        if answer.numerator is None:
            missing.append((f"{where}.numerator", "the numerator is missing", "البسط غير مدخل"))
        if answer.denominator is None:
            missing.append(
                (f"{where}.denominator", "the denominator is missing", "المقام غير مدخل")
            )
    if criterion.kind == CriterionKind.COUNT and answer.count is None:
        missing.append((f"{where}.count", "the count is missing", "العدد غير مدخل"))
    if criterion.kind == CriterionKind.CERTIFICATE:
        if not (answer.certificate_number or "").strip():
            missing.append(
                (
                    f"{where}.certificate_number",
                    "the certificate number is missing",
                    "رقم الشهادة غير مدخل",
                )
            )
        if answer.expires_on is None:
            missing.append(
                (
                    f"{where}.expires_on",
                    "the certificate's expiry date is missing",
                    "تاريخ انتهاء الشهادة غير مدخل",
                )
            )
    return [FieldProblem(f, f"{label}: {en}.", f"{label_ar}: {ar}.") for f, en, ar in missing]


def evidence_warnings(framework: Framework, evidence_criteria: set[str]) -> list[FieldProblem]:
    """Criteria that will score zero for want of evidence (a warning, not a refusal)."""
    return [
        FieldProblem(
            f"evidence.{c.number}",
            f"Criterion {c.number}: no evidence attached; without clear evidence it scores zero.",
            f"المعيار {c.number}: لا توجد أدلة مرفقة؛ بدون دليل واضح تكون درجته صفراً.",
        )
        for c in framework.criteria()
        if c.zero_without_evidence and c.number not in evidence_criteria
    ]


def check_evidence_file(name: str, media_type: str, size: int, head: bytes) -> tuple[str, str]:
    """The cleaned file name and media type, or a refusal naming what is wrong."""
    cleaned = re.sub(r"[\x00-\x1f/\\]", "_", (name or "").strip()).strip(". ") or "evidence"
    cleaned = cleaned[-200:]
    media_type = (media_type or "").split(";")[0].strip().lower()
    if size <= 0:
        raise InvalidInput("The file is empty.", "الملف فارغ.", field="file")
    if size > MAX_EVIDENCE_BYTES:
        raise InvalidInput(
            f"A file is at most {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB.",
            f"الحد الأقصى لحجم الملف {MAX_EVIDENCE_BYTES // (1024 * 1024)} ميجابايت.",
            field="file",
        )
    allowed = EVIDENCE_TYPES.get(media_type)
    if allowed is None:
        raise InvalidInput(
            "Evidence is a PDF, PNG, JPEG, Word, Excel or PowerPoint file.",
            "الأدلة ملفات PDF أو PNG أو JPEG أو Word أو Excel أو PowerPoint.",
            field="file",
        )
    extensions, signatures = allowed
    if not cleaned.lower().endswith(extensions) or not head.startswith(signatures):
        raise InvalidInput(
            f"The file's name or content does not match its type ({media_type}).",
            f"اسم الملف أو محتواه لا يطابق نوعه ({media_type}).",
            field="file",
        )
    return cleaned, media_type


class Application(RegistryAggregate):
    @staticmethod
    def create_id(edition_id: UUID, category: str, organisation_id: UUID) -> UUID:
        return application_id(edition_id, category, organisation_id)

    @classmethod
    def draft(
        cls,
        envelope: Envelope,
        edition_id: UUID,
        category: str,
        organisation_id: UUID,
        framework_id: UUID,
    ) -> Application:
        return cls(
            envelope=envelope,
            edition_id=edition_id,
            category=category,
            organisation_id=organisation_id,
            framework_id=framework_id,
        )

    @event("Drafted")
    def __init__(
        self,
        envelope: Envelope,
        edition_id: UUID,
        category: str,
        organisation_id: UUID,
        framework_id: UUID,
    ) -> None:
        self.edition_id = edition_id
        self.category = category
        self.organisation_id = organisation_id
        self.framework_id = framework_id
        self.status = ApplicationStatus.DRAFT
        self.answers: dict[str, Answer] = {}
        self.evidence: dict[UUID, Evidence] = {}
        self.submitted_at: datetime | None = None
        self.screening_reason: str | None = None

    def evidence_criteria(self) -> set[str]:
        return {e.criterion for e in self.evidence.values()}

    def has_evidence(self, criterion: str) -> bool:
        return any(e.criterion == criterion for e in self.evidence.values())

    # -- drafting ------------------------------------------------------------------------

    def answer(self, envelope: Envelope, criterion: Criterion, answer: Answer) -> None:
        self._check_draft()
        check_answer(criterion, answer)
        if self.answers.get(criterion.number) == answer:
            return
        self._answered(envelope=envelope, criterion=criterion.number, answer=answer)

    @event("Answered")
    def _answered(self, envelope: Envelope, criterion: str, answer: Answer) -> None:
        self.answers[criterion] = answer

    def attach_evidence(self, envelope: Envelope, evidence: Evidence) -> None:
        self._check_draft()
        if not _SHA256.match(evidence.sha256):
            raise InvalidInput("Not a SHA-256 digest.", "ليست بصمة SHA-256.", field="sha256")
        same_criterion = [e for e in self.evidence.values() if e.criterion == evidence.criterion]
        if any(e.sha256 == evidence.sha256 for e in same_criterion):
            raise InvalidInput(
                "This file is already attached to this criterion.",
                "هذا الملف مرفق بهذا المعيار مسبقاً.",
                field="file",
            )
        if len(same_criterion) >= MAX_EVIDENCE_PER_CRITERION:
            raise InvalidInput(
                f"At most {MAX_EVIDENCE_PER_CRITERION} files per criterion.",
                f"الحد الأقصى {MAX_EVIDENCE_PER_CRITERION} ملفات لكل معيار.",
                field="file",
            )
        self._evidence_attached(envelope=envelope, evidence=evidence)

    @event("EvidenceAttached")
    def _evidence_attached(self, envelope: Envelope, evidence: Evidence) -> None:
        self.evidence[evidence.evidence_id] = evidence

    def detach_evidence(self, envelope: Envelope, evidence_id: UUID) -> None:
        self._check_draft()
        self.evidence_file(evidence_id)
        self._evidence_detached(envelope=envelope, evidence_id=evidence_id)

    @event("EvidenceDetached")
    def _evidence_detached(self, envelope: Envelope, evidence_id: UUID) -> None:
        del self.evidence[evidence_id]

    def evidence_file(self, evidence_id: UUID) -> Evidence:
        try:
            return self.evidence[evidence_id]
        except KeyError:
            raise NotFound("No such evidence file.", "لا يوجد ملف دليل بهذا المعرّف.") from None

    def _check_draft(self) -> None:
        if self.status != ApplicationStatus.DRAFT:
            raise InvalidTransition(
                "The application has been submitted: its answers and evidence are frozen.",
                "تم تقديم الطلب: إجاباته وأدلته مجمّدة.",
                field="status",
            )

    def check_judgeable(self) -> None:
        """Judges are assigned only to applications screened as eligible."""
        if self.status != ApplicationStatus.ELIGIBLE:
            raise InvalidTransition(
                "Judges are assigned to applications screened as eligible.",
                "يُسند المحكّمون إلى الطلبات المستوفية للشروط بعد الفرز.",
                field="application_id",
            )

    def check_open_to_declarations(self) -> None:
        """Judges declare their interests in submitted applications (screened or not yet)."""
        if self.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE):
            raise InvalidTransition(
                "Interests are declared for submitted applications.",
                "يتم الإفصاح عن المصالح للطلبات المقدمة.",
            )

    # -- submission and screening ------------------------------------------------------

    def submission_problems(self, framework: Framework) -> list[FieldProblem]:
        problems: list[FieldProblem] = []
        for criterion in framework.criteria():
            if criterion.additional and criterion.number not in self.answers:
                continue
            problems.extend(missing_parts(criterion, self.answers.get(criterion.number)))
        return problems

    def submit(
        self, envelope: Envelope, framework: Framework, ineligible: list[FieldProblem]
    ) -> None:
        """Submits when nothing is missing and the organisation is eligible; else lists it all."""
        self._check_draft()
        problems = self.submission_problems(framework) + list(ineligible)
        if problems:
            raise Incomplete(
                f"{len(problems)} thing(s) to complete before submitting: "
                + "; ".join(p.message for p in problems[:10]),
                f"{len(problems)} أمر/أمور يجب استكمالها قبل التقديم: "
                + "؛ ".join(p.message_ar for p in problems[:10]),
                problems=problems,
            )
        self._submitted(envelope=envelope)

    @event("Submitted")
    def _submitted(self, envelope: Envelope) -> None:
        self.status = ApplicationStatus.SUBMITTED
        self.submitted_at = envelope.at

    def screen(self, envelope: Envelope, eligible: bool, ineligible: list[FieldProblem]) -> None:
        """An officer's decision after the automatic checks; it needs a reason.

        An application that fails the automatic checks cannot be declared eligible.
        """
        envelope.require_reason()
        if self.status == ApplicationStatus.DRAFT:
            raise InvalidTransition(
                "Only a submitted application can be screened.",
                "لا يمكن فرز إلا الطلبات المقدمة.",
                field="status",
            )
        if eligible and ineligible:
            raise Incomplete(
                "The automatic checks fail, so the application cannot be declared eligible: "
                + "; ".join(p.message for p in ineligible),
                "لا يمكن اعتبار الطلب مستوفياً لأن الفحوص الآلية لم تتحقق: "
                + "؛ ".join(p.message_ar for p in ineligible),
                problems=ineligible,
            )
        self._screened(
            envelope=envelope, eligible=eligible, failed_checks=tuple(p.field for p in ineligible)
        )

    @event("Screened")
    def _screened(self, envelope: Envelope, eligible: bool, failed_checks: tuple[str, ...]) -> None:
        self.status = ApplicationStatus.ELIGIBLE if eligible else ApplicationStatus.INELIGIBLE
        self.screening_reason = envelope.reason


def kpi_preview(answer: Answer) -> Decimal | None:
    """The percentage an answer's numerator and denominator give, when both are there."""
    if answer.numerator is None or answer.denominator is None or answer.denominator <= 0:
        return None
    return kpi_percent(answer.numerator, answer.denominator)
