"""What a public output may give of a cell that cites a confidential source: the one rule by which
every public output (the public entities, the public list, the list rows governments publish)
leaves out what only confidential sources state.

A cell citing only confidential sources is withheld whole. A cell citing a public source beside
a confidential one is published as far as the public sources' copies state it, and no further:
a passport number or a birth date only a witness's statement gives is no more published than
the statement, though the report cited beside it is public. Prose is judged by the words it
quotes (``Holding.only_in``); a value (the schema's ``found_as``) is looked for in the public
copies as validate looks for it (``stated``), and:

- an item some public copy states is given (of several victims, ID numbers or places, those);
- a date is given as precisely as the public copies state it ("May 2020" of 2020-05-15, where
  only the witness gives the day), a place as far as they name it ("Zhanaozen" of "Zhanaozen,
  pretrial centre No. 2");
- anything else is left out: what no public copy is found to state may be what the confidential
  one says in words the finders cannot read (a date as "23.VIII.1964", a garbled copy), so
  leaving it out is the one safe reading. Validate warns of a value no copy states.

A text is public only if its source is and, for a source known only through another's copy,
that copy's is (``Holding.public``). An ID number must stand whole in a public copy: its digits
alone, which validate accepts ("No. 1234567" for N1234567), may be another number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

import pandas as pd

from sanctions.common.mentions import Person, Reading, mentions, person, reading_of
from sanctions.evidence.holding import Holding
from sanctions.evidence.passages import DASHES, fold_text, quoted_in
from sanctions.evidence.quoting import Copy
from sanctions.evidence.stated import (
    NEAR,
    country_in,
    date_missing,
    named_in,
    near_passages,
    number_in,
    place_in,
)
from sanctions.workbook.columns.values import items
from sanctions.workbook.layout import ColumnSpec

Value = TypeVar("Value", str, list[str])

# How a value is looked for in one copy, by the column's ``found_as``.
FINDERS: dict[str, Callable[[str, Copy], bool]] = {
    "place": place_in,
    "name": named_in,
    "number": partial(number_in, whole=True),
    "country": country_in,
}


def public_value(
    col: ColumnSpec,
    value: Value | None,
    cited: Sequence[str],
    secret: Set[str],
    holding: Holding | None,
    context: Context | None = None,
) -> Value | None:
    """The cell's value as a public output may give it (the module's rule): itself, less of it,
    or None. ``secret``: the list's confidential sources; ``holding``: the copies (None: not
    read, and a cell citing a confidential source is then withheld); ``context``: where in the
    public copies a value of the row is looked for."""
    if not value:
        return value
    if cited and all(eid in secret for eid in cited):
        return None
    if not any(eid in secret for eid in cited):
        return value
    if holding is None:
        return None  # the copies not read: nothing shows what the public sources state
    if col.found_as not in FINDERS and col.found_as != "date":  # prose: by its quoted words
        text = value if isinstance(value, str) else "; ".join(value)
        return None if holding.only_in(quoted_in(text), cited, secret) else value
    public = [
        copy
        for eid in cited
        if holding.public(eid, secret) and (copy := _copy(holding, eid)) is not None
    ]
    if context is not None:
        public = context.within(public, holding)
    if col.found_as == "date":
        assert isinstance(value, str)
        return _date(value, _about_birth(public) if col.birth else public)
    find = FINDERS[str(col.found_as)]

    def given(item: str) -> str | None:
        if col.found_as == "place":
            return _place(item, public)
        return item if any(find(item, c) for c in public) else None

    if isinstance(value, list):
        shown = [g for item in value if (g := given(item)) is not None]
        return shown or None
    typed = items(value) if col.multi or col.found_as == "place" else [value]
    shown = [g for item in typed if (g := given(item)) is not None]
    return value if shown == typed else "; ".join(shown) or None


def _copy(holding: Holding, eid: str) -> Copy | None:
    """The source's text as one copy, made once for every row that cites it (its casefolded
    text, read by every date looked for, with it)."""
    key = ("copy", eid)
    if key not in holding.worked:
        texts = holding.texts(eid)  # as written, and folded
        holding.worked[key] = None if texts is None else Copy(eid, None, texts[0], None, texts[1])
    found: Copy | None = holding.worked[key]
    return found


@dataclass(frozen=True)
class Context:
    """Where a row's values are looked for in a long public copy, as validate looks for them:
    a person's birth date near where the copy names them (``names``: their names), an
    incident's near the passages its row quotes (``passages``). "The law of 1975" pages away
    states nobody's birth year; a report names many incidents' dates."""

    names: tuple[str, ...] = ()
    passages: tuple[str, ...] = ()

    def within(self, copies: list[Copy], holding: Holding) -> list[Copy]:
        if self.passages:
            quoted = (_near_quoted(c, self.passages, holding) for c in copies)
            return [c for c in quoted if c is not None]
        people = [p for name in self.names if (p := person(name, frozenset())) is not None]
        if not people:
            return copies
        naming = (_naming(c, people, holding) for c in copies)
        return [c for c in naming if c is not None]


def _near_quoted(copy: Copy, passages: tuple[str, ...], holding: Holding) -> Copy | None:
    """The stretches of the copy near the row's passages (``near_passages``), or None: worked
    out once for each row's passages and copy, for every value of the row."""
    key = ("near", copy.eid, passages)
    if key not in holding.worked:
        holding.worked[key] = next(iter(near_passages([copy], list(passages))), None)
    found: Copy | None = holding.worked[key]
    return found


def _naming(copy: Copy, people: list[Person], holding: Holding) -> Copy | None:
    """The stretches of the copy (of about half ``NEAR`` characters, at line ends) that name
    one of ``people``, with the stretch either side, as a copy of their own; None where none
    does. A short copy is near whole. Worked out once for each person's names and copy, for
    every value of theirs the copy is asked for."""
    key = ("naming", copy.eid, tuple(p.name for p in people))
    if key not in holding.worked:
        holding.worked[key] = _near_names(copy, people, holding)
    found: Copy | None = holding.worked[key]
    return found


def _near_names(copy: Copy, people: list[Person], holding: Holding) -> Copy | None:
    text = copy.text or ""
    if len(text) <= 2 * NEAR:
        return copy if not mentions(reading_of(text), people).empty else None
    stretches = _stretches(copy, holding)
    named = mentions(stretches.reading, people).index.tolist()
    last = len(stretches.texts) - 1
    kept = sorted({j for i in named for j in (i - 1, i, i + 1) if 0 <= j <= last})
    if not kept:
        return None
    near = "".join(stretches.texts[j] for j in kept)
    return Copy(copy.eid, copy.name, near, None, stretches.folded(kept, near))


@dataclass(frozen=True)
class Stretches:
    """A long copy in stretches of about half ``NEAR`` characters, each ending at a line's end,
    each folded, and as ``mentions`` reads them: made once for every person whose names are
    looked for in the copy."""

    texts: list[str]
    folds: list[str]
    reading: Reading

    def folded(self, kept: list[int], near: str) -> str:
        """The kept stretches (``near``) folded: their folds joined, the same text, as each
        ends with a line break, which folds to a space or to nothing before more space; but
        for a stretch that ends with a dash, which folding joins to the next line's word
        (``_joins_next``): then the kept stretches are folded together."""
        if any(_joins_next(self.texts[j]) for j in kept[:-1]):
            return fold_text(near)
        return "".join(self.folds[j] for j in kept)


def _stretches(copy: Copy, holding: Holding) -> Stretches:
    key = ("stretches", copy.eid)
    if key not in holding.worked:
        texts, size = [""], NEAR // 2
        for line in (copy.text or "").splitlines(keepends=True):
            if len(texts[-1]) >= size:
                texts.append("")
            texts[-1] += line
        series = pd.Series(texts)
        holding.worked[key] = Stretches(texts, [fold_text(t) for t in texts], Reading(series))
    found: Stretches = holding.worked[key]
    return found


def _joins_next(stretch: str) -> bool:
    """Whether the stretch ends with a dash (whitespace aside), which folding may join to the
    next line's word ("pre-\ntrial")."""
    last = stretch.rstrip()[-1:]
    return bool(last) and unicodedata.normalize("NFKC", last)[-1:] in DASHES


def _place(place: str, public: list[Copy]) -> str | None:
    """The place as far as the public copies name it: whole where they name each of its parts
    ("Example City, Canaryville quarter"), else the part before a comma or bracket, which names
    the place (``place_in``), else nothing."""
    head, *rest = (part.strip(" )") for part in re.split(r"[,(]", place))
    if not any(place_in(head, c) for c in public):
        return None
    if all(any(place_in(part, c) for c in public) for part in rest if part):
        return place
    return head


# Words that say a date is someone's birth, in the languages of the sources ("born", "b.", "date
# of birth", "родился", "рождения", "туған"), and how far from one the date may stand.
# (The look-ahead at their first letters lets the search skip to them: twice as fast.)
BIRTH_WORDS = re.compile(r"(?i)(?=[bdрт])\b(?:born|birth|b\.|d\.?o\.?b|родил|рожд|туған|туылған)")
BIRTH_NEAR = 80


def _about_birth(copies: list[Copy]) -> list[Copy]:
    """The stretches of the copies around words that tell a birth, as copies of their own: a
    birth date is public only where a public copy gives it as one ("born on 1 May 1970"), not
    where the year stands for something else near the name ("the law of 1975")."""
    near: list[Copy] = []
    for copy in copies:
        text = copy.text or ""
        kept = "\n\n".join(
            text[max(0, m.start() - BIRTH_NEAR) : m.end() + BIRTH_NEAR]
            for m in BIRTH_WORDS.finditer(text)
        )
        if kept:
            near.append(Copy(copy.eid, copy.name, kept, None, fold_text(kept)))
    return near


def _date(date: str, public: list[Copy]) -> str | None:
    """The date as precisely as the public copies state it: the day, the month or the year."""
    for stated in dict.fromkeys((date, date[:7], date[:4])):
        if date_missing(stated, public, "") is None:
            return stated
    return None
