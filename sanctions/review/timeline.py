"""A person's posts on a year axis, drawn as inline SVG for their page of the report.

A post with both ends known is a bar. A post whose start (or end) the sources do not give has a
solid mark where the known end is and a dashed line towards the unknown one, so a reader never
takes the edge of the picture for a date. A post a source shows held on one day (``as_of``) is
a diamond at that day. Posts with no date at all cannot be placed: the page lists them apart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sanctions.review.svg import element, root, text_width, to_text, wrap

WIDTH = 760.0
MARGIN = 16.0
ROW = 42.0  # a label line and a bar
TOP = 8.0
AXIS = 34.0  # room for the ticks and the year labels
LABEL_SIZE = 12.0
TICK_SIZE = 11.0
# Steps between labelled years, the first that leaves at most MAX_TICKS labels.
STEPS = (1, 2, 5, 10, 20, 50, 100)
MAX_TICKS = 12
MIN_YEARS = 3  # a post of a few months still gets an axis one can read
COLOURS = {"post": "#3a6ea5", "confidential": "#b03a2e"}


@dataclass(frozen=True)
class Span:
    """One post as the timeline needs it."""

    label: str  # "Chairman, National Security Committee: 2016 to January 2022"
    start: str | None
    end: str | None
    as_of: str | None
    confidential: bool  # rests on confidential evidence alone

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end or self.as_of)


def year_position(value: str, at_end: bool) -> float:
    """A partial ISO date as a fractional year: its first moment, or with ``at_end`` the last
    moment of the year, month or day it names (``2020`` ends at 2021.0)."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year + (1.0 if at_end else 0.0)
    month = parts[1] - 1 + (1 if at_end and len(parts) == 2 else 0)
    day = (parts[2] - (0 if at_end else 1)) / 31 if len(parts) == 3 else 0.0
    return year + (month + day) / 12


def _axis(spans: Sequence[Span]) -> tuple[int, int]:
    """The first and last year of the axis: every date on it, a year more on a side where a
    post's dashed line must show that it goes on, and at least ``MIN_YEARS`` in all."""
    points = [
        year_position(value, at_end)
        for span in spans
        for value, at_end in ((span.start, False), (span.end, True), (span.as_of, False))
        if value
    ]
    low, high = math.floor(min(points)), math.ceil(max(points))
    high = max(high, low + 1)
    if any(s.start and not s.end for s in spans):
        high += 1
    if any(s.end and not s.start for s in spans):
        low -= 1
    while high - low < MIN_YEARS:  # widen both ways, the earlier side first
        if (high - low) % 2:
            low -= 1
        else:
            high += 1
    return low, high


def draw(spans: Sequence[Span], title: str) -> str | None:
    """The SVG of the dated posts, oldest first; None when none is dated."""
    dated = sorted(
        (s for s in spans if s.dated),
        key=lambda s: (
            year_position(s.start or s.as_of or s.end or "", False),
            year_position(s.end or s.as_of or s.start or "", True),
            s.label,
        ),
    )
    if not dated:
        return None
    low, high = _axis(dated)
    scale = (WIDTH - 2 * MARGIN) / (high - low)

    def x(year: float) -> float:
        return MARGIN + (year - low) * scale

    height = TOP + ROW * len(dated) + AXIS
    svg = root(WIDTH, height, title)
    svg.set("class", "timeline")
    axis_y = TOP + ROW * len(dated)
    step = next(s for s in STEPS if (high - low) / s <= MAX_TICKS)
    ticks = element(svg, "g", class_="axis", font_size=TICK_SIZE, fill="#444")
    for year in range(low, high + 1):
        if year % step:
            continue
        element(ticks, "line", x1=x(year), y1=TOP, x2=x(year), y2=axis_y + 4.0, stroke="#ddd")
        anchor = "start" if year == low else "end" if year == high else "middle"
        element(ticks, "text", str(year), x=x(year), y=axis_y + 18.0, text_anchor=anchor)
    element(ticks, "line", x1=x(low), y1=axis_y, x2=x(high), y2=axis_y, stroke="#888")
    chars = int((WIDTH - 2 * MARGIN) / text_width("x", LABEL_SIZE))
    for row, span in enumerate(dated):
        top = TOP + ROW * row
        colour = COLOURS["confidential" if span.confidential else "post"]
        group = element(svg, "g", class_="post confidential" if span.confidential else "post")
        element(group, "title", span.label)
        label = wrap(span.label, chars, 1)[0]
        element(group, "text", label, x=MARGIN, y=top + 14.0, font_size=LABEL_SIZE, fill="#222")
        bar_y, bar_h = top + 20.0, 12.0
        middle = bar_y + bar_h / 2
        if span.start and span.end:
            left = x(year_position(span.start, False))
            right = max(x(year_position(span.end, True)), left + 3.0)
            element(
                group, "rect", class_="bar", x=left, y=bar_y, width=right - left, height=bar_h,
                rx=2.0, fill=colour,
            )  # fmt: skip
        elif span.start or span.end:
            known = x(
                year_position(span.start, False)
                if span.start
                else year_position(span.end or "", True)
            )
            far = x(high) if span.start else x(low)
            element(
                group, "line", class_="open", x1=known, y1=middle, x2=far, y2=middle,
                stroke=colour, stroke_width=3.0, stroke_dasharray="4 4",
            )  # fmt: skip
            element(
                group, "rect", class_="bar", x=known - 1.5, y=bar_y, width=3.0, height=bar_h,
                fill=colour,
            )  # fmt: skip
        if span.as_of:
            centre = x(year_position(span.as_of, False))
            points = [(centre, bar_y - 1), (centre + 7, middle), (centre, bar_y + bar_h + 1),
                      (centre - 7, middle)]  # fmt: skip
            element(
                group, "polygon", class_="as-of",
                points=" ".join(f"{px:.1f},{py:.1f}" for px, py in points),
                fill="#fff", stroke=colour, stroke_width=2.0,
            )  # fmt: skip
    return to_text(svg)
