"""Collective mentions, found from the evidence rather than from the role an editor types.

A sentence a source says about several officials together ("they are the ones who give orders")
is no account of any one of them's own act. So a quoted passage is collective when the rows of
``TOGETHER`` or more persons quote it (the same words, however each row trims them), or when it
names ``TOGETHER`` or more of the list's people (by surnames of their own: three namesakes on a
list do not make "officer Kim" a list). A row of the involvement sheet whose every
passage is collective rests on a collective mention: it is shown as context, and it grounds no
criterion, whatever role it carries.

Two persons named in one passage ("officers A and B beat him") are each said to have acted;
three or more named together is a list, which is what this guards against. A row with no quote
falls back on the older test: a role that names no act of its own on an incident shared by
``CROWD`` or more persons.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from sanctions.evidence.holding import Holding
from sanctions.evidence.passages import fold_each, parts_of_all
from sanctions.model.rows import InvolvementRow, PersonRow

TOGETHER = 3
# The fallback for rows without a quote: roles that name no act, on an incident this crowded.
GENERIC_ROLES = frozenset({"participated", "listed"})
CROWD = 5
# Passages are compared by runs of this many words, and are the same passage when at least this
# share of the shorter one's runs are in the other.
RUN = 5
SAME = 0.5
WORD = re.compile(r"\w+")


def collective_rows(
    involvement: list[InvolvementRow], persons: list[PersonRow], holding: Holding | None = None
) -> set[int]:
    """The Excel rows of the involvement sheet that rest only on collective mentions. With the
    copies (``holding``), a passage that leaves words out ("…") is read as its copy has it
    whole, from its first word to its last: "Officer A … beat them" may leave out "officers B,
    C and D", and cutting the others' names makes no list one person's act."""
    passages: list[tuple[str, list[str]]] = []  # (person_id, words) per passage
    named_words: list[list[str]] = []  # the words read for the names it gives
    owner_rows: list[int] = []  # the involvement row of each passage
    quoted = [(row, quote) for row in involvement for quote in row.quote]
    for (row, _), pieces in zip(quoted, parts_of_all([q for _, q in quoted]), strict=True):
        words = WORD.findall(" ".join(pieces))
        if words:
            passages.append((row.person_id, words))
            whole = (
                holding.stretch(pieces, row.evidence_ids) if holding and len(pieces) > 1 else None
            )
            named_words.append(WORD.findall(whole) if whole else words)
            owner_rows.append(row.row)
    together = _persons_quoting(passages)
    named_by = _named_by(persons)
    collective_passage = [
        len(together[i]) >= TOGETHER or _names(named_words[i], named_by) >= TOGETHER
        for i in range(len(passages))
    ]
    verdicts: dict[int, list[bool]] = defaultdict(list)
    for at, verdict in zip(owner_rows, collective_passage, strict=True):
        verdicts[at].append(verdict)
    found = {at for at, each in verdicts.items() if all(each)}
    crowd = Counter(incident for _, incident in {(r.person_id, r.incident_id) for r in involvement})
    found |= {
        r.row
        for r in involvement
        if not r.quote and r.role in GENERIC_ROLES and crowd[r.incident_id] >= CROWD
    }
    return found


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) <= RUN:
        return {tuple(words)}
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _persons_quoting(passages: list[tuple[str, list[str]]]) -> list[set[str]]:
    """For each passage, the persons whose rows quote it (itself included)."""
    runs = [_runs(words) for _, words in passages]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, own in enumerate(runs):
        for run in own:
            index[run].append(i)
    out = []
    for i, own in enumerate(runs):
        if all(len(index[run]) == 1 for run in own):  # most passages: quoted by one row
            out.append({passages[i][0]})
            continue
        shared = Counter(j for run in own for j in index[run] if j != i)
        same = {j for j, n in shared.items() if n >= SAME * min(len(own), len(runs[j]))}
        out.append({passages[i][0]} | {passages[j][0] for j in same})
    return out


def _named_by(persons: Iterable[PersonRow]) -> dict[str, set[str]]:
    """Each surname folded as a passage is (``passages.fold_text``: ``Weiß`` reads "weiss",
    ``O’Brien`` "obrien", ``Smith-Jones`` "smithjones"), and the persons it names (their last
    name, and the last word of their name and of each alias)."""
    owners: list[str] = []
    surnames: list[str] = []
    for person in persons:
        found = {n.rsplit(None, 1)[-1] for n in (person.name, *person.aliases) if n.strip()}
        if person.last_name:
            found.add(person.last_name)
        owners.extend([person.person_id] * len(found))
        surnames.extend(found)
    out: dict[str, set[str]] = defaultdict(set)
    for owner, folded in zip(owners, fold_each(surnames), strict=True):
        for word in WORD.findall(folded):
            if len(word) > 2:
                out[word].add(owner)
    return out


def _names(words: list[str], named_by: dict[str, set[str]]) -> int:
    """How many of the list's people a passage names: its words that are a listed person's
    surname, two words counted once when they may name one person ("Massimov (Masimov)"), and
    one word once however many persons bear it: "officer Kim" names one officer, even on a list
    with three Kims, and is no list of officials."""
    groups: list[set[str]] = []
    for word in set(words):
        named = named_by.get(word)
        if not named:
            continue
        merged = set(named)
        for group in [g for g in groups if g & named]:
            merged |= group
            groups.remove(group)
        groups.append(merged)
    return len(groups)
