"""Where a person's name is mentioned in free text, however it is written.

A victim whose identity is confidential must not be named in anything that gets published, and
a text names a person in more ways than their full name as the editor typed it: the surname
alone ("the persecution of Orazov"), an initial and the surname ("the S. Orazov case"), another
order ("Orazov, Serik"), another script ("Серик Оразов") or another romanisation ("Orasov").
Each word is compared by the readings the screening compares names by (``common/romanise``:
every romanisation system, Cyrillic read as Latin, relaxed vowels and endings), so that what
the screening would take for the same name is taken for it here too.

The surname is the part that carries the identity. It counts alone when it is *distinctive*:
at least four letters, and no part of any other name the list holds (its officials, relatives,
other victims) reads the same, so that "Ivanov" alone is not taken for a victim called Ivanov
when an official is called so too; then the surname needs a given name or its initial beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.common.names import APOSTROPHES, PATRONYMIC, parts
from sanctions.common.romanise import RELAXED, ascii_array, read_all, readings, relaxed

# Endings that mark a surname in the names of the region the tool is used for (Russian,
# Ukrainian, Belarusian, Kazakh, Kyrgyz, Uzbek, Tajik, Polish forms), in the ASCII spelling.
SURNAME_ENDING = re.compile(
    r"(ov|ev|av|ova|eva|ava|ovs?kiy|s?kiy|skaya|ski|sky|ska|yn|ina|enko|chuk|yuk|uk|vich)$"
)
MIN_ALONE = 4  # letters a surname needs to identify someone on its own
NEAR = 2  # how many words apart a given name (or initial) and the surname may stand
_SPLIT = r"[^\p{L}\p{M}]+"
POSSESSIVE = r"['’]s\b"  # "Orazov's file": the name is "Orazov"


def words_of(text: str) -> list[str]:
    """A text's words as ``mentions`` reads them: lower-case, an English possessive cut off."""
    return parts(re.sub(POSSESSIVE, "", text.lower()))


def forms(word: str) -> frozenset[str]:
    """The relaxed readings of one word under every romanisation system."""
    return frozenset(relaxed(r) for r in readings(word))


@dataclass(frozen=True)
class Person:
    """A name to look for: the surname's readings, and the other parts' readings and initials."""

    name: str
    surname: frozenset[str]
    others: tuple[frozenset[str], ...]
    initials: frozenset[str]
    alone: bool  # the surname alone names them

    def found_in(self, words: list[str]) -> str | None:
        """The words of ``words`` (a text's words, lower-case) that name this person, or None."""
        readings_of = [forms(w) for w in words]
        for i, read in enumerate(readings_of):
            if not read & self.surname:
                continue
            if self.alone:
                return words[i]
            for j in range(max(0, i - NEAR), min(len(words), i + NEAR + 1)):
                if j == i:
                    continue
                near = readings_of[j]
                initial = len(words[j]) == 1 and bool(near & self.initials)
                if initial or any(near & other for other in self.others):
                    lo, hi = min(i, j), max(i, j)
                    return " ".join(words[lo : hi + 1])
        return None


def person(name: str, taken: frozenset[str]) -> Person | None:
    """The person called ``name``; ``taken`` holds the readings of every part of the other names
    the list holds. None for a name with no part of two letters or more."""
    written = [w for w in parts(name) if len(w) > 1]
    if not written:
        return None
    given = [w for w in written if not any(PATRONYMIC.search(f) for f in forms(w))] or written
    at = _surname(name, given)
    surname = forms(given[at])
    rest = [forms(w) for k, w in enumerate(given) if k != at]
    alone = len(given[at]) >= MIN_ALONE and not surname & taken
    if not rest and not alone:
        return None  # one short or shared word: it cannot be told from other words
    initials = frozenset(f[0] for other in rest for f in other if f)
    return Person(name, surname, tuple(rest), initials, alone)


def _surname(name: str, given: list[str]) -> int:
    """Which of the name's parts (patronymics left out) is the surname: the one before a comma
    ("Orazov, Serik"), else one with a surname's ending, else the last."""
    if "," in name:
        before = [w for w in parts(name.split(",", 1)[0]) if w in given]
        if before:
            return given.index(before[-1])
    for k, word in enumerate(given):
        if any(SURNAME_ENDING.search(r) for r in readings(word)):
            return k
    return len(given) - 1


def taken_readings(names: Iterable[str]) -> frozenset[str]:
    """The readings of every part of ``names`` (the list's other people)."""
    return frozenset(f for name in names for word in parts(name) for f in forms(word))


def mentions(texts: pd.Series, people: list[Person]) -> pd.Series:
    """For each text that names one of ``people``: (the words that name them, the person's
    index in ``people``), by the text's index label.

    The distinct words of all texts are read once, inside Arrow; only texts holding a word that
    reads as somebody's surname are looked at word by word."""
    texts = texts.dropna().astype(str)
    found: dict[object, tuple[str, int]] = {}
    if texts.empty or not people:
        return pd.Series(found, dtype=object)
    surnames = pa.array(sorted({f for p in people for f in p.surname}), pa.string())
    lowered = pc.utf8_lower(pa.array(texts.tolist(), pa.large_string()))
    lowered = pc.replace_substring_regex(lowered, POSSESSIVE, "")
    lowered = pc.replace_substring_regex(lowered, APOSTROPHES, "")
    lists = pc.split_pattern_regex(lowered, _SPLIT)
    raw = pc.list_flatten(lists).cast(pa.string())
    owners = pc.list_parent_indices(lists).to_numpy()
    distinct = pc.unique(raw)
    cyrillic = pc.match_substring_regex(distinct, r"[\x{0400}-\x{052F}]")
    spelt = read_all(ascii_array(distinct), cyrillic, RELAXED)
    hit = np.zeros(len(distinct), dtype=bool)
    for reading in spelt.values():
        hit |= pc.is_in(reading, value_set=surnames).to_numpy(zero_copy_only=False)
    if not hit.any():
        return pd.Series(found, dtype=object)
    hits = hit[pc.index_in(raw, value_set=distinct).to_numpy(zero_copy_only=False)]
    labels = texts.index.to_numpy()
    for owner in np.unique(owners[hits]):
        words = words_of(texts.iloc[owner])
        for k, someone in enumerate(people):
            said = someone.found_in(words)
            if said is not None:
                found[labels[owner]] = (said, k)
                break
    return pd.Series(found, dtype=object)
