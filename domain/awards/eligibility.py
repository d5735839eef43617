"""Who may apply: an edition's eligibility rules and the check that applies them.

The seed's conditions (Amyaz): within the Eastern Region; hospitals of 50 beds or
more; a valid licence; three years of operation; current local or international
accreditation. Maan: hospitals of 100 beds or more. Nawah: licensed non-profit
health associations registered and activated on the platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.awards.organisation import (
    OrganisationFacts,
    OrganisationStatus,
    OrganisationType,
    type_names,
)
from domain.errors import FieldProblem
from domain.messages import N_, Joined, Message, Param
from domain.regions import REGION_NAMES, Region
from domain.text import Text


@dataclass(frozen=True)
class EligibilityRules:
    regions: tuple[Region, ...] = (Region.EASTERN_PROVINCE,)
    min_years_of_operation: int | None = 3
    requires_valid_licence: bool = True
    requires_current_accreditation: bool = True
    requires_activated_organisation: bool = False


def eligibility_problems(
    rules: EligibilityRules,
    organisation_types: tuple[OrganisationType, ...],
    min_beds: int | None,
    facts: OrganisationFacts,
    on: date,
) -> list[FieldProblem]:
    """Every condition the organisation does not meet on ``on``, each with its field."""
    problems: list[FieldProblem] = []

    def add(field: str, message: str, /, **params: Param) -> None:
        problems.append(FieldProblem(f"organisation.{field}", Message(message, **params)))

    if organisation_types and facts.type not in organisation_types:
        add("type", N_("This category is for: {types}."), types=type_names(organisation_types))
    if rules.regions and facts.region not in rules.regions:
        regions = Joined.of(
            Text(ar=REGION_NAMES[r][1], en=REGION_NAMES[r][0]) for r in rules.regions
        )
        add("region", N_("Only organisations in {regions} may apply."), regions=regions)
    if min_beds is not None and (facts.beds or 0) < min_beds:
        add(
            "beds",
            N_("This category needs at least {min_beds} beds (recorded: {beds})."),
            min_beds=min_beds,
            beds=facts.beds or 0,
        )
    if rules.requires_valid_licence and facts.licence_expires_on < on:
        add(
            "licence_expires_on",
            N_("The operating licence expired on {licence_expires_on}."),
            licence_expires_on=facts.licence_expires_on.isoformat(),
        )
    years = facts.years_of_operation(on)
    if rules.min_years_of_operation is not None and years < rules.min_years_of_operation:
        add(
            "operating_since",
            N_(
                "At least {min_years_of_operation} years of operation are required (so "
                "far: {years})."
            ),
            min_years_of_operation=rules.min_years_of_operation,
            years=years,
        )
    if rules.requires_current_accreditation and not any(
        a.expires_on >= on for a in facts.accreditations
    ):
        add(
            "accreditations",
            N_(
                "A current local or international accreditation (with a valid "
                "certificate) is required."
            ),
        )
    if rules.requires_activated_organisation and facts.status != OrganisationStatus.ACTIVE:
        add(
            "status",
            N_("The organisation must be registered and activated on the platform."),
        )
    elif facts.status == OrganisationStatus.SUSPENDED:
        add("status", N_("The organisation is suspended."))
    return problems
