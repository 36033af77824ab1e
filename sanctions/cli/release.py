"""`sanctions diff` and `sanctions release`: placeholder while the commands are being built."""

from __future__ import annotations

import click


@click.command()
def diff() -> None:
    """Compare two versions of a list."""


@click.command()
def release() -> None:
    """Make a release of a list."""
