"""At every validate, each passage a row quotes is looked for in the copies of the evidence it
cites: a passage the source does not hold is an error at its cell with the nearest passage; one
that cannot be checked is a warning that says why. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanctions.check.validate import validate
from sanctions.evidence.passages import fold_text, in_quotation_marks, parts, quoted_stretches
from sanctions.evidence.text import text_of
from sanctions.rules.finding import Finding
from tests import workbooks
from tests.workbooks import cell


def quoted(text: str) -> list[str]:
    """The stretches of ``text`` that ``quoted_stretches`` reads as in quotation marks."""
    return [text[a:b] for a, b in quoted_stretches(text)]


def quote_findings(path: Path) -> list[Finding]:
    return [f for f in validate(path).findings if f.code.startswith("quote.")]


def with_copy(rows: workbooks.Rows, eid: str, title: str, kind: str, name: str) -> None:
    """Add a source whose copy, ``name``, a test writes after building (``put_copy``)."""
    rows["evidence"].append(
        {"evidence_id": eid, "title": title, "kind": kind, "file": name, "confidential": "no"}
    )


def put_copy(book: Path, name: str, text: str) -> None:
    (book.parent / f"{book.stem}-evidence" / name).write_text(text, encoding="utf-8")


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
    workbooks.act_on_earlier_report(rows)
    assert quote_findings(build(rows)) == []
    rows["involvement"][0]["quote"] = "words the article never quoted"
    [found] = quote_findings(build(rows))
    assert found.code == "quote.not_found" and "E001 (example-city-report.txt)" in found.message


def test_a_carriers_own_words_are_not_the_document_it_quotes(build: Callable[..., Path]) -> None:
    """A report known only through an article is read as the article quotes it: what the
    article says in its own words ("held them there overnight") is the article's."""
    rows = workbooks.valid_rows()
    workbooks.known_through(rows)
    rows["involvement"][0].update(
        evidence_ids="E003", quote="Minister Testbayev ordered the police to detain the protesters"
    )
    [found] = quote_findings(build(rows))
    assert (found.code, found.severity) == ("quote.carriers_words", "error")
    assert found.cell == cell("involvement", "quote", 0)
    assert "is in E001 (example-city-report.txt), through which the row reads E003" in found.message
    rows["involvement"][0]["evidence_ids"] = "E003; E001"  # cited as the article's own words
    assert quote_findings(build(rows)) == []


def test_quoted_stretches_are_read_as_a_reader_reads_them() -> None:
    text = (
        "The article says “one thing” and more.\n"
        "a closing mark the source left the opening of,” the authors said.\n"
        "“a quotation broken over\n"
        "two lines” then none.\n"
        "\n"
        "“never closed\n"
        "\n"
        "no marks here"
    )
    assert quoted(text) == [
        "“one thing”",
        "a closing mark the source left the opening of,”",
        "“a quotation broken over\ntwo lines”",
        "“never closed",
    ]
    folded = fold_text(text)
    assert in_quotation_marks(parts("one thing"), text, folded)
    assert in_quotation_marks(parts("the source left the opening"), text, folded)
    assert in_quotation_marks(parts("a quotation broken over two lines"), text, folded)
    assert not in_quotation_marks(parts("and more"), text, folded)
    assert not in_quotation_marks(parts("no marks here"), text, folded)


def test_a_finding_quoted_from_under_the_governments_response_is_its_account(
    build: Callable[..., Path],
) -> None:
    from tests.evidence.test_tellers import OPINION

    rows = workbooks.valid_rows()
    with_copy(rows, "E003", "Opinion No. 1/2099", "un_document", "opinion.txt")
    rows["positions"][0].update(
        evidence_ids="E001; E003",
        quote="Arman Testbayev, Minister of Examples from January 2015; "
        "The arrest of Mr. Fictiov was carried out in accordance with the law",
        locator="p. 2; para. 48",
    )
    book = build(rows)
    put_copy(book, "opinion.txt", OPINION)
    [found] = quote_findings(book)
    assert found.code == "quote.others_account"
    assert "stands under the heading “Response from the Government”" in found.message


def test_a_carriers_quotation_of_a_third_person_is_not_the_document_it_carries(
    build: Callable[..., Path],
) -> None:
    """The article a report is known through quotes a protester too: his words are his, not
    the report's, though they stand in quotation marks; the article's words naming the report
    as the teller ("…, the report's authors said") leave the report's words the report's."""
    rows = workbooks.valid_rows()
    workbooks.known_through(rows, "E004")
    with_copy(rows, "E004", "Protests in Example City", "media", "article.txt")
    rows["involvement"][0].update(
        evidence_ids="E003",
        quote="Minister Testbayev ordered the police to detain the protesters",
        locator="para. 2",
    )
    article = (
        "Protests in Example City\n"
        "“Minister Testbayev ordered the police to detain the protesters. I saw him give the "
        "order,” said Erlan Victimov, a protester, in an interview.\n"
    )
    book = build(rows)
    put_copy(book, "article.txt", article)
    [found] = quote_findings(book)
    assert found.code == "quote.others_account" and "said erlan victimov" in found.message
    told = "said Erlan Victimov, a protester, in an interview"
    put_copy(book, "article.txt", article.replace(told, "the report's authors said"))
    assert quote_findings(book) == []


def test_a_quotation_mark_typed_wrong_or_left_unclosed_quotes_no_more_than_it_should() -> None:
    """The coalition report types closing marks as opening ones (“acute heart failure“.): read
    as openings, its quotation ran 2,000 characters on, over its own findings about the
    Chairman. Each kind of slip a copy makes, read as a reader reads it."""
    text = (
        "The cause was given as “acute heart failure“. The Chairman is vested with full "
        "authority.\n"
        "The Resolution condemns “the abuse of laws against the “Koshe Partiyasy”, and urges "
        "pluralism”. The report adds its own view.\n"
        "The investigator explained the seizure by ”his inner convictions” at the trial.\n"
        "Activists were charged with “reposting materials of the “Koshe Partiyasy”;\n"
        "- of Mukhtar Ablyazov, who has asylum in France;\n"
        "He wrote “a stray mark at the end of a paragraph.\n"
        "The next paragraph is the report's own.\n"
        "Die Zeitung schrieb »die Polizei schlug ihn« und mehr.\n"
    )
    assert quoted(text) == [
        "“acute heart failure“",
        "“the abuse of laws against the “Koshe Partiyasy”, and urges pluralism”",
        "”his inner convictions”",
        "“reposting materials of the “Koshe Partiyasy”",
        "“a stray mark at the end of a paragraph.",
        "»die Polizei schlug ihn«",
    ]
    folded = fold_text(text)
    for own in (
        "The Chairman is vested with full authority",
        "The report adds its own view",
        "who has asylum in France",
        "The next paragraph is the report's own",
        "at the trial",
        "und mehr",
    ):
        assert not in_quotation_marks(parts(own), text, folded), own


@pytest.mark.parametrize(
    ("text", "stretches"),
    [
        # a name in quotation marks inside another, its second closing mark left out, as
        # Russian writes it: the finding after it is the writer's own
        (
            "Контракт получило АО «НК «КазМунайГаз», а его глава, по данным расследования, "
            "вывел $40 млн.",
            ["«НК «КазМунайГаз»"],
        ),
        # a mark left unclosed, then a whole quotation on the same line
        (
            "His lawyer called it “a farce. He added “we will appeal,” and the report finds "
            "that Judge Atayev took orders.",
            ["“a farce. He added “we will appeal,”"],
        ),
        # a paragraph of a quotation opened again on the next line, the first not ending with
        # a stop
        (
            "“I was detained on 3 May (annex 2)\n“I saw no lawyer.”\n"
            "The Working Group finds that Colonel Batyrov ordered it.",
            ["“I was detained on 3 May (annex 2)\n“I saw no lawyer.”"],
        ),
        # a closing mark typed as an opening one before a note's number or a hyphen
        (
            "The cause was “acute heart failure“12. The Chairman is vested with full authority.",
            ["“acute heart failure“"],
        ),
        (
            "Die „Koshe Partiyasy“-Bewegung ist friedlich. Der Minister gab den Befehl.",
            ["„Koshe Partiyasy“"],
        ),
        # an opening mark after a colon with no space is an opening one
        (
            "The commission found that Colonel Batyrov ordered the beatings. A guard "
            "said:“…we broke them,” later.",
            ["“…we broke them,”"],
        ),
        # a PDF's lines break inside sentences, after "Mr." too: its quotation runs on
        (
            "“Your friend Mr.\nBerdiyev has named you as the organizer. You will get fifteen\n"
            "years,” the investigator said. He\nwas then taken\naway by the guards.",
            [
                "“Your friend Mr.\nBerdiyev has named you as the organizer. You will get "
                "fifteen\nyears,”"
            ],
        ),
    ],
)
def test_a_quotation_inside_another_is_one_only_where_its_line_closes_both(
    text: str, stretches: list[str]
) -> None:
    """Found by a review of the reading above: counting every opening mark inside a quotation
    as a quotation within it made the findings after a name in nested marks someone's."""
    assert quoted(text) == stretches


def test_a_letter_and_its_accent_typed_apart_do_not_shift_the_quotations() -> None:
    """A PDF's text may type й as и and a combining breve: the copy is read composed, so what
    is quoted stays where it is."""
    data = ("Показания Сергея Мойсеенко " * 30 + "были такими: „Wir haben nur Befehle befolgt“. "
            "Der Minister gab den Befehl.").replace("й", "и\u0306")  # fmt: skip
    text = text_of("copy.txt", data.encode("utf-8"))
    folded = fold_text(text)
    assert in_quotation_marks(parts("Wir haben nur Befehle befolgt"), text, folded)
    assert not in_quotation_marks(parts("Der Minister gab den Befehl"), text, folded)


def test_a_pdfs_empty_line_after_every_line_ends_no_quotation() -> None:
    """Text taken from a PDF often sets an empty line after every line (the UN opinion's copy
    does): a quotation broken over its lines is one quotation; British single marks quote too,
    an apostrophe does not."""
    text = (
        "The report said that “Minister Testbayev ordered the police \n\nto detain the "
        "protesters” on the day.\n\nThe paper wrote that ‘the chief led the officers’, and "
        "Orazov’s son agreed.\n\nNo marks here.\n\n"
    )
    folded = fold_text(text)
    assert in_quotation_marks(parts("ordered the police to detain the protesters"), text, folded)
    assert in_quotation_marks(parts("the chief led the officers"), text, folded)
    assert not in_quotation_marks(parts("son agreed"), text, folded)
    assert not in_quotation_marks(parts("No marks here"), text, folded)
