"""Each local copy is read once per validation: its hash and its text come from the same bytes,
so that a copy replaced during the check is never hashed as one version and quoted as
another. Every name and text here is invented."""

from __future__ import annotations

import hashlib
import io
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sanctions.check.validate import validate
from sanctions.common.beside import PROCESSES_ENV
from sanctions.evidence import reading
from sanctions.evidence.reading import Found, read_copies
from sanctions.evidence.text import NoText, copy_text
from tests import workbooks


def test_the_hash_and_the_text_are_of_the_same_bytes(tmp_path: Path) -> None:
    copy = tmp_path / "report.txt"
    data = "Line one\r\nline two\rline three — Ünïcode\n".encode()
    copy.write_bytes(data)
    read = read_copies([copy], hashed=[copy])[copy]
    assert read.found is Found.FILE
    assert read.sha256 == hashlib.sha256(data).hexdigest()
    assert read.text == copy_text(copy) == "Line one\nline two\nline three — Ünïcode\n"


def test_a_copy_is_hashed_only_when_asked_and_its_text_only_when_it_has_one(
    tmp_path: Path,
) -> None:
    text, scan = tmp_path / "a.txt", tmp_path / "scan.jpg"
    text.write_text("words", encoding="utf-8")
    scan.write_bytes(b"\xff\xd8\xff")
    found = read_copies([text, scan], hashed=[scan])
    assert (found[text].sha256, found[text].text) == (None, "words")
    assert found[scan].sha256 == hashlib.sha256(b"\xff\xd8\xff").hexdigest()
    assert isinstance(found[scan].text, NoText) and "scan.jpg" in str(found[scan].text)
    assert read_copies([text], hashed=[text], texts=False)[text].text is None


def test_a_copy_s_sha1_comes_from_the_same_read_whole_or_in_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "THREADED_FROM", 100)
    small, video = tmp_path / "a.txt", tmp_path / "hearing.mp4"
    small.write_text("words", encoding="utf-8")
    video.write_bytes(b"x" * 1000)
    found = read_copies([small, video], hashed=[video], sha1=True)
    assert found[small].sha1 == hashlib.sha1(b"words").hexdigest()
    assert (found[small].sha256, found[small].text) == (None, "words")
    assert found[video].sha1 == hashlib.sha1(b"x" * 1000).hexdigest()
    assert found[video].sha256 == hashlib.sha256(b"x" * 1000).hexdigest()
    assert read_copies([small])[small].sha1 is None  # only when asked


def test_a_folder_and_a_missing_name_are_told_apart(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    found = read_copies([tmp_path / "sub", tmp_path / "gone.txt"], hashed=[tmp_path / "sub"])
    assert found[tmp_path / "sub"].found is Found.FOLDER
    assert found[tmp_path / "gone.txt"].found is Found.NOTHING


def test_a_large_copy_without_text_is_hashed_in_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "THREADED_FROM", 10)
    video = tmp_path / "hearing.mp4"
    video.write_bytes(b"x" * 1000)
    read_whole: list[Path] = []
    monkeypatch.setattr(reading, "_whole", lambda path, *_: read_whole.append(path))
    read = read_copies([video], hashed=[video])[video]
    assert read.sha256 == hashlib.sha256(b"x" * 1000).hexdigest()
    assert read_whole == []  # never held in memory
    assert isinstance(read.text, NoText)


@pytest.mark.parametrize("processes", ["1", "2"])
def test_validation_opens_each_cited_copy_once(
    build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, processes: str
) -> None:
    """The hash rules and the quote rules share one read of each copy, on one core or two
    (where the evidence rules may run in the forked process: each open is logged to a file,
    which both processes append to)."""
    path = build(workbooks.valid_rows())
    folder = path.with_name(f"{path.stem}-evidence")
    log = tmp_path / "opened.log"
    real_open = io.open

    def counting(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).startswith(str(folder)):
            handle = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
            os.write(handle, f"{Path(file).name}\n".encode())
            os.close(handle)
        return real_open(file, *args, **kwargs)

    monkeypatch.setenv(PROCESSES_ENV, processes)
    monkeypatch.setattr(io, "open", counting)
    monkeypatch.setattr("builtins.open", counting)
    result = validate(path)
    assert not result.errors
    opened = Counter(log.read_text().split()) if log.exists() else Counter()
    assert opened and set(opened.values()) == {1}, opened


@pytest.mark.parametrize("name", ["report.txt", "scan.jpg"])
def test_a_copy_that_cannot_be_opened_says_why_as_its_text_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A copy the system refuses to open: the reason its passages go unchecked is the one
    ``copy_text`` gives (a scan is a scan, opened or not)."""
    copy = tmp_path / name
    copy.write_bytes(b"words")

    def refused(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refused)
    read = read_copies([copy], hashed=[copy])[copy]
    assert isinstance(read.sha256, PermissionError)
    with pytest.raises(NoText) as expected:
        copy_text(copy)
    assert str(read.text) == str(expected.value)
