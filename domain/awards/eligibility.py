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
    type_names_ar,
)
from domain.errors import FieldProblem
from domain.regions import REGION_NAMES, Region


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

    def add(field: str, english: str, arabic: str) -> None:
        problems.append(FieldProblem(f"organisation.{field}", english, arabic))

    if organisation_types and facts.type not in organisation_types:
        allowed = ", ".join(str(t) for t in organisation_types)
        add(
            "type",
            f"This category is for: {allowed}.",
            f"هذه الفئة مخصصة لـ: {type_names_ar(organisation_types)}.",
        )
    if rules.regions and facts.region not in rules.regions:
        names = [REGION_NAMES[r] for r in rules.regions]
        add(
            "region",
            f"Only organisations in {', '.join(n[0] for n in names)} may apply.",
            f"التقديم متاح للمنشآت في {'، '.join(n[1] for n in names)} فقط.",
        )
    if min_beds is not None and (facts.beds or 0) < min_beds:
        add(
            "beds",
            f"This category needs at least {min_beds} beds (recorded: {facts.beds or 0}).",
            f"تتطلب هذه الفئة {min_beds} سريراً فأكثر (المسجل: {facts.beds or 0}).",
        )
    if rules.requires_valid_licence and facts.licence_expires_on < on:
        add(
            "licence_expires_on",
            f"The operating licence expired on {facts.licence_expires_on.isoformat()}.",
            f"انتهى ترخيص مزاولة العمل في {facts.licence_expires_on.isoformat()}.",
        )
    years = facts.years_of_operation(on)
    if rules.min_years_of_operation is not None and years < rules.min_years_of_operation:
        add(
            "operating_since",
            f"At least {rules.min_years_of_operation} years of operation are required "
            f"(so far: {years}).",
            f"يشترط مزاولة العمل منذ {rules.min_years_of_operation} سنوات على الأقل "
            f"(حتى الآن: {years}).",
        )
    if rules.requires_current_accreditation and not any(
        a.expires_on >= on for a in facts.accreditations
    ):
        add(
            "accreditations",
            "A current local or international accreditation (with a valid certificate) is required.",
            "يشترط الحصول على اعتماد محلي أو دولي بشهادة حديثة وسارية.",
        )
    if rules.requires_activated_organisation and facts.status != OrganisationStatus.ACTIVE:
        add(
            "status",
            "The organisation must be registered and activated on the platform.",
            "يجب أن تكون الجهة مسجلة ومفعلة في المنصة.",
        )
    elif facts.status == OrganisationStatus.SUSPENDED:
        add("status", "The organisation is suspended.", "الجهة موقوفة.")
    return problems
