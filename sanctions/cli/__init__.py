"""The ``sanctions`` command. Exit codes: 0 fine, 1 validation errors (or a list not ready for
the step), 2 unreadable input or misuse, 130 stopped with Ctrl-C.

Each command lives in a module of its own, parses its options, calls the library function of
its use case and prints what it returns; errors are said in one place (``shared.say_failure``).
"""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import Any

import click

from sanctions import __version__
from sanctions.cli.check import docs, template, validate
from sanctions.cli.evidence import evidence
from sanctions.cli.export import export
from sanctions.cli.reference import reference
from sanctions.cli.release import diff, release
from sanctions.cli.report import report
from sanctions.cli.screen import screen
from sanctions.cli.shared import say_failure
from sanctions.cli.status import status
from sanctions.common.errors import ToolError


class Sanctions(click.Group):
    """The command group, which says an error a command lets through in one line and exits
    with its status; click says its own (a usage error exits 2)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (ToolError, OSError) as exc:
            ctx.exit(say_failure(exc))


@click.group(cls=Sanctions, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sanctions")
def cli() -> None:
    """Check and prepare lists of officials responsible for human-rights abuses."""


for command in (
    validate,
    export,
    screen,
    reference,
    template,
    docs,
    diff,
    release,
    status,
    evidence,
    report,
):
    cli.add_command(command)


class Interrupted(BaseException):
    """Ctrl-C, raised where ``KeyboardInterrupt`` would be. click turns a KeyboardInterrupt
    into "Aborted!" and status 1, the status of a list with errors; an editor who stops an
    export should learn that it stopped and that the last complete outputs are kept."""


_ASKED: list[int] = []  # a Ctrl-C came, even if the Interrupted raised for it was swallowed


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # once: a second Ctrl-C while the first unwinds (its outputs cleared away, its helpers
    # ended) would cut that short, with a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _ASKED.append(signum)
    raise Interrupted


STOPPED = (
    "stopped: nothing was left half-written; each output is as the last run that finished "
    "writing it left it"
)


def main() -> None:
    signal.signal(signal.SIGINT, _interrupt)
    try:
        cli.main(prog_name="sanctions")
    except Interrupted:
        # every output is written to a temporary name and moved into place whole (``common/
        # outputs``), so a stopped run leaves none half-written
        click.echo(STOPPED, err=True)
        sys.exit(130)
    except SystemExit:
        # Python ignores an exception raised where nothing can catch it (a callback of the
        # system's, a finaliser): the run went on to its end, but the editor asked it to stop
        if _ASKED:
            click.echo(STOPPED, err=True)
            sys.exit(130)
        raise
