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
    for number, name in enumerate(RUSSIAN_IN, start=1):
        out.setdefault(name, number)
    return out


# Russian months after "в" ("в мае 2021"), a case CLDR does not give.
RUSSIAN_IN = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)


def month_names(month: int) -> list[str]:
    """The names and abbreviations of one month (1-12) in the languages editors write, longest
    first (``марта``, ``March``, ``Mar``)."""
    return sorted((n for n, m in _months().items() if m == month), key=len, reverse=True)


def written_in(text: str, when: str, lowered: str | None = None) -> str:
    """A day or month (ISO ``when``) as ``text`` writes it, in any of the usual forms: ISO,
    ``01.03.2020``, ``01.03.20``, ``2020/03/01``, ``1/3/2020``, ``1 March 2020``, ``March 1,
    2020``, ``1st of March 2020``, ``1-Mar-2020``, ``1 марта 2020``, ``«1» марта 2020``, or
    among other days (``1-2 March 2020``, ``March 1–4, 2020``, ``с 1 по 4 марта 2020``, ``on 1,
    2 and 5 March 2020``); a month as ``March 2020``, ``в марте 2020``, ``March 15, 2020``.
    Never inside a longer number (``1 May`` is not in "21 May"). ``lowered``: the text
    casefolded, where the caller looks in one text for many dates."""
    low = text.casefold() if lowered is None else lowered
    if bounded(low, when):  # as typed (ISO): most copies, and nothing to work out
        return when
    words = _in_words(when)
    if bounded(low, words.casefold()):
        return words
    match = _date_pattern(when).search(text)
    return match.group(0) if match else ""


@lru_cache(maxsize=8192)
def _in_words(when: str) -> str:
    return dates.in_words(when)


def bounded(text: str, needle: str) -> bool:
    """Whether ``needle`` stands in ``text`` as words do: no letter or digit just before or
    after it."""
    at = text.find(needle)
    while at != -1:
        end = at + len(needle)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            return True
        at = text.find(needle, at + 1)
    return False


# Between two days of a list or a range: "15-16", "4–7", "1, 2 and 5", "с 4 по 7".
_BETWEEN = r"(?:\s*[-–—‐‑,/&]\s*|\s+(?:and|to|until|till|и|по|до)\s+)"
_TH = r"(?:st|nd|rd|th)?"
_ANY_DAY = rf"[«\"]?(?<!\d)\d{{1,2}}{_TH}(?!\d)[»\"]?"


@lru_cache(maxsize=8192)
def _date_pattern(when: str) -> re.Pattern[str]:
    """One pattern of the ways of writing a date but as typed and in words (a list repeats its
    dates: each is worked out once)."""
    year, month, *rest = (int(p) for p in when.split("-"))
    names = "|".join(re.escape(n) for n in month_names(month))
    month_word = rf"(?<!\w)(?:{names})(?!\w)\.?"
    y = rf"(?<!\d){year}(?!\d)"
    if rest:
        day = rest[0]
        own = rf"[«\"]?(?<!\d)0?{day}{_TH}(?!\d)[»\"]?"
        days = rf"(?:{_ANY_DAY}{_BETWEEN})*{own}(?:{_BETWEEN}{_ANY_DAY})*"
        d, m = rf"(?<![\d.])0?{day}", rf"0?{month}"
        patterns: tuple[str, ...] = (
            rf"{d}[./-]{m}[./-](?:{year}|{year % 100:02d})(?![\d])",
            rf"(?<!\d){year}[./-]{m}[./-]0?{day}(?!\d)",
            rf"(?<![\d.]){m}/0?{day}/{year}(?!\d)",
            rf"{days}[-\s]+(?:of\s+)?{month_word},?[-\s]+(?:of\s+)?{y}",
            rf"{month_word}\s+{days},?\s+{y}",
        )
    else:
        patterns = (
            # the month's name, then the year within a few words ("May 15, 2021", "May of 2021")
            rf"{month_word}[^.\n]{{0,24}}?{y}",
            rf"(?<![\d.])0?{month}[./]{year}(?!\d)",
        )
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def last_day_named(text: str) -> tuple[int, int] | None:
    """The (day, month) of the last day ``text`` names ("On 3 October", "October 3rd",
    "03.10.2018"), year or not; None when it names none."""
    found = list(_any_day_named().finditer(text))
    if not found:
        return None
    last = found[-1]
    numeric, day_first, name_first, day_after = last.group("nd", "nm", "dd", "d2")
    if numeric:
        return int(numeric), int(last.group("nmonth"))
    name = (day_first or name_first or "").lower().rstrip(".")
    return int(day_after if name_first else last.group("d1")), _months()[name]


@cache
def _any_day_named() -> re.Pattern[str]:
    """Any day a text names, by a month's name or in numbers."""
    names = "|".join(re.escape(n) for n in sorted(_months(), key=len, reverse=True))
    return re.compile(
        rf"(?<!\d)(?P<d1>\d{{1,2}}){_TH}\s+(?:of\s+)?(?P<nm>{names})(?!\w)"
        rf"|(?<!\w)(?P<dd>{names})\.?\s+(?P<d2>\d{{1,2}})(?!\d)"
        rf"|(?<![\d.])(?P<nd>\d{{1,2}})[./](?P<nmonth>\d{{1,2}})[./]\d{{2,4}}(?!\d)",
        re.IGNORECASE,
    )


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
    numbers = [int(w) for w in words if w.isdecimal()]
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
