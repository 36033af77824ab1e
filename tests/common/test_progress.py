"""Progress on a terminal, silence elsewhere, and one hash seed for every run."""

from __future__ import annotations

import io
import sys

from sanctions import entry
from sanctions.common.progress import Progress


def test_a_step_says_what_it_does_and_how_long_it_took() -> None:
    stream = io.StringIO()
    with Progress(enabled=True, stream=stream).step("reading sanctions.ftm.json"):
        pass
    assert stream.getvalue().startswith("reading sanctions.ftm.json ...")
    assert stream.getvalue().rstrip().endswith(" s")


def test_a_bar_goes_through_every_item() -> None:
    stream = io.StringIO()
    items = list(range(5))
    assert list(Progress(enabled=True, stream=stream).each(items, "scoring")) == items
    assert "scoring" in stream.getvalue()


def test_quiet_progress_writes_nothing() -> None:
    stream = io.StringIO()
    quiet = Progress(enabled=False, stream=stream)
    with quiet.step("reading"):
        pass
    assert list(quiet.each([1, 2], "scoring")) == [1, 2]
    assert stream.getvalue() == ""


def test_not_a_terminal_means_no_progress() -> None:
    # pytest captures standard error: it is not a terminal.
    assert not Progress.on_terminal().enabled
    assert not Progress.on_terminal(quiet=True).enabled


def test_the_command_runs_again_with_the_hash_seed_fixed(monkeypatch) -> None:
    calls = []
    monkeypatch.setenv("PYTHONHASHSEED", "random")
    monkeypatch.setattr(sys, "argv", ["sanctions", "validate", "lists/a.xlsx"])
    monkeypatch.setattr(entry.os, "execve", lambda path, argv, env: calls.append((argv, env)))
    monkeypatch.setattr(entry.os, "name", "posix")
    monkeypatch.setattr("sanctions.cli.main", lambda: calls.append("ran"))
    entry.main()
    argv, env = calls[0]
    assert argv[1:] == ["-m", "sanctions", "validate", "lists/a.xlsx"]
    assert env["PYTHONHASHSEED"] == entry.SEED


def test_with_the_seed_fixed_the_command_runs_at_once(monkeypatch) -> None:
    calls = []
    monkeypatch.setenv("PYTHONHASHSEED", entry.SEED)
    monkeypatch.setattr(entry.os, "execve", lambda *args: calls.append("exec"))
    monkeypatch.setattr("sanctions.cli.main", lambda: calls.append("ran"))
    entry.main()
    assert calls == ["ran"]
