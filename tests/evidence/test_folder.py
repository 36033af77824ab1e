"""The evidence folder beside the workbook, and the names in its file column that may not leave it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions.evidence.folder import RefusedName, evidence_folder, resolve

# The folder rule and the refusals


def test_the_evidence_folder_is_named_after_the_workbook() -> None:
    assert evidence_folder(Path("lists/kazakhstan.xlsx")) == Path("lists/kazakhstan-evidence")


@pytest.mark.parametrize("name", ["good.txt", "sub/dir/a.pdf", "sub\\dir\\a.pdf", "./good.txt"])
def test_names_inside_the_folder_resolve(tmp_path: Path, name: str) -> None:
    path = resolve(tmp_path, name)
    assert path.parent.is_relative_to(tmp_path) and path.name in ("good.txt", "a.pdf")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("/etc/passwd", "absolute path"),
        ("C:\\Users\\editor\\doc.pdf", "absolute path"),
        ("\\\\server\\share\\doc.pdf", "absolute path"),
        ("../book.xlsx", "leads out of"),
        ("sub/../../secret.txt", "leads out of"),
        (".", "names no file"),
    ],
)
def test_names_that_leave_the_folder_are_refused(tmp_path: Path, name: str, why: str) -> None:
    with pytest.raises(RefusedName, match=why):
        resolve(tmp_path, name)


def test_a_symbolic_link_on_the_way_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not evidence")
    folder = tmp_path / "book-evidence"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "linked-dir").symlink_to(outside, target_is_directory=True)
    with pytest.raises(RefusedName, match=r"the file .* is a symbolic link"):
        resolve(folder, "link.txt")
    with pytest.raises(RefusedName, match=r"the folder .* is a symbolic link"):
        resolve(folder, "linked-dir/secret.txt")


@given(st.text(alphabet=st.sampled_from(list("ab.:/\\ \x00~é")), max_size=8))
def test_a_plain_name_is_taken_as_the_full_checks_take_it(name: str) -> None:
    from sanctions.evidence.folder import _parts, _plain

    if _plain(name):
        assert _parts(Path("folder"), name) == [name]
