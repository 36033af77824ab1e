"""`sanctions diff` and `sanctions release`: what changed between two versions of a list, and a
numbered release that keeps the export, the workbook, a changelog and a manifest together."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sanctions.check.findings import render_text, sort_findings
from sanctions.cli.shared import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    exports_option,
    iso_date,
    one_list,
    os_message,
)
from sanctions.common.outputs import OutputError
from sanctions.workbook.gate import UnreadableWorkbook

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
    from sanctions.check.validate import validate
    from sanctions.release.changelog import RENDERERS
    from sanctions.release.diff import compare

    results = []
    for path in (old, new):
        try:
            results.append(validate(path))
        except UnreadableWorkbook as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            sys.exit(EXIT_UNREADABLE)
    changes = compare(results[0], results[1], str(old), str(new))
    for note in changes.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(RENDERERS[fmt](changes))
    sys.exit(EXIT_OK)


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
    help="Release drafts: every page says DRAFT, and a missing submitter or date is shown as "
    "a placeholder.",
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
    from sanctions.model.graph import ModelError
    from sanctions.release.release import ReleaseError, Unreleasable
    from sanctions.release.release import release as run
    from sanctions.release.versions import BadVersion, check_version
    from sanctions.submit.evidence_copies import EvidenceChanged
    from sanctions.submit.export import NotReady, Refused

    try:
        check_version(version)
    except BadVersion as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    day = iso_date(date)
    path = one_list(workbook, "release")
    try:
        done = run(path, version, out, allow_warnings=allow_warnings, draft=draft, date=day)
    except (BadVersion, ReleaseError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except UnreadableWorkbook as exc:
        click.echo(f"error: {path}: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except (OutputError, OSError) as exc:
        click.echo(f"error: {path}: not released: {os_message(exc)}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except (NotReady, EvidenceChanged) as exc:
        click.echo(f"error: {path}: not released: {exc}", err=True)
        sys.exit(EXIT_ERRORS)
    except Unreleasable as refused:
        click.echo(render_text(refused.findings, 1))
        if refused.errors:
            reason = "fix the errors above first"
        else:
            reason = "a release allows no warnings; fix them, or give --allow-warnings"
        click.echo(f"error: {path}: not released: {reason}", err=True)
        sys.exit(EXIT_ERRORS)
    except Refused as refused:
        click.echo(render_text(refused.result.errors, 1))
        click.echo(f"error: {path}: not released: fix the errors above first", err=True)
        sys.exit(EXIT_ERRORS)
    except ModelError as exc:
        click.echo(f"error: {path}: conversion failed, please report this: {exc}", err=True)
        sys.exit(EXIT_ERRORS)
    click.echo(render_text(sort_findings(done.findings), 1))
    for warning in done.warnings:
        click.echo(f"warning: {warning}", err=True)
    after = f"changes since {done.previous}" if done.previous else "first release"
    click.echo(f"{path}: released {version} ({after}): wrote {done.folder}")
    sys.exit(EXIT_OK)
