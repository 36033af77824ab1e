"""Candidate generation: which reference entities are worth scoring for each query.

nomenklatura's blocker matches exact name parts, so ``Iwanow`` never meets ``Ivanov`` unless
another token happens to overlap, and German ``Jurij Schtschukin`` never meets ``Yuriy
Shchukin``. Here every name is read under each romanisation system (``common/romanise.py``),
and each reading gives two spellings of the name, part by part:

* ``r``: the canonical reading (``iuri shchukin``), exact up to the spelling system;
* ``k``: its skeleton (``r skn``), which survives Belarusian vowels and ``-ou`` endings.

A candidate must share a *pair* of parts of one spelling with the query: two full parts, or
(``r`` only) one full part and the initial of another, which is how ``I. I. Ivanov`` is found.
A full birth date counts as a part of every spelling, so that a person whose given name is in
another language's form (``Kaciaryna`` for ``Ekaterina``) is still found by surname and
birth date, as nomenklatura's index finds them. A pair is far more selective than a single
part when a million entities share a few dozen common surnames, and it survives a missing
patronymic or a changed word order. Each shared pair counts by its rarity (IDF); the best
``limit`` candidates per query go on to the scorer.

Reference names are read under every system only where a part reads differently (a German
``Schewtschenko`` on a Swiss list); the canonical reading of a reference is its English one.
Everything runs on Arrow and numpy arrays over *distinct* tokens: a token is read once
however many names it is in, and keys are integers from the query vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.common.romanise import (
    ascii_array,
    read_all,
    skeleton_array,
)

# Pairs shared by more reference entities than this say nothing about identity.
MAX_BUCKET = 5_000
# How far apart two parts of one name may be to form a pair (names rarely have more parts).
MAX_DISTANCE = 5
FULL_PAIR_WEIGHT = 2.0
SKELETON_PAIR_WEIGHT = 1.0
INITIAL_PAIR_WEIGHT = 1.0
_LETTERS = pa.array(list("abcdefghijklmnopqrstuvwxyz"))
_SPLIT = r"[^\p{L}]+"
_NONE = np.zeros(0, np.int64)


@dataclass
class Spellings:
    """The names of many owners, split into parts, with every part's readings.

    Per occurrence of a part: its ``owner``, which ``name`` it is in, and ``token``, the index
    of its distinct form. Per distinct form: its reading and skeleton under each system,
    whether it is Latin (else it has one reading), and the letter it starts with.
    """

    owner: np.ndarray
    name: np.ndarray
    token: np.ndarray
    readings: dict[str, pa.Array]
    skeletons: dict[str, pa.Array]
    initial: pa.Array
    births: pd.DataFrame  # owner, date: the full birth dates of the owners
    owners: int


def spell(owners: np.ndarray, names: pa.Array, births: pd.DataFrame, count: int) -> Spellings:
    """Split each name (owned by ``owners[i]``, of ``count`` owners) into parts and read every
    distinct part. ``births`` has the owners' full birth dates (columns owner, date)."""
    lists = pc.split_pattern_regex(pc.utf8_lower(names.cast(pa.string())), _SPLIT)
    parent = pc.list_parent_indices(lists).to_numpy()
    raw = pc.list_flatten(lists).cast(pa.string())
    keep = pc.greater(pc.utf8_length(raw), 0)
    raw, parent = raw.filter(keep), parent[keep.to_numpy(zero_copy_only=False)]
    distinct = pc.unique(raw)
    positions = pc.index_in(raw, value_set=distinct).to_numpy()
    ascii = ascii_array(distinct)
    cyrillic = pc.match_substring_regex(distinct, r"[\x{0400}-\x{052F}]")
    readings = read_all(ascii, cyrillic)
    return Spellings(
        owner=np.asarray(owners, np.int64)[parent] if len(parent) else _NONE,
        name=parent.astype(np.int64),
        token=positions.astype(np.int64),
        readings=readings,
        skeletons={s: skeleton_array(r) for s, r in readings.items()},
        initial=pc.utf8_lower(pc.utf8_slice_codeunits(ascii, 0, 1)),
        births=births,
        owners=count,
    )


def _ids(keys: pa.Array, vocabulary: pa.Array) -> np.ndarray:
    """Each key's index in the vocabulary, or -1 (also for an empty key)."""
    ids = pc.index_in(keys, value_set=vocabulary)
    ids = pc.if_else(pc.greater(pc.utf8_length(keys), 0), ids, None)
    return np.asarray(pc.fill_null(ids, -1).to_numpy(), dtype=np.int64)


def vocabulary(queries: Spellings) -> pa.Array:
    """Every key the queries have: readings and skeletons (prefixed), and birth dates."""
    parts = [
        pc.binary_join_element_wise(prefix, array, "")
        for arrays, prefix in ((queries.readings, "r:"), (queries.skeletons, "k:"))
        for array in arrays.values()
    ]
    return pc.unique(
        pa.concat_arrays([*(p.cast(pa.string()) for p in parts), _date_keys(queries.births)])
    )


def _date_keys(births: pd.DataFrame) -> pa.Array:
    """The vocabulary keys of full birth dates; none (not a type error) when no one has one."""
    return pa.array([f"d:{date}" for date in births["date"]], pa.string())


@dataclass
class _Encoded:
    """One row per part of one spelling of one name; ``unit`` identifies the spelling."""

    owner: np.ndarray
    unit: np.ndarray
    full: np.ndarray  # id in the vocabulary, or -1
    initial: np.ndarray  # id of the part's initial (after the vocabulary), or -1
    weight: np.ndarray  # the weight of a full pair in this spelling


def _encode(spellings: Spellings, vocab: pa.Array, every_system: bool) -> _Encoded:
    """Integer rows for each spelling of each name.

    ``every_system``: spell each name under every system (the queries'); otherwise under the
    English-language reading, plus, for skeletons, another system only where it changes a part.
    """
    n_names = int(spellings.name.max()) + 1 if len(spellings.name) else 0
    blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]] = []
    letters = pc.index_in(spellings.initial, value_set=_LETTERS)
    initial = pc.fill_null(letters, -1).to_numpy().astype(np.int64)
    initial = np.where(initial >= 0, initial + len(vocab), -1)
    english_skeleton = spellings.skeletons["en"]
    unit_base = skeleton_base = 0
    for channel, arrays, pair_weight in (
        ("r", spellings.readings, FULL_PAIR_WEIGHT),
        ("k", spellings.skeletons, SKELETON_PAIR_WEIGHT),
    ):
        for system, array in arrays.items():
            if system != "en" and not every_system and channel == "r":
                continue
            keys = pc.binary_join_element_wise(f"{channel}:", array, "").cast(pa.string())
            ids = _ids(keys, vocab)[spellings.token]
            rows = np.arange(len(spellings.token))
            if system != "en" and not every_system:
                differs = pc.not_equal(array, english_skeleton).to_numpy(zero_copy_only=False)
                changed = np.zeros(n_names, bool)
                changed[spellings.name[differs[spellings.token]]] = True
                rows = rows[changed[spellings.name]]
            first = initial[spellings.token[rows]] if channel == "r" else np.full(len(rows), -1)
            if (channel, system) == ("k", "en"):
                skeleton_base = unit_base
            blocks.append((rows, spellings.name[rows] + unit_base, ids[rows], first, pair_weight))
            unit_base += n_names
    owner = np.concatenate([spellings.owner[b[0]] for b in blocks]) if blocks else _NONE
    unit = np.concatenate([b[1] for b in blocks]) if blocks else _NONE
    full = np.concatenate([b[2] for b in blocks]) if blocks else _NONE
    first = np.concatenate([b[3] for b in blocks]) if blocks else _NONE
    weight = np.concatenate([np.full(len(b[0]), b[4]) for b in blocks]) if blocks else np.zeros(0)
    # A full birth date is one more part of the English-language skeleton of every name.
    dated = _dated(spellings, vocab, n_names)
    owner = np.concatenate([dated["owner"].to_numpy(np.int64), owner])
    unit = np.concatenate([dated["name"].to_numpy(np.int64) + skeleton_base, unit])
    full = np.concatenate([dated["id"].to_numpy(np.int64), full])
    first = np.concatenate([np.full(len(dated), -1), first])
    weight = np.concatenate([np.full(len(dated), SKELETON_PAIR_WEIGHT), weight])
    order = np.argsort(unit, kind="stable")
    return _Encoded(owner[order], unit[order], full[order], first[order], weight[order])


def _dated(spellings: Spellings, vocab: pa.Array, n_names: int) -> pd.DataFrame:
    """(name, owner, id) for each full birth date of a name's owner that a query has too."""
    births = spellings.births
    dates = _date_keys(births)
    table = pd.DataFrame({"owner": births["owner"].to_numpy(np.int64), "id": _ids(dates, vocab)})
    table = table[table["id"] >= 0]
    if table.empty or n_names == 0:
        return pd.DataFrame({"name": _NONE, "owner": _NONE, "id": _NONE})
    names_owner = np.full(n_names, -1, np.int64)
    names_owner[spellings.name] = spellings.owner
    names = pd.DataFrame({"name": np.arange(n_names), "owner": names_owner})
    return names.merge(table, on="owner")


def _pairs(enc: _Encoded, width: int) -> pd.DataFrame:
    """(owner, key, weight) for every pair of parts within one spelling, without repeats."""
    owners: list[np.ndarray] = []
    keys: list[np.ndarray] = []
    weights: list[np.ndarray] = []

    def add(mask: np.ndarray, owner: np.ndarray, key: np.ndarray, weight: np.ndarray) -> None:
        owners.append(owner[mask])
        keys.append(key[mask])
        weights.append(weight[mask])

    n = len(enc.unit)
    for d in range(1, MAX_DISTANCE + 1):
        if d >= n:
            break
        same = enc.unit[:-d] == enc.unit[d:]
        fa, fb = enc.full[:-d], enc.full[d:]
        ia, ib = enc.initial[:-d], enc.initial[d:]
        owner, weight = enc.owner[:-d], enc.weight[:-d]
        lo, hi = np.minimum(fa, fb), np.maximum(fa, fb)
        add(same & (lo >= 0), owner, lo * width + hi, weight)
        initial_weight = np.full(len(owner), INITIAL_PAIR_WEIGHT)
        add(same & (fa >= 0) & (ib >= 0), owner, fa * width + ib, initial_weight)
        add(same & (fb >= 0) & (ia >= 0), owner, fb * width + ia, initial_weight)
    # A name of one part pairs with itself, so that mononyms can still be found.
    if n:
        counts = np.bincount(enc.unit)
        alone = (counts[enc.unit] == 1) & (enc.full >= 0)
        add(alone, enc.owner, enc.full * width + enc.full, enc.weight)
    frame = pd.DataFrame(
        {
            "owner": np.concatenate(owners) if owners else _NONE,
            "key": np.concatenate(keys) if keys else _NONE,
            "weight": np.concatenate(weights) if weights else np.zeros(0),
        }
    )
    return frame.sort_values("weight", ascending=False).drop_duplicates(["owner", "key"])


def candidates(
    queries: Spellings,
    references: Spellings,
    limit: int,
    bonus: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
) -> pd.DataFrame:
    """The best ``limit`` reference owners for each query owner: columns query, ref, block.

    ``bonus(query, ref)`` raises pairs that agree on something other than
    the name, such as the birth year, so that namesakes do not crowd out the right person.
    """
    vocab = vocabulary(queries)
    width = len(vocab) + len(_LETTERS)
    query_pairs = _pairs(_encode(queries, vocab, every_system=True), width)
    ref_pairs = _pairs(_encode(references, vocab, every_system=False), width)
    ref_pairs = ref_pairs[ref_pairs["key"].isin(query_pairs["key"].unique())]
    df = ref_pairs.groupby("key")["owner"].nunique()
    df = df[df <= MAX_BUCKET]
    total = max(references.owners, 1)
    idf = np.log1p(total / df)
    query_pairs = query_pairs[query_pairs["key"].isin(df.index)]
    joined = query_pairs.merge(ref_pairs[["owner", "key"]], on="key", suffixes=("_q", "_r"))
    joined["block"] = joined["weight"] * joined["key"].map(pd.Series(idf, index=df.index))
    scores = (
        joined.groupby(["owner_q", "owner_r"], sort=False)["block"]
        .sum()
        .reset_index()
        .rename(columns={"owner_q": "query", "owner_r": "ref"})
    )
    if bonus is not None and not scores.empty:
        scores["block"] += bonus(scores["query"].to_numpy(), scores["ref"].to_numpy())
    scores = scores.sort_values(["query", "block", "ref"], ascending=[True, False, True])
    return scores.groupby("query", sort=False).head(limit).reset_index(drop=True)
