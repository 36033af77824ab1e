"""`sanctions status`: which government each target was sent to, and what came of it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sanctions.cli.shared import Outcome, exports_option, note, one_list, warn


@click.command()
@click.argument("workbook", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "xlsx", "html"]),
    default="text",
    show_default=True,
    help="A grid on screen (text), for scripts (json), or a file to open (xlsx, html).",
)
@exports_option("Exports folder: where the list's screening is read from.")
@click.option(
    "--file",
    "target",
    type=click.Path(path_type=Path),
    help="Where --format xlsx or html writes (default: <out>/<list>-status.xlsx or .html).",
)
@click.option(
    "--since",
    is_flag=True,
    help="Also say what changed since the previous screening: which targets were newly "
    "designated, by whom and when, and which listings are no longer found.",
)
def status(workbook: Path | None, fmt: str, out: Path, target: Path | None, since: bool) -> None:
    """The target × government grid of WORKBOOK (default: the one lists/*.xlsx).

    It merges the submissions sheet (what was sent, and what came of it) with the latest
    `sanctions screen` of the list, and marks where they disagree: a designation screening
    found but the sheet does not record, or one the sheet records that screening did not find.

    \b
    Example:
      sanctions status lists/kazakhstan.xlsx
      sanctions status lists/kazakhstan.xlsx --format xlsx
      sanctions status lists/kazakhstan.xlsx --since
    """
    from sanctions.tracking.screening import load_screening, previous_screening
    from sanctions.tracking.status import status_of
    from sanctions.tracking.status_output import (
        render_json,
        render_since,
        render_text,
        write_status,
    )

    path = one_list(workbook, "show")
    outcome = Outcome()
    with outcome.step(path, "no status shown"):
        report = status_of(path, out)
        for said in report.notes:
            note(said)
        for said in report.warnings:
            warn(said)
        if fmt == "text":
            click.echo(render_text(report.grid), nl=False)
            if since:
                click.echo("")
                click.echo(
                    render_since(previous_screening(report.folder), load_screening(report.folder)),
                    nl=False,
                )
        elif fmt == "json":
            click.echo(render_json(report.grid), nl=False)
        else:
            written = target or out / f"{report.folder.name}-status.{fmt}"
            write_status(written, fmt, report)
            click.echo(f"wrote {written}")
    sys.exit(outcome.status)
