"""Progress of the long steps of a run, on a terminal only.

A screen of a large source spends minutes downloading, reading and scoring; a person at a
terminal should see which step it is in and how far it has got. A log file, a pipe or a
script (or ``--quiet``) gets none of this: standard error is for warnings and errors there.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO, TypeVar

import click

T = TypeVar("T")


@dataclass
class Progress:
    """Says what the run is doing, if ``enabled``."""

    enabled: bool = False
    stream: TextIO = field(default_factory=lambda: sys.stderr)

    @classmethod
    def on_terminal(cls, quiet: bool = False) -> Progress:
        """Enabled when standard error is a terminal and the user did not ask for quiet."""
        return cls(enabled=not quiet and sys.stderr.isatty())

    @contextmanager
    def step(self, label: str) -> Iterator[None]:
        """``label ...`` when the step starts, and its time when it ends."""
        if not self.enabled:
            yield
            return
        start = time.perf_counter()
        click.echo(f"{label} ...", file=self.stream, nl=False)
        try:
            yield
        finally:
            click.echo(f" {time.perf_counter() - start:.1f} s", file=self.stream)

    def each(self, items: Sequence[T], label: str) -> Iterator[T]:
        """The items, with a progress bar while they are worked through."""
        if not self.enabled or not items:
            yield from items
            return
        with click.progressbar(items, label=label, file=self.stream) as bar:
            yield from bar
