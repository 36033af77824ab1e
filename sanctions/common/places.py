"""Where the tool may write, and the layout of a list's output folder: one module that every
command that writes asks.

Three kinds of place are never written by a command other than the one that owns them: the
editors' folder ``lists/`` (the workbooks and their evidence), a list's ``public/`` folder
(whatever is in it gets published) and a release (kept as it was made). A folder the tool
owns (``exports/<list>/``, marked) is replaced whole at the next run, so nothing else may be put
in it either: it would be lost without a word.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Sequence
from glob import escape as glob_escape
from hashlib import sha1
from pathlib import Path

from rigour.text import ascii_text

from sanctions.common.outputs import MARKER, OutputError, Recognise

EDITORS_FOLDER = Path("lists")  # where the workbooks live; nothing is ever written inside it
EVIDENCE_FOLDER_SUFFIX = (
    "-evidence"  # lists/kazakhstan.xlsx keeps its copies in kazakhstan-evidence/
)
PUBLIC_FOLDER = "public"  # the publishable list, inside a list's folder
REPORT_FOLDER = "report"  # the internal review report, beside (never inside) public/
ENTITIES_FILE = "entities.ftm.json"
# Everything, confidential material included; written only when there is some.
CONFIDENTIAL_ENTITIES_FILE = "entities-confidential.ftm.json"
SCREENING_FILE = "screening.json"  # written by `sanctions screen`, read by export
# The screening before it (against other reference data), for `sanctions status --since`.
PREVIOUS_SCREENING_FILE = "screening-previous.json"
GAPS_FILE = "gap-matrix.xlsx"
RELEASE_FILES = ("manifest.json", "source")  # what makes a folder a release (sanctions release)
FIXED_NAMES = frozenset(
    {
        ENTITIES_FILE,
        CONFIDENTIAL_ENTITIES_FILE,
        PUBLIC_FOLDER,
        REPORT_FOLDER,
        SCREENING_FILE,
        PREVIOUS_SCREENING_FILE,
        GAPS_FILE,
    }
)


def dataset_prefix(workbook: Path) -> str:
    """The name of a list, which prefixes its entity IDs and names its output folder.

    A workbook named in lower-case Latin letters, digits, ``-`` and ``_`` keeps its name
    (``lists/kazakhstan.xlsx`` -> ``kazakhstan``). Any other name is transliterated and
    lower-cased, then followed by a short hash of the exact name, so that ``Kaz.xlsx`` and
    ``kaz.xlsx``, or ``Қазақстан.xlsx`` and ``Qazaqstan.xlsx``, never share a folder or IDs
    (``Қазақстан.xlsx`` -> ``qazaqstan-1eb851``).
    """
    name = unicodedata.normalize("NFC", workbook.stem)
    slug = re.sub(r"[^a-z0-9_]+", "-", ascii_text(name).lower()).strip("-_") or "list"
    if slug == name:
        return slug
    return f"{slug}-{sha1(name.encode('utf-8')).hexdigest()[:6]}"


def package_name(prefix: str, code: str) -> str:
    """A government's package folder in a list's folder: ``kazakhstan-us``."""
    return f"{prefix}-{code}"


# A package folder has two parts. ``send/`` is exactly what the authority receives (the
# package's .zip is this folder and nothing else); ``internal/`` is for the submitting
# organisation alone: what to complete and check, who is not proposed and why, the screening.
SEND_FOLDER = "send"
INTERNAL_FOLDER = "internal"
NOTES_FILE = "notes.txt"  # in internal/
LETTER_FILE = "submission.docx"  # in send/
PACKAGE_MANIFEST = "manifest.json"  # in send/: every file sent, with its SHA-256


def targets_file(prefix: str, code: str, suffix: str) -> str:
    """The target table in send/: ``kazakhstan-us-targets.csv``."""
    return f"{package_name(prefix, code)}-targets{suffix}"


def recognise(prefix: str) -> Recognise:
    """A list folder written before output folders carried a marker: only names we write (the
    fixed names, and packages ``<list>-<code>`` with their zips)."""
    package = re.compile(re.escape(prefix) + r"-[a-z]{2,}(\.zip)?")

    def ours(folder: Path) -> bool:
        names = {p.name for p in folder.iterdir()}
        return bool(names) and all(n in FIXED_NAMES or package.fullmatch(n) for n in names)

    return ours


def list_folder(workbook: Path, out: Path) -> Path:
    """``<out>/<list>``, refused where it would overwrite the editor's files."""
    target = out / dataset_prefix(workbook)
    book = workbook.resolve()
    above = next((p for p in (out, *out.parents) if p.exists()), None)
    if above is not None and not above.is_dir():
        raise OutputError(f"{out}: {above} is a file, not a folder; choose another --out")
    # The list's own folder is the tool's to replace; anywhere protected above it is not.
    reason = protected_place(target, owned=False)
    if reason is not None:
        raise OutputError(f"{out}: {reason}; choose another --out")
    if out.resolve() == book.parent:
        raise OutputError(
            f"{out}: this is the folder of {workbook.name}; write exports to a folder of their own"
        )
    if target.resolve() == book or target.resolve() in book.parents:
        raise OutputError(f"{target}: this would overwrite {workbook}; choose another --out")
    # Nor inside another list's exports (a package folder, say): they are replaced whole.
    for folder in target.resolve().parents:
        if (folder / ENTITIES_FILE).is_file() or (folder / CONFIDENTIAL_ENTITIES_FILE).is_file():
            raise OutputError(
                f"{out}: this is inside {folder}, a list's exports, which sanctions replaces at "
                "every run; choose another --out"
            )
    return target


def shared_folders(workbooks: Sequence[Path]) -> dict[str, list[Path]]:
    """The folder names that more than one of these workbooks would write to."""
    by_name: dict[str, list[Path]] = {}
    for workbook in workbooks:
        by_name.setdefault(dataset_prefix(workbook), []).append(workbook)
    return {name: paths for name, paths in by_name.items() if len(paths) > 1}


def protected_place(path: Path, owned: bool = True, editors: bool = True) -> str | None:
    """Why nothing but the command that owns it may write at ``path``, or None: the editors'
    folder (unless ``editors`` is False: a new workbook belongs there), a list's evidence folder
    wherever the list is kept (``<name>-evidence`` beside ``<name>.xlsx``), a public folder of a
    list (what is in it gets published), a release (kept as it was made), and, unless ``owned``
    is False, a folder the tool replaces at every run."""
    resolved = path.resolve()
    chain = (resolved, *resolved.parents)
    for folder in chain if editors else ():
        if _is_editors(folder):
            shown = EDITORS_FOLDER if folder == EDITORS_FOLDER.resolve() else folder
            return f"this is inside {shown}/, the editors' folder"
    for folder in chain:
        if _is_evidence(folder):  # a list kept anywhere: beside its workbook
            return f"this is inside {folder}, a list's evidence folder"
        if folder.name == PUBLIC_FOLDER and _is_list_output(folder.parent):
            return f"this is inside {folder}, a list's public folder, which gets published"
        if all((folder / name).exists() for name in RELEASE_FILES):
            return f"this is inside the release {folder}, which is kept as it was made"
        if owned and folder != resolved and (folder / MARKER).is_file():
            return f"this is inside {folder}, which sanctions replaces at every run"
    # an evidence folder may itself be a link (to a shared drive): by the name it is given
    given = path.absolute()
    for folder in (given, *given.parents):
        if _is_evidence(folder):
            return f"this is inside {folder}, a list's evidence folder"
    return None


def _is_evidence(folder: Path) -> bool:
    """Whether ``folder`` is a list's evidence folder: ``<name>-evidence`` beside
    ``<name>.xlsx`` (the extension in any case), wherever the list is kept."""
    if not folder.name.endswith(EVIDENCE_FOLDER_SUFFIX):
        return False
    stem = folder.name[: -len(EVIDENCE_FOLDER_SUFFIX)]
    if not stem or not folder.parent.is_dir():
        return False
    return any(
        p.stem == stem and p.suffix.lower() == ".xlsx" and p.is_file()
        for p in folder.parent.glob(f"{glob_escape(stem)}.*")
    )


def _is_editors(folder: Path) -> bool:
    """The editors' folder: ``lists/`` here, or any folder called so that holds a workbook,
    wherever the command was started from (its sub-folders, the evidence, are inside it)."""
    if folder == EDITORS_FOLDER.resolve():
        return True
    if folder.name != EDITORS_FOLDER.name or not folder.is_dir():
        return False
    # a workbook in it or one folder down, however its extension is written (.XLSX)
    return any(
        p.suffix.lower() == ".xlsx" for pattern in ("*", "*/*") for p in folder.glob(pattern)
    )


def _is_list_output(folder: Path) -> bool:
    """A list's folder as export writes it (marked), or as a release keeps it."""
    return (folder / MARKER).is_file() or (folder / ENTITIES_FILE).is_file()


def refuse_file(target: Path, suffixes: tuple[str, ...], workbook: Path | None = None) -> None:
    """Stop before a command writes a file (a copy of the workbook, a report, a grid) where it
    must not: over the workbook, over a folder, under another kind of name, or in a protected
    place. Raises OutputError naming the path and what to do."""
    if workbook is not None and target.exists() and target.resolve() == workbook.resolve():
        raise OutputError(f"{target}: this is the workbook itself; name a new file")
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name")
    if target.suffix.lower() not in suffixes:
        raise OutputError(f"{target}: give it a name ending {' or '.join(suffixes)}")
    reason = protected_place(target)
    if reason is not None:
        raise OutputError(f"{target}: {reason}; write it elsewhere")
    kept = kept_workbook(target)
    if kept is not None:
        raise OutputError(
            f"{target} {kept}, which sanctions never writes over; give a new file name"
        )
    # The workbook's own folder is the editors' folder when it is called so, wherever it is.
    if workbook is not None:
        editors = workbook.resolve().parent
        if editors.name == EDITORS_FOLDER.name and editors in target.resolve().parents:
            raise OutputError(f"{target}: this is inside {workbook.parent}/, the editors' folder")


ANNOTATED_SHEET = "_findings"  # the first sheet of `validate --annotate`'s copies


def kept_workbook(path: Path) -> str | None:
    """What makes an existing .xlsx a file no command may write over, or None: a list (a
    persons sheet), or one that cannot be read as a workbook at all. Excel's "Encrypt with
    Password" writes another kind of file, and a list locked so, or a damaged one, cannot be
    told from any other."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return None
    if not zipfile.is_zipfile(path):
        return "cannot be read as a workbook (password-protected or damaged) and may be a list's"
    if is_list_workbook(path):
        return "is a list's workbook (it has a persons sheet)"
    return None


def is_list_workbook(path: Path) -> bool:
    """Whether an existing .xlsx is a list (a persons sheet), not an annotated copy the tool
    wrote earlier (which it may write again)."""
    try:
        with zipfile.ZipFile(path) as archive:
            book = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    names = re.findall(r'<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"', book)
    return "persons" in names and ANNOTATED_SHEET not in names
