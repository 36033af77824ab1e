"""The sanctions command as an editor meets it: validate, its exit codes and report formats, --help."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sanctions.rules.finding import FIELDS
from tests import workbooks
from tests.conftest import REPO, run_cli
from tests.workbooks import cell


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd, timeout=120)


@pytest.fixture
def broken(build) -> Path:
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "1965-13-01"
    rows["persons"][1]["summary"] = "Chief  of police."
    return build(rows)


def test_clean_workbook_exits_0(build):
    proc = run("validate", str(build(workbooks.valid_rows())))
    assert proc.returncode == 0
    assert proc.stdout.strip().endswith("0 errors, 0 warnings in 1 workbook")


def test_a_workbook_that_cannot_be_read_is_not_counted_as_clean(build, tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    proc = run("validate", str(bad), str(build(workbooks.valid_rows())))
    assert proc.returncode == 2
    assert "notes.xlsx: not an .xlsx workbook" in proc.stderr
    assert proc.stdout.strip().endswith(
        "0 errors, 0 warnings in 1 workbook; 1 could not be checked (see above)"
    )


def test_errors_exit_1_and_text_names_the_cell(broken):
    proc = run("validate", str(broken))
    assert proc.returncode == 1
    assert "persons!I2: birth_date '1965-13-01' is not a valid date" in proc.stdout
    assert "[error date.invalid]" in proc.stdout
    assert "1 error, 1 warning in 1 workbook" in proc.stdout
    # and that the checks of each proposed person's case wait on the error
    assert "is checked once the errors are fixed" in proc.stdout.splitlines()[-1]


def test_json_has_exactly_the_documented_keys(broken):
    proc = run("validate", "--format", "json", str(broken))
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert [tuple(item) for item in report] == [FIELDS, FIELDS]
    first = report[0]
    assert first == {
        "severity": "error",
        "code": "date.invalid",
        "file": str(broken),
        "sheet": "persons",
        "cell": "I2",
        "row": 2,
        "column": "birth_date",
        "value": "1965-13-01",
        "message": first["message"],
    }


def test_strict_turns_warnings_into_errors(build):
    rows = workbooks.valid_rows()
    rows["persons"][1]["summary"] = "Chief  of police."
    path = build(rows)
    assert run("validate", str(path)).returncode == 0
    proc = run("validate", "--strict", "--format", "json", str(path))
    assert proc.returncode == 1
    assert {f["severity"] for f in json.loads(proc.stdout)} == {"error"}


def test_default_is_every_workbook_in_lists(tmp_path, build):
    (tmp_path / "lists").mkdir()
    path = build(workbooks.valid_rows())
    workbooks.copy_list(path, tmp_path / "lists" / "one.xlsx")
    path.unlink()
    proc = run("validate", cwd=tmp_path)
    assert proc.returncode == 0 and "in 1 workbook" in proc.stdout


def test_misuse_exits_2():
    proc = run("validate", "--format", "yaml", "x.xlsx")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert run("no-such-command").returncode == 2


@pytest.mark.parametrize("command", [[], ["validate"], ["template"], ["docs"]])
def test_help_on_every_command(command):
    proc = run(*command, "--help")
    assert proc.returncode == 0
    assert "Usage:" in proc.stdout


def test_office_lock_files_in_lists_are_skipped_with_the_real_name(build, tmp_path):
    lists = tmp_path / "lists"
    lists.mkdir()
    book = build(workbooks.valid_rows())
    (lists / "belarus.xlsx").write_bytes(book.read_bytes())
    shutil.copytree(book.with_name(f"{book.stem}-evidence"), lists / "belarus-evidence")
    (lists / "~$belarus.xlsx").write_bytes(b"\x00" * 165)  # what Excel leaves
    (lists / ".~lock.belarus.xlsx#").write_text("Editor,host,/home/editor,29.11.2026 10:00;")
    proc = run("validate", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 errors, 0 warnings in 1 workbook" in proc.stdout
    assert (
        "note: skipped lists/~$belarus.xlsx is Excel's lock file: lists/belarus.xlsx is open in "
        "Excel; save it there, and belarus.xlsx is read as last saved"
    ) in proc.stderr
    assert "lists/belarus.xlsx is open in LibreOffice" in proc.stderr  # in a default run too


def test_a_libreoffice_lock_file_given_by_name_names_the_workbook(build, tmp_path):
    lock = tmp_path / ".~lock.belarus.xlsx#"
    lock.write_text("Editor,host,/home/editor,29.11.2026 10:00,file:///home/editor;")
    workbooks.copy_list(build(workbooks.valid_rows()), tmp_path / "belarus.xlsx")
    proc = run("validate", str(lock), str(tmp_path / "belarus.xlsx"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"{tmp_path / 'belarus.xlsx'} is open in LibreOffice" in proc.stderr
    assert "in 1 workbook" in proc.stdout


def test_a_problem_in_many_cells_is_one_line_unless_verbose(build):
    """28 persons without a birth date should not drown the one error that matters."""
    rows = workbooks.valid_rows()
    for k in range(3, 9):
        person = dict(rows["persons"][1], person_id=f"P{k:03d}", name=f"Ana Fictional{k}")
        person.pop("birth_date", None)
        rows["persons"].append(person)
        rows["positions"].append(dict(rows["positions"][1], person_id=f"P{k:03d}"))
        rows["involvement"].append(dict(rows["involvement"][1], person_id=f"P{k:03d}"))
    rows["persons"][0]["birth_date"] = "1965/03/01"
    book = build(rows)
    short = run_cli("validate", str(book)).stdout
    grouped = [line for line in short.splitlines() if "person.no_birth_date" in line]
    assert grouped == [
        f"    persons!{cell('persons', 'birth_date', 2)}:{cell('persons', 'birth_date', 7)} "
        "(6 cells): person 'P003' has no birth_date; add a birth date if a source gives one; and "
        "5 more like it (--verbose lists each)  [warning person.no_birth_date]"
    ]
    assert "is not a valid date: write 1965-03-01" in short  # the error keeps its own line
    full = run_cli("validate", str(book), "--verbose").stdout
    assert sum("person.no_birth_date" in line for line in full.splitlines()) == 6
