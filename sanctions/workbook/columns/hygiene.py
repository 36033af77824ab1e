"""The text as the editor typed it: stray spaces, invisible and control characters, look-alike
letters and names in another script; and the cleaning every later step reads through.

These rules read the raw text, before cleaning, so that the message shows what is really in the
cell. Cleaning then removes what they report (invisible characters, doubled and padding
spaces), so that a reference or a vocabulary value is compared without them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pandas as pd

from sanctions.common.patterns import anywhere, found
from sanctions.rules.finding import Severity
from sanctions.workbook.columns.cellrule import CellRule, Column, Vocabularies
from sanctions.workbook.columns.values import by_unique, lacks
from sanctions.workbook.columns.words import INVISIBLE_NAMES, MAX_LISTED, show

LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
OTHER_ALPHABETS = "\u0370-\u03ff\u0400-\u052f"  # Greek and Cyrillic: the homoglyph sources
MIXED_SCRIPT_WORD = (
    f"[{LATIN}][{LATIN}{OTHER_ALPHABETS}]*[{OTHER_ALPHABETS}]"
    f"|[{OTHER_ALPHABETS}][{LATIN}{OTHER_ALPHABETS}]*[{LATIN}]"
)
NOT_LATIN = "[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f]"
INVISIBLE_CHARS = "\u00a0\u00ad\u180e\u2007\u200b-\u200f\u202a-\u202f\u2060-\u2064\ufeff"
INVISIBLE = f"[{INVISIBLE_CHARS}]"
BAD_WHITESPACE = "^[ \t\r\n]|[ \t\r\n]\\Z|  "
# Control characters other than tab and line breaks: Excel stores a pasted one as _x0001_, and
# no .xlsx writer may write it back (openpyxl refuses the whole file).
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
# Only a value with a letter outside ASCII can have a word without a Latin letter.
NOT_ASCII = r"[^\x00-\x7f]"
SCRIPTS = {"CYRILLIC": "Cyrillic", "GREEK": "Greek"}

_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile(f"[{LATIN}]")


def no_word_in_other_script(value: str) -> bool:
    """False when a word is written wholly in another script (``Арман``): that name belongs in
    name_original. A word with one look-alike letter among Latin ones (``Dаuletov``) is a
    typing slip, reported as text.mixed_script, and passes here."""
    return all(_LATIN_LETTER.search(word) for word in _LETTER_RUNS.findall(value))


def invisible(col: Column, value: str, layout: Vocabularies) -> str:
    said = []
    for position, ch in enumerate(value, start=1):
        if ch in INVISIBLE_NAMES or unicodedata.category(ch) == "Cf":
            name = INVISIBLE_NAMES.get(ch) or f"an invisible {unicodedata.name(ch, 'character')}"
            before = re.findall(r"[^\s\u00a0\u2007\u202f]+", value[: position - 1])
            where = f"after '{before[-1]}'" if before else "at the start"
            said.append(f"{name} {where} (position {position})")
    if not said:
        return ""
    fix = "retype it as an ordinary space" if "non-breaking" in said[0] else "delete it"
    return f": {'; '.join(said[:MAX_LISTED])}; {fix}"


def lookalike(col: Column, value: str, layout: Vocabularies) -> str:
    said = []
    for word in re.finditer(r"\w+", value):
        letters = word.group()
        latin = any(_script(c) == "LATIN" for c in letters)
        for offset, ch in enumerate(letters):
            script = _script(ch)
            if latin and script in SCRIPTS:
                position = word.start() + offset + 1
                said.append(f"the letter '{ch}' in position {position} is {SCRIPTS[script]}")
    if not said:
        return ""
    return (
        f": {'; '.join(said[:MAX_LISTED])}, in a word of Latin letters "
        "(a look-alike letter: retype it on a Latin keyboard)"
    )


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ")[0] if ch.isalpha() else ""


def _absent(
    code: str, severity: Severity, meaning: str, message: str, pattern: str, **more: Any
) -> CellRule:
    """A rule on the text as typed: the cell must hold nothing ``pattern`` finds."""
    return CellRule(
        code,
        severity,
        meaning,
        message,
        test=lambda col, layout: lacks(pattern),
        raw=True,
        per_item=False,
        **more,
    )


INVISIBLE_MESSAGE = "{column} {value} contains an invisible character{hint}"


# What the reader makes of spaces (``clean_text``): runs of spaces and tabs made one, the ends
# trimmed; line breaks are kept.
SPACES = "[ \t]+"


def spaced(col: Column, value: str, layout: Vocabularies) -> str:
    """How the value is read, spaces trimmed and single (as ``clean_text`` reads it): what to
    retype it as."""
    return f"; it is read as {show(re.sub(SPACES, ' ', value).strip())}: retype it so"


WHITESPACE = _absent(
    "text.whitespace",
    "warning",
    "Leading, trailing or doubled spaces.",
    "{column} {value} has leading, trailing or doubled spaces{hint}",
    BAD_WHITESPACE,
    hint=spaced,
)
TEXT_INVISIBLE = _absent(
    "text.invisible",
    "warning",
    "An invisible character (zero-width or non-breaking space).",
    INVISIBLE_MESSAGE,
    INVISIBLE,
    hint=invisible,
)
ID_INVISIBLE = _absent(
    "id.invisible",
    "error",
    "An identifier containing an invisible character.",
    INVISIBLE_MESSAGE,
    INVISIBLE,
    hint=invisible,
)
CONTROL_CHARACTER = _absent(
    "text.control",
    "error",
    "A control character (Excel writes a pasted one as _x0001_); no workbook can hold it.",
    "{column} {value} contains a control character (pasted from another program?); retype the text",
    CONTROL,
)
MIXED_SCRIPT = _absent(
    "text.mixed_script",
    "error",
    "A word mixing Latin with Cyrillic or Greek letters, usually a look-alike letter.",
    "{column} {value}{hint}",
    MIXED_SCRIPT_WORD,
    hint=lookalike,
    default_hint=" mixes Latin and Cyrillic/Greek letters in one word (a look-alike letter?)",
)
NAME_NOT_LATIN = CellRule(
    "name.not_latin",
    "warning",
    "A name column that should be in Latin script is not.",
    "{column} {value} is not in Latin script; put the original-script form in name_original",
    test=lambda col, layout: by_unique(no_word_in_other_script, NOT_ASCII),
    raw=True,
    per_item=False,
)


def common(col: Column) -> tuple[CellRule, ...]:
    """The raw-text rules of most columns; a ``latin`` column must also be in Latin script."""
    latin = (NAME_NOT_LATIN,) if col.latin else ()
    return (WHITESPACE, CONTROL_CHARACTER, TEXT_INVISIBLE, *latin)


# A value none of the raw-text rules can fail matches none of these: a column without such a
# value skips them all, at the cost of one pass instead of one per rule.
SUSPECT = "|".join((BAD_WHITESPACE, CONTROL, INVISIBLE, MIXED_SCRIPT_WORD, NOT_ASCII))
NEEDS_CLEANING = f"[{INVISIBLE_CHARS}\t]|  |^[ \r\n]|[ \r\n]\\Z"


def any_suspect(raw: pd.Series) -> bool:
    return anywhere(raw, SUSPECT)


def clean_text(raw: pd.DataFrame) -> pd.DataFrame:
    """What the rest of the pipeline sees: no invisible characters, single spaces, no padding."""
    out = {}
    for name in raw.columns:
        s = raw[name]
        if anywhere(s, NEEDS_CLEANING):  # rare: clean only the values that need it
            dirty = found(s, NEEDS_CLEANING)
            fixed = s[dirty].str.replace("[\u00a0\u2007\u202f]", " ", regex=True)
            fixed = fixed.str.replace(INVISIBLE, "", regex=True)
            fixed = fixed.str.replace(SPACES, " ", regex=True).str.strip()
            s = s.copy()
            s[dirty] = fixed.where(fixed != "", None)
        out[name] = s
    return pd.DataFrame(out, index=raw.index, dtype="str")


# Every raw-text rule, for the registry and the tests.
RULES = (WHITESPACE, TEXT_INVISIBLE, ID_INVISIBLE, CONTROL_CHARACTER, MIXED_SCRIPT, NAME_NOT_LATIN)
