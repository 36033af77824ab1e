"""Write files so that a reader never sees half of one (write beside it, then rename), and
fingerprint them.

A temporary file or folder is created for its owner only (0600, 0700); renamed into place it
would stay so, and colleagues on a shared drive could not open the exports. So each is given
the permissions the user's umask gives any new file or folder (``shared_mode``)."""

from __future__ import annotations

import hashlib
import os
import tempfile
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


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in the target's folder; renamed onto the target if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    shared_mode(Path(tmp))
    try:
        yield Path(tmp)
        if os.path.exists(tmp):
            shared_mode(Path(tmp))  # a writer may have made the file anew
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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
    digest = hashlib.sha256()
    with open(path, "rb") as fh, open(copy_to, "wb") if copy_to else nullcontext() as out:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
            if out is not None:
                out.write(chunk)
    return digest.hexdigest()
