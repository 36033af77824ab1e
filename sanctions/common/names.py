"""Name keys that survive transliteration and spelling variants.

Two spellings of one name get the same key: ``Masimov``/``Massimov``, ``Nazarbaev``/
``Nazarbayev``, ``Kassym-Jomart``/``Kassym-Zhomart``, ``Iwanow``/``Ivanov``/``Ivanoff``, and a
Cyrillic name and its Latin form. A key is the name's folded tokens in sorted order, so word
order does not matter; a second key leaves out the patronymic. Keys find candidates cheaply;
they are not a score. Screening uses the same keys to widen what nomenklatura's blocker finds.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rigour.text import ascii_text

# Applied in order to each lower-case ASCII token. Written so that RE2 (Arrow, for whole
# columns) and Python's re (for one name) read them alike: no look-arounds, no back-references
# in patterns; doubled letters are collapsed one letter at a time.
FOLDS: tuple[tuple[str, str], ...] = (
    ("j", "zh"),
    ("dzh", "zh"),
    ("kh", "h"),
    ("q", "k"),
    ("w", "v"),
    ("ph", "f"),
    ("x", "ks"),
    ("ye", "e"),
    ("yu", "iu"),
    ("ya", "ia"),
    ("y", "i"),
    ("off\\z", "ov"),
    ("eff\\z", "ev"),
    *((f"{c}{c}+", c) for c in "abcdefghijklmnopqrstuvwxyz"),
    ("ii\\z", "i"),
)
_PY_FOLDS = tuple((re.compile(p.replace("\\z", "\\Z")), r) for p, r in FOLDS)
PATRONYMIC_RE2 = r"(ovich|evich|ovna|evna|uli|kizi|ogli)\z"
PATRONYMIC = re.compile(PATRONYMIC_RE2.replace("\\z", "\\Z"))
_NOT_LETTERS = "[^a-z]+"


@lru_cache(maxsize=100_000)
def fold_token(token: str) -> str:
    for pattern, repl in _PY_FOLDS:
        token = pattern.sub(repl, token)
    return token


def fold_tokens(tokens: pa.Array) -> pa.Array:
    """``fold_token`` over a whole Arrow array of tokens, inside Arrow."""
    for pattern, repl in FOLDS:
        tokens = pc.replace_substring_regex(tokens, pattern=pattern, replacement=repl)
    return tokens


@lru_cache(maxsize=100_000)
def latin(name: str) -> str:
    """Lower-case ASCII form of a name in any script (ICU transliteration through rigour)."""
    return name.lower() if name.isascii() else ascii_text(name).lower()


def latin_array(names: list[str]) -> pa.Array:
    """``latin`` over many names: Arrow lower-cases the ASCII ones, ICU sees only the rest."""
    array = pa.array(names, type=pa.large_string())
    lower = pc.utf8_lower(array)
    other = pc.invert(pc.string_is_ascii(array))
    if not pc.any(other).as_py():
        return lower
    replaced = [latin(names[i]) for i in pc.indices_nonzero(other).to_pylist()]
    return pc.replace_with_mask(lower, other, pa.array(replaced, type=pa.large_string()))


def name_parts(name: str) -> list[tuple[str, str]]:
    """(ASCII, folded) for each part of one name, in the order written. The ASCII form keeps
    the letter a part starts with: ``Khan`` folds to ``han`` but is still ``K.``"""
    parts = (t for t in re.split(_NOT_LETTERS, latin(name)) if t)
    return [(t, fold_token(t)) for t in parts]


def name_tokens(name: str, initials: bool = False) -> tuple[str, ...]:
    """Folded tokens of one name, in the order written; initials are left out unless asked."""
    folded = (f for _, f in name_parts(name))
    return tuple(t for t in folded if len(t) > 1 or (initials and len(t) == 1))


def name_keys(name: str) -> set[str]:
    """Order-free keys of one name: all its tokens, and the tokens without a patronymic."""
    tokens = name_tokens(name)
    if len(tokens) < 2:
        return set()
    keys = {" ".join(sorted(tokens))}
    short = [t for t in tokens if not PATRONYMIC.search(t)]
    if 2 <= len(short) < len(tokens):
        keys.add(" ".join(sorted(short)))
    return keys


def key_table(names: pd.Series) -> pd.DataFrame:
    """``name_keys`` for a whole column at once: one row per (index label, key).

    The per-name work is done by Arrow; Python only folds each distinct token once and
    transliterates the names that are not ASCII.
    """
    names = names.dropna()
    if names.empty:
        return pd.DataFrame({"label": [], "key": []})
    lists = pc.split_pattern_regex(latin_array(names.tolist()), _NOT_LETTERS)
    tokens = pc.list_flatten(lists)
    owners = pc.list_parent_indices(lists).to_numpy()
    distinct = pc.unique(tokens)
    positions = pc.index_in(tokens, value_set=distinct)
    folded_distinct = fold_tokens(distinct)
    folded = folded_distinct.take(positions)
    patronymic = pc.match_substring_regex(folded_distinct, PATRONYMIC_RE2).take(positions)
    table = pa.table({"owner": owners, "token": folded, "patronymic": patronymic})
    table = table.filter(pc.greater(pc.utf8_length(table["token"]), 1))
    table = table.sort_by([("owner", "ascending"), ("token", "ascending")])
    full = _joined(table)
    short = _joined(table.filter(pc.invert(table["patronymic"])))
    both = full.merge(short, on="owner", how="left", suffixes=("", "_short"))
    extra = both[(both["n_short"] >= 2) & (both["n_short"] < both["n"])]
    keys = pd.concat(
        [
            both[both["n"] >= 2][["owner", "key"]],
            extra[["owner", "key_short"]].rename(columns={"key_short": "key"}),
        ]
    )
    labels = names.index.to_numpy()[keys["owner"].to_numpy()]
    return pd.DataFrame({"label": labels, "key": keys["key"].to_numpy()})


def _joined(table: pa.Table) -> pd.DataFrame:
    """Per owner: its sorted tokens joined by spaces, and how many there are."""
    owners = table["owner"].to_numpy()
    if len(owners) == 0:
        return pd.DataFrame(
            {"owner": pd.Series(dtype="int64"), "key": [], "n": pd.Series(dtype="int64")}
        )
    distinct, starts, counts = np.unique(owners, return_index=True, return_counts=True)
    offsets = pa.array(np.append(starts, len(owners)).astype("int32"))
    lists = pa.ListArray.from_arrays(offsets, table["token"].combine_chunks().cast(pa.string()))
    joined = pc.binary_join(lists, " ")
    return pd.DataFrame(
        {"owner": distinct, "key": joined.to_numpy(zero_copy_only=False), "n": counts}
    )
