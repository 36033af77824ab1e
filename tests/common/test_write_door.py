"""Every command that writes, against every place it must not write: one door (common/places)
refuses them all with exit 2, a message naming the place, and nothing changed on disk. Every
name is invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests import workbooks
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project as an NGO keeps it: lists/ with a workbook and its evidence folder, an export
    (its public folder and a package), a release."""
    root = tmp_path_factory.mktemp("door")
    lists = root / "lists"
    (lists / "testland-evidence").mkdir(parents=True)
    book = workbooks.write(lists / "testland.xlsx", workbooks.valid_rows())
    proc = run_cli("export", str(book), "--out", str(root / "exports"), "--only", "us")
    assert proc.returncode == 0, proc.stderr
    release = root / "exports" / "releases" / "testland" / "1.0"
    (release / "source").mkdir(parents=True)
    (release / "manifest.json").write_text("{}", encoding="utf-8")
    (release / "source" / "testland.xlsx").write_bytes(book.read_bytes())
    (root / "elsewhere").mkdir()
    # a list kept outside lists/, as an editor may keep one, and its evidence folder
    workbooks.write(root / "elsewhere" / "field.xlsx", workbooks.valid_rows())
    (root / "elsewhere" / "field-evidence").mkdir(exist_ok=True)
    (root / "elsewhere" / "to-lists").symlink_to(lists)  # a shortcut leads in all the same
    (root / "elsewhere" / "to-public").symlink_to(root / "exports" / "testland" / "public")
    reference = root / "elsewhere" / "reference.ftm.json"
    reference.write_text(
        '{"id": "x", "schema": "Person", "properties": {"name": ["Xavi Yellow"]}}\n'
    )
    return root


# A protected place: (name, the folder or file under the project root a command is pointed at,
# words the refusal says).
PLACES: dict[str, tuple[str, str]] = {
    "workbook": ("lists/testland.xlsx", ""),
    "editors' folder": ("lists", "the editors' folder"),
    "evidence folder": ("lists/testland-evidence", "the editors' folder"),
    "public folder": ("exports/testland/public", "public folder"),
    "package": ("exports/testland/testland-us", ""),
    "package send": ("exports/testland/testland-us/send", ""),
    "new folder in a package": ("exports/testland/testland-us/internal/new", ""),
    "release": ("exports/releases/testland/1.0", "kept as it was made"),
    "release source": ("exports/releases/testland/1.0/source", "kept as it was made"),
    "link to the editors' folder": ("elsewhere/to-lists/testland-evidence", "the editors' folder"),
    "link to a public folder": ("elsewhere/to-public", "public folder"),
    "evidence folder of a list outside lists/": ("elsewhere/field-evidence", "evidence folder"),
}


def _file(place: Path, name: str) -> Path:
    """A file a command would write: the place itself when it is a file, else a new file in it."""
    return place if place.suffix == ".xlsx" else place / name


# A writing command: how to point it at a place (the project root, the workbook, the place).
COMMANDS: dict[str, Callable[[Path, Path, Path], tuple[str, ...]]] = {
    "docs": lambda root, book, place: ("docs", "--out", str(_file(place, "workbook.md"))),
    "template": lambda root, book, place: ("template", str(_file(place, "new.xlsx")), "--force"),
    "validate --annotate": lambda root, book, place: (
        "validate",
        str(book),
        "--annotate",
        str(_file(place, "checked.xlsx")),
    ),
    "evidence hash": lambda root, book, place: (
        "evidence",
        "hash",
        str(book),
        "--out",
        str(_file(place, "hashed.xlsx")),
    ),
    "status": lambda root, book, place: (
        "status",
        str(book),
        "--format",
        "html",
        "--file",
        str(_file(place, "status.html")),
    ),
    "report": lambda root, book, place: ("report", str(book), "--out", str(place)),
    "export": lambda root, book, place: ("export", str(book), "--out", str(place), "--only", "us"),
    "screen": lambda root, book, place: (
        "screen",
        str(book),
        "--against",
        str(root / "elsewhere" / "reference.ftm.json"),
        "--out",
        str(place),
    ),
    "release": lambda root, book, place: (
        "release",
        "2.0",
        str(book),
        "--draft",
        "--allow-warnings",
        "--out",
        str(place),
    ),
}


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink() and p.name != "reference.ftm.json"
    }


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_command_writes_in_a_protected_place(project, command):
    book = project / "lists" / "testland.xlsx"
    before = snapshot(project)
    for name, (where, words) in PLACES.items():
        if (command, name) == ("template", "editors' folder"):
            continue  # a new workbook belongs straight in lists/ (tests/workbook/test_template)
        args = COMMANDS[command](project, book, project / where)
        proc = run_cli(*args, cwd=project / "elsewhere")
        assert proc.returncode == 2, (command, name, proc.stdout, proc.stderr)
        assert words in proc.stderr, (command, name, proc.stderr)
        assert "Traceback" not in proc.stderr
        assert snapshot(project) == before, (command, name)


def test_the_readme_tables_are_refreshed_only_in_a_markdown_file_we_may_write(project):
    notes = project / "lists" / "notes.md"
    notes.write_text("<!-- governments -->\n<!-- /governments -->\n", encoding="utf-8")
    book = project / "lists" / "testland.xlsx"
    before = snapshot(project)
    for target, words in ((book, "name ending .md"), (notes, "the editors' folder")):
        proc = run_cli("docs", "--readme", str(target), cwd=project / "elsewhere")
        assert proc.returncode == 2 and words in proc.stderr, proc.stderr
    assert snapshot(project) == before
    notes.unlink()


def test_no_copy_is_written_over_another_lists_workbook(project, tmp_path):
    """`validate --annotate` or `evidence hash --out` naming another list's workbook (outside
    lists/) is refused; an annotated copy of its own may be written again."""
    book = project / "lists" / "testland.xlsx"
    other = tmp_path / "belarus.xlsx"
    other.write_bytes(book.read_bytes())
    before = other.read_bytes()
    for args in (
        ("validate", str(book), "--annotate", str(other)),
        ("evidence", "hash", str(book), "--out", str(other)),
    ):
        proc = run_cli(*args)
        assert proc.returncode == 2 and "is a list's workbook" in proc.stderr, proc.stderr
    assert other.read_bytes() == before
    checked = tmp_path / "checked.xlsx"
    for _ in range(2):  # the same copy again
        assert run_cli("validate", str(book), "--annotate", str(checked)).returncode == 0


def test_the_editors_folder_is_known_by_any_workbook_in_it_or_one_folder_down(tmp_path):
    for layout in ("lists/belarus.XLSX", "lists/kz/kz.xlsx"):
        root = tmp_path / layout.replace("/", "_")
        workbook = root / layout
        workbook.parent.mkdir(parents=True)
        workbook.write_bytes(b"PK")  # its content does not matter here
        target = root / "lists" / "notes.md"
        proc = run_cli("docs", "--out", str(target), cwd=tmp_path)
        assert proc.returncode == 2 and "the editors' folder" in proc.stderr, (layout, proc.stderr)
        assert not target.exists()
