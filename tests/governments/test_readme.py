"""The README's tables of governments are made from their files: a government added, removed or
changed without `make docs` fails here."""

from __future__ import annotations

import pytest

from sanctions.common.data import SpecError
from sanctions.governments.readme import arguments_table, governments_table, refreshed
from sanctions.governments.registry import load
from tests.conftest import REPO


def test_the_readme_names_every_government_as_its_file_does() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert refreshed(text) == text, "run `make docs`: the README's tables are out of date"
    for code, j in load().items():
        assert f"| `{code}` | {j.name} |" in governments_table()
    assert "| Switzerland | Why Switzerland should take over this listing |" in arguments_table()


def test_a_readme_without_the_marked_table_is_refused() -> None:
    with pytest.raises(SpecError, match="<!-- governments -->"):
        refreshed("# A guide with no tables\n")
