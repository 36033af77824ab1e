"""Screen lists end to end: fetch the sources, screen each validated workbook, write the files.

Writes ``<out>/<list>/screening.json`` (matches and gap matrix) and ``gap-matrix.xlsx`` beside
the list's exports, each atomically, so that the next `sanctions export` can cite them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sanctions.check.validate import Result
from sanctions.common.errors import InputError
from sanctions.common.files import file_sha256, together, write_bytes, write_with
from sanctions.common.outputs import claim, held
from sanctions.common.places import (
    GAPS_FILE,
    PREVIOUS_SCREENING_FILE,
    SCREENING_FILE,
    list_folder,
    recognise,
)
from sanctions.common.progress import Progress
from sanctions.model.rows import Rows
from sanctions.model.targets import load_targets
from sanctions.screen.download import DownloadError, Limits, fetch, is_url
from sanctions.screen.download import Progress as Download
from sanctions.screen.kept import KeptScores
from sanctions.screen.matching import screen
from sanctions.screen.reference import Reference, ReferenceError, read_files
from sanctions.tracking.gaps import (
    Matrix,
    gap_matrix,
    rows,
    to_data,
    write_matrix_xlsx,
)
from sanctions.tracking.history import histories
from sanctions.tracking.screening import Screening, load_screening, same_reference, to_json
from sanctions.tracking.selection import proposed_by

# For one URL: the download's progress callback, and what to call when it has finished.
ProgressFor = Callable[[str], tuple[Download, Callable[[], None]]]


class ScreenError(InputError):
    """A source could not be fetched or read."""


def load_sources(
    sources: list[str],
    cache: Path | None,
    progress: ProgressFor | None = None,
    warn: Callable[[str], None] | None = None,
    limits: Limits | None = None,
    waiting: Callable[[str], None] | None = None,
    steps: Progress | None = None,
) -> tuple[Reference, list[dict[str, str]]]:
    """The reference data of every source (file or URL), and where each came from."""
    limits = limits or Limits()
    steps = steps or Progress()
    paths: list[Path] = []
    provenance: list[dict[str, str]] = []
    for source in sources:
        if is_url(source):
            start, finish = progress(source) if progress else (None, None)
            try:
                fetched = fetch(source, cache, start, limits, waiting)
            except DownloadError as exc:
                raise ScreenError(str(exc)) from exc
            finally:
                if finish is not None:
                    finish()
            if fetched.warning and warn is not None:
                warn(fetched.warning)
            path = fetched.path
        else:
            path = Path(source)
            if path.is_dir():
                raise ScreenError(
                    f"{source} is a folder: name the entities file in it (a .json or .json.gz "
                    "file of FollowTheMoney entities), or give --against once for each"
                )
            if not path.is_file():
                raise ScreenError(f"{source}: no such file")
        paths.append(path)
        provenance.append({"source": source, "sha256": file_sha256(path)})
    try:
        with steps.step(f"reading {', '.join(p.name for p in paths)}"):
            return read_files(paths, limits.max_bytes), provenance
    except ReferenceError as exc:
        raise ScreenError(str(exc)) from exc


@dataclass
class ScreenedList:
    """One list's screening, its gap matrix, and the files written for it."""

    screening: Screening
    matrix: Matrix
    record: bytes  # screening.json as written
    written: tuple[Path, Path]  # screening.json and gap-matrix.xlsx


def _keep_previous(folder: Path, screening: Screening) -> bool:
    """Whether to keep the latest screening as the previous one: the new one reads other
    reference data (a new month's lists), and `status --since` tells what changed between
    them. Screening again against the same data only replaces the latest."""
    try:
        latest = load_screening(folder)
    except InputError:
        return False  # unreadable: nothing worth keeping
    return latest is not None and not same_reference(latest, screening)


def screen_list(
    result: Result,
    workbook: Path,
    reference: Reference,
    threshold: float,
    provenance: list[dict[str, str]],
    out: Path,
    steps: Progress | None = None,
    kept: KeptScores | None = None,
) -> ScreenedList:
    """Screen a validated workbook and write its screening.json and gap-matrix.xlsx."""
    screening = screen(result, workbook, reference, threshold, provenance, steps, kept)
    table = Rows.of(result)
    matrix = gap_matrix(
        screening, proposed_by(load_targets(table), screening, histories(table.submissions))
    )
    folder = list_folder(workbook, out)
    record = to_json(screening, to_data(matrix))
    with held(folder):  # not while an export replaces the folder
        claim(folder, recognise(screening.list_name))
        # Both or neither: the grid and the record are written beside their places first (a
        # full disk stops them there), then renamed into place with a stop held back
        # (``together``), so that a Ctrl-C leaves the last whole screening's pair.
        staged = folder / f".{GAPS_FILE}.{os.getpid()}.tmp"
        noted = folder / f".{SCREENING_FILE}.{os.getpid()}.tmp"
        try:
            write_with(staged, partial(write_matrix_xlsx, table=rows(screening, matrix)))
            write_bytes(noted, record)
            keep = _keep_previous(folder, screening)
            with together():
                if keep:
                    os.replace(folder / SCREENING_FILE, folder / PREVIOUS_SCREENING_FILE)
                os.replace(noted, folder / SCREENING_FILE)
                os.replace(staged, folder / GAPS_FILE)
        finally:
            staged.unlink(missing_ok=True)
            noted.unlink(missing_ok=True)
    return ScreenedList(screening, matrix, record, (folder / SCREENING_FILE, folder / GAPS_FILE))
