"""The layout read from schemas/: what a broken schema is refused for."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sanctions.common.data import PROJECT_DIR, SpecError
from sanctions.workbook.layout import load_layout


def _schemas(tmp_path: Path) -> Path:
    folder = tmp_path / "schemas"
    shutil.copytree(PROJECT_DIR / "schemas", folder)
    shutil.copytree(PROJECT_DIR / "jurisdictions", tmp_path / "jurisdictions")
    return folder


def test_every_column_s_sources_cite_evidence() -> None:
    """A column's ``sources`` names the column of its row citing its evidence: the birth date's
    sources are the identity evidence, a description's the row's evidence."""
    persons = load_layout().sheet("persons")
    assert persons.column("birth_date").sources == "identity_evidence_ids"
    assert persons.column("exculpatory").sources == "exculpatory_evidence_ids"
    assert load_layout().sheet("involvement").column("description").sources == "evidence_ids"


def test_sources_naming_a_column_that_cites_no_evidence_is_refused(tmp_path: Path) -> None:
    folder = _schemas(tmp_path)
    path = folder / "persons.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "sources: exculpatory_evidence_ids", "sources: summary"
        ),
        encoding="utf-8",
    )
    with pytest.raises(SpecError, match="exculpatory: sources names 'summary'"):
        load_layout(folder)
