"""Which files are the editor's workbooks: every ``lists/*.xlsx`` by default, never a lock file.

Excel keeps ``~$name.xlsx`` beside a workbook it has open, macOS leaves ``._name.xlsx`` beside
files copied to some drives; both match ``*.xlsx`` (so a shell's ``lists/*.xlsx`` and
``make``'s wildcard name them too) and neither is a workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

DEFAULT_FOLDER = Path("lists")
LOCK_PREFIXES = ("~$", "._", ".~lock.")


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIXES)


def find_workbooks(
    given: Sequence[Path], folder: Path = DEFAULT_FOLDER
) -> tuple[list[Path], list[Path]]:
    """(workbooks, lock files skipped): the ones given, or else every ``*.xlsx`` in ``folder``."""
    paths = list(given) or sorted(folder.glob("*.xlsx"))
    return [p for p in paths if not is_lock_file(p)], [p for p in paths if is_lock_file(p)]
