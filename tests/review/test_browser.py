"""The review report as a reader opens it: the default list's report in headless Chromium,
from disk, offline. The front page renders with its persons table and its filter script runs
without a console message; a person's page reached through the front page's own link renders;
the network picture draws (a screenshot with more than one colour). Skipped where Chromium is
missing, except in CI, which installs it (.ci/run).
"""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO, require_browser
from tests.review.test_report import report_cli

pytestmark = pytest.mark.rendering

# Chromium writes each console message (console.log, an uncaught exception …) to stderr as
# "[…:INFO:CONSOLE(12)] "message", source: …" (older builds) or "…:INFO:CONSOLE:1] …".
CONSOLE = re.compile(r"CONSOLE[(:]|Uncaught")


@dataclass
class Browser:
    command: str
    profile: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                self.command,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={self.profile}",
                "--enable-logging=stderr",
                "--v=0",
                "--hide-scrollbars",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )

    def dom(self, url: str) -> str:
        """The page's DOM once loaded and its scripts run; fails on any console message."""
        proc = self.run("--dump-dom", url)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert not console(proc.stderr), console(proc.stderr)
        return proc.stdout


def console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE.search(line)]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Browser:
    command = require_browser()
    return Browser(command, tmp_path_factory.mktemp("chromium-profile"))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Path:
    """The default list's report, built with `sanctions report --out` (no screening)."""
    tmp = tmp_path_factory.mktemp("report")
    out = tmp / "report"
    book = REPO / "lists" / "kazakhstan.xlsx"
    proc = report_cli(str(book), "--out", str(out), "--exports", str(tmp / "exports"))
    assert proc.returncode == 0, proc.stderr
    return out


def rows_shown(dom: str) -> list[str]:
    """The person IDs of the persons table's rows that are not hidden."""
    rows = re.findall(r"<tr data-status=[^>]*>\s*<td>([^<]+)</td>", dom)
    hidden = re.findall(r"<tr data-status=[^>]*\shidden[^>]*>\s*<td>([^<]+)</td>", dom)
    return [r for r in rows if r not in hidden]


def test_the_front_page_renders_and_its_filter_runs(browser, report):
    dom = browser.dom((report / "index.html").as_uri())
    assert 'id="persons-table"' in dom
    assert len(rows_shown(dom)) == 29
    # the script ran: it showed the form and counted the rows
    assert re.search(r'<form id="filter" class="filters" role="search">', dom)
    assert "29 of 29 persons shown" in dom


def test_the_filter_narrows_the_table(browser, report):
    url = (report / "index.html").as_uri()
    dom = browser.dom(f"{url}?q=massimov&status=proposed")
    assert rows_shown(dom) == ["P002"]
    assert "1 of 29 persons shown" in dom
    dom = browser.dom(f"{url}?status=research")
    assert len(rows_shown(dom)) == len(statuses()["research"])


def statuses() -> dict[str, list[str]]:
    """The default list's persons by status, as its persons sheet has them."""
    from openpyxl import load_workbook

    sheet = load_workbook(REPO / "lists" / "kazakhstan.xlsx", read_only=True)["persons"]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    found: dict[str, list[str]] = {}
    for row in rows:
        if row[0]:
            found.setdefault(str(row[header.index("status")]), []).append(str(row[0]))
    return found


def test_a_person_page_reached_from_the_front_page(browser, report):
    dom = browser.dom((report / "index.html").as_uri())
    table = dom[dom.index('id="persons-table"') :]
    href = re.search(r'<a href="([^"]+)">', table)
    assert href is not None and href.group(1) == "persons/P001.html"
    person = browser.dom((report / href.group(1)).as_uri())
    assert re.search(r"<h1>Nursultan Nazarbayev", person)
    assert 'class="timeline"' in person
    assert 'id="evidence"' in person and 'id="governments"' in person


def test_the_network_picture_draws(browser, report, tmp_path):
    shot = tmp_path / "network.png"
    proc = browser.run(
        f"--screenshot={shot}", "--window-size=900,700", (report / "network.svg").as_uri()
    )
    assert proc.returncode == 0 and shot.exists(), proc.stderr[-2000:]
    colours = png_colours(shot.read_bytes())
    # white, the dark text and the legend's shapes in their colours at least
    assert len(colours) > 5
    shot = tmp_path / "index.png"
    proc = browser.run(
        f"--screenshot={shot}", "--window-size=900,700", (report / "index.html").as_uri()
    )
    assert proc.returncode == 0 and len(png_colours(shot.read_bytes())) > 1


def png_colours(data: bytes) -> set[bytes]:
    """The distinct pixels of an 8-bit RGB or RGBA PNG (what Chromium's screenshots are)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = depth = kind = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        name, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if name == b"IHDR":
            width, height, depth, kind = struct.unpack(">IIBB", body[:10])
        elif name == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and kind in (2, 6), (depth, kind)
    step = 3 if kind == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * step
    previous = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(height):
        start = y * (stride + 1)
        kind_of_filter = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind_of_filter == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind_of_filter == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind_of_filter == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind_of_filter == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + guess) & 0xFF
        colours.update(bytes(line[x : x + 3]) for x in range(0, stride, step))
        previous = line
    return colours


def test_a_person_page_prints_without_empty_pages(browser, report, tmp_path):
    """Issue 27: a person's page printed to ten pages, one holding a heading and two words
    (each section started a page). Now sections follow on: no page but the last is near-empty."""
    for pid in ("P001", "P002", "P005"):
        pdf = tmp_path / f"{pid}.pdf"
        proc = browser.run(
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            (report / "persons" / f"{pid}.html").as_uri(),
        )
        assert proc.returncode == 0 and pdf.exists(), proc.stderr[-2000:]
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        words = [
            len(
                subprocess.run(
                    ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                    capture_output=True, text=True,
                ).stdout.split()
            )
            for n in range(1, pages + 1)
        ]  # fmt: skip
        assert all(count >= 60 for count in words[:-1]), (pid, words)
