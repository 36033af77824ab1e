"""`sanctions diff`: rows added, removed and changed with their cells in both workbooks, renamed
persons, and the text, JSON and Markdown renderings."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sanctions.check.validate import validate
from sanctions.release.changelog import INTERNAL, render_json, render_markdown, render_text
from sanctions.release.diff import NATURAL_KEYS, Diff, SheetDiff, compare, key_columns
from sanctions.workbook.layout import load_layout
from tests import workbooks
from tests.conftest import run_cli
from tests.workbooks import cell

Build = Callable[..., Path]


def diff_of(build: Build, old: workbooks.Rows, new: workbooks.Rows) -> Diff:
    return compare(validate(build(old)), validate(build(new)), "old.xlsx", "new.xlsx")


def sheet(diff: Diff, name: str) -> SheetDiff:
    return next(s for s in diff.sheets if s.sheet == name)


def with_person(rows: workbooks.Rows, at: int, **values: str) -> workbooks.Rows:
    """rows with a third, fictional person (with a post and an act, so that it validates)."""
    person = {
        "person_id": "P003",
        "name": "Erlan Examplov",
        "birth_date": "1975-02-03",
        "gender": "male",
        "nationality": "kz",
        "status": "research",
        "summary": "Deputy chief.",
        **values,
    }
    rows["persons"].insert(at, person)
    pid = person["person_id"]
    rows["positions"].append(
        {"person_id": pid, "org_id": "O002", "title": "Deputy Chief", "evidence_ids": "E001"}
    )
    rows["involvement"].append(
        {"person_id": pid, "incident_id": "I001", "role": "perpetrated", "evidence_ids": "E001"}
    )
    return rows


def test_identical_workbooks_have_no_changes(build):
    diff = diff_of(build, workbooks.valid_rows(), workbooks.valid_rows())
    assert diff.empty and not diff.notes
    assert render_text(diff).endswith("\nno changes")
    assert "No changes." in render_markdown(diff)
    data = json.loads(render_json(diff))
    assert data["summary"] == {"added": 0, "removed": 0, "changed": 0, "renamed": 0}
    assert set(data["sheets"]) == {s.name for s in load_layout().sheets}


def test_added_removed_and_changed_name_both_cells(build):
    old = workbooks.valid_rows()
    new = with_person(workbooks.valid_rows(), at=1)  # P002 moves down a row
    new["persons"][2]["summary"] = "Head of the Example City police."
    new["evidence"] = [e for e in new["evidence"] if e["evidence_id"] != "E002"]
    new["involvement"][1]["evidence_ids"] = "E001"
    new["positions"][1]["evidence_ids"] = "E001"
    diff = diff_of(build, old, new)

    persons = sheet(diff, "persons")
    assert [(e.key, e.new_cell, e.old_cell) for e in persons.added] == [
        (("P003",), "persons!" + cell("persons", "person_id", 1), None)
    ]
    (changed,) = persons.changed
    assert changed.label == "P002 Dana Fictiyeva"
    (change,) = changed.changes
    assert (change.column, change.old, change.new) == (
        "summary",
        "Chief of the Example City police.",
        "Head of the Example City police.",
    )
    assert change.old_cell == "persons!" + cell("persons", "summary", 1)
    assert change.new_cell == "persons!" + cell("persons", "summary", 2)
    assert f"{change.old_cell} → {change.new_cell}" in render_text(diff)

    evidence = sheet(diff, "evidence")
    assert [(e.key, e.old_cell, e.new_cell) for e in evidence.removed] == [
        (("E002",), "evidence!" + cell("evidence", "evidence_id", 1), None)
    ]
    assert dict(evidence.removed[0].values)["title"] == "Witness statement"
    assert not sheet(diff, "organizations").entries()


def test_a_changed_post_is_one_post_changed_and_a_new_title_is_another_post(build):
    old = workbooks.valid_rows()
    new = workbooks.valid_rows()
    new["positions"][0]["end_date"] = "2021-06-30"  # the same post, ended later
    new["positions"][1]["title"] = "Deputy Chief"  # another post
    positions = sheet(diff_of(build, old, new), "positions")
    (changed,) = positions.changed
    assert changed.label == "P001 Minister at O001 from 2015-01"
    assert [(c.column, c.old, c.new) for c in changed.changes] == [
        ("end_date", "2020-12-31", "2021-06-30")
    ]
    assert [e.label for e in positions.added] == ["P002 Deputy Chief at O002 from 2018"]
    assert [e.label for e in positions.removed] == ["P002 Chief at O002 from 2018"]


def test_items_of_a_multi_valued_cell_in_another_order_are_no_change(build):
    new = workbooks.valid_rows()
    new["positions"][1]["evidence_ids"] = "E002;E001"
    new["incidents"][0]["violation_types"] = "ill_treatment; arbitrary_detention"
    assert diff_of(build, workbooks.valid_rows(), new).empty


def renamed_rows(birth: str | None = "1981") -> workbooks.Rows:
    """P002 under a new ID, with her name in another spelling and a new summary."""
    rows = workbooks.valid_rows()
    person = rows["persons"][1]
    person.update(person_id="P009", name="Dana Fiktiyeva", aliases="Dana Fictiyeva")
    person["summary"] = "Head of the Example City police."
    if birth is None:
        person.pop("birth_date")
    else:
        person["birth_date"] = birth
    for sheet_name in ("positions", "involvement", "relations"):
        for row in rows[sheet_name]:
            if row["person_id"] == "P002":
                row["person_id"] = "P009"
    return rows


def test_a_new_id_for_the_same_name_and_birth_date_is_a_rename(build):
    diff = diff_of(build, workbooks.valid_rows(), renamed_rows())
    persons = sheet(diff, "persons")
    assert not persons.added and not persons.removed
    (renamed,) = persons.renamed
    assert (renamed.old_id, renamed.new_id) == ("P002", "P009")
    assert {c.column for c in renamed.changes} == {"name", "aliases", "summary"}
    # rows pointing at her are the same rows, their person_id changed
    positions = sheet(diff, "positions")
    assert not positions.added and not positions.removed
    assert [(c.column, c.old, c.new) for e in positions.changed for c in e.changes] == [
        ("person_id", "P002", "P009")
    ]
    markdown = render_markdown(diff)
    assert "- P002 → P009 Dana Fiktiyeva (persons!A3)" in markdown
    assert '  - summary "Chief of the Example City police." → ' in markdown


@pytest.mark.parametrize("birth", ["1982", None], ids=["another birth date", "no birth date"])
def test_no_rename_without_the_same_birth_date(build, birth):
    old = workbooks.valid_rows()
    if birth is None:
        old["persons"][1].pop("birth_date")
    persons = sheet(diff_of(build, old, renamed_rows(birth)), "persons")
    assert not persons.renamed
    assert [e.key for e in persons.removed] == [("P002",)]
    assert [e.key for e in persons.added] == [("P009",)]


def test_no_rename_when_two_new_rows_could_be_the_old_one(build):
    new = renamed_rows()
    twin = {**new["persons"][1], "person_id": "P010"}
    new["persons"].append(twin)
    persons = sheet(diff_of(build, workbooks.valid_rows(), new), "persons")
    assert not persons.renamed
    assert [e.key for e in persons.added] == [("P009",), ("P010",)]


def test_markdown_changelog_has_a_section_per_kind(build):
    old = workbooks.valid_rows()
    old = with_person(old, at=2, person_id="P004", name="Timur Oldexample", birth_date="1960")
    new = with_person(renamed_rows(), at=2)
    new["persons"][0]["birth_date"] = "1970-05-02"
    text = render_markdown(diff_of(build, old, new))
    lines = text.splitlines()
    assert lines[0] == "# Changes from old.xlsx to new.xlsx"
    persons = lines.index("## Persons")
    headings = [line for line in lines[persons:] if line.startswith("#")]
    assert headings[:5] == ["## Persons", "### Added", "### Removed", "### Changed", "### Renamed"]
    assert "- P003 Erlan Examplov (persons!A4)" in lines
    assert "- P004 Timur Oldexample (persons!A4)" in lines
    assert (
        '- P001 Arman Testbayev: birth_date "1970-05-01" → "1970-05-02" (persons!'
        + cell("persons", "birth_date", 0)
        + ")"
    ) in lines
    assert "## Positions" in lines and "## Organizations" not in lines


def test_markdown_escapes_what_would_format(build):
    new = workbooks.valid_rows()
    new["persons"][0]["summary"] = "Minister *of* <b>Examples</b> _now_"
    new["persons"][0]["name_original"] = "Арман Тестбаев"
    text = render_markdown(diff_of(build, workbooks.valid_rows(), new))
    assert (
        r'summary "Minister of Examples." → "Minister \*of\* \<b\>Examples\</b\> \_now\_"' in text
    )
    assert 'name_original (empty) → "Арман Тестбаев"' in text  # an underscore inside a word


def test_confidential_rows_are_marked(build):
    old = workbooks.valid_rows()
    new = workbooks.valid_rows()
    new["evidence"][1]["confidential"] = "yes"
    new["incidents"][0]["victims"] = "Victim One; Victim Three"
    diff = diff_of(build, old, new)
    assert diff.confidential
    assert sheet(diff, "evidence").changed[0].confidential == ("confidential",)
    assert sheet(diff, "incidents").changed[0].confidential == ("victims confidential",)
    markdown = render_markdown(diff)
    assert INTERNAL in markdown
    assert "(incidents!" in markdown and "**(victims confidential)**" in markdown
    assert "[confidential]" in render_text(diff)
    assert json.loads(render_json(diff))["confidential"] is True


def test_rows_confidential_through_what_they_rest_on_are_marked(build):
    """An act in a confidential incident, a birth date cited only to a confidential source:
    no more public in a changelog than what they rest on."""
    old = workbooks.valid_rows()
    old["incidents"][0]["confidential"] = "yes"
    old["evidence"][1]["confidential"] = "yes"  # E002
    old["persons"][1]["identity_evidence_ids"] = "E002"
    new = copy.deepcopy(old)
    new["involvement"][0]["description"] = "Ordered the detentions in writing."
    new["persons"][1]["birth_date"] = "1971-04-02"
    diff = diff_of(build, old, new)
    assert sheet(diff, "involvement").changed[0].confidential == ("in a confidential incident",)
    assert sheet(diff, "persons").changed[0].confidential == ("cited only to confidential sources",)
    assert INTERNAL in render_markdown(diff)
    # beside a public source too: the birth date may be the confidential one's alone
    old["persons"][1]["identity_evidence_ids"] = new["persons"][1]["identity_evidence_ids"] = (
        "E001; E002"
    )
    new["persons"][1]["birth_date"] = "1971-04-03"
    diff = diff_of(build, old, new)
    assert sheet(diff, "persons").changed[0].confidential == ("cites a confidential source",)
    assert INTERNAL in render_markdown(diff)


def test_json_is_sorted_and_the_same_every_time(build):
    old, new = workbooks.valid_rows(), renamed_rows()
    first = render_json(diff_of(build, old, new))
    again = render_json(diff_of(build, old, new))  # workbooks written anew
    assert first == again
    data = json.loads(first)
    assert first == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
    (entry,) = data["sheets"]["persons"]["renamed"]
    assert entry["old_id"] == "P002" and entry["new_id"] == "P009"
    assert {c["column"] for c in entry["changes"]} == {"name", "aliases", "summary"}


def test_a_sheet_only_one_workbook_has_is_all_added(build):
    old = workbooks.valid_rows()
    del old["relations"]
    relations = sheet(diff_of(build, old, workbooks.valid_rows()), "relations")
    assert [e.label for e in relations.added] == ["P002 associate of P001"]
    assert relations.added[0].new_cell == "relations!A2"


def test_the_submitter_sheet_is_compared_by_key(build):
    new = workbooks.valid_rows()
    next(r for r in new["submitter"] if r["key"] == "date")["value"] = "2026-12-01"
    (changed,) = sheet(diff_of(build, workbooks.valid_rows(), new), "submitter").changed
    assert changed.label == "date"
    assert [(c.column, c.old, c.new, c.new_cell) for c in changed.changes] == [
        ("value", "2026-11-30", "2026-12-01", "submitter!B6")
    ]


def test_rows_sharing_a_key_are_paired_in_sheet_order(build):
    old = workbooks.valid_rows()
    old["evidence"].append({**old["evidence"][1], "title": "Second copy"})
    new = workbooks.valid_rows()
    evidence = sheet(diff_of(build, old, new), "evidence")
    assert [(e.key, e.old_cell) for e in evidence.removed] == [(("E002",), "evidence!A4")]


def test_every_sheet_of_the_layout_has_a_key_of_its_own_columns():
    for spec in load_layout().sheets:
        columns = key_columns(spec)
        assert columns and set(columns) <= set(spec.column_index), spec.name
    for name, columns in NATURAL_KEYS.items():
        if name in {s.name for s in load_layout().sheets}:
            assert set(columns) <= set(load_layout().sheet(name).column_index), name


def test_text_lists_each_change_under_its_sheet(build):
    new = workbooks.valid_rows()
    new["organizations"][0]["name"] = "Ministry of Fine Examples"
    text = render_text(diff_of(build, workbooks.valid_rows(), new))
    assert text.splitlines() == [
        "old.xlsx → new.xlsx",
        "organizations",
        '  changed  O001 Ministry of Fine Examples: name "Ministry of Examples" → '
        '"Ministry of Fine Examples" (organizations!B2)',
        "0 added, 0 removed, 1 changed, 0 renamed",
    ]


# The command, as an editor runs it.


def test_cli_formats_and_exit_status(build):
    old, new = build(workbooks.valid_rows()), build(renamed_rows())
    text = run_cli("diff", str(old), str(new))
    assert text.returncode == 0, text.stderr
    assert "renamed  P002 → P009 Dana Fiktiyeva" in text.stdout
    markdown = run_cli("diff", str(old), str(new), "--format", "markdown")
    assert markdown.stdout.startswith(f"# Changes from {old} to {new}\n")
    data = json.loads(run_cli("diff", str(old), str(new), "--format", "json").stdout)
    assert data["summary"]["renamed"] == 1
    same = run_cli("diff", str(old), str(old))
    assert same.returncode == 0 and same.stdout.strip().endswith("no changes")


def test_cli_notes_validation_errors_and_still_compares(build):
    rows = workbooks.valid_rows()
    rows["positions"][0]["org_id"] = "O999"
    broken = build(rows)
    proc = run_cli("diff", str(build(workbooks.valid_rows())), str(broken))
    assert proc.returncode == 0
    assert f"note: {broken} has 1 validation error; it is compared as it is" in proc.stderr
    assert "  added    P001 Minister at O999 from 2015-01 (positions!A2)" in proc.stdout


def test_cli_unreadable_workbook_is_one_line_and_exit_2(build, tmp_path):
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    good = build(workbooks.valid_rows())
    for args in ((str(good), str(text)), (str(tmp_path / "missing.xlsx"), str(good))):
        proc = run_cli("diff", *args)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        (line,) = proc.stderr.strip().splitlines()
        assert line.startswith("error: ") and (str(text) in line or "missing.xlsx" in line)
