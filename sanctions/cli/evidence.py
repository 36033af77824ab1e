"""``sanctions evidence``: check the evidence links (and archive them), hash the local copies.

The work is in ``sanctions/evidence/``, imported when a command runs so that other commands
start as fast as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
import orjson

from sanctions.cli.shared import (
    EXIT_ERRORS,
    EXIT_UNREADABLE,
    Finite,
    Outcome,
    find_lists,
    format_option,
    note,
    one_list,
    os_message,
)


@click.group()
def evidence() -> None:
    """Check evidence links and local evidence files."""


@evidence.command()
@click.argument("workbooks", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--archive",
    is_flag=True,
    help="Also ask the Internet Archive to save a copy of each working link. Off by default: "
    "it tells a third party what the list cites (links of confidential evidence never are).",
)
@click.option(
    "--timeout",
    type=Finite(0.1, None),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait for a site to connect, and for each answer.",
)
@format_option
def check(workbooks: tuple[Path, ...], archive: bool, timeout: float, fmt: str) -> None:
    """Check every url and archive_url of the evidence sheet of WORKBOOKS (default: every
    lists/*.xlsx), and keep the results beside each workbook in <name>.links.json.

    Each link is ok, dead (gone: 404, 410, no such site), unreachable (down, slow, or needs a
    login: check again later) or refused (not an http or https address, or redirected to one).
    For a dead link the report gives the Internet Archive's closest copy to add as archive_url.
    From then on `sanctions validate` reports dead links as errors (warnings when an
    archive_url is recorded) until the links work again or are archived.

    Exit status: 1 when a link is dead with no archived copy recorded, or refused; 2 when a
    workbook cannot be read, or no link could be reached (offline: nothing is recorded).

    \b
    Example:
      sanctions evidence check lists/kazakhstan.xlsx
      sanctions evidence check lists/kazakhstan.xlsx --archive
    """
    from sanctions.evidence.linkcheck import check_workbook_links
    from sanctions.evidence.report import records, render_text

    outcome = Outcome()
    found: list[dict[str, object]] = []
    for path in find_lists(workbooks):
        with outcome.step(path):
            checked = check_workbook_links(path, timeout, archive)
            for said in checked.notes:
                note(said)
            if checked.offline:
                click.echo(
                    f"error: {path}: no link could be reached (is this computer offline?); "
                    "nothing was checked and nothing recorded: run it again with a connection",
                    err=True,
                )
                outcome.fail(EXIT_UNREADABLE)
                continue
            if fmt == "json":
                found.extend(records(checked))
            else:
                click.echo(render_text(checked))
            if checked.failed:
                outcome.fail(EXIT_ERRORS)
            if checked.unsaved is not None:
                message = os_message(checked.unsaved)
                click.echo(f"error: {checked.cache}: results not kept: {message}", err=True)
                outcome.fail(EXIT_UNREADABLE)
            else:
                click.echo(f"wrote {checked.cache}", err=True)
    if fmt == "json":
        option = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
        click.echo(orjson.dumps(found, option=option).decode())
    sys.exit(outcome.status)


@evidence.command("hash")
@click.argument("workbook", required=False, type=click.Path(path_type=Path))
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    metavar="COPY.xlsx",
    help="The copy to write, outside lists/ (the workbook itself is never written to).",
)
def hash_files(workbook: Path | None, out: Path) -> None:
    """Write the SHA-256 of each local evidence file that has none recorded into a copy of
    WORKBOOK (default: the one workbook in lists/).

    The files are those named in the file column, in the folder beside the workbook named
    after it: lists/kazakhstan.xlsx keeps them in lists/kazakhstan-evidence/. A hash already
    recorded is never changed, even when the file differs (`sanctions validate` reports that).
    Check the copy, then put it in place of the workbook.

    \b
    Example:
      sanctions evidence hash lists/kazakhstan.xlsx --out kazakhstan-hashed.xlsx
    """
    from sanctions.evidence.hashing import write_hashes

    path = one_list(workbook, "copy")
    outcome = Outcome()
    with outcome.step(path, "no copy written"):
        done = write_hashes(path, out)
        if not done.folder_exists:
            note(f"there is no evidence folder {done.folder}; nothing to hash")
        left = [
            (done.recorded, "already had a hash: left unchanged"),
            (done.missing, "not in the evidence folder"),
            (done.refused, "refused (outside the folder, or a symbolic link)"),
        ]
        for count, why in left:
            if count:
                note(f"{count} {'file' if count == 1 else 'files'} {why}")
        noun = "hash" if done.written == 1 else "hashes"
        click.echo(
            f"wrote {out}: {done.written} {noun} written; check it, then use it in place of {path}"
        )
    sys.exit(outcome.status)
