"""Files written whole (``common/files``): a file-system error is about the file asked for."""

from __future__ import annotations

import errno
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest

from sanctions.common.files import together, write_with
from sanctions.common.outputs import replace_dir


def test_a_full_disk_names_the_file_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "checked.xlsx"

    def full(tmp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")  # a write: no name

    with pytest.raises(OSError) as raised:
        write_with(target, full)
    assert raised.value.filename == str(target) and raised.value.errno == errno.ENOSPC
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_the_hidden_temporary_file_is_never_named(tmp_path: Path) -> None:
    target = tmp_path / "checked.xlsx"

    def refused(tmp: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp))

    with pytest.raises(PermissionError) as raised:  # the kind of error is kept
        write_with(target, refused)
    assert raised.value.filename == str(target)


def test_an_error_about_another_file_is_left_as_it_is(tmp_path: Path) -> None:
    source = tmp_path / "lists" / "copy.pdf"

    def unreadable(tmp: Path) -> None:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(source))

    with pytest.raises(FileNotFoundError) as raised:
        write_with(tmp_path / "out.xlsx", unreadable)
    assert raised.value.filename == str(source)


def test_a_file_in_a_staging_folder_is_named_where_it_was_going(tmp_path: Path) -> None:
    target = tmp_path / "exports" / "testland"
    with pytest.raises(OSError) as raised, replace_dir(target) as staging:
        raise OSError(errno.ENOSPC, "No space left on device", str(staging / "us" / "a.docx"))
    assert raised.value.filename == str(target / "us" / "a.docx")


def test_a_ctrl_c_during_steps_done_together_is_acted_on_after_them(tmp_path: Path) -> None:
    """The screening's record and grid are replaced as a pair: a Ctrl-C between the two is
    held back until both are in place, then ends the run as any Ctrl-C does."""
    done = []
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # Python's own
    try:
        with pytest.raises(KeyboardInterrupt):
            with together():
                (tmp_path / "record.json").write_text("{}")
                os.kill(os.getpid(), signal.SIGINT)
                done.append("record")
                (tmp_path / "grid.xlsx").write_text("")
                done.append("grid")
            done.append("after")  # never: the Ctrl-C is acted on as the block ends
        assert done == ["record", "grid"]
        # a step that fails raises its own error, not the stop asked for meanwhile
        with pytest.raises(OSError, match="disk full"), together():
            os.kill(os.getpid(), signal.SIGINT)
            raise OSError("disk full")
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.skipif(sys.platform != "linux", reason="helpers are forked on Linux only")
def test_a_helper_forked_during_steps_done_together_is_ended_by_the_stop_sent_to_it() -> None:
    """A helper forked during ``together`` (``Beside``, the scorer ahead) and ended by its
    parent before it has set its own handlers ends then: the stop is not held back for steps
    it never leaves, which kept its parent waiting for a scorer sleeping ten minutes. A Ctrl-C
    stays the parent's to act on."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    for stop, ends in ((signal.SIGTERM, True), (signal.SIGINT, False)):
        ready = context.Event()
        with together():
            process = context.Process(target=_helper, args=(ready,), daemon=True)
            process.start()
        assert ready.wait(5)
        os.kill(process.pid, stop)
        process.join(timeout=2)
        assert (process.exitcode == -stop) is ends
        if process.is_alive():
            process.terminate()
        process.join()


def _helper(ready: Any) -> None:
    """A forked helper that never sets its own handlers, as one stopped at once."""
    import time

    ready.set()
    time.sleep(5)
