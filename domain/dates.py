"""Dates as precise as the source states them.

The SASO page plans evaluations "in March 2021": a month, not a day. A
``PartialDate`` keeps that precision ("2021-03") instead of inventing a day, and
knows the last day it covers, which is when something planned for it is overdue.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from domain.errors import InvalidInput
from domain.messages import N_

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year ("2021"), a month ("2021-03") or a day ("2021-03-15")."""

    value: str

    def __post_init__(self) -> None:
        match = _PATTERN.match(self.value)
        if not match:
            raise self._invalid()
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise self._invalid() from None

    def _invalid(self) -> InvalidInput:
        return InvalidInput(
            N_("'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD."),
            value=self.value,
        )

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]

    def last_day(self) -> date:
        """The last day the period covers: after it, something planned for it is overdue."""
        parts = [int(p) for p in self.value.split("-")]
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(parts[0], 12, 31)

    def first_day(self) -> date:
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])

    def __str__(self) -> str:
        return self.value


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(H[12])|(Q[1-4])|(0[1-9]|1[0-2])))?$")


@dataclass(frozen=True)
class ReportingPeriod:
    """A reporting period: a year ("2021"), half ("2021-H1"), quarter ("2021-Q2") or month."""

    value: str

    def __post_init__(self) -> None:
        if not _PERIOD.match(self.value):
            raise InvalidInput(
                N_("'{value}' is not a reporting period: use YYYY, YYYY-H1, YYYY-Q2 or YYYY-MM."),
                field="period",
                value=self.value,
            )

    def last_day(self) -> date:
        """The day the period ends: reports sort by it, the latest report is the latest end."""
        match = _PERIOD.match(self.value)
        assert match is not None
        year = int(match.group(1))
        half, quarter, month = match.group(2), match.group(3), match.group(4)
        if half:
            end_month = 6 if half == "H1" else 12
        elif quarter:
            end_month = int(quarter[1]) * 3
        elif month:
            end_month = int(month)
        else:
            end_month = 12
        return date(year, end_month, calendar.monthrange(year, end_month)[1])

    def sort_key(self) -> tuple[date, int]:
        # Shorter periods ending the same day sort after longer ones ("2021" before "2021-12").
        return (self.last_day(), len(self.value))

    def __str__(self) -> str:
        return self.value
