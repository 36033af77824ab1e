"""`sanctions status`: placeholder while the command is being built."""

from __future__ import annotations

import click


@click.command()
def status() -> None:
    """Which government each target was sent to, and what came of it."""
