"""A letter written without docxtpl's round trips is the letter docxtpl writes: part for part
the same XML; templates those round trips act on take docxtpl's way, and a template whose tags
break the XML is refused, naming it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docxtpl import DocxTemplate
from lxml import etree

from sanctions.common.errors import InputError
from sanctions.export.run import export
from sanctions.governments.registry import codes
from sanctions.submit import letter
from sanctions.submit.document import template_path
from sanctions.submit.letter import Letter, letters_jinja
from tests import workbooks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONTEXT = {
    "title": "Submission & notes",
    "show": False,
    "items": ["O'Brien <first>", 'a "quoted" word', "Ақмола"],
    "rows": [{"name": "Ivan", "post": "Chief"}, {"name": "Aigerim", "post": "Deputy"}],
    "cols": ["one", "two", "three", "four"],  # more cells than the template's grid
}


def parts(path: Path) -> dict[str, bytes]:
    """Each member of a .docx; its XML in canonical form (the same document, however written)."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: etree.tostring(etree.fromstring(data), method="c14n")
            if name.endswith((".xml", ".rels"))
            else data
            for name in archive.namelist()
            for data in [archive.read(name)]
        }


def template(path: Path, *paragraphs: str, table: list[list[str]] | None = None) -> Path:
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "{{ title }}"
    for text in paragraphs:
        doc.add_paragraph(text)
    if table is not None:
        grid = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, cells in enumerate(table):
            for c, text in enumerate(cells):
                grid.cell(r, c).text = text
    doc.save(str(path))
    return path


def docxtpl_letter(source: Path, out: Path) -> Path:
    theirs = DocxTemplate(str(source))
    theirs.render(CONTEXT, jinja_env=letters_jinja(), autoescape=True)
    theirs.save(str(out))
    return out


def our_letter(source: Path, out: Path) -> Path:
    ours = Letter(source)
    ours.render(CONTEXT, jinja_env=letters_jinja(), autoescape=True)
    ours.write(out, "2026-01-02")
    return out


def test_a_letter_is_the_document_docxtpl_writes(tmp_path: Path) -> None:
    """Paragraph and row loops, conditions, escaped text, a header: the same XML in every part
    (only the document properties' dates differ: ours are the letter's date, fixed)."""
    source = template(
        tmp_path / "t.docx",
        "{{ title }}",
        "{%p if show %}",
        "Hidden",
        "{%p endif %}",
        "{%p for item in items %}",
        "Item: {{ item }}",
        "{%p endfor %}",
        table=[["Name", "Post"], ["{%tr for r in rows %}", ""], ["{{ r.name }}", "{{ r.post }}"],
               ["{%tr endfor %}", ""]],
    )  # fmt: skip
    ours = parts(our_letter(source, tmp_path / "ours.docx"))
    theirs = parts(docxtpl_letter(source, tmp_path / "theirs.docx"))
    assert ours.keys() == theirs.keys()
    assert {n for n in ours if ours[n] != theirs[n]} == {"docProps/core.xml"}
    text = [p.text for p in Document(str(tmp_path / "ours.docx")).paragraphs]
    assert "Hidden" not in text and "Item: O'Brien <first>" in text


def test_a_column_loop_takes_docxtpl_way_and_its_grid_widened(tmp_path: Path) -> None:
    """docxtpl widens a table's grid for the cells a column loop adds: such a template is
    rendered docxtpl's way, whose grid has a column per cell."""
    source = template(
        tmp_path / "t.docx",
        "Columns",
        table=[["{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"]],
    )
    written = our_letter(source, tmp_path / "ours.docx")
    body = etree.fromstring(zipfile.ZipFile(written).read("word/document.xml"))
    assert len(body.findall(f".//{W}tblGrid/{W}gridCol")) == len(CONTEXT["cols"])
    assert [t.text for t in body.iter(f"{W}t") if t.text in CONTEXT["cols"]] == CONTEXT["cols"]


@pytest.mark.parametrize(
    ("table", "context"),
    [
        # a column loop giving fewer cells than the grid has columns: docxtpl narrows the grid
        ([["{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"]], {"cols": ["one"]}),
        # a row loop with no rows: docxtpl leaves the table no grid columns
        (
            [
                ["{%tr for r in rows %}", ""],
                ["{{ r.name }}", "{{ r.post }}"],
                ["{%tr endfor %}", ""],
            ],
            {"rows": []},
        ),
        # a merged cell wider than the grid, which docxtpl leaves as it is
        ([["{% colspan 3 %}Merged", "Second"]], {}),
    ],
)
def test_tables_docxtpl_would_fit_are_written_as_docxtpl_writes_them(
    tmp_path: Path, table: list[list[str]], context: dict[str, object]
) -> None:
    source = template(tmp_path / "t.docx", "Table", table=table)
    ours, theirs = Letter(source), DocxTemplate(str(source))
    for made in (ours, theirs):
        made.render(CONTEXT | context, jinja_env=letters_jinja(), autoescape=True)
    ours.write(tmp_path / "ours.docx", "2026-01-02")
    theirs.save(str(tmp_path / "theirs.docx"))
    mine, docxtpls = parts(tmp_path / "ours.docx"), parts(tmp_path / "theirs.docx")
    assert {n for n in mine if mine[n] != docxtpls[n]} == {"docProps/core.xml"}


def test_pictures_in_the_rendered_body_are_numbered_as_docxtpl_numbers_them(
    tmp_path: Path,
) -> None:
    """A value may bring a picture into the body (an InlineImage): docxtpl gives each its own
    ID, and so does the letter."""
    from markupsafe import Markup

    drawing = Markup(
        '</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id="1" name="logo"/></wp:inline>'
        "</w:drawing></w:r><w:r><w:t>"
    )
    source = template(tmp_path / "t.docx", "{{ a }} and {{ b }}")
    ours, theirs = Letter(source), DocxTemplate(str(source))
    for made in (ours, theirs):
        made.render(
            CONTEXT | {"a": drawing, "b": drawing}, jinja_env=letters_jinja(), autoescape=True
        )
    ours.write(tmp_path / "ours.docx", "2026-01-02")
    theirs.save(str(tmp_path / "theirs.docx"))
    mine, docxtpls = parts(tmp_path / "ours.docx"), parts(tmp_path / "theirs.docx")
    assert mine["word/document.xml"] == docxtpls["word/document.xml"]
    assert mine["word/document.xml"].count(b'<wp:docPr id="100') == 2


def test_a_template_whose_tags_break_the_xml_is_refused_naming_it(tmp_path: Path) -> None:
    """A paragraph condition closed inside another paragraph's text leaves half a paragraph
    when false: docxtpl would repair it in silence, dropping what it cannot place."""
    source = template(tmp_path / "broken.docx", "{%p if show %}", "Shown {% endif %} tail")
    with pytest.raises(InputError, match=r"broken\.docx: the letter this template gives is not"):
        Letter(source).render(CONTEXT, jinja_env=letters_jinja(), autoescape=True)


def test_every_letter_of_an_export_is_the_one_docxtpl_writes(
    build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shared template, every government: letters written without the round trips are,
    part for part, those written with them (forced here for every template)."""
    book = build(workbooks.with_eu_decisions(workbooks.valid_rows()))
    ours = export(book, tmp_path / "ours", draft=True, date="2026-01-02").folder
    monkeypatch.setattr(letter, "_PICTURE", "<")  # found in every template: docxtpl's way
    theirs = export(book, tmp_path / "theirs", draft=True, date="2026-01-02").folder
    letters = sorted(p.relative_to(ours) for p in ours.rglob("*.docx"))
    assert {name.parts[0].rsplit("-", 1)[1] for name in letters} == set(codes())  # ch's own too
    assert letters == sorted(p.relative_to(theirs) for p in theirs.rglob("*.docx"))
    for name in letters:
        assert parts(ours / name) == parts(theirs / name), name


@pytest.mark.parametrize(
    "text",
    [
        "Plain words &amp; more",
        "a tab\there",
        "two\nlines",
        "new\aparagraph",
        "page\fbreak",
    ],
)
def test_letters_resolve_tabs_and_breaks_as_docxtpl_does(text: str) -> None:
    xml = (
        '<w:body><w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
        f'<w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:tab/></w:r></w:p>'
        "<w:p><w:r><w:t>Second</w:t></w:r></w:p></w:body>"
    )
    ours = Letter(template_path("us")).resolve_listing(xml)
    theirs = DocxTemplate(str(template_path("us"))).resolve_listing(xml)
    assert ours == theirs
    assert (ours == xml) == (text == "Plain words &amp; more")


@pytest.mark.parametrize("name", ["name", "title", "items", "get", "missing", "__class__"])
def test_a_name_on_a_dict_is_found_as_jinja_finds_it(name: str) -> None:
    """The letters' quicker lookup gives what Jinja's own gives: a dict's method where it has
    one of that name, else its key, else an undefined value."""
    from jinja2 import Environment, Undefined

    data = {"name": "Ivan", "title": "Chief", "items": "a key shadowed by the method"}
    ours, theirs = letters_jinja().getattr(data, name), Environment().getattr(data, name)
    if isinstance(theirs, Undefined):
        assert isinstance(ours, Undefined) and str(ours) == str(theirs) == ""
    else:
        assert ours == theirs


@pytest.mark.parametrize(
    "xml",
    [
        "<w:body><w:p><w:r><w:t>{{ title }}</w:t></w:r></w:p><w:p w:x='1'/></w:body>",
        "<w:body>{% for item in items %}<w:p><w:r><w:t>{{ item }}</w:t></w:r></w:p>"
        "{% endfor %}<w:pPr/><w:proofErr/></w:body>",
        "<w:body><w:p>\n<w:p>\n\n<w:p >{_{ kept }_} {_% kept %_}</w:p></w:p></w:p></w:body>",
        "<w:body><w:p><w:r><w:t>a\ttab {{ title }}</w:t></w:r></w:p></w:body>",
    ],
)
def test_a_part_is_rendered_as_docxtpl_renders_it(xml: str) -> None:
    ours = Letter(template_path("us")).render_xml_part(xml, None, CONTEXT, letters_jinja())
    theirs = DocxTemplate(str(template_path("us"))).render_xml_part(
        xml, None, CONTEXT, letters_jinja()
    )
    assert ours == theirs


def test_a_template_error_names_its_lines_as_docxtpl_does() -> None:
    from jinja2 import TemplateSyntaxError

    xml = "<w:body><w:p><w:r><w:t>{% if %}</w:t></w:r></w:p></w:body>"
    raised = []
    for template in (Letter(template_path("us")), DocxTemplate(str(template_path("us")))):
        with pytest.raises(TemplateSyntaxError) as caught:
            template.render_xml_part(xml, None, CONTEXT, letters_jinja())
        raised.append(list(caught.value.docx_context))
    assert raised[0] == raised[1] and raised[0]
