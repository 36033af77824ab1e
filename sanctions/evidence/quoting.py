"""Rules on quoted passages: each passage a row quotes is in a copy of the evidence it cites.

A row's ``quote`` holds the source's own words for its fact (``passages.py``). They are looked
for in the local copies of the evidence the row cites, and of the documents those are known
through (a report known from a news article is quoted as the article quotes it). A passage
that no copy holds, when every cited source has a readable copy, is an error at the quote cell
with the copy's nearest passage; when some cited source has no copy to read, the passage could
not be checked, and that is a warning that names the source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sanctions.evidence.cells import SHEET, named_files
from sanctions.evidence.passages import Nearest, found_in, nearest, passages
from sanctions.evidence.text import NoText, copy_text
from sanctions.rules.finding import Finding
from sanctions.workbook.columns.values import items
from sanctions.workbook.reader import row_number, text_or_none
from sanctions.workbook.sheets import Sheets, SheetsRule

# The sheets whose rows quote the source for their fact.
QUOTING = ("involvement", "positions", "incidents")
# Below this likeness the nearest passage is no help, and is not shown.
SHOWN_LIKENESS = 0.6


@dataclass(frozen=True)
class Copy:
    """The text of one evidence item's local copy, or why there is none to read."""

    eid: str
    name: str | None  # the file name, when there is a copy
    text: str | None
    missing: str | None  # why there is no text (no copy; unreadable form)


def _copies(sheets: Sheets) -> dict[str, list[Copy]]:
    """For each evidence_id, the copies a quote citing it is looked for in: its own, and that
    of the document it is known through."""
    evidence = sheets.frames[SHEET].dropna(subset=["evidence_id"])
    paths: dict[int, Path] = {}
    if sheets.path is not None:
        paths = {
            f.row: f.path
            for f in named_files(sheets, sheets.path)
            if f.path is not None and f.path.is_file()
        }
    own: dict[str, Copy] = {}
    for label in evidence.index:
        eid = str(evidence.at[label, "evidence_id"])
        path = paths.get(row_number(label))
        if path is None:
            own[eid] = Copy(eid, None, None, f"{eid} has no local copy")
            continue
        try:
            own[eid] = Copy(eid, path.name, copy_text(path), None)
        except NoText as exc:
            own[eid] = Copy(eid, path.name, None, f"the copy of {eid}: {exc}")
    through = (
        evidence.set_index("evidence_id")["known_through"] if "known_through" in evidence else None
    )
    found: dict[str, list[Copy]] = {}
    for eid, copy in own.items():
        other = text_or_none(through.get(eid)) if through is not None else None
        found[eid] = [copy] + ([own[other]] if other in own and other != eid else [])
    return found


def _findings(sheets: Sheets) -> list[Finding]:
    copies = sheets.derived("_evidence_copies", _copies)
    found: list[Finding] = []
    for sheet in QUOTING:
        frame = sheets.frames[sheet]
        if "quote" not in frame:
            continue
        quoted = frame[frame["quote"].notna()]
        located = quoted.get("locator")
        for label, quote, evidence_ids, locator in zip(
            quoted.index,
            quoted["quote"].tolist(),
            quoted["evidence_ids"].tolist(),
            located.tolist() if located is not None else [None] * len(quoted),
            strict=True,
        ):
            cited = {eid: copies.get(eid, []) for eid in items(evidence_ids)}
            locators = items(locator)
            readable = [c for group in cited.values() for c in group if c.text is not None]
            for number, passage in enumerate(passages(items(quote), locators), start=1):
                if any(found_in(passage.text, c.text or "") for c in readable):
                    continue
                where = (sheet, label, quote, f"passage {number} “{_short(passage.text)}”")
                found.append(_not_found(sheets, where, passage.text, cited, readable))
    return found


def _not_found(
    sheets: Sheets,
    where: tuple[str, object, object, str],
    passage: str,
    cited: dict[str, list[Copy]],
    readable: list[Copy],
) -> Finding:
    sheet, label, value, which = where
    unread = [
        next(c.missing for c in group if c.missing is not None) if group else f"{eid} is unknown"
        for eid, group in cited.items()
        if not any(c.text is not None for c in group)
    ]
    if unread or not readable:
        searched = f"not found in {_names(readable)}, and " if readable else ""
        return sheets.finding(
            QUOTE_UNCHECKED,
            sheet,
            "quote",
            row_number(label),
            value,
            which=which,
            searched=searched,
            why="; ".join(dict.fromkeys(unread)) or "no source is cited",
        )
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
        yield from (f for f in sheets.derived("_quote_findings", _findings) if f.code == code)

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
QUOTE_UNCHECKED = SheetsRule(
    "quote.unchecked",
    "warning",
    "A quoted passage could not be checked: a source the row cites has no local copy whose text "
    "can be read.",
    "{which} could not be checked: {searched}{why}; keep a copy of the source (text, HTML or "
    "PDF) in the evidence folder",
    check=_of("quote.unchecked"),
)

RULES = (QUOTE_NOT_FOUND, QUOTE_UNCHECKED)
