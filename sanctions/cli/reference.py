"""`sanctions reference download`: the sanctions data to screen with, for a computer without
internet (see the README, "Screening on a computer without internet")."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sanctions.cli.screen import MAX_SIZE, _progress, parse_size
from sanctions.cli.shared import EXIT_UNREADABLE, Finite


@click.group()
def reference() -> None:
    """The sanctions data that `sanctions screen` compares a list with."""


@reference.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option(
    "--url",
    metavar="URL",
    help="Another file to download (default: OpenSanctions' consolidated sanctions data).",
)
@MAX_SIZE
@click.option(
    "--timeout",
    type=Finite(1, None),
    default=3600,
    show_default=True,
    metavar="SECONDS",
    help="Longest this run may take; a download that stops is continued by the next run.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def download(
    file: Path | None, url: str | None, max_size: str, timeout: float, quiet: bool
) -> None:
    """Download the sanctions data into FILE (default: the screen's own cache on this computer).

    Run it on a computer with internet, carry FILE to the one without (a USB stick, a shared
    drive), and screen there with `sanctions screen --against FILE`. The file is checked
    against the size and checksum its publisher gives; a download that breaks off is kept
    and continued by the next run.

    \b
    Example:
      sanctions reference download sanctions-data.ftm.json
      sanctions screen lists/belarus.xlsx --against sanctions-data.ftm.json
    """
    from sanctions.common.places import refuse_file
    from sanctions.screen.download import DownloadError, Limits
    from sanctions.screen.offline import DEFAULT_URL, RESOURCE
    from sanctions.screen.offline import download as run

    if file is not None and file.is_dir():
        file = file / RESOURCE
    if file is not None:
        refuse_file(file, (".json", ".gz"))
    limits = Limits(parse_size(max_size), timeout)
    address = url or DEFAULT_URL
    start, finish = _progress(address)
    try:
        done = run(file, address, limits, None if quiet else start)
    except DownloadError as exc:
        finish()
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    finish()
    kept = f" (continued from {done.resumed:,} bytes)" if done.resumed else ""
    click.echo(
        f"wrote {done.path}: {done.size:,} bytes{kept}; {done.checked}; SHA-256 {done.sha256}"
    )
    if file is not None:
        click.echo(f"screen with it: sanctions screen lists/<your list>.xlsx --against {done.path}")
