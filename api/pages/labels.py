"""The registry's coded values as people read them, in the page's language.

The domain already names regions, tracks, sectors and membership statuses in both
languages; these filters pick the one the page is in (``{{ member.region | region }}``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from jinja2 import pass_context

from domain.ambassadors.membership import STATUS_AR
from domain.ambassadors.values import SECTOR_NAMES, TRACK_NAMES, MembershipStatus, Sector, Track
from domain.awards.organisation import OrganisationType
from domain.regions import REGION_NAMES, Region


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark for extraction"
    return message


STATUS_EN: dict[MembershipStatus, str] = {
    MembershipStatus.PENDING: "Pending review",
    MembershipStatus.ACTIVE: "Active",
    MembershipStatus.REJECTED: "Rejected",
    MembershipStatus.SUSPENDED: "Suspended",
    MembershipStatus.WITHDRAWN: "Withdrawn",
    MembershipStatus.EXPIRED: "Expired",
}
STATUS_NAMES: dict[MembershipStatus, tuple[str, str]] = {
    s: (STATUS_EN[s], STATUS_AR[s]) for s in MembershipStatus
}


# A licence's statuses (the domain names them in English only).
LICENCE_STATUS_EN = {
    "applied": N_("Applied"),
    "passed": N_("Passed"),
    "failed": N_("Failed"),
    "issued": N_("Issued"),
    "suspended": N_("Suspended"),
    "revoked": N_("Revoked"),
    "expired": N_("Expired"),
}
# A licence's two stages, as the seed names them.
LICENCE_STAGE_EN = {
    "technical": N_("Technical (first stage)"),
    "administrative": N_("Administrative (second stage)"),
}


# An organisation's types (the domain names them in Arabic messages only).
TYPE_LABELS: dict[str, str] = {
    OrganisationType.HOSPITAL: N_("Hospital"),
    OrganisationType.HEALTH_CENTRE: N_("Health centre or polyclinic"),
    OrganisationType.HEALTH_ASSOCIATION: N_("Health association"),
    OrganisationType.COMPANY: N_("Company"),
    OrganisationType.GOVERNMENT_ENTITY: N_("Government entity"),
}


def _name(names: Mapping[Any, tuple[str, str]], kind: type[StrEnum], value: Any, lang: str) -> str:
    if value is None or value == "":
        return ""
    try:
        english, arabic = names[kind(str(value))]
    except (ValueError, KeyError):
        return str(value)
    return arabic if lang == "ar" else english


def options(names: Mapping[Any, tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    """(value, label) pairs for a select, in the domain's order."""
    return [
        (str(key), arabic if lang == "ar" else english) for key, (english, arabic) in names.items()
    ]


def install(environment: Any) -> None:
    for filter_name, names, kind in (
        ("region", REGION_NAMES, Region),
        ("track", TRACK_NAMES, Track),
        ("sector", SECTOR_NAMES, Sector),
        ("membership_status", STATUS_NAMES, MembershipStatus),
    ):
        environment.filters[filter_name] = _filter(names, kind)


def _filter(names: Mapping[Any, tuple[str, str]], kind: type[StrEnum]) -> Any:
    @pass_context
    def label(context: Any, value: Any) -> str:
        return _name(names, kind, value, str(context.get("lang", "ar")))

    return label
