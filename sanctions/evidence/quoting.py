"""Rules on quoted passages: each passage a row quotes is in a copy of the evidence it cites.

A row's ``quote`` holds the source's own words for its fact (``passages.py``). They are looked
for in the local copies of the evidence the row cites, and of the documents those are known
through (a report known from a news article is quoted as the article quotes it). A passage
that no copy holds, when every cited source has a readable copy, is an error at the quote cell
with the copy's nearest passage; when some cited source has no copy to read, the passage could
not be checked, and ``unchecked.py`` names the cell in that source's one warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from sanctions.evidence.cells import SHEET, named_files
from sanctions.evidence.passages import (
    QUOTATION_MARKS,
    Nearest,
    fold,
    fold_text,
    nearest,
    parts_of_all,
    pieces_in,
    quoted_stretches,
    spans,
    unbroken_text,
    within,
)
from sanctions.evidence.reading import Found, copy_readings
from sanctions.evidence.tellers import (
    DOCUMENT_WORDS,
    attributed,
    headings,
    quoted_as_someones,
    under_heading,
)
from sanctions.rules.finding import Finding
from sanctions.workbook.accounts import is_finding
from sanctions.workbook.columns.values import isin, item_lists, items
from sanctions.workbook.layout import ColumnSpec
from sanctions.workbook.reader import row_number, text_or_none
from sanctions.workbook.sheets import Sheets, SheetsRule

_NOT_ALNUM = re.compile(r"[\W_]+")
# The sheets whose rows quote the source for their fact.
QUOTING = ("involvement", "positions", "incidents")
# Those whose rows public outputs show with their sources: a row resting on a confidential
# source alone leaves them (``Holding.only_in``).
LEAVES = ("involvement", "positions")
# Below this likeness the nearest passage is no help, and is not shown.
SHOWN_LIKENESS = 0.6


@dataclass(frozen=True)
class Copy:
    """The text of one evidence item's local copy, or why there is none to read."""

    eid: str
    name: str | None  # the file name, when there is a copy
    text: str | None
    missing: str | None  # why there is no text (no copy; unreadable form)
    folded: str = ""  # the text folded (``passages.fold_text``), once for every quote
    # what is worked out of the copy once for every row asking (a citizenship, by country)
    worked: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @cached_property
    def lowered(self) -> str:
        """The text casefolded, once for every date looked for in it."""
        return (self.text or "").casefold()

    @cached_property
    def unbroken(self) -> str:
        """The text as a citizenship is looked for in it (``passages.unbroken_text``), once
        for every person citing it."""
        return unbroken_text(self.text or "", self.lowered)

    def holds(self, pieces: list[str]) -> bool:
        """Whether the copy holds the passage (its ``parts``), as ``passages.pieces_in`` finds
        it."""
        return self.text is not None and pieces_in(pieces, self.folded)

    @cached_property
    def headings(self) -> list[tuple[int, str | None]]:
        """Its headings that give what follows as a party's, or as the source's own voice
        (``tellers.headings``), once for every passage."""
        return headings(self.text or "", self.lowered)

    @cached_property
    def has_party_heading(self) -> bool:
        return any(party for _, party in self.headings)

    @cached_property
    def origin(self) -> tuple[int, ...]:
        """Where each character of the folded text stands in the text as written."""
        return fold(self.text or "").origin

    @cached_property
    def quotations(self) -> list[tuple[int, int]]:
        """Where the copy sets words in quotation marks (``passages.quoted_stretches``)."""
        text = self.text or ""
        if not any(mark in text for mark in QUOTATION_MARKS):  # most copies of a long list
            return []
        return quoted_stretches(text)

    def quotes(self, pieces: list[str]) -> bool:
        """Whether the copy sets the passage (its ``parts``) in quotation marks
        (``passages.in_quotation_marks``)."""
        return within(pieces, self.folded, self.origin, self.quotations)

    def quoted_by(self, pieces: list[str]) -> str | None:
        """The words that give the quotation the passage stands inside as someone's, wherever
        the copy holds it (``tellers.quoted_as_someones``), or None."""
        if not self.quotations:
            return None
        return quoted_as_someones(
            self.text or "", self.origin, self.quotations, list(spans(pieces, self.folded))
        )

    def heading_over(self, pieces: list[str]) -> str | None:
        """The party's heading the passage stands under wherever the copy holds it ("Response
        from the Government"), or None."""
        if not self.has_party_heading:
            return None
        found = None
        for where in spans(pieces, self.folded):
            party = under_heading(self.headings, self.origin[where[0][0]])
            if party is None:
                return None
            found = found or party
        return found

    @cached_property
    def squeezed(self) -> str:
        """The folded text with only its letters and digits, once for every ID number."""
        return _NOT_ALNUM.sub("", self.folded)


def _copies(sheets: Sheets) -> dict[str, list[Copy]]:
    """For each evidence_id, the copies a quote citing it is looked for in: its own, and that
    of the document it is known through."""
    evidence = sheets.frames[SHEET].dropna(subset=["evidence_id"])
    readings = copy_readings(sheets)
    paths: dict[int, Path] = {}
    if sheets.path is not None:
        paths = {
            f.row: f.path
            for f in named_files(sheets, sheets.path)
            if f.path is not None and readings[f.path].found is Found.FILE
        }
    own: dict[str, Copy] = {}
    for label, eid in zip(
        evidence.index, evidence["evidence_id"].astype(str).tolist(), strict=True
    ):
        path = paths.get(row_number(label))
        if path is None:
            own[eid] = Copy(eid, None, None, f"{eid} has no local copy")
            continue
        text = readings[path].text
        if isinstance(text, str):
            own[eid] = Copy(eid, path.name, text, None, fold_text(text))
        else:
            own[eid] = Copy(eid, path.name, None, f"the copy of {eid}: {text}")
    through = (
        dict(zip(evidence["evidence_id"].tolist(), evidence["known_through"].tolist(), strict=True))
        if "known_through" in evidence
        else {}
    )
    found: dict[str, list[Copy]] = {}
    for eid, copy in own.items():
        other = text_or_none(through.get(eid))
        found[eid] = [copy] + ([own[other]] if other in own and other != eid else [])
    return found


def copies_of(sheets: Sheets) -> dict[str, list[Copy]]:
    """For each evidence_id, its readable copies and that of the source it is known through,
    worked out once for every rule that reads them."""
    return sheets.derived("_evidence_copies", _copies)


def all_readable(copies: dict[str, list[Copy]], cited: list[str]) -> list[Copy]:
    """The readable copies of the cited sources, for a check that needs them all: none when
    some cited source has a copy it cannot read, or none (what is looked for may be in that
    one; the quote rules ask for its copy once)."""
    groups = [copies.get(eid, []) for eid in cited]
    if any(group and all(c.text is None for c in group) for group in groups):
        return []
    return [c for group in groups for c in group if c.text is not None]


class ReadableOf(dict[str, list[Copy]]):
    """For a cell citing sources (``"E001; E004"``), their readable copies (``all_readable``),
    worked out once for every row citing the same ones."""

    def __init__(self, copies: dict[str, list[Copy]]) -> None:
        super().__init__()
        self.copies = copies

    def __missing__(self, cited: str) -> list[Copy]:
        self[cited] = found = all_readable(self.copies, items(cited))
        return found

    def named(self, cited: str) -> str:
        """The cited sources a message names: those the list has (an unknown ID is the
        references rule's)."""
        return ", ".join(e for e in items(cited) if e in self.copies)


def sourced_columns(
    sheets: Sheets, kinds: Collection[str], skip: str | None = None
) -> Iterator[tuple[str, ColumnSpec, pd.DataFrame]]:
    """Each column looked for in its sources' copies as one of ``kinds`` (the schema's
    ``found_as``), with its sheet's name and frame, where the sheet has both it and the column
    citing its sources; ``skip``: a sheet judged elsewhere."""
    for spec in sheets.layout.sheets:
        frame = sheets.frames.get(spec.name)
        if frame is None or spec.name == skip:
            continue
        for col in spec.columns:
            if col.found_as in kinds and col.name in frame and col.sources in frame:
                yield spec.name, col, frame


# A cell as a warning names it among those a source leaves unchecked: (sheet, column index, row).
Cell = tuple[str, int | None, int]


@dataclass(frozen=True)
class Quoted:
    """What the quotes of a workbook come to: the findings on them, and for each source without
    a readable copy the quote cells holding a passage no other cited copy holds."""

    findings: list[Finding]
    unchecked: dict[str, list[Cell]]


def _quoted(sheets: Sheets) -> Quoted:
    return sheets.derived("_quoted", _findings)


def unchecked_quotes(sheets: Sheets) -> dict[str, list[Cell]]:
    """For each evidence_id without a readable copy, the quote cells it leaves unchecked."""
    return _quoted(sheets).unchecked


def _findings(sheets: Sheets) -> Quoted:
    copies = copies_of(sheets)
    evidence = sheets.frames[SHEET]
    secret = set(evidence.loc[evidence["confidential"].fillna("") == "yes", "evidence_id"])
    names = _NamingWords(evidence)
    found: list[Finding] = []
    unchecked: dict[str, list[Cell]] = {}  # evidence_id -> the quote cells it leaves unchecked
    for sheet in QUOTING:
        frame = sheets.frames[sheet]
        if "quote" not in frame:
            continue
        column = sheets.tables[sheet].columns.get("quote")
        quoted = frame[frame["quote"].notna()]
        sources: dict[str, Sources] = {}
        hidden = _not_public(sheets, sheet)
        quotes = quoted["quote"].tolist()
        texts = item_lists(quoted["quote"])
        accounts = quoted["account"].tolist() if "account" in quoted else [None] * len(quotes)
        # every passage of the sheet folded at once, then dealt back to its row
        folded = iter(parts_of_all([text for row in texts for text in row]))
        for label, quote, row_texts, evidence_ids, account in zip(
            quoted.index, quotes, texts, quoted["evidence_ids"].tolist(), accounts, strict=True
        ):
            finding = is_finding(text_or_none(account))
            key = str(evidence_ids)
            cites = sources.get(key)
            if cites is None:  # rows citing the same sources share the lookup
                cites = sources[key] = _sources(copies, items(evidence_ids), secret)
            readable, unread, cited, mixed = cites
            # a row citing both confidential and public sources may rest on the first alone
            mixed = mixed and label not in hidden
            for number, text in enumerate(row_texts, start=1):
                pieces = next(folded)
                only = _held_only_by(pieces, cited, secret) if mixed else []
                if only:
                    where = (sheet, label, quote, f"passage {number} “{_short(text)}”")
                    found.append(_only_secret(sheets, where, only))
                    continue
                holder = _held(pieces, readable)
                carrier = _carried_only(pieces, holder, cited) if holder is not None else None
                if carrier is not None and not carrier.quotes(pieces):
                    where = (sheet, label, quote, f"passage {number} “{_short(text)}”")
                    found.append(_carriers_words(sheets, where, carrier, cited))
                    continue
                if holder is not None:
                    # in a copy the row reads a source through, the copy's words attributing
                    # it name that source, which the row cites ("…, the report's foreword says")
                    told = _told(holder, pieces) if finding and pieces else None
                    if told is not None and _carries(holder, cited):
                        # the copy a row reads a source through may give the words as that
                        # source's ("…, the report's foreword says"), not as a third person's
                        told = None if _names_carried(told[1], holder, cited, names) else told
                    if told is not None:
                        where = (sheet, label, quote, f"passage {number} “{_short(text)}”")
                        found.append(_others_account(sheets, where, holder, told))
                    continue
                if unread:  # a source it cites may hold it: that source's warning says so
                    at = (sheet, column, row_number(label))
                    for eid in unread:
                        unchecked.setdefault(eid, []).append(at)
                    continue
                if not readable:  # no source it cites is known: the references rules say so
                    continue
                where = (sheet, label, quote, f"passage {number} “{_short(text)}”")
                found.append(_not_found(sheets, where, text, readable))
    return Quoted(found, unchecked)


def _told(holder: Copy, pieces: list[str]) -> tuple[str, str] | None:
    """How the copy gives the passage as someone's (``TOLD``'s kinds, with the words that do):
    by words of its sentence, by a quotation it stands inside, or by the heading it stands
    under; None where the copy says it in its own voice."""
    told = attributed(holder.folded, pieces)
    if told is not None:
        return told
    inside = holder.quoted_by(pieces)
    if inside is not None:
        return "quoted", inside
    party = holder.heading_over(pieces)
    return ("heading", party) if party is not None else None


_NAMING_WORD = re.compile(r"[^\W\d_]{4,}")


class _NamingWords(dict[str, frozenset[str]]):
    """For each evidence item, the words by which another copy may name it: those of its title
    and publisher, its kind's noun ("report" of ngo_report), and the usual ones. Worked out
    when first asked for: only the sources read through another's copy are (a list of 300,000
    persons has 75,000 sources, and folding each title took two seconds)."""

    def __init__(self, evidence: pd.DataFrame) -> None:
        super().__init__()
        self._frame = evidence

    def __missing__(self, eid: str) -> frozenset[str]:
        rows = self._frame[self._frame["evidence_id"] == eid]
        values = [
            rows[column].iloc[0]
            for column in ("title", "publisher", "kind")
            if column in rows and not rows.empty
        ]
        words = " ".join(str(v).replace("_", " ") for v in values if isinstance(v, str))
        self[eid] = found = frozenset(_NAMING_WORD.findall(fold_text(words))) | set(DOCUMENT_WORDS)
        return found


def _names_carried(
    said: str, holder: Copy, cited: dict[str, list[Copy]], names: _NamingWords
) -> bool:
    """Whether the words giving a passage as someone's, in the copy of another document
    through which the row reads a source, name that source ("the report's foreword says",
    "the authors of Servants of the regime said"), rather than a third person ("said Erlan
    Victimov, a protester")."""
    words = set(_NAMING_WORD.findall(fold_text(said)))
    return any(
        word.startswith(name)  # "report's", folded "reports"
        for eid, group in cited.items()
        if any(c is holder for c in group[1:])
        for name in names[eid]
        for word in words
    )


def _carries(copy: Copy, cited: dict[str, list[Copy]]) -> bool:
    """Whether ``copy`` is the one through which the row reads a source it cites (a report
    known only as a news article quotes it)."""
    return any(copy is other for eid, group in cited.items() for other in group if other.eid != eid)


def _carried_only(pieces: list[str], holder: Copy, cited: dict[str, list[Copy]]) -> Copy | None:
    """The copy of another document through which the row reads a source it cites, when that
    copy holds the passage and no cited source's own copy does; else None."""
    own = cited.get(holder.eid)
    if (own and own[0] is holder) or any(group and group[0] is holder for group in cited.values()):
        return None  # a cited source's own copy
    if any(
        group and group[0].eid == eid and group[0].holds(pieces) for eid, group in cited.items()
    ):
        return None
    return holder


def _carriers_words(
    sheets: Sheets,
    where: tuple[str, object, object, str],
    carrier: Copy,
    cited: dict[str, list[Copy]],
) -> Finding:
    sheet, label, value, which = where
    through = [eid for eid, group in cited.items() if carrier in group[1:]]
    return sheets.finding(
        QUOTE_CARRIERS_WORDS,
        sheet,
        "quote",
        row_number(label),
        value,
        which=which,
        carrier=f"{carrier.eid} ({carrier.name})",
        eid=carrier.eid,
        known=", ".join(through) or "the source",
    )


def _held(pieces: list[str], readable: list[Copy]) -> Copy | None:
    """The first copy holding the passage (its ``parts``)."""
    return next((c for c in readable if c.holds(pieces)), None)


# What the warning says of each way a passage is given as someone's (``tellers.attributed``).
TOLD = {
    "begins": "begins by giving it as someone's account (“{said}”)",
    "cut": "is given as someone's, or hedged, by words of its sentence that it leaves out "
    "(“{said}”)",
    "quoted": "stands inside a quotation the copy gives as someone's (“{said}”)",
    "heading": "stands under the heading “{said}”, which gives what follows as that party's "
    "submission, not the source's finding",
}


def _others_account(
    sheets: Sheets, where: tuple[str, object, object, str], holder: Copy, told: tuple[str, str]
) -> Finding:
    sheet, label, value, which = where
    how, said = told
    return sheets.finding(
        QUOTE_OTHERS_ACCOUNT,
        sheet,
        "quote",
        row_number(label),
        value,
        which=which,
        copy=f"{holder.eid} ({holder.name})",
        how=TOLD[how].format(said=said),
    )


# What a row's cited sources give its passages to be looked for in: the readable copies, the
# sources without one, each source's copies, and whether they are some confidential, some not.
Sources = tuple[list[Copy], list[str], dict[str, list[Copy]], bool]


def _sources(copies: dict[str, list[Copy]], evidence_ids: list[str], secret: set[str]) -> Sources:
    cited = {eid: copies.get(eid, []) for eid in evidence_ids}
    readable = [c for group in cited.values() for c in group if c.text is not None]
    unread = [e for e, group in cited.items() if group and all(c.text is None for c in group)]
    mixed = bool(secret.intersection(cited)) and not secret.issuperset(cited)
    return readable, unread, cited, mixed


def _not_public(sheets: Sheets, sheet: str) -> set[object]:
    """The rows of ``sheet`` that no public output shows whatever they cite: those of
    confidential incidents, and every incident row (public outputs quote the person's act and
    post, not the incident's passages)."""
    frame = sheets.frames[sheet]
    if sheet not in LEAVES:
        return set(frame.index)
    if "incident_id" not in frame:
        return set()
    incidents = sheets.frames["incidents"]
    closed = set(incidents.loc[incidents["confidential"].fillna("") == "yes", "incident_id"])
    return set(frame.index[isin(frame["incident_id"], closed)])


def _held_only_by(pieces: list[str], cited: dict[str, list[Copy]], secret: set[str]) -> list[str]:
    """The confidential sources that hold the passage (its ``parts``) when no other cited
    source does."""
    holders = [
        eid
        for eid, group in cited.items()
        if any(c.text is not None and pieces_in(pieces, c.folded) for c in group)
    ]
    return holders if holders and all(e in secret for e in holders) else []


def _only_secret(
    sheets: Sheets, where: tuple[str, object, object, str], holders: list[str]
) -> Finding:
    sheet, label, value, which = where
    return sheets.finding(
        QUOTE_ONLY_SECRET,
        sheet,
        "quote",
        row_number(label),
        value,
        which=which,
        held=", ".join(holders),
        what="post" if sheet == "positions" else "act",
    )


def _not_found(
    sheets: Sheets,
    where: tuple[str, object, object, str],
    passage: str,
    readable: list[Copy],
) -> Finding:
    sheet, label, value, which = where
    best = _nearest(passage, readable)
    shown = (
        f"; the nearest passage ({best.likeness:.0%} alike) reads “{best.text}”"
        if best is not None and best.likeness >= SHOWN_LIKENESS
        else "; the copies have no passage like it"
    )
    return sheets.finding(
        QUOTE_NOT_FOUND,
        sheet,
        "quote",
        row_number(label),
        value,
        which=which,
        copies=_names(readable),
        nearest=shown,
    )


def _nearest(passage: str, copies: list[Copy]) -> Nearest | None:
    found = [n for c in copies if (n := nearest(passage, c.text or "")) is not None]
    return max(found, key=lambda n: n.likeness, default=None)


def _names(copies: list[Copy]) -> str:
    named = list(dict.fromkeys(f"{c.eid} ({c.name})" for c in copies))
    return ("the copy of " if len(named) == 1 else "the copies of ") + ", ".join(named)


def _short(text: str, most: int = 80) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _of(code: str) -> Callable[[Sheets], Iterator[Finding]]:
    """The check of one rule: the findings of that rule among all the quotes' findings, which
    are worked out once for both."""

    def check(sheets: Sheets) -> Iterator[Finding]:
        yield from (f for f in _quoted(sheets).findings if f.code == code)

    return check


QUOTE_NOT_FOUND = SheetsRule(
    "quote.not_found",
    "error",
    "A quoted passage is not in the copies of the evidence the row cites: the source does not "
    "say it in these words.",
    "{which} is not in {copies}{nearest}; copy the source's own words, or cite the document "
    "that says it",
    check=_of("quote.not_found"),
)
QUOTE_ONLY_SECRET = SheetsRule(
    "quote.only_confidential",
    "warning",
    "A quoted passage is held only by a confidential source the row cites: public outputs "
    "leave the post or act out rather than show it with the other sources, which do not "
    "state it.",
    "{which} is only in {held}, which is confidential: the public list and public entities "
    "leave this {what} out; to publish it, quote the words of a public source the row cites",
    check=_of("quote.only_confidential"),
)

QUOTE_OTHERS_ACCOUNT = SheetsRule(
    "quote.others_account",
    "warning",
    "A passage quoted as the source's own finding (account 'finding') that the source gives as "
    "someone's account, or hedges: it begins by attributing itself (“According to Kayyrbek, "
    "…”), or its sentence does before the words quoted (“According to available information, "
    "…”, left out), or it stands inside a quotation the copy gives as someone's (“… he fell,” "
    "his son said), or under a heading that gives what follows as a party's "
    "(“Response from the Government” in a UN body's opinion). A letter would print it as the "
    "source's own finding.",
    "{which} {how}, in {copy}, and the row's account is the source's own finding: a letter "
    "would print it as such; quote the words that attribute or hedge it with it, and where it "
    "is someone's account set account (and account_by) to whose, on a row of its own if the "
    "row's other passages are the source's",
    check=_of("quote.others_account"),
)

QUOTE_CARRIERS_WORDS = SheetsRule(
    "quote.carriers_words",
    "error",
    "A passage quoted from a document the list holds only as another quotes it (its "
    "known_through), found in that other's copy in its own words, outside quotation marks: "
    "it is what the other says (a journalist's summary of a report), not the document's words.",
    "{which} is in {carrier}, through which the row reads {known}, but in {eid}'s own words, "
    "not in quotation marks there: it is what {eid} says, not what {known} says; cite {eid} for "
    "it (its account, if it is the article's), or quote only the words {eid} quotes from {known}",
    check=_of("quote.carriers_words"),
)

RULES = (QUOTE_NOT_FOUND, QUOTE_ONLY_SECRET, QUOTE_OTHERS_ACCOUNT, QUOTE_CARRIERS_WORDS)
