"""The shape of a criteria framework: domains with weights, criteria with scoring rules.

This is the contract between the transcribed reference data
(``registry/catalogue/frameworks/``) and the award rules. Fields may be added
(with defaults); existing ones keep their meaning.

Weighted total = Σ over domains of weight × (domain points / domain maximum).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from domain.errors import NotFound
from domain.messages import N_
from domain.text import Text


class CriterionKind(StrEnum):
    """How a criterion is answered and scored."""

    # Points 0..max awarded by a judge; a non-zero score needs attached evidence.
    EVIDENCE = "evidence"
    # Numerator and denominator entered; the percentage is computed and mapped to points by bands.
    KPI = "kpi"
    # A count (e.g. violations, abuse reports); bands map it to points, usually lower is better.
    COUNT = "count"
    # A valid certificate with an expiry date (e.g. Mowaamah, accreditation).
    CERTIFICATE = "certificate"
    # Separate items with their own points, as the seed gives them ("proof = 2, example project = 2").
    ITEMISED = "itemised"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


@dataclass(frozen=True)
class ScoreItem:
    """One separately scored item of an itemised criterion."""

    key: str
    label: Text
    points: Decimal


@dataclass(frozen=True)
class Band:
    """Maps a measured value to points.

    For higher-is-better: the value must be >= ``threshold`` to earn ``points``.
    For lower-is-better: the value must be <= ``threshold`` to earn ``points``.
    The best band a value reaches applies; below every band scores zero.
    """

    threshold: Decimal
    points: Decimal


@dataclass(frozen=True)
class Criterion:
    number: str  # "1".."45" (Amyaz) or "1.2" (Nawah standard 1, sub-criterion 2)
    title: Text
    guidance: Text  # the seed's explanatory text, verbatim in its language
    kind: CriterionKind
    max_points: Decimal
    # The seed's rule "If there is no clear evidence of the criterion, the entire criterion = zero".
    zero_without_evidence: bool = True
    goal: Text | None = None  # Nawah: "الهدف: …"
    evidence_items: tuple[Text, ...] = ()  # Nawah: the checklist under each sub-criterion
    items: tuple[ScoreItem, ...] = ()  # ITEMISED only
    numerator: Text | None = None  # KPI only
    denominator: Text | None = None  # KPI only
    direction: Direction = Direction.HIGHER_IS_BETTER
    bands: tuple[Band, ...] = ()  # KPI and COUNT
    additional: bool = False  # Nawah marks one sub-criterion "(معيار إضافي)"
    # True where the seed gives no points and the registry's default applies (edition may override).
    default_points: bool = True
    # The registry's reading where the seed is silent or ambiguous (e.g. a KPI's numerator
    # inferred from its wording), so judges and auditors see what was assumed.
    notes: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Domain:
    key: str
    title: Text
    weight: Decimal  # percent of the total; a framework's domain weights sum to 100
    criteria: tuple[Criterion, ...]

    @property
    def max_points(self) -> Decimal:
        return sum((c.max_points for c in self.criteria if not c.additional), Decimal(0))


@dataclass(frozen=True)
class Framework:
    key: str  # e.g. "amyaz-polyclinics", "amyaz-hospitals", "nawah", "maan"
    version: int
    title: Text
    source: str  # where the text was transcribed from
    domains: tuple[Domain, ...]
    goals: tuple[Text, ...] = ()
    notes: tuple[Text, ...] = field(default=())
    # Short headings the seed gives its goals ("تحفيز التميز"), parallel to ``goals``.
    goal_titles: tuple[Text, ...] = ()
    # Eligible / target categories exactly as the seed lists them.
    categories: tuple[Text, ...] = ()

    def criteria(self) -> list[Criterion]:
        return [c for d in self.domains for c in d.criteria]

    def criterion(self, number: str) -> Criterion:
        """The criterion with this number; NotFound (naming it) when the framework has none."""
        for criterion in self.criteria():
            if criterion.number == number:
                return criterion
        raise NotFound(N_("The framework has no criterion {number}."), number=number)
