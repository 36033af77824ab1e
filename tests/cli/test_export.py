"""`sanctions export` as an editor meets it: what it prints, and files as the umask asks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests import workbooks
from tests.conftest import REPO, run_cli


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=120)


def test_export_counts_the_findings_and_leaves_listing_them_to_validate(build, tmp_path):
    rows = workbooks.valid_rows()
    rows["persons"][1]["summary"] = "Chief  of police."  # a warning: doubled space
    proc = run("export", "--draft", str(build(rows)), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    summary = proc.stdout.index(
        "0 errors, 1 warning in 1 workbook; `sanctions validate` lists them"
    )
    assert "text.whitespace" not in proc.stdout
    assert proc.stdout.index(": wrote ") > summary


@pytest.mark.parametrize("mask", [0o002, 0o022])
def test_outputs_follow_the_users_umask(build, tmp_path, mask):
    book = build(workbooks.valid_rows())
    out = tmp_path / "out"
    code = (
        f"import os, sys; os.umask({mask}); sys.argv = ['sanctions', 'export', '--draft', "
        f"{str(book)!r}, '--out', {str(out)!r}]; from sanctions.cli import main; main()"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    written = [p for p in out.rglob("*")]
    assert written
    for path in written:
        expected = (0o777 if path.is_dir() else 0o666) & ~mask
        assert path.stat().st_mode & 0o777 == expected, path


@pytest.mark.parametrize("only", ["", "us,,gb", "us,"])
def test_an_empty_code_in_only_is_refused_before_anything_is_written(build, tmp_path, only):
    out = tmp_path / "out"
    proc = run("export", "--draft", "--only", only, str(build(workbooks.valid_rows())), "--out",
               str(out))  # fmt: skip
    assert proc.returncode == 2
    assert f"--only {only!r} has an empty code" in proc.stderr
    assert not out.exists()


def test_only_leaves_the_other_governments_packages_as_they_were(build, tmp_path):
    """``--only gb`` builds the United Kingdom's package; every other package of the earlier
    export stays, byte for byte (a filing copy is never lost for building another), and is said
    to be of an earlier version of the workbook once that has changed."""
    rows = workbooks.valid_rows()
    book = build(rows)
    out = tmp_path / "out"
    assert run("export", "--draft", str(book), "--out", str(out)).returncode == 0
    folder = out / book.stem
    before = {
        p.relative_to(folder): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.parts[len(folder.parts)].startswith(f"{book.stem}-us")
    }
    assert any(p.name == "submission.docx" for p in before)
    again = run("export", "--draft", "--only", "gb", str(book), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert "kept as they were" not in again.stdout + again.stderr  # the same workbook
    after = {p: (folder / p).read_bytes() for p in before}
    assert after == before
    assert (folder / f"{book.stem}-gb" / "send" / "submission.docx").is_file()

    rows["persons"][0]["summary"] = "Minister of Examples since 2019."
    book.unlink()
    changed = workbooks.write(book, rows)
    third = run("export", "--draft", "--only", "gb", str(changed), "--out", str(out))
    assert third.returncode == 0, third.stderr
    said = third.stdout + third.stderr
    assert "kept as they were, from an earlier version of the workbook: " in said
    assert f"{book.stem}-us" in said and f"{book.stem}-gb," not in said
    assert (folder / f"{book.stem}-us.zip").is_file()
