"""`sanctions export`: the entities, a package per government, the public list and the review
report of each workbook."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sanctions.cli.shared import (
    GovernmentsHelp,
    Outcome,
    exports_option,
    find_lists,
    iso_date,
    one_folder_each,
    warn,
)


def governments_option(value: str | None) -> list[str] | None:
    """``--only us,gb`` as codes; a code no government has, or an empty one (``--only ""``,
    ``us,,gb``: a slip that would silently export less or more), is a usage error naming them
    all."""
    if value is None:
        return None
    from sanctions.governments.registry import codes

    chosen = [c.strip().lower() for c in value.split(",")]
    if not all(chosen):
        raise click.UsageError(
            f"--only {value!r} has an empty code; give codes separated by commas, such as us,gb "
            f"(choose from {', '.join(codes())})"
        )
    unknown = sorted(set(chosen) - set(codes()))
    if unknown:
        raise click.UsageError(
            f"unknown government {', '.join(unknown)}; choose from {', '.join(codes())}"
        )
    return chosen


@click.command(cls=GovernmentsHelp)
@click.argument("workbooks", nargs=-1, type=click.Path(path_type=Path))
@exports_option("Folder to write into; each list gets a sub-folder named after its workbook.")
@click.option(
    "--only",
    metavar="CODES",
    help="Only these governments, by code, e.g. us,gb (default: every government).",
)
@click.option(
    "--draft",
    is_flag=True,
    help="Build drafts even when the submitter sheet is complete: every page says DRAFT, and "
    "what is still to write is shown as a placeholder.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace filing copies with drafts (without it, an export that would do so stops).",
)
@click.option(
    "--date",
    "date",
    metavar="YYYY-MM-DD|today",
    help="Date of the cover letters (default: the submitter sheet's date).",
)
def export(
    workbooks: tuple[Path, ...],
    out: Path,
    only: str | None,
    draft: bool,
    force: bool,
    date: str | None,
) -> None:
    """Build one submission package per government, the public list and the data files.

    For WORKBOOKS (default: every lists/*.xlsx). Governments: {governments}.
    A workbook with validation errors is refused: its report is printed and nothing is written.

    The packages are filing copies when the submitter sheet gives the organisation, contact
    person, capacity, e-mail and date (or --date), and drafts, marked DRAFT on every page,
    otherwise: the output says why. Each package's send/ folder (and its .zip) is what goes to
    the government; internal/ is for you.

    \b
    Example:
      sanctions export lists/belarus.xlsx --date 2026-12-01 --only us,gb
      sanctions export --draft lists/kazakhstan.xlsx
    """
    from sanctions.export.run import export as run
    from sanctions.rules.finding import summary_line

    codes = governments_option(only)
    day = iso_date(date)
    outcome = Outcome()
    for path in one_folder_each(find_lists(workbooks), outcome):
        with outcome.step(path, "not exported"):
            done = run(path, out, codes, draft, day, force)
            # validate's report is validate's to print; export says how many there are
            counted = summary_line(done.findings, 1)
            click.echo(counted + ("; `sanctions validate` lists them" if done.findings else ""))
            for warning in done.warnings:
                warn(warning)
            click.echo(f"{path}: wrote {done.folder}")
    sys.exit(outcome.status)
