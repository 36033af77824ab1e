"""Other spellings of a name that a sanctions list may have used.

logic-v2 compares name parts with an edit distance and rigour's name symbols, which is not
enough for how names from the former Soviet Union reach English-language lists. ``Тоқаев``
transliterates to ``Toqaev`` while lists print ``Tokayev``; German ``Schtschukin`` against
``Shchukin`` costs three letters in eleven; ``Iwanow`` against ``Ivanov`` scores 0.64; a
patronymic on one side only costs about 0.3.

So, pair by pair, each part of the query that some romanisation system reads as a part of
the candidate (``common/names.py``, the readings the validator's near-duplicate check uses)
is written as the candidate writes it, and the query so written is compared too
(``aligned``). Only whole parts that read alike are rewritten: a reading is never offered to
logic-v2 as a name of its own, whose edit distance would then bring ``Fiktova`` within two
letters of ``Fictiyeva``. Parts that do not read alike are compared as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

import numpy as np
from rapidfuzz.distance import OSA
from rigour.text.distance import levenshtein

from sanctions.common.data import SpecError, read_yaml, schemas_dir
from sanctions.common.names import PATRONYMIC, parts
from sanctions.common.names import name_tokens as _tokens
from sanctions.common.romanise import ascii_token, readings, relaxed, skeleton, yo_folded


def name_tokens(name: str) -> tuple[str, ...]:
    """Relaxed parts of a name in the order written, initials included."""
    return _tokens(name, initials=True)


def patronymic_positions(words: list[str]) -> set[int]:
    """Which words of a name are a patronymic: one that ends like one, in a name of three
    words or more, not first (in a name of two, ``Nurlanuly`` is the surname)."""
    if len(words) < 3:
        return set()
    return {
        i
        for i, word in enumerate(words)
        if i > 0 and any(PATRONYMIC.search(relaxed(r)) for r in readings(word))
    }


def query_names(names: list[str]) -> list[str]:
    """A workbook person's names, and each again without its patronymic, without repeats."""
    out: dict[str, None] = dict.fromkeys(names)
    for name in names:
        words = parts(name)
        drop = patronymic_positions(words)
        if drop:
            out[" ".join(w for i, w in enumerate(words) if i not in drop)] = None
    return list(out)


def _their_words(names: list[str]) -> dict[str, str]:
    """Each relaxed reading of each word of these names, and the word as written."""
    theirs: dict[str, str] = {}
    for name in names:
        for word in parts(name):
            for reading in readings(word):
                theirs.setdefault(relaxed(reading), word)
    return theirs


def _match(word: str, theirs: dict[str, str]) -> str | None:
    """The other side's word that this word reads as, if any: the same word in another
    spelling, or the same given name in another language's form (``given_name_forms``)."""
    for reading in readings(word):
        found = theirs.get(relaxed(reading))
        if found is not None:
            return found
    return _other_form(word, theirs)


def _other_form(word: str, theirs: dict[str, str]) -> str | None:
    """The other side's word that is another language's form of this given name, if any.
    Both words must be written as a form of the table is (ё however it is written), not
    merely read alike once relaxed: relaxed, Czech ``Petra`` is Ukrainian ``Petro``."""
    forms = given_name_forms()
    others = {other for key in _keys(word) for other in forms.get(key, ())}
    if not others:
        return None
    for their_word in sorted(set(theirs.values())):
        if others & _keys(their_word):
            return their_word
    return None


def _keys(word: str) -> set[str]:
    return {yo_folded(reading) for reading in readings(word)}


GIVEN_NAMES = "given_names.yaml"


@cache
def given_name_forms() -> dict[str, tuple[str, ...]]:
    """For each form in ``schemas/given_names.yaml``, as ``_keys`` writes it, the keys of the
    name's other forms: Ukrainian ``Fedir`` (``Федір``) is ``fedir``, and stands for ``fedor``
    (Russian ``Fedor``, ``Fyodor``, ``Фёдор``) and ``fedar`` (Belarusian ``Фёдар``)."""
    path = schemas_dir() / GIVEN_NAMES
    data = read_yaml(path)
    groups = data.get("names") if isinstance(data, dict) else None
    if not isinstance(groups, list) or not all(
        isinstance(g, list) and len(g) > 1 and all(isinstance(f, str) and f for f in g)
        for g in groups
    ):
        raise SpecError(f"{path.name}: names: a list of groups, each two forms or more of a name")
    forms: dict[str, set[str]] = {}
    for group in groups:
        keys = {key for form in group for key in _keys(form)}
        for key in keys:
            forms.setdefault(key, set()).update(keys - {key})
    return {key: tuple(sorted(others)) for key, others in forms.items()}


def aligned(query: list[str], candidate: list[str]) -> list[str]:
    """The query's names with each part that reads, relaxed, as a part of the candidate's
    written as the candidate writes it: Belarusian ``Siamionava`` becomes ``semenova`` beside
    a list's ``SEMENOVA``, Kazakh ``Qairatuly`` becomes ``kairatovich``, German ``Jurij``
    becomes ``yuriy``; a patronymic that is the same father's name in another language's
    form (``Mykolaiovych``, ``Nikolayevich``), and a long part one letter from the
    candidate's (``near``), too. Without the patronymic as well, where the query's has no
    counterpart."""
    theirs = _their_words(candidate)
    fathers = [r for r in theirs if PATRONYMIC.search(r)]

    def swap(word: str) -> str | None:
        found = _match(word, theirs)
        if found is not None:
            return found
        mine = [relaxed(r) for r in readings(word)]
        for r in mine:
            if PATRONYMIC.search(r):
                for father in fathers:
                    if same_patronymic(r, father):
                        return theirs[father]
        for r in mine:
            for other in theirs:
                if near(r, other):
                    return theirs[other]
        return None

    out: dict[str, None] = {}
    for name in query:
        words = parts(name)
        swapped = [swap(w) for w in words]
        if all(s is None for s in swapped):
            continue
        out[" ".join(s or w for s, w in zip(swapped, words, strict=True))] = None
        drop = patronymic_positions(words)
        kept = [
            s or w
            for i, (s, w) in enumerate(zip(swapped, words, strict=True))
            if s or i not in drop
        ]
        if kept and len(kept) < len(words):
            out[" ".join(kept)] = None
    return list(out)


# Two patronymics are one name spelled two ways when their consonants differ by at most this
# (Belarusian Piatrovich and Petrovich, Ukrainian Mykolaiovych and Nikolayevich).
PATRONYMIC_EDITS = 1


# A part this long or longer may differ from the candidate's by one letter, relaxed, if its
# consonants are the same: Belarusian Shautsou/Shevtsov, Katsiaryna/Yekaterina, French
# Maxime/Maksim. Shorter parts must agree exactly: Marat and Murat are two names.
NEAR_LENGTH = 6


def near(a: str, b: str) -> bool:
    """Whether two relaxed parts are one name in two languages' forms."""
    return (
        min(len(a), len(b)) >= NEAR_LENGTH and skeleton(a) == skeleton(b) and levenshtein(a, b) <= 1
    )


def same_patronymic(a: str, b: str) -> bool:
    """Whether two relaxed patronymics are the same father's name in two languages' forms."""
    return levenshtein(skeleton(a), skeleton(b)) <= PATRONYMIC_EDITS


def patronymics(names: list[str]) -> set[str]:
    """The relaxed patronymics these names give, in every reading."""
    out: set[str] = set()
    for name in names:
        words = parts(name)
        for i in patronymic_positions(words):
            out.update(relaxed(r) for r in readings(words[i]))
    return out


def has_initials(names: list[str]) -> bool:
    """Whether a name gives some of its parts as initials only (``I. I. Ivanov``)."""
    for name in names:
        tokens = name_tokens(name)
        if len(tokens) >= 2 and any(len(t) == 1 for t in tokens):
            return True
    return False


def initialled(names: list[str], other: list[str]) -> list[str]:
    """Each name with the parts that read as a part of ``other`` written as ``other`` writes
    them, and every other part cut to its initial: ``Ivanov Ivan Ivanovich`` becomes
    ``ivanov i i`` when the other side reads ``I. I. Ivanov``."""
    theirs = _their_words(other)
    out: dict[str, None] = {}
    for name in names:
        written = [(w, _match(w, theirs)) for w in parts(name) if ascii_token(w)]
        if len(written) >= 2 and any(m for _, m in written):
            out[" ".join(m or ascii_token(w)[0].lower() for w, m in written)] = None
    return list(out)


# Two words this close (transposed letters counting once), as written, may be one word spelled
# two ways where something else already says the two are one person: Burmese ``Htun`` and
# ``Tun``, ``Dway`` and ``Dwe``; a misprinted ``Pusjikn`` for ``Pushkin``. Never enough alone,
# and never two names rigour knows apart (``Marat`` and ``Murat``). Measured on the UK, EU and
# US lists: among the records of one list born on the same day, the names it pairs are each
# one person listed twice (docs/development.md).
CLOSE_EDITS = 2
CLOSE_LENGTH = 3  # shorter words must read alike
WORD_PAIRS = 100_000  # pairs of words remembered: a screening compares the same ones often
# Burmese romanisations write an aspirated or voiceless consonant with an h before it (``Htun``,
# ``Hseng``, ``Hla``, ``Hpone``), which another list's spelling of the same name leaves out
# (``Tun``, ``Saing``). No word of a European language or of Arabic begins so.
ASPIRATED = re.compile(r"^h(?=[stpklmnw])")


@lru_cache(maxsize=WORD_PAIRS)
def reads_alike(a: str, b: str) -> bool:
    """Whether two words are one word in two spellings: some romanisation reads them alike,
    they are two languages' forms of one given name, or they are one father's name."""
    if _match(a, _their_words([b])) is not None:
        return True
    fathers = [relaxed(r) for r in readings(b) if PATRONYMIC.search(relaxed(r))]
    return any(same_patronymic(relaxed(r), father) for r in readings(a) for father in fathers)


def one_name(a: str, b: str) -> bool:
    """Whether two words are one name: they read alike, or rigour's name data (Wikidata)
    knows them as one name (``Taher`` and ``Tahir``)."""
    return reads_alike(a, b) or bool(_names_known(a) & _names_known(b))


@lru_cache(maxsize=WORD_PAIRS)
def close(a: str, b: str) -> bool:
    """Whether two words are one name (``one_name``), or, as written and three letters long
    or more (``CLOSE_LENGTH``), one edit apart, or two with the same
    first letter (an h marking a Burmese aspirate aside): ``Dway`` and ``Dwe``, ``Doku`` and
    ``Dokka``, not ``Chol`` and ``Hyok`` or ``Mironov`` and ``Ivanov``; never two words that
    rigour knows as two names (``Kamal`` and ``Jamal``)."""
    if one_name(a, b):
        return True
    if min(len(a), len(b)) < CLOSE_LENGTH or _known_apart(a, b):
        return False
    for x in _close_forms(a):
        for y in _close_forms(b):
            edits = OSA.distance(x, y, score_cutoff=CLOSE_EDITS)
            if edits <= 1 or (edits <= CLOSE_EDITS and x[:1] == y[:1]):
                return True
    return False


# A Burmese syllable's final nasal, which romanisations write n, ne or ng (``Lone``, ``Lon``,
# ``Long``: one syllable, the EU's ``Sai Long Hseng`` being the US's ``SAING, Sai Lone``).
FINAL_NASAL = re.compile(r"n(?:e|g)?$")


@lru_cache(maxsize=WORD_PAIRS)
def close_by_ear(a: str, b: str) -> bool:
    """``close``, or, for the words of a Burmese name, ``one_nasal``: one syllable whose final
    nasal is spelled two ways, which rigour's knowing both words as two names of other
    languages (``Lone`` a Danish one, ``Long`` a Chinese one) does not hold apart. Any other
    two words rigour knows apart stay apart, Burmese ones too (``Min`` and ``Win``, ``Tin`` and
    ``Tun`` are names of their own)."""
    return close(a, b) or one_nasal(a, b)


def one_nasal(a: str, b: str) -> bool:
    """Whether two words, as written, differ only in how a final nasal is spelled (n, ne,
    ng)."""
    x, y = ascii_token(a).lower(), ascii_token(b).lower()
    return (
        x != y
        and bool(FINAL_NASAL.search(x))
        and (FINAL_NASAL.sub("n", x) == FINAL_NASAL.sub("n", y))
    )


def _known_apart(a: str, b: str) -> bool:
    """Whether rigour's name data knows both words as names, and as different ones: twins
    are named so (the Makhlouf brothers ``Iyad`` and ``Ihab``, born the same day, are both
    listed), and a misprint seldom makes another name."""
    mine, theirs = _names_known(a), _names_known(b)
    return bool(mine and theirs and not mine & theirs)


@lru_cache(maxsize=WORD_PAIRS)
def _names_known(word: str) -> frozenset[str]:
    """The names (Wikidata items) rigour's person-name tagger reads this word as."""
    from rigour.names.analyze import analyze_names
    from rigour.names.symbol import SymbolCategory
    from rigour.names.tag import NameTypeTag

    return frozenset(
        str(symbol.id)
        for name in analyze_names(NameTypeTag.PER, [word])
        for symbol in name.symbols
        if symbol.category == SymbolCategory.NAME
    )


def _close_forms(word: str) -> set[str]:
    """A word as written, in Latin letters, and without a Burmese aspirate's h: the letters
    the lists printed, not a romanisation system's reading, whose vowels and sibilants are
    made one (relaxed, ``Chol`` and ``Hyok`` would be two letters apart)."""
    written = ascii_token(word).lower()
    return {written, ASPIRATED.sub("", written)} if written else set()


PAIRED_WORDS = 64  # a "name" of more words than this is not one


def paired(
    mine: list[str], theirs: list[str], fits: Callable[[str, str], bool]
) -> list[tuple[str, str]] | None:
    """Each of ``mine`` with a word of ``theirs`` that ``fits`` it, no word of ``theirs``
    taken twice, as many pairs read alike as can be, or None where there is no such pairing.
    An assignment of least cost (scipy's): a pair read alike costs nothing, one that only
    fits costs one, one that does not fit more than all the others together. Its cost grows
    with the cube of a name's words, never exponentially, whatever a list prints (a chain of
    twenty ``bin Muhammad`` is a real name's shape); ``Tun Htun`` pairs ``tun`` with ``tun``
    beside ``Tun Htin``, not with ``htin``."""
    if not mine or len(mine) > len(theirs) or len(theirs) > PAIRED_WORDS:
        return None
    from scipy.optimize import linear_sum_assignment

    unfit = len(mine) + 1
    cost = np.full((len(mine), len(theirs)), unfit)
    for i, word in enumerate(mine):
        for j, other in enumerate(theirs):
            if fits(word, other):
                cost[i, j] = 0 if reads_alike(word, other) else 1
    rows, cols = linear_sum_assignment(cost)
    if (cost[rows, cols] >= unfit).any():
        return None
    partner = dict(zip(rows.tolist(), cols.tolist(), strict=True))
    return [(word, theirs[partner[i]]) for i, word in enumerate(mine)]
