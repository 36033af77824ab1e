"""Candidate generation: which reference entities are worth scoring for each query.

nomenklatura's blocker matches exact name parts, so ``Iwanow`` never meets ``Ivanov`` unless
another token happens to overlap. Here every name part is folded first (``common/names.py``: the
validator's spellings), and a candidate must share a *pair* of parts with the query: two
full parts (``ivan`` + ``ivanov``), or one full part and the initial of another (``ivanov`` +
``i.``, which is how ``I. I. Ivanov`` is found). A pair is far more selective than a single
part when a million entities share a few dozen common surnames, and it survives a missing
patronymic or a changed word order. Each shared pair counts by its rarity (IDF); the best
``limit`` candidates per query go on to the scorer.

Everything runs on Arrow and numpy arrays: tokens are encoded as integers from the query
vocabulary, so a million reference entities cost a few seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.common.names import fold_tokens, latin

# Pairs shared by more reference entities than this say nothing about identity.
MAX_BUCKET = 5_000
# How far apart two parts of one name may be to form a pair (names rarely have more parts).
MAX_DISTANCE = 5
FULL_PAIR_WEIGHT = 2.0
INITIAL_PAIR_WEIGHT = 1.0
_LETTERS = pa.array(list("abcdefghijklmnopqrstuvwxyz"))


@dataclass
class Tokens:
    """Folded name parts, in the order written: for each, its owner and which name it is in."""

    owner: np.ndarray
    name: np.ndarray
    token: pa.Array
    initial: pa.Array  # the letter the part starts with before folding (Kh-, not h-)

    @property
    def owners(self) -> int:
        return int(self.owner.max()) + 1 if len(self.owner) else 0


def _ascii(tokens: pa.Array) -> pa.Array:
    """Lower-case ASCII tokens; ICU transliteration only for the distinct non-ASCII ones."""
    distinct = pc.unique(tokens)
    ascii = [
        t if t.isascii() else "".join(c for c in latin(t) if c.isalpha())
        for t in distinct.to_pylist()
    ]
    return pa.array(ascii, pa.string()).take(pc.index_in(tokens, value_set=distinct))


def tokenize(owners: np.ndarray, names: pa.Array) -> Tokens:
    """Split each name (owned by ``owners[i]``) into folded parts."""
    if len(names) == 0:
        empty = pa.array([], pa.string())
        return Tokens(np.zeros(0, np.int64), np.zeros(0, np.int64), empty, empty)
    lists = pc.split_pattern_regex(pc.utf8_lower(names), r"[^\p{L}]+")
    parent = pc.list_parent_indices(lists).to_numpy()
    raw = pc.list_flatten(lists).cast(pa.string())
    distinct = pc.unique(raw)
    positions = pc.index_in(raw, value_set=distinct)
    ascii = _ascii(distinct)
    folded = fold_tokens(ascii).take(positions)
    initial = pc.utf8_slice_codeunits(ascii, 0, 1).take(positions)
    keep = pc.greater(pc.utf8_length(folded), 0).to_numpy(zero_copy_only=False)
    mask = pa.array(keep)
    return Tokens(
        owner=np.asarray(owners, np.int64)[parent[keep]],
        name=parent[keep].astype(np.int64),
        token=folded.filter(mask),
        initial=initial.filter(mask),
    )


@dataclass
class _Encoded:
    owner: np.ndarray
    name: np.ndarray
    full: np.ndarray  # id in the vocabulary, or -1 (an initial, or a part the query lacks)
    initial: np.ndarray


def _encode(tokens: Tokens, vocabulary: pa.Array) -> _Encoded:
    full_len = pc.greater(pc.utf8_length(tokens.token), 1)
    ids = pc.index_in(tokens.token, value_set=vocabulary)
    ids = pc.if_else(full_len, ids, None)
    initial = pc.index_in(tokens.initial, value_set=_LETTERS)
    return _Encoded(
        owner=tokens.owner,
        name=tokens.name,
        full=pc.fill_null(ids, -1).to_numpy().astype(np.int64),
        initial=pc.fill_null(initial, 0).to_numpy().astype(np.int64) + len(vocabulary),
    )


def _pairs(enc: _Encoded, width: int) -> pd.DataFrame:
    """(owner, key, weight) for every pair of parts within one name, without repeats."""
    owners: list[np.ndarray] = []
    keys: list[np.ndarray] = []
    weights: list[np.ndarray] = []

    def add(mask: np.ndarray, owner: np.ndarray, key: np.ndarray, weight: float) -> None:
        owners.append(owner[mask])
        keys.append(key[mask])
        weights.append(np.full(int(mask.sum()), weight))

    n = len(enc.name)
    for d in range(1, MAX_DISTANCE + 1):
        if d >= n:
            break
        same = enc.name[:-d] == enc.name[d:]
        fa, fb = enc.full[:-d], enc.full[d:]
        owner = enc.owner[:-d]
        lo, hi = np.minimum(fa, fb), np.maximum(fa, fb)
        add(same & (lo >= 0), owner, lo * width + hi, FULL_PAIR_WEIGHT)
        add(same & (fa >= 0), owner, fa * width + enc.initial[d:], INITIAL_PAIR_WEIGHT)
        add(same & (fb >= 0), owner, fb * width + enc.initial[:-d], INITIAL_PAIR_WEIGHT)
    # A name of one part pairs with itself, so that mononyms can still be found.
    counts = np.bincount(enc.name) if n else np.zeros(0, np.int64)
    alone = (counts[enc.name] == 1) & (enc.full >= 0) if n else np.zeros(0, bool)
    add(alone, enc.owner, enc.full * width + enc.full, FULL_PAIR_WEIGHT)
    frame = pd.DataFrame(
        {
            "owner": np.concatenate(owners) if owners else np.zeros(0, np.int64),
            "key": np.concatenate(keys) if keys else np.zeros(0, np.int64),
            "weight": np.concatenate(weights) if weights else np.zeros(0),
        }
    )
    return frame.sort_values("weight", ascending=False).drop_duplicates(["owner", "key"])


def candidates(
    queries: Tokens,
    references: Tokens,
    limit: int,
    bonus: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
) -> pd.DataFrame:
    """The best ``limit`` reference owners for each query owner: columns query, ref, block.

    ``bonus(query, ref)`` raises pairs that agree on something other than
    the name, such as the birth date, so that namesakes do not crowd out the right person.
    """
    vocabulary = pc.unique(pc.filter(queries.token, pc.greater(pc.utf8_length(queries.token), 1)))
    width = len(vocabulary) + len(_LETTERS)
    query_pairs = _pairs(_encode(queries, vocabulary), width)
    ref_pairs = _pairs(_encode(references, vocabulary), width)
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
