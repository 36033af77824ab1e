"""Each government's required arguments: filled from the workbook where the editor wrote them,
otherwise a visible placeholder in the document and a line in the notes; never left out. Every
name is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from sanctions.export.run import export
from sanctions.governments import registry as jurisdictions
from sanctions.submit import document as submission
from sanctions.workbook.layout import load_layout
from tests import workbooks
from tests.conftest import run_cli
from tests.governments.test_scope import notes, rows_with, targets
from tests.submit.test_document import export_rows

TORTURE = {
    "incident_id": "I060",
    "title": "Torture of detainees in Example City",
    "date": "2021-03-02",
    "place": "Example City",
    "violation_types": "torture",
}
SPEECH = {
    "incident_id": "I061",
    "title": "Dispersal of a peaceful rally in Example City",
    "date": "2021-05-01",
    "place": "Example City",
    "violation_types": "freedom_of_assembly; freedom_of_expression",
}
OFFICER = {"title": "Officer", "start_date": "2019"}


def after(chapter_lines: list[str], heading: str) -> str:
    """The paragraph after an argument's heading in a chapter: its first line."""
    return chapter_lines[chapter_lines.index(heading) + 1]


def chapter(folder: Path, code: str, name: str) -> list[str]:
    """The paragraphs of one target's chapter: from its heading to the next top heading."""
    doc = Document(str(folder / f"{folder.name}-{code}" / "send" / "submission.docx"))
    found: list[str] = []
    for para in doc.paragraphs:
        if para.style is not None and para.style.name == "Heading 1":
            if found:
                break
            if para.text.endswith(f". {name}"):
                found.append(para.text)
        elif found:
            found.append(para.text)
    assert found, name
    return found


def test_an_empty_argument_is_a_placeholder_and_a_note_and_a_filled_one_is_printed(
    build, tmp_path: Path
) -> None:
    activity = "The detainees had reported on the city's prisons."
    torture = {**TORTURE, "victim_activity": activity}
    rows = rows_with("P060", "Timur Officerov", "perpetrated", torture, OFFICER)
    rows["persons"][0]["impact"] = "Designation would reach the flat he rents in Example Town."
    rows["persons"][-1]["impact"] = ""
    folder = export_rows(build, tmp_path, rows, "us,gb", "--draft")
    filled = chapter(folder, "us", "Arman Testbayev")  # P001, who has an impact argument
    assert (
        after(filled, "National interest and impact")
        == "Designation would reach the flat he rents in Example Town."
    )
    assert not any(p.startswith("[To complete") for p in filled)
    empty = chapter(folder, "us", "Timur Officerov")
    assert after(empty, "National interest and impact").startswith(
        "[To complete before filing: why designating this person"
    )
    us_notes = notes(folder, "us")
    assert "To complete before filing" in us_notes
    line = next(n for n in us_notes.splitlines() if n.startswith("- National interest"))
    assert "Timur Officerov" in line and "Arman Testbayev" not in line
    # The UK's appropriateness rests on the same cell; the victims' activity only supports it.
    gb = chapter(folder, "gb", "Arman Testbayev")
    assert (
        after(gb, "Why designation is appropriate")
        == "Designation would reach the flat he rents in Example Town."
    )
    # Still to be written, the case itself is asked for first, and what supports it follows:
    # the section does not read as written.
    unwritten = chapter(folder, "gb", "Timur Officerov")
    at = unwritten.index("Why designation is appropriate")
    assert unwritten[at + 1].startswith("[To complete before filing: why designating")
    assert activity in unwritten[at + 2]


def test_a_filing_copy_with_an_argument_to_write_is_refused_and_says_which(
    build, tmp_path: Path
) -> None:
    """A filing copy's letter has no placeholder left: the export stops and names what to
    write, for whom; a draft is built with the placeholder."""
    rows = rows_with("P060", "Timur Officerov", "perpetrated", TORTURE, OFFICER)
    rows["persons"][-1]["impact"] = ""
    book = build(rows)
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--only", "us")
    assert proc.returncode == 1
    assert "National interest and impact, for 1 target: Timur Officerov" in proc.stderr
    # where to write it: the person's row and the column
    row = len(rows["persons"]) + 1
    assert f"Timur Officerov (P060: persons sheet, row {row}, column impact)" in proc.stderr
    assert "--draft" in proc.stderr and not (tmp_path / "out" / book.stem).exists()


def test_the_eu_asks_for_the_widespread_character_only_under_its_article_1_1_d_limb(
    build, tmp_path: Path
) -> None:
    rows = rows_with("P060", "Timur Officerov", "perpetrated", TORTURE, OFFICER)
    speech = rows_with("P061", "Dana Dispersova", "perpetrated", SPEECH, OFFICER)
    for sheet in ("persons", "incidents", "involvement", "positions"):
        rows[sheet].append(speech[sheet][-1])
    rows["incidents"][-1]["pattern"] = "The same unit dispersed 40 rallies in 2021."
    rows["incidents"][-2]["pattern"] = ""
    folder = export_rows(build, tmp_path, rows, "eu", "--draft")
    torture = chapter(folder, "eu", "Timur Officerov")
    assert not any("Widespread" in p for p in torture)
    assert any(p.startswith("Responsible (Art. 1(1)(c) violations): ") for p in torture)
    assert not any(p.startswith("Involved") for p in torture)  # one limb for the same act
    speech_chapter = chapter(folder, "eu", "Dana Dispersova")
    assert after(speech_chapter, "Widespread, systematic or of serious concern") == (
        "Dispersal of a peaceful rally in Example City (1 May 2021): "
        "The same unit dispersed 40 rallies in 2021. [1]"  # a fact, cited to its sources
    )
    assert "Widespread" not in notes(folder, "eu")


def timur_only(incident: dict[str, str], person: dict[str, str] | None = None) -> workbooks.Rows:
    """Timur Officerov's torture of detainees, his row and his incident's filled with these
    cells, and the same cells of Arman's (P001, I001) left empty."""
    rows = rows_with("P060", "Timur Officerov", "perpetrated", TORTURE, OFFICER)
    for sheet, cells in (("incidents", incident), ("persons", person or {})):
        rows[sheet][-1].update(cells)
        rows[sheet][0].update(dict.fromkeys(cells, ""))
    return rows


def test_canada_asks_what_the_victims_were_doing(build, tmp_path: Path) -> None:
    """Section 4(2)(a) reaches only violations against people who seek to expose officials'
    wrongdoing or to exercise or defend human rights: an act whose incident does not say what
    its victims were doing is not ready there, rather than a letter with a gap to fill."""
    rows = timur_only(incident={"victim_activity": "A journalist who reported on police abuses."})
    folder = export_rows(build, tmp_path, rows, "ca", "--draft")
    text = chapter(folder, "ca", "Timur Officerov")
    assert after(text, "What the victims sought to do that section 4(2)(a) protects") == (
        "Torture of detainees in Example City (March 2, 2021): "
        "A journalist who reported on police abuses. [1]"
    )
    said = notes(folder, "ca")
    not_ready = said.split("Not ready for Canada", 1)[1].split("\n\n", 1)[0]
    assert (
        "- Arman Testbayev: the sources do not show what the victims were doing that the law "
        "protects (the incident's victim_activity)" in not_ready
    )  # I001 has no activity
    assert "Timur Officerov" not in not_ready and "Victims who" not in said
    assert "Arman Testbayev" not in text


def test_estonia_asks_what_the_violation_resulted_in_and_lithuania_for_the_crime(
    build, tmp_path: Path
) -> None:
    """§ 29 reaches a violation that resulted in death, serious damage to health or a
    politically motivated conviction; Art. 133 a serious or very serious crime. Neither
    follows from a violation type: what the sources say it resulted in is cited to them, and
    the crime is counsel's statement, a placeholder until it is written."""
    rows = timur_only(
        incident={"consequences": "A detainee lost the sight of one eye."},
        person={"offence": "Torture is a very serious crime in Lithuanian law."},
    )
    folder = export_rows(build, tmp_path, rows, "ee,lt", "--draft")
    ee = chapter(folder, "ee", "Timur Officerov")
    assert after(ee, "What the violation resulted in") == (
        "Torture of detainees in Example City (2 March 2021): "
        "A detainee lost the sight of one eye. [1]"
    )
    lt = chapter(folder, "lt", "Timur Officerov")
    assert (
        after(lt, "A serious or very serious crime")
        == "Torture is a very serious crime in Lithuanian law."
    )
    at = lt.index("A serious or very serious crime")
    assert lt[at + 2].startswith("Torture of detainees in Example City (2 March 2021): A detainee")
    assert not any(p.startswith("[To complete") for p in ee + lt)
    # Arman's incident says nothing of what it resulted in, and his row names no crime.
    arman = chapter(folder, "ee", "Arman Testbayev")
    assert after(arman, "What the violation resulted in").startswith(
        "[To complete before filing: what each violation relied on"
    )
    line = next(n for n in notes(folder, "lt").splitlines() if n.startswith("- A serious"))
    assert "Arman Testbayev (P001: persons sheet, row 2, column offence)" in line
    assert "Timur Officerov" not in line


def test_every_argument_is_filled_from_real_columns_and_names_real_criteria() -> None:
    layout = load_layout()
    sheets = {"person": "persons", "incident": "incidents"}
    for jurisdiction in jurisdictions.load().values():
        criteria = {c.id for r in jurisdiction.regimes for c in r.criteria}
        for argument in jurisdiction.arguments:
            assert argument.criteria <= criteria, (jurisdiction.code, argument.id)
            for source in argument.sources:
                kind, _, column = source.partition(".")
                names = [c.name for c in layout.sheet(sheets[kind]).columns]
                assert column in names, (jurisdiction.code, source)
    required = {j.code for j in jurisdictions.load().values() if j.arguments}
    assert {"us", "gb", "eu", "ca", "au", "ee", "lt"} <= required


def test_a_government_of_its_own_template_gets_it(
    build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    shared = submission.template_path()
    (own / "submission.docx").write_bytes(shared.read_bytes())
    doc = Document(str(shared))
    doc.paragraphs[0].text = "Our own letter to {{ jurisdiction.authority }}"
    doc.save(str(own / "gb.docx"))
    monkeypatch.setattr(submission, "templates_dir", lambda: own)
    book = build(workbooks.valid_rows())
    folder = export(book, tmp_path / "out", only=["gb", "us"]).folder
    first = {
        code: Document(str(folder / f"{folder.name}-{code}" / "send" / "submission.docx"))
        .paragraphs[0]
        .text
        for code in ("gb", "us")
    }
    assert first["gb"] == "Our own letter to Foreign, Commonwealth and Development Office (FCDO)"
    assert first["us"] == jurisdictions.load()["us"].title


def test_relatives_are_named_by_what_they_are_to_the_person(build, tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    rows["relations"] += [
        {"person_id": "P001", "related_name": "Aru Testova", "relationship": "parent",
         "evidence_ids": "E001"},
        {"person_id": "P001", "related_name": "Ali Testov", "relationship": "grandparent",
         "evidence_ids": "E001"},
    ]  # fmt: skip
    folder = export_rows(build, tmp_path, rows, "us")
    text = chapter(folder, "us", "Arman Testbayev")
    heading = text.index("Immediate family members (Section 7031(c))")
    assert text[heading + 2] == "Aru Testova (child) [1]"  # Arman is her parent
    assert not any("Ali Testov" in p for p in text)  # a grandchild is not immediate family
    assert "TESTBAYEV" in targets(folder, "us").upper()


def test_a_title_that_says_when_is_not_dated_twice(build, tmp_path: Path) -> None:
    spell = dict(SPEECH, title="Dispersals of rallies, March 2021 to June 2021",
                 date="2021-03", end_date="2021-06")  # fmt: skip
    folder = export_rows(build, tmp_path, rows_with("P061", "Dana Dispersova", "perpetrated",
                                                    spell, OFFICER), "eu")  # fmt: skip
    text = chapter(folder, "eu", "Dana Dispersova")
    act = next(p for p in text if p.startswith("Dispersals of rallies"))
    assert act.startswith("Dispersals of rallies, March 2021 to June 2021 (Example City). ")
    assert "Role" not in act  # the editor's label is not evidence, and is not sent
    why = next(p for p in text if p.startswith("Responsible (Art. 1(1)(d) violations)"))
    assert why.count("March 2021") == 1
