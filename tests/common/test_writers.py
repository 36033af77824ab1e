"""Tables written (``common/writers``): a full disk is the file system's error, as from every
other writer, which the commands say in one line."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from sanctions.common.files import write_with
from sanctions.common.writers import write_xlsx


def test_a_full_disk_while_a_workbook_is_written_is_an_os_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: object) -> None:
        raise FileCreateError(OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(xlsxwriter.Workbook, "close", full)
    target = tmp_path / "grid.xlsx"
    with pytest.raises(OSError) as raised:
        write_with(target, lambda tmp: write_xlsx(tmp, {"grid": (["a"], [{"a": "1"}])}))
    assert raised.value.errno == errno.ENOSPC and raised.value.filename == str(target)
    assert not target.exists()
