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
from domain.messages import N_, Joined, Message

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
    title = N_("The application cannot be submitted yet")


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
        problems.add("text", N_("At most {max_text} characters."), max_text=MAX_TEXT)
    if criterion.kind == CriterionKind.KPI:
        for name, value in (("numerator", answer.numerator), ("denominator", answer.denominator)):
            if value is not None and (not value.is_finite() or value < 0):
                problems.add(name, N_("Zero or more."))
        if answer.denominator is not None and answer.denominator == 0:
            problems.add("denominator", N_("Greater than zero."))
        if (
            not problems.items
            and answer.numerator is not None
            and answer.denominator is not None
            and answer.numerator > answer.denominator
        ):
            problems.add(
                "numerator",
                N_("The numerator cannot exceed the denominator: the KPI is a percentage."),
            )
    if criterion.kind == CriterionKind.COUNT and answer.count is not None and answer.count < 0:
        problems.add("count", N_("Zero or more."))
    if criterion.kind == CriterionKind.ITEMISED:
        known = {item.key for item in criterion.items}
        for key in answer.items:
            if key not in known:
                problems.add(
                    "items",
                    N_("'{key}' is not an item of this criterion."),
                    key=key,
                )
    problems.raise_if_any()


def missing_parts(criterion: Criterion, answer: Answer | None) -> list[FieldProblem]:
    """What an answer still lacks before the application can be submitted."""
    where = f"answers.{criterion.number}"
    number = criterion.number
    if answer is None:
        return [
            FieldProblem(where, Message(N_("Criterion {number}: not answered yet."), number=number))
        ]
    missing = []
    if (
        criterion.kind in (CriterionKind.EVIDENCE, CriterionKind.ITEMISED)
        and not (answer.text or "").strip()
    ):
        missing.append((f"{where}.text", N_("describe how the criterion is met")))
    if criterion.kind == CriterionKind.KPI:
        if answer.numerator is None:
            missing.append((f"{where}.numerator", N_("the numerator is missing")))
        if answer.denominator is None:
            missing.append((f"{where}.denominator", N_("the denominator is missing")))
    if criterion.kind == CriterionKind.COUNT and answer.count is None:
        missing.append((f"{where}.count", N_("the count is missing")))
    if criterion.kind == CriterionKind.CERTIFICATE:
        if not (answer.certificate_number or "").strip():
            missing.append((f"{where}.certificate_number", N_("the certificate number is missing")))
        if answer.expires_on is None:
            missing.append((f"{where}.expires_on", N_("the certificate's expiry date is missing")))
    return [
        FieldProblem(
            f, Message(N_("Criterion {number}: {part}."), number=number, part=Message(part))
        )
        for f, part in missing
    ]


def evidence_warnings(framework: Framework, evidence_criteria: set[str]) -> list[FieldProblem]:
    """Criteria that will score zero for want of evidence (a warning, not a refusal)."""
    return [
        FieldProblem(
            f"evidence.{c.number}",
            Message(
                N_(
                    "Criterion {number}: no evidence attached; without clear evidence it scores zero."
                ),
                number=c.number,
            ),
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
        raise InvalidInput(N_("The file is empty."), field="file")
    if size > MAX_EVIDENCE_BYTES:
        raise InvalidInput(
            N_("A file is at most {megabytes} MB."),
            field="file",
            megabytes=MAX_EVIDENCE_BYTES // (1024 * 1024),
        )
    allowed = EVIDENCE_TYPES.get(media_type)
    if allowed is None:
        raise InvalidInput(
            N_("Evidence is a PDF, PNG, JPEG, Word, Excel or PowerPoint file."),
            field="file",
        )
    extensions, signatures = allowed
    if not cleaned.lower().endswith(extensions) or not head.startswith(signatures):
        raise InvalidInput(
            N_("The file's name or content does not match its type ({media_type})."),
            field="file",
            media_type=media_type,
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
            raise InvalidInput(N_("Not a SHA-256 digest."), field="sha256")
        same_criterion = [e for e in self.evidence.values() if e.criterion == evidence.criterion]
        if any(e.sha256 == evidence.sha256 for e in same_criterion):
            raise InvalidInput(
                N_("This file is already attached to this criterion."),
                field="file",
            )
        if len(same_criterion) >= MAX_EVIDENCE_PER_CRITERION:
            raise InvalidInput(
                N_("At most {max_evidence_per_criterion} files per criterion."),
                field="file",
                max_evidence_per_criterion=MAX_EVIDENCE_PER_CRITERION,
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
            raise NotFound(N_("No such evidence file.")) from None

    def _check_draft(self) -> None:
        if self.status != ApplicationStatus.DRAFT:
            raise InvalidTransition(
                N_("The application has been submitted: its answers and evidence are frozen."),
                field="status",
            )

    def check_judgeable(self) -> None:
        """Judges are assigned only to applications screened as eligible."""
        if self.status != ApplicationStatus.ELIGIBLE:
            raise InvalidTransition(
                N_("Judges are assigned to applications screened as eligible."),
                field="application_id",
            )

    def check_open_to_declarations(self) -> None:
        """Judges declare their interests in submitted applications (screened or not yet)."""
        if self.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE):
            raise InvalidTransition(
                N_("Interests are declared for submitted applications."),
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
                N_("{count} thing(s) to complete before submitting: {things}"),
                problems=problems,
                count=len(problems),
                things=Joined.of((p.message for p in problems[:10]), N_("; ")),
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
                N_("Only a submitted application can be screened."),
                field="status",
            )
        if eligible and ineligible:
            raise Incomplete(
                N_(
                    "The automatic checks fail, so the application cannot be declared eligible: {checks}"
                ),
                problems=ineligible,
                checks=Joined.of((p.message for p in ineligible), N_("; ")),
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
