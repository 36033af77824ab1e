"""`sanctions diff` and `sanctions release`: what changed between two versions of a list, and a
numbered release that keeps the export, the workbook, a changelog and a manifest together."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sanctions.cli.shared import Outcome, exports_option, iso_date, note, one_list, warn
from sanctions.rules.finding import render_text, sort_findings

FORMATS = ("text", "json", "markdown")


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="For a terminal (text), for scripts (json), or a changelog to paste (markdown).",
)
def diff(old: Path, new: Path, fmt: str) -> None:
    """Show what changed from OLD to NEW, two versions of a list: persons, organizations,
    posts, incidents, involvement, evidence and relations added, removed and changed, field by
    field with the cell in each workbook, and persons whose ID changed.

    Validation errors do not stop a diff (an old release may predate a rule); a note says so.
    The diff shows confidential rows, marked as such: keep it internal.

    \b
    Example:
      sanctions diff exports/releases/kazakhstan/1.0/source/kazakhstan.xlsx lists/kazakhstan.xlsx
      sanctions diff old.xlsx new.xlsx --format markdown > changes.md
    """
    from sanctions.release.changelog import RENDERERS
    from sanctions.release.diff import compare_files

    outcome = Outcome()
    with outcome.step(None):
        changes = compare_files(old, new)
        for said in changes.notes:
            note(said)
        click.echo(RENDERERS[fmt](changes))
    sys.exit(outcome.status)


@click.command()
@click.argument("version")
@click.argument("workbook", required=False, type=click.Path(path_type=Path))
@click.option(
    "--allow-warnings",
    is_flag=True,
    help="Release a workbook that has warnings (errors always stop a release).",
)
@click.option(
    "--draft",
    is_flag=True,
    help="Release drafts even when the submitter sheet is complete (without it: filing copies "
    "when the sheet is complete, drafts otherwise).",
)
@click.option(
    "--date",
    "date",
    metavar="YYYY-MM-DD|today",
    help="Date of the cover letters and of the release (default: the submitter sheet's date).",
)
@exports_option("Exports folder: the release goes into <out>/releases/<list>/<version>/.")
def release(
    version: str,
    workbook: Path | None,
    allow_warnings: bool,
    draft: bool,
    date: str | None,
    out: Path,
) -> None:
    """Release VERSION of WORKBOOK (default: the one lists/*.xlsx) into
    exports/releases/<list>/VERSION/: the whole export, a copy of the workbook
    (source/), CHANGELOG.md (the changes since the previous release) and manifest.json
    (every file's SHA-256).

    VERSION is letters, digits, '.', '-' and '_' (1.0, 2026.1, 2026-spring); versions go
    forward (1.10 comes after 1.9) and a release is never overwritten. Warnings stop a
    release unless --allow-warnings.

    \b
    Example:
      sanctions release 1.0 lists/belarus.xlsx --date 2026-12-01
      sanctions release 2026.1 --draft --allow-warnings
    """
    from sanctions.release.release import release as run
    from sanctions.release.versions import check_version

    outcome = Outcome()
    with outcome.step(None):
        check_version(version)
    if outcome.status:
        sys.exit(outcome.status)
    day = iso_date(date)
    path = one_list(workbook, "release")
    with outcome.step(path, "not released"):
        done = run(path, version, out, allow_warnings=allow_warnings, draft=draft, date=day)
        click.echo(render_text(sort_findings(done.findings), 1))
        for warning in done.warnings:
            warn(warning)
        after = f"changes since {done.previous}" if done.previous else "first release"
        click.echo(f"{path}: released {version} ({after}): wrote {done.folder}")
    sys.exit(outcome.status)
