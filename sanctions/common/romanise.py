"""Read a name written in any romanisation of Cyrillic back to one spelling.

A name from the former Soviet Union reaches a sanctions list, an NGO's report and a passport
through different systems: BGN/PCGN and the passport standard (ICAO 9303) in English-language
lists, ISO 9 and the scholarly system with diacritics, German (Duden: ``Jurij Schtschukin``),
French (``Iouri Chtchoukine``), Swedish (``Jurij Sjtjukin``, in the EU list's Swedish edition), Polish-style Belarusian Latin (``Kaciaryna``), and the national
systems of Ukraine, Belarus and Kazakhstan. No single folding of letters maps them all to one
form: ``j`` is й in German, ж in French and дж or ж in English; ``ch`` is х in German, ш in
French and ч in English; ``z`` is ц in German and з elsewhere.

So a Latin token is *read* under each system: the system's own rules turn it back into one
canonical spelling (close to BGN/PCGN, with ``kh``/``h``/``g`` as one letter for Ukrainian
``Hennadii`` against Russian ``Gennadiy``, and ``y``/``i``/``ii`` as one). The right reading
of a German spelling equals the canonical reading of the English one. A Cyrillic token is
converted letter by letter (Russian, Ukrainian, Belarusian, Kazakh, Kyrgyz), which is exact
and much faster than a general transliterator. The *skeleton* of a reading drops vowels and
treats the sibilants as one sound, which survives Belarusian vowels (``Lukashenka``,
``Aliaksandr``) and ``-ou`` endings; it finds candidates and is never a score.

Rules are data: each is a regular expression and its replacement, read alike by RE2 (Arrow,
for whole columns of distinct tokens) and Python's ``re`` (for one name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial

import pyarrow as pa
import pyarrow.compute as pc
from rigour.text import ascii_text

Rule = tuple[str, str]

# Cyrillic letters of Russian, Ukrainian, Belarusian, Kazakh and Kyrgyz, to the canonical
# spelling. ў is the Belarusian letter that stands where Russian writes в (Шаўцоў, Шевцов).
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ie", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ў": "w", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia", "ә": "a", "ғ": "g", "қ": "k",
    "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}  # fmt: skip

# Latin letters with diacritics that carry a sound a plain ASCII fold would lose (ISO 9,
# scholarly, Belarusian and Polish Latin, Kazakh Latin); the rest go through ICU.
# A sound that no system reads otherwise is written in capitals, which every system's rules
# leave alone (the Polish-style reading of ``ch`` as х must not touch the ``ch`` of ``č``).
DIACRITICS = {
    "š": "SH", "ž": "ZH", "č": "CH", "ŝ": "SHCH", "ć": "c", "ś": "s", "ź": "z", "ż": "ZH",
    "ł": "l", "ŭ": "w", "û": "iu", "â": "ia", "ê": "ie", "ë": "e", "è": "e", "ǧ": "g",
    "ğ": "g", "ş": "SH", "ı": "i", "ä": "a", "ö": "o", "ü": "u", "ū": "u", "ñ": "n",
}  # fmt: skip

_TABLE = str.maketrans({**CYRILLIC, **DIACRITICS})

# Each system's own reading of the letters that systems disagree on, applied first. What a
# rule writes is in capitals, so that a later rule of the same system does not read it again
# (German ``schtsch`` is щ, not ш followed by х); the reading is lower-cased afterwards.
SYSTEMS: dict[str, tuple[Rule, ...]] = {
    # English-language lists, BGN/PCGN, ICAO 9303, Kazakh and Ukrainian national systems.
    "en": (
        ("dzh", "ZH"),
        ("j", "ZH"),
        ("ch", "CH"),
        ("ck", "K"),
        ("c([eiy])", "TS\\1"),
        ("c", "K"),
    ),
    # German (Duden): Schtschukin, Tschernow, Michail, Saizew, Jurij.
    "de": (
        ("schtsch", "SHCH"),
        ("dsch", "ZH"),
        ("tsch", "CH"),
        ("sch", "SH"),
        ("ch", "KH"),
        ("ck", "K"),
        ("tz", "TS"),
        ("z", "TS"),
        # з is s, с is ss between vowels: Glasjew (Глазьев), Kassjanow (Касьянов)
        ("([aeiouy])s([aeiouyj])", "\\1Z\\2"),
        ("^s([aeiouy])", "Z\\1"),
        ("ss", "S"),
        ("j", "I"),
        ("c", "K"),
    ),
    # French: Chtchoukine, Iouri, Sergueï, Vassili, Djambul.
    "fr": (
        ("chtch", "SHCH"),
        ("tch", "CH"),
        ("ch", "SH"),
        ("dj", "ZH"),
        ("j", "ZH"),
        ("ou", "U"),
        ("gu([eiy])", "G\\1"),
        ("([aeiouy])s([aeiouy])", "\\1Z\\2"),
        ("ss", "S"),
        ("ine$", "IN"),
        ("c", "K"),
    ),
    # Swedish (the transcription the Swedish edition of the EU's list prints): Sjtjukin,
    # Tjernysjov, Zjuravljov, Nikolajevitj, Michajlovitj.
    "sv": (
        ("sjtj", "SHCH"),
        ("dzj", "ZH"),
        ("zj", "ZH"),
        ("tj", "CH"),
        ("sj", "SH"),
        ("ch", "KH"),
        ("j", "I"),
        ("c", "K"),
    ),
    # Polish-style and scholarly Latin (Belarusian Łacinka, Polish texts, the Slavists'
    # system): Kaciaryna, Szewczenko, Jurij, Mixajlovič.
    "pl": (
        ("dzh", "ZH"),
        ("szcz", "SHCH"),
        ("sz", "SH"),
        ("cz", "CH"),
        ("rz", "ZH"),
        ("ch", "KH"),
        ("c", "TS"),
        ("j", "I"),
        ("x", "KH"),
    ),
}

# Applied after every system's own rules, and to converted Cyrillic.
COMMON: tuple[Rule, ...] = (
    ("kh", "h"),
    ("g", "h"),
    ("x", "ks"),
    ("q", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("ye", "e"),
    ("y", "i"),
    # е after a vowel or at the start, which German, French and Ukrainian write ie/je/ïe.
    ("([aeiou])ie", "\\1e"),
    ("^ie", "e"),
    # Belarusian ў after a vowel, written u in Latin: Shautsou, Yauhen.
    ("([aeo])u([bcdfhklmnprstvz])", "\\1v\\2"),
    ("([aeo])u$", "\\1v"),
    # Belarusian ц and дз where Russian has т and д: Kanstantsin, Tatsiana, Dzmitry.
    ("tsi", "ti"),
    ("dz", "d"),
    *((f"{c}{c}+", c) for c in "abcdefhiklmnoprstuvz"),
    ("of$", "ov"),
    ("ef$", "ev"),
)

# A reading relaxed further, for comparing two spellings rather than printing one: patronymic
# endings of each language to one (Kazakh ``Qairatuly``, Russian ``Kairatovich``), and the
# vowels Belarusian and Ukrainian write where Russian has others (``Siamionava``/``Semenova``,
# ``Oleksandr``/``Aleksandr``, ``Andrii``/``Andrei``) to one, and ё however it is written.
RELAXED: tuple[Rule, ...] = (
    # German writes ж and ш alike (Jeschow, Schukow).
    ("zh", "sh"),
    ("i[ao]", "e"),
    # ё after a hushing consonant: German and French write o (Gorbatschow), lists e.
    ("(sh|ch)o", "\\1e"),
    ("o", "a"),
    # Belarusian в and у before a word that Russian starts with a vowel or в (Volha, Uladzimir).
    ("^va", "a"),
    ("^ul", "vl"),
    ("ei$", "i"),
    ("(uli|ahli)$", "avich"),
    ("kizi$", "avna"),
    ("[ei]vich$", "avich"),
    ("[ei]vna$", "avna"),
    *((f"{c}{c}+", c) for c in "ae"),
)

# ё however it is written (Fyodor, Fjodor, Fedor, Фёдор), and nothing else of ``RELAXED``: a
# key for telling whether a word is one listed form of a name, where the Belarusian and
# Ukrainian vowels ``RELAXED`` makes one would also make Petra Petro and Paula Pavlo.
YO: tuple[Rule, ...] = (
    ("i[ao]", "e"),
    ("(sh|ch)o", "\\1e"),
)

SKELETON: tuple[Rule, ...] = (
    ("shch|sh|zh|ch|ts|s|z", "S"),
    ("[aeiou]", ""),
    *((f"{c}{c}+", c) for c in "bdfhklmnprtvS"),
)

_LETTERS = re.compile("[a-zA-Z]+")


Step = Callable[[str], str]


def _plain(pattern: str, replacement: str) -> bool:
    """Whether a rule replaces one string by another, with nothing of a regular expression:
    replaced as a string, which costs a fraction of running RE2 or ``re`` (most rules are)."""
    return re.escape(pattern) == pattern and "\\" not in replacement


def _python(rules: tuple[Rule, ...]) -> tuple[Step, ...]:
    return tuple(_step(p, r) for p, r in rules)


def _step(pattern: str, replacement: str) -> Step:
    if _plain(pattern, replacement):
        return lambda text: text.replace(pattern, replacement)
    return partial(re.compile(pattern).sub, replacement)


_PY_SYSTEMS = {name: _python(rules) for name, rules in SYSTEMS.items()}
_PY_COMMON = _python(COMMON)
_PY_SKELETON = _python(SKELETON)
_PY_RELAXED = _python(RELAXED)
_PY_YO = _python(YO)


@lru_cache(maxsize=200_000)
def ascii_token(token: str) -> str:
    """ASCII letters of one token: Cyrillic by table, other scripts through ICU; lower-case
    but for the capitals of ``DIACRITICS``."""
    text = unicodedata.normalize("NFC", token).lower().translate(_TABLE)
    if not text.isascii():
        text = ascii_text(text)
    return "".join(_LETTERS.findall(text))


def is_latin(token: str) -> bool:
    """Whether a token is written in Latin letters (and so may be in any romanisation)."""
    return not any("\u0400" <= c <= "\u052f" for c in token)


def _apply(rules: tuple[Step, ...], text: str) -> str:
    for step in rules:
        text = step(text)
    return text


@lru_cache(maxsize=200_000)
def read(token: str, system: str) -> str:
    """The canonical spelling of a token written in one system (a Cyrillic token has only
    one reading, whatever the system)."""
    text = ascii_token(token)
    if not text:
        return ""
    rules = _PY_SYSTEMS[system if is_latin(token) else "en"]
    return _apply(_PY_COMMON, _apply(rules, text).lower())


def readings(token: str) -> tuple[str, ...]:
    """The canonical spellings a token may stand for, the English-language reading first,
    without repeats."""
    return tuple(r for r in dict.fromkeys(read(token, s) for s in SYSTEMS) if r)


@lru_cache(maxsize=200_000)
def skeleton(reading: str) -> str:
    """Consonants of a reading, sibilants as one: a key for candidates, never a score."""
    return _apply(_PY_SKELETON, reading).lower()


@lru_cache(maxsize=200_000)
def yo_folded(reading: str) -> str:
    """A reading with ё however it is written made one (``YO``), and nothing else relaxed."""
    return _apply(_PY_YO, reading)


@lru_cache(maxsize=200_000)
def relaxed(reading: str) -> str:
    """A reading with patronymic endings and Belarusian and Ukrainian vowels made one."""
    return _apply(_PY_RELAXED, reading)


def _arrow(array: pa.Array, rules: tuple[Rule, ...]) -> pa.Array:
    for pattern, repl in rules:
        if _plain(pattern, repl):
            array = pc.replace_substring(array, pattern=pattern, replacement=repl)
        else:
            array = pc.replace_substring_regex(array, pattern=pattern, replacement=repl)
    return array


def ascii_array(tokens: pa.Array) -> pa.Array:
    """``ascii_token`` over an array of distinct tokens."""
    return pa.array([ascii_token(t) for t in tokens.to_pylist()], pa.string())


def read_all(
    ascii: pa.Array, cyrillic: pa.Array, then: tuple[Rule, ...] = ()
) -> dict[str, pa.Array]:
    """Each token's reading under every system (a Cyrillic token's is always the English
    one), followed by ``then`` (``RELAXED``, say), inside Arrow.

    Most tokens read alike under most systems, so each system's own rules run first and the
    long common rules run once over the distinct results, not once per system."""
    heads = _heads(ascii, cyrillic)
    distinct = _distinct(heads)
    done = _arrow(_arrow(distinct, COMMON), then)
    return {
        s: done.take(pc.index_in(h.cast(pa.string()), value_set=distinct)) for s, h in heads.items()
    }


def every_reading(ascii: pa.Array, cyrillic: pa.Array, then: tuple[Rule, ...] = ()) -> pa.Array:
    """The distinct readings of all the tokens under all the systems: ``read_all``'s, without
    which token or system gave each."""
    return pc.unique(_arrow(_arrow(_distinct(_heads(ascii, cyrillic)), COMMON), then))


def _heads(ascii: pa.Array, cyrillic: pa.Array) -> dict[str, pa.Array]:
    """Each system's own rules over the tokens (a Cyrillic token's the English ones): the
    other systems' rules run over the Latin tokens only (half of a list that gives its
    people's names in both scripts)."""
    english = pc.utf8_lower(_arrow(ascii, SYSTEMS["en"]))
    latin = pc.invert(cyrillic)
    only_latin = ascii.filter(latin)
    return {
        system: english
        if system == "en"
        else pc.replace_with_mask(english, latin, pc.utf8_lower(_arrow(only_latin, rules)))
        for system, rules in SYSTEMS.items()
    }


def _distinct(heads: dict[str, pa.Array]) -> pa.Array:
    return pc.unique(pa.concat_arrays([h.cast(pa.string()) for h in heads.values()]))


def skeleton_array(read: pa.Array) -> pa.Array:
    """``skeleton`` over an array of readings, inside Arrow."""
    return pc.utf8_lower(_arrow(read, SKELETON))
