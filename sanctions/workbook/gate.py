"""Refuse files that are not safe or not possible to read, before any parser sees them.

An .xlsx is a zip of XML parts. Everything here looks only at the zip's directory and the first
bytes of each XML part, so a zip bomb or an entity attack is refused without being expanded.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from sanctions.common.errors import InputError

# Calibrated on real workbooks: a 100,000-row sheet compresses about 7:1.
MAX_FILE_BYTES = 200 * 2**20
MAX_UNCOMPRESSED_BYTES = 2 * 2**30
MAX_RATIO = 200
MAX_MEMBERS = 2000
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_MARKER = "EncryptionInfo".encode("utf-16-le")
ACTIVE_CONTENT = ("xl/activeX/", "xl/embeddings/", "xl/externalLinks/")


class UnreadableWorkbook(InputError):
    """The file cannot be read as a workbook. The message is one line, meant for the editor."""

    plain = True


# Why a copy of a workbook cannot be written when a strict reader of its XML (openpyxl, lxml)
# refuses what the lenient one that validates it (calamine) reads: a raw control character.
NOT_STRICT_XML = (
    "cannot be copied: it holds characters no workbook may hold (a control character, in a "
    "cell, which validate reports as a text.control error, or in a cell's comment); remove it "
    "first ({error})"
)


def check_file(path: Path) -> None:
    if not path.exists():
        raise UnreadableWorkbook("file not found")
    if path.is_dir():
        raise UnreadableWorkbook("is a folder, not a workbook")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableWorkbook("the file is empty")
    if size > MAX_FILE_BYTES:
        raise UnreadableWorkbook(f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == CFB_MAGIC:
        with open(path, "rb") as fh:
            data = fh.read()
        if ENCRYPTION_MARKER in data:
            raise UnreadableWorkbook(
                "the workbook is password-protected; save an unprotected copy and validate that"
            )
        raise UnreadableWorkbook(
            "this is an old Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx"
        )
    if not head.startswith(b"PK"):
        raise UnreadableWorkbook("not an .xlsx workbook (the file is not a zip archive)")
    check_zip(path)


def check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "xl/workbook.xml" not in names:
                raise UnreadableWorkbook("not an .xlsx workbook (no xl/workbook.xml inside)")
            if len(infos) > MAX_MEMBERS:
                raise UnreadableWorkbook(f"the workbook has more than {MAX_MEMBERS} parts")
            if any(n.endswith("vbaProject.bin") for n in names):
                raise UnreadableWorkbook("the workbook contains macros; save it as a plain .xlsx")
            active = sorted(n for n in names if n.startswith(ACTIVE_CONTENT))
            if active:
                raise UnreadableWorkbook(
                    f"the workbook contains external links or embedded objects ({active[0]}); "
                    "remove them and save again"
                )
            total = 0
            for info in infos:
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 1_000_000 and ratio > MAX_RATIO:
                    raise UnreadableWorkbook(
                        f"part {info.filename} expands {ratio:.0f} times: refused as a possible zip bomb"
                    )
            if total > MAX_UNCOMPRESSED_BYTES:
                raise UnreadableWorkbook("the workbook expands to more than 2 GB: refused")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as part:
                        start = part.read(4096)
                    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                        raise UnreadableWorkbook(
                            f"part {info.filename} declares XML entities: refused as unsafe"
                        )
    except zipfile.BadZipFile as exc:
        raise UnreadableWorkbook(f"the file is damaged (corrupt zip: {exc})") from exc
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise UnreadableWorkbook(f"the file is damaged ({exc})") from exc
