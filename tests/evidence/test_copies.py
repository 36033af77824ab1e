"""Packages carry the local copies of the evidence they cite, with their hashes in the manifest;
the public list carries only the copies of public evidence. Every name is invented."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from sanctions.evidence.copies import EvidenceChanged, copy_evidence
from sanctions.model.targets import load_evidence
from tests import workbooks
from tests.conftest import run_cli

REPORT = workbooks.REPORT.encode("utf-8")
STATEMENT = workbooks.pdf(workbooks.WITNESS)


def book_with_copies(tmp_path: Path, confidential_statement: bool) -> Path:
    """The valid rows with their copies (report.txt, statements/witness-1.pdf)."""
    rows = workbooks.valid_rows()
    e1, e2 = rows["evidence"]
    e1["file"] = "report.txt"
    e2["confidential"] = "yes" if confidential_statement else "no"
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    folder = tmp_path / "testland-evidence"
    assert (folder / "report.txt").read_bytes() == REPORT
    assert (folder / "statements" / "witness-1.pdf").read_bytes() == STATEMENT
    return book


def exported(tmp_path: Path, confidential_statement: bool) -> Path:
    book = book_with_copies(tmp_path, confidential_statement)
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--only", "us")
    assert proc.returncode == 0, proc.stderr
    return tmp_path / "out" / "testland"


def test_a_package_carries_its_copies_with_their_hashes(tmp_path):
    folder = exported(tmp_path, confidential_statement=True)
    package = folder / "testland-us" / "send"
    assert (package / "evidence" / "report.txt").read_bytes() == REPORT
    assert (package / "evidence" / "statements" / "witness-1.pdf").read_bytes() == STATEMENT
    files = {
        f["path"]: f["sha256"] for f in json.loads((package / "manifest.json").read_text())["files"]
    }
    assert files["evidence/report.txt"] == hashlib.sha256(REPORT).hexdigest()
    assert files["evidence/statements/witness-1.pdf"] == hashlib.sha256(STATEMENT).hexdigest()


def test_the_public_list_carries_public_copies_only(tmp_path):
    folder = exported(tmp_path, confidential_statement=True)
    public = folder / "public"
    assert (public / "evidence" / "report.txt").read_bytes() == REPORT
    assert not (public / "evidence" / "statements").exists()
    page = (public / "index.html").read_text()
    assert '<a href="evidence/report.txt">copy</a>' in page and "witness-1" not in page
    # the canary: nothing in public/ holds the confidential statement's bytes
    assert not any(STATEMENT in p.read_bytes() for p in public.rglob("*") if p.is_file())


def test_a_copy_that_changed_stops_the_copying(tmp_path):
    book = book_with_copies(tmp_path, confidential_statement=False)
    from sanctions.check.validate import validate

    evidence = load_evidence(validate(book))
    (tmp_path / "testland-evidence" / "report.txt").write_bytes(b"altered\n")
    with pytest.raises(
        EvidenceChanged, match=r"E001: .*report\.txt has changed since it was cited"
    ):
        copy_evidence(book, evidence.values(), tmp_path / "package")


def test_export_refuses_a_list_whose_copy_changed(tmp_path):
    book = book_with_copies(tmp_path, confidential_statement=False)
    (tmp_path / "testland-evidence" / "report.txt").write_bytes(b"altered\n")
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--only", "us")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "evidence.file_changed" in proc.stdout
    assert not (tmp_path / "out" / "testland").exists()


def test_a_large_copy_is_zipped_in_blocks_and_named_with_the_total_written(tmp_path, monkeypatch):
    """Memory stays flat in a file's size (no whole-file read), and export names the large
    copy with the space the export takes."""
    import tracemalloc

    from sanctions.common.writers import write_zip
    from sanctions.evidence import copies

    folder = tmp_path / "send"
    folder.mkdir()
    (folder / "video.bin").write_bytes(bytes(range(256)) * (120 * 1024 * 1024 // 256))
    tracemalloc.start()
    write_zip(tmp_path / "send.zip", folder, "package")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024, peak
    # just above the report's copy; the statement's is larger
    monkeypatch.setattr(copies, "LARGE_FILE", len(workbooks.REPORT.encode()) + 1)
    book = workbooks.write(tmp_path / "testland.xlsx", workbooks.valid_rows())
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--only", "gb")
    assert proc.returncode == 0, proc.stderr
    assert "large evidence copies: E002 (statements/witness-1.pdf, 0 MB)" in proc.stderr
    assert "so this export takes " in proc.stderr and " MB on disk" in proc.stderr
