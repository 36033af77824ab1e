"""The network picture's geometry, measured in the SVG it writes for the default list (dense:
one incident with thirty ties): no label overlaps another, no edge is drawn over a label (each
label lies on an opaque ground drawn after the edges), and edges bend around other nodes'
labels rather than run under them wherever a bend finds a free way; and the clipping that
finds what an edge passes through, against a plain one segment and one box at a time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions.review.drawing import _crossed, crosses
from sanctions.review.svg import CHAR_WIDTH
from tests.conftest import REPO
from tests.review.test_report import report_cli

SVG = "{http://www.w3.org/2000/svg}"
Box = tuple[float, float, float, float]


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory) -> ET.Element:
    tmp = tmp_path_factory.mktemp("network")
    out = tmp / "report"
    proc = report_cli(str(REPO / "lists" / "kazakhstan.xlsx"), "--out", str(out), "--exports",
                      str(tmp / "exports"))  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return ET.parse(out / "network.svg").getroot()


def text_box(text: ET.Element, size: float) -> Box:
    x, y, width = float(text.get("x", 0)), float(text.get("y", 0)), len(text.text or "")
    half = width * size * CHAR_WIDTH / 2
    return (x - half, y - size * 0.8, x + half, y + size * 0.25)


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def labels(svg: ET.Element) -> list[tuple[str, Box]]:
    """Every label line with its owner: a node's lines share the node's key."""
    found: list[tuple[str, Box]] = []
    for group in svg.iter(f"{SVG}g"):
        kind = group.get("class", "")
        if kind.startswith("node "):
            found += [
                (group.get("data-id", ""), text_box(t, 12.0)) for t in group.iter(f"{SVG}text")
            ]
        if kind == "edge-labels":
            size = float(group.get("font-size", "10"))
            found += [
                (f"edge-{k}", text_box(t, size)) for k, t in enumerate(group.iter(f"{SVG}text"))
            ]
    return found


def edge_points(edge: ET.Element) -> list[tuple[float, float]]:
    if edge.tag == f"{SVG}line":
        return [(float(edge.get("x1", 0)), float(edge.get("y1", 0))),
                (float(edge.get("x2", 0)), float(edge.get("y2", 0)))]  # fmt: skip
    n = [float(v) for v in re.findall(r"-?[\d.]+", edge.get("d", ""))]
    (ax, ay), (cx, cy), (bx, by) = (n[0], n[1]), (n[2], n[3]), (n[4], n[5])
    ts = [k / 40 for k in range(41)]
    return [((1 - t) ** 2 * ax + 2 * (1 - t) * t * cx + t * t * bx,
             (1 - t) ** 2 * ay + 2 * (1 - t) * t * cy + t * t * by) for t in ts]  # fmt: skip


def test_no_label_overlaps_another(picture) -> None:
    found = labels(picture)
    assert len(found) > 50
    clashes = [
        (a, b) for i, (a, box) in enumerate(found) for b, other in found[i + 1 :]
        if a != b and overlap(box, other)
    ]  # fmt: skip
    assert clashes == []


def test_no_edge_is_drawn_over_a_label(picture) -> None:
    """Labels lie on opaque grounds drawn after every edge: an edge that must pass one goes
    beneath it, and the text is never crossed by a line."""
    order = [g.get("class", "") for g in picture.findall(f"{SVG}g")]
    assert order.index("edges") < order.index("edge-labels") < order.index("nodes")
    for group in picture.iter(f"{SVG}g"):
        if group.get("class", "").startswith("node "):
            grounds = [r for r in group.findall(f"{SVG}rect") if r.get("class") == "label-ground"]
            assert len(grounds) == 1 and grounds[0].get("fill") == "#fff"
    edge_labels = next(g for g in picture.iter(f"{SVG}g") if g.get("class") == "edge-labels")
    assert len(edge_labels.findall(f"{SVG}rect")) == len(edge_labels.findall(f"{SVG}text"))


def test_edges_bend_around_other_nodes_labels(picture) -> None:
    """Straight, 27 of the 73 edges ran under some other node's label; bent where a bend finds
    a free way, 16 do (the rest leave the incident every person is tied to, ringed by labels):
    fewer than one in four."""
    grounds = {
        g.get("data-id", ""): tuple(float(r.get(k, 0)) for k in ("x", "y", "width", "height"))
        for g in picture.iter(f"{SVG}g")
        if g.get("class", "").startswith("node ")
        for r in g.findall(f"{SVG}rect")
        if r.get("class") == "label-ground"
    }
    boxes = {key: (x, y, x + w, y + h) for key, (x, y, w, h) in grounds.items()}
    edges = [
        e
        for e in picture.iter()
        if "edge " in (e.get("class") or "") and e.tag in (f"{SVG}line", f"{SVG}path")
    ]
    under = [
        e for e in edges
        if any(
            crosses(p, q, box)
            for key, box in boxes.items()
            if key not in (e.get("data-from"), e.get("data-to"))
            for p, q in pairwise(edge_points(e))
        )
    ]  # fmt: skip
    assert len(edges) > 60
    assert len(under) < len(edges) / 4, len(under)


def _clips(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Liang-Barsky for one segment and one box, written plainly: the reference."""
    (px, py), (dx, dy) = p, (q[0] - p[0], q[1] - p[1])
    low, high = 0.0, 1.0
    for step, room in (
        (-dx, px - box[0]),
        (dx, box[2] - px),
        (-dy, py - box[1]),
        (dy, box[3] - py),
    ):
        if step == 0:
            if room < 0:
                return False
            continue
        t = room / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
    return low <= high


coordinate = st.integers(-40, 40).map(float)
point = st.tuples(coordinate, coordinate)


@st.composite
def boxes(draw: st.DrawFn) -> Box:
    x, y = draw(coordinate), draw(coordinate)
    return (x, y, x + draw(st.integers(0, 30)), y + draw(st.integers(0, 30)))


@given(st.lists(st.tuples(point, point), min_size=1, max_size=12), st.lists(boxes(), max_size=8))
@settings(max_examples=300, deadline=None)
def test_clipping_only_the_pairs_whose_bounds_meet_finds_what_clipping_every_pair_finds(
    segments: list[tuple[tuple[float, float], tuple[float, float]]], found_boxes: list[Box]
) -> None:
    p = np.array([s[0] for s in segments], dtype=float)
    q = np.array([s[1] for s in segments], dtype=float)
    fast = _crossed(p, q, np.array(found_boxes, dtype=float).reshape(-1, 4))
    plain = [any(_clips(a, b, box) for box in found_boxes) for a, b in segments]
    assert fast.tolist() == plain
