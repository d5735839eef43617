"""The vocabulary of the ambassadors programme: tracks, sectors, statuses, activities."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class Track(StrEnum):
    """The three memberships of the seed: general (citizens), sectoral, expert."""

    GENERAL = "general"  # "a quality ambassador in every home"
    SECTORAL = "sectoral"  # "First Quality Ambassador": employees of a sector
    EXPERT = "expert"  # "quality ambassador consultant"


TRACK_NAMES: dict[Track, tuple[str, str]] = {
    Track.GENERAL: ("General quality ambassador", "سفير الجودة العام"),
    Track.SECTORAL: ("First Quality Ambassador", "سفير الجودة الأول"),
    Track.EXPERT: ("Quality ambassador consultant", "سفير الجودة المستشار"),
}


class Sector(StrEnum):
    """The sectors the NQS names, and government entities, which also take part."""

    INDUSTRY = "industry"
    HEALTH = "health"
    EDUCATION = "education"
    SERVICES = "services"
    CIVIL_SOCIETY = "civil_society"
    GOVERNMENT = "government"


SECTOR_NAMES: dict[Sector, tuple[str, str]] = {
    Sector.INDUSTRY: ("Industry", "الصناعة"),
    Sector.HEALTH: ("Health", "الصحة"),
    Sector.EDUCATION: ("Education", "التعليم"),
    Sector.SERVICES: ("Services", "الخدمات"),
    Sector.CIVIL_SOCIETY: ("Civil society", "المجتمع المدني"),
    Sector.GOVERNMENT: ("Government", "الجهات الحكومية"),
}


class MembershipStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    REJECTED = "rejected"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


class ActivityKind(StrEnum):
    AWARENESS_SESSION = "awareness_session"
    WORKSHOP = "workshop"
    CAMPAIGN = "campaign"
    VOLUNTEERING = "volunteering"


# Points an activity earns once an officer verifies it.
ACTIVITY_POINTS: dict[ActivityKind, int] = {
    ActivityKind.AWARENESS_SESSION: 10,
    ActivityKind.WORKSHOP: 20,
    ActivityKind.CAMPAIGN: 15,
    ActivityKind.VOLUNTEERING: 5,
}


class ActivityStatus(StrEnum):
    LOGGED = "logged"
    VERIFIED = "verified"
    REJECTED = "rejected"


def effective_status(
    status: MembershipStatus, expires_on: date | None, today: date
) -> MembershipStatus:
    """What a membership is today: an active one past its expiry date has expired,
    whether or not the expiry has been recorded yet."""
    if status == MembershipStatus.ACTIVE and expires_on is not None and expires_on < today:
        return MembershipStatus.EXPIRED
    return status
