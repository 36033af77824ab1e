"""`sanctions screen`: which persons of a list are already sanctioned, and by whom."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click
import orjson

from sanctions.cli.shared import (
    EXIT_UNREADABLE,
    Finite,
    Outcome,
    exports_option,
    find_lists,
    format_option,
    one_folder_each,
    warn,
)

if TYPE_CHECKING:  # imported where used: `--help` stays fast
    from sanctions.common.progress import Progress
    from sanctions.screen.download import Limits

# The largest file a download may bring (and a compressed one unpack to): shared by `screen`
# and `reference download`.
MAX_SIZE = click.option(
    "--max-size",
    default="8GB",
    show_default=True,
    metavar="SIZE",
    help="Largest file accepted, downloaded and decompressed (e.g. 500MB, 20GB).",
)


@click.command()
@click.argument("workbooks", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--against",
    "sources",
    multiple=True,
    required=True,
    metavar="SOURCE",
    help="The sanctions data to compare with: a file you downloaded (the OpenSanctions "
    "'entities.ftm.json' file, compressed or not) or its web address; repeat for several.",
)
@click.option(
    "--threshold",
    type=Finite(0.0, 1.0),
    default=0.7,
    show_default=True,
    help="How alike (0 to 1) a listed person must be to be reported as a possible match.",
)
@format_option
@exports_option("Exports folder: writes <out>/<list>/screening.json and gap-matrix.xlsx.")
@click.option(
    "--cache",
    type=click.Path(path_type=Path),
    help="Folder for downloaded sources and the scores kept from earlier screenings "
    "(default: ~/.cache/sanctions or $SANCTIONS_CACHE).",
)
@MAX_SIZE
@click.option(
    "--timeout",
    type=Finite(1, None),
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

    Compares every person who is not withdrawn (names in any spelling or script, birth dates,
    nationalities) with the people in the sanctions data, reports who may be the same person
    and which governments list them, and prints a table of each person against each
    government: designated, proposed in this workbook, or neither. The next `sanctions
    export` cites these designations in each package. No internet on this computer? See
    "Screening on a computer without internet" in the README.

    \b
    Example:
      sanctions screen lists/kazakhstan.xlsx --against sanctions.ftm.json
      sanctions screen --against https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json
    """
    from sanctions.common.progress import Progress
    from sanctions.screen.ahead import scoring_ahead
    from sanctions.screen.download import Limits

    limits = Limits(parse_size(max_size), timeout)
    steps = Progress.on_terminal(quiet)
    outcome = Outcome(details_err=True)
    paths = one_folder_each(find_lists(workbooks), outcome)
    # the scorer is made ready on the other core while the data is read and the lists checked
    with scoring_ahead():
        _screen_all(paths, sources, threshold, fmt, out, cache, limits, steps, outcome)


def _screen_all(
    paths: list[Path],
    sources: tuple[str, ...],
    threshold: float,
    fmt: str,
    out: Path,
    cache: Path | None,
    limits: Limits,
    steps: Progress,
    outcome: Outcome,
) -> None:
    from sanctions.check.validate import validated
    from sanctions.screen.kept import KeptScores
    from sanctions.screen.report import render
    from sanctions.screen.run import load_sources, screen_list

    with outcome.step(None):
        reference, provenance = load_sources(
            list(sources),
            cache,
            _progress if steps.enabled else None,
            warn,
            limits,
            _waiting if steps.enabled else None,
            steps,
        )
    if outcome.status:
        sys.exit(EXIT_UNREADABLE)
    records: list[bytes] = []
    kept = KeptScores(cache)
    for path in paths:
        with outcome.step(path, "not screened"):
            with steps.step(f"checking {path.name}"):
                result = validated(path)
            done = screen_list(result, path, reference, threshold, provenance, out, steps, kept)
            click.echo(f"wrote {' and '.join(str(p) for p in done.written)}", err=True)
            if fmt == "json":
                records.append(done.record)
            else:
                click.echo(render(path, done.screening, done.matrix, reference))
    kept.close()
    if kept.problem:
        warn(kept.problem)
    if fmt == "json" and records:
        if len(records) == 1:
            sys.stdout.buffer.write(records[0])
        else:
            merged = [orjson.loads(r) for r in records]
            sys.stdout.buffer.write(orjson.dumps(merged, option=orjson.OPT_INDENT_2) + b"\n")
    sys.exit(outcome.status)


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
