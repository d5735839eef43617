"""The two stages of professional licences in quality, from seed 000 (SASO's page):
"First: Preparing professional technical licenses in the areas of quality" and
"Second: Preparing professional administrative licenses in the areas of quality".

The page names the stages only. Validity (3 years) and CPD hours per renewal (30)
are the registry's defaults, not the source's: an officer revises them
(``PUT /api/v1/licences/types/{code}``) and adds further types as they are prepared.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.licences.licence_type import LicenceStage
from domain.text import Text


@dataclass(frozen=True)
class LicenceTypeSeed:
    code: str
    stage: LicenceStage
    title: Text
    validity_years: int = 3
    cpd_hours: int = 30


LICENCE_TYPES: list[LicenceTypeSeed] = [
    LicenceTypeSeed(
        "QUALITY-TECHNICAL",
        LicenceStage.TECHNICAL,
        Text(
            ar="الرخصة المهنية الفنية في مجالات الجودة",
            en="Professional technical licence in the areas of quality",
        ),
    ),
    LicenceTypeSeed(
        "QUALITY-ADMINISTRATIVE",
        LicenceStage.ADMINISTRATIVE,
        Text(
            ar="الرخصة المهنية الإدارية في مجالات الجودة",
            en="Professional administrative licence in the areas of quality",
        ),
    ),
]
