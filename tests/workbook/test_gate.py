"""Files that are not workbooks, or not safe ones: exit 2 with one line naming the file."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from sanctions.workbook.gate import UnreadableWorkbook, check_file
from tests import workbooks
from tests.conftest import run_cli


def valid(tmp_path: Path, name: str = "good.xlsx") -> Path:
    return workbooks.write(tmp_path / name, workbooks.valid_rows())


def rewrite(
    src: Path, dst: Path, replace: dict[str, bytes], add: dict[str, bytes] | None = None
) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def empty(tmp: Path) -> Path:
    (tmp / "empty.xlsx").write_bytes(b"")
    return tmp / "empty.xlsx"


def text_renamed(tmp: Path) -> Path:
    (tmp / "notes.xlsx").write_text("person_id,name\nP001,Someone\n")
    return tmp / "notes.xlsx"


def legacy_xls(tmp: Path) -> Path:
    # The compound-file header every Excel 97-2003 file starts with.
    (tmp / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    return tmp / "old.xls"


def corrupt_zip(tmp: Path) -> Path:
    data = valid(tmp).read_bytes()
    (tmp / "corrupt.xlsx").write_bytes(data[: len(data) // 2])
    return tmp / "corrupt.xlsx"


def password_protected(tmp: Path) -> Path:
    src = valid(tmp)
    with open(src, "rb") as fin, open(tmp / "locked.xlsx", "wb") as fout:
        OOXMLFile(fin).encrypt("secret", fout)
    return tmp / "locked.xlsx"


def entity_attack(tmp: Path) -> Path:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    return rewrite(valid(tmp), tmp / "entities.xlsx", {"xl/worksheets/sheet1.xml": bomb})


def zip_bomb(tmp: Path) -> Path:
    huge = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    huge += b" " * (64 * 2**20) + b"</sheetData></worksheet>"
    return rewrite(valid(tmp), tmp / "bomb.xlsx", {"xl/worksheets/sheet1.xml": huge})


def with_macros(tmp: Path) -> Path:
    return rewrite(valid(tmp), tmp / "macros.xlsx", {}, {"xl/vbaProject.bin": b"\x00" * 100})


def missing(tmp: Path) -> Path:
    return tmp / "nowhere.xlsx"


BAD = {
    "empty": (empty, "empty"),
    "text": (text_renamed, "not an .xlsx"),
    "xls": (legacy_xls, ".xls"),
    "corrupt": (corrupt_zip, "damaged"),
    "password": (password_protected, "password-protected"),
    "entities": (entity_attack, "entities"),
    "zipbomb": (zip_bomb, "zip bomb"),
    "macros": (with_macros, "macros"),
    "missing": (missing, "not found"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_file_exits_2_with_one_line(tmp_path, kind):
    make, words = BAD[kind]
    path = make(tmp_path)
    proc = run_cli("validate", str(path))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0] and words in lines[0]


def test_one_bad_file_does_not_hide_the_others(tmp_path):
    good = valid(tmp_path)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sanctions",
            "validate",
            "--format",
            "json",
            str(empty(tmp_path)),
            str(good),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stdout.strip() == "[]"


def test_gate_passes_a_real_workbook(tmp_path):
    check_file(valid(tmp_path))


def test_gate_rejects_external_links(tmp_path):
    path = rewrite(
        valid(tmp_path),
        tmp_path / "links.xlsx",
        {},
        {"xl/externalLinks/externalLink1.xml": b"<x/>"},
    )
    with pytest.raises(UnreadableWorkbook, match="external links"):
        check_file(path)


def test_openpyxl_uses_defusedxml():
    assert openpyxl.DEFUSEDXML is True
