"""Rules a membership and a licence share: a decision is taken only from certain
statuses, a running term is renewed only close to its end, and personal data is
erased once."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from enum import StrEnum
from typing import TypeVar

from domain.errors import InvalidTransition
from domain.messages import N_, Message
from domain.text import Text

S = TypeVar("S", bound=StrEnum)

# A term still running is renewed no earlier than this many days before it ends.
RENEWAL_WINDOW_DAYS = 90


def years_later(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def check_status(status: S, allowed: Collection[S], verb: str, noun: str, status_ar: str) -> S:
    """Refuses a decision the record's status does not allow (e.g. suspending a suspended
    licence); ``noun`` is the record's name (a msgid), ``status_ar`` the status in Arabic."""
    if status not in allowed:
        raise InvalidTransition(
            N_("A {noun} that is {status} cannot be {verb}."),
            field="status",
            noun=Message(noun),
            status=Text(ar=status_ar, en=str(status)),
            verb=verb,
        )
    return status


def renewal_start(ends_on: date, running: bool, today: date, too_early: str) -> date:
    """Where a renewed term starts: at the end of the running one (renewed early, within the
    window), or today if it has lapsed. ``too_early`` is the refusal's msgid, with the
    placeholders ``{days}`` and ``{ends_on}``."""
    if running and (ends_on - today).days > RENEWAL_WINDOW_DAYS:
        raise InvalidTransition(
            too_early, field="status", days=RENEWAL_WINDOW_DAYS, ends_on=ends_on.isoformat()
        )
    return ends_on if running else today


def check_not_erased(erased: bool) -> None:
    """Personal data is erased once; a second erasure is refused."""
    if erased:
        raise InvalidTransition(
            N_("This person's personal data has already been erased."),
        )
