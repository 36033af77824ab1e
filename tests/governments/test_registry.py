"""A government is one file: adding one is adding its file, removing one deleting it, and a file
that breaks the schema stops the tool with the file and the key named."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sanctions.common.data import SpecError, government_files
from sanctions.governments.registry import codes, load
from sanctions.workbook.layout import load_layout
from tests import workbooks
from tests.conftest import REPO


def scratch(tmp_path: Path) -> Path:
    """A copy of the project's data (schemas, governments, templates) to change."""
    root = tmp_path / "project"
    for folder in ("schemas", "jurisdictions", "templates"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def run(root: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "SANCTIONS_SCHEMAS": str(root / "schemas")}
    return subprocess.run(
        [sys.executable, "-m", "sanctions", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def add_copy(root: Path, of: str, code: str, order: int) -> None:
    data = yaml.safe_load((root / "jurisdictions" / f"{of}.yaml").read_text(encoding="utf-8"))
    data.update(code=code, name=f"Testonia ({code})", order=order)
    (root / "jurisdictions" / f"{code}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )


def test_every_file_is_a_government_in_the_order_its_file_gives() -> None:
    files = government_files()
    assert [f.code for f in files] == list(codes()) == list(load())
    assert [f.order for f in files] == sorted(f.order for f in files)
    assert {f.code for f in files} == {p.stem for p in (REPO / "jurisdictions").glob("*.yaml")}
    assert load_layout().vocabularies["jurisdiction"] == {c: j.name for c, j in load().items()}


def test_adding_a_file_adds_a_government_everywhere(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    add_copy(root, "gb", "xx", 99)
    rows = workbooks.valid_rows()
    rows["persons"][0]["jurisdictions"] = "xx; gb"
    rows["submissions"] = [
        {"person_id": "P001", "jurisdiction": "xx", "status": "submitted", "date": "2026-01-05"}
    ]
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    checked = run(root, "validate", str(book), cwd=tmp_path)
    assert checked.returncode == 0 and "vocab.invalid" not in checked.stdout, checked.stdout
    exported = run(root, "export", "--draft", str(book), "--out", "out", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    package = tmp_path / "out" / "testland" / "testland-xx"
    assert (package / "send" / "submission.docx").is_file()
    assert (tmp_path / "out" / "testland" / "testland-xx.zip").is_file()
    helped = run(root, "export", "--help", cwd=tmp_path)
    assert "xx (Testonia (xx))" in " ".join(helped.stdout.split())


def test_deleting_a_file_removes_the_government(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    (root / "jurisdictions" / "au.yaml").unlink()
    rows = workbooks.valid_rows()
    rows["persons"][0]["jurisdictions"] = "au"
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    checked = run(root, "validate", str(book), cwd=tmp_path)
    assert checked.returncode == 1 and "vocab.invalid" in checked.stdout
    rows["persons"][0]["jurisdictions"] = None
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    exported = run(root, "export", "--draft", str(book), "--out", "out", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    folder = tmp_path / "out" / "testland"
    assert not (folder / "testland-au").exists() and (folder / "testland-gb").is_dir()
    refused = run(root, "export", "--only", "au", str(book), cwd=tmp_path)
    assert refused.returncode == 2 and "unknown government au" in refused.stderr


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d.pop("authority"), "jurisdictions/gb.yaml: authority: Field required"),
        (lambda d: d.update(language="en"), "jurisdictions/gb.yaml: language: Extra inputs"),
        (lambda d: d.update(order="second"), "jurisdictions/gb.yaml: order: a whole number"),
        (lambda d: d.update(code="uk"), "jurisdictions/gb.yaml: code: 'uk' is not the file's name"),
        (
            lambda d: d["regimes"][0]["criteria"][0]["violation_types"].append("treason"),
            "jurisdictions/gb.yaml: regimes.0.criteria.0.violation_types: unknown 'treason'",
        ),
        (
            lambda d: d["list"]["columns"].append({"Extra": "birth_colour"}),
            "jurisdictions/gb.yaml: list.columns: Extra: unknown field 'birth_colour'",
        ),
        (
            lambda d: d.update(allies=["US"]),
            "jurisdictions/gb.yaml: allies.0: String should match",
        ),
        (lambda d: d.update(follows="zz"), "jurisdictions/gb.yaml: follows: 'zz' has no file here"),
        (
            lambda d: d["case"].pop("place"),
            "jurisdictions/gb.yaml: case: place not given: say true or false for each of",
        ),
        (
            lambda d: d["case"].update(eyewitness=True),
            "jurisdictions/gb.yaml: case: no element eyewitness; the elements are own_passage,",
        ),
        (
            lambda d: d["case"].update(date="yes"),
            "jurisdictions/gb.yaml: case: date: true or false",
        ),
        (
            lambda d: d["check_before_filing"].append({"text": "Confirm.", "roles": ["hid"]}),
            "jurisdictions/gb.yaml: check_before_filing.3.roles: unknown role 'hid'",
        ),
        (
            lambda d: d["check_before_filing"].append({"text": "Confirm.", "criteria": ["GHR 9"]}),
            "jurisdictions/gb.yaml: check_before_filing.3.criteria: no criterion 'GHR 9' in this",
        ),
        (
            lambda d: d["regimes"][0]["criteria"][0].update(case=["eyewitness"]),
            "jurisdictions/gb.yaml: regimes.0.criteria.0.case: no element eyewitness; the elements",
        ),
    ],
)
def test_a_broken_file_names_the_file_and_the_key(tmp_path: Path, change, said) -> None:
    root = scratch(tmp_path)
    path = root / "jurisdictions" / "gb.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    book = workbooks.write(tmp_path / "testland.xlsx", workbooks.valid_rows())
    proc = run(root, "export", "--draft", str(book), "--out", "out", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert said in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


def test_a_government_that_follows_another_applies_its_criteria() -> None:
    switzerland, eu = load()["ch"], load()["eu"]
    assert switzerland.follows == "eu"
    assert switzerland.regimes[0].criteria == eu.regimes[0].criteria


def test_the_discovery_refuses_an_order_given_twice(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    add_copy(root, "gb", "xx", load()["gb"].order)
    with pytest.raises(SpecError) as refused:
        government_files(root / "jurisdictions")
    said = str(refused.value)
    assert "jurisdictions/gb.yaml" in said and "jurisdictions/xx.yaml" in said  # both named
    assert "is given to each; give each its own" in said


def test_validate_stops_on_a_broken_file_even_when_the_workbook_has_errors(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    path = root / "jurisdictions" / "gb.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "1965-13-01"  # an error of the workbook's own
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    proc = run(root, "validate", str(book), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout
    assert "jurisdictions/gb.yaml: language: Extra inputs are not permitted" in proc.stderr


def test_a_file_that_is_not_yaml_names_the_line(tmp_path: Path) -> None:
    root = scratch(tmp_path)
    path = root / "jurisdictions" / "gb.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  bad: [\n", encoding="utf-8")
    book = workbooks.write(tmp_path / "testland.xlsx", workbooks.valid_rows())
    for command in (("validate",), ("export", "--draft", "--out", "out")):
        proc = run(root, *command, str(book), cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert "jurisdictions/gb.yaml, line " in proc.stderr and "not valid YAML" in proc.stderr
        assert "Traceback" not in proc.stderr
