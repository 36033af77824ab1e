"""How a network is drawn: where its nodes go and what the SVG says.

networkx places the nodes: each connected part by a spring layout with a fixed seed (so the
same list gives the same picture), the parts packed side by side. Then each node with its label
takes the nearest free cell of a grid whose cells fit the widest label, so that no two labels
overlap, and each edge's label the spot along it that covers the fewest others. Coordinates are
rounded before they are written; kinds of node and edge are styled from the tables below.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from sanctions.review.springs import spring_layout
from sanctions.review.svg import element, num, root, text_width, to_text, wrap

if TYPE_CHECKING:
    import networkx as nx  # type: ignore[import-untyped, unused-ignore]

SEED = 20240611  # the layout's random start: fixed, so that runs give the same bytes
ITERATIONS = 300
# A part larger than this gets fewer iterations, so that its layout costs no more than one of
# this size (a layout's cost grows with the square of its nodes); never fewer than networkx's
# default of 50. The default list's parts are all smaller.
FULL_LAYOUT_NODES = 100
SPREAD = 2.2  # the layout's ideal edge length, times networkx's default (1 / sqrt(nodes))
CELLS_PER_NODE = 1.8  # room in the grid the nodes are placed on, so it keeps the layout's shape
RINGS_AFTER = 2  # rings of cells searched beyond the first with a free cell
MIN_SIDE = 640.0
MARGIN = 24.0
LABEL_SIZE = 12.0
LINE = 14.0  # label line height
EDGE_LABEL_SIZE = 10.0
PAD = 10.0  # space kept between two nodes' boxes
PARALLEL_GAP = 5.0  # between two edges that join the same two nodes
# Where along an edge (from the person) its label may sit, in order of preference: the first
# that covers no other label. Edges meet at busy incidents, so the middle is often taken.
LABEL_SPOTS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8)
Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class NodeStyle:
    legend: str
    fill: str
    shape: str  # circle, square, diamond
    radius: float
    label_width: int  # characters a label line may hold
    label_lines: int
    stroke: str = "#333"
    dash: str | None = None


@dataclass(frozen=True)
class EdgeStyle:
    legend: str
    stroke: str
    dash: str | None = None
    arrow: bool = False


# Each kind of node and edge as the picture draws it, in the legend's order. A person's style
# is chosen by status, an incident's by whether it is confidential.
NODES: dict[str, NodeStyle] = {
    "person-proposed": NodeStyle("Person, proposed", "#1f6fb4", "circle", 9.0, 22, 2),
    "person-research": NodeStyle("Person, research", "#9cc3e6", "circle", 9.0, 22, 2),
    "person-withdrawn": NodeStyle("Person, withdrawn", "#c8c8c8", "circle", 9.0, 22, 2),
    "organisation": NodeStyle("Organisation", "#3c9a4a", "square", 9.0, 24, 3),
    "incident": NodeStyle("Incident", "#d9822b", "diamond", 10.0, 26, 3),
    "incident-confidential": NodeStyle(
        "Incident, CONFIDENTIAL", "#d9822b", "diamond", 10.0, 26, 3, "#b00020", "3 2"
    ),
    "relative": NodeStyle("Relative or associate not on the list", "#b58fd1", "circle", 6.0, 22, 2),
}
EDGES: dict[str, EdgeStyle] = {
    "post": EdgeStyle("Post held (person to organisation)", "#8a8a8a"),
    "involvement": EdgeStyle("Involvement (labelled with the role)", "#c0392b"),
    "relation": EdgeStyle("Family tie or associate (arrow: “is … of”)", "#7d3c98", "5 4", True),
    "parent": EdgeStyle("Part of (to the parent body)", "#8a8a8a", "2 3", True),
    "shared": EdgeStyle("Persons tied to the same incidents (labelled with how many)", "#c0392b"),
}


@dataclass
class Node:
    key: str
    style: str  # a key of NODES
    label: str
    tooltip: str
    href: str | None = None


@dataclass
class Edge:
    a: str
    b: str
    style: str  # a key of EDGES
    labels: list[str] = field(default_factory=list)


@dataclass
class Network:
    """Nodes and edges before layout, keyed so that the layout sees them in a fixed order."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def add(self, node: Node) -> None:
        self.nodes.setdefault(node.key, node)

    def link(self, a: str, b: str, style: str, label: str = "") -> None:
        edge = self.edges.setdefault((a, b, style), Edge(a, b, style))
        if label and label not in edge.labels:
            edge.labels.append(label)


def _layout(net: Network, cell: tuple[float, float]) -> tuple[list[str], np.ndarray]:
    """The nodes (sorted by key) and where they should go, in pixels: each connected part laid
    out on its own by a seeded spring layout, sized by its node count, and the parts packed in
    columns, largest first (one layout of them all would scatter the small parts far apart).
    networkx is imported here, not with the module: an export draws its report on the other
    core, and the process that builds the packages never needs it."""
    import networkx as nx

    keys = sorted(net.nodes)
    graph = nx.Graph()
    graph.add_nodes_from(keys)
    graph.add_edges_from(sorted((e.a, e.b) for e in net.edges.values()))
    parts = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    placed: dict[str, tuple[float, float]] = {}
    sides = [math.sqrt(CELLS_PER_NODE * len(part) * cell[0] * cell[1]) for part in parts]
    # columns of parts, no taller than the largest part (or a square of them all, if taller)
    tallest = max(sides[0], math.sqrt(sum((s + cell[0]) * (s + cell[1]) for s in sides)))
    x = y = column = 0.0
    for part, side in zip(parts, sides, strict=True):
        if y > 0 and y + side > tallest:
            x, y, column = x + column + cell[0], 0.0, 0.0
        spots = _spring(graph.subgraph(part))
        for key in part:
            px, py = spots[key]
            placed[key] = (x + (px + 1) * side / 2, y + (py + 1) * side / 2)
        y += side + cell[1]
        column = max(column, side)
    return keys, np.array([placed[k] for k in keys], dtype=float)


def _spring(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """A connected part's positions in [-1, 1] from networkx's spring layout (seeded; computed
    as ``springs`` computes it, to the same bits)."""
    import networkx as nx

    if graph.number_of_nodes() == 1:
        return {key: (0.0, 0.0) for key in graph.nodes}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in graph.edges))
    return spring_layout(
        ordered,
        k=SPREAD / math.sqrt(ordered.number_of_nodes()),
        iterations=_iterations(ordered.number_of_nodes()),
        seed=SEED,
    )


def _iterations(nodes: int) -> int:
    if nodes <= FULL_LAYOUT_NODES:
        return ITERATIONS
    return max(50, int(ITERATIONS * (FULL_LAYOUT_NODES / nodes) ** 2))


def _label_lines(node: Node) -> list[str]:
    style = NODES[node.style]
    return wrap(node.label, style.label_width, style.label_lines)


def _box(node: Node) -> tuple[float, float]:
    """(width, height) of a node with its label below it."""
    style = NODES[node.style]
    lines = _label_lines(node)
    width = max(2 * style.radius, *(text_width(line, LABEL_SIZE) for line in lines))
    return width + PAD, 2 * style.radius + 4 + LINE * len(lines) + PAD


def _snap(wanted: np.ndarray, cell: tuple[float, float], order: list[int]) -> np.ndarray:
    """Each node in a cell of its own of a grid whose cells fit the widest label (odd rows
    shifted by half a cell, so that neighbours are rarely in line): the free cell nearest to
    where the layout wanted it, nodes taking their cells in ``order``. Labels then never
    overlap, and the picture keeps the layout's shape."""
    width, height = cell
    taken: set[tuple[int, int]] = set()
    out = np.zeros_like(wanted)
    for i in order:
        x, y = float(wanted[i][0]), float(wanted[i][1])
        home_row = round(y / height)
        best: tuple[float, int, int] | None = None
        ring, last = 0, None
        while last is None or ring <= last:
            for row in range(home_row - ring, home_row + ring + 1):
                shift = width / 2 if row % 2 else 0.0
                home_col = round((x - shift) / width)
                for col in range(home_col - ring, home_col + ring + 1):
                    edge = max(abs(row - home_row), abs(col - home_col)) == ring
                    if not edge or (row, col) in taken:
                        continue
                    found = ((col * width + shift - x) ** 2 + (row * height - y) ** 2, row, col)
                    best = found if best is None or found < best else best
            if best is not None and last is None:
                last = ring + RINGS_AFTER  # a later ring may hold a nearer cell (rows are closer)
            ring += 1
        assert best is not None
        _, row, col = best
        taken.add((row, col))
        out[i] = (col * width + (width / 2 if row % 2 else 0.0), row * height)
    return out


def _shape(parent: ET.Element, style: NodeStyle, x: float, y: float) -> None:
    r = style.radius
    common = {
        "fill": style.fill,
        "stroke": style.stroke,
        "stroke_width": 1.5,
        "stroke_dasharray": style.dash,
    }
    if style.shape == "circle":
        element(parent, "circle", cx=x, cy=y, r=r, **common)
    elif style.shape == "square":
        element(parent, "rect", x=x - r, y=y - r, width=2 * r, height=2 * r, rx=2.0, **common)
    else:
        points = ((x, y - r - 2), (x + r + 2, y), (x, y + r + 2), (x - r - 2, y))
        element(
            parent, "polygon", points=" ".join(f"{px:.1f},{py:.1f}" for px, py in points), **common
        )


# A notice's line: its height, and its letters' size (bold, in the confidential badge's red).
NOTICE_ROW = 18.0
NOTICE_COLOUR = "#a00"


def _notice(svg: ET.Element | None, notice: str, width: float) -> float:
    """The notice at the top, wrapped to the canvas width (drawn when ``svg`` is given);
    returns the height it takes."""
    if not notice:
        return 0.0
    per_line = max(20, int((width - 2 * MARGIN) / text_width("x", LABEL_SIZE)))
    lines = wrap(notice, per_line, 4)
    if svg is not None:
        group = element(
            svg, "g", class_="notice", font_size=LABEL_SIZE, font_weight="bold",
            fill=NOTICE_COLOUR,
        )  # fmt: skip
        for i, line in enumerate(lines):
            element(group, "text", line, x=MARGIN, y=MARGIN + LABEL_SIZE + i * NOTICE_ROW)
    return len(lines) * NOTICE_ROW + MARGIN / 2


def _legend(
    svg: ET.Element, nodes: list[str], edges: list[str], width: float, top: float = MARGIN
) -> float:
    """The legend from ``top``, wrapped to the canvas width; returns its height."""
    group = element(svg, "g", class_="legend", font_size=LABEL_SIZE, fill="#222")
    x, y, row = MARGIN, top, 22.0
    items: list[tuple[str, str]] = [("node", k) for k in nodes] + [("edge", k) for k in edges]
    for kind, key in items:
        text = NODES[key].legend if kind == "node" else EDGES[key].legend
        need = 30 + text_width(text, LABEL_SIZE) + 18
        if x + need > width - MARGIN and x > MARGIN:
            x, y = MARGIN, y + row
        item = element(group, "g", class_=f"legend-{kind}")
        if kind == "node":
            _shape(item, NODES[key], x + 10, y)
        else:
            edge = EDGES[key]
            element(
                item,
                "line",
                x1=x,
                y1=y,
                x2=x + 22,
                y2=y,
                stroke=edge.stroke,
                stroke_width=2.0,
                stroke_dasharray=edge.dash,
            )
        element(item, "text", text, x=x + 30, y=y + 4)
        x += need
    return y + row - top


def _arrow(svg: ET.Element, style: str) -> None:
    defs = element(svg, "defs")
    marker = element(
        defs, "marker", id=f"arrow-{style}", viewBox="0 0 10 10", refX=9, refY=5,
        markerWidth=7, markerHeight=7, orient="auto-start-reverse",
    )  # fmt: skip
    element(marker, "path", d="M 0 0 L 10 5 L 0 10 z", fill=EDGES[style].stroke)


def draw(net: Network, title: str, notice: str = "") -> str:
    """The network as a standalone SVG document, with ``notice`` above it: a file opened on its
    own (sent, attached) says what it is, as the report's pages do."""
    if not net.nodes:
        head = _notice(None, notice, MIN_SIDE)
        svg = root(MIN_SIDE, 80.0 + head, title)
        _notice(svg, notice, MIN_SIDE)
        element(
            svg, "text", "Nothing to draw: no person.", x=MARGIN, y=40.0 + head,
            font_size=LABEL_SIZE,
        )  # fmt: skip
        return to_text(svg)
    keys = sorted(net.nodes)
    nodes = [net.nodes[k] for k in keys]
    sizes = np.array([_box(n) for n in nodes], dtype=float)
    cell = (float(sizes[:, 0].max()), float(sizes[:, 1].max()))
    keys, wanted = _layout(net, cell)
    degree = {k: 0 for k in keys}
    for edge in net.edges.values():
        degree[edge.a] += 1
        degree[edge.b] += 1
    order = sorted(range(len(keys)), key=lambda i: (-degree[keys[i]], keys[i]))
    # the shape's centre: the label hangs below it, so a box's centre sits lower
    radius = np.array([NODES[n.style].radius for n in nodes])
    centres = _snap(wanted, cell, order)
    centres[:, 1] -= cell[1] / 2 - radius - PAD / 2
    node_kinds = [k for k in NODES if any(n.style == k for n in nodes)]
    edge_kinds = [k for k in EDGES if any(e.style == k for e in net.edges.values())]
    left = float((centres[:, 0] - sizes[:, 0] / 2).min())
    right = float((centres[:, 0] + sizes[:, 0] / 2).max())
    top = float((centres[:, 1] - radius).min())
    bottom = float((centres[:, 1] - radius + sizes[:, 1]).max())
    width = max(right - left + 2 * MARGIN, MIN_SIDE)
    head = _notice(None, notice, width)
    probe = root(width, 0, title)  # the legend's height depends on the width only
    legend_height = _legend(probe, node_kinds, edge_kinds, width, MARGIN + head)
    offset_x = MARGIN - left + (width - 2 * MARGIN - (right - left)) / 2
    offset_y = head + MARGIN + legend_height + MARGIN - top
    height = bottom - top + head + legend_height + 3 * MARGIN
    at = {
        k: (float(c[0]) + offset_x, float(c[1]) + offset_y)
        for k, c in zip(keys, centres, strict=True)
    }

    svg = root(width, height, title)
    svg.set("class", "network")
    element(svg, "rect", x=0.0, y=0.0, width=width, height=height, fill="#fff")
    _notice(svg, notice, width)
    for style in edge_kinds:
        if EDGES[style].arrow:
            _arrow(svg, style)
    _legend(svg, node_kinds, edge_kinds, width, MARGIN + head)
    lines = element(svg, "g", class_="edges")
    labels = element(
        svg, "g", class_="edge-labels", font_size=EDGE_LABEL_SIZE, text_anchor="middle"
    )
    # what an edge's label must not cover: every node with its label, and the labels placed
    boxes = [
        (x - w / 2, y - r - 2, x + w / 2, y - r + h - PAD)
        for (x, y), (w, h), r in zip(at.values(), sizes.tolist(), radius.tolist(), strict=True)
    ]
    # what an edge should not pass through: every other node's shape and label
    number = {key: i for i, key in enumerate(at)}
    owners = np.repeat(np.arange(len(at)), 2)
    avoid = np.array([box for key in at for box in _node_boxes(net.nodes[key], at[key])])
    ordered = sorted(net.edges.values(), key=lambda e: (e.a, e.b, e.style))
    # two kinds of tie between the same pair (a post and a relation …) are drawn side by side
    between: dict[frozenset[str], list[Edge]] = {}
    for edge in ordered:
        between.setdefault(frozenset((edge.a, edge.b)), []).append(edge)
    for edge in ordered:
        twins = between[frozenset((edge.a, edge.b))]
        shift = (twins.index(edge) - (len(twins) - 1) / 2) * PARALLEL_GAP
        others = avoid[(owners != number[edge.a]) & (owners != number[edge.b])]
        _edge(lines, labels, edge, at, net, boxes, shift, others)
    group = element(svg, "g", class_="nodes", font_size=LABEL_SIZE, text_anchor="middle")
    for node in nodes:
        _node(group, node, at[node.key])
    return to_text(svg)


def _label_spot(
    text: str, point_at: Callable[[float], tuple[float, float]], boxes: list[Box]
) -> tuple[float, float] | None:
    """Where along an edge (``point_at(t)``, t from 0 to 1) its label covers no node, label or
    edge label (the first such of ``LABEL_SPOTS``), or None when every spot covers one; the
    spot taken is added to ``boxes``."""
    width, height = text_width(text, EDGE_LABEL_SIZE) + 4, EDGE_LABEL_SIZE + 2
    taken = np.array(boxes, dtype=float).reshape(-1, 4)
    best: tuple[int, float, float] | None = None
    for t in LABEL_SPOTS:
        x, y = point_at(t)
        covered = int(
            (
                (taken[:, 0] < x + width / 2)
                & (taken[:, 2] > x - width / 2)
                & (taken[:, 1] < y + height / 2)
                & (taken[:, 3] > y - height / 2)
            ).sum()
        )
        if best is None or covered < best[0]:
            best = (covered, x, y)
        if covered == 0:
            break
    assert best is not None
    covered, x, y = best
    if covered:
        return None  # no free spot: the label stays in the edge's tooltip, covering nothing
    boxes.append((x - width / 2, y - height / 2, x + width / 2, y + height / 2))
    return x, y


def _edge(
    lines: ET.Element,
    labels: ET.Element,
    edge: Edge,
    at: Mapping[str, tuple[float, float]],
    net: Network,
    boxes: list[Box],
    shift: float = 0.0,
    others: np.ndarray | None = None,
) -> None:
    """One edge; ``shift``: how far to draw it beside the line between the nodes' centres;
    ``others``: the other nodes' shapes and labels, which it bends around where it can."""
    style = EDGES[edge.style]
    (ax, ay), (bx, by) = at[edge.a], at[edge.b]
    length = math.hypot(bx - ax, by - ay) or 1.0
    ux, uy = (bx - ax) / length, (by - ay) / length
    # always the same side, whichever way the edge runs
    side = 1.0 if (edge.a < edge.b) else -1.0
    ax, ay = ax - uy * shift * side, ay + ux * shift * side
    bx, by = bx - uy * shift * side, by + ux * shift * side
    bend = _bend((ax, ay), (bx, by), others if others is not None else np.empty((0, 4)))
    cx, cy = (ax + bx) / 2 - uy * bend, (ay + by) / 2 + ux * bend
    # start and end at the shapes' edges (along the curve's tangents), so that an arrow head
    # is not hidden under a node
    ra = NODES[net.nodes[edge.a].style].radius + 2
    rb = NODES[net.nodes[edge.b].style].radius + 3
    sx, sy = _towards((ax, ay), (cx, cy), ra)
    ex, ey = _towards((bx, by), (cx, cy), rb)
    if bend == 0:
        line = element(
            lines, "line", class_=f"edge {edge.style}", x1=sx, y1=sy, x2=ex, y2=ey,
            stroke=style.stroke, stroke_width=1.6, stroke_dasharray=style.dash,
            marker_end=f"url(#arrow-{edge.style})" if style.arrow else None,
        )  # fmt: skip
    else:
        line = element(
            lines, "path", class_=f"edge {edge.style}",
            d=f"M {num(sx)} {num(sy)} Q {num(cx)} {num(cy)} {num(ex)} {num(ey)}", fill="none",
            stroke=style.stroke, stroke_width=1.6, stroke_dasharray=style.dash,
            marker_end=f"url(#arrow-{edge.style})" if style.arrow else None,
        )  # fmt: skip
    line.set("data-from", edge.a)
    line.set("data-to", edge.b)
    element(
        line,
        "title",
        f"{net.nodes[edge.a].label} – {net.nodes[edge.b].label}: {'; '.join(edge.labels) or edge.style}",
    )
    if not edge.labels:
        return
    words = "; ".join(edge.labels)
    spot = _label_spot(words, lambda t: _on_curve((ax, ay), (cx, cy), (bx, by), t), boxes)
    if spot is None:
        return
    x, y = spot
    width = text_width(words, EDGE_LABEL_SIZE) + 4
    # an opaque ground: no edge shows through a label
    element(
        labels, "rect", x=x - width / 2, y=y - EDGE_LABEL_SIZE / 2 - 1, width=width,
        height=EDGE_LABEL_SIZE + 2, fill="#fff",
    )  # fmt: skip
    text = element(
        labels, "text", words, x=x, y=y + EDGE_LABEL_SIZE / 2 - 1,
        fill=style.stroke, stroke="#fff", stroke_width=3.0, paint_order="stroke",
    )  # fmt: skip
    text.set("class", f"edge-label {edge.style}")


# How far (pixels) an edge's middle may be pulled aside to pass around other nodes' labels,
# in order of preference.
BENDS = (
    0.0,
    *(s * d for d in (30.0, 60.0, 90.0, 120.0, 160.0, 200.0, 250.0, 300.0) for s in (1, -1)),
)
SAMPLES = 24  # points along a curve when testing what it passes through
_BENDS = np.array(BENDS)
# The quadratic curve's weights at each sample (made once): start, pulled-aside middle, end.
_T = np.linspace(0.0, 1.0, SAMPLES + 1)[None, :, None]
_AT_START, _AT_MIDDLE, _AT_END = (1 - _T) ** 2, 2 * (1 - _T) * _T, _T**2


def _bend(a: tuple[float, float], b: tuple[float, float], others: np.ndarray) -> float:
    """The first of ``BENDS`` whose curve passes through none of ``others`` (boxes, one per
    row); else the one through fewest. Every bend is tested at once."""
    if not len(others):
        return 0.0
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    start, end = np.array(a), np.array(b)
    middle = (start + end) / 2 + _BENDS[:, None] * np.array([-uy, ux])  # one per bend
    points = _AT_START * start + _AT_MIDDLE * middle[:, None, :] + _AT_END * end
    low, high = points.reshape(-1, 2).min(axis=0), points.reshape(-1, 2).max(axis=0)
    near = others[
        (others[:, 0] <= high[0])
        & (others[:, 2] >= low[0])
        & (others[:, 1] <= high[1])
        & (others[:, 3] >= low[1])
    ]
    if not len(near):
        return 0.0
    p, q = points[:, :-1].reshape(-1, 2), points[:, 1:].reshape(-1, 2)
    hits = _crossed(p, q, near).reshape(len(BENDS), SAMPLES).sum(axis=1)
    return float(BENDS[int(np.argmin(hits))])  # argmin: the first of the fewest


def _on_curve(
    a: tuple[float, float], c: tuple[float, float], b: tuple[float, float], t: float
) -> tuple[float, float]:
    """The point at ``t`` of the quadratic curve from ``a`` to ``b`` pulled towards ``c``."""
    u = 1 - t
    return (
        u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
        u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
    )


def _towards(
    a: tuple[float, float], c: tuple[float, float], distance: float
) -> tuple[float, float]:
    length = math.hypot(c[0] - a[0], c[1] - a[1]) or 1.0
    return a[0] + (c[0] - a[0]) / length * distance, a[1] + (c[1] - a[1]) / length * distance


def crosses(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Whether the segment from ``p`` to ``q`` passes through ``box``."""
    return bool(
        _crossed(np.array([p], dtype=float), np.array([q], dtype=float), np.array([box]))[0]
    )


def _crossed(p: np.ndarray, q: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """For each segment ``p[i]``–``q[i]``, whether it passes through any of ``boxes``
    (Liang-Barsky, every segment against every box at once: a picture of a thousand people
    has tens of thousands of segment and box pairs per edge). Only the pairs whose bounding
    boxes meet are clipped: a curve's short segments meet few boxes."""
    out = np.zeros(len(p), dtype=bool)
    if not len(boxes) or not len(p):
        return out
    low_x, high_x = np.minimum(p[:, 0], q[:, 0]), np.maximum(p[:, 0], q[:, 0])
    low_y, high_y = np.minimum(p[:, 1], q[:, 1]), np.maximum(p[:, 1], q[:, 1])
    segment, box = np.nonzero(
        (low_x[:, None] <= boxes[:, 2])
        & (high_x[:, None] >= boxes[:, 0])
        & (low_y[:, None] <= boxes[:, 3])
        & (high_y[:, None] >= boxes[:, 1])
    )
    if not len(segment):
        return out
    start, near = p[segment], boxes[box]
    dx = q[segment, 0] - start[:, 0]
    dy = q[segment, 1] - start[:, 1]
    low, high = np.zeros(len(segment)), np.ones(len(segment))
    inside = np.ones(len(segment), dtype=bool)
    for step, room in (
        (-dx, start[:, 0] - near[:, 0]),
        (dx, near[:, 2] - start[:, 0]),
        (-dy, start[:, 1] - near[:, 1]),
        (dy, near[:, 3] - start[:, 1]),
    ):
        inside &= ~((step == 0) & (room < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            t = room / step
        low = np.where(step < 0, np.maximum(low, t), low)
        high = np.where(step > 0, np.minimum(high, t), high)
    inside &= low <= high
    out[segment[inside]] = True
    return out


def _node_boxes(node: Node, where: tuple[float, float]) -> tuple[Box, Box]:
    """The node's shape and its label, as boxes."""
    x, y = where
    style = NODES[node.style]
    r = style.radius
    lines = _label_lines(node)
    width = max(text_width(line, LABEL_SIZE) for line in lines) + 4
    first = y + r + 4 + LABEL_SIZE
    label = (x - width / 2, first - LABEL_SIZE, x + width / 2, first + LINE * (len(lines) - 1) + 4)
    return (x - r, y - r, x + r, y + r), label


def _node(parent: ET.Element, node: Node, where: tuple[float, float]) -> None:
    x, y = where
    style = NODES[node.style]
    holder = parent
    if node.href is not None:
        holder = element(parent, "a", href=node.href)
    group = element(holder, "g", class_=f"node {node.style}")
    group.set("data-id", node.key)
    element(group, "title", node.tooltip)
    _shape(group, style, x, y)
    first = y + style.radius + 4 + LABEL_SIZE
    lines = _label_lines(node)
    _, (left, top, right, bottom) = _node_boxes(node, where)
    # an opaque ground under the label: an edge that must pass it, drawn before, goes beneath
    element(
        group, "rect", x=left, y=top, width=right - left, height=bottom - top, fill="#fff",
        class_="label-ground",
    )  # fmt: skip
    for i, line in enumerate(lines):
        element(
            group, "text", line, x=x, y=first + i * LINE, fill="#111",
            stroke="#fff", stroke_width=3.0, paint_order="stroke",
        )  # fmt: skip
