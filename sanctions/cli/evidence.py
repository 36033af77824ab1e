"""`sanctions evidence`: placeholder while the commands are being built."""

from __future__ import annotations

import click


@click.group()
def evidence() -> None:
    """Check evidence links and local evidence files."""
