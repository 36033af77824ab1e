"""The evidence index shows, under each source, the passages relied on in it, with where they
are and whose account, so that a desk officer can check each claim in minutes. Every name is
invented."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from docx import Document

from tests import workbooks
from tests.conftest import run_cli


def test_each_passage_is_listed_under_the_source_that_holds_it(
    build: Callable[..., Path], tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()
    rows["involvement"][1]["evidence_ids"] = "E001; E002"  # the report is cited too
    book = build(rows)
    out = tmp_path / "out"
    proc = run_cli("export", "--only", "eu", str(book), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    package = out / book.stem / f"{book.stem}-eu"
    index = {
        r["evidence_id"]: r["passages"]
        for r in csv.DictReader(
            io.StringIO((package / "send" / "evidence.csv").read_text("utf-8-sig"))
        )
    }
    witness = "para. 3, account of a detained protester: “Chief Fictiyeva led the officers who "
    assert index["E002"].startswith(witness)
    assert "Chief Fictiyeva" not in index["E001"]  # the report does not say it
    assert "p. 4: “Minister Testbayev ordered the police to detain the protesters”" in index["E001"]
    letter = [p.text for p in Document(str(package / "send" / "submission.docx")).paragraphs]
    assert any(p.startswith(witness) for p in letter)


def test_a_tellers_opinion_is_listed_as_their_belief() -> None:
    """As the Why line says it: "belief of …" where the passage gives what the teller believes."""
    from sanctions.model.targets import Anchor
    from sanctions.submit.relied import _line

    anchor = Anchor(("x",), ("para. 5",), "relative", "his mother")
    assert _line(
        "His mother believes that the minister pressed the investigators", "para. 5", anchor, False
    ).startswith("para. 5, belief of his mother: “")
    assert _line("His mother saw the guards beat him", "para. 5", anchor, False).startswith(
        "para. 5, account of his mother: “"
    )


def test_words_the_prose_quotes_are_listed_under_the_source_that_holds_them(
    build: Callable[..., Path], tmp_path: Path
) -> None:
    """A reader takes words in quotation marks in an act's description or the contrary
    information for the source's own, as much as a quoted passage: the index lists them under
    the source whose copy holds them, once, and leaves out a source's title and words a listed
    passage already holds."""
    rows = workbooks.valid_rows()
    rows["involvement"][0]["description"] = (
        "The “Report on Example City” says he “answered for the police of the region” and "
        "“ordered the police” to detain them."
    )
    rows["persons"][0]["exculpatory"] = "The report says the protesters were “held for three days”."
    rows["persons"][0]["exculpatory_evidence_ids"] = "E001"
    book = build(rows)
    out = tmp_path / "out"
    proc = run_cli("export", "--only", "eu", str(book), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    index = {
        r["evidence_id"]: r["passages"].splitlines()
        for r in csv.DictReader(
            io.StringIO(
                (out / book.stem / f"{book.stem}-eu" / "send" / "evidence.csv").read_text(
                    "utf-8-sig"
                )
            )
        )
    }
    quoted = [line for line in index["E001"] if line.startswith("quoted in the submission")]
    assert quoted == [
        "quoted in the submission: “answered for the police of the region”",
        "quoted in the submission: “held for three days”",  # the contrary information's
    ]
    assert not any("answered for the police" in line for line in index["E002"])
