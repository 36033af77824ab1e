"""Rules on what a list leaves out: persons with no post or act, the identifying details a
source may give, and the submitter's details the cover letters need."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd

from sanctions.rules.finding import Finding
from sanctions.workbook.columns.values import isin, item_lists
from sanctions.workbook.reader import row_number, text_or_none
from sanctions.workbook.sheets import Sheets, SheetsRule

# What a filing copy needs on the submitter sheet: without any of these, packages are drafts.
REQUIRED_SUBMITTER_KEYS = ("organisation", "contact_person", "capacity", "email", "date")
# The rows that state a proposed person's own posts and acts, and what each states.
ANCHORED = {"involvement": "act", "positions": "post"}
ANCHOR = ("quote", "locator", "account")
# What to do for each of them, said only for those missing (a row with a quote was told to copy
# one).
ANCHOR_HINTS = {
    "quote": "copy the words of the cited source that state it into quote",
    "locator": "say where they are in locator (para. 72; one per passage, in order)",
    "account": "say whose account they are in account ('finding' when the source states it "
    "as its own)",
}


def _active(sheets: Sheets) -> pd.DataFrame:
    """Persons who are not withdrawn (a withdrawn row stays for the record, and needs nothing)."""
    persons = sheets.frames["persons"]
    return persons[persons["status"].fillna("") != "withdrawn"]


def _without_rows(sheet: str) -> Callable[[Sheets], Iterator[Finding]]:
    """The check that every active person has a row on ``sheet``."""

    def check(sheets: Sheets) -> Iterator[Finding]:
        rule = WITHOUT_ROWS[sheet]
        ids = _active(sheets)["person_id"].dropna()
        for row, pid in ids[~isin(ids, sheets.ids(sheet, "person_id"))].items():
            yield sheets.finding(
                rule, "persons", "person_id", row_number(row), pid, pid=pid, sheet=sheet
            )

    return check


def _without_value(column: str) -> Callable[[Sheets], Iterator[Finding]]:
    """The check that every active person has a value in ``column``."""

    def check(sheets: Sheets) -> Iterator[Finding]:
        rule = WITHOUT_VALUE[column]
        active = _active(sheets)
        for row in active.index[active[column].isna() & active["person_id"].notna()]:
            pid = text_or_none(active.at[row, "person_id"])
            yield sheets.finding(rule, "persons", column, row_number(row), None, pid=pid)

    return check


def _unanchored(sheets: Sheets) -> Iterator[Finding]:
    """A proposed person's posts and acts each carry the source's own words for them, where
    those are in the source, and whose account they are: one finding per row, at its first
    empty cell of the three."""
    persons = sheets.frames["persons"]
    proposed = set(persons.loc[persons["status"].fillna("") == "proposed", "person_id"].dropna())
    for sheet in ANCHORED:
        frame = sheets.frames[sheet]
        rows = frame[isin(frame["person_id"], proposed)]
        empty = rows[list(ANCHOR)].isna()
        for label in rows.index[empty.any(axis=1)]:
            missing = [c for c in ANCHOR if empty.at[label, c]]
            yield sheets.finding(
                UNANCHORED,
                sheet,
                missing[0],
                row_number(label),
                None,
                pid=rows.at[label, "person_id"],
                what=ANCHORED[sheet],
                missing=", ".join(missing),
                todo="; ".join(ANCHOR_HINTS[c] for c in missing),
            )


SAID = {"id_numbers": "ID numbers", "exculpatory": "exculpatory information"}


def _uncited(ids: str) -> Callable[[Sheets], Iterator[Finding]]:
    """The check that a person row giving any of the columns whose ``sources`` is ``ids`` cites
    them in ``ids``: a package holds those sources and cites them beside the details (a government
    matches the person by a birth date; a letter that names a source its reader was not given
    cites nothing), and an identifier no source gives may name somebody else."""

    def check(sheets: Sheets) -> Iterator[Finding]:
        rule = UNCITED[ids]
        active = _active(sheets)
        # what a person row states besides its name whose sources ``ids`` cites (the schema's
        # ``sources``), which a source must state too
        stated = [c.name for c in sheets.layout.sheet("persons").columns if c.sources == ids]
        filled = active[stated].notna()
        uncited = filled.any(axis=1) & active[ids].isna() & active["person_id"].notna()
        for row in active.index[uncited]:
            details = [SAID.get(c, c.replace("_", " ")) for c in stated if filled.at[row, c]]
            yield sheets.finding(
                rule,
                "persons",
                ids,
                row_number(row),
                None,
                pid=text_or_none(active.at[row, "person_id"]),
                details=", ".join(details),
            )

    return check


# The sheets whose rows quote their sources, one locator per passage.
QUOTING = ("positions", "incidents", "involvement")


def _locators(sheets: Sheets) -> Iterator[Finding]:
    """A row's locators pair with its passages in order. One locator may stand for several
    passages of one source (two sentences of a paragraph), but not for passages of several
    sources, nor may two locators stand for three passages: the letter would cite a passage to
    a paragraph its source does not have."""
    for sheet in QUOTING:
        frame = sheets.frames[sheet]
        both = frame[frame["quote"].notna() & frame["locator"].notna()]
        if both.empty:
            continue
        quotes = item_lists(both["quote"])
        locators = item_lists(both["locator"])
        sources = item_lists(both["evidence_ids"].fillna(""))
        for label, quote, locator, cited in zip(both.index, quotes, locators, sources, strict=True):
            n, m = len(quote), len(locator)
            if n == m or (m == 1 and len(set(cited)) < 2) or m == 0:
                continue
            yield sheets.finding(
                LOCATORS,
                sheet,
                "locator",
                row_number(label),
                "; ".join(locator),
                passages=n,
                locators=m,
            )


def _submitter(sheets: Sheets) -> Iterator[Finding]:
    frame = sheets.frames["submitter"]
    given = set(frame.loc[frame["value"].notna(), "key"].dropna())
    missing = [k for k in REQUIRED_SUBMITTER_KEYS if k not in given]
    if missing:
        table = sheets.tables["submitter"]
        yield SUBMITTER_MISSING.finding(
            sheets.file, table.sheet, column="key", keys=", ".join(missing)
        )


WITHOUT_ROWS = {
    sheet: SheetsRule(
        code,
        "error",
        f"A person with no row on the {sheet} sheet.",
        "person '{pid}' has no row on the {sheet} sheet",
        check=_without_rows(sheet),
    )
    for sheet, code in (
        ("positions", "person.no_position"),
        ("involvement", "person.no_involvement"),
    )
}
WITHOUT_VALUE = {
    column: SheetsRule(
        code,
        "warning",
        f"A person without {what}.",
        f"person '{{pid}}' has no {column}; add {what} if a source gives one",
        check=_without_value(column),
    )
    for column, code, what in (
        ("birth_date", "person.no_birth_date", "a birth date"),
        ("nationality", "person.no_nationality", "a nationality"),
    )
}
UNANCHORED = SheetsRule(
    "quote.missing",
    "error",
    "A post or act of a proposed person without the source's own words for it (quote), where "
    "they are (locator) or whose account they are (account).",
    "this {what} of proposed person '{pid}' has no {missing}: {todo}",
    check=_unanchored,
)
LOCATORS = SheetsRule(
    "quote.locators",
    "warning",
    "A row whose locators do not pair with its passages: one per passage, in order (one may "
    "stand for several passages of a single source).",
    "this row quotes {passages} passage(s) and gives {locators} locator(s): give one per "
    "passage, in the same order, separated by ';' (one locator stands for all the passages "
    "only when they come from one source)",
    check=_locators,
)
UNCITED = {
    ids: SheetsRule(
        code,
        "warning",
        f"A person's {what} with no evidence row cited for it in {ids}: the packages print it "
        "without a source, and do not hold the document it comes from.",
        "'{pid}' gives {details} without a source: add the evidence rows that state "
        f"them in {ids}, so that the packages hold those sources and cite them beside the details",
        check=_uncited(ids),
    )
    for ids, code, what in (
        (
            "identity_evidence_ids",
            "person.identity_uncited",
            "birth date, birth place, nationality or ID number",
        ),
        ("exculpatory_evidence_ids", "person.exculpatory_uncited", "exculpatory information"),
    )
}
SUBMITTER_MISSING = SheetsRule(
    "submitter.missing",
    "warning",
    "A key the exports need is missing from the submitter sheet.",
    "the submitter sheet has no {keys}: until it has, the packages are drafts, not filing copies",
    check=_submitter,
)

RULES = (
    *WITHOUT_ROWS.values(),
    *WITHOUT_VALUE.values(),
    UNANCHORED,
    LOCATORS,
    *UNCITED.values(),
    SUBMITTER_MISSING,
)
