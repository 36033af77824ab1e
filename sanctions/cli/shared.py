"""What every command shares: exit codes, the common options, finding the workbooks, and
one-line messages for file-system errors."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from sanctions.check.validate import Result

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


def validated_or_exit(path: Path, refusal: str) -> Result:
    """The workbook validated; an unreadable one exits 2 with one line, one with errors exits 1
    after its report and "<path>: <refusal>: fix the errors above first"."""
    from sanctions.check.findings import render_text
    from sanctions.check.validate import validate
    from sanctions.workbook.gate import UnreadableWorkbook

    try:
        result = validate(path)
    except UnreadableWorkbook as exc:
        click.echo(f"error: {path}: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if result.errors:
        click.echo(render_text(result.errors, 1))
        click.echo(f"error: {path}: {refusal}: fix the errors above first", err=True)
        sys.exit(EXIT_ERRORS)
    return result


def unsafe_file_target(target: Path, workbook: Path, suffixes: tuple[str, ...]) -> str | None:
    """Why a command may not write its file at ``target``, or None: the workbook itself, the
    editors' folder, a list's public folder or a release, a folder, or the wrong kind of file."""
    from sanctions.governments.list_folder import protected_place

    if target.exists() and target.resolve() == workbook.resolve():
        return f"{target} is the workbook itself; choose another file"
    if target.is_dir():
        return f"{target} is a folder; give a file name"
    if target.suffix.lower() not in suffixes:
        return f"{target}: the file's name must end in {' or '.join(suffixes)}"
    reason = protected_place(target)
    return f"{target}: {reason}" if reason is not None else None


def one_folder_each(paths: list[Path]) -> tuple[list[Path], int]:
    """Refuse workbooks whose lists would share an output folder; the rest go on."""
    from sanctions.governments.list_folder import shared_folders

    clashes = shared_folders(paths)
    for name, clashing in clashes.items():
        names = " and ".join(str(p) for p in clashing)
        click.echo(
            f"error: {names} would all write the list folder '{name}'; rename one of them",
            err=True,
        )
    refused = {p for clashing in clashes.values() for p in clashing}
    return [p for p in paths if p not in refused], EXIT_UNREADABLE if refused else EXIT_OK


def os_message(exc: Exception) -> str:
    """One line for a file-system error: the path and the reason, without a traceback."""
    if isinstance(exc, OSError) and exc.strerror:
        where = exc.filename if exc.filename is not None else ""
        return f"{where}: {exc.strerror}" if where else exc.strerror
    return str(exc)
