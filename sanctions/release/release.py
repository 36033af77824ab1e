"""``sanctions release``: a numbered release of a list that lasts, in
``<out>/releases/<list>/<version>/``:

    <the whole export>       what `sanctions export` writes for the list (packages, public, …)
    source/<name>.xlsx       the workbook exactly as released
    CHANGELOG.md             what changed since the previous release ("first release" if none)
    manifest.json            list, version, tool version, SHA-256 and size of every file

The workbook is copied first and its SHA-256 taken; it is validated and exported where it is
(beside it is its evidence folder, which validation and export read), and the release is
refused if the workbook's bytes differ at the end, so the release's source, validation, export
and changelog are all of one version even if the editor saves meanwhile. A release is strict:
warnings block it unless allowed.

Releases go forward and are never overwritten: an existing version, or one not above the
latest release of the list, is refused before anything is written. Everything is built in a
hidden, marked staging folder beside the release and renamed into place at the end, so a run
that stops half-way leaves no release at all; the next run of that version removes what it
left. The screening record of the list's export folder (``<out>/<list>/screening.json``),
if there is one, is carried into the release as `sanctions export` carries it.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sanctions.check.validate import Result, validate
from sanctions.common.errors import InputError, ListNotReady
from sanctions.common.files import file_sha256, shared_mode, write_text
from sanctions.common.outputs import (
    MARKER,
    STAGING,
    OutputError,
    held,
    leftovers,
    mark,
    remove,
)
from sanctions.common.places import list_folder
from sanctions.evidence.folder import evidence_folder
from sanctions.export.run import KEPT_FILES, export
from sanctions.release.changelog import render_markdown
from sanctions.release.diff import Diff, compare
from sanctions.release.manifest import MANIFEST_FILE, Release, write_manifest
from sanctions.release.versions import check_version
from sanctions.release.versions import compare as compare_versions
from sanctions.release.versions import latest as latest_version
from sanctions.rules.finding import Finding, render_text, sort_findings
from sanctions.workbook.gate import UnreadableWorkbook, check_file

RELEASES_FOLDER = "releases"
SOURCE_FOLDER = "source"
CHANGELOG_FILE = "CHANGELOG.md"
EXPORT_FOLDER = "export"  # inside the staging folder


class ReleaseError(InputError):
    """The release was refused and nothing was written (or kept); the message is one line."""

    plain = True


class Unreleasable(ListNotReady):
    """The workbook has findings a release does not allow (errors; warnings unless allowed),
    which are its details."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        reason = (
            "fix the errors above first"
            if self.errors
            else "a release allows no warnings; fix them, or give --allow-warnings"
        )
        super().__init__(reason, render_text(findings, 1))

    @property
    def errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


@dataclass(frozen=True)
class Released:
    """A release made: where it is, what it follows, and what the command reports."""

    folder: Path
    previous: str | None
    findings: list[Finding]  # the validation's: warnings at most
    warnings: list[str]  # the export's
    diff: Diff | None  # against the previous release


def releases_of(workbook: Path, out: Path) -> Path:
    """``<out>/releases/<list>``, refused where export would refuse to write the list."""
    list_folder(workbook, out)
    releases = out / RELEASES_FOLDER
    if (releases / MARKER).exists():
        raise OutputError(
            f"{releases} is the export folder of a list named '{RELEASES_FOLDER}'; "
            "rename that workbook, or release into another --out"
        )
    return list_folder(workbook, releases)


def released_versions(root: Path) -> list[str]:
    """The versions released so far: the folders in ``root`` whose names are versions and
    that hold a release's manifest (a notes folder beside them is not a release)."""
    if not root.is_dir():
        return []
    found = []
    for path in root.iterdir():
        if not path.is_dir() or not (path / MANIFEST_FILE).is_file():
            continue
        try:
            found.append(check_version(path.name))
        except ValueError:
            continue  # a staging folder, or something that is not a release
    return sorted(found)


def check_forward(root: Path, version: str) -> str | None:
    """The latest release, refusing a version that exists or does not come after it."""
    target = root / version
    if target.exists() or target.is_symlink():
        raise ReleaseError(
            f"{target} already exists; a release is never overwritten: choose the next version"
        )
    newest = latest_version(released_versions(root))
    if newest is not None and compare_versions(version, newest) <= 0:
        raise ReleaseError(
            f"version {version} does not come after {newest}, the latest release in {root}; "
            "releases go forward: choose a higher version"
        )
    return newest


@dataclass(frozen=True)
class Plan:
    """A release about to be built: what, where, after which release, and how."""

    workbook: Path
    version: str
    out: Path
    root: Path  # <out>/releases/<list>
    previous: str | None
    before: Result | None  # the previous release's workbook, validated
    allow_warnings: bool
    draft: bool
    date: str | None


def release(
    workbook: Path,
    version: str,
    out: Path = Path("exports"),
    *,
    allow_warnings: bool = False,
    draft: bool = False,
    date: str | None = None,
) -> Released:
    """Make release ``version`` of ``workbook``. Refuses with ``BadVersion`` or ``ReleaseError``
    and ``UnreadableWorkbook`` before anything is written; with ``Unreleasable`` (findings)
    and whatever ``export`` refuses with (``NotReady``, ``Refused``) leaving nothing behind."""
    check_version(version)
    check_file(workbook)
    root = releases_of(workbook, out)
    previous = check_forward(root, version)
    before = _previous_workbook(root, previous)
    plan = Plan(workbook, version, out, root, previous, before, allow_warnings, draft, date)
    # The folders made here, removed again (if still empty) when the release is refused.
    made = [p for p in (*reversed(root.parents), root) if not p.exists()]
    target = root / version
    try:
        with held(root):  # one release of a list at a time
            root.mkdir(parents=True, exist_ok=True)
            for left in _leftovers(target):
                remove(left)
            staging = Path(tempfile.mkdtemp(prefix=f".{version}.", suffix=STAGING, dir=root))
            try:
                shared_mode(staging)
                mark(staging)
                built = _build(plan, staging)
                check_forward(root, version)  # another run may have made it meanwhile
                os.rename(built.folder, target)
            finally:
                if staging.exists():
                    remove(staging)
    finally:
        for folder in reversed(made):  # a refused first release leaves no empty folders
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    return Released(target, previous, built.findings, built.warnings, built.diff)


def _leftovers(target: Path) -> list[Path]:
    """Staging folders of this very version that killed runs left (``.1.0.abc123.tmp``, not
    ``.1.0.5.abc123.tmp``, which is version 1.0.5's)."""
    own = re.compile(rf"\.{re.escape(target.name)}\.[^.]+{re.escape(STAGING)}")
    return [path for path in leftovers(target) if own.fullmatch(path.name)]


def _previous_workbook(root: Path, previous: str | None) -> Result | None:
    """The previous release's source workbook, validated, for the changelog; None for a first
    release."""
    if previous is None:
        return None
    folder = root / previous / SOURCE_FOLDER
    sources = sorted(folder.glob("*.xlsx"))
    if len(sources) != 1:
        raise ReleaseError(
            f"{folder} should hold the one workbook of release {previous}, which the changelog "
            f"compares with, and holds {len(sources)}; put it back"
        )
    try:
        return validate(sources[0])
    except UnreadableWorkbook as exc:
        raise ReleaseError(f"{sources[0]}: {exc}; the changelog compares with it") from exc


def _refuse_links(folder: Path) -> None:
    """A release keeps the list's evidence as it was: files, not links to places outside it
    (a link kept would point at whatever is there later; one followed would copy whatever it
    points at, /etc included). The evidence checks refuse links too (``evidence/folder``)."""
    for root, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            path = Path(root) / name
            if path.is_symlink():
                raise ReleaseError(
                    f"{path} is a link (to {os.readlink(path)}), and a release keeps files, not "
                    "links: put the file itself in the evidence folder, or remove the link"
                )


def _build(plan: Plan, staging: Path) -> Released:
    """Everything of the release inside ``staging``; ``folder``: the complete release."""
    workbook = plan.workbook
    source = staging / SOURCE_FOLDER / workbook.name
    source.parent.mkdir()
    shutil.copyfile(workbook, source)
    # with its evidence folder, so that the release's workbook validates as the list did (its
    # copies are checked against their recorded hashes) and later releases compare with it
    if evidence_folder(workbook).is_dir():
        _refuse_links(evidence_folder(workbook))
        shutil.copytree(evidence_folder(workbook), evidence_folder(source), symlinks=True)
    digest = file_sha256(source)
    result = validate(workbook)
    blocking = [f for f in result.findings if f.severity == "error" or not plan.allow_warnings]
    if blocking:
        raise Unreleasable(sort_findings(result.findings))
    regular = list_folder(workbook, plan.out)
    folder = list_folder(workbook, staging / EXPORT_FOLDER)
    _carry_screening(regular, folder)
    exported = export(workbook, staging / EXPORT_FOLDER, None, plan.draft, plan.date)
    if file_sha256(workbook) != digest:
        raise ReleaseError(
            f"{workbook} was saved while the release was being made; nothing was released: "
            "run the release again"
        )
    warnings = [w.replace(str(folder), str(regular)) for w in exported.warnings]
    os.rename(source.parent, folder / SOURCE_FOLDER)
    title = f"{plan.root.name} {plan.version}"
    diff = None
    if plan.before is None:
        text = f"# {title}\n\nFirst release.\n"
    else:
        diff = compare(plan.before, result, f"release {plan.previous}", f"release {plan.version}")
        text = render_markdown(diff, title, f"Changes since release {plan.previous}.")
    write_text(folder / CHANGELOG_FILE, text)
    about = Release(
        plan.root.name,
        plan.version,
        f"{SOURCE_FOLDER}/{workbook.name}",
        plan.previous,
        exported.edition.date,
        exported.edition.draft,
    )
    write_manifest(folder, about, frozenset({MARKER}))
    (folder / MARKER).unlink()
    return Released(folder, plan.previous, result.findings, warnings, diff)


def _carry_screening(regular: Path, folder: Path) -> None:
    """Put the list's screening record where export looks for it, so that the release's
    packages cite the same designations as `sanctions export` would."""
    for name in KEPT_FILES:
        if (regular / name).is_file():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(regular / name, folder / name)
