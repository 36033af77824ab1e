"""Whether the values a row gives are stated in the copies of the sources it cites for them:
an incident's dates, place and victims, a post's dates, a person's identifying details (each
column the schema gives ``sources``, looked for as its ``found_as`` says).

A letter prints them as facts ("on 15 May 2020, Zhanaozen", "Victims: Serik Orazov", "from
March 2015 to 31 December 2020"), and a mistyped day or a misnamed victim is a wrong fact in a
government's file. Each is looked for as the sources write it:

- a date in any of the usual forms (``written_in``: ``15.05.2020``, ``15 May 2020``, ``15 мая
  2020``; a month as ``May 2020``, a year alone as itself), or placed by the source from a day
  it writes ("A day earlier, in Astana, …" after "On 18 September 2018");
- a place (its first part: ``Almaty`` of "Almaty, Kazakhstan") or a person's name as typed, or
  in another script, spelling or grammatical case, read as ``common/mentions`` reads names
  (``Almaty`` in "в Алматы", ``Semenova`` as "Semyenova");
- an ID number by its letters and digits, whatever the spacing or punctuation;
- a country (a nationality, which is citizenship) by its name or the word its people are called
  by, which begins as the name does, beside words that state a citizenship ("a Kazakh
  citizen", "a national of Kazakhstan", "гражданин Республики Казахстан"): every source on a
  country names it, and "a Russian-language newspaper" states no one's citizenship.

Warnings, not errors: a source may write a date in words. A person's identifying details are
judged together, in one warning for the person (``identity.py``); this module's rule takes the
other sheets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import pandas as pd

from sanctions.common.countries import country_code, country_name, names_by_country
from sanctions.common.data import read_yaml, schemas_dir
from sanctions.common.dates import is_valid
from sanctions.common.mentions import mentions, person, reading_of
from sanctions.evidence.passages import fold_text, parts, spans, unbroken_text
from sanctions.evidence.quoting import Copy, ReadableOf, copies_of, sourced_columns
from sanctions.rules.finding import Finding
from sanctions.workbook.columns.dates import bounded, last_day_named, written_in
from sanctions.workbook.columns.values import items
from sanctions.workbook.layout import ColumnSpec
from sanctions.workbook.reader import row_number
from sanctions.workbook.sheets import Sheets, SheetsRule

# Words that place a day by one the source writes, by how many days that one is from it: "A day
# earlier" after "18 September" is the 17th.
RELATIVE = {
    1: (
        "a day earlier",
        "the day before",
        "the previous day",
        "the preceding day",
        "накануне",
        "днем ранее",
        "днём ранее",
    ),
    -1: ("a day later", "the next day", "the following day", "the day after", "на следующий день"),
}
# How far before such words the day they place it by is looked for.
PLACED_WITHIN = 2000
PLACE_NAMES = "place_names.yaml"
# How far from a passage the row quotes its values are looked for, in characters: about a
# page's paragraph either side. A report states many incidents' dates, places and victims; a
# value stated only far from the row's own passages may be another incident's.
NEAR = 1500
CHECK = "check it against the source, or cite the one that states it"
NEAR_WHERE = "near the passages the row quotes in"
FAR = (
    "they state it only further away, perhaps of another incident: check it, and quote the "
    "passage that states it of this one"
)
# The sheet whose values are a person's identifying details, judged together there.
IDENTIFYING = "persons"
# How a message names one value of a column, where its name does not say it.
NOUNS = {"id_numbers": "ID number", "victims": "victim", "as_of": "date in post"}
# Columns whose values a "yes" in another keeps out of every output, and which may be known
# only from a source no row cites (a confidential victim's name, from an interview's record):
# not looked for while withheld.
WITHHELD_BY = {"victims": "victims_confidential"}
# What that looks for values as: the kinds this module reads (prose is ``inline.py``'s).
KINDS = ("date", "place", "name", "number", "country")
_NOT_ALNUM = re.compile(r"[\W_]+")


def noun(col: ColumnSpec) -> str:
    """``the birth place``, ``the victim``, ``the ID number``: one value of the column."""
    return "the " + NOUNS.get(col.name, col.name.replace("_", " "))


def missing(col: ColumnSpec, value: str, readable: list[Copy]) -> list[str]:
    """What of the cell's value no copy states, worded for a message ("the victim 'Serik
    Orazov'", "the date 2020-05-16 (the month is there, not the day)")."""
    what = noun(col)
    if col.found_as == "date":
        said = date_missing(value, readable, what)
        return [] if said is None else [said]
    values = items(value) if col.multi or col.found_as == "place" else [value]
    finders: dict[str, Callable[[str, Copy], bool]] = {
        "number": number_in,
        "place": place_in,
        "country": country_in,
    }
    found = finders.get(col.found_as or "", named_in)
    return [f"{what} '{v}'" for v in values if v and not any(found(v, c) for c in readable)]


def date_missing(date: str, readable: list[Copy], what: str) -> str | None:
    """What of ``date`` (ISO, as the workbook holds it) no copy states, worded for a message
    as ``what`` names the date ("the birth date 1965-03-12"); None when some copy states it."""
    year = date[:4]
    if "-" not in date:
        return None if any(bounded(c.lowered, year) for c in readable) else f"{what} {date}"
    for copy in readable:
        if written_in(copy.text or "", date, copy.lowered):
            return None
    if date.count("-") == 2 and _placed(date, readable):
        return None
    if date.count("-") == 2 and any(
        written_in(c.text or "", date[:7], c.lowered) for c in readable
    ):
        # a month typed into Excel ("Jan 2015") becomes a date cell: the 1st of it
        excel = "; if the cell is an Excel date, Excel added the 1st to a month: type 2015-01"
        return f"{what} {date} (the month is there, not the day{excel * date.endswith('-01')})"
    if any(bounded(c.lowered, year) for c in readable):
        return f"{what} {date} (the year is there, not the month{' or day' * (len(date) > 7)})"
    return f"{what} {date}"


def _placed(date: str, readable: list[Copy]) -> bool:
    """Whether a copy places the day by the last day it names before words that place it
    ("On 18 September 2018 … A day earlier, …")."""
    day = dt.date.fromisoformat(date)
    for offset, phrases in RELATIVE.items():
        base = day + dt.timedelta(days=offset)
        for copy in readable:
            text = copy.text or ""
            for phrase in phrases:
                at = copy.lowered.find(phrase)
                while at != -1:
                    before = text[max(0, at - PLACED_WITHIN) : at]
                    if last_day_named(before) == (base.day, base.month) and written_in(
                        before, base.isoformat()
                    ):
                        return True
                    at = copy.lowered.find(phrase, at + 1)
    return False


def named_in(name: str, copy: Copy) -> bool:
    """Whether the copy names the person: as typed (folded), or in another script, spelling,
    order or grammatical case, read as a name is, by the surname with a given name or initial
    beside it ("S. Orazov", "Оразова Серика"): the surname alone may be a relative's or a
    namesake's ("Orazova", "Marat Orazov")."""
    if bounded(copy.folded, fold_text(name).strip()):
        return True
    named = person(name, frozenset())
    if named is None:
        return False
    if named.alone and named.others:
        named = replace(named, alone=False)
    return not mentions(reading_of(copy.text or ""), [named]).empty


def place_in(place: str, copy: Copy) -> bool:
    """Whether the copy names the place: every word of its name (the part before a comma or a
    bracket, without words that say what kind of place it is: "Karaganda region" is
    Karaganda), as typed or in another script, spelling or grammatical case ("в Алматы"), or
    by another name of it (``schemas/place_names.yaml``: "Nur-Sultan" for Astana)."""
    name = re.split(r"[,(]", place)[0].strip()
    kinds = _place_names()[1]
    words = [w for w in re.split(r"[\s.]+", name) if w and w.casefold() not in kinds]
    if not words:
        return True
    for alias in _aliases(" ".join(words)):
        if all(_word_named(w, copy) for w in alias.split()):
            return True
    return False


def _word_named(word: str, copy: Copy) -> bool:
    if bounded(copy.folded, fold_text(word).strip()):
        return True
    named = person(word, frozenset())
    return named is not None and not mentions(reading_of(copy.text or ""), [named]).empty


def _aliases(name: str) -> list[str]:
    """The place's names: itself, and the others of its group in place_names.yaml."""
    groups, _ = _place_names()
    return [name, *[n for n in groups.get(name.casefold(), ()) if n.casefold() != name.casefold()]]


@cache
def _place_names() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """place_names.yaml: each name (casefolded) to its group, and the words of kind."""
    raw = read_yaml(schemas_dir() / PLACE_NAMES)
    groups: dict[str, tuple[str, ...]] = {}
    for group in raw["places"]:
        names = tuple(str(n) for n in group)
        for name in names:
            groups[name.casefold()] = names
    return groups, frozenset(str(k).casefold() for k in raw["kinds"])


# How many letters of a country's name the word for its people shares, at least: "Kazakh" of
# Kazakhstan, "российский" of Россия, "Uzbek" of Uzbekistan ("French" of France is not found,
# and the warning asks the editor to check).
PEOPLE_STEM = 5
# The languages a country is looked for in (its names in CLDR, by babel): those of the sources
# such lists cite.
COUNTRY_LANGUAGES = ("en", "ru", "kk", "uk", "de", "fr", "es")


# How sources state a citizenship, and the countries' other names (``schemas/``).
CITIZENSHIP = "citizenship.yaml"


def country_in(country: str, copy: Copy) -> bool:
    """Whether the copy states the country (a code or a name, as the workbook holds it) as a
    citizenship: its word beside a word that states one, as ``schemas/citizenship.yaml`` says
    ("a Kazakh citizen", "гражданин Казахстана"; not "a Russian-language newspaper", nor
    "Kazakhstan" anywhere in a report on it); a name no code is known for, as a place."""
    code = country_code(country)
    if code is None:
        return place_in(country, copy)
    return _states_citizenship(code, copy)


def _states_citizenship(code: str, copy: Copy) -> bool:
    """``country_in`` for a country's code: once per copy (several persons cite it, kept with
    the copy), and only around the words that may state a citizenship (a copy has few)."""
    if code not in copy.worked:
        copy.worked[code] = _stated_in(code, copy.unbroken)
    return copy.worked[code]


def _stated_in(code: str, text: str) -> bool:
    rules = _citizenship_rules()
    pattern = _citizenship(code)
    for start, end in _windows(rules.anchor, text):
        # the end unseen by the pattern's look-aheads is a space: no word is cut there
        for found in pattern.finditer(text, start, end):
            if (
                rules.not_after.search(
                    text, max(0, found.start() - NOT_AFTER_WITHIN), found.start()
                )
                is None
                and rules.not_before.match(text, found.end()) is None
                and not _anothers(next(w for w in found.groups() if w is not None), code)
            ):
                return True
    return False


def _windows(anchor: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The stretches around the words that may state a citizenship, each from a space to a
    space (a word cut short is no word), overlapping ones merged."""
    windows: list[tuple[int, int]] = []
    for found in anchor.finditer(text):
        start = text.rfind(" ", 0, max(0, found.start() - REACH)) + 1
        end = text.find(" ", found.end() + REACH)
        end = len(text) if end == -1 else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


# How far from a word stating a citizenship the country's word may end: the words between and
# the longest names ("гражданин Республики Казахстан", "a citizen of the Republic of ...").
REACH = 160


@lru_cache(maxsize=4096)
def _anothers(word: str, code: str) -> bool:
    """Whether the country's word is another country's: it begins as another's name does, and
    as none as long of its own ("Australian" of Austria, "Nigerian" of Niger). Asked once per
    word and country: a list's copies state few."""
    own = _names(code)
    longest = max((len(n) for n in own if word.startswith(n)), default=0)
    return any(len(name) > longest and word.startswith(name) for name in _all_names() - own)


# How far before a statement of citizenship ``not_after``'s words are looked for: a few words
# ("was stripped of his", "applied for").
NOT_AFTER_WITHIN = 30


_LETTERS = r"[^\W\d_]"
# The hyphens that join a word to another ("Russian-language"); a dash between words ("Nationality—
# Kazakhstan") parts them.
_HYPHENS = re.escape("-‐‑")
# What may part the words of a statement of citizenship: spaces, a colon, a table's bar,
# brackets, quotation marks, a dash between spaces ("Гражданство – Россия").
_PARTING = r"(?:[\s:|()\[\]\"'«»“”„‘’/–—]|\s-\s)+"


@dataclass(frozen=True)
class _Rules:
    states: str  # a word stating a citizenship, as a pattern
    anchor: re.Pattern[str]  # the same, or "national", where a statement may stand
    between: str
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]
    other_names: dict[str, list[str]]


def _words(words: list[str]) -> str:
    """``citizenship.yaml``'s words as a pattern: each the beginning of a word, or, ending with
    "$", the whole word."""
    return "|".join(
        re.escape(w[:-1]) if w.endswith("$") else re.escape(w) + _LETTERS + "*"
        for w in sorted(words, key=lambda w: (-len(w), w))
    )


@cache
def _citizenship_rules() -> _Rules:
    raw = read_yaml(schemas_dir() / CITIZENSHIP)
    alone = rf"(?<!{_LETTERS})(?:{{}})(?!{_LETTERS})"
    return _Rules(
        states=alone.format(_words(raw["states"])),
        anchor=re.compile(alone.format(_words([*raw["states"], "national"]))),
        between=alone.format(_words(raw["between"])),
        not_after=re.compile(alone.format(_words(raw["not_after"]))),
        not_before=re.compile(_PARTING + alone.format(_words(raw["not_before"]))),
        other_names={str(k): [str(n) for n in v] for k, v in raw["other_names"].items()},
    )


@cache
def _names(code: str) -> frozenset[str]:
    """The country's names as copies are read (``unbroken_text``), in the sources' languages."""
    names = names_by_country(COUNTRY_LANGUAGES).get(code.lower(), frozenset())
    return frozenset(unbroken_text(n).strip() for n in names | {country_name(code)})


@cache
def _all_names() -> frozenset[str]:
    return frozenset(n for code in names_by_country(COUNTRY_LANGUAGES) for n in _names(code))


@cache
def _citizenship(code: str) -> re.Pattern[str]:
    """The country's word and a word stating a citizenship, in either order, with only
    ``between``'s words between them (the country's word the match's group): one pattern per
    country, for every person whose nationality is looked for.

    The country's word begins as one of its names does (the first five letters of a name of one
    word, as "Kazakh" does Kazakhstan's; a shorter name, or a name of several words, whole:
    "United States" is not "United Arab Emirates", "Inde" not "independent"), or is one of the
    other names; it is not joined by a hyphen to another word ("Russian-language",
    "non-Russian")."""
    rules = _citizenship_rules()
    names = _names(code)
    words = [
        _words([n[:PEOPLE_STEM]]) if len(n) >= PEOPLE_STEM else _words([n + "$"])
        for n in names
        if n and not _SEVERAL.search(n)
    ]
    words += [
        "(?:\\s+|[-‐‑])".join(re.escape(part) for part in _SEVERAL.split(n))
        for n in names
        if _SEVERAL.search(n)
    ]
    words += [_words([n]) for n in rules.other_names.get(code.lower(), [])]
    country = "|".join(sorted(set(words), key=lambda w: (-len(w), w)))

    def word(group: str) -> str:
        return rf"(?<!{_LETTERS}|[{_HYPHENS}])(?P<{group}>{country})(?!{_LETTERS}|[{_HYPHENS}])"

    between = rf"(?:{rules.between}{_PARTING})"
    pattern = re.compile(
        rf"{word('a')}(?:['’]s?)?{_PARTING}{between}{{0,2}}"
        rf"(?:{rules.states}|nationals(?!{_LETTERS}))"
        rf"|{word('b')}{_PARTING}national(?=\s*[,.;)])"
        rf"|(?:{rules.states}|(?<!{_LETTERS})nationals?\s+of(?!{_LETTERS})){_PARTING}"
        rf"{between}{{0,4}}{word('c')}"
    )
    return pattern


_SEVERAL = re.compile(r"[\s\-‐‑]+")


def number_in(number: str, copy: Copy, whole: bool = False) -> bool:
    """Whether the copy holds an ID number: the letters and digits of its parts that have a
    digit, whatever the spacing or punctuation between them ("Passport N 12-34" is in
    "passport, n1234,"), or, unless ``whole``, its digits alone where a source writes the
    prefix its own way ("No. 1234567" for N1234567); never as part of a longer number."""
    digits = [w for w in number.split() if any(ch.isdigit() for ch in w)]
    core = _NOT_ALNUM.sub("", fold_text(" ".join(digits or [number])))
    if not core:
        return True
    runs = [core] + [r for r in re.findall(r"\d{5,}", core) if r != core and not whole]
    return any(_spaced(run).search(copy.folded) for run in runs)


@lru_cache(maxsize=1024)
def _spaced(core: str) -> re.Pattern[str]:
    """``core`` with any spacing or punctuation between its characters, and no digit (or
    letter) just before or after a digit (or letter) it begins or ends with: "N1234" holds
    1234, "12345" does not."""
    inner = r"[\W_]*".join(re.escape(ch) for ch in core)
    before = r"(?<!\d)" if core[0].isdigit() else r"(?<![^\W\d_])"
    after = r"(?!\d)" if core[-1].isdigit() else r"(?![^\W\d_])"
    return re.compile(before + inner + after)


def _stated(sheets: Sheets) -> Iterator[Finding]:
    readable = ReadableOf(copies_of(sheets))
    for sheet, col, frame in sourced_columns(sheets, KINDS, skip=IDENTIFYING):
        cites = str(col.sources)
        given = looked_for(frame, col)
        quotes = (
            frame.loc[given, "quote"].tolist() if "quote" in frame else [None] * int(given.sum())
        )
        for label, value, cited, quote in zip(
            frame.index[given],
            frame.loc[given, col.name].astype(str).tolist(),
            frame.loc[given, cites].astype(str).tolist(),
            quotes,
            strict=True,
        ):
            if not readable[cited]:  # nothing to read, or not all: their warnings say so
                continue
            said, where, todo = missing(col, value, readable[cited]), "in", CHECK
            long = any(len(c.text or "") > 2 * NEAR for c in readable[cited])
            if not said and long and isinstance(quote, str):
                # stated in the copy: but of this incident or post, near its passages? (a
                # short copy is near whole)
                near = near_passages(readable[cited], items(quote))
                said, where, todo = missing(col, value, near) if near else [], NEAR_WHERE, FAR
            for missed in said:
                yield sheets.finding(
                    VALUE_NOT_FOUND,
                    sheet,
                    col.name,
                    row_number(label),
                    value,
                    missing=missed,
                    where=where,
                    cited=readable.named(cited),
                    todo=todo,
                )


def looked_for(frame: pd.DataFrame, col: ColumnSpec) -> pd.Series:
    """The cells of a column read as one of ``KINDS`` whose value is looked for in their
    sources' copies: those with a value and sources, but a date the date rules refuse (theirs
    to report) and a value withheld from every output."""
    given = frame[col.name].notna() & frame[str(col.sources)].notna()
    if col.found_as == "date":
        given &= is_valid(frame[col.name].fillna("").astype(str))
    withheld = WITHHELD_BY.get(col.name)
    if withheld in frame:
        given &= frame[withheld].fillna("") != "yes"
    return given


def near_passages(copies: list[Copy], quotes: list[str]) -> list[Copy]:
    """The stretches of the copies within ``NEAR`` characters of a passage the row quotes, as
    copies of their own; none where no passage is found (its words then say nothing of where
    the value is). A copy short enough is near whole."""
    pieces = [parts(q) for q in quotes]
    near: list[Copy] = []
    for copy in copies:
        text = copy.text or ""
        if len(text) <= 2 * NEAR:
            if any(copy.holds(p) for p in pieces if p):
                near.append(copy)
            continue
        windows = [
            (found[0][0], found[-1][1]) for p in pieces if p for found in spans(p, copy.folded)
        ]
        if not windows:
            continue
        origin = copy.origin  # where each folded character stands in the copy (worked out once)
        kept = "\n\n".join(
            text[max(0, origin[a] - NEAR) : origin[min(b, len(origin)) - 1] + NEAR]
            for a, b in sorted(windows)
        )
        near.append(Copy(copy.eid, copy.name, kept, None, fold_text(kept)))
    return near


VALUE_NOT_FOUND = SheetsRule(
    "quote.value_not_found",
    "warning",
    "A date, place or name a row gives (an incident's dates, place and victims, a post's "
    "dates) that none of the copies of the sources the row cites states, in any usual form, "
    "spelling or script, or states only far from the passages the row quotes (perhaps of "
    "another incident): a letter prints it as a fact.",
    "{missing} is not {where} the copies of {cited}: {todo}",
    check=_stated,
)

RULES = (VALUE_NOT_FOUND,)
