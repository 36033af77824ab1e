"""A list's output folder, ``<out>/<list>/``, which export builds and screen writes into.

Both steps write there, so both ask here where it is and which names in it are theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sanctions.common.outputs import MARKER, OutputError, Recognise
from sanctions.governments import jurisdictions as known
from sanctions.governments.gaps import GAPS_FILE
from sanctions.governments.screening import SCREENING_FILE
from sanctions.model import ftmio
from sanctions.model.graph import dataset_prefix

PUBLIC_FOLDER = "public"
REPORT_FOLDER = "report"  # the internal review report, beside (never inside) public/
EDITORS_FOLDER = Path("lists")  # where the workbooks live; nothing is ever written inside it


def written_names(prefix: str) -> set[str]:
    """Every name export and screen write in a list's folder."""
    packages = {f"{prefix}-{code}{zip}" for code in known.ORDER for zip in ("", ".zip")}
    return {
        ftmio.ENTITIES_FILE,
        ftmio.CONFIDENTIAL_ENTITIES_FILE,
        PUBLIC_FOLDER,
        REPORT_FOLDER,
        SCREENING_FILE,
        GAPS_FILE,
        *packages,
    }


def recognise(prefix: str) -> Recognise:
    """A list folder written before output folders carried a marker: only names we write."""

    def ours(folder: Path) -> bool:
        names = {p.name for p in folder.iterdir()}
        return bool(names) and names <= written_names(prefix)

    return ours


def list_folder(workbook: Path, out: Path) -> Path:
    """``<out>/<list>``, refused where it would overwrite the editor's files."""
    target = out / dataset_prefix(workbook)
    book = workbook.resolve()
    if out.resolve() == book.parent:
        raise OutputError(
            f"{out}: this is the folder of {workbook.name}; write exports to a folder of their own"
        )
    if target.resolve() == book or target.resolve() in book.parents:
        raise OutputError(f"{target}: this would overwrite {workbook}; choose another --out")
    editors = EDITORS_FOLDER.resolve()
    if editors.is_dir() and editors in (out.resolve(), *out.resolve().parents):
        raise OutputError(f"{out}: this is inside {EDITORS_FOLDER}/, the editors' folder")
    return target


def shared_folders(workbooks: Sequence[Path]) -> dict[str, list[Path]]:
    """The folder names that more than one of these workbooks would write to."""
    by_name: dict[str, list[Path]] = {}
    for workbook in workbooks:
        by_name.setdefault(dataset_prefix(workbook), []).append(workbook)
    return {name: paths for name, paths in by_name.items() if len(paths) > 1}


RELEASE_FILES = ("manifest.json", "source")  # what makes a folder a release (sanctions release)


def protected_place(path: Path) -> str | None:
    """Why nothing but export may write at ``path``, or None: the editors' folder, a public
    folder of a list (what is in it gets published), or a release (kept as it was made)."""
    resolved = path.resolve()
    for folder in (resolved, *resolved.parents):
        if folder == EDITORS_FOLDER.resolve():
            return f"this is inside {EDITORS_FOLDER}/, the editors' folder"
        if folder.name == PUBLIC_FOLDER and _is_list_output(folder.parent):
            return f"this is inside {folder}, a list's public folder, which gets published"
        if all((folder / name).exists() for name in RELEASE_FILES):
            return f"this is inside the release {folder}, which is kept as it was made"
    return None


def _is_list_output(folder: Path) -> bool:
    """A list's folder as export writes it (marked), or as a release keeps it."""
    return (folder / MARKER).is_file() or (folder / ftmio.ENTITIES_FILE).is_file()
