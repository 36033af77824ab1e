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
