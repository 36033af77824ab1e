"""Whether the passages quoted for an act or a post name the person the row is typed for.

A role is the editor's reading of a passage; the passage is the evidence. A passage that does
not name the person ("the policeman grabbed him by the neck", in a son's account that names no
one) is no account of *their* act, whatever row it is typed on: it is context, and grounds no
criterion (``governments/case``: ``own_passage``), and ``validate`` points at its quote cell.
So with a post: "the longest-serving Prime Minister" shows that someone held the office, not
that this person did; such a post is not told as theirs, and is no post held at the time.

A passage names a person as the victim check finds a name (``common/mentions``): by a surname
of theirs however it is written (another romanisation, Cyrillic, a grammatical case, a
possessive), alone when it has four letters or more, else beside a given name or its initial;
their names are the name, the aliases and the original-script names. A row is named when one of
its passages is: a passage that names the person followed by one on what they did ("He then
…") is how an editor quotes a source that names them once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.common.mentions import MIN_ALONE, Person, compounds_of, person, words_of
from sanctions.model.rows import PersonRow


class Quoting(Protocol):
    """A row typed for one person that quotes its source: an involvement or a positions row."""

    @property
    def row(self) -> int: ...
    @property
    def person_id(self) -> str: ...
    @property
    def quote(self) -> list[str]: ...


# What may stand around a word where a passage is only split at its spaces: punctuation and
# quotation marks, which a whole-word surname is found without.
_AROUND = ".,;:!?\"'“”„«»‘’()[]{}…—–"


def naming_rows(quoting: Iterable[Quoting], persons: Iterable[PersonRow]) -> set[int]:
    """The Excel rows (of one sheet) some passage of which names the row's person; a row
    without a quote names no one.

    Most passages give a surname as the workbook spells it, as a word of its own: those are
    found by their words alone, all passages at once (``_by_surname``), and only the others are
    read as ``mentions`` reads a text (whose readings of every word cost tens of microseconds a
    passage)."""
    people = {p.person_id: p for p in persons}
    quoted = [
        (row, people[row.person_id]) for row in quoting if row.quote and row.person_id in people
    ]
    found = _by_surname(quoted)
    names: dict[str, list[Person]] = {}
    for row, owner in quoted:
        if row.row in found:
            continue
        if owner.person_id not in names:
            names[owner.person_id] = _names(owner)
        if any(_names_in(passage, names[owner.person_id]) for passage in row.quote):
            found.add(row.row)
    return found


def _by_surname(quoted: list[tuple[Quoting, PersonRow]]) -> set[int]:
    """The rows a passage of which holds the person's surname word for word (``_surnames``):
    each passage split at its spaces, the punctuation around each word set aside, compared in
    lower case, over Arrow columns (a passage's words were a Python set each, for 300,000
    passages)."""
    passages: list[str] = []
    surname_of: list[str] = []  # the surname each passage is searched for
    row_of: list[int] = []
    for row, owner in quoted:
        surname = _surname(owner)
        if surname:
            passages.extend(row.quote)
            surname_of.extend([surname] * len(row.quote))
            row_of.extend([row.row] * len(row.quote))
    if not passages:
        return set()
    words = pc.utf8_split_whitespace(pc.utf8_lower(pa.array(passages, pa.string())))
    flat = pc.utf8_trim(pc.list_flatten(words), _AROUND)
    of = pc.list_parent_indices(words)
    wanted = pc.take(pc.utf8_lower(pa.array(surname_of, pa.string())), of)
    hits = pc.filter(of, pc.fill_null(pc.equal(flat, wanted), False))
    at = np.asarray(row_of)
    return set(at[np.unique(hits.to_numpy())].tolist())


def _forms(person_row: PersonRow) -> list[str]:
    return [person_row.name, *person_row.aliases, *person_row.name_original]


def _surname(person_row: PersonRow) -> str:
    """The surname as a passage may give it word for word: the last name, when it is one word
    long enough to name the person alone (which word of a name is the surname is for
    ``mentions`` to tell: "Orazov, Serik" ends with the given name); else none."""
    last = person_row.last_name or ""
    return last if len(last) >= MIN_ALONE and len(last.split()) == 1 else ""


def _names(person_row: PersonRow) -> list[Person]:
    """The person's names as ``mentions`` looks for them (a surname of four letters or more
    counts alone: the list's other names are not weighed here)."""
    return [p for p in (person(n, frozenset()) for n in _forms(person_row)) if p is not None]


def _names_in(passage: str, names: list[Person]) -> bool:
    words, compounds = words_of(passage), compounds_of(passage)
    return any(name.found_in(words, compounds) is not None for name in names)
