"""Which files are the editor's workbooks: every ``lists/*.xlsx`` by default, never a lock file.

Excel keeps ``~$name.xlsx`` beside a workbook it has open, LibreOffice ``.~lock.name.xlsx#``,
and macOS leaves ``._name.xlsx`` beside files copied to some drives. The first and last match
``*.xlsx`` (so a shell's ``lists/*.xlsx`` and ``make``'s wildcard name them too); none is a
workbook. What the editor needs to hear is which workbook is open, and where.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sanctions.common.places import EDITORS_FOLDER

LOCK_PREFIXES = ("~$", "._", ".~lock.")


# A lock file's prefix, what leaves it, and how the workbook's own name is found in its name.
LOCKS = {
    "~$": "Excel",
    ".~lock.": "LibreOffice",
    "._": "macOS (a copy's resource file)",
}


def is_lock_file(path: Path) -> bool:
    return path.name.startswith(LOCK_PREFIXES)


def describe_lock(path: Path) -> str:
    """What a lock file means, naming the real workbook: ``lists/list.xlsx is open in Excel``."""
    for prefix, program in LOCKS.items():
        if path.name.startswith(prefix):
            real = path.with_name(path.name[len(prefix) :].removesuffix("#"))
            if prefix == "._":
                return f"{path} is a resource file macOS leaves beside {real}, not a workbook"
            return (
                f"{path} is {program}'s lock file: {real} is open in {program}; "
                f"save it there, and {real.name} is read as last saved"
            )
    return f"{path} is not a workbook"


def find_workbooks(
    given: Sequence[Path], folder: Path = EDITORS_FOLDER
) -> tuple[list[Path], list[Path]]:
    """(workbooks, lock files skipped): the ones given, or else every ``*.xlsx`` in ``folder``."""
    paths = list(given) or sorted(folder.glob("*.xlsx"))
    locks = [p for p in paths if is_lock_file(p)]
    if not given:  # LibreOffice's lock file ends in '#', not .xlsx: look for it too
        locks += sorted(folder.glob(".~lock.*.xlsx#"))
    return [p for p in paths if not is_lock_file(p)], locks
