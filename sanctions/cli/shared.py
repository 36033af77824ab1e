"""What every command shares: exit codes and how a failure is said, the common options, and
finding the workbooks.

A command parses its options, calls one library function per use case and prints what it
returns. Every error an editor can cause is a ``ToolError`` (or an ``OSError``) raised where
it is found; ``say_failure`` is the one place that turns it into a line and an exit status, for
a step on one workbook (``Outcome.step``, which lets a command go on to the next workbook) and
for the whole command (``sanctions.cli.main``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from sanctions.common.errors import ToolError

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
F = TypeVar("F", bound=Callable[..., Any])

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report for people (text) or for scripts (json).",
)


def exports_option(help: str) -> Callable[[F], F]:
    """``--out``: the exports folder that export writes and screen writes beside."""
    return click.option(
        "--out",
        type=click.Path(path_type=Path),
        default=Path("exports"),
        show_default=True,
        help=help,
    )


def os_message(exc: Exception) -> str:
    """One line for a file-system error: the path and the reason, without a traceback."""
    if isinstance(exc, OSError) and exc.strerror:
        where = exc.filename if exc.filename is not None else ""
        return f"{where}: {exc.strerror}" if where else exc.strerror
    return str(exc)


def say_failure(
    exc: ToolError | OSError, path: Path | None = None, step: str = "", details_err: bool = False
) -> int:
    """Say what went wrong, ``error: <workbook>: <step refused>: <why>`` (after the findings
    of a refused workbook, on standard output unless ``details_err``: a command whose standard
    output is data), and give the exit status it means."""
    where = f"{path}: " if path is not None else ""
    if isinstance(exc, ToolError):
        if exc.details:
            click.echo(exc.details, err=details_err)
        refused = f"{step}: " if step and not exc.plain else ""
        click.echo(f"error: {where}{refused}{exc}", err=True)
        return exc.exit_status
    refused = f"{step}: " if step else ""
    click.echo(f"error: {where}{refused}{os_message(exc)}", err=True)
    return EXIT_UNREADABLE


@dataclass
class Outcome:
    """The exit status of a command that works through several workbooks: the worst so far."""

    status: int = EXIT_OK
    details_err: bool = False  # the findings of a refused workbook go to standard error

    @contextmanager
    def step(self, path: Path | None, refused: str = "") -> Iterator[None]:
        """Run one workbook's step; a failure is said and counted, and the command goes on.
        ``refused``: what did not happen, as the message says it (``not exported``)."""
        try:
            yield
        except (ToolError, OSError) as exc:
            self.fail(say_failure(exc, path, refused, self.details_err))

    def fail(self, status: int) -> None:
        self.status = max(self.status, status)


def iso_date(given: str | None) -> str | None:
    """--date as an ISO date; ``today`` only when asked, so that builds stay reproducible."""
    if given is None:
        return None
    if given == "today":
        return dt.date.today().isoformat()
    try:
        return dt.date.fromisoformat(given).isoformat()
    except ValueError as exc:
        message = f"{given!r} is not a date like 2026-11-30"
        raise click.BadParameter(message, param_hint="--date") from exc


def find_lists(given: tuple[Path, ...]) -> list[Path]:
    """The workbooks named, or every lists/*.xlsx; Office lock files are skipped with a note."""
    from sanctions.workbook.discover import describe_lock, find_workbooks

    paths, locks = find_workbooks(given)
    for lock in locks:
        click.echo(f"note: skipped {describe_lock(lock)}", err=True)
    if not paths:
        raise click.UsageError("no workbook given and none found in lists/")
    return paths


def one_list(given: Path | None, purpose: str) -> Path:
    """The workbook named, or the only one in lists/; several there must be told apart.
    ``purpose`` completes "name the one to …"."""
    paths = find_lists((given,) if given is not None else ())
    if len(paths) > 1:
        names = ", ".join(str(p) for p in paths)
        raise click.UsageError(
            f"lists/ holds several workbooks ({names}); name the one to {purpose}"
        )
    return paths[0]


def one_folder_each(paths: list[Path], outcome: Outcome) -> list[Path]:
    """Refuse workbooks whose lists would share an output folder; the rest go on."""
    from sanctions.common.places import shared_folders

    clashes = shared_folders(paths)
    for name, clashing in clashes.items():
        names = " and ".join(str(p) for p in clashing)
        click.echo(
            f"error: {names} would all write the list folder '{name}'; rename one of them",
            err=True,
        )
        outcome.fail(EXIT_UNREADABLE)
    refused = {p for clashing in clashes.values() for p in clashing}
    return [p for p in paths if p not in refused]


def warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def note(message: str) -> None:
    click.echo(f"note: {message}", err=True)


class GovernmentsHelp(click.Command):
    """A command whose help names the governments: read from ``jurisdictions/`` when the help
    is shown, not at every start."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from sanctions.governments.registry import load

        listed = ", ".join(f"{code} ({j.name})" for code, j in load().items())
        original = self.help
        self.help = (original or "").replace("{governments}", listed)
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = original


class Finite(click.FloatRange):
    """click's FloatRange without "nan" and "inf", which Python's float() reads and every
    comparison with a bound lets through: a threshold of nan dropped every match silently,
    and a timeout of nan ended in a traceback. Every number option of the tool is one."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a number; give one like 0.7", param, ctx)
        return number
