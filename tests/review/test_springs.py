"""The pictures' spring layout is networkx's, to the last bit: the same positions for any graph,
number of steps and seed (so the report's pictures stay byte for byte what networkx gives)."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions.review.springs import SPARSE_FROM, spring_layout


@st.composite
def graphs(draw: st.DrawFn) -> nx.Graph:
    nodes = draw(st.integers(min_value=2, max_value=60))
    pairs = [(a, b) for a in range(nodes) for b in range(a + 1, nodes)]
    edges = draw(st.lists(st.sampled_from(pairs), max_size=3 * nodes, unique=True))
    graph = nx.Graph()
    graph.add_nodes_from(f"n{i:02d}" for i in range(nodes))
    graph.add_edges_from((f"n{a:02d}", f"n{b:02d}") for a, b in sorted(edges))
    return graph


def theirs(graph: nx.Graph, k: float, iterations: int, seed: int) -> dict[str, tuple[float, float]]:
    spots = nx.spring_layout(graph, k=k, iterations=iterations, seed=seed, method="force")
    return {key: (float(x), float(y)) for key, (x, y) in spots.items()}


@settings(max_examples=60, deadline=None)
@given(
    graph=graphs(),
    spread=st.floats(min_value=0.5, max_value=4.0),
    iterations=st.integers(min_value=1, max_value=120),
    seed=st.integers(min_value=0, max_value=2**31 - 1),
)
def test_positions_are_networkx_own(graph: nx.Graph, spread: float, iterations: int, seed: int):
    k = spread / graph.number_of_nodes() ** 0.5
    assert spring_layout(graph, k, iterations, seed) == theirs(graph, k, iterations, seed)


def test_a_layout_that_settles_ends_early_as_networkx_does() -> None:
    """Two nodes settle within a few steps: the early end is networkx's too."""
    graph = nx.path_graph(["a", "b", "c"])
    assert spring_layout(graph, 0.5, 3000, 7) == theirs(graph, 0.5, 3000, 7)


def test_a_large_part_takes_networkx_sparse_layout() -> None:
    graph = nx.cycle_graph([f"n{i:03d}" for i in range(SPARSE_FROM)])
    assert spring_layout(graph, 0.1, 2, 3) == theirs(graph, 0.1, 2, 3)
