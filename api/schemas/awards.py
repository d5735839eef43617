"""Bodies of /api/v1/frameworks, /api/v1/awards and /api/v1/editions: criteria frameworks,
award programmes, editions and their results."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated
from uuid import UUID

import msgspec

from api.schemas.common import Input, LongStr, ProseIn, Reason, ShortStr, TextIn, TextOut
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
from domain.awards.organisation import OrganisationType
from domain.awards.ranking import CategoryResults, Standing
from domain.awards.scoring import DomainScore, round_score
from domain.errors import InvalidInput
from domain.messages import N_
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
                    N_("Give the time zone, e.g. 2025-08-01T00:00:00+03:00."),
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


def decimal_text(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def criterion_order(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))
