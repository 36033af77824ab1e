"""``manifest.json``: what a release holds, so that anyone can later check that nothing in it
changed (each file's SHA-256 and size) and where it came from (the list, the version, the tool,
the source workbook and the release it was compared with).

Deterministic: files sorted by path, keys sorted, no clock. The only date in it is the one the
release was given (``--date``), which is data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

from sanctions import __version__
from sanctions.common.files import file_sha256, write_bytes

MANIFEST_FILE = "manifest.json"
TOOL = "sanctions"


@dataclass(frozen=True)
class FileEntry:
    """One file of the release: its path inside the release folder (with ``/``), its
    SHA-256 and its size in bytes."""

    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Release:
    """What a manifest says of its release, besides the files."""

    list: str
    version: str
    source: str  # the source workbook's path inside the release
    previous: str | None
    date: str | None
    draft: bool


def describe(folder: Path, relative: str) -> FileEntry:
    path = folder / relative
    return FileEntry(relative, file_sha256(path), path.stat().st_size)


def files_of(folder: Path, leave_out: frozenset[str] = frozenset()) -> list[FileEntry]:
    """Every file under ``folder``, sorted by path; ``leave_out``: top-level names not listed
    (the manifest itself, a staging marker)."""
    found = [
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).parts[0] not in leave_out
    ]
    return [describe(folder, relative) for relative in sorted(found)]


def manifest(release: Release, files: list[FileEntry], source: FileEntry) -> bytes:
    """The manifest's bytes: sorted keys, two-space indents, a final newline."""
    data = {
        "list": release.list,
        "version": release.version,
        "previous": release.previous,
        "date": release.date,
        "draft": release.draft,
        "tool": {"name": TOOL, "version": __version__},
        "source": asdict(source),
        "files": [asdict(f) for f in files],
    }
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"


def write_manifest(folder: Path, release: Release, leave_out: frozenset[str]) -> Path:
    """Write ``folder/manifest.json`` over every file now in ``folder``."""
    files = files_of(folder, leave_out | {MANIFEST_FILE})
    target = folder / MANIFEST_FILE
    write_bytes(target, manifest(release, files, describe(folder, release.source)))
    return target
