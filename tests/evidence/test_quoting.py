"""At every validate, each passage a row quotes is looked for in the copies of the evidence it
cites: a passage the source does not hold is an error at its cell with the nearest passage; one
that cannot be checked is a warning that says why. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sanctions.check.validate import validate
from sanctions.evidence.passages import fold_text, parts
from sanctions.evidence.quoting import Copy
from sanctions.rules.finding import Finding
from tests import workbooks
from tests.workbooks import cell


def quote_findings(path: Path) -> list[Finding]:
    return [f for f in validate(path).findings if f.code.startswith("quote.")]


def test_every_passage_of_the_valid_rows_is_in_its_copy(build: Callable[..., Path]) -> None:
    assert quote_findings(build(workbooks.valid_rows())) == []


def test_words_the_source_does_not_hold_are_an_error_with_the_nearest_passage(
    build: Callable[..., Path],
) -> None:
    rows = workbooks.valid_rows()
    rows["involvement"][0]["quote"] = (
        "Minister Testbayev ordered the police to detain the protesters; "
        "the minister ordered the army to shoot the protesters"
    )
    [found] = quote_findings(build(rows))
    assert (found.code, found.severity) == ("quote.not_found", "error")
    assert (found.sheet, found.cell) == ("involvement", cell("involvement", "quote", 0))
    assert "passage 2 “the minister ordered the army to shoot the protesters”" in found.message
    assert "E001 (example-city-report.txt)" in found.message
    assert "Testbayev ordered the police to detain the" in found.message  # the nearest


def test_a_document_known_through_another_is_read_in_that_ones_copy(
    build: Callable[..., Path],
) -> None:
    rows = workbooks.valid_rows()
    rows["evidence"].append(
        {"evidence_id": "E003", "title": "Example Watch's earlier report", "kind": "ngo_report",
         "known_through": "E001", "confidential": "no"}
    )  # fmt: skip
    rows["involvement"][0]["evidence_ids"] = "E003"
    assert quote_findings(build(rows)) == []
    rows["involvement"][0]["quote"] = "words the article never quoted"
    [found] = quote_findings(build(rows))
    assert found.code == "quote.not_found" and "E001 (example-city-report.txt)" in found.message


def test_a_passage_the_source_misspaces_is_held() -> None:
    """README: a quote is found "whatever the spacing": a source's own typo ("Code)were",
    "pre-trialdetention") does not make its words another's."""
    text = "He was charged under Article 405 of the Criminal Code)were sentenced; held in pre-trialdetention."
    copy = Copy("E1", "e1.txt", text, None, fold_text(text))
    assert copy.holds(parts("of the Criminal Code) were sentenced"))
    assert copy.holds(parts("held in pre-trial detention"))
    assert not copy.holds(parts("held in pre-trial custody"))
