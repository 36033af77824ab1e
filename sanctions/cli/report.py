"""`sanctions report`: the internal review report of one list, for the people who sign it off."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sanctions.cli.shared import Outcome, iso_date, one_list, warn


@click.command()
@click.argument("workbook", required=False, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    metavar="DIR",
    help="Folder to write the report into (default: <exports>/<list>/report/). It must be new, "
    "empty, or a report written before.",
)
@click.option(
    "--exports",
    type=click.Path(path_type=Path),
    default=Path("exports"),
    show_default=True,
    metavar="DIR",
    help="Exports folder: the list's screening is read from <exports>/<list>/screening.json.",
)
@click.option(
    "--date",
    "date",
    metavar="YYYY-MM-DD|today",
    help="Date to show on the report (default: none, so that the same workbook gives the same "
    "files).",
)
def report(workbook: Path | None, out: Path | None, exports: Path, date: str | None) -> None:
    """Write the review report of WORKBOOK (default: the one lists/*.xlsx): web pages to read
    before a release.

    A front page with the counts, the check's findings, what each government's package will
    carry and a table of the persons (with a filter); a page per person (posts on a timeline,
    incidents, evidence, each government's limb or why none, screening and submission history,
    contrary information, relatives); and a network picture. Open index.html in a browser.

    The report shows confidential material, marked CONFIDENTIAL: it is for the editors and the
    lawyer who sign off, never for publication. A workbook with errors gets no report.

    \b
    Example:
      sanctions report lists/kazakhstan.xlsx
      sanctions report lists/kazakhstan.xlsx --out review --date 2026-12-01
    """
    from sanctions.review.report import report_list

    day = iso_date(date)
    path = one_list(workbook, "report on")
    outcome = Outcome()
    with outcome.step(path, "no report written"):
        done = report_list(path, exports, out, day)
        for warning in done.warnings:
            warn(warning)
        click.echo(f"wrote {done.folder}")
    sys.exit(outcome.status)
