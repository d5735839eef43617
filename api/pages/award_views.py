"""What the award pages share: the timeline as people read it, and form values parsed into
the registry's types with each refused value named by its field, in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.awards.edition import PHASE_NAMES, PHASE_ORDER, RIYADH, Edition, PhaseKind
from domain.errors import Problems
from domain.messages import N_

STATUS_LABELS = {
    "draft": ("Draft", "مسودة"),
    "submitted": ("Submitted", "مقدَّم"),
    "eligible": ("Eligible", "مستوفٍ للشروط"),
    "ineligible": ("Ineligible", "غير مستوفٍ للشروط"),
    "open": ("Open", "مفتوحة"),
    "published": ("Results published", "النتائج منشورة"),
}


@dataclass(frozen=True)
class TimelineRow:
    kind: str
    name: str
    opens_at: datetime
    closes_at: datetime
    state: str  # "past", "current" or "future"

    @property
    def opens_time(self) -> str:
        return self.opens_at.astimezone(RIYADH).strftime("%H:%M")

    @property
    def closes_time(self) -> str:
        return self.closes_at.astimezone(RIYADH).strftime("%H:%M")


def timeline(edition: Edition, now: datetime, lang: str) -> list[TimelineRow]:
    """The edition's phases in order, each marked past, current or future."""
    rows = []
    for kind in PHASE_ORDER:
        phase = edition.phases.get(kind)
        if phase is None:
            continue
        state = "past" if phase.closes_at <= now else "current" if phase.is_open(now) else "future"
        name = PHASE_NAMES[kind][1 if lang == "ar" else 0]
        rows.append(TimelineRow(str(kind), name, phase.opens_at, phase.closes_at, state))
    return rows


def phase_name(kind: PhaseKind | str | None, lang: str) -> str | None:
    if kind is None:
        return None
    return PHASE_NAMES[PhaseKind(kind)][1 if lang == "ar" else 0]


def status_label(status: str, lang: str) -> str:
    english, arabic = STATUS_LABELS.get(status, (status, status))
    return arabic if lang == "ar" else english


class FormValues:
    """Reads a submitted form's strings into numbers and dates, collecting every refusal."""

    def __init__(self, form: dict[str, Any]) -> None:
        self.form = form
        self.problems = Problems()

    def text(self, name: str) -> str | None:
        value = str(self.form.get(name) or "").strip()
        return value or None

    def decimal(self, name: str) -> Decimal | None:
        raw = self.text(name)
        if raw is None:
            return None
        try:
            value = Decimal(raw.replace(",", "."))
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite() or value < 0:
            self.problems.add(name, N_("Enter a number, zero or more."))
            return None
        return value

    def integer(self, name: str) -> int | None:
        raw = self.text(name)
        if raw is None:
            return None
        if not raw.isdigit():
            self.problems.add(name, N_("Enter a whole number, zero or more."))
            return None
        return int(raw)

    def day(self, name: str) -> date | None:
        raw = self.text(name)
        if raw is None:
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            self.problems.add(name, N_("Enter a date (YYYY-MM-DD)."))
            return None

    def instant(self, name: str) -> datetime | None:
        """A ``datetime-local`` value, read as Riyadh time."""
        raw = self.text(name)
        if raw is None:
            self.problems.add(name, N_("Enter a date and time."))
            return None
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            self.problems.add(name, N_("Enter a date and time."))
            return None
        return value if value.tzinfo else value.replace(tzinfo=RIYADH)

    def items(self, name: str) -> tuple[str, ...]:
        raw = self.form.get(name)
        if raw is None:
            return ()
        values = raw if isinstance(raw, list) else [raw]
        return tuple(str(v) for v in values if str(v).strip())

    def check(self) -> None:
        """Raises the refusals collected so far (one message per field)."""
        self.problems.raise_if_any()


def riyadh_input(value: datetime) -> str:
    """A ``datetime-local`` input's value for an instant, in Riyadh time."""
    return value.astimezone(RIYADH).strftime("%Y-%m-%dT%H:%M")
