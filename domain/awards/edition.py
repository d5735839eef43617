"""Award programmes and their yearly editions: categories, timeline, eligibility, results.

An edition is configured while it is a draft. Opening it freezes its
configuration (and the framework versions its categories use); from then on
its timeline governs what may happen when: registration (drafting, answering,
uploading, submitting), screening, judging (assigning, scoring, consensus),
then publication. Every window is a hard deadline, checked against the
injectable clock: after a window closes nothing more is accepted in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import event

from domain.aggregate import RegistryAggregate
from domain.awards.eligibility import EligibilityRules
from domain.awards.framework import Criterion
from domain.awards.framework_version import check_points_override
from domain.awards.organisation import OrganisationType
from domain.awards.ranking import CategoryResults, check_complete, without
from domain.envelope import Envelope
from domain.errors import InvalidInput, InvalidTransition, NotFound, Problems
from domain.messages import N_, Message
from domain.text import Text

NAMESPACE_AWARDS = uuid5(NAMESPACE_URL, "https://nqs.saso.gov.sa/registry/awards")
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9-]{1,29}$")
CATEGORY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
# Saudi Arabia keeps UTC+3 all year; deadlines are shown in the applicants' local time.
RIYADH = timezone(timedelta(hours=3), "AST")


class PhaseKind(StrEnum):
    ANNOUNCEMENT = "announcement"
    REGISTRATION = "registration"  # registration and electronic upload of files
    SCREENING = "screening"
    JUDGING = "judging"
    CEREMONY = "ceremony"


PHASE_ORDER = list(PhaseKind)
PHASE_NAMES: dict[PhaseKind, tuple[str, str]] = {
    PhaseKind.ANNOUNCEMENT: ("announcement", "الخطة الإعلانية والتعريفية"),
    PhaseKind.REGISTRATION: ("registration and upload", "التسجيل ورفع الملفات"),
    PhaseKind.SCREENING: ("screening", "فرز المشاركات"),
    PhaseKind.JUDGING: ("judging", "التحكيم"),
    PhaseKind.CEREMONY: ("ceremony", "حفل التكريم"),
}


def phase_name(kind: PhaseKind | str) -> Text:
    """A phase's name, for a message to show in either language."""
    english, arabic = PHASE_NAMES[PhaseKind(kind)]
    return Text(ar=arabic, en=english)


class EditionStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    PUBLISHED = "published"  # results published (they may still change by a withdrawal)


def programme_id(code: str) -> UUID:
    return uuid5(NAMESPACE_AWARDS, f"programme:{normalise_code(code)}")


def edition_id(programme_code: str, year: int) -> UUID:
    return uuid5(NAMESPACE_AWARDS, f"edition:{normalise_code(programme_code)}:{year}")


def normalise_code(code: str) -> str:
    code = (code or "").strip().upper()
    if not CODE_PATTERN.match(code):
        raise InvalidInput(
            N_("A programme code is 2 to 30 capital letters, digits or hyphens, e.g. AMYAZ."),
            field="code",
        )
    return code


def local_time(instant: datetime) -> str:
    return instant.astimezone(RIYADH).strftime("%Y-%m-%d %H:%M")


class PhaseClosed(InvalidTransition):
    """Something was attempted outside the window the timeline gives it."""

    code = "phase-closed"
    title = N_("This is not possible at this stage of the award's timeline")


@dataclass(frozen=True)
class Phase:
    """A window of the timeline: open from ``opens_at`` until just before ``closes_at``."""

    kind: PhaseKind
    opens_at: datetime
    closes_at: datetime

    def is_open(self, at: datetime) -> bool:
        return self.opens_at <= at < self.closes_at


@dataclass(frozen=True)
class Category:
    """A category of an edition (e.g. hospitals), judged against one framework version."""

    key: str
    title: Text
    organisation_types: tuple[OrganisationType, ...]
    winners: int
    framework_key: str
    framework_version: int
    min_beds: int | None = None

    def problems(self) -> Problems:
        problems = Problems()
        if not CATEGORY_PATTERN.match(self.key):
            problems.add(
                "key",
                N_("A category key is 2 to 40 lowercase letters, digits or hyphens."),
            )
        if not 0 <= self.winners <= 100:
            problems.add("winners", N_("Winners are between 0 and 100."))
        if self.min_beds is not None and self.min_beds < 0:
            problems.add("min_beds", N_("Beds cannot be negative."))
        if not self.organisation_types:
            problems.add(
                "organisation_types",
                N_("Name the organisation types that may apply."),
            )
        return problems


class Programme(RegistryAggregate):
    """An award programme (Amyaz, Nawah, Maan) that runs yearly editions."""

    @staticmethod
    def create_id(code: str) -> UUID:
        return programme_id(code)

    @classmethod
    def register(
        cls,
        envelope: Envelope,
        code: str,
        name: Text,
        description: Text,
        organiser: Text,
        goals: tuple[Text, ...] = (),
    ) -> Programme:
        return cls(
            envelope=envelope,
            code=normalise_code(code),
            name=name,
            description=description,
            organiser=organiser,
            goals=tuple(goals),
        )

    @event("Registered")
    def __init__(
        self,
        envelope: Envelope,
        code: str,
        name: Text,
        description: Text,
        organiser: Text,
        goals: tuple[Text, ...],
    ) -> None:
        self.code = code
        self.name = name
        self.description = description
        self.organiser = organiser
        self.goals = tuple(goals)

    def revise(
        self,
        envelope: Envelope,
        name: Text,
        description: Text,
        organiser: Text,
        goals: tuple[Text, ...],
    ) -> None:
        if (name, description, organiser, tuple(goals)) == (
            self.name,
            self.description,
            self.organiser,
            self.goals,
        ):
            return
        self._revised(
            envelope=envelope,
            name=name,
            description=description,
            organiser=organiser,
            goals=tuple(goals),
        )

    @event("Revised")
    def _revised(
        self,
        envelope: Envelope,
        name: Text,
        description: Text,
        organiser: Text,
        goals: tuple[Text, ...],
    ) -> None:
        self.name, self.description, self.organiser, self.goals = (
            name,
            description,
            organiser,
            tuple(goals),
        )


class Edition(RegistryAggregate):
    """One yearly edition of a programme."""

    @staticmethod
    def create_id(programme_code: str, year: int) -> UUID:
        return edition_id(programme_code, year)

    @classmethod
    def create(
        cls,
        envelope: Envelope,
        programme_code: str,
        year: int,
        title: Text,
        minimum_score: Decimal,
        eligibility: EligibilityRules,
    ) -> Edition:
        if not 2000 <= year <= 2100:
            raise InvalidInput(N_("The year is between 2000 and 2100."), field="year")
        _check_minimum(minimum_score)
        return cls(
            envelope=envelope,
            programme_id=programme_id(programme_code),
            programme_code=normalise_code(programme_code),
            year=year,
            title=title,
            minimum_score=minimum_score,
            eligibility=eligibility,
        )

    @event("Created")
    def __init__(
        self,
        envelope: Envelope,
        programme_id: UUID,
        programme_code: str,
        year: int,
        title: Text,
        minimum_score: Decimal,
        eligibility: EligibilityRules,
    ) -> None:
        self.programme_id = programme_id
        self.programme_code = programme_code
        self.year = year
        self.title = title
        self.minimum_score = Decimal(minimum_score)
        self.eligibility = eligibility
        self.status = EditionStatus.DRAFT
        self.categories: dict[str, Category] = {}
        self.framework_ids: dict[str, UUID] = {}
        self.phases: dict[PhaseKind, Phase] = {}
        self.results: dict[str, CategoryResults] = {}
        self.results_revision = 0
        # Per category: the maximum points the edition sets where the seed gives none.
        self.points: dict[str, dict[str, Decimal]] = {}

    # -- configuration (draft only) -----------------------------------------------------

    def configure_category(
        self, envelope: Envelope, category: Category, framework_id: UUID
    ) -> None:
        """Adds or replaces a category; its framework version must exist (the service checks)."""
        self._check_draft("categories")
        category.problems().raise_if_any()
        if self.categories.get(category.key) == category:
            return
        self._category_configured(envelope=envelope, category=category, framework_id=framework_id)

    @event("CategoryConfigured")
    def _category_configured(
        self, envelope: Envelope, category: Category, framework_id: UUID
    ) -> None:
        if self.framework_ids.get(category.key) != framework_id:
            self.points.pop(category.key, None)
        self.categories[category.key] = category
        self.framework_ids[category.key] = framework_id

    def set_points(
        self, envelope: Envelope, category: str, criterion: Criterion, max_points: Decimal
    ) -> None:
        """Sets a criterion's maximum points for this edition, where the seed gives none."""
        self._check_draft("points")
        self.category(category)
        check_points_override(criterion, max_points)
        if self.points.get(category, {}).get(criterion.number) == max_points:
            return
        self._points_set(
            envelope=envelope, category=category, criterion=criterion.number, max_points=max_points
        )

    @event("PointsSet")
    def _points_set(
        self, envelope: Envelope, category: str, criterion: str, max_points: Decimal
    ) -> None:
        self.points.setdefault(category, {})[criterion] = Decimal(max_points)

    def remove_category(self, envelope: Envelope, key: str) -> None:
        self._check_draft("categories")
        self.category(key)
        self._category_removed(envelope=envelope, key=key)

    @event("CategoryRemoved")
    def _category_removed(self, envelope: Envelope, key: str) -> None:
        del self.categories[key]
        del self.framework_ids[key]
        self.points.pop(key, None)

    def set_rules(
        self, envelope: Envelope, minimum_score: Decimal, eligibility: EligibilityRules
    ) -> None:
        self._check_draft("eligibility")
        _check_minimum(minimum_score)
        if (minimum_score, eligibility) == (self.minimum_score, self.eligibility):
            return
        self._rules_set(envelope=envelope, minimum_score=minimum_score, eligibility=eligibility)

    @event("RulesSet")
    def _rules_set(
        self, envelope: Envelope, minimum_score: Decimal, eligibility: EligibilityRules
    ) -> None:
        self.minimum_score = Decimal(minimum_score)
        self.eligibility = eligibility

    def schedule_phase(self, envelope: Envelope, phase: Phase) -> None:
        """Sets a window of the timeline; once open, moving one is a decision with a reason.

        A window that has already closed cannot be reopened or moved: its deadline held.
        """
        if phase.opens_at >= phase.closes_at:
            raise InvalidInput(N_("A phase closes after it opens."), field="closes_at")
        if self.status != EditionStatus.DRAFT:
            envelope.require_reason()
            current = self.phases.get(PhaseKind(phase.kind))
            if current is not None and current.closes_at <= envelope.at:
                raise PhaseClosed(
                    N_(
                        "The {phase} phase closed on {closes_at} (Riyadh time) and cannot be changed."
                    ),
                    field="kind",
                    phase=phase_name(current.kind),
                    closes_at=local_time(current.closes_at),
                )
            phases = {**self.phases, PhaseKind(phase.kind): phase}
            _timeline_problems(phases).raise_if_any()
        if self.phases.get(PhaseKind(phase.kind)) == phase:
            return
        self._phase_scheduled(envelope=envelope, phase=phase)

    @event("PhaseScheduled")
    def _phase_scheduled(self, envelope: Envelope, phase: Phase) -> None:
        self.phases[PhaseKind(phase.kind)] = phase

    def open(self, envelope: Envelope) -> None:
        """Opens the edition: its categories, frameworks and rules are frozen from now on."""
        self._check_draft("status")
        problems = _timeline_problems(self.phases)
        if not self.categories:
            problems.add(
                "categories",
                N_("An edition needs at least one category."),
            )
        problems.raise_if_any()
        self._opened(envelope=envelope)

    @event("Opened")
    def _opened(self, envelope: Envelope) -> None:
        self.status = EditionStatus.OPEN

    def _check_draft(self, field: str) -> None:
        if self.status != EditionStatus.DRAFT:
            raise InvalidTransition(
                N_("The edition is open: its configuration is frozen."),
                field=field,
            )

    # -- the timeline -------------------------------------------------------------------

    def category(self, key: str) -> Category:
        try:
            return self.categories[key]
        except KeyError:
            raise NotFound(N_("This edition has no category '{key}'."), key=key) from None

    def phase_at(self, at: datetime) -> PhaseKind | None:
        for phase in self.phases.values():
            if phase.is_open(at):
                return PhaseKind(phase.kind)
        return None

    def require_phase(self, kind: PhaseKind, at: datetime, action: str) -> None:
        """Refuses ``action`` (a msgid) unless the edition is open and ``kind``'s window holds
        ``at``."""
        said = Message(action)
        if self.status == EditionStatus.DRAFT:
            raise PhaseClosed(N_("{action}: the edition has not opened yet."), action=said)
        phase = self.phases[kind]
        if at < phase.opens_at:
            raise PhaseClosed(
                N_(
                    "{action}: the {phase} phase opens on {opens_at} (Riyadh time, {opens_at_iso})."
                ),
                action=said,
                phase=phase_name(kind),
                opens_at=local_time(phase.opens_at),
                opens_at_iso=phase.opens_at.isoformat(),
            )
        if at >= phase.closes_at:
            raise PhaseClosed(
                N_(
                    "{action}: the {phase} phase closed on {closes_at} "
                    "(Riyadh time, {closes_at_iso})."
                ),
                action=said,
                phase=phase_name(kind),
                closes_at=local_time(phase.closes_at),
                closes_at_iso=phase.closes_at.isoformat(),
            )

    def require_before_end_of(self, kind: PhaseKind, at: datetime, action: str) -> None:
        """Refuses ``action`` once ``kind``'s window has closed (or before the edition opens)."""
        phase = self.phases.get(kind)
        if self.status == EditionStatus.DRAFT or phase is None:
            self.require_phase(kind, at, action)
            return
        if at >= phase.closes_at:
            self.require_phase(kind, at, action)

    # -- results ------------------------------------------------------------------------

    def publish_results(self, envelope: Envelope, results: tuple[CategoryResults, ...]) -> None:
        """Publishes the ranking and winners; a re-publication is a correction with a reason."""
        check_complete(results)
        judging = self.phases.get(PhaseKind.JUDGING)
        if self.status == EditionStatus.DRAFT or judging is None or envelope.at < judging.closes_at:
            when = local_time(judging.closes_at) if judging else "—"
            raise PhaseClosed(
                N_("Results are published once judging has closed ({when}, Riyadh time)."),
                when=when,
            )
        if self.results_revision:
            envelope.require_reason()
        self._results_published(envelope=envelope, results=tuple(results))

    @event("ResultsPublished")
    def _results_published(self, envelope: Envelope, results: tuple[CategoryResults, ...]) -> None:
        self.results = {r.category: r for r in results}
        self.results_revision += 1
        self.status = EditionStatus.PUBLISHED

    def withdraw_award(self, envelope: Envelope, application_id: UUID) -> None:
        """Withdraws a winner's award for a proven breach; the ranking closes up behind it."""
        envelope.require_reason()
        for results in self.results.values():
            for standing in results.standings:
                if standing.application_id == application_id and standing.winner:
                    self._award_withdrawn(
                        envelope=envelope, application_id=application_id, category=results.category
                    )
                    return
        raise InvalidTransition(
            N_("Only a published award can be withdrawn, and this application holds none."),
            field="application_id",
        )

    @event("AwardWithdrawn")
    def _award_withdrawn(self, envelope: Envelope, application_id: UUID, category: str) -> None:
        self.results[category] = without(self.results[category], application_id)


def _check_minimum(score: Decimal) -> None:
    if not Decimal(0) <= score <= Decimal(100):
        raise InvalidInput(
            N_("The minimum score is between 0 and 100."),
            field="minimum_score",
        )


def _timeline_problems(phases: dict[PhaseKind, Phase]) -> Problems:
    problems = Problems()
    for kind in PHASE_ORDER:
        if kind not in phases:
            problems.add(
                f"phases.{kind}", N_("The {phase} phase has no dates yet."), phase=phase_name(kind)
            )
    ordered = [phases[k] for k in PHASE_ORDER if k in phases]
    for earlier, later in pairwise(ordered):
        if later.opens_at < earlier.closes_at:
            problems.add(
                f"phases.{later.kind}",
                N_("The {phase} phase overlaps the one before it."),
                phase=phase_name(later.kind),
            )
    return problems
