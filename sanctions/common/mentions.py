"""Where a person's name is mentioned in free text, however it is written.

A victim whose identity is confidential must not be named in anything that gets published, and
a text names a person in more ways than their full name as the editor typed it: the surname
alone ("the persecution of Orazov"), an initial and the surname ("the S. Orazov case"), another
order ("Orazov, Serik"), another script ("Серик Оразов"), another romanisation ("Orasov"), a
grammatical case ("по делу Оразова", "Orazov's", "the Orazovs'"), glued into a hashtag
("#FreeOrazov"). Each word is compared by the readings the screening compares names by
(``common/romanise``: every romanisation system, Cyrillic read as Latin, relaxed vowels and
endings), allowing the case endings of the region's languages after the name's stem.

The surname is the part that carries the identity: the part before a comma, else each part
with a surname's ending, else the last (a patronymic, in a name of three parts or more, is
neither). It counts alone when it is *distinctive*: at least four letters, not a part of a
hyphenated word it does not make up (``Nur-Sultan`` does not name a victim called Sultan), and
no part of any other name the reader is shown (``taken``: the caller's; for the check, its
proposed officials and the victims named in public) reads the same, so that "Ivanov" alone is
not taken for a victim called Ivanov when an official is called so too; then the surname needs
a given name or its initial beside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.common.names import APOSTROPHES, PATRONYMIC, blanked, parts
from sanctions.common.romanise import (
    RELAXED,
    ascii_array,
    every_reading,
    read_all,
    readings,
    relaxed,
)

# Endings that mark a surname in the names of the region the tool is used for (Russian,
# Ukrainian, Belarusian, Kazakh, Kyrgyz, Uzbek, Tajik, Polish forms), in the ASCII spelling.
SURNAME_ENDING = re.compile(
    r"(ov|ev|av|ova|eva|ava|ovs?kiy|s?kiy|skaya|ski|sky|ska|yn|ina|enko|chuk|yuk|uk|vich"
    r"|uly|ulu|kyzy|qyzy)$"
)
# Case endings after a name's stem, as the relaxed readings spell them: Russian -а, -у, -ым,
# -е, -ой, -ом, -ых, -ыми, -ы, -ою, -ем, -ей, and those of a surname declined as an adjective
# (Ковальского, Ковальскому, Толстого: -ого, -ому); Kazakh -қа/-ға/-ке/-ге, -ты/-ді/-ны,
# -тың/-дың/-ның, -та/-да/-те/-де, -тан/-дан/-нан, -пен/-бен/-мен; English possessive or plural
# -s.
CASE_ENDINGS = frozenset(
    {"", "a", "u", "im", "e", "ai", "am", "ih", "imi", "i", "aiu", "iu", "s", "em", "ei"}
    | {"aha", "amu"}
    | {"ka", "ga", "ke", "ge", "ti", "di", "ni", "tin", "din", "nin", "ta", "da", "te", "de"}
    | {"tan", "dan", "nan", "pen", "ben", "men"}
)
LAST_CHARACTER = "\U0010ffff"  # after a beginning: past every text that begins so
MIN_STEM = 4  # letters a stem needs before a case ending is allowed after it
MIN_ALONE = 4  # letters a surname needs to identify someone on its own
NEAR = 2  # how many words apart a given name (or initial) and the surname may stand
_SPLIT = r"[^\p{L}\p{M}]+"
POSSESSIVE = r"['’ʼ]s\b"  # "Orazov's file": the name is "Orazov"
POSSESSIVE_AS_WRITTEN = r"['’ʼ][sS]\b"  # the same, before the text is lower-cased
SOFT = "\u00ad"  # a soft hyphen: invisible, and no word break
HYPHENS = "-‐‑"  # the hyphens that join the pieces of a name (not the dashes between words)
_HYPHEN = re.compile(f"[{HYPHENS}]")
GLUED = re.compile(r"(?<=[a-zа-яёәғқңөұүһі])(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")  # SerikOrazov, #FreeOrazov


@lru_cache(maxsize=1 << 16)
def forms(word: str) -> frozenset[str]:
    """The relaxed readings of one word under every romanisation system (once per word: a
    long copy repeats its words thousands of times, each read for every name looked for)."""
    return frozenset(relaxed(r) for r in readings(word))


@lru_cache(maxsize=1 << 12)
def stems(name_forms: frozenset[str]) -> frozenset[str]:
    """What a word must begin with to be a case of the name: a feminine -a dropped, and the
    й of a name in -ай, -ей, -ой, -ий with the vowel before it where it declines as an
    adjective (Толдай: Толдая, Толдаем; Ковальский: Ковальского; Толстой: Толстого)."""
    out = set()
    for f in name_forms:
        if f.endswith("a") and len(f) > MIN_STEM:
            out.add(f[:-1])
        elif f.endswith("i") and f[-2:-1] in ("a", "e", "i", "o") and len(f) > MIN_STEM:
            out.update((f, f[:-1], f[:-2]))
        elif f.endswith("ski") and len(f) > MIN_STEM:
            out.update((f, f[:-1]))
        else:
            out.add(f)
    return frozenset(out)


def reads_as(word_forms: frozenset[str], name_forms: frozenset[str]) -> bool:
    """Whether a word is the name, or the name in a grammatical case."""
    if word_forms & name_forms:
        return True
    return any(
        len(stem) >= MIN_STEM and w.startswith(stem) and w[len(stem) :] in CASE_ENDINGS
        for w in word_forms
        for stem in stems(name_forms)
    )


def words_of(text: str) -> list[str]:
    """A text's words as ``mentions`` reads them: lower-case, glued words parted, an English
    possessive cut off."""
    text = GLUED.sub(" ", text.replace(SOFT, ""))
    return parts(re.sub(POSSESSIVE, "", text.lower()))


def compounds_of(text: str) -> list[int]:
    """For each word of ``words_of(text)``, a number it shares with the other pieces of a
    hyphenated proper name (``Nur-Sultan``: every piece capitalised), and with no other word
    (``orazov-case`` in an address is two words). The text is parted as ``words_of`` parts
    it (apostrophes dropped, a word's letters and marks kept together), hyphens aside, so that
    the numbers stand one for one beside its words."""
    text = GLUED.sub(" ", text.replace(SOFT, ""))
    text = re.sub(APOSTROPHES, "", re.sub(POSSESSIVE_AS_WRITTEN, "", text))
    out: list[int] = []
    for chunk in blanked(text, keep=HYPHENS).split():
        pieces = [p for p in _HYPHEN.split(chunk) if p] if _HYPHEN.search(chunk) else [chunk]
        if len(pieces) > 1 and all(p[:1].isupper() for p in pieces):
            out += [len(out)] * len(pieces)
        else:
            out += range(len(out), len(out) + len(pieces))
    return out


@dataclass(frozen=True)
class Person:
    """A name to look for: its surname parts' readings, and the other parts' readings and
    initials."""

    name: str
    surnames: tuple[frozenset[str], ...]
    others: tuple[frozenset[str], ...]
    initials: frozenset[str]
    alone: bool  # a surname alone names them

    @property
    def every_part(self) -> tuple[frozenset[str], ...]:
        return self.surnames + self.others

    def found_in(
        self, words: list[str], compounds: list[int] | None = None, at: Iterable[int] | None = None
    ) -> str | None:
        """The words of ``words`` (a text's words, lower-case) that name this person, or None;
        ``compounds``: which hyphenated word each word belongs to; ``at``: the only places
        (in order) where a word can be this person's surname, when the caller knows them
        (``mentions``: a report of 200,000 characters has 30,000 words, a handful of them
        beginning as the surname). Each word is read only where it is looked at."""
        group = compounds if compounds is not None and len(compounds) == len(words) else None
        for i in range(len(words)) if at is None else at:
            if not any(reads_as(forms(words[i]), s) for s in self.surnames):
                continue
            if self.alone and self._whole(i, words, group):
                return words[i]
            for j in range(max(0, i - NEAR), min(len(words), i + NEAR + 1)):
                if j == i:
                    continue
                near = forms(words[j])
                initial = len(words[j]) == 1 and bool(near & self.initials)
                if initial or any(reads_as(near, part) for part in self.every_part if part):
                    lo, hi = min(i, j), max(i, j)
                    return " ".join(words[lo : hi + 1])
        return None

    def _whole(self, i: int, words: list[str], group: list[int] | None) -> bool:
        """Whether word ``i`` stands as a name of its own: not a piece of a hyphenated word
        whose other pieces are not this person's (``Nur-Sultan``). The pieces of one word stand
        together (``compounds_of``)."""
        if group is None:
            return True
        lo = hi = i
        while lo > 0 and group[lo - 1] == group[i]:
            lo -= 1
        while hi + 1 < len(group) and group[hi + 1] == group[i]:
            hi += 1
        return all(
            any(reads_as(forms(words[j]), part) for part in self.every_part)
            for j in range(lo, hi + 1)
            if j != i
        )


@lru_cache(maxsize=1 << 14)
def person(name: str, taken: frozenset[str]) -> Person | None:
    """The person called ``name``; ``taken`` holds the readings of every part of the other names
    the list holds. None for a name with no part of two letters or more. Kept for the next
    time (a person's names are looked for in their sources once for each value of theirs)."""
    written = [w for w in words_of(name) if len(w) > 1]
    if not written:
        return None
    given = written
    if len(written) >= 3:  # a patronymic is told from a surname only beside two other parts
        given = [w for w in written if not any(PATRONYMIC.search(f) for f in forms(w))] or written
    at = _surnames(name, given)
    surnames = tuple(forms(given[k]) for k in at)
    rest = tuple(forms(w) for k, w in enumerate(given) if k not in at)
    alone = all(len(given[k]) >= MIN_ALONE for k in at) and not any(s & taken for s in surnames)
    if not rest and not alone:
        return None  # one short or shared word: it cannot be told from other words
    initials = frozenset(f[0] for other in rest for f in other if f)
    return Person(name, surnames, rest, initials, alone)


def _surnames(name: str, given: list[str]) -> list[int]:
    """Which of the name's parts are the surname: those before a comma ("Orazov, Serik"), else
    those with a surname's ending (both halves of "Orazova-Bekova"), else the last."""
    if "," in name:
        before = [w for w in words_of(name.split(",", 1)[0]) if w in given]
        if before and len(before) < len(given):
            return [given.index(w) for w in before]
    ending = [
        k for k, word in enumerate(given) if any(SURNAME_ENDING.search(r) for r in readings(word))
    ]
    if ending and len(ending) < len(given):
        return ending
    return [len(given) - 1]


def taken_readings(names: Iterable[str]) -> frozenset[str]:
    """The readings of every part of ``names`` (the list's other people): ``forms`` of each
    distinct word, read inside Arrow (a list of 100,000 people has a few hundred thousand
    name words and far fewer distinct ones)."""
    # one pass over each distinct name (a list names many people alike): no word spans a line
    words = sorted(set(words_of("\n".join(set(names)))))
    if not words:
        return frozenset()
    distinct = pa.array(words, pa.string())
    cyrillic = pc.match_substring_regex(distinct, r"[\x{0400}-\x{052F}]")
    read = every_reading(ascii_array(distinct), cyrillic, RELAXED)
    return frozenset(r for r in read.to_pylist() if r)


class Reading:
    """Texts as ``mentions`` reads them, made once however many people are looked for in them
    (a report of 200,000 characters is searched for each listed person's name in turn): each
    distinct text once (a list repeats its titles, places and publishers in many rows), its
    words split inside Arrow, and the distinct words of them all read under every
    romanisation system."""

    def __init__(self, texts: pd.Series) -> None:
        texts = texts.dropna().astype(str)
        self.labels = texts.index.to_numpy()
        self.codes, cells = pd.factorize(texts)
        self.cells: list[str] = cells.tolist()
        self._at_word: np.ndarray | None = None
        self._words: dict[int, tuple[list[str], list[int]]] = {}
        self._sorted: tuple[list[str], list[int]] | None = None
        self.asked = 0  # how many times ``mentions`` has searched it
        if not self.cells:
            return
        self.lists = pc.split_pattern_regex(words_of_texts(self.cells), _SPLIT)
        self.raw = pc.list_flatten(self.lists).cast(pa.string())
        self.owners = pc.list_parent_indices(self.lists).to_numpy()
        self.starts = self.lists.offsets.to_numpy()
        self.distinct = pc.unique(self.raw)
        cyrillic = pc.match_substring_regex(self.distinct, r"[\x{0400}-\x{052F}]")
        self.spelt = read_all(ascii_array(self.distinct), cyrillic, RELAXED)

    @property
    def empty(self) -> bool:
        return not self.cells

    def at_word(self) -> np.ndarray:
        """For each word of every text, in order, its index among the distinct words."""
        if self._at_word is None:
            found = pc.index_in(self.raw, value_set=self.distinct)
            self._at_word = found.to_numpy(zero_copy_only=False)
        return self._at_word

    def beginning_as(self, whose: dict[str, list[int]]) -> dict[int, set[int]]:
        """For each distinct word a reading of which begins as one of ``whose`` (a surname's
        beginnings), the people whose it is. The first search passes over every word inside
        Arrow (``_begins_with_any``); a text searched again (a report, for each listed person
        in turn) has its readings sorted once, and each beginning is found among them by
        bisection."""
        self.asked += 1
        if self.asked == 1:
            hit = np.zeros(len(self.distinct), dtype=bool)
            for spelling in self.spelt.values():
                hit |= _begins_with_any(spelling, whose)
            return _suspects(np.flatnonzero(hit), self.spelt, whose) if hit.any() else {}
        readings, words = self._sorted_readings()
        out: dict[int, set[int]] = {}
        for beginning, people in whose.items():
            lo = bisect_left(readings, beginning)
            hi = bisect_left(readings, beginning + LAST_CHARACTER, lo)
            for word in words[lo:hi]:
                out.setdefault(word, set()).update(people)
        return out

    def _sorted_readings(self) -> tuple[list[str], list[int]]:
        """Every reading of every distinct word (none empty), sorted, with its word."""
        if self._sorted is None:
            pairs = sorted(
                (reading, word)
                for spelling in self.spelt.values()
                for word, reading in enumerate(spelling.to_pylist())
                if reading
            )
            self._sorted = ([r for r, _ in pairs], [w for _, w in pairs])
        return self._sorted

    def words(self, owner: int) -> tuple[list[str], list[int]]:
        """The distinct text's words and hyphenated compounds (``words_of``, ``compounds_of``)."""
        if owner not in self._words:
            text = self.cells[owner]
            self._words[owner] = (words_of(text), compounds_of(text))
        return self._words[owner]


@lru_cache(maxsize=16)
def reading_of(text: str) -> Reading:
    """One text's ``Reading``, kept for the next few people looked for in it: a copy of a
    source is searched for every listed person's name, its place names and its dates' rows."""
    return Reading(pd.Series([text], dtype="str"))


def mentions(texts: pd.Series | Reading, people: list[Person]) -> pd.Series:
    """For each text that names one of ``people``: (the words that name them, the index in
    ``people`` of the first person it names), by the text's index label.

    The texts are read once (``Reading``); only texts holding a word that begins as somebody's
    surname does are looked at word by word, only for the people whose surnames its words
    begin as (a list's acts quote thousands of victims, each act its own: trying every victim
    on every such text grew with their product), and only at those words."""
    found: dict[object, tuple[str, int]] = {}
    if not people:
        return pd.Series(found, dtype=object)
    read = texts if isinstance(texts, Reading) else Reading(texts)
    if read.empty:
        return pd.Series(found, dtype=object)
    whose: dict[str, list[int]] = {}  # a surname's beginning -> the people whose it is
    for k, someone in enumerate(people):
        for beginning in {s for part in someone.surnames for s in stems(part)}:
            whose.setdefault(beginning, []).append(k)
    suspects = read.beginning_as(whose)
    if not suspects:
        return pd.Series(found, dtype=object)
    hit = np.zeros(len(read.distinct), dtype=bool)
    hit[list(suspects)] = True
    at_word = read.at_word()
    hits = np.flatnonzero(hit[at_word])
    starts = read.starts
    # text -> person -> the places in the text where a word begins as the person's surname
    candidates: dict[int, dict[int, list[int]]] = {}
    for place, owner, word in zip(
        hits.tolist(), read.owners[hits].tolist(), at_word[hits].tolist(), strict=True
    ):
        places = candidates.setdefault(owner, {})
        for k in suspects[word]:
            places.setdefault(k, []).append(place - int(starts[owner]))
    named: dict[int, tuple[str, int]] = {}
    for owner, ks in candidates.items():
        words, compounds = read.words(owner)
        # the places hold where the Arrow pass split the text as ``words_of`` does (it
        # always has; were a text ever split otherwise, it is read word by word)
        same = len(words) == int(starts[owner + 1] - starts[owner])
        for k in sorted(ks):
            said = people[k].found_in(words, compounds, ks[k] if same else None)
            if said is not None:
                named[owner] = (said, k)
                break
    labels = read.labels
    for at in np.flatnonzero(np.isin(read.codes, list(named))).tolist():
        found[labels[at]] = named[int(read.codes[at])]
    return pd.Series(found, dtype=object)


def _suspects(
    words: np.ndarray, spelt: dict[str, pa.Array], whose: dict[str, list[int]]
) -> dict[int, set[int]]:
    """For each of ``words`` (indices of distinct words), the people a reading of it begins as
    the surname of: the only ones it can name (``Person.found_in`` reads a surname only where
    a word's reading is it, or its stem and a case ending)."""
    lengths = sorted({len(b) for b in whose})
    out: dict[int, set[int]] = {int(w): set() for w in words}
    taken = pa.array(words)
    for reading in spelt.values():
        for word, read in zip(words.tolist(), reading.take(taken).to_pylist(), strict=True):
            if not read:
                continue
            for length in lengths:
                out[word].update(whose.get(read[:length], ()))
    return out


def _begins_with_any(readings: pa.Array, beginnings: Iterable[str]) -> np.ndarray:
    """For each reading, whether it begins with one of ``beginnings``: the readings cut to each
    length the beginnings have (in UTF-8 bytes, as a string's beginning is its bytes') and
    looked up among the beginnings of that length, one lookup per length rather than one
    pass per beginning (a list's hidden victims have thousands)."""
    by_length: dict[int, list[bytes]] = {}
    for beginning in beginnings:
        encoded = beginning.encode("utf-8")
        by_length.setdefault(len(encoded), []).append(encoded)
    data = readings.cast(pa.large_binary())
    found = np.zeros(len(readings), dtype=bool)
    for length, group in by_length.items():
        cut = pc.binary_slice(data, 0, length)
        found |= pc.is_in(cut, value_set=pa.array(group, pa.large_binary())).to_numpy(
            zero_copy_only=False
        )
    return found


def words_of_text(text: str) -> str:
    """The text as the Arrow pass splits it: ``words_of``'s words, joined by spaces."""
    return " ".join(words_of(text))


# Joins the texts of ``words_of_texts``: a control character, which no cell holds (the
# validator refuses them) and which no step of ``words_of`` changes or joins to a word.
_JOIN = "\x00"


def words_of_texts(texts: list[str]) -> pa.Array:
    """For each text, what the Arrow pass splits into the words of ``words_of_text``: the same
    words, with runs of spaces between them. The steps of ``words_of`` run once over all the
    texts joined (a list of 100,000 persons has 900,000 public cells to search, and the steps
    cost more per call than per letter); a text holding the joining character is read alone."""
    if not texts:
        return pa.array([], pa.large_string())
    joined = _JOIN.join(texts)
    if joined.count(_JOIN) != len(texts) - 1:
        return pa.array([words_of_text(t) for t in texts], pa.large_string())
    text = re.sub(POSSESSIVE, "", GLUED.sub(" ", joined.replace(SOFT, "")).lower())
    text = re.sub(APOSTROPHES, "", text.lower())
    pieces = blanked(text, keep=_JOIN).split(_JOIN)  # every other non-letter a space, as ``parts``
    return pc.utf8_trim_whitespace(pa.array(pieces, pa.large_string()))
