from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    """An editors' folder to keep a workbook and its evidence folder in."""
    folder = tmp_path / "lists"
    folder.mkdir()
    return folder
