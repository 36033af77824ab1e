"""What a public output may give of a cell that cites a confidential source: the one rule by which
every public output (the public entities, the public list, the list rows governments publish)
leaves out what only confidential sources state.

A cell citing only confidential sources is withheld whole. A cell citing a public source beside
a confidential one is published as far as the public sources' copies state it: a passport number
or a birth date only a witness's statement gives is no more published than the statement, though
the report cited beside it is public. So each value is looked for in the copies as validate looks
for it (``stated``: a date in any usual form, a place or name in any script or spelling, an ID
by its letters and digits), and quoted words as ``Holding.only_in`` finds them:

- a value some public copy states is given;
- one a confidential copy states and no public copy does is left out: of several (victims, ID
  numbers, places), that one; of a date, the day or month, where a public copy states the month
  or year ("May 2020" of 2020-05-15, only a witness giving the day);
- one no copy states is the editor's, given as typed (validate warns of it), unless a
  confidential source whose copy is not here is cited: it may be the one that states it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set
from typing import TypeVar

from sanctions.evidence.holding import Holding
from sanctions.evidence.passages import quoted_in
from sanctions.evidence.quoting import Copy
from sanctions.evidence.stated import country_in, date_missing, named_in, number_in, place_in
from sanctions.workbook.columns.values import items
from sanctions.workbook.layout import ColumnSpec

Value = TypeVar("Value", str, list[str])

# How a value is looked for in one copy, by the column's ``found_as``.
FINDERS: dict[str, Callable[[str, Copy], bool]] = {
    "place": place_in,
    "name": named_in,
    "number": number_in,
    "country": country_in,
}


def public_value(
    col: ColumnSpec,
    value: Value | None,
    cited: Sequence[str],
    secret: Set[str],
    holding: Holding | None,
) -> Value | None:
    """The cell's value as a public output may give it (the module's rule): itself, less of it,
    or None. ``secret``: the list's confidential sources; ``holding``: the copies (None: not
    read, when only the sources' confidentiality is known)."""
    if not value:
        return value
    if cited and all(eid in secret for eid in cited):
        return None
    if holding is None or not any(eid in secret for eid in cited):
        return value
    if col.found_as not in FINDERS and col.found_as != "date":  # prose: by its quoted words
        text = value if isinstance(value, str) else "; ".join(value)
        return None if holding.only_in(quoted_in(text), cited, secret) else value
    copies = {
        eid: Copy(eid, None, texts[0], None, texts[1])  # as written, and folded
        for eid in cited
        if (texts := holding.texts(eid)) is not None
    }
    public = [c for eid, c in copies.items() if eid not in secret]
    confidential = [c for eid, c in copies.items() if eid in secret]
    unread = any(eid in secret and eid not in copies for eid in cited)
    if col.found_as == "date":
        assert isinstance(value, str)
        return _date(value, public, confidential, unread)
    find = FINDERS[str(col.found_as)]

    def given(item: str) -> bool:
        if any(find(item, c) for c in public):
            return True
        return not unread and not any(find(item, c) for c in confidential)

    if isinstance(value, list):
        return [item for item in value if given(item)] or None
    typed = items(value) if col.multi or col.found_as == "place" else [value]
    shown = [item for item in typed if given(item)]
    return value if len(shown) == len(typed) else "; ".join(shown) or None


def _date(date: str, public: list[Copy], confidential: list[Copy], unread: bool) -> str | None:
    """The date as precisely as the public copies state it, where only a confidential source
    may state it more precisely."""
    if date_missing(date, public, "") is None:
        return date
    if not unread and date_missing(date, confidential, "") is not None:
        return date  # no copy states it: the editor's, as typed (validate warns of it)
    for coarser in (date[:7], date[:4]):
        if len(coarser) < len(date) and date_missing(coarser, public, "") is None:
            return coarser
    return None
