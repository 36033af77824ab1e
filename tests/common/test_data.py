"""The project's data files: read by libyaml, and refused by name when broken or missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions.common.data import SpecError, read_yaml


def test_a_data_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text("court:\n  person: [gov.judicial]\n", encoding="utf-8")
    assert read_yaml(path) == {"court": {"person": ["gov.judicial"]}}


def test_a_missing_data_file_is_named_with_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    folder.mkdir()
    with pytest.raises(SpecError, match=r"schemas/given_names\.yaml: missing from .*schemas"):
        read_yaml(folder / "given_names.yaml")


def test_a_broken_data_file_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    path.write_text("roles:\n  - [unclosed\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"roles\.yaml, line \d+, column \d+: not valid YAML"):
        read_yaml(path)
