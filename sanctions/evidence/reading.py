"""Each local copy of the evidence read once per validation: what its name finds in the folder,
its SHA-256, and its text, the hash and the text from the same bytes.

A recorded hash says which document a row cites, and the quote rules look for the row's
passages in that document's text. Read apart (once to hash, once for text), a copy replaced in
between would have its hash checked on one version and its quotes on another, and every copy
would be opened and asked for its size twice over: a list of 100,000 persons keeps 25,000 of
them. So each distinct copy is asked once what it is, and a copy whose text can be read (plain
text, HTML, PDF), or one small enough, is read whole once: its hash and its text come from
those bytes. A large copy with no text here (a video, a scan) is hashed in blocks, on threads
(``hashlib`` lets go of the interpreter while it reads), and never held in memory; so is a
readable one larger than ``WHOLE_LIMIT``, whose text is then read on its own.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from sanctions.common.files import file_digests
from sanctions.evidence.cells import named_files
from sanctions.evidence.text import READABLE, NoText, copy_text, form_without_text, text_of
from sanctions.workbook.sheets import Sheets

HASHING_THREADS = 4
# A copy this large with no text to read is hashed in blocks on a thread of its own, not read
# whole (a thread's hand-over costs more than hashing a page of text).
THREADED_FROM = 1 << 20
# A readable copy (a PDF, say) larger than this is hashed in blocks and its text read apart.
WHOLE_LIMIT = 256 << 20


class Found(Enum):
    """What a copy's name finds in the evidence folder (following links, as ``is_file`` does;
    the folder's own rule has refused names that pass through one)."""

    FILE = "file"
    FOLDER = "folder"
    NOTHING = "nothing"  # not there, or not a name the system can look up


@dataclass(frozen=True)
class Reading:
    """One copy as read: what its name found, and for a file its hashes (``None`` when not
    asked for) and its text, or why each could not be had. The SHA-256 is the one a list
    records; the SHA-1 is FtM's ``contentHash`` (a checksum there is a SHA-1)."""

    found: Found
    sha256: str | OSError | None = None
    text: str | NoText | None = None
    sha1: str | OSError | None = None


def copy_readings(sheets: Sheets) -> dict[Path, Reading]:
    """Every copy the evidence sheet names (``cells.named_files``), read once for all the rules
    that ask (the hash rules and the quote rules); hashed where its recorded hash can be
    compared. Empty for a workbook read from no file."""
    return sheets.derived("_copy_readings", _copy_readings)


def _copy_readings(sheets: Sheets) -> dict[Path, Reading]:
    if sheets.path is None:
        return {}
    files = named_files(sheets, sheets.path)
    return read_copies(
        (f.path for f in files if f.path is not None),
        hashed=(f.path for f in files if f.comparable and f.path is not None),
    )


def read_copies(
    paths: Iterable[Path], hashed: Iterable[Path] = (), texts: bool = True, sha1: bool = False
) -> dict[Path, Reading]:
    """Each distinct path's reading: its text (or why it has none) unless ``texts`` is false,
    its SHA-256 when it is in ``hashed``, and with ``sha1`` every file's SHA-1; all from one
    read of the file where it is read whole."""
    want_hash = set(hashed)
    sizes: dict[Path, int] = {}
    found: dict[Path, Reading] = {}
    for path in set(paths):
        try:
            mode = os.stat(path)
        except (OSError, ValueError):  # as Path.is_file: not there, or not a usable name
            found[path] = Reading(Found.NOTHING)
            continue
        if stat.S_ISREG(mode.st_mode):
            sizes[path] = mode.st_size
        else:
            found[path] = Reading(Found.FOLDER if stat.S_ISDIR(mode.st_mode) else Found.NOTHING)

    def algorithms(path: Path) -> tuple[str, ...]:
        return ("sha256",) * (path in want_hash) + ("sha1",) * sha1

    streamed = [p for p, size in sizes.items() if _streamed(p, size, texts) and algorithms(p)]
    digests: dict[Path, dict[str, str | OSError]] = {}
    if streamed:
        with ThreadPoolExecutor(max_workers=HASHING_THREADS) as pool:
            found_digests = pool.map(lambda p: _hash(p, algorithms(p)), streamed)
            digests.update(zip(streamed, found_digests, strict=True))
    for path, size in sizes.items():
        if _streamed(path, size, texts):
            got = digests.get(path, {})
            text = _text(path) if texts else None
            found[path] = Reading(Found.FILE, got.get("sha256"), text, got.get("sha1"))
        elif (texts and path.suffix.lower() in READABLE) or algorithms(path):
            found[path] = _whole(path, algorithms(path), texts)
        else:  # nothing to read it for
            found[path] = Reading(Found.FILE, None, _text(path) if texts else None)
    return found


def _streamed(path: Path, size: int, texts: bool) -> bool:
    """Whether a copy is hashed in blocks rather than read whole: a large one, unless its text
    is wanted and it is not very large."""
    readable = texts and path.suffix.lower() in READABLE
    return size > WHOLE_LIMIT if readable else size >= THREADED_FROM


def _whole(path: Path, algorithms: tuple[str, ...], texts: bool) -> Reading:
    """A copy read whole once: its hashes and its text from the same bytes."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        # a form with no text says so whether or not it opens, as ``copy_text`` does
        unread = form_without_text(path.name) or NoText(f"{path.name} cannot be read ({exc})")
        failed = {name: exc for name in algorithms}
        return Reading(
            Found.FILE, failed.get("sha256"), unread if texts else None, failed.get("sha1")
        )
    got = {name: hashlib.new(name, data).hexdigest() for name in algorithms}
    if not texts:
        return Reading(Found.FILE, got.get("sha256"), None, got.get("sha1"))
    try:
        text: str | NoText = text_of(path.name, data)
    except NoText as exc:
        text = exc
    return Reading(Found.FILE, got.get("sha256"), text, got.get("sha1"))


def _hash(path: Path, algorithms: tuple[str, ...]) -> dict[str, str | OSError]:
    try:
        return dict(zip(algorithms, file_digests(path, algorithms), strict=True))
    except OSError as exc:
        return dict.fromkeys(algorithms, exc)


def _text(path: Path) -> str | NoText:
    try:
        return copy_text(path)
    except NoText as exc:
        return exc
