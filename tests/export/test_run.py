"""`sanctions export`: refuses invalid workbooks, replaces its output in one step, repeats exactly."""

from __future__ import annotations

from tests import workbooks
from tests.conftest import Ran, run_cli, run_process


def export(*args: str) -> Ran:
    return run_cli("export", *args)


def test_two_exports_are_byte_identical(build, tmp_path):
    book = build(workbooks.valid_rows())
    # Two processes, each with the string hashing the command fixes at its start; one writes
    # the review report on a second core, the other does everything on one.
    assert run_process("export", str(book), "--out", str(tmp_path / "a")).returncode == 0
    one = {"SANCTIONS_PROCESSES": "1"}
    assert run_process("export", str(book), "--out", str(tmp_path / "b"), env=one).returncode == 0
    a, b = tmp_path / "a" / book.stem, tmp_path / "b" / book.stem
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert any(f.parts[0] == "report" for f in files)
    assert (a / "entities.ftm.json").read_bytes()
    different = [str(f) for f in files if (a / f).read_bytes() != (b / f).read_bytes()]
    assert not different


def test_invalid_workbook_is_refused_and_old_output_kept(build, tmp_path):
    rows = workbooks.valid_rows()
    good = build(rows)
    out = tmp_path / "exports"
    assert export(str(good), "--out", str(out)).returncode == 0
    before = (out / good.stem / "entities.ftm.json").read_bytes()
    rows["positions"][0]["org_id"] = "O999"
    bad = build(rows)
    bad.replace(good)
    proc = export(str(good), "--out", str(out))
    assert proc.returncode == 1
    assert "ref.unknown_org" in proc.stdout and "not exported" in proc.stderr
    assert (out / good.stem / "entities.ftm.json").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [good.stem]  # no staging folders left


def test_unreadable_workbook_exits_2(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    proc = export(str(empty), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()
