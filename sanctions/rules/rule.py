"""A rule: what a problem is called, how bad it is, what it means and how its message reads.

The code is stable and dotted (``date.invalid``) so that scripts can rely on it; the message is
a template for people, filled in by the check that found the problem (``{column}``,
``{value}`` … as the check names them), and may be reworded. Where a rule is checked depends on
its kind (a column's cells, the sheets together, the workbook's structure), so each kind adds
its ``check`` in a subclass beside the code that runs it; the wording stays here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sanctions.rules.finding import Finding, Severity


@dataclass(frozen=True, eq=False)
class Rule:
    """One kind of problem. Compared and hashed by identity: each rule is made once."""

    code: str
    severity: Severity
    meaning: str  # one sentence for docs/workbook.md
    message: str  # a str.format template over the fields its check gives

    def finding(
        self,
        file: str,
        sheet: str | None,
        /,
        *,
        cell: str | None = None,
        row: int | None = None,
        column: str | None = None,
        value: str | None = None,
        message: str | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding of this rule, its message filled in with ``fields`` (or already worded,
        as ``message``, by a rule that words its own). The place is given apart from the words:
        a message may say ``{sheet}`` without it being where the finding is; a column's name in
        a message is ``{header}``."""
        return Finding(
            self.severity,
            self.code,
            file,
            sheet,
            cell,
            row,
            column,
            value,
            message if message is not None else self.message.format(**fields),
        )
