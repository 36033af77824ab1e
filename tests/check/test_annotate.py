"""``sanctions validate --annotate``: the editor's workbook, copied, with every finding shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font

from tests import workbooks
from tests.conftest import render_pdf, require_office, run_cli
from tests.workbooks import cell


@pytest.fixture
def book(build, tmp_path: Path) -> Path:
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "12/03/1965"  # an error
    rows["persons"][1]["summary"] = "Chief  of police."  # a warning
    path = build(rows)
    wb = load_workbook(path)
    wb["persons"].column_dimensions["B"].width = 33
    wb["persons"]["B2"].font = Font(bold=True, color="FF0000")
    notes = wb.create_sheet("_notes")
    notes["A1"], notes["A2"], notes["A3"] = 2, 3, "=A1+A2"
    wb.save(path)
    return path


def test_the_copy_marks_each_cell_and_lists_the_findings(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "checked.xlsx"
    proc = run_cli("validate", str(book), "--annotate", str(out))
    assert proc.returncode == 1  # the report is the same: there is an error
    assert f"wrote {out}: 2 cells marked" in proc.stderr
    copy = load_workbook(out)
    assert copy.sheetnames[0] == "_findings" and copy.active.title == "_findings"
    error = copy["persons"][cell("persons", "birth_date", 0)]
    warning = copy["persons"][cell("persons", "summary", 1)]
    assert error.fill.start_color.rgb.endswith("FFC7CE")  # red
    assert warning.fill.start_color.rgb.endswith("FFEB9C")  # amber
    assert error.comment.text.startswith("ERROR: birth_date '12/03/1965' is not a valid date")
    assert "WARNING: summary" in warning.comment.text
    listing = copy["_findings"]
    assert listing["A1"].value.startswith("1 error, 1 warning in 1 workbook;")
    links = {r[1].value: r[1].hyperlink.location for r in listing.iter_rows(min_row=3)}
    where = f"persons!{cell('persons', 'birth_date', 0)}"
    assert links[where] == f"'persons'!{cell('persons', 'birth_date', 0)}"


def test_a_finding_in_merged_cells_is_shown_on_the_merge(build, tmp_path: Path) -> None:
    """Cells merged over two rows hold one value: the second row's cell is empty, and its
    finding is noted on the first cell of the merge, which Excel shows for both."""
    rows = workbooks.valid_rows()
    rows["positions"][1]["person_id"] = rows["positions"][0]["person_id"]
    path = build(rows)
    wb = load_workbook(path)
    column = cell("positions", "person_id", 0)[0]
    wb["positions"].merge_cells(f"{column}2:{column}3")
    wb.save(path)
    out = tmp_path / "checked.xlsx"
    proc = run_cli("validate", str(path), "--annotate", str(out))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert f"positions!{column}3: person_id is required but empty" in proc.stdout
    first = load_workbook(out)["positions"][f"{column}2"]
    assert first.comment is not None and "person_id is required but empty" in first.comment.text


def test_the_copy_keeps_the_editors_formatting_widths_and_formulas(
    book: Path, tmp_path: Path
) -> None:
    out = tmp_path / "checked.xlsx"
    run_cli("validate", str(book), "--annotate", str(out))
    copy = load_workbook(out)
    assert copy["persons"].column_dimensions["B"].width == 33
    assert copy["persons"]["B2"].font.bold and copy["persons"]["B2"].font.color.rgb.endswith(
        "FF0000"
    )
    assert copy["_notes"]["A3"].value == "=A1+A2"


def test_the_copy_validates_like_the_original(book: Path, tmp_path: Path) -> None:
    out = tmp_path / "checked.xlsx"
    run_cli("validate", str(book), "--annotate", str(out))
    # beside it, the evidence copies its quotes are checked against, as beside the original
    shutil.copytree(book.with_name(f"{book.stem}-evidence"), tmp_path / "checked-evidence")
    again = run_cli("validate", str(out))
    assert again.stdout.strip().endswith("is checked once the errors are fixed")


def test_the_workbook_itself_is_never_overwritten(book: Path) -> None:
    before = book.read_bytes()
    proc = run_cli("validate", str(book), "--annotate", str(book))
    assert proc.returncode == 2
    assert f"error: {book}: this is the workbook itself; name a new file" in proc.stderr
    assert book.read_bytes() == before


def test_nothing_is_written_into_lists(book: Path, tmp_path: Path) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "mine.xlsx").write_bytes(book.read_bytes())
    proc = run_cli("validate", "lists/mine.xlsx", "--annotate", "lists/checked.xlsx", cwd=tmp_path)
    assert proc.returncode == 2
    assert "lists/checked.xlsx: this is inside lists/, the editors' folder" in proc.stderr
    assert sorted(p.name for p in lists.iterdir()) == ["mine.xlsx"]


def test_one_workbook_at_a_time(book: Path, tmp_path: Path) -> None:
    proc = run_cli("validate", str(book), str(book), "--annotate", str(tmp_path / "c.xlsx"))
    assert proc.returncode == 2
    assert "name just one" in proc.stderr


@pytest.mark.rendering
def test_the_copy_opens_in_libreoffice(book: Path, tmp_path: Path) -> None:
    require_office("calc")
    out = tmp_path / "checked.xlsx"
    run_cli("validate", str(book), "--annotate", str(out))
    pages, text, _ = render_pdf(out, tmp_path)
    assert pages > 1
    # The findings sheet prints first, before the editor's own sheets.
    assert text.index("1 error, 1 warning in 1 workbook") < text.index("person_id")
    assert "day and month are ambiguous" in text


@pytest.mark.parametrize(
    "command",
    [
        ("validate", "{book}", "--annotate", "{out}"),
        ("evidence", "hash", "{book}", "--out", "{out}"),
    ],
)
def test_a_workbook_only_a_lenient_reader_reads_is_refused_in_a_line(
    book: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A raw control character in a sheet's XML: validate reads the workbook (and says so at
    the cell), but the copy's stricter readers cannot; one line says why, and no copy."""
    import zipfile

    wb = load_workbook(book)  # a hash to write, for `evidence hash`
    sheet = wb["evidence"]
    sheet.cell(2, [c.value for c in sheet[1]].index("sha256") + 1).value = None
    wb.save(book)
    with zipfile.ZipFile(book) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        parts[name] = parts[name].replace(b"<sheetData>", b"<sheetData>\x01", 1)
    with zipfile.ZipFile(book, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    out = tmp_path / "copy.xlsx"
    proc = run_cli(*(part.format(book=book, out=out) for part in command))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "cannot be copied: it holds characters no workbook may hold" in proc.stderr
    assert not out.exists()
