"""A small framework with one criterion of every kind, for award tests of every speed.

governance (weight 40): 1 evidence (max 4); 2 KPI (max 4: ≥90 % → 4, ≥75 % → 2, ≥50 % → 1)
safety (weight 60):     3 count, lower is better (max 3: 0 → 3, ≤2 → 2, ≤5 → 1);
                        4 certificate (max 2); 5 itemised (proof 2 + example project 2);
                        6 evidence, additional (max 2)
"""

from __future__ import annotations

from decimal import Decimal as D

from domain.awards.framework import (
    Band,
    Criterion,
    CriterionKind,
    Direction,
    Domain,
    Framework,
    ScoreItem,
)
from domain.text import Text


def t(en: str) -> Text:
    return Text(ar=f"«{en}»", en=en)


def criterion(number: str, kind: CriterionKind, max_points: str, **kwargs: object) -> Criterion:
    return Criterion(
        number=number,
        title=t(f"Criterion {number}"),
        guidance=t(f"Guidance {number}"),
        kind=kind,
        max_points=D(max_points),
        **kwargs,  # type: ignore[arg-type]
    )


def small_framework(key: str = "test-framework", version: int = 1) -> Framework:
    return Framework(
        key=key,
        version=version,
        title=t("Test framework"),
        source="tests",
        domains=(
            Domain(
                key="governance",
                title=t("Governance"),
                weight=D(40),
                criteria=(
                    criterion("1", CriterionKind.EVIDENCE, "4"),
                    criterion(
                        "2",
                        CriterionKind.KPI,
                        "4",
                        numerator=t("resolved in 48 h"),
                        denominator=t("complaints"),
                        bands=(Band(D(90), D(4)), Band(D(75), D(2)), Band(D(50), D(1))),
                    ),
                ),
            ),
            Domain(
                key="safety",
                title=t("Safety"),
                weight=D(60),
                criteria=(
                    criterion(
                        "3",
                        CriterionKind.COUNT,
                        "3",
                        direction=Direction.LOWER_IS_BETTER,
                        bands=(Band(D(0), D(3)), Band(D(2), D(2)), Band(D(5), D(1))),
                    ),
                    criterion("4", CriterionKind.CERTIFICATE, "2"),
                    criterion(
                        "5",
                        CriterionKind.ITEMISED,
                        "4",
                        items=(
                            ScoreItem("proof", t("proof"), D(2)),
                            ScoreItem("example", t("example project"), D(2)),
                        ),
                    ),
                    criterion("6", CriterionKind.EVIDENCE, "2", additional=True),
                ),
            ),
        ),
    )
