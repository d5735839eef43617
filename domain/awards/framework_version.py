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
from domain.messages import N_

NAMESPACE_FRAMEWORKS = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/award-frameworks")
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,59}$")
HUNDRED = 100


def framework_id(key: str, version: int) -> UUID:
    return uuid5(NAMESPACE_FRAMEWORKS, f"{normalise_key(key)}:{version}")


def normalise_key(key: str) -> str:
    key = (key or "").strip().lower()
    if not KEY_PATTERN.match(key):
        raise InvalidInput(
            N_(
                "A framework key is 2 to 60 lowercase letters, digits or hyphens, e.g. "
                "amyaz-hospitals."
            ),
            field="key",
        )
    return key


def framework_problems(framework: Framework) -> Problems:
    """Everything wrong with a framework's shape, each problem naming where it is."""
    problems = Problems()
    if framework.version < 1:
        problems.add("version", N_("Versions start at 1."))
    if not framework.domains:
        if not framework.goals:
            problems.add("domains", N_("A framework needs domains."))
        return problems
    weights = sum(d.weight for d in framework.domains)
    if weights != HUNDRED:
        problems.add(
            "domains",
            N_("Domain weights add up to {weights}, not 100."),
            weights=weights,
        )
    keys = Counter(d.key for d in framework.domains)
    numbers = Counter(c.number for c in framework.criteria())
    for key, count in keys.items():
        if count > 1:
            problems.add("domains", N_("Domain '{key}' appears twice."), key=key)
    for number, count in numbers.items():
        if count > 1:
            problems.add("criteria", N_("Criterion {number} appears twice."), number=number)
    for i, domain in enumerate(framework.domains):
        where = f"domains[{i}]"
        if domain.weight <= 0:
            problems.add(f"{where}.weight", N_("A weight is above zero."))
        if not domain.criteria:
            problems.add(f"{where}.criteria", N_("A domain needs criteria."))
        elif domain.max_points <= 0:
            problems.add(
                f"{where}.criteria",
                N_("A domain needs points to earn outside its additional criteria."),
            )
        for j, criterion in enumerate(domain.criteria):
            _criterion_problems(problems, f"{where}.criteria[{j}]", criterion)
    return problems


def _criterion_problems(problems: Problems, where: str, criterion: Criterion) -> None:
    if criterion.max_points <= 0:
        problems.add(f"{where}.max_points", N_("Maximum points are above zero."))
    kind = criterion.kind
    if kind in (CriterionKind.KPI, CriterionKind.COUNT):
        if not criterion.bands:
            problems.add(
                f"{where}.bands",
                N_("A KPI or count criterion needs bands that map values to points."),
            )
        for band in criterion.bands:
            if band.points < 0 or band.points > criterion.max_points:
                problems.add(
                    f"{where}.bands",
                    N_("A band's points are between 0 and the criterion's maximum."),
                )
    elif criterion.bands:
        problems.add(
            f"{where}.bands",
            N_("Only KPI and count criteria have bands."),
        )
    if kind == CriterionKind.ITEMISED:
        total = sum(item.points for item in criterion.items)
        if not criterion.items:
            problems.add(
                f"{where}.items",
                N_("An itemised criterion needs items."),
            )
        elif total != criterion.max_points:
            problems.add(
                f"{where}.items",
                N_("The items add up to {total}, not the maximum {max_points}."),
                total=total,
                max_points=criterion.max_points,
            )
        if len({item.key for item in criterion.items}) != len(criterion.items):
            problems.add(f"{where}.items", N_("Item keys are unique."))
    elif criterion.items:
        problems.add(f"{where}.items", N_("Only itemised criteria have items."))


def check_points_override(criterion: Criterion, max_points: Decimal) -> None:
    """An edition may set the points only where the seed gives none (and no items fix them)."""
    if not criterion.default_points or criterion.kind == CriterionKind.ITEMISED:
        raise InvalidInput(
            N_("The source gives criterion {number}'s points; they cannot be changed."),
            field="criterion",
            number=criterion.number,
        )
    if not Decimal(0) < max_points <= Decimal(100) or max_points != max_points.quantize(
        Decimal("0.01")
    ):
        raise InvalidInput(
            N_("Maximum points are above 0 and at most 100, with at most two decimals."),
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
                N_(
                    "Version {number} of '{key}' is in use by an open edition and can no "
                    "longer change: publish the correction as a new version."
                ),
                field="version",
                number=self.number,
                key=self.key,
            )
        if normalise_key(framework.key) != self.key or framework.version != self.number:
            raise InvalidInput(
                N_("The key and version cannot change; publish a new version instead."),
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
