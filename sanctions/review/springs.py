"""networkx's spring layout, the same positions to the last bit in half the time.

A report's pictures of a thousand people lay out a dozen parts of some two hundred nodes each,
and networkx's force-directed (Fruchterman-Reingold) loop spent most of its time on arrays
whose last axis has two elements: the pairs' offsets, and their lengths taken by
``numpy.linalg.norm`` over that axis. Here the lengths are ``sqrt(dx * dx + dy * dy)``, which
is what ``norm`` computes over two elements, in the same order, and the offsets are written
axis by axis; everything else is networkx's own arithmetic in networkx's order, so the
positions are identical (``tests/review/test_springs.py`` holds them to networkx's). Parts of
500 nodes or more take networkx's own sparse layout, as ``spring_layout`` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import networkx as nx  # type: ignore[import-untyped, unused-ignore]

SPARSE_FROM = 500  # nodes: networkx lays out a graph this large with sparse matrices instead
THRESHOLD = 1e-4  # networkx's default: a step this small per node ends the layout early


def spring_layout(
    graph: nx.Graph, k: float, iterations: int, seed: int
) -> dict[str, tuple[float, float]]:
    """``nx.spring_layout(graph, k=k, iterations=iterations, seed=seed, method="force")``."""
    import networkx as nx  # here: an export's report imports it on its own core (``drawing``)

    if graph.number_of_nodes() >= SPARSE_FROM or graph.number_of_nodes() < 2:
        spots = nx.spring_layout(graph, k=k, iterations=iterations, seed=seed, method="force")
        return {key: (float(x), float(y)) for key, (x, y) in spots.items()}
    adjacency = nx.to_numpy_array(graph, weight="weight")
    start = np.asarray(np.random.RandomState(seed).rand(len(adjacency), 2), dtype=float)
    positions = nx.rescale_layout(_forces(adjacency, k, start, iterations), scale=1) + np.zeros(2)
    return {key: (float(x), float(y)) for key, (x, y) in zip(graph, positions, strict=True)}


def _forces(adjacency: np.ndarray, k: float, pos: np.ndarray, iterations: int) -> np.ndarray:
    """networkx's ``_fruchterman_reingold`` (no fixed nodes), its arrays built faster."""
    nodes = len(adjacency)
    pos = pos.astype(adjacency.dtype)
    t = max(max(pos.T[0]) - min(pos.T[0]), max(pos.T[1]) - min(pos.T[1])) * 0.1
    dt = t / (iterations + 1)
    delta = np.empty((nodes, nodes, 2), dtype=adjacency.dtype)
    for _ in range(iterations):
        dx, dy = delta[:, :, 0], delta[:, :, 1]
        np.subtract(pos[:, 0, np.newaxis], pos[np.newaxis, :, 0], out=dx)
        np.subtract(pos[:, 1, np.newaxis], pos[np.newaxis, :, 1], out=dy)
        distance = np.sqrt(dx * dx + dy * dy)
        np.clip(distance, 0.01, None, out=distance)
        displacement = np.einsum(
            "ijk,ij->ik", delta, (k * k / distance**2 - adjacency * distance / k)
        )
        length = np.sqrt(displacement[:, 0] ** 2 + displacement[:, 1] ** 2)
        length = np.clip(length, a_min=0.01, a_max=None)
        delta_pos = np.einsum("ij,i->ij", displacement, t / length)
        pos += delta_pos
        t -= dt
        if (np.linalg.norm(delta_pos) / nodes) < THRESHOLD:
            break
    result: np.ndarray = pos
    return result
