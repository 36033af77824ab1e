from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from sanctions.check.validate import validate
from sanctions.rules.finding import Finding
from tests import workbooks

REPO = Path(__file__).resolve().parent.parent

# Timing goals live in `make bench`, not in the tests: no property test holds its examples to
# hypothesis's deadline, which a loaded machine (CI, two workers, an export beside) misses at
# random, whatever the code.
settings.register_profile("house", deadline=None)
settings.load_profile("house")


@dataclass(frozen=True)
class Ran:
    """What a command did: its exit status and what it printed."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path = REPO, timeout: int = 300) -> Ran:
    """``sanctions ARGS`` as an editor runs it (from ``cwd``), in this process through click's
    test runner: the same command, exit status and output, without a new interpreter's start.
    A test of what only a process shows (string hashing, the umask, a killed run) uses
    ``run_process``. A bug raises here, as a traceback would."""
    from click.testing import CliRunner

    from sanctions.cli import cli

    here = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), prog_name="sanctions", catch_exceptions=False)
    finally:
        os.chdir(here)
    return Ran(result.exit_code, result.stdout, result.stderr)


def run_process(
    *args: str, cwd: Path = REPO, timeout: int = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``sanctions ARGS`` in a fresh process, as the command line starts it."""
    return subprocess.run(
        [sys.executable, "-m", "sanctions", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )


@pytest.fixture(autouse=True, scope="session")
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder of the test session's own (``SANCTIONS_CACHE``), which commands run in
    a process of their own inherit: no test reads or writes the cache of the machine's user
    (downloads, the scores kept between screenings)."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["SANCTIONS_CACHE"] = str(folder)
    return folder


@pytest.fixture
def build(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(10_000))

    def make(rows: workbooks.Rows, **kw: object) -> Path:
        return workbooks.write(tmp_path / f"book{next(counter)}.xlsx", rows, **kw)  # type: ignore[arg-type]

    return make


@pytest.fixture
def findings_of(build: Callable[..., Path]) -> Callable[..., list[Finding]]:
    def run(rows: workbooks.Rows, **kw: object) -> list[Finding]:
        return validate(build(rows, **kw)).findings

    return run


CALC = Path("/usr/lib/libreoffice/program/libsclo.so")


def require_office(component: str = "writer") -> None:
    """Skip, saying why, where LibreOffice (with Calc for spreadsheets) or poppler is missing;
    in CI, which installs them (.ci/run), fail instead."""
    missing = [
        name
        for name, present in (
            ("LibreOffice", shutil.which("soffice") is not None),
            ("LibreOffice Calc", component != "calc" or CALC.exists()),
            ("poppler-utils", shutil.which("pdftotext") is not None),
        )
        if not present
    ]
    if missing:
        assert not os.environ.get("CI"), f"CI must install {', '.join(missing)} (.ci/run)"
        pytest.skip(
            f"{', '.join(missing)} not installed here: rendering not checked (CI checks it)"
        )


def require_browser() -> str:
    """The Chromium command; skip, saying why, where it is missing; in CI, which installs it
    (.ci/run), fail instead."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        assert os.environ.get("CI") != "true", "CI must install chromium (.ci/run)"
        pytest.skip("Chromium not installed here: the report is not opened in a browser (CI does)")
    return found


def smallest_text(pdf: Path) -> float:
    """The height, in points, of the smallest word on any page of ``pdf`` (8-point text gives
    boxes about 8.6 points high)."""
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True)
    heights = [
        float(bottom) - float(top)
        for top, bottom in re.findall(
            r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', words.stdout
        )
    ]
    assert heights, f"no text in {pdf}"
    return min(heights)


def render_pdf(path: Path, folder: Path) -> tuple[int, str, str]:
    """(pages, text, paper) of a document as LibreOffice prints it; paper is A4 or letter."""
    # A profile of its own, so that tests running side by side do not wait on one another's.
    profile = f"-env:UserInstallation=file://{folder.resolve() / 'libreoffice-profile'}"
    proc = subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    pdf = folder / f"{path.stem}.pdf"
    assert proc.returncode == 0 and pdf.exists(), proc.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    paper = "letter" if "(letter)" in info else "A4" if "(A4)" in info else info
    return pages, text.stdout, paper
