"""The public list: allegations marked as such, contrary information shown, sources per claim
and never against their own victim, second-hand sources said to be so. Every name is invented."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document

from tests import workbooks
from tests.conftest import render_pdf, require_office, run_cli, smallest_text


def export(build, tmp_path: Path, rows: workbooks.Rows) -> Path:
    book = build(rows)
    out = tmp_path / "out"
    proc = run_cli("export", str(book), "--out", str(out), "--only", "us")
    assert proc.returncode == 0, proc.stderr
    return out / book.stem


def entry(page: str, name: str) -> str:
    """The HTML of one person's entry."""
    start = page.index(f">{name}</h2>")
    end = page.find("<h2", start)
    return page[start : end if end != -1 else len(page)]


def rows_with_a_report_known_second_hand() -> workbooks.Rows:
    rows = workbooks.valid_rows()
    rows["persons"][0]["exculpatory"] = "He denies giving any order; the ministry says so too."
    rows["evidence"].append(
        {"evidence_id": "E003", "title": "Report on the arrest of Arman Testbayev",
         "kind": "ngo_report", "known_through": "E001", "confidential": "no"}
    )  # fmt: skip
    rows["incidents"].append(
        {"incident_id": "I002", "title": "Arrest of Arman Testbayev", "date": "2022-01-05",
         "country": "kz", "violation_types": "arbitrary_detention",
         "summary": "Arman Testbayev was arrested after his dismissal.",
         "victims": "Arman Testbayev", "evidence_ids": "E003"}
    )  # fmt: skip
    rows["involvement"][0]["evidence_ids"] = "E001; E003"
    return rows


def test_the_page_says_what_it_is_and_shows_contrary_information(build, tmp_path: Path) -> None:
    folder = export(build, tmp_path, rows_with_a_report_known_second_hand())
    page = (folder / "public" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "Allegations, not findings." in page and "Method." in page
    assert "Published by Example Rights Centre" in page and "Date: 30 November 2026." in page
    arman = entry(page, "Arman Testbayev")
    assert "Contrary information:</strong> He denies giving any order" in arman


def test_a_draft_list_says_it_is_not_for_publication_and_why(build, tmp_path: Path) -> None:
    book = build(workbooks.valid_rows())
    out = tmp_path / "out"
    proc = run_cli("export", str(book), "--out", str(out), "--only", "us", "--draft")
    assert proc.returncode == 0, proc.stderr
    page = (out / book.stem / "public" / "index.html").read_text(encoding="utf-8")
    assert "<strong>Draft, not for publication:</strong> --draft was given." in page
    filed = export(build, tmp_path / "filed", workbooks.valid_rows())
    assert "Draft, not for publication" not in (filed / "public" / "index.html").read_text("utf-8")


def test_a_document_about_the_persons_own_arrest_is_no_source_against_them(
    build, tmp_path: Path
) -> None:
    folder = export(build, tmp_path, rows_with_a_report_known_second_hand())
    arman = entry((folder / "public" / "index.html").read_text(encoding="utf-8"), "Arman Testbayev")
    assert "Report on the arrest of Arman Testbayev" not in arman
    conduct = re.search(r"<p>Ordered in an incident on 1 March 2020 .*?</p>", arman)
    assert conduct is not None and '<span class="cites">[1]</span>' in conduct.group(0)


def test_a_source_known_only_through_another_says_so(build, tmp_path: Path) -> None:
    rows = rows_with_a_report_known_second_hand()
    rows["involvement"][1]["evidence_ids"] = "E002; E003"  # Dana's act, against her: fine
    folder = export(build, tmp_path, rows)
    dana = entry((folder / "public" / "index.html").read_text(encoding="utf-8"), "Dana Fictiyeva")
    assert "Report on the arrest of Arman Testbayev" in dana
    assert (
        'Known only as cited in <a href="https://example.org/report">Report on Example City' in dana
    )
    # the copy of the document it is known through is published with the page: linked there
    copy = re.search(r'cited in <a [^>]*>Report on Example City[^<]*</a> \(<a href="([^"]+)"', dana)
    assert copy is not None and (folder / "public" / copy.group(1)).is_file()
    index = [
        p.text
        for p in Document(str(folder / f"{folder.name}-us" / "send" / "submission.docx")).paragraphs
        if p.text.startswith("[")
    ]
    second_hand = next(p for p in index if "Report on the arrest" in p)
    assert "No copy is held: known only as cited in [1]." in second_hand


def test_a_source_known_only_through_a_confidential_one_names_neither_its_title_nor_address(
    build, tmp_path: Path
) -> None:
    rows = rows_with_a_report_known_second_hand()
    rows["involvement"][1]["evidence_ids"] = "E002; E003"
    rows["incidents"][0]["evidence_ids"] = "E001; E002"  # the statement tells the incident too
    rows["evidence"][0]["confidential"] = "yes"  # E001, through which E003 is known
    folder = export(build, tmp_path, rows)
    page = (folder / "public" / "index.html").read_text(encoding="utf-8")
    dana = entry(page, "Dana Fictiyeva")
    assert "Report on the arrest of Arman Testbayev" in dana
    assert "Known only as cited in" not in dana
    assert "https://example.org/report" not in page and "Report on Example City" not in page


def test_a_person_whose_case_is_ready_for_no_government_is_not_published(
    build, tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0].update(victims=None, victims_confidential="no")  # every government asks
    rows["incidents"].append(
        {"incident_id": "I002", "title": "Beating of a journalist", "date": "2019-09",
         "place": "Example Town", "country": "kz", "violation_types": "torture",
         "summary": "Officers beat a journalist.", "victims": "Aliya Fictive",
         "victims_confidential": "no", "evidence_ids": "E001", "confidential": "no"}
    )  # fmt: skip
    rows["involvement"].append({"person_id": "P002", "incident_id": "I002", "role": "perpetrated",
                                "description": "Beat the journalist.", "evidence_ids": "E001"})  # fmt: skip
    folder = export(build, tmp_path, rows)
    page = (folder / "public" / "index.html").read_text(encoding="utf-8")
    assert "Arman Testbayev" not in page  # the victims of his one act are not named
    assert ">Dana Fictiyeva</h2>" in page


def test_the_page_gives_a_contact_only_from_the_public_contact_key(build, tmp_path: Path) -> None:
    """The submitter's e-mail is for governments; the page publishes only a public_contact."""
    rows = workbooks.valid_rows()
    book = build(rows)
    out = tmp_path / "a"
    assert run_cli("export", str(book), "--out", str(out)).returncode == 0
    page = (out / book.stem / "public" / "index.html").read_text(encoding="utf-8")
    assert "jane@example.org" not in page and "contact the publisher" in page
    rows["submitter"].append({"key": "public_contact", "value": "corrections@example.org"})
    book = build(rows)
    out = tmp_path / "b"
    assert run_cli("export", str(book), "--out", str(out)).returncode == 0
    page = (out / book.stem / "public" / "index.html").read_text(encoding="utf-8")
    assert "mailto:corrections@example.org" in page and "jane@example.org" not in page


@pytest.mark.rendering
def test_the_public_workbook_prints_readably(build, tmp_path: Path) -> None:
    """Issue 27: list.xlsx had no print setup (four people on five pages, wrapped cells printed
    over each other) nor said what it was. Its first sheet says who publishes it, when, and
    that the conduct is alleged by the sources; the list prints on A4 landscape, one page wide,
    its text at 8 points or more, every page numbered."""
    require_office("calc")
    rows = workbooks.valid_rows()
    rows["persons"][0]["exculpatory"] = "He denies giving any order. " * 8
    folder = export(build, tmp_path, rows)
    pages, text, paper = render_pdf(folder / "public" / "list.xlsx", tmp_path)
    assert paper == "A4" and pages == 2  # what the list is, then the list
    assert smallest_text(tmp_path / "list.pdf") >= 8.0
    assert "Allegations, not findings." in text and "Page 2 of 2" in text
    assert "Arman Testbayev" in text and "Dana Fictiyeva" in text


def test_contrary_information_cites_its_sources_and_only_public_ones_reach_the_page(
    build, tmp_path: Path
) -> None:
    """What weighs against a case cites the sources that state it: the package holds them and
    the letter cites them beside it; the public page cites the public ones, and leaves out what
    only a confidential source states (its words would tell what that source holds)."""
    rows = workbooks.valid_rows()
    rows["evidence"] += [
        {"evidence_id": "E003", "title": "Ministry statement on Arman Testbayev",
         "kind": "official_statement", "confidential": "no"},
        {"evidence_id": "E004", "title": "Interview with a former aide", "kind": "testimony",
         "confidential": "yes"},
    ]  # fmt: skip
    rows["persons"][0].update(
        exculpatory="The ministry denies that he gave any order.", exculpatory_evidence_ids="E003"
    )
    rows["persons"][1].update(
        exculpatory="A former aide says that she objected to the detentions.",
        exculpatory_evidence_ids="E004",
    )
    folder = export(build, tmp_path, rows)
    page = (folder / "public" / "index.html").read_text(encoding="utf-8")
    arman = entry(page, "Arman Testbayev")
    cited = re.search(r"The ministry denies that he gave any order\. \[(\d)\]", arman)
    assert cited is not None, arman
    assert "Ministry statement on Arman Testbayev" in arman
    assert "former aide" not in page and "Interview with a former aide" not in page
    letter = Document(str(folder / f"{folder.name}-us" / "send" / "submission.docx"))
    text = [p.text for p in letter.paragraphs]
    index = next(p for p in text if "Ministry statement on Arman Testbayev" in p)
    number = re.match(r"\[(\d+)\]", index)
    assert number is not None, index
    assert f"The ministry denies that he gave any order. [{number.group(1)}]" in text


def test_a_list_of_officials_the_person_is_named_in_is_not_shown_as_their_conduct(
    build, tmp_path: Path
) -> None:
    """A report's list of the officials it blames tells no act of any of them: the page shows
    the person's conduct, and the public entities what the page shows."""
    rows = workbooks.valid_rows()
    workbooks.with_listed_act(rows)
    folder = export(build, tmp_path, rows)
    arman = entry((folder / "public" / "index.html").read_text(encoding="utf-8"), "Arman Testbayev")
    assert "Ordered in an incident on 1 March 2020" in arman  # his own act (victims withheld)
    assert "Officials named in a report" not in arman
    entities = (folder / "entities.ftm.json").read_text(encoding="utf-8")
    assert "UnknownLink" in entities
    assert (
        "Named among the officials" not in entities
        and "Officials named in a report" not in entities
    )


def test_the_page_dates_an_incident_as_precisely_as_its_public_sources_do(
    build, tmp_path: Path
) -> None:
    """The day of the incident rests, beside the public report (which gives only its month
    here), on a confidential interview with no copy: the page gives the month, the letter the
    day."""
    rows = workbooks.valid_rows()
    workbooks.with_unread_interview(rows)
    rows["incidents"][0].update(date="2020-03-15", evidence_ids="E001; E003")
    folder = export(build, tmp_path, rows)
    arman = entry((folder / "public" / "index.html").read_text(encoding="utf-8"), "Arman Testbayev")
    assert "Ordered in an incident in March 2020" in arman
    assert "15 March" not in (folder / "public" / "index.html").read_text(encoding="utf-8")
    letter = Document(folder / f"{folder.name}-us" / "send" / "submission.docx")
    assert any("(March 15, 2020, Example City)" in p.text for p in letter.paragraphs)


def test_a_post_whose_dates_only_a_confidential_source_gives_is_published_without_them(
    build, tmp_path: Path
) -> None:
    """Beside the public report (which gives the year), a confidential interview with no copy
    is cited for the day Dana took up her post and for the day Arman left his: the page, the
    publishable entities and the list rows give the year, and Arman's post as a former one;
    the letter gives the days and its confidentiality page says so."""
    rows = workbooks.valid_rows()
    workbooks.with_unread_interview(rows)
    rows["positions"][1].update(start_date="2018-06-04", evidence_ids="E001; E003")
    rows["positions"][0].update(end_date="2021-02-11", evidence_ids="E001; E003")
    book = build(rows)
    out = tmp_path / "out"
    proc = run_cli("export", str(book), "--out", str(out), "--only", "gb")
    assert proc.returncode == 0, proc.stderr
    folder = out / book.stem
    page = (folder / "public" / "index.html").read_text(encoding="utf-8")
    assert "Chief, Example City Police (from 2018)" in page and "June 2018" not in page
    entities = (folder / "entities.ftm.json").read_text(encoding="utf-8")
    starts = [
        json.loads(line)["properties"].get("startDate")
        for line in entities.splitlines()
        if '"Occupancy"' in line
    ]
    assert ["2018"] in starts and "2018-06-04" not in entities and "2021-02-11" not in entities
    send = folder / f"{book.stem}-gb" / "send"
    table = (send / f"{book.stem}-gb-targets.csv").read_text(encoding="utf-8-sig")
    assert "Former Minister" in table and "2021" not in table
    letter = [p.text for p in Document(send / "submission.docx").paragraphs]
    assert any("4 June 2018" in p for p in letter)
    assert (
        "Stated (as given here) only by confidential evidence, not to be published: start date "
        "of the post Chief, Example City Police" in letter
    )


def test_a_description_quoting_only_a_confidential_copy_is_left_off_the_page(
    build, tmp_path: Path
) -> None:
    """The act stands on the public report's words; its description quotes the confidential
    witness statement, cited beside it: the page tells the act in the report's words alone."""
    rows = workbooks.valid_rows()
    rows["evidence"][1]["confidential"] = "yes"  # E002, the witness statement
    rows["incidents"][0]["victims_confidential"] = "no"
    rows["involvement"][0].update(
        evidence_ids="E001; E002",
        description="Ordered the detentions; a protester said “We were surrounded by police”.",
    )
    folder = export(build, tmp_path, rows)
    arman = entry((folder / "public" / "index.html").read_text(encoding="utf-8"), "Arman Testbayev")
    assert "In the source&#39;s words" in arman or "In the source's words" in arman
    assert "surrounded" not in arman and "Ordered the detentions" not in arman
    letter = Document(folder / f"{folder.name}-us" / "send" / "submission.docx")
    assert any("surrounded by police" in p.text for p in letter.paragraphs)


def test_a_description_ending_in_a_quotation_gets_no_second_full_stop() -> None:
    from sanctions.public.page import sentence

    assert sentence("He said: “Saying otherwise is denying the truth.”") == (
        "He said: “Saying otherwise is denying the truth.”"
    )
    assert sentence("Ordered the detentions") == "Ordered the detentions."
    assert sentence("Ordered the detentions. ") == "Ordered the detentions."
