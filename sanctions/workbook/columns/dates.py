"""Dates as ISO partial dates written as text (``1965``, ``1965-06``, ``1965-06-15``).

A date written another way gets the ISO form it stands for in the message: ``March 1965`` is
1965-03, ``25.03.1965`` is 1965-03-25, ``2020-8-10`` and ``2020/08/10`` are 2020-08-10, and
``12/03/1965`` could be either of two days.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pandas as pd
from babel import Locale

from sanctions.common import dates
from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column, Vocabularies

# Languages whose month names an editor may type (English first: it decides a tie).
MONTH_LANGUAGES = ("en", "fr", "de", "es", "ru", "kk")


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


def month_names(month: int) -> list[str]:
    """The names and abbreviations of one month (1-12) in the languages editors write, longest
    first (``марта``, ``March``, ``Mar``)."""
    return sorted((n for n, m in _months().items() if m == month), key=len, reverse=True)


def written_in(text: str, when: str, lowered: str | None = None) -> str:
    """A day or month (ISO ``when``) as ``text`` writes it, in any of the usual forms: ISO,
    ``01.03.2020``, ``1/3/2020``, ``1 March 2020``, ``March 1, 2020``, ``1st March 2020``,
    ``1 марта 2020``; ``March 2020`` for a month. ``lowered``: the text casefolded, where the
    caller looks in one text for many dates."""
    low = text.casefold() if lowered is None else lowered
    plain, pattern = _date_forms(when)
    for written, folded in plain:
        if folded in low:
            return written
    match = pattern.search(text)
    return match.group(0) if match else ""


@lru_cache(maxsize=4096)
def _date_forms(when: str) -> tuple[tuple[tuple[str, str], ...], re.Pattern[str]]:
    """The forms ``written_in`` looks for a date in: as typed and in words (each with its
    casefolded form), then one pattern
    of the other ways of writing it (a list repeats its dates: each is worked out once)."""
    year, month, *rest = (int(p) for p in when.split("-"))
    names = "|".join(re.escape(n) for n in month_names(month))
    if rest:
        day = rest[0]
        d, m = rf"0?{day}", rf"0?{month}"
        th = r"(?:st|nd|rd|th)?"
        patterns: tuple[str, ...] = (
            rf"\b{d}[./-]{m}[./-]{year}\b",
            rf"\b{m}/{d}/{year}\b",
            rf"\b{d}{th}\s+(?:of\s+)?(?:{names})\.?,?\s+{year}",
            rf"\b(?:{names})\.?\s+{d}{th},?\s+{year}",
        )
    else:
        patterns = (rf"\b(?:{names})\.?,?\s+{year}", rf"\b0?{month}[./]{year}\b")
    combined = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    plain = tuple((w, w.casefold()) for w in (when, dates.in_words(when)))
    return plain, combined


def _day(day: int, month: int) -> str:
    return f"{day} {Locale.parse('en').months['format']['wide'][month]}"


_NUMERIC = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
# Year first, as ISO, but with one-digit parts or another separator: 2020-8-10, 2020/08/10.
_YEAR_FIRST = re.compile(r"(\d{4})[./-](\d{1,2})(?:[./-](\d{1,2}))?")
_WORDS = re.compile(r"[^\W\d_]+\.?|\d+")


def hint(col: Column, value: str, layout: Vocabularies) -> str:
    text = value.strip()
    year_first = _YEAR_FIRST.fullmatch(text)
    if year_first:
        year, month, day = year_first.groups()
        iso = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
        return f": write {iso}" if dates.is_valid(pd.Series([iso])).all() else ""
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


def not_future(values: pd.Series) -> pd.Series:
    valid = dates.is_valid(values)
    return ~valid | (dates.earliest(values) <= dates.today().isoformat())


# No date a list records (a post, an incident, a document, a release) falls before this year: an
# earlier one is a typo (0202 for 2020), which FtM's dates would then drop at the export.
EARLIEST_YEAR = 1900


def plausible(values: pd.Series) -> pd.Series:
    """In or after ``EARLIEST_YEAR``."""
    valid = dates.is_valid(values)
    years = values.str.slice(0, 4).where(valid, "1950").astype("int64")
    return ~valid | (years >= EARLIEST_YEAR)


def plausible_birth(values: pd.Series) -> pd.Series:
    """Born after 1900 and at least 14 years ago: anything else is almost surely a typo."""
    valid = dates.is_valid(values)
    years = values.str.slice(0, 4).where(valid, "1950").astype("int64")
    return ~valid | years.between(1900, dates.today().year - 14)


INVALID = CellRule(
    "date.invalid",
    "error",
    "Not a date in the form 1965, 1965-06 or 1965-06-15.",
    "{column} {value} is not a valid date{hint}",
    test=lambda col, layout: dates.is_valid,
    hint=hint,
    default_hint="; write 1965, 1965-06 or 1965-06-15",
)
FUTURE = CellRule(
    "date.future",
    "error",
    "A date in the future where only past dates make sense.",
    "{column} {value} is in the future",
    test=lambda col, layout: not_future,
    per_item=False,
)
IMPLAUSIBLE = CellRule(
    "date.implausible",
    "error",
    f"A date before {EARLIEST_YEAR}: almost surely a typo (0202 for 2020).",
    f"{{column}} {{value}} is before {EARLIEST_YEAR}; check the year",
    test=lambda col, layout: plausible,
    per_item=False,
)
IMPLAUSIBLE_BIRTH = CellRule(
    "date.implausible_birth",
    "error",
    "A birth date before 1900 or less than 14 years ago.",
    "{column} {value} is not a plausible birth date",
    test=lambda col, layout: plausible_birth,
    per_item=False,
)


class Date(ColumnType):
    name = "date"
    as_text = True  # Excel would turn 1965-06 into a date of its own

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        future = (FUTURE,) if col.not_future else ()
        plausible = (IMPLAUSIBLE_BIRTH,) if col.birth else (IMPLAUSIBLE,)
        return (INVALID, *future, *plausible)

    def note(self, col: Column, layout: Vocabularies) -> list[str]:
        return ["Write as text: 1965, 1965-06 or 1965-06-15."]
