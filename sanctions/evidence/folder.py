"""Where a list keeps its local copies of evidence, and which names in its ``file`` column may be
opened there.

The rule is one folder per workbook, beside it: ``lists/kazakhstan.xlsx`` keeps its copies in
``lists/kazakhstan-evidence/``. The check, the hash command and the packages that copy cited
files all find them through these two functions, so that a name the validator accepted is the
file a package carries, and a name it refused is never opened.

A name is refused when it could reach outside the folder: an absolute path, a ``..`` step, or a
symbolic link anywhere below the folder (a link can point anywhere, and a package built from
it would carry whatever it points at). Sub-folders are fine. The evidence folder itself may be a
link (to a shared drive, say): that is the editors' own arrangement, not a name in a cell.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from sanctions.common.places import EVIDENCE_FOLDER_SUFFIX


class RefusedName(Exception):
    """A ``file`` name that is not safe to open inside the evidence folder; the message says why."""


def evidence_folder(workbook: Path) -> Path:
    """``lists/kazakhstan.xlsx`` -> ``lists/kazakhstan-evidence``."""
    return workbook.with_name(f"{workbook.stem}{EVIDENCE_FOLDER_SUFFIX}")


def resolve(folder: Path, name: str) -> Path:
    """The path of ``name`` inside ``folder``; raises RefusedName for an absolute path, a step
    out of the folder (``..``), or a symbolic link on the way (the file or a folder between).

    Backslashes count as separators, as Windows editors type them, so a name means the same
    file on every system. The file need not exist.
    """
    # most names: one file straight in the folder, which needs none of the checks of steps
    parts = [name] if _plain(name) else _parts(folder, name)
    path = folder
    for part in parts:
        path = path / part
        try:
            linked = path.is_symlink()
        except (OSError, ValueError) as exc:  # a NUL byte, a name too long for the system
            raise RefusedName(f"'{name}' is not a usable file name ({exc})") from exc
        if linked:
            where = "the file" if path.name == parts[-1] and part is parts[-1] else "the folder"
            raise RefusedName(f"{where} {path} is a symbolic link; put the file itself in {folder}")
    return path


def _plain(name: str) -> bool:
    """A name with no separator, drive or step of its own, which names itself alone: what
    ``_parts`` would make ``[name]`` of, found without building two paths per name."""
    return bool(name) and name not in (".", "..") and not any(c in name for c in "/\\:")


def _parts(folder: Path, name: str) -> list[str]:
    """The steps of a name with separators (or a drive), refused when it leaves the folder."""
    text = name.replace("\\", "/")
    if PurePosixPath(text).is_absolute() or PureWindowsPath(name).drive:
        raise RefusedName(f"'{name}' is an absolute path; give the name inside {folder}")
    parts = [part for part in PurePosixPath(text).parts if part != "."]
    if ".." in parts:
        raise RefusedName(f"'{name}' leads out of {folder} ('..'); keep the file inside it")
    if not parts:
        raise RefusedName(f"'{name}' names no file")
    return parts
