"""Output folders the tool owns, replaced whole, and nothing else touched.

A folder the tool writes (``exports/<list>/``) carries a marker file. The tool replaces or
writes into a folder only if it carries the marker (or, written before markers existed, holds
nothing but names the tool writes); anything else at that path is refused, never moved aside.

A new export is built in a hidden staging folder beside the old one and swapped in with one
``renameat2(RENAME_EXCHANGE)`` call on Linux, so that at every instant the path holds either
the complete old export or the complete new one. Elsewhere two renames are used, and a run
killed between them is repaired by the next run, which also removes the staging folders that
killed runs left behind (they may hold confidential material).

Only one run writes a folder at a time (``held``): a second export, report, screen or release
of the same list started while one is running stops with a line naming the running process,
rather than take its staging folder for a killed run's leftovers and remove it. The lock is
the operating system's (``flock``), so a run that is killed lets go of it at once: a stale
lock file never blocks anyone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path

from sanctions.common.beside import running
from sanctions.common.errors import InputError

try:
    import fcntl
except ImportError:  # Windows: no flock; a lock file made exclusively, with the holder's pid
    fcntl = None  # type: ignore[assignment]
from sanctions.common.files import naming, shared_mode

MARKER = ".sanctions-output"
MARKER_TEXT = "Written by the sanctions tool, which replaces this folder on every run.\n"
STAGING, OLD = ".tmp", ".old"
AT_FDCWD = -100
RENAME_EXCHANGE = 2

# Recognises a folder written before markers existed: True if it holds only names the tool writes.
Recognise = Callable[[Path], bool]


class OutputError(InputError):
    """An output path the tool will not write to; the message names the path and says why."""


class Busy(OutputError):
    """Another run is writing the same folder."""


@contextmanager
def held(target: Path) -> Iterator[None]:
    """``target`` (a folder, existing or not) for this process alone while the block runs;
    ``Busy`` when another live process holds it. The lock file ``.<name>.lock`` beside it
    holds the holder's process id and is removed when the block ends."""
    made = [p for p in (*reversed(target.parent.parents), target.parent) if not p.exists()]
    target.parent.mkdir(parents=True, exist_ok=True)
    path = target.parent / f".{target.name}.lock"
    key = str(path.resolve())
    if key in _HELD:  # this process holds it already (an export, then its report folder)
        yield
        return
    _HELD.add(key)
    try:
        with _locked(path, target):
            yield
    finally:
        _HELD.discard(key)
        for folder in reversed(made):  # a run that wrote nothing leaves no empty folders
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


_HELD: set[str] = set()  # the lock files this process holds


@contextmanager
def _locked(path: Path, target: Path) -> Iterator[None]:
    """The lock file ``path`` taken for this process (``held``)."""
    if fcntl is None:
        with _exclusive(path, target):
            yield
        return
    ended_by = time.monotonic() + ENDING_S
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            if holder.isdecimal() and not running(int(holder)) and time.monotonic() < ended_by:
                time.sleep(0.05)  # a run that has ended: its helpers are ending too
                continue
            raise Busy(
                f"{target} is being written by another sanctions run (process {holder}); "
                "wait for it to finish, then run again"
            ) from None
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the holder removed the file as we opened it: take the new one
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


# How long a lock may outlive the run that wrote its process ID: a run killed outright leaves
# its helper processes (``common/beside``) ending, and they hold the lock they inherited until
# they have let go of their memory, a fraction of a second.
ENDING_S = 10.0


@contextmanager
def _exclusive(path: Path, target: Path) -> Iterator[None]:
    """Where there is no ``flock`` (Windows): the first byte of the lock file locked with
    ``msvcrt.locking``, which the system also lets go of when the process ends."""
    import msvcrt

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            raise Busy(
                f"{target} is being written by another sanctions run; wait for it to finish, "
                "then run again"
            ) from None
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    finally:
        os.close(fd)
        with suppress(OSError):  # another run holds it now
            path.unlink()


def is_owned(folder: Path, recognise: Recognise | None = None) -> bool:
    if (folder / MARKER).is_file():
        return True
    return recognise is not None and recognise(folder)


def check_target(target: Path, recognise: Recognise | None = None) -> None:
    """Refuse a path that holds something the tool did not write."""
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir():
        raise OutputError(
            f"{target} exists and is not a folder written by sanctions; "
            "move it away or choose another --out"
        )
    if not is_owned(target, recognise):
        raise OutputError(
            f"{target} is a folder that sanctions did not write (no {MARKER} file in it); "
            "move it away or choose another --out"
        )


def claim(folder: Path, recognise: Recognise | None = None) -> Path:
    """The folder, created and marked if new; refused if something else is there."""
    check_target(folder, recognise)
    folder.mkdir(parents=True, exist_ok=True)
    mark(folder)
    return folder


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def leftovers(target: Path) -> list[Path]:
    """Staging and old folders of ``target`` that killed runs left behind (marked or empty)."""
    found = []
    for suffix in (STAGING, OLD):
        for path in target.parent.glob(f".{target.name}.*{suffix}"):
            if not path.is_dir() or path.is_symlink():
                continue
            # marked, or empty: killed between creating the folder and marking it
            if (path / MARKER).is_file() or not any(path.iterdir()):
                found.append(path)
    return sorted(found)


def recover(target: Path) -> None:
    """Put back an old export that a run killed between two renames left aside; remove the
    rest of what killed runs left."""
    for path in leftovers(target):
        if path.name.endswith(OLD) and not target.exists():
            os.rename(path, target)
        else:
            remove(path)


def remove(folder: Path) -> None:
    """Delete a marked folder, its marker last, so that a run killed half-way through still
    leaves a folder the next run recognises as its own to finish deleting."""
    for child in folder.iterdir():
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    (folder / MARKER).unlink(missing_ok=True)
    folder.rmdir()


@contextmanager
def replace_dir(target: Path, recognise: Recognise | None = None) -> Iterator[Path]:
    """A fresh marked folder beside ``target``; it replaces ``target`` if the block succeeds."""
    with held(target):
        recover(target)
        check_target(target, recognise)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{target.name}.", suffix=STAGING, dir=target.parent)
        )
        shared_mode(staging)
        try:
            mark(staging)
            yield staging
            if target.exists():
                mark(target)  # an export from before markers: so that a killed swap is repaired
                swap(staging, target)
            else:
                os.rename(staging, target)
        except OSError as exc:  # about the folder asked for, not the staging one
            raise naming(exc, target, staging) from exc
        finally:
            if staging.exists():
                remove(staging)


def swap(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; the old content ends up at ``new``'s path, to be removed."""
    if exchange(new, target):
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=OLD, dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    os.rename(new, target)
    os.rename(old, new)


@cache
def _renameat2() -> Callable[..., int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    function = getattr(ctypes.CDLL(name, use_errno=True), "renameat2", None)
    if function is None:
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux); False where the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    done = function(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))
