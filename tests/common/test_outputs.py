"""Output paths: nothing the tool did not write is ever replaced, a killed export leaves the old
or the new export whole, lists never share a folder, and file-system errors are one line."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sanctions.common.outputs import ENDING_S, MARKER, held
from sanctions.common.places import dataset_prefix
from tests import workbooks
from tests.conftest import REPO, run_cli, run_process

sanctions = run_cli


def tree(folder: Path) -> dict[str, str]:
    """Every file below a folder with its SHA-256."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_workbook_without_extension_is_never_replaced(tmp_path: Path) -> None:
    """The workbook saved as lists/kaz (no .xlsx), exported with --out its own folder."""
    lists = tmp_path / "lists"
    lists.mkdir()
    book = workbooks.write(lists / "kaz.xlsx", workbooks.valid_rows(), copies=False)
    book = book.rename(lists / "kaz")
    before = book.read_bytes()
    proc = sanctions("export", str(book), "--out", str(lists))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "kaz" in proc.stderr and book.read_bytes() == before
    assert sorted(p.name for p in lists.iterdir()) == ["kaz"]


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_what_sits_at_the_list_folder_is_refused_not_deleted(
    build, tmp_path: Path, kind: str
) -> None:
    book = build(workbooks.valid_rows())
    out = tmp_path / "out"
    target = out / dataset_prefix(book)
    out.mkdir()
    if kind == "file":
        target.write_text("my notes", encoding="utf-8")
    else:
        target.mkdir()
        (target / "notes.txt").write_text("my notes", encoding="utf-8")
    proc = sanctions("export", str(book), "--out", str(out))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert str(target) in proc.stderr and "move it away" in proc.stderr
    notes = target if kind == "file" else target / "notes.txt"
    assert notes.read_text(encoding="utf-8") == "my notes"
    assert hidden(out) == []


def test_an_export_from_before_markers_is_replaced_and_marked(build, tmp_path: Path) -> None:
    book = build(workbooks.valid_rows())
    out = tmp_path / "out"
    assert sanctions("export", str(book), "--out", str(out)).returncode == 0
    target = out / dataset_prefix(book)
    (target / MARKER).unlink()
    assert sanctions("export", str(book), "--out", str(out)).returncode == 0
    assert (target / MARKER).is_file()


def test_leftovers_of_killed_runs_are_cleaned_and_an_old_export_restored(
    build, tmp_path: Path
) -> None:
    book = build(workbooks.valid_rows())
    out = tmp_path / "out"
    assert sanctions("export", str(book), "--out", str(out)).returncode == 0
    target = out / dataset_prefix(book)
    expected = tree(target)
    staging = out / f".{target.name}.abc123.tmp"
    staging.mkdir()
    (staging / MARKER).write_text("", encoding="utf-8")
    (staging / "entities.ftm.json").write_text("half", encoding="utf-8")
    # a run killed between the two renames of a swap: only the old export, moved aside
    target.rename(out / f".{target.name}.def456.old")
    foreign = out / f".{target.name}.mine.tmp"  # not ours: no marker, and not empty
    foreign.mkdir()
    (foreign / "draft.txt").write_text("mine", encoding="utf-8")
    (out / f".{target.name}.k1ll3d.tmp").mkdir()  # killed before it was marked: empty
    assert sanctions("export", str(book), "--out", str(out)).returncode == 0
    assert tree(target) == expected
    assert hidden(out) == [foreign.name]


def test_a_killed_export_leaves_the_old_or_the_new_export_whole(tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    for version in ("v1", "v2"):
        (tmp_path / version).mkdir()
    old_book = workbooks.write(tmp_path / "v1" / "book.xlsx", rows)
    rows["persons"][0]["summary"] = "Minister of Examples, re-appointed."
    new_book = workbooks.write(tmp_path / "v2" / "book.xlsx", rows)
    references = []
    for book in (old_book, new_book):
        ref = tmp_path / f"ref-{book.parent.name}"
        assert sanctions("export", str(book), "--out", str(ref)).returncode == 0
        references.append(tree(ref / "book"))
    assert references[0] != references[1]
    out = tmp_path / "out"
    work = tmp_path / "book.xlsx"
    shutil.copytree(tmp_path / "v1" / "book-evidence", tmp_path / "book-evidence")  # the same
    rng = random.Random(20261129)
    for attempt in range(4):
        work.write_bytes(old_book.read_bytes())
        assert sanctions("export", str(work), "--out", str(out)).returncode == 0
        work.write_bytes(new_book.read_bytes())
        proc = subprocess.Popen(
            [sys.executable, "-m", "sanctions", "export", str(work), "--out", str(out)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(1.0, 6.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert tree(out / "book") in references, f"attempt {attempt}: a half export"
        assert sanctions("export", str(work), "--out", str(out)).returncode == 0
        assert tree(out / "book") == references[1]
        assert hidden(out) == [], f"attempt {attempt}: leftovers"


def test_lists_with_names_in_other_scripts_or_cases_never_share_a_folder() -> None:
    names = ["Қазақстан", "Россия", "Kaz", "kaz", "Беларусь"]
    prefixes = [dataset_prefix(Path(f"{n}.xlsx")) for n in names]
    assert len(set(prefixes)) == len(names)
    assert prefixes[3] == "kaz" and prefixes[0].startswith("qazaqstan-")
    assert dataset_prefix(Path("lists/kazakhstan.xlsx")) == "kazakhstan"


def test_two_workbooks_for_one_folder_in_a_run_are_refused(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        workbooks.write(tmp_path / name / "kaz.xlsx", workbooks.valid_rows())
    out = tmp_path / "out"
    proc = sanctions("export", str(tmp_path / "a/kaz.xlsx"), str(tmp_path / "b/kaz.xlsx"),
                     "--out", str(out))  # fmt: skip
    assert proc.returncode == 2 and "'kaz'" in proc.stderr
    assert not (out / "kaz").exists()


def test_cyrillic_lists_export_side_by_side(tmp_path: Path) -> None:
    books = [
        workbooks.write(tmp_path / f"{n}.xlsx", workbooks.valid_rows())
        for n in ("Қазақстан", "Россия")
    ]
    out = tmp_path / "out"
    assert sanctions("export", *map(str, books), "--out", str(out)).returncode == 0
    folders = sorted(p.name for p in out.iterdir())
    assert len(folders) == 2 and folders[0].startswith("qazaqstan-")


def test_lock_files_in_lists_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    workbooks.write(tmp_path / "lists" / "kaz.xlsx", workbooks.valid_rows())
    (tmp_path / "lists" / "~$kaz.xlsx").write_bytes(b"\x00" * 165)  # as Excel writes it
    proc = sanctions("validate", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "skipped lists/~$kaz.xlsx" in proc.stderr
    proc = sanctions("export", "lists/kaz.xlsx", "lists/~$kaz.xlsx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("where", ["a file", "under a file", "on a read-only file system"])
def test_an_unwritable_out_is_one_line_and_exit_2(build, tmp_path: Path, where: str) -> None:
    book = build(workbooks.valid_rows())
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    out = {
        "a file": blocker,
        "under a file": blocker / "exports",
        "on a read-only file system": Path("/proc/sanctions-exports"),
    }[where]
    proc = sanctions("export", str(book), "--out", str(out))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and str(out) in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_full_disk_is_one_line_and_exit_2(build, tmp_path, monkeypatch, capsys) -> None:
    from sanctions import cli
    from sanctions.model import ftmio

    def full(folder: Path, *args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / "entities.ftm.json"))

    monkeypatch.setattr(ftmio, "write_split", full)
    book = build(workbooks.valid_rows())
    out = tmp_path / "out"
    monkeypatch.setattr(sys, "argv", ["sanctions", "export", str(book), "--out", str(out)])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "entities.ftm.json" in err
    assert not out.exists()  # the staging folder is gone too, and the folder made for it


def test_screen_with_an_unwritable_cache_is_one_line(tmp_path: Path) -> None:
    proc = sanctions("screen", "--against", "https://example.org/entities.ftm.json",
                     "--cache", "/proc/sanctions-cache", "--out", str(tmp_path))  # fmt: skip
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "/proc/sanctions-cache" in proc.stderr


def test_screen_with_an_unwritable_out_is_one_line(tmp_path: Path) -> None:
    from tests import screening_data as data

    book = data.write_workbook(tmp_path / "book.xlsx")
    reference = data.write_reference(tmp_path / "reference.ftm.json")
    proc = sanctions("screen", str(book), "--against", str(reference),
                     "--out", "/proc/sanctions-exports")  # fmt: skip
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "/proc/sanctions-exports" in proc.stderr and "not screened" in proc.stderr


def test_nothing_is_written_inside_lists(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    workbooks.write(tmp_path / "lists" / "kaz.xlsx", workbooks.valid_rows(), copies=False)
    proc = sanctions("export", "lists/kaz.xlsx", "--out", "lists/exports", cwd=tmp_path)
    assert proc.returncode == 2 and "editors' folder" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "lists").iterdir()) == ["kaz.xlsx"]


def test_the_two_rename_swap_where_the_system_cannot_exchange(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sanctions.common import outputs

    monkeypatch.setattr(outputs, "exchange", lambda a, b: False)
    target = tmp_path / "list"
    for version in ("old", "new"):
        with outputs.replace_dir(target) as staging:
            (staging / "version.txt").write_text(version, encoding="utf-8")
    assert (target / "version.txt").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list"]


def _holding(target: Path) -> subprocess.Popen[str]:
    """Another process that holds ``target``'s lock until its stdin closes."""
    code = (
        "import sys; from pathlib import Path; from sanctions.common.outputs import held\n"
        f"with held(Path({str(target)!r})):\n"
        "    print('held', flush=True); sys.stdin.read()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_run_on_a_list_being_written_stops_naming_the_first(tmp_path: Path) -> None:
    """Two exports, reports, screens or releases of one list at once: the second stops with
    one line naming the running process, and touches nothing of the first's."""
    book = workbooks.write(tmp_path / "testland.xlsx", workbooks.valid_rows())
    out = tmp_path / "out"
    first = _holding(out / "testland")
    reference = tmp_path / "r.ftm.json"
    reference.write_text('{"id": "x", "schema": "Person", "properties": {"name": ["X Y"]}}\n')
    try:
        for args in (
            ("export", str(book), "--out", str(out), "--only", "us"),
            ("report", str(book), "--exports", str(out)),
            ("screen", str(book), "--against", str(reference), "--out", str(out)),
        ):
            proc = run_cli(*args)
            assert proc.returncode == 2, (args, proc.stderr)
            assert f"is being written by another sanctions run (process {first.pid})" in (
                proc.stderr
            ), proc.stderr
            assert "Traceback" not in proc.stderr
        assert sorted(p.name for p in out.iterdir()) == [".testland.lock"]
    finally:
        first.communicate("")
    # the lock goes with its holder; a killed holder's lock blocks nobody
    assert not (out / ".testland.lock").exists()
    killed = _holding(out / "testland")
    killed.kill()
    killed.wait()
    assert (out / ".testland.lock").exists()
    proc = run_cli("export", str(book), "--out", str(out), "--only", "us")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["testland"]


def test_a_second_release_of_a_list_stops_while_one_runs(tmp_path: Path) -> None:
    book = workbooks.write(tmp_path / "testland.xlsx", workbooks.valid_rows())
    out = tmp_path / "out"
    first = _holding(out / "releases" / "testland")
    try:
        proc = run_cli("release", "1.0", str(book), "--out", str(out))
        assert proc.returncode == 2, proc.stderr
        assert f"(process {first.pid})" in proc.stderr
    finally:
        first.communicate("")
    assert run_cli("release", "1.0", str(book), "--out", str(out)).returncode == 0


def test_a_lock_left_by_an_ended_runs_helper_is_waited_for_not_refused(tmp_path: Path) -> None:
    """A run killed outright leaves its helpers ending (they die with it), still holding the
    lock they inherited for a moment: the next run waits for them, where a live run is
    refused at once (above)."""
    target = tmp_path / "out" / "testland"
    dead_pid = _ended_pid()
    code = (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(tmp_path / 'out' / '.testland.lock')!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        f"os.pwrite(fd, b'{dead_pid}\\n', 0)\n"
        "print('held', flush=True); time.sleep(1.0)\n"
    )
    (tmp_path / "out").mkdir()
    helper = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert helper.stdout is not None and helper.stdout.readline().strip() == "held"
    started = time.monotonic()
    with held(target):
        waited = time.monotonic() - started
    helper.wait()
    assert 0.3 < waited < ENDING_S


def _ended_pid() -> int:
    """The process ID of a process that has ended."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_an_export_stopped_with_ctrl_c_says_so_and_keeps_the_last_outputs(
    build, tmp_path: Path
) -> None:
    """Ctrl-C mid-export: the status says the run stopped (130, not the 1 of a list with
    errors), the message says the last outputs are kept, and they are, byte for byte."""
    book = build(workbooks.valid_rows())
    out = tmp_path / "out"
    first = run_process("export", str(book), "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in (out / book.stem).rglob("*") if p.is_file()}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sanctions", "export", str(book), "--out", str(out)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
    )
    deadline = time.monotonic() + 60
    while not any(p.name.endswith(".tmp") for p in out.iterdir()):  # the new export is building
        assert proc.poll() is None and time.monotonic() < deadline, "the export never staged"
        time.sleep(0.01)
    for _ in range(3):  # an editor who presses it again while the first one unwinds
        os.killpg(proc.pid, signal.SIGINT)
        time.sleep(0.005)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert (
        "stopped:" in stderr
        and "nothing was left half-written" in stderr
        and "Traceback" not in stderr
    )
    after = {p: p.read_bytes() for p in (out / book.stem).rglob("*") if p.is_file()}
    assert after == before
