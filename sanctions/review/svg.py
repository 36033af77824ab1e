"""What the report's pictures share: building SVG with ElementTree (which escapes every text and
attribute, so a name from the workbook can never break the markup), measuring labels, and
writing numbers so that the same picture is the same bytes on every run."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from functools import cache

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
# DejaVu Sans, the widest of the fonts named, averages about 0.6 em a character: labels are
# measured with it so that they do not collide in any of them.
CHAR_WIDTH = 0.6


def num(value: float) -> str:
    """A coordinate rounded to 0.1 (so that floating-point noise never changes a byte), without
    a trailing ``.0``."""
    rounded = round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0
    return f"{rounded:.1f}".removesuffix(".0")


@cache
def _attribute(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


def element(
    parent: ET.Element | None, tag: str, text: str | None = None, /, **attrs: object
) -> ET.Element:
    """A child of ``parent`` (or a root) with attributes in the given order; ``class_`` and
    ``font_size`` style names become ``class`` and ``font-size``; floats are rounded."""
    values = {
        _attribute(name): num(v) if isinstance(v, float) else str(v)
        for name, v in attrs.items()
        if v is not None
    }
    node = ET.Element(tag, values) if parent is None else ET.SubElement(parent, tag, values)
    if text is not None:
        node.text = text
    return node


def root(width: float, height: float, label: str) -> ET.Element:
    """An SVG root that scales to its container, with an accessible name."""
    svg = element(
        None,
        "svg",
        xmlns=SVG_NS,
        width=float(width),
        height=float(height),
        viewBox=f"0 0 {num(width)} {num(height)}",
        role="img",
        font_family=FONT,
    )
    svg.set("aria-label", label)
    element(svg, "title", label)
    return svg


def to_text(svg: ET.Element) -> str:
    return ET.tostring(svg, encoding="unicode")


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def wrap(text: str, width: int, lines: int) -> list[str]:
    """At most ``lines`` lines of about ``width`` characters, the last cut with an ellipsis
    when the text is longer (the full text stays in the picture's tooltip)."""
    wrapped = textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or [""]
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    kept[-1] = kept[-1][: max(1, width - 1)].rstrip() + "…"
    return kept
