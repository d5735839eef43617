"""Bodies of the award area: frameworks, programmes, editions, organisations,
applications, judging, results and reports."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

import msgspec

from api.schemas.common import Input, LongStr, ProseIn, Reason, ShortStr, TextIn, TextOut
from domain.awards.application import Answer, Application, kpi_preview
from domain.awards.edition import Category, Edition, Phase, PhaseKind, Programme
from domain.awards.eligibility import EligibilityRules
from domain.awards.framework import (
    Band,
    Criterion,
    CriterionKind,
    Direction,
    Domain,
    Framework,
    ScoreItem,
)
from domain.awards.judging import Consensus, Score, Scorecard
from domain.awards.organisation import Organisation, OrganisationType
from domain.awards.ranking import CategoryResults, Standing
from domain.awards.scoring import Assessment, DomainScore, round_score
from domain.errors import FieldProblem, InvalidInput
from domain.regions import Region
from domain.text import Text
from registry.history import jsonable

Points = Annotated[Decimal, msgspec.Meta(description='A decimal number, e.g. "2.5"')]
FrameworkKey = Annotated[
    str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9-]{1,59}$", examples=["amyaz-hospitals"])
]
CategoryKey = Annotated[
    str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9-]{1,39}$", examples=["hospitals"])
]
Number = Annotated[str, msgspec.Meta(pattern=r"^[0-9A-Za-z][0-9A-Za-z.]{0,9}$", examples=["12"])]
Justification = Annotated[str, msgspec.Meta(max_length=4000)]


def text(value: TextIn | None, field: str) -> Text | None:
    return value.to_domain(field) if value is not None else None


# -- frameworks ------------------------------------------------------------------------


class BandDoc(Input):
    threshold: Points
    points: Points


class ItemDoc(Input):
    key: ShortStr
    label: TextIn
    points: Points


class CriterionDoc(Input):
    number: Number
    title: TextIn
    guidance: ProseIn
    kind: CriterionKind
    max_points: Points
    zero_without_evidence: bool = True
    goal: ProseIn | None = None
    evidence_items: list[ProseIn] = []
    items: list[ItemDoc] = []
    numerator: ProseIn | None = None
    denominator: ProseIn | None = None
    direction: Direction = Direction.HIGHER_IS_BETTER
    bands: list[BandDoc] = []
    additional: bool = False
    default_points: bool = True
    notes: list[ProseIn] = []


class DomainDoc(Input):
    key: ShortStr
    title: TextIn
    weight: Points
    criteria: list[CriterionDoc]


class FrameworkDoc(Input):
    """A criteria framework: domains with their weights (summing to 100), criteria with rules."""

    key: FrameworkKey
    version: Annotated[int, msgspec.Meta(ge=1)]
    title: TextIn
    source: LongStr
    domains: list[DomainDoc]
    goals: list[ProseIn] = []
    notes: list[ProseIn] = []
    goal_titles: list[TextIn] = []
    categories: list[TextIn] = []

    def to_domain(self) -> Framework:
        def crit(c: CriterionDoc, where: str) -> Criterion:
            return Criterion(
                number=c.number,
                title=c.title.to_domain(f"{where}.title"),
                guidance=c.guidance.to_domain(f"{where}.guidance"),
                kind=c.kind,
                max_points=c.max_points,
                zero_without_evidence=c.zero_without_evidence,
                goal=text(c.goal, f"{where}.goal"),
                evidence_items=tuple(
                    e.to_domain(f"{where}.evidence_items") for e in c.evidence_items
                ),
                items=tuple(
                    ScoreItem(i.key, i.label.to_domain(f"{where}.items"), i.points) for i in c.items
                ),
                numerator=text(c.numerator, f"{where}.numerator"),
                denominator=text(c.denominator, f"{where}.denominator"),
                direction=c.direction,
                bands=tuple(Band(b.threshold, b.points) for b in c.bands),
                additional=c.additional,
                default_points=c.default_points,
                notes=tuple(n.to_domain(f"{where}.notes") for n in c.notes),
            )

        return Framework(
            key=self.key,
            version=self.version,
            title=self.title.to_domain("title"),
            source=self.source,
            domains=tuple(
                Domain(
                    key=d.key,
                    title=d.title.to_domain(f"domains[{i}].title"),
                    weight=d.weight,
                    criteria=tuple(
                        crit(c, f"domains[{i}].criteria[{j}]") for j, c in enumerate(d.criteria)
                    ),
                )
                for i, d in enumerate(self.domains)
            ),
            goals=tuple(g.to_domain("goals") for g in self.goals),
            notes=tuple(n.to_domain("notes") for n in self.notes),
            goal_titles=tuple(g.to_domain("goal_titles") for g in self.goal_titles),
            categories=tuple(c.to_domain("categories") for c in self.categories),
        )

    @classmethod
    def of(cls, framework: Framework) -> FrameworkDoc:
        data = jsonable(framework)
        return msgspec.convert(data, cls, strict=False)


class FrameworkRevision(Input):
    framework: FrameworkDoc
    reason: Reason


class FrameworkOut(msgspec.Struct):
    id: str
    key: str
    version: int
    locked: bool
    framework: FrameworkDoc
    aggregate_version: int


class FrameworkSummaryOut(msgspec.Struct):
    id: str
    key: str
    version: int
    title: TextOut
    criteria: int
    locked: bool


# -- programmes and editions -------------------------------------------------------------


class ProgrammeCreate(Input):
    code: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z][A-Za-z0-9-]{1,29}$", examples=["AMYAZ"])]
    name: TextIn
    description: ProseIn
    organiser: TextIn
    goals: list[ProseIn] = []


class ProgrammeOut(msgspec.Struct):
    id: str
    code: str
    name: TextOut
    description: TextOut
    organiser: TextOut
    goals: list[TextOut]
    version: int

    @classmethod
    def of(cls, p: Programme) -> ProgrammeOut:
        return cls(
            str(p.id),
            p.code,
            TextOut.of(p.name),
            TextOut.of(p.description),
            TextOut.of(p.organiser),
            [TextOut.of(g) for g in p.goals],
            p.version,
        )


class EligibilityDoc(Input):
    regions: list[Region] = msgspec.field(default_factory=lambda: [Region.EASTERN_PROVINCE])
    min_years_of_operation: Annotated[int, msgspec.Meta(ge=0, le=100)] | None = 3
    requires_valid_licence: bool = True
    requires_current_accreditation: bool = True
    requires_activated_organisation: bool = False

    def to_domain(self) -> EligibilityRules:
        return EligibilityRules(
            regions=tuple(self.regions),
            min_years_of_operation=self.min_years_of_operation,
            requires_valid_licence=self.requires_valid_licence,
            requires_current_accreditation=self.requires_current_accreditation,
            requires_activated_organisation=self.requires_activated_organisation,
        )

    @classmethod
    def of(cls, rules: EligibilityRules) -> EligibilityDoc:
        return cls(
            list(rules.regions),
            rules.min_years_of_operation,
            rules.requires_valid_licence,
            rules.requires_current_accreditation,
            rules.requires_activated_organisation,
        )


MinimumScore = Annotated[
    Decimal, msgspec.Meta(description="The weighted total (0–100) a winner must reach")
]


class EditionCreate(Input):
    programme_code: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z][A-Za-z0-9-]{1,29}$")]
    year: Annotated[int, msgspec.Meta(ge=2000, le=2100)]
    title: TextIn
    minimum_score: MinimumScore = Decimal(60)
    eligibility: EligibilityDoc = msgspec.field(default_factory=EligibilityDoc)


class RulesChange(Input):
    minimum_score: MinimumScore
    eligibility: EligibilityDoc


class CategoryDoc(Input):
    title: TextIn
    organisation_types: list[OrganisationType]
    winners: Annotated[int, msgspec.Meta(ge=0, le=100)]
    framework_key: FrameworkKey
    framework_version: Annotated[int, msgspec.Meta(ge=1)]
    min_beds: Annotated[int, msgspec.Meta(ge=0)] | None = None

    def to_domain(self, key: str) -> Category:
        return Category(
            key,
            self.title.to_domain("title"),
            tuple(self.organisation_types),
            self.winners,
            self.framework_key,
            self.framework_version,
            self.min_beds,
        )


class CategoryOut(msgspec.Struct):
    key: str
    title: TextOut
    organisation_types: list[str]
    winners: int
    framework_key: str
    framework_version: int
    framework_id: str
    min_beds: int | None
    points: dict[str, str]  # criterion → maximum points set by this edition


class PointsChange(Input):
    """The maximum points of a criterion the source gives no points for."""

    max_points: Points


class PhaseChange(Input):
    opens_at: datetime
    closes_at: datetime
    reason: Reason | None = None

    def to_domain(self, kind: PhaseKind) -> Phase:
        for name, value in (("opens_at", self.opens_at), ("closes_at", self.closes_at)):
            if value.tzinfo is None:
                raise InvalidInput(
                    "Give the time zone, e.g. 2025-08-01T00:00:00+03:00.",
                    "حدد المنطقة الزمنية، مثل 2025-08-01T00:00:00+03:00.",
                    field=name,
                )
        return Phase(kind, self.opens_at, self.closes_at)


class PhaseOut(msgspec.Struct):
    kind: str
    opens_at: str
    closes_at: str
    current: bool


class DomainScoreOut(msgspec.Struct):
    key: str
    title: TextOut
    weight: str
    points: str
    max_points: str
    weighted: str

    @classmethod
    def of(cls, d: DomainScore) -> DomainScoreOut:
        return cls(
            d.key,
            TextOut.of(d.title),
            str(d.weight),
            str(d.points),
            str(d.max_points),
            str(round_score(d.weighted)),
        )


class StandingOut(msgspec.Struct):
    application_id: str
    organisation_id: str
    organisation: TextOut | None
    rank: int | None
    total: str
    complete: bool
    winner: bool
    withdrawn: bool
    domains: list[DomainScoreOut] | None = None

    @classmethod
    def of(cls, s: Standing, names: dict[str, Text], breakdown: bool = True) -> StandingOut:
        name = names.get(str(s.organisation_id))
        return cls(
            str(s.application_id),
            str(s.organisation_id),
            TextOut.of(name) if name else None,
            s.rank,
            str(s.total),
            s.complete,
            s.winner,
            s.withdrawn,
            [DomainScoreOut.of(d) for d in s.domains] if breakdown else None,
        )


class CategoryResultsOut(msgspec.Struct):
    category: str
    winners_allowed: int
    standings: list[StandingOut]

    @classmethod
    def of(
        cls, r: CategoryResults, names: dict[str, Text], breakdown: bool = True
    ) -> CategoryResultsOut:
        return cls(
            r.category,
            r.winners_allowed,
            [StandingOut.of(s, names, breakdown) for s in r.standings],
        )


class EditionOut(msgspec.Struct):
    id: str
    programme_id: str
    programme_code: str
    year: int
    title: TextOut
    status: str
    minimum_score: str
    eligibility: EligibilityDoc
    categories: list[CategoryOut]
    phases: list[PhaseOut]
    current_phase: str | None
    results_revision: int
    version: int

    @classmethod
    def of(cls, e: Edition, now: datetime) -> EditionOut:
        return cls(
            str(e.id),
            str(e.programme_id),
            e.programme_code,
            e.year,
            TextOut.of(e.title),
            str(e.status),
            str(e.minimum_score),
            EligibilityDoc.of(e.eligibility),
            [
                CategoryOut(
                    c.key,
                    TextOut.of(c.title),
                    [str(t) for t in c.organisation_types],
                    c.winners,
                    c.framework_key,
                    c.framework_version,
                    str(e.framework_ids[c.key]),
                    c.min_beds,
                    {n: str(p) for n, p in e.points.get(c.key, {}).items()},
                )
                for c in e.categories.values()
            ],
            [
                PhaseOut(
                    str(p.kind), p.opens_at.isoformat(), p.closes_at.isoformat(), p.is_open(now)
                )
                for p in sorted(e.phases.values(), key=lambda p: p.opens_at)
            ],
            str(ph) if (ph := e.phase_at(now)) else None,
            e.results_revision,
            e.version,
        )


class EditionSummaryOut(msgspec.Struct):
    id: str
    programme_code: str
    year: int
    title: TextOut
    status: str
    version: int


class PublishResults(Input):
    reason: Reason | None = None


class AwardWithdrawal(Input):
    application_id: UUID
    reason: Reason


class ResultsOut(msgspec.Struct):
    edition_id: str
    status: str
    revision: int
    categories: list[CategoryResultsOut]


# -- organisations -----------------------------------------------------------------------


class OrganisationProfileDoc(Input):
    name: TextIn
    type: OrganisationType
    region: Region
    licence_expires_on: date
    operating_since: date
    beds: Annotated[int, msgspec.Meta(ge=0, le=10000)] | None = None


class OrganisationCreate(OrganisationProfileDoc, forbid_unknown_fields=True):
    licence_number: Annotated[str, msgspec.Meta(min_length=3, max_length=40)] = ""


class AccreditationCreate(Input):
    name: ShortStr
    issuer: ShortStr
    expires_on: date


class AccreditationOut(msgspec.Struct):
    id: str
    name: str
    issuer: str
    expires_on: str
    current: bool


class DecisionReason(Input):
    reason: Reason


class MemberAssign(Input):
    user_id: UUID
    reason: Reason | None = None


class OrganisationOut(msgspec.Struct):
    id: str
    licence_number: str
    name: TextOut
    type: str
    region: str
    beds: int | None
    licence_expires_on: str
    operating_since: str
    years_of_operation: int
    status: str
    accreditations: list[AccreditationOut]
    version: int

    @classmethod
    def of(cls, o: Organisation, today: date) -> OrganisationOut:
        p = o.profile
        return cls(
            str(o.id),
            o.licence_number,
            TextOut.of(p.name),
            str(p.type),
            str(p.region),
            p.beds,
            p.licence_expires_on.isoformat(),
            p.operating_since.isoformat(),
            o.facts().years_of_operation(today),
            str(o.status),
            [
                AccreditationOut(
                    str(a.accreditation_id),
                    a.name,
                    a.issuer,
                    a.expires_on.isoformat(),
                    a.expires_on >= today,
                )
                for a in o.accreditations.values()
            ],
            o.version,
        )


class OrganisationSummaryOut(msgspec.Struct):
    id: str
    licence_number: str
    name: TextOut
    type: str
    region: str
    beds: int | None
    status: str
    version: int


class OrganisationPage(msgspec.Struct):
    items: list[OrganisationSummaryOut]
    total: int
    limit: int
    offset: int


class MemberOut(msgspec.Struct):
    user_id: str
    organisation_id: str | None
    user_version: int


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
                _s(x.numerator),
                _s(x.denominator),
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
            [answer(n, x) for n, x in sorted(a.answers.items(), key=lambda kv: _order(kv[0]))],
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
        return cls(p.field, p.message, p.message_ar)


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
        _s(s.value),
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
            [score_out(x) for x in sorted(s.scores.values(), key=lambda x: _order(x.criterion))],
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
                for n, s in sorted(c.scores.items(), key=lambda kv: _order(kv[0]))
            ],
            TextOut.of(c.feedback) if c.feedback else None,
            str(weighted_total(framework, points)),
            [DomainScoreOut.of(d) for d in breakdown(framework, points)],
            c.version,
        )


# -- reports -----------------------------------------------------------------------------


class WorkloadOut(msgspec.Struct):
    judge_id: str
    username: str | None
    assigned: int
    conflicts: int
    submitted: int
    criteria_scored: int


class SpreadOut(msgspec.Struct):
    criterion: str
    applications: int
    mean_spread: str
    max_spread: str


class EditionReportOut(msgspec.Struct):
    edition_id: str
    as_of: str
    funnel: dict[str, int]
    leaderboard: list[CategoryResultsOut]
    judge_workload: list[WorkloadOut]
    criterion_spread: list[SpreadOut]


def _s(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))
