"""Table headers and cells never break a word (issue 27: "Can|ada", "Lithu|ania" on the public
page at 1280 px, dates split on the status page): each page opened in headless Chromium at
1280 px wide, and every word of every table cell measured: one line box each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import screening_data
from tests.conftest import run_cli
from tests.review.test_browser import Browser, browser  # noqa: F401 (the fixture)

pytestmark = pytest.mark.rendering

# Appended to a copy of the page: lists, in <pre id="broken">, each word of a table cell that
# the layout splits over two lines.
MEASURE = """<script>
const broken = [];
for (const cell of document.querySelectorAll("th, td")) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const re = /\\S+/g; let m;
    while ((m = re.exec(node.data))) {
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
}
const pre = document.createElement("pre"); pre.id = "broken";
pre.textContent = JSON.stringify(broken); document.body.appendChild(pre);
</script>"""


def broken_words(browser: Browser, page: Path, tmp: Path) -> list[str]:  # noqa: F811
    copy = tmp / f"measured-{page.name}"
    copy.write_text(page.read_text(encoding="utf-8") + MEASURE, encoding="utf-8")
    proc = browser.run("--window-size=1280,900", "--dump-dom", copy.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'<pre id="broken">(.*?)</pre>', proc.stdout, re.S)
    assert found is not None, proc.stdout[-2000:]
    return re.findall(r'"([^"]*)"', found.group(1))


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("words")
    book = screening_data.write_workbook(tmp / "book.xlsx")
    reference = screening_data.write_reference(tmp / "reference.ftm.json")
    out = tmp / "exports"
    proc = run_cli("screen", str(book), "--against", str(reference), "--out", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    assert run_cli("export", str(book), "--out", str(out), "--draft").returncode == 0
    return book, out / book.stem


def test_the_public_pages_table_breaks_no_word(browser, screened, tmp_path):  # noqa: F811
    _, folder = screened
    page = folder / "public" / "index.html"
    assert "Lithuania" in page.read_text(encoding="utf-8")
    assert broken_words(browser, page, tmp_path) == []


def test_the_status_page_breaks_no_word(browser, screened, tmp_path):  # noqa: F811
    book, folder = screened
    page = tmp_path / "status.html"
    proc = run_cli("status", str(book), "--out", str(folder.parent), "--format", "html",
                   "--file", str(page))  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert broken_words(browser, page, tmp_path) == []
