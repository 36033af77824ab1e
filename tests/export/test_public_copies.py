"""The copies of sources the public folder publishes: never one that names a victim whose
identity is confidential, however public the source itself is. Every name is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import workbooks
from tests.conftest import run_cli

VICTIM = "Saule Hiddenova"


def export(tmp_path: Path, report: str) -> tuple[Path, str]:
    rows = workbooks.valid_rows()
    rows["incidents"][0]["victims"] = VICTIM  # victims_confidential: yes
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--draft")
    assert proc.returncode == 0, proc.stderr
    return tmp_path / "out" / "testland" / "public", proc.stdout + proc.stderr


def test_a_copy_is_published_when_it_names_no_confidential_victim(tmp_path: Path) -> None:
    public, said = export(tmp_path, workbooks.REPORT)
    assert (public / "evidence" / "example-city-report.txt").is_file()
    assert 'href="evidence/example-city-report.txt"' in (public / "index.html").read_text(
        encoding="utf-8"
    )
    assert "is not published" not in said


@pytest.mark.parametrize(
    "named",
    [
        VICTIM,
        "Hiddenova, Saule",
        "С. Хидденова",
        # where a reader of the text does not see it, but anyone with the file finds it
        "Saule Hidden-\nova",
        "Saule Hidden\u200bova",
    ],
)
def test_a_copy_naming_a_confidential_victim_is_not_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    monkeypatch.setattr(workbooks, "REPORT", f"{workbooks.REPORT}\nAmong those held: {named}.\n")
    public, said = export(tmp_path, workbooks.REPORT)
    assert not (public / "evidence" / "example-city-report.txt").exists()
    page = (public / "index.html").read_text(encoding="utf-8")
    assert "evidence/example-city-report.txt" not in page
    assert "Report on Example City" in page  # the source is still named, as the public cites it
    assert (
        "public/: the copy example-city-report.txt is not published: it names a victim of I001 "
        "whose identity is confidential" in said
    )
    assert "Hiddenova" not in said  # nor is the victim named to whoever reads the log


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="x.png" alt="Saule Hiddenova in custody">',
        "<!-- photo: Saule Hiddenova -->",
        '<meta name="description" content="The arrest of Saule Hiddenova">',
        "<script>var held = 'Saule Hiddenova';</script>",
    ],
)
def test_a_page_naming_a_confidential_victim_only_in_its_markup_is_not_published(
    tmp_path: Path, markup: str
) -> None:
    """Its text names no one; its markup does, and a published page is all of it."""
    rows = workbooks.valid_rows()
    rows["incidents"][0]["victims"] = VICTIM  # victims_confidential: yes
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    page = tmp_path / "testland-evidence" / "example-city-report.txt"
    text = page.read_text(encoding="utf-8")
    html = page.with_suffix(".html")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines())
    html.write_text(f"<html><head>{markup}</head><body>{body}</body></html>", encoding="utf-8")
    page.unlink()
    from openpyxl import load_workbook

    wb = load_workbook(book)
    sheet = wb["evidence"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("file") + 1).value = html.name
    sheet.cell(2, header.index("sha256") + 1).value = None
    wb.save(book)
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--draft")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    public = tmp_path / "out" / "testland" / "public"
    assert not (public / "evidence" / html.name).exists()
    assert "is not published: it names a victim of I001" in proc.stdout + proc.stderr
