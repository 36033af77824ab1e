"""What to do about a bad value, in words an editor can act on.

A finding names the cell; its message must also say what is wrong *in* the cell and what to
type instead: which item of a ``;``-separated cell is not allowed and the nearest allowed
value, that ``;`` (not a comma) separates values, which invisible or look-alike character sits
where (named in words, never as ``\\u00a0``), the ISO form of a date written with a month name,
and that ``12/03/1965`` could be either of two days. One function per finding code, looked up
by code; each returns the clause that follows the value, or an empty string.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

from babel import Locale

from sanctions.common.countries import country_code, suggest_country
from sanctions.workbook.layout import MULTI_SEPARATOR, ColumnSpec, Layout

Hint = Callable[[ColumnSpec, str, Layout], str]

# Invisible characters an editor pastes from Word or a web page, named as a person would.
INVISIBLE_NAMES = {
    "\u00a0": "a non-breaking space",
    "\u2007": "a non-breaking space",
    "\u202f": "a narrow non-breaking space",
    "\u00ad": "a soft hyphen",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark",
    "\u2060": "a word joiner",
    "\ufeff": "a byte-order mark",
}
SCRIPTS = {"CYRILLIC": "Cyrillic", "GREEK": "Greek"}
# Languages whose month names an editor may type (English first: it decides a tie).
MONTH_LANGUAGES = ("en", "fr", "de", "es", "ru", "kk")
MAX_LISTED = 3


def _items(value: str) -> list[str]:
    return [item.strip() for item in value.split(MULTI_SEPARATOR) if item.strip()]


def _nearest(item: str, allowed: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(item.lower(), list(allowed), n=1, cutoff=0.6)
    return found[0] if found else None


def _commas(col: ColumnSpec, value: str, ok: Callable[[str], bool]) -> str:
    """The advice to use ';' when the cell reads as several good values split by commas."""
    if not col.multi or "," not in value:
        return ""
    parts = [p.strip() for p in value.replace(MULTI_SEPARATOR, ",").split(",") if p.strip()]
    if len(parts) > 1 and all(ok(p) for p in parts):
        return f": separate several values with ';', not commas: '{'; '.join(parts)}'"
    return ""


def _which(
    col: ColumnSpec, value: str, bad: list[str], what: str, near: Callable[[str], str]
) -> str:
    """' is not X (did you mean …?)' for one value; ": 'a' is not X (…)" for items of many."""
    said = [(item, near(item)) for item in bad[:MAX_LISTED]]
    if not col.multi:
        return f" is not {what}" + (f" (did you mean {said[0][1]}?)" if said and said[0][1] else "")
    items = [f"'{item}' is not {what}" + (f" (did you mean {n}?)" if n else "") for item, n in said]
    return f": {', '.join(items)}"


def vocabulary(col: ColumnSpec, value: str, layout: Layout) -> str:
    allowed = list(layout.vocabularies.get(col.vocabulary or "", {}))
    commas = _commas(col, value, lambda p: p in allowed)
    if commas:
        return commas
    bad = [item for item in _items(value) if item not in allowed] if col.multi else [value]

    def near(item: str) -> str:
        found = _nearest(item, allowed)
        return f"'{found}'" if found else ""

    return f"{_which(col, value, bad, 'allowed', near)}; choose from: {', '.join(allowed)}"


def country(col: ColumnSpec, value: str, layout: Layout) -> str:
    commas = _commas(col, value, lambda p: country_code(p) is not None)
    if commas:
        return commas
    items = _items(value) if col.multi else [value]
    bad = [item for item in items if country_code(item) is None]
    said = _which(col, value, bad, "a country", suggest_country)
    return f"{said}; write its code (e.g. kz) or its name (Kazakhstan)"


def invisible(col: ColumnSpec, value: str, layout: Layout) -> str:
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


def lookalike(col: ColumnSpec, value: str, layout: Layout) -> str:
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


@cache
def _months() -> dict[str, int]:
    """Month names and abbreviations, lower-case, in the languages editors write, to 1-12."""
    out: dict[str, int] = {}
    for language in MONTH_LANGUAGES:
        locale = Locale.parse(language)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    out.setdefault(name.lower().rstrip("."), number)
    return out


def _day(day: int, month: int) -> str:
    return f"{day} {Locale.parse('en').months['format']['wide'][month]}"


_NUMERIC = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_WORDS = re.compile(r"[^\W\d_]+\.?|\d+")


def date(col: ColumnSpec, value: str, layout: Layout) -> str:
    text = value.strip()
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        a, b, year = int(numeric.group(1)), int(numeric.group(2)), numeric.group(3)
        if 1 <= a <= 12 and 1 <= b <= 12 and a != b:
            first, second = _day(a, b), _day(b, a)
            return (
                f": day and month are ambiguous, it could be {first} or {second}; write "
                f"{year}-{b:02d}-{a:02d} for {first} or {year}-{a:02d}-{b:02d} for {second}"
            )
        if 1 <= b <= 12 < a <= 31:
            return f": write {year}-{b:02d}-{a:02d}"
        if 1 <= a <= 12 < b <= 31:
            return f": write {year}-{a:02d}-{b:02d}"
        return ""
    words = _WORDS.findall(text.lower())
    months = [m for w in words if (m := _months().get(w.rstrip("."))) is not None]
    numbers = [int(w) for w in words if w.isdigit()]
    years = [n for n in numbers if 1000 <= n <= 2999]
    days = [n for n in numbers if 1 <= n <= 31]
    if len(months) != 1 or len(years) != 1 or len(words) != 2 + len(days):
        return ""
    iso = f"{years[0]}-{months[0]:02d}" + (f"-{days[0]:02d}" if len(days) == 1 else "")
    return f": write {iso}" if len(days) <= 1 else ""


HINTS: dict[str, Hint] = {
    "vocab.invalid": vocabulary,
    "country.unknown": country,
    "text.invisible": invisible,
    "id.invisible": invisible,
    "text.mixed_script": lookalike,
    "date.invalid": date,
}


def hint(code: str, col: ColumnSpec, value: str | None, layout: Layout) -> str:
    """The clause that says what to do about ``value``, or an empty string."""
    found = HINTS.get(code)
    return found(col, value, layout) if found is not None and value is not None else ""
