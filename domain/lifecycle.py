"""Rules a membership and a licence share: a decision is taken only from certain
statuses, a running term is renewed only close to its end, and personal data is
erased once."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from enum import StrEnum
from typing import TypeVar

from domain.errors import InvalidTransition

S = TypeVar("S", bound=StrEnum)

# A term still running is renewed no earlier than this many days before it ends.
RENEWAL_WINDOW_DAYS = 90


def years_later(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def check_status(
    status: S, allowed: Collection[S], verb: str, noun: tuple[str, str], status_ar: str
) -> S:
    """Refuses a decision the record's status does not allow (e.g. suspending a suspended
    licence); ``noun`` is the record's name in English and Arabic."""
    if status not in allowed:
        raise InvalidTransition(
            f"A {noun[0]} that is {status} cannot be {verb}.",
            f"لا يمكن تنفيذ هذا الإجراء على {noun[1]} حالتها {status_ar}.",
            field="status",
        )
    return status


def renewal_start(ends_on: date, running: bool, today: date, noun: tuple[str, str]) -> date:
    """Where a renewed term starts: at the end of the running one (renewed early, within the
    window), or today if it has lapsed. ``noun`` names the record ("membership", "العضوية")."""
    if running and (ends_on - today).days > RENEWAL_WINDOW_DAYS:
        raise InvalidTransition(
            f"A {noun[0]} is renewed within {RENEWAL_WINDOW_DAYS} days of its expiry "
            f"({ends_on.isoformat()}).",
            f"تُجدَّد {noun[1]} خلال {RENEWAL_WINDOW_DAYS} يوماً من تاريخ انتهائها "
            f"({ends_on.isoformat()}).",
            field="status",
        )
    return ends_on if running else today


def check_not_erased(erased: bool) -> None:
    """Personal data is erased once; a second erasure is refused."""
    if erased:
        raise InvalidTransition(
            "This person's personal data has already been erased.",
            "تم محو البيانات الشخصية لهذا الشخص مسبقاً.",
        )
