"""A criteria framework as the registry keeps it: versioned, frozen once used.

Each (key, version) is one aggregate. It may be revised while no edition that
uses it has opened; opening such an edition locks it, and from then on a
correction is a new version (the edition keeps judging against the one it
opened with, so every published score can be recomputed exactly).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.awards.framework import Criterion, CriterionKind, Framework
from domain.envelope import Envelope
from domain.errors import InvalidInput, InvalidTransition, Problems

NAMESPACE_FRAMEWORKS = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/award-frameworks")
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,59}$")
HUNDRED = 100


def framework_id(key: str, version: int) -> UUID:
    return uuid5(NAMESPACE_FRAMEWORKS, f"{normalise_key(key)}:{version}")


def normalise_key(key: str) -> str:
    key = (key or "").strip().lower()
    if not KEY_PATTERN.match(key):
        raise InvalidInput(
            "A framework key is 2 to 60 lowercase letters, digits or hyphens, e.g. amyaz-hospitals.",
            "مفتاح الإطار من 2 إلى 60 حرفاً لاتينياً صغيراً أو رقماً أو شرطة، مثل amyaz-hospitals.",
            field="key",
        )
    return key


def framework_problems(framework: Framework) -> Problems:
    """Everything wrong with a framework's shape, each problem naming where it is."""
    problems = Problems()
    if framework.version < 1:
        problems.add("version", "Versions start at 1.", "تبدأ الإصدارات من 1.")
    if not framework.domains:
        if not framework.goals:
            problems.add("domains", "A framework needs domains.", "يحتاج الإطار إلى مجالات.")
        return problems
    weights = sum(d.weight for d in framework.domains)
    if weights != HUNDRED:
        problems.add(
            "domains",
            f"Domain weights add up to {weights}, not 100.",
            f"مجموع أوزان المجالات {weights} وليس 100.",
        )
    keys = Counter(d.key for d in framework.domains)
    numbers = Counter(c.number for c in framework.criteria())
    for key, count in keys.items():
        if count > 1:
            problems.add("domains", f"Domain '{key}' appears twice.", f"المجال '{key}' مكرر.")
    for number, count in numbers.items():
        if count > 1:
            problems.add(
                "criteria", f"Criterion {number} appears twice.", f"المعيار {number} مكرر."
            )
    for i, domain in enumerate(framework.domains):
        where = f"domains[{i}]"
        if domain.weight <= 0:
            problems.add(f"{where}.weight", "A weight is above zero.", "الوزن أكبر من صفر.")
        if not domain.criteria:
            problems.add(
                f"{where}.criteria", "A domain needs criteria.", "يحتاج المجال إلى معايير."
            )
        elif domain.max_points <= 0:
            problems.add(
                f"{where}.criteria",
                "A domain needs points to earn outside its additional criteria.",
                "يحتاج المجال إلى درجات خارج معاييره الإضافية.",
            )
        for j, criterion in enumerate(domain.criteria):
            _criterion_problems(problems, f"{where}.criteria[{j}]", criterion)
    return problems


def _criterion_problems(problems: Problems, where: str, criterion: Criterion) -> None:
    if criterion.max_points <= 0:
        problems.add(
            f"{where}.max_points", "Maximum points are above zero.", "الدرجة القصوى أكبر من صفر."
        )
    kind = criterion.kind
    if kind in (CriterionKind.KPI, CriterionKind.COUNT):
        if not criterion.bands:
            problems.add(
                f"{where}.bands",
                "A KPI or count criterion needs bands that map values to points.",
                "يحتاج معيار المؤشر أو العدد إلى شرائح تحوّل القيم إلى درجات.",
            )
        for band in criterion.bands:
            if band.points < 0 or band.points > criterion.max_points:
                problems.add(
                    f"{where}.bands",
                    "A band's points are between 0 and the criterion's maximum.",
                    "درجة الشريحة بين 0 والدرجة القصوى للمعيار.",
                )
    elif criterion.bands:
        problems.add(
            f"{where}.bands",
            "Only KPI and count criteria have bands.",
            "الشرائح لمعايير المؤشرات والأعداد فقط.",
        )
    if kind == CriterionKind.ITEMISED:
        total = sum(item.points for item in criterion.items)
        if not criterion.items:
            problems.add(
                f"{where}.items",
                "An itemised criterion needs items.",
                "يحتاج المعيار المفصّل إلى بنود.",
            )
        elif total != criterion.max_points:
            problems.add(
                f"{where}.items",
                f"The items add up to {total}, not the maximum {criterion.max_points}.",
                f"مجموع البنود {total} وليس الدرجة القصوى {criterion.max_points}.",
            )
        if len({item.key for item in criterion.items}) != len(criterion.items):
            problems.add(f"{where}.items", "Item keys are unique.", "مفاتيح البنود فريدة.")
    elif criterion.items:
        problems.add(
            f"{where}.items", "Only itemised criteria have items.", "البنود للمعايير المفصّلة فقط."
        )


def check_points_override(criterion: Criterion, max_points: Decimal) -> None:
    """An edition may set the points only where the seed gives none (and no items fix them)."""
    if not criterion.default_points or criterion.kind == CriterionKind.ITEMISED:
        raise InvalidInput(
            f"The source gives criterion {criterion.number}'s points; they cannot be changed.",
            f"يحدد المصدر درجات المعيار {criterion.number}؛ ولا يمكن تغييرها.",
            field="criterion",
        )
    if not Decimal(0) < max_points <= Decimal(100) or max_points != max_points.quantize(
        Decimal("0.01")
    ):
        raise InvalidInput(
            "Maximum points are above 0 and at most 100, with at most two decimals.",
            "الدرجة القصوى أكبر من 0 ولا تتجاوز 100، بحد أقصى منزلتين عشريتين.",
            field="max_points",
        )


def with_points(framework: Framework, points: Mapping[str, Decimal]) -> Framework:
    """The framework with an edition's maximum points for the criteria the seed left open.

    Bands scale with the maximum, so a KPI that earned the full points still does.
    """
    if not points:
        return framework

    def adjusted(criterion: Criterion) -> Criterion:
        new = points.get(criterion.number)
        if new is None or new == criterion.max_points:
            return criterion
        scale = new / criterion.max_points
        bands = tuple(replace(b, points=b.points * scale) for b in criterion.bands)
        return replace(criterion, max_points=new, bands=bands)

    domains = tuple(
        replace(d, criteria=tuple(adjusted(c) for c in d.criteria)) for d in framework.domains
    )
    return replace(framework, domains=domains)


class FrameworkVersion(RegistryAggregate):
    """One version of one criteria framework."""

    @staticmethod
    def create_id(key: str, number: int) -> UUID:
        return framework_id(key, number)

    @classmethod
    def publish(cls, envelope: Envelope, framework: Framework) -> FrameworkVersion:
        key = normalise_key(framework.key)
        framework_problems(framework).raise_if_any()
        return cls(envelope=envelope, key=key, number=framework.version, framework=framework)

    @event("Published")
    def __init__(self, envelope: Envelope, key: str, number: int, framework: Framework) -> None:
        self.key = key
        self.number = number
        self.framework = framework
        self.locked_by: list[UUID] = []

    @property
    def locked(self) -> bool:
        return bool(self.locked_by)

    def revise(self, envelope: Envelope, framework: Framework) -> None:
        """Corrects a version no open edition uses yet; afterwards a correction is a new version."""
        envelope.require_reason()
        if self.locked:
            raise InvalidTransition(
                f"Version {self.number} of '{self.key}' is in use by an open edition and can no "
                "longer change: publish the correction as a new version.",
                f"الإصدار {self.number} من '{self.key}' مستخدم في دورة مفتوحة ولا يمكن تعديله: "
                "انشر التصحيح كإصدار جديد.",
                field="version",
            )
        if normalise_key(framework.key) != self.key or framework.version != self.number:
            raise InvalidInput(
                "The key and version cannot change; publish a new version instead.",
                "لا يمكن تغيير المفتاح أو الإصدار؛ انشر إصداراً جديداً.",
                field="version",
            )
        framework_problems(framework).raise_if_any()
        if framework == self.framework:
            return
        self._revised(envelope=envelope, framework=framework)

    @event("Revised")
    def _revised(self, envelope: Envelope, framework: Framework) -> None:
        self.framework = framework

    def lock(self, envelope: Envelope, edition_id: UUID) -> None:
        """Freezes the version: an edition judging against it has opened."""
        if edition_id in self.locked_by:
            return
        self._locked(envelope=envelope, edition_id=edition_id)

    @event("Locked")
    def _locked(self, envelope: Envelope, edition_id: UUID) -> None:
        self.locked_by.append(edition_id)
