"""Write files so that a reader never sees half of one (write beside it, then rename), and
fingerprint them.

A temporary file or folder is created for its owner only (0600, 0700); renamed into place it
would stay so, and colleagues on a shared drive could not open the exports. So each is given
the permissions the user's umask gives any new file or folder (``shared_mode``)."""

from __future__ import annotations

import hashlib
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from functools import cache
from pathlib import Path


@cache
def umask() -> int:
    """The process's umask (read once: reading it means setting it for a moment)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def shared_mode(path: Path) -> None:
    """Give a file or folder the permissions a new one gets under the user's umask."""
    os.chmod(path, (0o777 if path.is_dir() else 0o666) & ~umask())


# What a user sends to stop a run (and Ctrl-Break, on Windows): held back while files that go
# together are put in place.
STOPPING = (
    signal.SIGINT,
    signal.SIGTERM,
    *([signal.SIGBREAK] if hasattr(signal, "SIGBREAK") else []),
)


@contextmanager
def together() -> Iterator[None]:
    """A few quick steps that must all happen or none (two files renamed into place as a
    pair): a stop asked for during them is noted and, once they are done, asked for again, so
    that the handler the command had acts on it then (``cli``'s Ctrl-C; the system's for a
    signal without one, which ends the process). A step that fails raises its own error: the
    run ends by it anyway. Only the main thread may set handlers; elsewhere the steps simply
    run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    owner = os.getpid()

    def hold(got: int, _: object) -> None:
        if os.getpid() != owner:  # a helper forked during the steps: not its to hold
            _as_forked(got)
        else:
            noted.append(got)

    held = {sig: signal.signal(sig, hold) for sig in STOPPING}

    def restore() -> None:
        for sig, handler in held.items():  # None: a handler not set from Python
            signal.signal(sig, signal.SIG_DFL if handler is None else handler)

    try:
        yield
    except BaseException:
        restore()
        raise
    restore()
    if noted:
        signal.raise_signal(noted[0])  # now, as if it came at this moment


def _as_forked(got: int) -> None:
    """A stop that reaches a helper forked during ``together``'s steps before it has set its
    own handlers (``common/beside``, ``screen/ahead``): it takes it as they would. A Ctrl-C is
    the parent's to act on (it ends its helpers); anything else ends the helper now, as the
    parent that ends it asks: held back, it would be lost, since the helper never leaves the
    steps it was forked in, and the parent would wait for it forever."""
    if got == signal.SIGINT:
        return
    signal.signal(got, signal.SIG_DFL)
    signal.raise_signal(got)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in the target's folder; renamed onto the target if the block succeeds.
    A file-system error names the target, never the hidden temporary file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise naming(exc, target, target) from exc
    os.close(fd)
    try:
        shared_mode(Path(tmp))
        yield Path(tmp)
        if os.path.exists(tmp):
            shared_mode(Path(tmp))  # a writer may have made the file anew
        os.replace(tmp, target)
    except OSError as exc:
        raise naming(exc, target, Path(tmp)) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def naming(exc: OSError, target: Path, temporary: Path) -> OSError:
    """``exc`` as the editor should read it: about the file or folder they asked for, where it
    names a temporary one being written in its place (``.list.xlsx.k3j.tmp``, or a file inside
    a staging folder), or names none at all (a full disk is said on a write, which has no
    name). An error about another path is left as it is."""
    name = exc.filename
    if isinstance(name, str | os.PathLike):
        try:
            inside = Path(name).relative_to(temporary)
        except ValueError:
            return exc
        shown = target / inside if inside.parts else target
    else:
        shown = target
    return OSError(exc.errno, exc.strerror or str(exc), str(shown))


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_with(target: Path, writer: Callable[[Path], None]) -> None:
    with atomic_path(target) as tmp:
        writer(tmp)


def file_sha256(path: Path, copy_to: Path | None = None) -> str:
    """The file's SHA-256, read in blocks so that a large file needs no memory; with
    ``copy_to``, the bytes hashed are also written there, so that the copy is exactly the file
    the hash is of (the file may change in between two reads)."""
    return file_digests(path, ("sha256",), copy_to)[0]


def file_digests(
    path: Path, algorithms: tuple[str, ...], copy_to: Path | None = None
) -> tuple[str, ...]:
    """The file's digests by each of ``algorithms`` (``hashlib`` names), from one read in
    blocks: a list's records cite a copy by SHA-256, FtM's ``contentHash`` by SHA-1."""
    digests = [hashlib.new(name) for name in algorithms]
    with open(path, "rb") as fh, open(copy_to, "wb") if copy_to else nullcontext() as out:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            for digest in digests:
                digest.update(chunk)
            if out is not None:
                out.write(chunk)
    return tuple(digest.hexdigest() for digest in digests)
