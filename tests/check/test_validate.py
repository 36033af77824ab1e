from __future__ import annotations

from tests import workbooks


def test_the_fictional_baseline_is_clean(findings_of):
    assert findings_of(workbooks.valid_rows()) == []


def _both_ways(monkeypatch, path):
    """The findings on one core, then with every rule group shared by two."""
    from sanctions.check import validate as validating
    from sanctions.common.beside import PROCESSES_ENV

    monkeypatch.setenv(PROCESSES_ENV, "1")
    alone = validating.validate(path).findings
    monkeypatch.setenv(PROCESSES_ENV, "2")
    shared = validating.validate(path).findings
    return alone, shared


def test_two_cores_find_what_one_finds_errors_and_all(build, monkeypatch):
    rows = workbooks.valid_rows()
    rows["positions"].append({"person_id": "P404", "org_id": "O001", "title": "Officer",
                              "start_date": "2019-13", "evidence_ids": "E001"})  # fmt: skip
    rows["persons"].append({"person_id": "P009", "name": rows["persons"][0]["name"],
                            "status": "proposed"})  # fmt: skip
    rows["involvement"][0]["quote"] = "words no copy holds anywhere at all"
    alone, shared = _both_ways(monkeypatch, build(rows))
    codes = {f.code for f in alone}
    assert {"ref.unknown_person", "person.near_duplicate"} <= codes
    assert any(f.severity == "error" for f in alone)
    assert shared == alone


def test_two_cores_find_what_one_finds_on_the_default_list(monkeypatch):
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "lists" / "kazakhstan.xlsx"
    alone, shared = _both_ways(monkeypatch, path)
    assert alone and shared == alone
