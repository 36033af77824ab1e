"""`sanctions report`: the internal review report of one list, for the people who sign it off."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sanctions.cli.shared import (
    EXIT_UNREADABLE,
    iso_date,
    one_list,
    os_message,
    validated_or_exit,
)
from sanctions.common.outputs import OutputError


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
    from sanctions.common.files import file_sha256
    from sanctions.common.outputs import claim
    from sanctions.governments.list_folder import (
        EDITORS_FOLDER,
        REPORT_FOLDER,
        list_folder,
        recognise,
    )
    from sanctions.governments.screening import SCREENING_FILE, load_screening
    from sanctions.model.graph import dataset_prefix
    from sanctions.submit.review.report import write_review

    day = iso_date(date)
    path = one_list(workbook, "report on")
    result = validated_or_exit(path, "no report written")
    try:
        folder = list_folder(path, exports)
        try:
            screening = load_screening(folder)
        except (ValueError, KeyError, TypeError) as exc:
            raise OutputError(
                f"{folder / SCREENING_FILE} cannot be read ({exc}); run `sanctions screen` again"
            ) from exc
        if screening is not None and screening.workbook_sha256 != file_sha256(path):
            click.echo(
                f"warning: the screening in {folder} was made from an earlier version of "
                f"{path.name}; run `sanctions screen` again",
                err=True,
            )
        if out is None:
            target = claim(folder, recognise(dataset_prefix(path))) / REPORT_FOLDER
        else:
            _refuse_editors_folder(out, EDITORS_FOLDER)
            target = out
        write_review(result, path, target, screening, day)
    except (OutputError, OSError) as exc:
        click.echo(f"error: {path}: no report written: {os_message(exc)}", err=True)
        sys.exit(EXIT_UNREADABLE)
    click.echo(f"wrote {target}")


def _refuse_editors_folder(out: Path, editors: Path) -> None:
    """The report holds confidential material: never inside the editors' lists/ folder, which
    is shared and sent around with the workbooks."""
    inside = editors.resolve()
    if editors.is_dir() and inside in (out.resolve(), *out.resolve().parents):
        raise OutputError(f"{out}: this is inside {editors}/, the editors' folder")
