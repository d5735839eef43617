"""Bodies of /api/v1/applications: applications, evidence, screening and judging."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

import msgspec

from api.schemas.awards import (
    CategoryKey,
    DomainScoreOut,
    Justification,
    Points,
    criterion_order,
    decimal_text,
)
from api.schemas.common import Input, ProseIn, Reason, ShortStr, TextOut
from domain.awards.application import Answer, Application, kpi_preview
from domain.awards.framework import (
    Framework,
)
from domain.awards.judging import Consensus, Score, Scorecard
from domain.awards.scoring import Assessment, round_score
from domain.errors import FieldProblem
from registry.i18n import say

# -- applications ------------------------------------------------------------------------


class ApplicationCreate(Input):
    edition_id: UUID
    category: CategoryKey
    organisation_id: UUID | None = None


NonNegative = Annotated[Decimal, msgspec.Meta(description='Zero or more, e.g. "45"')]


class AnswerDoc(Input):
    """An answer: `text` for every kind; figures by kind (KPI, count, certificate, items)."""

    text: Annotated[str, msgspec.Meta(max_length=8000)] | None = None
    numerator: NonNegative | None = None
    denominator: NonNegative | None = None
    count: Annotated[int, msgspec.Meta(ge=0)] | None = None
    certificate_number: ShortStr | None = None
    issuer: ShortStr | None = None
    expires_on: date | None = None
    items: list[ShortStr] = []

    def to_domain(self) -> Answer:
        return Answer(
            text=self.text.strip() if self.text else None,
            numerator=self.numerator,
            denominator=self.denominator,
            count=self.count,
            certificate_number=self.certificate_number,
            issuer=self.issuer,
            expires_on=self.expires_on,
            items=tuple(self.items),
        )


class AnswerOut(msgspec.Struct):
    criterion: str
    text: str | None
    numerator: str | None
    denominator: str | None
    percent: str | None
    count: int | None
    certificate_number: str | None
    issuer: str | None
    expires_on: str | None
    items: list[str]


class EvidenceOut(msgspec.Struct):
    id: str
    criterion: str
    name: str
    media_type: str
    size: int
    sha256: str


class ApplicationOut(msgspec.Struct):
    id: str
    edition_id: str
    category: str
    organisation_id: str
    framework_id: str
    status: str
    submitted_at: str | None
    screening_reason: str | None
    answers: list[AnswerOut]
    evidence: list[EvidenceOut]
    version: int

    @classmethod
    def of(cls, a: Application) -> ApplicationOut:
        def answer(number: str, x: Answer) -> AnswerOut:
            percent = kpi_preview(x)
            return AnswerOut(
                number,
                x.text,
                decimal_text(x.numerator),
                decimal_text(x.denominator),
                str(round_score(percent)) if percent is not None else None,
                x.count,
                x.certificate_number,
                x.issuer,
                x.expires_on.isoformat() if x.expires_on else None,
                list(x.items),
            )

        return cls(
            str(a.id),
            str(a.edition_id),
            a.category,
            str(a.organisation_id),
            str(a.framework_id),
            str(a.status),
            a.submitted_at.isoformat() if a.submitted_at else None,
            a.screening_reason,
            [
                answer(n, x)
                for n, x in sorted(a.answers.items(), key=lambda kv: criterion_order(kv[0]))
            ],
            [
                EvidenceOut(str(e.evidence_id), e.criterion, e.name, e.media_type, e.size, e.sha256)
                for e in a.evidence.values()
            ],
            a.version,
        )


class ApplicationSummaryOut(msgspec.Struct):
    id: str
    edition_id: str
    category: str
    organisation_id: str
    organisation: TextOut | None
    status: str
    submitted_at: str | None
    answers: int
    evidence: int
    version: int


class ApplicationPage(msgspec.Struct):
    items: list[ApplicationSummaryOut]
    total: int
    limit: int
    offset: int


class ProblemOut(msgspec.Struct):
    field: str
    message: str
    message_ar: str

    @classmethod
    def of(cls, p: FieldProblem) -> ProblemOut:
        return cls(p.field, say(p.message, "en"), say(p.message, "ar"))


class ChecksOut(msgspec.Struct):
    """What still stands between the application and submission (`ready` when nothing does)."""

    ready: bool
    missing: list[ProblemOut]
    ineligible: list[ProblemOut]
    warnings: list[ProblemOut]


class Screening(Input):
    eligible: bool
    reason: Reason


class EvidenceCreated(msgspec.Struct):
    id: str
    application: ApplicationOut


class ApplicantResultOut(msgspec.Struct):
    application_id: str
    category: str
    rank: int | None
    of: int
    total: str
    winner: bool
    withdrawn: bool
    domains: list[DomainScoreOut]
    feedback: TextOut | None


# -- judging -----------------------------------------------------------------------------


class Assignment(Input):
    judge_id: UUID
    reason: Reason | None = None


class DeclarationIn(Input):
    """`conflicted: true` with the nature of the conflict as `reason`; false to declare none."""

    conflicted: bool
    reason: Reason | None = None


class ScoreIn(Input):
    """The field of the criterion's kind: `points` (evidence), `numerator`/`denominator` (KPI),
    `count`, `expires_on` (certificate) or `items` (itemised). KPI, count and certificate
    figures left out are taken from the applicant's answer. A revision needs `reason`."""

    justification: Justification
    points: Points | None = None
    numerator: NonNegative | None = None
    denominator: NonNegative | None = None
    count: Annotated[int, msgspec.Meta(ge=0)] | None = None
    expires_on: date | None = None
    items: list[ShortStr] = []
    reason: Reason | None = None

    def assessment(self) -> Assessment:
        return Assessment(
            self.points,
            self.numerator,
            self.denominator,
            self.count,
            self.expires_on,
            tuple(self.items),
        )


class SourceIn(Input):
    judge_id: UUID
    revision: Annotated[int, msgspec.Meta(ge=1)] | None = None


class ConsensusIn(ScoreIn, forbid_unknown_fields=True):
    sources: list[SourceIn] = []


class FeedbackIn(Input):
    feedback: ProseIn


class ScoreOut(msgspec.Struct):
    criterion: str
    points: str
    value: str | None
    justification: str
    revision: int
    at: str
    assessment: dict[str, Any]


def assessment_out(a: Assessment) -> dict[str, Any]:
    """The assessment's recorded fields as JSON values (unset ones left out).

    Written out field by field: every scoring response renders the judge's whole
    scorecard (45 of these), and the generic ``jsonable`` walk was a tenth of the
    request's CPU (docs/benchmarks.md, issue 14's profile)."""
    out: dict[str, Any] = {}
    if a.points is not None:
        out["points"] = str(a.points)
    if a.numerator is not None:
        out["numerator"] = str(a.numerator)
    if a.denominator is not None:
        out["denominator"] = str(a.denominator)
    if a.count is not None:
        out["count"] = a.count
    if a.expires_on is not None:
        out["expires_on"] = a.expires_on.isoformat()
    if a.items:
        out["items"] = list(a.items)
    return out


def score_out(s: Score) -> ScoreOut:
    assessment = assessment_out(s.assessment)
    return ScoreOut(
        s.criterion,
        str(s.points),
        decimal_text(s.value),
        s.justification,
        s.revision,
        s.at.isoformat(),
        assessment,
    )


class ScorecardOut(msgspec.Struct):
    id: str
    application_id: str
    judge_id: str
    assigned: bool
    declaration: str
    submitted: bool
    scores: list[ScoreOut]
    version: int

    @classmethod
    def of(cls, s: Scorecard) -> ScorecardOut:
        return cls(
            str(s.id),
            str(s.application_id),
            str(s.judge_id),
            s.assigned,
            str(s.declaration),
            s.submitted,
            [
                score_out(x)
                for x in sorted(s.scores.values(), key=lambda x: criterion_order(x.criterion))
            ],
            s.version,
        )


class SourceOut(msgspec.Struct):
    judge_id: str
    revision: int
    points: str


class ConsensusScoreOut(msgspec.Struct):
    score: ScoreOut
    sources: list[SourceOut]


class ConsensusOut(msgspec.Struct):
    application_id: str
    scores: list[ConsensusScoreOut]
    feedback: TextOut | None
    total: str
    domains: list[DomainScoreOut]
    version: int

    @classmethod
    def of(cls, c: Consensus, framework: Framework) -> ConsensusOut:
        from domain.awards.scoring import breakdown, weighted_total

        points = c.points()
        return cls(
            str(c.application_id),
            [
                ConsensusScoreOut(
                    score_out(s),
                    [
                        SourceOut(str(r.judge_id), r.revision, str(r.points))
                        for r in c.sources.get(n, ())
                    ],
                )
                for n, s in sorted(c.scores.items(), key=lambda kv: criterion_order(kv[0]))
            ],
            TextOut.of(c.feedback) if c.feedback else None,
            str(weighted_total(framework, points)),
            [DomainScoreOut.of(d) for d in breakdown(framework, points)],
            c.version,
        )
