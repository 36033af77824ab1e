"""The text of a local copy as quotes are looked for in it: plain text, the visible text of an
HTML page, the text of a PDF; a scanned image has none. Every text here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions.evidence.passages import found_in
from sanctions.evidence.text import NoText, copy_text
from tests.workbooks import pdf


def test_an_html_page_gives_its_visible_text_only(tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    page.write_text(
        "<html><head><title>T</title><style>p {color: red}</style>"
        "<script>var hidden = 'the officer struck';</script></head>"
        "<body><p>The officer <b>struck</b> the detainee.</p><p>Next paragraph.</p></body></html>",
        encoding="utf-8",
    )
    text = copy_text(page)
    assert found_in("The officer struck the detainee.", text)
    assert "var hidden" not in text and "color: red" not in text
    assert not found_in("detainee.Next", text)  # paragraphs do not run together


def test_a_pdf_gives_the_text_of_its_pages(tmp_path: Path) -> None:
    document = tmp_path / "report.pdf"
    document.write_bytes(pdf("Report (fictional)\n3. Chief Fictiyeva led the officers."))
    assert found_in("Chief Fictiyeva led the officers", copy_text(document))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("scan.jpg", b"\xff\xd8\xff"),
        ("bad.pdf", b"not a pdf"),
        # a scan saved as PDF: pages without a text layer, nothing to look a quote for in
        ("scanned.pdf", pdf("")),
        # a page its scripts build
        ("app.html", b"<html><body><div id='app'></div><script>render()</script></body></html>"),
        ("empty.txt", b"  \n"),
        # a page with nothing after its doctype, a comment or a byte-order mark only: lxml
        # finds the document empty
        ("doctype.html", b"<!DOCTYPE html>\n"),
        ("comment.html", b"<!-- saved by a browser -->"),
        ("bom.html", b"\xef\xbb\xbf"),
    ],
)
def test_a_copy_without_readable_text_says_so(tmp_path: Path, name: str, data: bytes) -> None:
    (tmp_path / name).write_bytes(data)
    with pytest.raises(NoText, match=name):
        copy_text(tmp_path / name)


def test_an_html_page_without_a_declared_charset_is_read_as_utf8(tmp_path: Path) -> None:
    """lxml reads such a page as Latin-1: its quotation marks became "â€œ" and its Cyrillic
    mojibake, and neither a quote nor a name was found."""
    page = tmp_path / "news.html"
    page.write_bytes("<html><body><p>«Оразов» said “no”.</p></body></html>".encode())
    text = copy_text(page)
    assert "«Оразов»" in text and "“no”" in text


@pytest.mark.parametrize(
    "error", [NotImplementedError("only Standard PDF encryption"), TypeError("str + int")]
)
def test_whatever_a_damaged_pdf_makes_its_reader_raise_is_no_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    """A copy is untrusted bytes, and pypdf raises many things on odd ones (a limit reached, an
    encryption it lacks, its own bugs): each means the text cannot be read, never a crash."""
    import pypdf

    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(pypdf, "PdfReader", broken)
    (tmp_path / "odd.pdf").write_bytes(pdf("Chief Fictiyeva led the officers"))
    with pytest.raises(NoText, match=r"odd\.pdf cannot be read"):
        copy_text(tmp_path / "odd.pdf")
