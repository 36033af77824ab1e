"""`sanctions export`: refuses invalid workbooks, replaces its output in one step, repeats exactly."""

from __future__ import annotations

from tests import workbooks
from tests.conftest import Ran, run_cli, run_process


def export(*args: str) -> Ran:
    return run_cli("export", *args)


def test_two_exports_are_byte_identical(build, tmp_path):
    book = build(workbooks.valid_rows())
    # Two processes, each with the string hashing the command fixes at its start.
    assert run_process("export", str(book), "--out", str(tmp_path / "a")).returncode == 0
    assert run_process("export", str(book), "--out", str(tmp_path / "b")).returncode == 0
    name = book.stem
    first = (tmp_path / "a" / name / "entities.ftm.json").read_bytes()
    assert first and first == (tmp_path / "b" / name / "entities.ftm.json").read_bytes()


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
