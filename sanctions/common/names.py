"""Names split into parts and read back from any romanisation, for keys and for scoring.

Two spellings of one name share a key: ``Masimov``/``Massimov``, ``Nazarbaev``/
``Nazarbayev``, ``Kassym-Jomart``/``Kassym-Zhomart``, ``Iwanow``/``Ivanov``/``Ivanoff``,
``Jurij Schtschukin``/``Yuriy Shchukin``, ``Katsiaryna Siamionava``/``Ekaterina Semenova``, and
a Cyrillic name and its Latin form. A key is the name's *relaxed* readings
(``common/romanise.py``) in sorted order, so word order does not matter; one key per
romanisation system the name may be written in, and the same again without a patronymic.
Keys find candidates cheaply; they are not a score. The validator's near-duplicate check and
the screening's spellings both come from here.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.common.romanise import (
    RELAXED,
    SYSTEMS,
    ascii_array,
    read,
    read_all,
    relaxed,
)

# Patronymics as the relaxed readings end (Russian, Ukrainian, Belarusian, Kazakh, Kyrgyz).
PATRONYMIC_RE2 = r"(avich|avna)$"
PATRONYMIC = re.compile(PATRONYMIC_RE2)
# Apostrophes and primes inside a name are part of a word (Ukrainian Koval'chuk, ISO 9 Ol'ga).
APOSTROPHES = "['’ʼʹʺ`´]"
_SPLIT = r"[^\p{L}\p{M}]+"


def parts(name: str) -> list[str]:
    """The words of a name as written, lower-case, without apostrophes and punctuation.
    A word is letters and the marks on them (``I͡uriĭ`` is one word)."""
    text = re.sub(APOSTROPHES, "", name.lower())
    return blanked(text).split()


_BREAKS: dict[int, str] = {}  # every character seen that is not a letter or a mark -> a space
_KNOWN: set[str] = set()


def breaks(text: str) -> dict[int, str]:
    """The table that turns every character of ``text`` that is not a letter or a mark into a
    space; each character is looked up in Unicode's categories once per process, and the text
    is then translated in one pass (a list's names are millions of characters)."""
    new = set(text) - _KNOWN
    if new:
        _BREAKS.update({ord(c): " " for c in new if unicodedata.category(c)[0] not in "LM"})
        _KNOWN.update(new)
    return _BREAKS


_BLANKING: dict[tuple[str, int], re.Pattern[str] | None] = {}


def blanked(text: str, keep: str = "") -> str:
    """``text`` with every character that is not a letter or a mark made a space, but those of
    ``keep``. A regular expression of the few such characters seen, not ``str.translate``:
    a table that maps to strings sends translate through its slow path, a fifth of a second
    over the six million characters of 100,000 persons' names."""
    table = breaks(text)
    key = (keep, len(table))  # the table only grows: its size names what it holds
    if key not in _BLANKING:
        chars = "".join(sorted(chr(c) for c in table if chr(c) not in keep and c != ord(" ")))
        _BLANKING[key] = re.compile(f"[{re.escape(chars)}]") if chars else None
    pattern = _BLANKING[key]
    return pattern.sub(" ", text) if pattern is not None else text


def spellings(name: str, relax: bool = True) -> list[tuple[str, ...]]:
    """The name read under each romanisation system, part by part, without repeats; the
    English-language reading first. Relaxed for comparison unless ``relax`` is False."""
    words = parts(name)
    out: dict[tuple[str, ...], None] = {}
    for system in SYSTEMS:
        spelt = tuple(t for t in (read(w, system) for w in words) if t)
        if spelt:
            out[tuple(relaxed(t) for t in spelt) if relax else spelt] = None
    return list(out)


def name_tokens(name: str, initials: bool = False) -> tuple[str, ...]:
    """Relaxed English-language reading of each part, in the order written; initials are
    left out unless asked."""
    found = spellings(name)
    tokens = found[0] if found else ()
    return tuple(t for t in tokens if len(t) > 1 or (initials and len(t) == 1))


def name_keys(name: str) -> set[str]:
    """Order-free keys of one name: for each spelling, all its parts, and the parts without
    a patronymic."""
    keys = set()
    for spelt in spellings(name):
        tokens = [t for t in spelt if len(t) > 1]
        if len(tokens) < 2:
            continue
        keys.add(" ".join(sorted(tokens)))
        short = [t for t in tokens if not PATRONYMIC.search(t)]
        if 2 <= len(short) < len(tokens):
            keys.add(" ".join(sorted(short)))
    return keys


def key_table(names: pd.Series) -> pd.DataFrame:
    """``name_keys`` for a whole column at once: one row per (index label, key).

    Each distinct part is read once, inside Arrow; Python only converts the distinct parts
    to ASCII (a table for Cyrillic, ICU for other scripts).
    """
    names = names.dropna()
    if names.empty:
        return pd.DataFrame({"label": [], "key": []})
    text = pc.replace_substring_regex(
        pc.utf8_lower(pa.array(names.tolist(), pa.large_string())), APOSTROPHES, ""
    )
    lists = pc.split_pattern_regex(text, _SPLIT)
    raw = pc.list_flatten(lists).cast(pa.string())
    owners = pc.list_parent_indices(lists).to_numpy()
    distinct = pc.unique(raw)
    positions = pc.index_in(raw, value_set=distinct)
    ascii = ascii_array(distinct)
    cyrillic = pc.match_substring_regex(distinct, r"[\x{0400}-\x{052F}]")
    spelt = read_all(ascii, cyrillic, RELAXED)
    english = spelt["en"]
    frames = [_keys(owners, english.take(positions), english, positions)]
    at = positions.to_numpy()
    for other in spelt.values():
        # Another system's keys differ only for names with a part it reads otherwise.
        differs = pc.not_equal(other, english).to_numpy(zero_copy_only=False)[at]
        mask = np.isin(owners, owners[differs]) if differs.any() else differs
        if mask.any():
            where = pa.array(at[mask])
            frames.append(_keys(owners[mask], other.take(where), other, where))
    keys = pd.concat(frames).drop_duplicates()
    labels = names.index.to_numpy()[keys["owner"].to_numpy()]
    return pd.DataFrame({"label": labels, "key": keys["key"].to_numpy()})


def _keys(
    owners: np.ndarray, tokens: pa.Array, distinct: pa.Array, positions: pa.Array
) -> pd.DataFrame:
    """(owner, key) of every name with two parts or more: all parts, and without patronymic."""
    patronymic = pc.match_substring_regex(distinct, PATRONYMIC_RE2).take(positions)
    table = pa.table({"owner": owners, "token": tokens, "patronymic": patronymic})
    table = table.filter(pc.greater(pc.utf8_length(table["token"]), 1))
    table = table.sort_by([("owner", "ascending"), ("token", "ascending")])
    full = _joined(table)
    short = _joined(table.filter(pc.invert(table["patronymic"])))
    both = full.merge(short, on="owner", how="left", suffixes=("", "_short"))
    extra = both[(both["n_short"] >= 2) & (both["n_short"] < both["n"])]
    return pd.concat(
        [
            both[both["n"] >= 2][["owner", "key"]],
            extra[["owner", "key_short"]].rename(columns={"key_short": "key"}),
        ]
    )


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
