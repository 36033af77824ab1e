"""Words in quotation marks inside the prose a letter prints: each is in a copy of the sources
the row cites for that prose.

A description, an incident's summary, the victims' protected activity, contrary information:
the editor writes them in their own words, and quotes the source where its words matter
(the Ombudsman "misinforms the public"). A reader takes what stands in quotation marks as the
source's own words, so each quoted stretch is looked for in the copies of the evidence cited
for the column (the schema's ``sources``), as a ``quote`` cell is (``passages``: folded, with
"…" for words left out). A stretch no copy holds is warned of at its cell. Where a cited
source has no readable copy, nothing is said here (the words may be in it): the quote rules
already ask for the copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd

from sanctions.evidence.passages import parts_of_all, quoted_in
from sanctions.evidence.quoting import ReadableOf, copies_of, sourced_columns
from sanctions.rules.finding import Finding
from sanctions.workbook.columns.values import items
from sanctions.workbook.layout import ColumnSpec
from sanctions.workbook.reader import row_number
from sanctions.workbook.sheets import Sheets, SheetsRule


def looked_for(frame: pd.DataFrame, col: ColumnSpec) -> pd.Series:
    """The cells of a prose column that set words in quotation marks (their stretches then
    looked for in the copies of the sources the row cites)."""
    cells = frame[col.name]
    return cells.notna() & cells.astype(str).str.contains('[“«„"‘]', regex=True)


def _inline(sheets: Sheets) -> list[Finding]:
    """Both rules' findings, worked out once for both."""
    return sheets.derived("_inline", lambda sheets: list(_looked_up(sheets)))


def _of(code: str) -> Callable[[Sheets], Iterator[Finding]]:
    def check(sheets: Sheets) -> Iterator[Finding]:
        yield from (f for f in _inline(sheets) if f.code == code)

    return check


def _looked_up(sheets: Sheets) -> Iterator[Finding]:
    readable = ReadableOf(copies_of(sheets))
    for sheet, col, frame in sourced_columns(sheets, ("quoted",)):
        marked = looked_for(frame, col)
        texts = frame.loc[marked, col.name].astype(str).tolist()
        stretches = [quoted_in(text) for text in texts]
        # every stretch of the column folded at once, then dealt back to its cell
        folded = iter(parts_of_all([s for each in stretches for s in each]))
        for label, text, cited, found in zip(
            frame.index[marked],
            texts,
            frame.loc[marked, str(col.sources)].astype(str).tolist(),
            stretches,
            strict=True,
        ):
            for stretch in found:
                pieces = next(folded)
                held = readable[cited]
                if not held:
                    continue
                words = stretch if len(stretch) <= 80 else stretch[:79] + "…"
                at = (sheet, col.name, row_number(label), text)
                holding = [c for c in held if c.holds(pieces)]
                if not holding:
                    yield sheets.finding(
                        INLINE_NOT_FOUND, *at, words=words, where=col.name,
                        cited=readable.named(cited),
                    )  # fmt: skip
                    continue
                carriers = [c for c in holding if c.eid not in items(cited)]
                if len(carriers) == len(holding) and not any(c.quotes(pieces) for c in carriers):
                    carrier = carriers[0]
                    yield sheets.finding(
                        INLINE_CARRIERS_WORDS, *at, words=words, where=col.name,
                        carrier=f"{carrier.eid} ({carrier.name})", eid=carrier.eid,
                        cited=readable.named(cited),
                    )  # fmt: skip


INLINE_NOT_FOUND = SheetsRule(
    "quote.inline_not_found",
    "warning",
    "Words in quotation marks in a description, summary or other prose a letter prints, which "
    "no copy of the sources cited for it holds: the reader takes them for the source's own "
    "words.",
    "“{words}” in {where} stands in quotation marks, and no copy of {cited} holds these "
    "words: quote the source exactly (“…” for words left out), cite the source that says "
    "them, or drop the quotation marks where the words are your own",
    check=_of("quote.inline_not_found"),
)

INLINE_CARRIERS_WORDS = SheetsRule(
    "quote.inline_carriers_words",
    "warning",
    "Words in quotation marks in prose a letter prints, found only in the copy of a document "
    "through which the row reads a source it cites, and there in that document's own words, "
    "outside quotation marks: the quotation is the carrier's (a journalist's summary of a "
    "report), which the row does not cite, not the cited source's.",
    "“{words}” in {where} stands in quotation marks, and of the copies of {cited} only "
    "{carrier} holds it, in its own words, not quoting the source the row reads through it: "
    "the words are {eid}'s; cite {eid} for them too, or quote only the words {eid} quotes",
    check=_of("quote.inline_carriers_words"),
)

RULES = (INLINE_NOT_FOUND, INLINE_CARRIERS_WORDS)
