"""`sanctions status`: which government each target was sent to, and what came of it."""

from __future__ import annotations

from pathlib import Path

import click

from sanctions.cli.shared import exports_option, one_list, unsafe_file_target, validated_or_exit

SUFFIXES = {"xlsx": (".xlsx",), "html": (".html", ".htm")}


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
def status(workbook: Path | None, fmt: str, out: Path, target: Path | None) -> None:
    """The target × government grid of WORKBOOK (default: the one lists/*.xlsx).

    It merges the submissions sheet (what was sent, and what came of it) with the latest
    `sanctions screen` of the list, and marks where they disagree: a designation screening
    found but the sheet does not record, or one the sheet records that screening did not find.

    \b
    Example:
      sanctions status lists/kazakhstan.xlsx
      sanctions status lists/kazakhstan.xlsx --format xlsx
    """
    from sanctions.common.files import file_sha256, write_text
    from sanctions.governments.gaps import proposed_by
    from sanctions.governments.history import histories
    from sanctions.governments.list_folder import list_folder
    from sanctions.governments.screening import load_screening
    from sanctions.governments.status import status_grid
    from sanctions.governments.status_output import (
        render_html,
        render_json,
        write_status_xlsx,
    )
    from sanctions.governments.status_output import (
        render_text as grid_text,
    )
    from sanctions.model.rows import Rows
    from sanctions.model.targets import load_targets

    path = one_list(workbook, "show")
    rows = Rows.of(validated_or_exit(path, "no status shown"))
    folder = list_folder(path, out)
    screening = load_screening(folder)
    if screening is None:
        click.echo(f"note: {path.name} has not been screened; run `sanctions screen`", err=True)
    elif screening.workbook_sha256 != file_sha256(path):
        click.echo(
            f"warning: the screening in {folder} was made from an earlier version of "
            f"{path.name}; run `sanctions screen` again",
            err=True,
        )
    grid = status_grid(
        rows.persons,
        histories(rows.submissions),
        screening,
        proposed_by(load_targets(rows)),
    )
    if fmt == "text":
        click.echo(grid_text(grid), nl=False)
        return
    if fmt == "json":
        click.echo(render_json(grid), nl=False)
        return
    written = target or out / f"{folder.name}-status.{fmt}"
    problem = unsafe_file_target(written, path, SUFFIXES[fmt])
    if problem is not None:
        raise click.BadParameter(problem, param_hint="--file")
    written.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        write_status_xlsx(written, grid)
    else:
        title = f"Submissions: {path.stem.replace('_', ' ').title()}"
        write_text(written, render_html(title, grid))
    click.echo(f"wrote {written}")
