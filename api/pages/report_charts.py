"""Bar charts drawn on the server as SVG: no script, readable without CSS, mirrored for
Arabic (bars grow from the right), and always shown beside a table of the same figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
LABEL = 170  # room for the labels
ROW = 28
BAR = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float  # where the bar starts
    width: float
    y: float
    label_x: float
    value_x: float
    target_x: float | None = None  # a marker at the target, when there is one


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    rtl: bool
    anchor: str  # text-anchor of the labels


def bar_chart(rows: Sequence[tuple[str, int, int | None]], rtl: bool) -> Chart:
    """One bar per (label, value, target); bars scale to the largest value or target."""
    scale_max = max([1] + [max(v, t or 0) for _, v, t in rows])
    span = WIDTH - LABEL - 60
    bars = []
    for i, (label, value, target) in enumerate(rows):
        length = span * value / scale_max
        target_at = None if target is None else span * target / scale_max
        y = i * ROW + 4
        if rtl:
            start = WIDTH - LABEL - length
            bars.append(
                Bar(
                    label,
                    value,
                    start,
                    length,
                    y,
                    WIDTH - 8,  # labels right-aligned in the right-hand gutter
                    start - 6,
                    None if target_at is None else WIDTH - LABEL - target_at,
                )
            )
        else:
            bars.append(
                Bar(
                    label,
                    value,
                    LABEL,
                    length,
                    y,
                    LABEL - 8,
                    LABEL + length + 6,
                    None if target_at is None else LABEL + target_at,
                )
            )
    return Chart(bars, WIDTH, len(rows) * ROW + 8, rtl, "start" if rtl else "end")
