"""Where the project's data lives (``schemas/``, ``jurisdictions/``, ``templates/``) and how its
YAML files are read.

The three folders sit side by side at the top of a checkout; ``$SANCTIONS_SCHEMAS`` points at
another ``schemas/`` folder, and the other two are looked for beside it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]


def schemas_dir() -> Path:
    """The ``schemas/`` folder: beside the package in a checkout, or named by $SANCTIONS_SCHEMAS."""
    env = os.environ.get("SANCTIONS_SCHEMAS")
    if env:
        return Path(env)
    return PROJECT_DIR / "schemas"


def jurisdictions_dir() -> Path:
    return schemas_dir().parent / "jurisdictions"


def templates_dir() -> Path:
    return schemas_dir().parent / "templates"


def read_yaml(path: Path) -> Any:
    """A YAML data file, parsed by libyaml when PyYAML has it (ten times faster at start-up)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)
