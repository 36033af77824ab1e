"""A Word letter rendered from a docxtpl template, with docxtpl's passes skipped where they
would change nothing.

docxtpl renders a template's body as text through Jinja, then parses that text back into
python-docx's tree (repairing whatever it finds broken), renumbers the pictures' IDs, fits the
tables' grids to their rows (a column loop, ``{%tc %}``, or a merged cell changes a row's
width), and python-docx writes the whole tree out as text again. For a long letter those round
trips were two thirds of its time, and they change nothing when the rendered body has no
picture and every table's grid already fits its rows, as the letters' templates give. Such a
body is written into the file as it is; any other takes docxtpl's own passes. Either way the
rendered body must be well-formed XML: a template whose tags an editor has broken is refused,
naming the template, rather than silently repaired. The file is written deterministically
(``common/writers``).
"""

from __future__ import annotations

import io
import re
from collections.abc import MutableMapping
from functools import cache
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, Template, nodes
from jinja2.exceptions import TemplateError
from lxml import etree

from sanctions.common.errors import InputError
from sanctions.common.spelling import spelled_template
from sanctions.common.writers import normalise_zip, write_normalised_zip, zip_members

# A character docxtpl turns into Word markup (tab, new paragraph, line or page break), in the
# text of a run: ``<w:t>`` holds text only, its "<" escaped.
_LISTING = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")
_LISTING_MARKS = "\t\a\n\f"
# What docxtpl's passes over a parsed body act on besides tables: pictures' drawing properties,
# whose IDs it numbers anew.
_PICTURE = "docPr"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DECLARATION = re.compile(r'xmlns:(\w+)="([^"]*)"')
_EMPTY_BODY = re.compile(rb"<w:body\s*/>")
# The body as docxtpl gives it opens by declaring again every namespace of the document, whose
# root declares them already (lxml writes a part of a tree so that it stands alone).
_BODY_OPENING = re.compile(r'<w:body(?:\s+xmlns:\w+="[^"]*")*\s*>')
BODY_PART = "word/document.xml"


# What a plain dict has as attributes: any other name Jinja looks up on one is its key.
_DICT_NAMES = frozenset(dir(dict))


class Compiled(Environment):
    """Jinja for the letters, compiling each template once: one shared template serves every
    government, and docxtpl asks for its body, headers and footers anew for each letter. A
    name looked up on a plain dict (``t.name``) is its key, as Jinja finds it, without first
    raising and catching the AttributeError of a dict that has no such attribute: a long letter
    looks up hundreds of thousands."""

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        self._compiled: dict[str, Template] = {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if not isinstance(source, str) or globals is not None or template_class is not None:
            return super().from_string(source, globals, template_class)
        if source not in self._compiled:
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]


@cache
def letters_jinja() -> Compiled:
    return Compiled()


class Letter(DocxTemplate):  # type: ignore[misc]  # docxtpl has no type hints
    """docxtpl's template, rendered as docxtpl renders it, written without the passes that
    would change nothing (above), and without docxtpl's pass over every run of a rendered
    letter when no run holds a character that pass would change (a tab, a line or page break).
    python-docx's document (``docx``) is open at once, so that the paper and language can be
    set before the body is rendered. ``locale``: the English of the letter's readers, in whose
    spelling the template's own words are rendered (``common/spelling``)."""

    def __init__(self, template: Path, locale: str = "en-GB") -> None:
        super().__init__(str(template))
        self.template = template
        self.locale = locale
        self.init_docx()
        self._body: str | None = None  # the rendered body, where it is written as it is

    def resolve_listing(self, xml: str) -> str:
        if not any(mark in xml for mark in _LISTING_MARKS) or _LISTING.search(xml) is None:
            return xml
        return str(super().resolve_listing(xml))

    def render_xml_part(
        self,
        src_xml: str,
        part: Any,
        context: dict[str, Any],
        jinja_env: Environment | None = None,
    ) -> str:
        """docxtpl's own (0.20.2, pinned), but for the line marks it puts before each paragraph
        (so that a template error names its line) taken out again with ``str.replace``, not a
        regular expression that calls back into Python for each of a long letter's tens of
        thousands of paragraphs: the same text in a quarter of the time. The template's own
        words are first spelled as the letter's readers spell them."""
        src_xml = spelled_template(src_xml, self.locale)
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        try:
            self.current_rendering_part = part
            template = jinja_env.from_string(src_xml) if jinja_env else Template(src_xml)
            dst_xml = template.render(context)
        except TemplateError as exc:
            if getattr(exc, "lineno", None) is not None:
                line_number = max(exc.lineno - 4, 0)  # type: ignore[attr-defined]
                exc.docx_context = map(  # type: ignore[attr-defined]
                    lambda x: re.sub(r"<[^>]+>", "", x),
                    src_xml.splitlines()[line_number : (line_number + 7)],
                )
            raise
        dst_xml = dst_xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        dst_xml = (
            dst_xml.replace("{_{", "{{")
            .replace("}_}", "}}")
            .replace("{_%", "{%")
            .replace("%_}", "%}")
        )
        return self.resolve_listing(dst_xml)

    def render(
        self,
        context: dict[str, Any],
        jinja_env: Environment | None = None,
        autoescape: bool = False,
    ) -> None:
        """docxtpl's ``render``: the body rendered as docxtpl renders it, then its passes over
        the parsed body (``fix_tables``, ``fix_docpr_ids``) only where they would change
        something; otherwise the body is kept as text, to be written as it is."""
        self.render_init()
        if autoescape:
            jinja_env = jinja_env or Environment()
            jinja_env.autoescape = True
        body = self.build_xml(context, jinja_env)
        parsed = self._parsed(body)
        if _PICTURE in body or not _tables_settled(parsed):
            tree = self.fix_tables(body)
            self.fix_docpr_ids(tree)
            self.map_tree(tree)
            self._body = None
        else:
            self._body = body
        for uri in (self.HEADER_URI, self.FOOTER_URI):
            for key, xml in self.build_headers_footers_xml(context, uri, jinja_env):
                self.map_headers_footers_xml(key, xml)
        self.render_properties(context, jinja_env)
        self.render_footnotes(context, jinja_env)
        self.is_rendered = True

    def _parsed(self, body: str) -> Any:
        """The rendered body as a tree; a body that is not well-formed is refused (docxtpl's
        parser would repair it in silence, dropping what it cannot place)."""
        try:
            return etree.fromstring(body.encode("utf-8"))
        except etree.XMLSyntaxError as exc:
            raise InputError(
                f"{self.template}: the letter this template gives is not well-formed Word XML "
                f"({exc.msg}): a {{%p %}}, {{%tr %}} or {{%r %}} tag is probably missing its "
                "pair or sits in a different paragraph, row or run from it (open the template "
                "in Word and check its tags), or a value holds a character Word cannot hold"
            ) from None

    def write(self, path: Path, created: str | None) -> None:
        """The letter in ``path``, deterministically (``created``: the ISO date its document
        properties carry)."""
        if self._body is not None:
            root = self.docx._element
            body = root.body
            for child in list(body):  # written empty, then given the rendered body
                body.remove(child)
            buffer = io.BytesIO()
            self.save(buffer)
            members = zip_members(buffer)
            around = _EMPTY_BODY.split(members[BODY_PART])
            if len(around) == 2:
                rendered = _without_root_namespaces(self._body, root.nsmap)
                members[BODY_PART] = around[0] + rendered.encode("utf-8") + around[1]
                write_normalised_zip(path, members, created)
                return
            self.map_tree(self._parsed(self._body))  # a document python-docx writes otherwise
        self.save(str(path))
        normalise_zip(path, created)


def _tables_settled(body: Any) -> bool:
    """Whether docxtpl's ``fix_tables`` would leave every table of a rendered body as it is:
    a grid that no row has more cells than, and some row spanning all of it (a column loop,
    a merged cell or a row loop with no rows changes that). Rows are counted as docxtpl counts
    them, those of tables inside the table's cells included."""
    for table in body.iter(f"{_W}tbl"):
        grid = table.find(f"{_W}tblGrid")
        if grid is None:
            return False
        columns = len(grid.findall(f"{_W}gridCol"))
        most_cells = most_spanned = 0
        for row in table.iter(f"{_W}tr"):
            cells = row.findall(f"{_W}tc")
            try:
                spanned = sum(_span(cell) for cell in cells)
            except (TypeError, ValueError):
                return False  # docxtpl's pass says what is wrong with it
            most_cells, most_spanned = max(most_cells, len(cells)), max(most_spanned, spanned)
        if most_cells > columns or most_spanned < columns:
            return False
    return True


def _span(cell: Any) -> int:
    properties = cell.find(f"{_W}tcPr")
    span = None if properties is None else properties.find(f"{_W}gridSpan")
    return 1 if span is None else int(span.get(f"{_W}val"))


def _without_root_namespaces(body: str, declared: dict[str | None, str]) -> str:
    """The rendered body without the namespace declarations docxtpl's text of it repeats from
    the document's root (lxml writes a part of a tree so that it stands alone); any other
    declaration stays."""
    opening = _BODY_OPENING.match(body)
    if opening is None:
        return body
    kept = [
        f'xmlns:{prefix}="{uri}"'
        for prefix, uri in _DECLARATION.findall(opening.group(0))
        if declared.get(prefix) != uri
    ]
    return "<w:body" + "".join(f" {k}" for k in kept) + ">" + body[opening.end() :]
