"""`sanctions validate`, `sanctions template` and `sanctions docs`: checking a workbook, an empty
one to start from, and the reference of its sheets, columns and finding codes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sanctions.cli.shared import EXIT_ERRORS, EXIT_OK, Outcome, find_lists, format_option


@click.command()
@click.argument("workbooks", nargs=-1, type=click.Path(path_type=Path))
@format_option
@click.option("--strict", "strict_mode", is_flag=True, help="Count warnings as errors.")
@click.option(
    "--annotate",
    "annotated",
    type=click.Path(path_type=Path),
    metavar="COPY.xlsx",
    help="Also write a copy of the workbook with every problem's cell coloured (red: error, "
    "amber: warning) and explained in a comment, and a first sheet listing them with links.",
)
@click.option(
    "--verbose",
    is_flag=True,
    help="List every cell of a problem that recurs (by default a problem found in many cells "
    "of a sheet is one line with their ranges).",
)
def validate(
    workbooks: tuple[Path, ...],
    fmt: str,
    strict_mode: bool,
    annotated: Path | None,
    verbose: bool,
) -> None:
    """Check WORKBOOKS (default: every lists/*.xlsx) and report every problem by cell.

    \b
    Example:
      sanctions validate lists/kazakhstan.xlsx
      sanctions validate lists/kazakhstan.xlsx --annotate kazakhstan-checked.xlsx
      sanctions validate --format json lists/kazakhstan.xlsx > report.json
    """
    from sanctions.check.validate import validate as run
    from sanctions.rules.finding import Finding, render_json, render_text, sort_findings, strict

    paths = find_lists(workbooks)
    if annotated is not None and len(paths) != 1:
        raise click.UsageError("--annotate makes a copy of one workbook: name just one")
    findings: list[Finding] = []
    outcome = Outcome()
    read = 0
    for path in paths:
        with outcome.step(path):
            findings.extend(run(path).findings)
            read += 1
    if strict_mode:
        findings = strict(findings)
    findings = sort_findings(findings)
    if fmt == "json":
        click.echo(render_json(findings))
    else:
        unread = len(paths) - read
        said = f"; {unread} could not be checked (see above)" if unread else ""
        click.echo(render_text(findings, read, verbose) + said)
    if outcome.status:
        sys.exit(outcome.status)
    if annotated is not None:
        from sanctions.check.annotate import annotate

        marked = annotate(paths[0], findings, annotated)
        click.echo(
            f"wrote {annotated}: {marked} cells marked; open it beside {paths[0].name}", err=True
        )
    sys.exit(EXIT_ERRORS if any(f.severity == "error" for f in findings) else EXIT_OK)


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Overwrite PATH if it exists (never a list's workbook, nor a file in lists/).",
)
def template(path: Path, force: bool) -> None:
    """Write an empty editor's workbook to PATH, generated from schemas/.

    \b
    Example:
      sanctions template lists/belarus.xlsx
    """
    from sanctions.workbook.template import write_template

    write_template(path, force=force)
    click.echo(f"wrote {path}")


@click.command()
@click.option(
    "--out", type=click.Path(path_type=Path), help="Write to this file instead of stdout."
)
@click.option(
    "--readme",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Also make the tables of governments in this README anew from jurisdictions/.",
)
def docs(out: Path | None, readme: Path | None) -> None:
    """Print the workbook reference (sheets, columns, vocabularies, finding codes) as Markdown.

    \b
    Example:
      sanctions docs --out docs/workbook.md --readme README.md
    """
    from sanctions.check.docs import workbook_reference, write_reference
    from sanctions.governments.readme import refresh_readme

    if out is None:
        click.echo(workbook_reference(), nl=False)
    else:
        write_reference(out)
        click.echo(f"wrote {out}")
    if readme is not None:
        refresh_readme(readme)
        click.echo(f"wrote {readme}")
