"""The text of a local evidence copy, as a quoted passage is looked for in it.

Plain text is read as it is; an HTML page gives its visible text (lxml, without scripts and
styles); a PDF gives the text pypdf extracts from its pages. A copy in any other form (a
scanned image, a Word file) has no text here, and a quote from it is reported as unchecked
rather than as wrong. Each copy is read once per run, whatever number of quotes cite it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from io import BytesIO
from pathlib import Path, PurePath

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
)
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
# An XML declaration naming an encoding, which lxml refuses in text already decoded.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


class NoText(Exception):
    """A copy whose text cannot be read; the message says why, for the editor."""


def copy_text(path: Path) -> str:
    """The copy's text; raises NoText for a form with no text here, or a damaged file."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise NoText(f"{path.name} cannot be read ({exc.strerror or exc})") from exc
    return _read(path, stat.st_size, stat.st_mtime_ns)


# Characters no reader sees, which may stand inside a name ("Zyrgal\u200bbayev").
_UNSEEN = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# A word broken at a line's end ("Zyrgal-\nbayev").
_BROKEN = re.compile(r"(\w)-[ \t]*\r?\n[ \t]*(\w)")


def findable_text(path: Path) -> str:
    """All a copy holds that anyone who has the file can find, for what must not be published
    in it: its text as read (``copy_text``; raises NoText as it does), words broken at a line's
    end joined and unseen characters dropped, and, beyond the text a reader sees, a page's
    markup (attributes, comments, scripts, its head) and a PDF's document information."""
    text = copy_text(path)
    suffix = path.suffix.lower()
    more = []
    if suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES:
        more.append(path.read_bytes().decode("utf-8", errors="replace"))
    elif suffix == ".pdf":
        more.append(_pdf_information(path.read_bytes()))
    found = "\n".join((text, *more))
    return "\n".join((found, _BROKEN.sub(r"\1\2", _UNSEEN.sub("", found))))


def _pdf_information(data: bytes) -> str:
    """A PDF's document information (title, author, subject, keywords …) and XMP metadata."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(BytesIO(data))
        values = [str(v) for v in (reader.metadata or {}).values()]
        xmp = reader.xmp_metadata
        if xmp is not None:
            values.append(xmp.rdf_root.toxml() if hasattr(xmp, "rdf_root") else str(xmp))
    except Exception:  # a copy whose text was read, with information that is not: none
        return ""
    return "\n".join(values)


@lru_cache(maxsize=256)
def _read(path: Path, size: int, modified: int) -> str:
    """Keyed by size and modification time too, so a copy replaced during a session is read
    again."""
    unread = form_without_text(path.name)
    if unread is not None:
        raise unread
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NoText(f"{path.name} cannot be read ({exc})") from exc
    return text_of(path.name, data)


def text_of(name: str, data: bytes) -> str:
    """The text of a copy named ``name`` whose bytes are ``data``; raises NoText as
    ``copy_text`` does. Plain text is read as Python reads a text file: UTF-8 (a byte that is not
    UTF-8 becomes U+FFFD), every line ending as ``\n``."""
    unread = form_without_text(name)
    if unread is not None:
        raise unread
    suffix = PurePath(name).suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        elif suffix in HTML_SUFFIXES:
            text = _html_text(data)
        else:
            text = _pdf_text(data)
    except Exception as exc:
        # A copy is untrusted bytes: pypdf and lxml raise what their parsers meet (a limit
        # reached, an encryption they lack, a document that is empty, a bug on odd input),
        # and any of it means only that the copy's text cannot be read here.
        raise NoText(f"{name} cannot be read ({type(exc).__name__}: {exc})") from exc
    # composed (NFC), as a reader sees it: a letter and its accent typed as two characters (a
    # PDF's text, a file from a Mac) would fold to one, and every place in the copy after it
    # would stand one off where the checks map folded text back to the copy (``passages.fold``)
    text = unicodedata.normalize("NFC", text)
    if not any(char.isalnum() for char in text):
        # a scan without a text layer, a page its scripts build: nothing to look for a quote
        # in, which is no evidence that the source does not say it
        raise NoText(f"{name} has no text to read ({NO_TEXT.get(suffix, 'it is empty')})")
    return text


# Why a copy of each form may have no text.
NO_TEXT = {
    ".pdf": "a scan without a text layer? keep a copy whose text can be selected",
    ".html": "a page its scripts build? save the page's text, or a PDF of it",
    ".htm": "a page its scripts build? save the page's text, or a PDF of it",
    ".xhtml": "a page its scripts build? save the page's text, or a PDF of it",
}


def form_without_text(name: str) -> NoText | None:
    """Why a copy named ``name`` has no text here whatever its bytes (a scan, a Word file), or
    None for a form whose text is read."""
    suffix = PurePath(name).suffix.lower()
    if suffix in READABLE:
        return None
    return NoText(f"{name} is a {suffix or 'file without extension'}, whose text is not read")


def _pdf_text(data: bytes) -> str:
    # pypdf and lxml are imported when a copy needs them: every command pays for what it
    # imports at start-up, and most lists hold few PDFs.
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages)


def _html_text(data: bytes) -> str:
    if not data.strip():
        return ""
    import lxml.html
    from lxml import etree

    try:  # UTF-8 where it is: lxml reads a page without a declared charset as Latin-1
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        root = lxml.html.fromstring(data)
    else:
        root = lxml.html.fromstring(_XML_DECLARATION.sub("", decoded, count=1))
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    for block in root.iter(*BLOCKS):  # a paragraph's last word never runs into the next's first
        block.text = "\n" + (block.text or "")
        block.tail = "\n" + (block.tail or "")
    return "".join(str(part) for part in root.itertext())
