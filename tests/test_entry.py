"""The entry point: one hash seed for every run, and a process that ends with the command's
status once its output is flushed."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from sanctions import entry
from tests.conftest import REPO


@pytest.fixture(autouse=True)
def _no_ending(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """``end`` would end this test's process: it records the status instead (and this
    process's collector is left as it was)."""
    ended: list[int] = []
    monkeypatch.setattr(entry, "end", ended.append)
    threshold = gc.get_threshold()
    yield ended
    gc.set_threshold(*threshold)


def test_the_command_runs_with_the_collector_less_often(monkeypatch) -> None:
    seen = []
    monkeypatch.setenv("PYTHONHASHSEED", entry.SEED)
    monkeypatch.setattr("sanctions.cli.main", lambda: seen.append(gc.get_threshold()))
    gc.set_threshold(700, 10, 10)
    entry.main()
    assert seen == [(entry.COLLECT_EVERY, 10, 10)]


def test_the_command_runs_again_with_the_hash_seed_fixed(monkeypatch) -> None:
    calls = []
    monkeypatch.setenv("PYTHONHASHSEED", "random")
    monkeypatch.setattr(sys, "argv", ["sanctions", "validate", "lists/a.xlsx"])
    monkeypatch.setattr(entry.os, "execve", lambda path, argv, env: calls.append((argv, env)))
    monkeypatch.setattr(entry.os, "name", "posix")
    monkeypatch.setattr("sanctions.cli.main", lambda: calls.append("ran"))
    entry.main()
    argv, env = calls[0]
    assert argv[1:] == ["-P", "-m", "sanctions", "validate", "lists/a.xlsx"]
    assert env["PYTHONHASHSEED"] == entry.SEED
    # the same code again, installed or run from a checkout
    assert env["PYTHONPATH"].split(os.pathsep)[0] == str(REPO)


def test_with_the_seed_fixed_the_command_runs_at_once(monkeypatch, _no_ending) -> None:
    calls = []
    monkeypatch.setenv("PYTHONHASHSEED", entry.SEED)
    monkeypatch.setattr(entry.os, "execve", lambda *args: calls.append("exec"))
    monkeypatch.setattr("sanctions.cli.main", lambda: calls.append("ran"))
    entry.main()
    assert calls == ["ran"]
    assert _no_ending == [0]


@pytest.mark.parametrize(
    ("code", "status", "said"),
    [(None, 0, ""), (0, 0, ""), (1, 1, ""), (2, 2, ""), ("a message", 1, "a message\n")],
)
def test_the_status_is_the_one_sys_exit_gives(code, status, said, monkeypatch, capsys) -> None:
    def command() -> None:
        sys.exit(code)

    monkeypatch.setenv("PYTHONHASHSEED", entry.SEED)
    monkeypatch.setattr("sanctions.cli.main", command)
    entry.main()
    assert entry.exit_status(SystemExit(code)) == status
    assert capsys.readouterr().err == said * 2  # once by main, once by the check above


def test_a_command_ends_with_its_status_and_all_its_output(tmp_path) -> None:
    """Through the real entry point, in a process of its own: the status of each outcome, and
    every line printed, however much, before the process ends."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sanctions", *args],
            cwd=REPO, capture_output=True, text=True, check=False,
        )  # fmt: skip

    ok = run("validate", "lists/kazakhstan.xlsx")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.rstrip().endswith("in 1 workbook")
    assert run("validate", str(tmp_path / "missing.xlsx")).returncode == 2
    assert run("no-such-command").returncode == 2
    docs = run("docs")
    assert docs.returncode == 0 and len(docs.stdout) > 10_000  # all of it, flushed


def test_a_module_in_the_editors_folder_is_not_imported_for_the_real_one(tmp_path) -> None:
    """A click.py (or csv.py, yaml.py) in the folder the command is run from: the command runs
    on the real library all the same."""
    (tmp_path / "click.py").write_text('print("HIJACKED")\nraise SystemExit(7)\n')
    proc = subprocess.run(
        [sys.executable, "-c", "from sanctions.entry import main; main()", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": "random"},
        timeout=120,
    )
    assert proc.returncode == 0 and "HIJACKED" not in proc.stdout, proc.stdout + proc.stderr
    assert "sanctions, version" in proc.stdout
