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


def test_a_column_is_looked_for_in_its_copies_as_what_it_is() -> None:
    """A date as a date, a place and a victim as names, an ID number by its letters and
    digits, prose by the words it quotes; a column without sources not at all."""
    layout = load_layout()
    found = {
        (sheet.name, col.name): col.found_as
        for sheet in layout.sheets
        for col in sheet.columns
        if col.found_as
    }
    assert found[("incidents", "date")] == "date"
    assert found[("incidents", "victims")] == "name"
    assert found[("persons", "birth_place")] == "place"
    assert found[("persons", "id_numbers")] == "number"
    assert found[("involvement", "description")] == "quoted"
    assert ("persons", "name") not in found


@pytest.mark.parametrize(
    ("old", "new", "refused"),
    [
        ("    found_as: place\n", "    found_as: town\n", "found_as 'town' is none of"),
        (
            "    sources: identity_evidence_ids\n    found_as: place\n",
            "    found_as: place\n",
            "birth_place: found_as without sources",
        ),
    ],
)
def test_a_broken_found_as_is_refused(tmp_path: Path, old: str, new: str, refused: str) -> None:
    folder = _schemas(tmp_path)
    path = folder / "persons.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(SpecError, match=refused):
        load_layout(folder)
