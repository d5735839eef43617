"""The roles people act in (see the product brief's table of users)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    JUDGE = "judge"
    COMMITTEE_CHAIR = "committee_chair"
    APPLICANT = "applicant"
    AUDITOR = "auditor"


ALL_ROLES: frozenset[Role] = frozenset(Role)
# Executive-office staff who run the registry day to day.
STAFF: frozenset[Role] = frozenset({Role.ADMIN, Role.OFFICER})
# Everyone signed in may read the strategy's initiatives; only staff change them.
READERS: frozenset[Role] = ALL_ROLES
# Those who follow how an award edition is going (staff, the committee chair, auditors).
OVERSIGHT: frozenset[Role] = frozenset(
    {Role.ADMIN, Role.OFFICER, Role.COMMITTEE_CHAIR, Role.AUDITOR}
)
