"""`sanctions release`: the release folder and its manifest, the changelog against the previous
release, refusals (an existing or lower version, a bad version string, warnings), nothing left
behind by a failed run, and the same bytes from the same workbook.

Exports take seconds, so the releases are made once per module: kaz 1.9 (the fictional valid
list) and kaz 1.10 (one person under a new ID, one warning, released with --allow-warnings)
into one exports folder, and kaz 1.9 again into another, through the command."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from sanctions.check.validate import validate
from sanctions.common.outputs import MARKER, mark
from sanctions.export.run import NotReady
from sanctions.release import release as releasing
from sanctions.release.release import ReleaseError, Unreleasable, release
from sanctions.release.versions import BadVersion, check_version, compare, latest, ordered
from tests import workbooks
from tests.conftest import run_cli

DATE = "2026-11-30"
LIST = "kaz"


@dataclass(frozen=True)
class Made:
    v1: Path  # kaz.xlsx, the valid list
    v2: Path  # kaz.xlsx, P002 as P009, P001 without a birth date (a warning)
    out: Path  # exports: releases 1.9 and 1.10
    other: Path  # exports of 1.9 again, made by the command
    leftovers: tuple[Path, Path]  # staging folders planted before 1.10: 1.10's and 1.10.5's

    @property
    def root(self) -> Path:
        return self.out / "releases" / LIST


def second_version() -> workbooks.Rows:
    rows = workbooks.valid_rows()
    rows["persons"][0].pop("birth_date")  # warning person.no_birth_date
    rows["persons"][1]["person_id"] = "P009"
    rows["persons"][1]["summary"] = "Head of the Example City police."
    for sheet in ("positions", "involvement", "relations"):
        for row in rows[sheet]:
            if row["person_id"] == "P002":
                row["person_id"] = "P009"
    return rows


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    base = tmp_path_factory.mktemp("releases")
    (base / "v1").mkdir()
    (base / "v2").mkdir()
    v1 = workbooks.write(base / "v1" / f"{LIST}.xlsx", workbooks.valid_rows())
    v2 = workbooks.write(base / "v2" / f"{LIST}.xlsx", second_version())
    out, other = base / "exports", base / "elsewhere"
    release(v1, "1.9", out, date=DATE)
    root = out / "releases" / LIST
    planted = (root / ".1.10.abcd1234.tmp", root / ".1.10.5.abcd1234.tmp")
    for folder in planted:
        folder.mkdir()
        mark(folder)
    release(v2, "1.10", out, allow_warnings=True, date=DATE)
    proc = run_cli("release", "1.9", str(v1), "--out", str(other), "--date", DATE)
    assert proc.returncode == 0, proc.stderr
    return Made(v1, v2, out, other, planted)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_release_folder_holds_export_source_changelog_and_manifest(made):
    folder = made.root / "1.9"
    names = set(files(folder))
    assert {"CHANGELOG.md", "manifest.json", f"source/{LIST}.xlsx"} <= names
    assert {"entities.ftm.json", "public/index.html", f"{LIST}-us.zip"} <= names
    assert f"{LIST}-gb/send/submission.docx" in names
    assert (folder / "source" / f"{LIST}.xlsx").read_bytes() == made.v1.read_bytes()
    # with its evidence folder: the release's own workbook validates as the list did
    assert f"source/{LIST}-evidence/example-city-report.txt" in names
    assert not validate(folder / "source" / f"{LIST}.xlsx").errors
    assert not (folder / MARKER).exists()
    assert (folder / "CHANGELOG.md").read_text(encoding="utf-8") == (
        f"# {LIST} 1.9\n\nFirst release.\n"
    )


def test_manifest_lists_every_file_with_its_hash_and_size(made):
    folder = made.root / "1.10"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    on_disk = files(folder)
    del on_disk["manifest.json"]
    assert [f["path"] for f in manifest["files"]] == sorted(on_disk)
    for entry in manifest["files"]:
        data = on_disk[entry["path"]]
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), entry["path"]
        assert entry["size"] == len(data)
    source = made.v2.read_bytes()
    assert manifest["source"] == {
        "path": f"source/{LIST}.xlsx",
        "sha256": hashlib.sha256(source).hexdigest(),
        "size": len(source),
    }
    assert (manifest["list"], manifest["version"], manifest["previous"]) == (LIST, "1.10", "1.9")
    assert (manifest["date"], manifest["draft"]) == (DATE, False)
    assert manifest["tool"]["name"] == "sanctions" and manifest["tool"]["version"]


def test_changelog_compares_with_the_previous_release(made):
    text = (made.root / "1.10" / "CHANGELOG.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:3] == [f"# {LIST} 1.10", "", "Changes since release 1.9."]
    assert "- P002 → P009 Dana Fictiyeva (persons!A3)" in lines
    assert '- P001 Arman Testbayev: birth_date "1970-05-01" → (empty) (persons!I2)' in lines
    assert "### Added" not in text and "### Removed" not in text


def test_a_release_is_the_same_bytes_in_another_folder(made):
    first, again = files(made.root / "1.9"), files(made.other / "releases" / LIST / "1.9")
    assert first.keys() == again.keys()
    assert [name for name in first if first[name] != again[name]] == []


def test_a_killed_run_of_the_same_version_is_cleared_and_no_staging_stays(made):
    own, other_version = made.leftovers
    assert not own.exists()
    assert other_version.is_dir()  # version 1.10.5's, not this run's to remove
    hidden = {p.name for p in made.root.iterdir() if p.name.startswith(".")}
    assert hidden == {other_version.name}


def test_an_existing_release_is_refused(made):
    with pytest.raises(ReleaseError, match=r"1\.9 already exists; a release is never overwritten"):
        release(made.v1, "1.9", made.out, date=DATE)
    proc = run_cli("release", "1.10", str(made.v2), "--out", str(made.out), "--allow-warnings")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"{made.root / '1.10'} already exists" in proc.stderr


@pytest.mark.parametrize("version", ["1.2", "1.9.9", "1.10.0"])
def test_a_version_not_after_the_latest_is_refused(made, version):
    # 1.10 came after 1.9: versions sort as versions, so 1.9.9 is below 1.10 too
    with pytest.raises(ReleaseError, match=rf"{version} does not come after 1\.10, the latest"):
        release(made.v2, version, made.out, allow_warnings=True)
    assert not (made.root / version).exists()


@pytest.mark.parametrize(
    "version", ["../x", ".hidden", "1.0/2", "", "-1", "a b", "1.0.", "con", "1" * 65]
)
def test_a_bad_version_string_is_refused(made, version):
    with pytest.raises(BadVersion):
        release(made.v2, version, made.out, allow_warnings=True)


def test_bad_version_from_the_command(made):
    proc = run_cli("release", "../1.0", str(made.v1), "--out", str(made.out))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == (
        "error: '../1.0' is not a version: use letters, digits, '.', '-' and '_', "
        "starting with a letter or digit (e.g. 1.0 or 2026.1)"
    )


def test_warnings_refuse_a_release_unless_allowed(made):
    with pytest.raises(Unreleasable) as refused:
        release(made.v2, "2.0", made.out, date=DATE)
    assert not refused.value.errors
    assert [f.code for f in refused.value.findings] == ["person.no_birth_date"]
    assert not (made.root / "2.0").exists()
    proc = run_cli("release", "2.0", str(made.v2), "--out", str(made.out), "--date", DATE)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "[warning person.no_birth_date]" in proc.stdout
    assert "0 errors, 1 warning in 1 workbook" in proc.stdout
    assert proc.stderr.strip() == (
        f"error: {made.v2}: not released: a release allows no warnings; "
        "fix them, or give --allow-warnings"
    )


def test_errors_refuse_a_release_even_with_warnings_allowed(made, tmp_path):
    rows = workbooks.valid_rows()
    rows["positions"][0]["org_id"] = "O999"
    book = workbooks.write(tmp_path / f"{LIST}.xlsx", rows)
    with pytest.raises(Unreleasable) as refused:
        release(book, "3.0", made.out, allow_warnings=True)
    assert refused.value.errors
    assert not (made.root / "3.0").exists()


def test_a_failed_export_leaves_nothing(made, monkeypatch):
    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(releasing, "export", broken)
    with pytest.raises(OSError, match="No space left"):
        release(made.v2, "4.0", made.out, allow_warnings=True, date=DATE)
    assert not (made.root / "4.0").exists()
    assert not any(p.name.startswith(".4.0.") for p in made.root.iterdir())


def test_a_workbook_saved_during_the_release_is_refused(made, monkeypatch, tmp_path):
    book = workbooks.copy_list(made.v2, tmp_path / f"{LIST}.xlsx")

    def saved_meanwhile(workbook: Path, out: Path, *args: object) -> SimpleNamespace:
        folder = out / LIST
        folder.mkdir(parents=True)
        mark(folder)
        workbook.write_bytes(workbook.read_bytes() + b"\0")  # the editor saves
        return SimpleNamespace(folder=folder, warnings=[])

    monkeypatch.setattr(releasing, "export", saved_meanwhile)
    with pytest.raises(ReleaseError, match="was saved while the release was being made"):
        release(book, "4.1", made.out, allow_warnings=True, date=DATE)
    assert not (made.root / "4.1").exists()
    assert not any(p.name.startswith(".4.1.") for p in made.root.iterdir())


def test_packages_that_could_not_be_filed_leave_nothing(made, tmp_path):
    rows = workbooks.valid_rows()
    rows["persons"][0]["impact"] = ""  # a filing copy's letter would show a placeholder
    book = workbooks.write(tmp_path / f"{LIST}.xlsx", rows)
    with pytest.raises(NotReady, match="--draft"):
        release(book, "5.0", made.out, allow_warnings=True, date=DATE)
    assert not (made.root / "5.0").exists()
    assert not any(p.name.startswith(".5.0.") for p in made.root.iterdir())


def test_a_missing_or_unreadable_workbook_is_one_line(tmp_path):
    text = tmp_path / f"{LIST}.xlsx"
    text.write_text("name;birth date\n", encoding="utf-8")
    for book, reason in ((tmp_path / "missing.xlsx", "file not found"), (text, "not an .xlsx")):
        proc = run_cli("release", "1.0", str(book), "--out", str(tmp_path / "out"))
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        (line,) = proc.stderr.strip().splitlines()
        assert line.startswith(f"error: {book}: {reason}")
    assert not (tmp_path / "out").exists()


def test_the_default_workbook_is_the_only_one_in_lists(tmp_path):
    (tmp_path / "lists").mkdir()
    none = run_cli("release", "1.0", cwd=tmp_path)
    assert none.returncode == 2 and "none found in lists/" in none.stderr
    for name in ("a", "b"):
        workbooks.write(tmp_path / "lists" / f"{name}.xlsx", workbooks.valid_rows())
    several = run_cli("release", "1.0", cwd=tmp_path)
    assert several.returncode == 2 and "Traceback" not in several.stderr
    assert "lists/a.xlsx, lists/b.xlsx" in several.stderr and "name the one" in several.stderr


# Versions


def test_versions_sort_as_versions():
    assert ordered(["1.2", "1.10", "1.9", "2026.2", "2026.1", "1.0rc1", "1.0"]) == [
        "1.0rc1",
        "1.0",
        "1.2",
        "1.9",
        "1.10",
        "2026.1",
        "2026.2",
    ]
    assert compare("1.0", "1.0.0") == 0 and latest([]) is None


def test_versions_that_are_not_pep_440_sort_naturally():
    assert compare("spring-10", "spring-9") == 1
    assert compare("2026-spring", "2026-autumn") == 1
    assert ordered(["r10", "r9", "r100"]) == ["r9", "r10", "r100"]


@pytest.mark.parametrize("version", ["1.0", "2026.1", "2026-spring", "v2_b", "1"])
def test_good_versions_pass(version):
    assert check_version(version) == version


def test_version_order_is_an_order_across_styles_and_stray_folders_are_not_releases(tmp_path):
    from sanctions.release.release import released_versions
    from sanctions.release.versions import BadVersion, check_version, compare, ordered

    mixed = ["1.0-x", "1.0", "1.0rc1", "2026-spring", "1.10", "1.9"]
    result = ordered(mixed)
    assert result == ordered(list(reversed(mixed)))
    assert all(compare(a, b) <= 0 for i, a in enumerate(result) for b in result[i:])
    assert result.index("1.0rc1") < result.index("1.0") < result.index("1.9") < result.index("1.10")
    with pytest.raises(BadVersion, match="two separators"):
        check_version("1..2")
    (tmp_path / "1.0").mkdir()
    (tmp_path / "1.0" / "manifest.json").write_text("{}")
    (tmp_path / "zzz-notes").mkdir()
    assert released_versions(tmp_path) == ["1.0"]


def test_a_refused_first_release_leaves_no_empty_folders(tmp_path):
    from tests import workbooks

    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "1965-13-01"  # an error: the release is refused
    book = workbooks.write(tmp_path / "refused.xlsx", rows)
    proc = run_cli("release", "1.0", str(book), "--out", str(tmp_path / "exports"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "exports").exists()


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_link_in_the_evidence_folder_stops_the_release(tmp_path: Path, kind: str) -> None:
    """Kept, a link would point at whatever is there later; followed, it would copy whatever
    it points at into the release."""
    book = workbooks.write(tmp_path / f"{LIST}.xlsx", workbooks.valid_rows())
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not the list's")
    link = tmp_path / f"{LIST}-evidence" / "linked"
    link.symlink_to(outside if kind == "folder" else outside / "secret.txt")
    proc = run_cli("release", "1.0", str(book), "--out", str(tmp_path / "out"), "--date", DATE)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert f"{link} is a link" in proc.stderr and "a release keeps files" in proc.stderr
    assert not (tmp_path / "out" / "releases").exists() or not any(
        (tmp_path / "out" / "releases").rglob("secret.txt")
    )
