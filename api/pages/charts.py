"""Server-rendered SVG charts: horizontal bars and a sparkline, laid out for either direction.

Each chart is drawn from the same rows the page's data table shows (screen readers and
printouts read the table; the chart is ``role="img"`` with a title). Coordinates are computed
here rather than in templates so the right-to-left layout (bars growing from the right, labels
on the right) is one rule, not a copy per chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
ROW = 30
LABEL = 230
VALUE = 90
BAR = WIDTH - LABEL - VALUE - 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the number as the table shows it
    y: float
    bar_x: float
    bar_width: float
    label_x: float
    label_anchor: str
    value_x: float
    value_anchor: str
    target_x: float | None = None


@dataclass(frozen=True)
class BarChart:
    height: int
    bars: list[Bar]


def bar_chart(
    rows: list[tuple[str, float, str]],
    rtl: bool,
    scale_max: float | None = None,
    targets: list[float | None] | None = None,
) -> BarChart:
    """Rows of (label, value, shown); ``scale_max`` fixes the full bar (e.g. 100 for %);
    ``targets`` draws a target mark on each bar."""
    top = scale_max or max([v for _, v, _ in rows] + [t or 0 for t in targets or []] + [1])
    bars = []
    for index, (label, value, shown) in enumerate(rows):
        width = max(0.0, min(1.0, value / top)) * BAR if top else 0.0
        target = (targets or [None] * len(rows))[index]
        target_at = None if target is None else min(1.0, target / top) * BAR
        if rtl:
            origin = WIDTH - LABEL
            bar = Bar(
                label,
                value,
                shown,
                index * ROW,
                origin - width,
                width,
                origin + 6,
                "start",
                origin - width - 6,
                "end",
                None if target_at is None else origin - target_at,
            )
        else:
            bar = Bar(
                label,
                value,
                shown,
                index * ROW,
                LABEL,
                width,
                LABEL - 6,
                "end",
                LABEL + width + 6,
                "start",
                None if target_at is None else LABEL + target_at,
            )
        bars.append(bar)
    return BarChart(height=max(ROW, len(rows) * ROW), bars=bars)


def counts_chart(rows: Sequence[tuple[str, int, int | None]], rtl: bool) -> BarChart:
    """Rows of (label, count, target or None): counts shown as the table shows them."""
    return bar_chart(
        [(label, float(count), f"{count:,}") for label, count, _ in rows],
        rtl,
        targets=[None if target is None else float(target) for _, _, target in rows],
    )


def sparkline(values: list[float], width: int = 120, height: int = 28, rtl: bool = False) -> str:
    """The polyline points of a small trend line (time runs with the reading direction)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = width / max(1, len(values) - 1)
    points = []
    for index, value in enumerate(values):
        x = index * step if len(values) > 1 else width / 2
        if rtl:
            x = width - x
        y = height - 3 - (value - low) / span * (height - 6)
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)
