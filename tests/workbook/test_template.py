"""The editor's template is generated from schemas/ and agrees with the validator."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from sanctions.check.validate import validate
from sanctions.common.countries import country_names
from sanctions.workbook.layout import load_layout
from sanctions.workbook.template import INSTRUCTIONS_SHEET, LISTS_SHEET
from tests import workbooks
from tests.conftest import Ran, render_pdf, require_office, run_cli, smallest_text


def make_template(tmp_path, *extra: str) -> Ran:
    return run_cli("template", str(tmp_path / "t.xlsx"), *extra)


def test_template_has_every_sheet_header_comment_and_dropdown(tmp_path):
    assert make_template(tmp_path).returncode == 0
    layout = load_layout()
    book = load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == [INSTRUCTIONS_SHEET] + [s.name for s in layout.sheets] + [LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "visible"  # the values of multi-valued columns
    for sheet in layout.sheets:
        ws = book[sheet.name]
        assert [c.value for c in ws[1]] == [c.name for c in sheet.columns]
        assert ws.freeze_panes == "A2"
        for col, header in zip(sheet.columns, ws[1], strict=True):
            assert header.comment is not None and col.description in header.comment.text
            # a list's values each with its meaning, where the list gives one
            for code, meaning in layout.vocabularies.get(col.vocabulary or "", {}).items():
                if meaning and meaning != code:
                    assert f"\n{code}: {meaning}" in header.comment.text, (col.name, code)
        dropdowns = {str(dv.sqref).split(":")[0][:-1] for dv in ws.data_validations.dataValidation}
        listed = {
            ws.cell(1, j + 1).column_letter
            for j, col in enumerate(sheet.columns)
            if (col.vocabulary or col.type == "country") and not col.multi
        }
        assert dropdowns == listed
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
        # one page wide where the text stays at 8 points; else across pages, IDs repeated
        fitted = ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        across = ws.page_setup.scale == 73 and ws.print_title_cols == "$A:$A"
        assert fitted or across, ws.title
    persons = book["persons"]
    birth = [c.name for c in layout.sheet("persons").columns].index("birth_date") + 1
    assert persons.column_dimensions[persons.cell(1, birth).column_letter].number_format == "@"


def test_the_empty_template_validates(tmp_path):
    make_template(tmp_path)
    found = validate(tmp_path / "t.xlsx").findings
    assert [f.code for f in found] == ["submitter.missing"]


def test_a_filled_template_validates(tmp_path):
    make_template(tmp_path)
    path = tmp_path / "t.xlsx"
    book = load_workbook(path)
    rows = workbooks.write_copies(path, workbooks.valid_rows())
    for sheet, records in rows.items():
        ws = book[sheet]
        names = [c.value for c in ws[1]]
        if sheet == "submitter":
            for i in range(2, ws.max_row + 1):
                ws.cell(i, 2, {r["key"]: r["value"] for r in records}.get(ws.cell(i, 1).value))
            continue
        for i, record in enumerate(records, start=2):
            for j, name in enumerate(names, start=1):
                ws.cell(i, j, record.get(name))
    book.save(path)
    assert validate(path).findings == []


def test_template_refuses_to_overwrite_without_force(tmp_path):
    """A workbook that is no list (no persons sheet) is replaced with --force only; one that
    cannot be read as a workbook at all (a list locked with a password, say) never is."""
    other = Workbook()
    other.active.title = "notes"
    other.save(tmp_path / "t.xlsx")
    before = (tmp_path / "t.xlsx").read_bytes()
    proc = make_template(tmp_path)
    assert proc.returncode == 2 and "--force" in proc.stderr
    assert (tmp_path / "t.xlsx").read_bytes() == before
    (tmp_path / "locked.xlsx").write_bytes(b"editor's work, encrypted")
    locked = run_cli("template", "--force", str(tmp_path / "locked.xlsx"))
    assert locked.returncode == 2 and "password-protected or damaged" in locked.stderr
    assert (tmp_path / "locked.xlsx").read_bytes() == b"editor's work, encrypted"
    assert make_template(tmp_path, "--force").returncode == 0
    assert load_workbook(tmp_path / "t.xlsx").sheetnames[1] == "persons"


def test_template_never_writes_over_a_list_or_into_the_tools_folders(tmp_path):
    """A new list may be made in lists/; an existing one is never overwritten, even with
    --force, and nothing is written where the tool replaces or publishes what it finds."""
    lists = tmp_path / "lists"
    lists.mkdir()
    assert run_cli("template", str(lists / "new.xlsx")).returncode == 0
    (lists / "old.xlsx").write_bytes(b"a list's work")
    proc = run_cli("template", str(lists / "old.xlsx"), "--force")
    assert proc.returncode == 2 and "never writes over" in proc.stderr, proc.stderr
    assert (lists / "old.xlsx").read_bytes() == b"a list's work"
    exported = tmp_path / "exports" / "old"
    exported.mkdir(parents=True)
    (exported / ".sanctions-output").write_text("", encoding="utf-8")
    proc = run_cli("template", str(exported / "t.xlsx"))
    assert proc.returncode == 2 and "replaces at every run" in proc.stderr, proc.stderr
    assert not (exported / "t.xlsx").exists()


def test_template_never_writes_over_a_list_kept_anywhere(tmp_path):
    """A list is a list wherever the editor keeps it: its work is never written over, even with
    --force (a template of their own may be deleted by hand)."""
    assert make_template(tmp_path).returncode == 0
    book = load_workbook(tmp_path / "t.xlsx")
    book["persons"].cell(2, 1, "P001")
    book.save(tmp_path / "t.xlsx")
    before = (tmp_path / "t.xlsx").read_bytes()
    proc = make_template(tmp_path, "--force")
    assert proc.returncode == 2 and "never writes over" in proc.stderr, proc.stderr
    assert (tmp_path / "t.xlsx").read_bytes() == before


def test_the_instructions_come_first_and_teach(tmp_path):
    make_template(tmp_path)
    book = load_workbook(tmp_path / "t.xlsx")
    assert book.active.title == INSTRUCTIONS_SHEET
    text = "\n".join(
        str(c.value) for row in book[INSTRUCTIONS_SHEET].iter_rows() for c in row if c.value
    )
    for sheet in load_layout().sheets:
        assert sheet.name in text and sheet.description in text
    assert "Orange header: the column must be filled on every row." in text
    assert "Blue header" in text
    assert "1965, 1965-06 or 1965-06-15" in text and "semicolon" in text
    assert "--annotate" in text


def test_countries_and_multi_valued_lists_are_there_to_choose_from(tmp_path):
    make_template(tmp_path)
    book = load_workbook(tmp_path / "t.xlsx")
    allowed = book[LISTS_SHEET]
    columns = {col[0].value: [c.value for c in col[1:] if c.value] for col in allowed.iter_cols()}
    assert columns["country"] == country_names() and "Kazakhstan" in columns["country"]
    assert "torture" in columns["violation_type"]
    incidents = book["incidents"]
    header = {c.value: c.column_letter for c in incidents[1]}
    rules = {
        str(dv.sqref).split(":")[0][:-1]: dv for dv in incidents.data_validations.dataValidation
    }
    first = allowed.cell(1, [c.value for c in allowed[1]].index("country") + 1).column_letter
    end = len(country_names()) + 1
    assert rules[header["country"]].formula1 == f"='{LISTS_SHEET}'!${first}$2:${first}${end}"
    assert not rules[header["country"]].showErrorMessage  # a code such as kz is fine too


def test_long_text_columns_are_wide_and_wrap(tmp_path):
    make_template(tmp_path)
    persons = load_workbook(tmp_path / "t.xlsx")["persons"]
    summary = {c.value: c.column_letter for c in persons[1]}["summary"]
    column = persons.column_dimensions[summary]
    assert column.width >= 40 and column.alignment.wrap_text


@pytest.mark.rendering
def test_the_template_opens_and_prints_in_libreoffice(tmp_path):
    require_office("calc")
    make_template(tmp_path)
    pages, text, _ = render_pdf(tmp_path / "t.xlsx", tmp_path)
    assert "How to fill this workbook" in text and "Header colours" in text
    # every sheet readable: a wide sheet prints across pages rather than at 25 % (3-point
    # headers), so the empty template takes more pages than it did, each one legible
    assert smallest_text(tmp_path / "t.pdf") >= 8.0
    assert pages <= 40
    assert "submission_status" in text  # the allowed-values header is not cut


def test_a_template_teaches_with_invented_people_and_its_own_country(tmp_path):
    """Issue 27: a Belarusian list's template said "Example: Karim Massimov" and "kz". No name
    of a real person (every person, victim and relative of the default list) and no other
    country is in any cell or note; the examples of countries are Belarus."""
    from openpyxl import load_workbook

    from sanctions.check.validate import validate
    from sanctions.model.rows import Rows
    from tests.conftest import REPO

    rows = Rows.of(validate(REPO / "lists" / "kazakhstan.xlsx"))
    real = {p.name for p in rows.persons} | {
        r.related_name for r in rows.relations if r.related_name
    }
    real |= {v for i in rows.incidents for v in i.victims}
    surnames = {n.split()[-1] for n in real if len(n.split()[-1]) > 4}
    lists = tmp_path / "lists"
    lists.mkdir()
    assert run_cli("template", str(lists / "belarus.xlsx")).returncode == 0
    book = load_workbook(lists / "belarus.xlsx")
    texts = [
        str(text)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        for text in (c.value, c.comment.text if c.comment else None)
        if text and ws.title != "_allowed values"  # the list of every country to choose from
    ]
    words = " ".join(texts)
    assert not [n for n in surnames if n in words]
    assert "Kazakhstan" not in words and "(kz)" not in words
    assert "Example: Belarus (or its code, by)" in words
    assert "Countries: the name (Belarus) or the two-letter code (by)." in words
    assert run_cli("template", str(lists / "our-list.xlsx")).returncode == 0
    generic = load_workbook(lists / "our-list.xlsx")["_instructions"]
    assert any(
        c.value == "Countries: the country's name or its two-letter ISO code."
        for row in generic.iter_rows()
        for c in row
    )
