"""The two kinds of problem a command reports to the editor in words, never with a traceback,
and the exit status each gives.

Every error a user can cause is one of these, raised where it is found; the command line has one
place (``sanctions.cli.shared.failures``) that says it and exits. Anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

from typing import ClassVar


class ToolError(Exception):
    """A problem the editor can act on. ``details`` is printed before the one-line message
    (the findings of a workbook that is refused, say)."""

    exit_status: ClassVar[int] = 2
    # The message names the problem whole: it is said without the step that was refused
    # ("error: <file>: <message>" rather than "error: <file>: not exported: <message>").
    plain: ClassVar[bool] = False

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


class InputError(ToolError):
    """What was given cannot be used: an unreadable file, a refused place to write, a bad
    option or data file. Exit status 2."""

    exit_status = 2


class ListNotReady(ToolError):
    """The list is readable but not ready for this step: validation errors, what a filing copy
    lacks, a changed evidence copy. Exit status 1."""

    exit_status = 1
