"""Internal outputs (the status grid, the review report, a copy with hashes) never land on the
workbook, in the editors' folder, in a list's public folder or in a release, and the report
never replaces an export. Every name is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import workbooks
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("protected")
    book = workbooks.write(tmp / "testland.xlsx", workbooks.valid_rows())
    proc = run_cli("export", str(book), "--out", str(tmp / "exports"), "--only", "us")
    assert proc.returncode == 0, proc.stderr
    return book, tmp / "exports" / "testland"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_status_never_writes_over_the_workbook_or_into_public(exported):
    book, folder = exported
    before = book.read_bytes()
    for target, fmt, words in (
        (book, "xlsx", "is the workbook itself"),
        (folder / "public" / "status.html", "html", "public folder"),
        (folder.parent / "grid.csv", "xlsx", "name ending .xlsx"),
    ):
        proc = run_cli("status", str(book), "--format", fmt, "--file", str(target))
        assert proc.returncode == 2 and words in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
    assert book.read_bytes() == before
    assert not (folder / "public" / "status.html").exists()


def test_the_report_never_replaces_an_export_or_lands_in_public(exported):
    book, folder = exported
    before = snapshot(folder)
    for target, words in (
        (folder, "holds more than a report"),
        (folder / "testland-us", "which sanctions replaces at every run"),
        (folder / "testland-us" / "send" / "new", "which sanctions replaces at every run"),
        (folder / "public" / "report", "public folder"),
    ):
        proc = run_cli("report", str(book), "--out", str(target))
        assert proc.returncode == 2 and words in proc.stderr, proc.stderr
    assert snapshot(folder) == before


def test_nothing_is_written_into_a_release(tmp_path):
    release = tmp_path / "releases" / "testland" / "1.0"
    (release / "source").mkdir(parents=True)
    (release / "manifest.json").write_text("{}")
    book = workbooks.write(tmp_path / "testland.xlsx", workbooks.valid_rows())
    status = run_cli("status", str(book), "--format", "html", "--file", str(release / "s.html"))
    report = run_cli("report", str(book), "--out", str(release / "report"))
    hashed = run_cli("evidence", "hash", str(book), "--out", str(release / "source" / "x.xlsx"))
    for proc in (status, report, hashed):
        assert proc.returncode == 2 and "kept as it was made" in proc.stderr, proc.stderr
    assert sorted(p.name for p in release.iterdir()) == ["manifest.json", "source"]


def test_no_list_output_lands_in_a_public_folder(exported, tmp_path):
    """Every command that writes a list's folder (export, screen) finds it through one rule:
    never inside a public folder, which gets published, and the refusal names --out, not a
    staging folder of its own."""
    book, folder = exported
    before = snapshot(folder)
    reference = tmp_path / "r.ftm.json"
    reference.write_text('{"id": "x", "schema": "Person", "properties": {"name": ["X Y"]}}\n')
    public = folder / "public"
    for proc in (
        run_cli("export", str(book), "--out", str(public), "--only", "us"),
        run_cli("screen", str(book), "--against", str(reference), "--out", str(public)),
    ):
        assert proc.returncode == 2 and "public folder" in proc.stderr, proc.stderr
        assert ".tmp" not in proc.stderr
    assert snapshot(folder) == before


def test_an_out_that_is_a_file_is_refused_by_name(exported, tmp_path):
    book, _ = exported
    plain = tmp_path / "plain.csv"
    plain.write_text("a,b\n", encoding="utf-8")
    for out in (plain, plain / "sub"):
        proc = run_cli("export", str(book), "--out", str(out), "--only", "us")
        assert proc.returncode == 2, proc.stderr
        assert f"{plain} is a file, not a folder; choose another --out" in proc.stderr
    assert plain.read_text(encoding="utf-8") == "a,b\n"


def test_an_export_never_nests_inside_another_lists_exports(exported):
    """`export --out exports/testland/testland-us` would put the whole export, its internal
    report included, inside the package that goes to a government."""
    book, folder = exported
    before = snapshot(folder)
    for out in (folder / "testland-us", folder / "testland-us" / "send", folder / "x"):
        proc = run_cli("export", str(book), "--out", str(out), "--only", "us")
        assert proc.returncode == 2, proc.stderr
        assert f"this is inside {folder.resolve()}" in proc.stderr, proc.stderr
        assert "a list's exports, which sanctions replaces at every run" in proc.stderr
    assert snapshot(folder) == before


def test_the_editors_folder_is_known_wherever_the_command_starts(exported, tmp_path):
    """Run from another folder, lists/ (and its evidence folder) is still the editors'."""
    book, _ = exported
    project = tmp_path / "project"
    (project / "lists" / "testland-evidence").mkdir(parents=True)
    workbook = project / "lists" / "testland.xlsx"
    workbook.write_bytes(book.read_bytes())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    evidence = project / "lists" / "testland-evidence"
    for args in (
        ("export", str(book), "--out", str(evidence), "--only", "us"),
        ("evidence", "hash", str(book), "--out", str(evidence / "h.xlsx")),
        ("validate", str(book), "--annotate", str(evidence / "a.xlsx")),
        ("docs", "--out", str(project / "lists" / "workbook.md")),
    ):
        proc = run_cli(*args, cwd=elsewhere)
        assert proc.returncode == 2 and "the editors' folder" in proc.stderr, (args, proc.stderr)
    assert sorted(p.name for p in evidence.iterdir()) == []


# What Excel's "Encrypt with Password" writes: a compound file, not a zip.
LOCKED = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize(
    "command",
    [
        ("validate", "{book}", "--annotate", "{target}"),
        ("evidence", "hash", "{book}", "--out", "{target}"),
        ("status", "{book}", "--format", "xlsx", "--file", "{target}"),
        ("template", "--force", "{target}"),
    ],
)
def test_a_password_protected_workbook_is_never_written_over(
    exported, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """It cannot be told from a list locked by its editors, so no command writes over it."""
    book = exported[0]
    target = tmp_path / "locked.xlsx"
    target.write_bytes(LOCKED)
    proc = run_cli(*(part.format(book=book, target=target) for part in command))
    assert proc.returncode != 0
    assert "password-protected or damaged" in proc.stderr + proc.stdout
    assert target.read_bytes() == LOCKED
