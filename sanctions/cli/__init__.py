"""The ``sanctions`` command. Exit codes: 0 fine, 1 validation errors, 2 unreadable input or misuse."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click
import orjson

from sanctions import __version__
from sanctions.check.findings import Finding, render_json, render_text, sort_findings, strict
from sanctions.cli.shared import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    exports_option,
    find_lists,
    format_option,
    iso_date,
    one_folder_each,
    os_message,
)
from sanctions.common.outputs import OutputError
from sanctions.workbook.gate import UnreadableWorkbook
from sanctions.workbook.layout import SpecError

if TYPE_CHECKING:
    from sanctions.common.progress import Progress
    from sanctions.screen.reference import Reference


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sanctions")
def cli() -> None:
    """Check and prepare lists of officials responsible for human-rights abuses."""


@cli.command()
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
def validate(
    workbooks: tuple[Path, ...], fmt: str, strict_mode: bool, annotated: Path | None
) -> None:
    """Check WORKBOOKS (default: every lists/*.xlsx) and report every problem by cell.

    \b
    Example:
      sanctions validate lists/kazakhstan.xlsx
      sanctions validate lists/kazakhstan.xlsx --annotate kazakhstan-checked.xlsx
      sanctions validate --format json lists/kazakhstan.xlsx > report.json
    """
    from sanctions.check.validate import validate as run

    paths = find_lists(workbooks)
    if annotated is not None and len(paths) != 1:
        raise click.UsageError("--annotate makes a copy of one workbook: name just one")
    findings: list[Finding] = []
    unreadable = False
    for path in paths:
        try:
            findings.extend(run(path).findings)
        except UnreadableWorkbook as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            unreadable = True
    if strict_mode:
        findings = strict(findings)
    findings = sort_findings(findings)
    if fmt == "json":
        click.echo(render_json(findings))
    else:
        click.echo(render_text(findings, len(paths)))
    if unreadable:
        sys.exit(EXIT_UNREADABLE)
    if annotated is not None:
        _annotate(paths[0], findings, annotated)
    sys.exit(EXIT_ERRORS if any(f.severity == "error" for f in findings) else EXIT_OK)


@cli.command()
@click.argument("workbooks", nargs=-1, type=click.Path(path_type=Path))
@exports_option("Folder to write into; each list gets a sub-folder named after its workbook.")
@click.option("--only", help="Only these governments, e.g. us,gb (default: all eight).")
@click.option(
    "--draft",
    is_flag=True,
    help="Build drafts: every page says DRAFT, and a missing submitter or date is shown as a "
    "placeholder instead of stopping the export.",
)
@click.option(
    "--date",
    "date",
    metavar="YYYY-MM-DD|today",
    help="Date of the cover letters (default: the submitter sheet's date).",
)
def export(
    workbooks: tuple[Path, ...], out: Path, only: str | None, draft: bool, date: str | None
) -> None:
    """Build the entities, one submission package per government and the public list.

    For WORKBOOKS (default: every lists/*.xlsx). Governments: us, gb, eu, ca, ee, lv, lt, au.
    A workbook with validation errors is refused: its report is printed and nothing is written.

    Packages for filing need the submitter sheet's organisation and contact person and a date
    (--date, or date on the submitter sheet); --draft builds them without, marked DRAFT.

    \b
    Example:
      sanctions export lists/belarus.xlsx --date 2026-12-01 --only us,gb
      sanctions export --draft lists/kazakhstan.xlsx
    """
    from sanctions.governments.jurisdictions import ORDER
    from sanctions.model.graph import ModelError
    from sanctions.submit.evidence_copies import EvidenceChanged
    from sanctions.submit.export import NotReady, Refused
    from sanctions.submit.export import export as run

    codes = [c.strip().lower() for c in only.split(",") if c.strip()] if only else None
    unknown = sorted(set(codes or []) - set(ORDER))
    if unknown:
        raise click.UsageError(
            f"unknown government {', '.join(unknown)}; choose from {', '.join(ORDER)}"
        )
    day = iso_date(date)
    paths, status = one_folder_each(find_lists(workbooks))
    for path in paths:
        try:
            target = run(path, out, codes, draft, day)
        except UnreadableWorkbook as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            status = EXIT_UNREADABLE
        except (OutputError, OSError) as exc:
            click.echo(f"error: {path}: not exported: {os_message(exc)}", err=True)
            status = EXIT_UNREADABLE
        except (NotReady, EvidenceChanged) as exc:
            click.echo(f"error: {path}: not exported: {exc}", err=True)
            status = max(status, EXIT_ERRORS)
        except Refused as refused:
            click.echo(render_text(refused.result.errors, 1))
            click.echo(f"error: {path}: not exported: fix the errors above first", err=True)
            status = max(status, EXIT_ERRORS)
        except ModelError as exc:
            click.echo(f"error: {path}: conversion failed, please report this: {exc}", err=True)
            status = max(status, EXIT_ERRORS)
        else:
            click.echo(render_text(sort_findings(target.findings), 1))
            for warning in target.warnings:
                click.echo(f"warning: {warning}", err=True)
            click.echo(f"{path}: wrote {target.folder}")
    sys.exit(status)


@cli.command()
@click.argument("workbooks", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--against",
    "sources",
    multiple=True,
    required=True,
    metavar="SOURCE",
    help="FtM entities file (JSON lines, plain or .gz) or https URL; repeat for several.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=0.7,
    show_default=True,
    help="Lowest logic-v2 score reported as a match.",
)
@format_option
@exports_option("Exports folder: writes <out>/<list>/screening.json and gap-matrix.xlsx.")
@click.option(
    "--cache",
    type=click.Path(path_type=Path),
    help="Folder for downloaded sources (default: ~/.cache/sanctions or $SANCTIONS_CACHE).",
)
@click.option(
    "--max-size",
    default="8GB",
    show_default=True,
    metavar="SIZE",
    help="Largest source accepted, downloaded and decompressed (e.g. 500MB, 20GB).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1, None),
    default=1800,
    show_default=True,
    metavar="SECONDS",
    help="Longest a download may take as a whole.",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="No progress on the terminal (warnings and errors only)."
)
def screen(
    workbooks: tuple[Path, ...],
    sources: tuple[str, ...],
    threshold: float,
    fmt: str,
    out: Path,
    cache: Path | None,
    max_size: str,
    timeout: float,
    quiet: bool,
) -> None:
    """Find which persons of WORKBOOKS are already sanctioned, and by whom.

    Scores every person who is not withdrawn against the reference data with nomenklatura's
    logic-v2, reports matches with the sanctions that name them, and prints the gap matrix
    (person x government: designated, proposed in this workbook, or neither). The next
    `sanctions export` cites these designations in each package.

    \b
    Example:
      sanctions screen lists/kazakhstan.xlsx --against sanctions.ftm.json
      sanctions screen --against https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json
    """
    from sanctions.common.progress import Progress
    from sanctions.screen.download import Limits
    from sanctions.screen.run import ScreenError, load_sources

    limits = Limits(parse_size(max_size), timeout)
    steps = Progress.on_terminal(quiet)
    paths, status = one_folder_each(find_lists(workbooks))
    try:
        reference, provenance = load_sources(
            list(sources),
            cache,
            _progress if steps.enabled else None,
            _warn,
            limits,
            _waiting if steps.enabled else None,
            steps,
        )
    except ScreenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    found = _screen_lists(paths, reference, provenance, threshold, fmt, out, steps)
    sys.exit(max(status, found))


def _screen_lists(
    paths: list[Path],
    reference: Reference,
    provenance: list[dict[str, str]],
    threshold: float,
    fmt: str,
    out: Path,
    steps: Progress,
) -> int:
    """Screen each workbook, reporting as it goes; the exit status of the worst one."""
    from sanctions.check.validate import validate as run
    from sanctions.screen.report import render
    from sanctions.screen.run import screen_list

    status = EXIT_OK
    records: list[bytes] = []
    for path in paths:
        try:
            with steps.step(f"checking {path.name}"):
                result = run(path)
        except UnreadableWorkbook as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            status = EXIT_UNREADABLE
            continue
        if result.errors:
            click.echo(render_text(result.errors, 1), err=True)
            click.echo(f"error: {path}: not screened: fix the errors above first", err=True)
            status = max(status, EXIT_ERRORS)
            continue
        try:
            done = screen_list(result, path, reference, threshold, provenance, out, steps)
        except (OutputError, OSError) as exc:
            click.echo(f"error: {path}: not screened: {os_message(exc)}", err=True)
            status = EXIT_UNREADABLE
            continue
        click.echo(f"wrote {' and '.join(str(p) for p in done.written)}", err=True)
        if fmt == "json":
            records.append(done.record)
        else:
            click.echo(render(path, done.screening, done.matrix, reference))
    if fmt == "json" and records:
        if len(records) == 1:
            sys.stdout.buffer.write(records[0])
        else:
            merged = [orjson.loads(r) for r in records]
            sys.stdout.buffer.write(orjson.dumps(merged, option=orjson.OPT_INDENT_2) + b"\n")
    return status


def _annotate(workbook: Path, findings: list[Finding], out: Path) -> None:
    from sanctions.check.annotate import AnnotateError, annotate

    try:
        annotate(workbook, findings, out)
    except AnnotateError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    marked = sum(1 for f in findings if f.cell is not None)
    click.echo(f"wrote {out}: {marked} cells marked; open it beside {workbook.name}", err=True)


def _progress(url: str) -> tuple[Callable[[int | None], Callable[[int], None]], Callable[[], None]]:
    """A progress bar on standard error for one download (a line when the size is not given)."""
    bars = []

    def start(total: int | None) -> Callable[[int], None]:
        if total is None:
            click.echo(f"downloading {url} (size not given) ...", err=True)
            return lambda n: None
        bar = click.progressbar(length=total, label=f"downloading {url}", file=sys.stderr)
        bars.append(bar)
        return bar.update

    def finish() -> None:
        for bar in bars:
            bar.render_finish()

    return start, finish


def _waiting(message: str) -> None:
    """Say what the run waits for, on a terminal only (a log wants no chatter)."""
    if sys.stderr.isatty():
        click.echo(message, err=True)


SIZE_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12}


def parse_size(text: str) -> int:
    """``500MB`` -> 500,000,000; a bad size is a usage error."""
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?b?)\s*", text.lower())
    if match is None or match.group(2) not in SIZE_UNITS:
        raise click.BadParameter(
            f"{text!r} is not a size such as 500MB or 20GB", param_hint="--max-size"
        )
    return int(float(match.group(1)) * SIZE_UNITS[match.group(2)])


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def template(path: Path, force: bool) -> None:
    """Write an empty editor's workbook to PATH, generated from schemas/.

    \b
    Example:
      sanctions template lists/belarus.xlsx
    """
    from sanctions.workbook.template import write_template

    if path.exists() and not force:
        click.echo(f"error: {path} already exists; use --force to overwrite it", err=True)
        sys.exit(EXIT_UNREADABLE)
    write_template(path)
    click.echo(f"wrote {path}")


@cli.command()
@click.option(
    "--out", type=click.Path(path_type=Path), help="Write to this file instead of stdout."
)
def docs(out: Path | None) -> None:
    """Print the workbook reference (sheets, columns, vocabularies, finding codes) as Markdown.

    \b
    Example:
      sanctions docs --out docs/workbook.md
    """
    from sanctions.check.docs import workbook_reference
    from sanctions.common.files import write_text

    text = workbook_reference()
    if out is None:
        click.echo(text, nl=False)
    else:
        write_text(out, text)
        click.echo(f"wrote {out}")


# Commands kept in modules of their own, registered here so that `sanctions --help` lists them.
from sanctions.cli.evidence import evidence  # noqa: E402
from sanctions.cli.release import diff, release  # noqa: E402
from sanctions.cli.report import report  # noqa: E402
from sanctions.cli.status import status  # noqa: E402

for command in (diff, release, status, evidence, report):
    cli.add_command(command)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_UNREADABLE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_UNREADABLE)
    except SpecError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except (OutputError, OSError) as exc:
        click.echo(f"error: {os_message(exc)}", err=True)
        sys.exit(EXIT_UNREADABLE)
