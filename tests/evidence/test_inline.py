"""Words in quotation marks inside prose: each stretch is looked for in the copies of the
sources its column cites (the schema's ``sources``)."""

from __future__ import annotations

import pytest

from sanctions.evidence.inline import quoted_in
from tests import workbooks


@pytest.mark.parametrize(
    ("text", "stretches"),
    [
        ("The report says he “ordered the detentions”.", ["ordered the detentions"]),
        ("Она сказала «он приказал задержать их».", ["он приказал задержать их"]),
        ("Er sagte „sie wurden geschlagen“ und ging.", ["sie wurden geschlagen"]),
        ('He "ordered the detentions," it says.', ["ordered the detentions"]),
        (
            "the Ombudsman “misinforms the public” and “is covering up” crimes",
            [
                "misinforms the public",
                "is covering up",
            ],
        ),
        ("Orazov’s son’s account, in no quotation marks", []),
        ("the letter “A” and the number “12”", []),
    ],
)
def test_the_stretches_in_quotation_marks_are_read_as_the_source_s_words(
    text: str, stretches: list[str]
) -> None:
    assert quoted_in(text) == stretches


def _inline(findings_of, rows):  # type: ignore[no-untyped-def]
    return [f for f in findings_of(rows) if f.code == "quote.inline_not_found"]


def test_words_the_cited_copy_holds_pass_however_they_are_cut(findings_of) -> None:  # type: ignore[no-untyped-def]
    """Words left out with "…", the sentence's full stop inside the closing mark, another
    case of letters: the copy holds them."""
    rows = workbooks.valid_rows()
    rows["involvement"][0]["description"] = (
        "According to the report, Minister Testbayev “ordered the police … to detain the "
        "PROTESTERS.”"
    )
    rows["incidents"][0]["summary"] = "“Two of them were held for three days.”"
    assert _inline(findings_of, rows) == []


def test_words_no_cited_copy_holds_are_named_at_their_cell(findings_of) -> None:  # type: ignore[no-untyped-def]
    rows = workbooks.valid_rows()
    rows["incidents"][0]["summary"] = "Police “beat the protesters with batons”, the report says."
    (found,) = _inline(findings_of, rows)
    assert (found.sheet, found.column) == ("incidents", "summary")
    assert found.message.startswith(
        "“beat the protesters with batons” in summary stands in quotation marks, and no copy "
        "of E001 holds these words"
    )


def test_contrary_information_is_looked_for_in_the_sources_cited_for_it(findings_of) -> None:  # type: ignore[no-untyped-def]
    """``exculpatory`` cites its own sources (``exculpatory_evidence_ids``), not the row's."""
    rows = workbooks.valid_rows()
    rows["persons"][0].update(
        exculpatory="The report calls him “a reformer”.", exculpatory_evidence_ids="E001"
    )
    (found,) = _inline(findings_of, rows)
    assert (found.sheet, found.column) == ("persons", "exculpatory")
    rows["persons"][0]["exculpatory"] = "The report says he “answered for the police”."
    assert _inline(findings_of, rows) == []


def test_words_only_the_carrier_says_are_its_own_not_the_source_s_it_carries(findings_of) -> None:  # type: ignore[no-untyped-def]
    """A report known only as another quotes it: words the other sets in quotation marks are
    the report's; words of the other's own (outside its quotation marks) are not, and a
    description quoting them as the report's is told to cite the one that says them."""
    rows = workbooks.valid_rows()
    workbooks.act_on_earlier_report(rows)

    def found(description: str, cited: str = "E003") -> list[str]:
        rows["involvement"][0].update(description=description, evidence_ids=cited)
        return [
            f.message
            for f in findings_of(rows)
            if f.code in ("quote.inline_carriers_words", "quote.inline_not_found")
        ]

    # in the carrier's quotation marks: the earlier report's words
    assert found("The earlier report says he had them “taken to the city police station”.") == []
    # the carrier's own words: not the earlier report's
    (message,) = found("The earlier report says they were “held overnight”.")
    assert message.startswith(
        "“held overnight” in description stands in quotation marks, and of the copies of E003 "
        "only E001 (example-city-report.txt) holds it, in its own words"
    )
    assert "cite E001 for them too" in message
    # cited too, the carrier is the one saying them
    assert found("The report says they were “held overnight”.", "E001; E003") == []
