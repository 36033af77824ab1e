"""Submissions that look the part: a submitter and a date or a visible DRAFT, the government's
paper and language, dates as people write them, and pages that render with page numbers."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from sanctions.common.spelling import SPELLINGS, spelled
from sanctions.governments.registry import codes, load
from sanctions.submit.document import Letterhead, letter_fields
from tests import workbooks
from tests.conftest import render_pdf, require_office, run_cli

ISO_DATE = re.compile(r"\b[0-9]{4}-[0-9]{2}(-[0-9]{2})?\b")


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def header_text(path: Path) -> str:
    return " ".join(p.text for p in Document(str(path)).sections[0].header.paragraphs)


def export_rows(build, tmp_path: Path, rows: workbooks.Rows, only: str, *options: str) -> Path:
    """Export a workbook of these rows for some governments; the list's folder."""
    book = build(rows)
    out = tmp_path / "out"
    proc = run_cli("export", str(book), "--out", str(out), "--only", only, *options)
    assert proc.returncode == 0, proc.stderr
    return out / book.stem


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("documents")
    rows = workbooks.with_eu_decisions(workbooks.valid_rows())
    book = workbooks.write(tmp / "testland.xlsx", rows)
    proc = run_cli("export", str(book), "--out", str(tmp / "out"))
    assert proc.returncode == 0, proc.stderr
    return tmp / "out" / "testland"


def test_an_empty_submitter_makes_drafts_and_says_why(build, tmp_path: Path) -> None:
    """Draft or filing copy is the workbook's to decide: without a complete submitter sheet the
    packages are drafts, and the output says why in one line."""
    rows = workbooks.with_eu_decisions(workbooks.valid_rows())
    rows["submitter"] = []
    book = build(rows)
    out = tmp_path / "out"
    proc = run_cli("export", str(book), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (
        "drafts, not for filing: the submitter sheet has no organisation, contact_person, "
        "capacity, email, date"
    ) in proc.stderr
    for code in codes():
        package = out / book.stem / f"{book.stem}-{code}"
        doc = package / "send" / "submission.docx"
        assert header_text(doc).startswith("DRAFT, NOT FOR FILING")
        text = "\n".join(paragraphs(doc))
        placeholder = spelled("[submitting organisation]", load()[code].locale)
        assert f"Submitted by: {placeholder}" in text
        assert f"consent of {placeholder}" in text
        manifest = json.loads((package / "send" / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["edition"] == "draft"
        notes = (package / "internal" / "notes.txt").read_text(encoding="utf-8")
        assert notes.startswith("DRAFT: not for filing.")
        section = notes.split("To complete before filing", 1)[1]
        # every key a filing copy needs, as the check names them, and the optional one apart
        assert (
            "- organisation (submitter sheet)\n- contact_person (submitter sheet)\n"
            "- capacity (submitter sheet)\n- email (submitter sheet)\n"
            "- date (--date, or the submitter sheet)\n- description (optional;"
        ) in section


def test_a_filing_copy_needs_a_date_and_says_it_as_people_write_it(build, tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    rows["submitter"] = [r for r in rows["submitter"] if r["key"] != "date"]
    book = build(rows)
    proc = run_cli("export", str(book), "--out", str(tmp_path / "a"))
    assert proc.returncode == 0 and "the submitter sheet has no date" in proc.stderr
    letter = tmp_path / "a" / book.stem / f"{book.stem}-gb" / "send" / "submission.docx"
    assert header_text(letter).startswith("DRAFT")
    proc = run_cli("export", str(book), "--out", str(tmp_path / "b"), "--date", "2026-12-01")
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / "b" / book.stem
    gb = paragraphs(folder / f"{book.stem}-gb" / "send" / "submission.docx")
    us = paragraphs(folder / f"{book.stem}-us" / "send" / "submission.docx")
    assert "Date: 1 December 2026" in gb and "Date: December 1, 2026" in us
    assert "DRAFT" not in header_text(folder / f"{book.stem}-gb" / "send" / "submission.docx")
    proc = run_cli("export", str(book), "--out", str(tmp_path / "c"), "--date", "1.12.2026")
    assert proc.returncode == 2 and "--date" in proc.stderr


@pytest.mark.parametrize("code", codes())
def test_paper_language_and_properties_follow_the_government(exported: Path, code: str) -> None:
    doc = Document(str(exported / f"testland-{code}" / "send" / "submission.docx"))
    section = doc.sections[0]
    government = load()[code]
    size = (round(section.page_width.mm), round(section.page_height.mm))
    assert size == {"letter": (216, 279), "A4": (210, 297)}[government.paper]
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert lang.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) == government.locale
    props = doc.core_properties
    assert props.author == "Example Rights Centre"
    assert props.title == load()[code].title
    assert props.created.date().isoformat() == "2026-11-30"
    assert "python-docx" not in (props.comments or "")
    assert round(section.left_margin.mm) == 25


@pytest.mark.parametrize("code", codes())
def test_no_iso_dates_in_the_prose(exported: Path, code: str) -> None:
    for text in paragraphs(exported / f"testland-{code}" / "send" / "submission.docx"):
        assert not ISO_DATE.search(text), text


@pytest.mark.rendering
def test_every_package_renders_with_page_numbers_and_no_blank_field(
    exported: Path, tmp_path: Path
) -> None:
    """LibreOffice renders each submission; CI installs it (.ci/run), so there it always runs."""
    require_office()
    for code in codes():
        folder = tmp_path / code
        pages, text, paper = render_pdf(
            exported / f"testland-{code}" / "send" / "submission.docx", folder
        )
        assert paper == load()[code].paper, code
        for page in range(1, pages + 1):
            assert f"Page {page} of {pages}" in text, (code, page)
        for blank in (
            "consent of .",
            "Submitted by: \n",
            "[date]",
            "[submitting",
            "[contact",
            "{{",
            "{%",
        ):
            assert blank not in text, (code, blank)
        # pdftotext separates pages with a form feed; a page holds more than a stray line or
        # two besides its running header and page number
        for number, page in enumerate(text.split("\f")[:pages], start=1):
            body = [
                line
                for line in page.splitlines()
                if line.strip() and "Page " not in line and "Submitted in confidence" not in line
            ]
            assert len(body) > 2, (code, number, body)


@pytest.mark.parametrize("code", ["us", "gb", "lt"])
def test_each_act_gives_the_facts_and_cites_the_incident(build, tmp_path: Path, code: str) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0].update(place="Example City", violation_types="torture")
    rows["incidents"].append(
        {
            "incident_id": "I002",
            "title": "Beating of a journalist",
            "date": "2019-09",
            "place": "Example Town",
            "country": "kz",
            "violation_types": "torture",
            "summary": "Officers beat a journalist in custody.",
            "victims": "Aliya Fictive",
            "victims_confidential": "no",
            "evidence_ids": "E002",
            "confidential": "no",
        }
    )
    rows["involvement"].append(
        {
            "person_id": "P001",
            "incident_id": "I002",
            "role": "ordered",
            "description": "Testbayev ordered the beating.",
            "evidence_ids": "E001",
        }
    )
    folder = export_rows(build, tmp_path, rows, code)
    text = paragraphs(folder / f"{folder.name}-{code}" / "send" / "submission.docx")
    act = next(i for i, p in enumerate(text) if p.startswith("Beating of a journalist"))
    assert "(September 2019, Example Town)" in text[act] and text[act].endswith("[1]")
    assert text[act + 1] == "“Testbayev ordered the beating.” ([1], p. 1)."  # the source's words
    assert (
        text[act + 2]
        == "What happened: Officers beat a journalist in custody. [2] Victims: Aliya Fictive."
    )
    detention = next(p for p in text if p.startswith("Detention of protesters"))
    assert (
        "(1 March 2020, Example City)" in detention or "(March 1, 2020, Example City)" in detention
    )
    words, following = text[text.index(detention) + 1 : text.index(detention) + 3]
    assert words == "“Minister Testbayev ordered the police to detain the protesters” ([1], p. 4)."
    assert following.startswith("What happened: Police detained peaceful protesters.")
    assert (
        "Victim One" not in following and "identities of the victims are confidential" in following
    )


def test_governments_are_named_as_english_names_them(exported: Path) -> None:
    text = "\n".join(paragraphs(exported / "testland-gb" / "send" / "submission.docx"))
    # no ties recorded: no heading over "None recorded." (test_package checks ties shown)
    assert "Ties to" not in text
    lt = "\n".join(paragraphs(exported / "testland-lt" / "send" / "submission.docx"))
    assert "the person is one about whom there are serious grounds to believe" in lt


def test_a_summary_table_of_targets_comes_first(exported: Path) -> None:
    doc = Document(str(exported / "testland-gb" / "send" / "submission.docx"))
    table = doc.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    # the incidents, not "conduct": a death in a column of conduct read as the person's act
    assert rows[0] == ["No.", "Name", "Position", "Criterion", "Incidents relied on, and evidence"]
    assert rows[1][:2] == ["1", "Arman Testbayev"] and rows[1][2].startswith("Former Minister")
    assert rows[1][3].startswith("SI 2020/680") or rows[1][3]
    # the incident and its sources; no role label, which would read as his part in all of it
    # (the Why lines give it as the organisation's assessment, beside the words relied on)
    assert rows[1][4] == "Detention of protesters in Example City (1 March 2020) [1]"
    assert len(rows) == 1 + len(
        [
            p
            for p in paragraphs(exported / "testland-gb" / "send" / "submission.docx")
            if p.startswith(("1. ", "2. ", "3. "))
        ]
    )


def test_the_us_package_asks_for_section_7031c_for_recorded_relatives(
    build, tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()
    rows["relations"].append(
        {
            "person_id": "P001",
            "related_name": "Aizhan Testbayeva",
            "relationship": "spouse",
            "evidence_ids": "E001",
        }
    )
    folder = export_rows(build, tmp_path, rows, "us,gb")
    us = paragraphs(folder / f"{folder.name}-us" / "send" / "submission.docx")
    heading = us.index("Immediate family members (Section 7031(c))")
    assert us[heading + 2] == "Aizhan Testbayeva (spouse) [1]"
    assert us.count("Immediate family members (Section 7031(c))") == 1  # only Arman has one
    gb = paragraphs(folder / f"{folder.name}-gb" / "send" / "submission.docx")
    assert not any("7031" in p for p in gb)


def test_hashes_are_set_small_in_a_monospace_font(exported: Path) -> None:
    doc = Document(str(exported / "testland-us" / "send" / "submission.docx"))
    digest = hashlib.sha256(workbooks.REPORT.encode("utf-8")).hexdigest()  # E001's copy
    runs = [r for p in doc.paragraphs for r in p.runs if r.text == digest]
    assert runs and all(r.font.name == "Courier New" and r.font.size.pt < 8 for r in runs)


def test_two_acts_in_one_incident_are_one_entry_and_one_account_of_it(
    build, tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()
    rows["involvement"].append(
        {"person_id": "P002", "incident_id": "I001", "role": "ordered",
         "description": "Ordered the detentions too.", "evidence_ids": "E001"}
    )  # fmt: skip
    folder = export_rows(build, tmp_path, rows, "us")
    path = folder / f"{folder.name}-us" / "send" / "submission.docx"
    summary = [[c.text for c in row.cells] for row in Document(str(path)).tables[0].rows]
    dana = next(row for row in summary if row[1] == "Dana Fictiyeva")
    # one entry for the incident; one act rests on a protester's account, the other not
    assert dana[4] == (
        "Detention of protesters in Example City (March 1, 2020) [1, 2] (in part on the account "
        "of a detained protester)"
    )
    text = paragraphs(path)
    chapter = text[text.index("2. Dana Fictiyeva") :]
    # the incident named once, before its first act; what happened told once, after the last
    conduct = chapter[chapter.index("Conduct") : chapter.index("Criterion")]
    assert sum(p.startswith("Detention of protesters in Example City") for p in conduct) == 1
    assert conduct[1].startswith("Detention of protesters in Example City")
    assert [p for p in conduct if p.startswith("Ordered the detentions too.")]
    assert sum(p.startswith("What happened:") for p in conduct) == 1
    assert conduct[-1].startswith("What happened:")


def test_an_incident_is_named_outside_the_confidential_mark_when_an_act_in_it_is_public(
    build, tmp_path: Path
) -> None:
    """Of two acts in one public incident, the first resting on a confidential source: the
    incident is named before the public act, never only inside a paragraph marked
    CONFIDENTIAL."""
    rows = workbooks.valid_rows()
    rows["evidence"].append(
        {"evidence_id": "E004", "title": "Internal memo", "kind": "testimony",
         "confidential": "yes"}
    )  # fmt: skip
    dana = next(i for i, r in enumerate(rows["involvement"]) if r["person_id"] == "P002")
    first = {k: v for k, v in rows["involvement"][dana].items()
             if k not in ("quote", "locator", "account", "account_by")}  # fmt: skip
    rows["involvement"][dana] = first | {"evidence_ids": "E004", "description": "Gave the order."}
    rows["involvement"].append(
        {"person_id": "P002", "incident_id": "I001", "role": "ordered",
         "description": "Ordered the detentions too.", "evidence_ids": "E001"}
    )  # fmt: skip
    folder = export_rows(build, tmp_path, rows, "us")
    text = paragraphs(folder / f"{folder.name}-us" / "send" / "submission.docx")
    chapter = text[text.index("2. Dana Fictiyeva") :]
    conduct = chapter[chapter.index("Conduct") : chapter.index("Criterion")]
    named = [p for p in conduct if "Detention of protesters in Example City" in p]
    assert named and named[0].startswith("Detention of protesters in Example City")
    assert any(p.startswith("CONFIDENTIAL. Gave the order.") for p in conduct)


def test_north_american_letters_are_on_letter_paper() -> None:
    """Canadian and US government practice is Letter, not A4."""
    assert {code for code, j in load().items() if j.paper == "letter"} == {"us", "ca"}


def test_one_date_style_through_a_letter_and_its_confidentiality_page(exported: Path) -> None:
    text = "\n".join(paragraphs(exported / "testland-us" / "send" / "submission.docx"))
    assert "Victims of Detention of protesters in Example City (March 1, 2020)" in text
    assert "1 March 2020" not in text


def test_the_summary_marks_a_confidential_post_as_the_chapter_does(build, tmp_path: Path) -> None:
    """A person whose every post rests on confidential evidence: the summary table gives the
    post marked CONFIDENTIAL, as the chapter does, never "not stated"."""
    rows = workbooks.valid_rows()
    rows["evidence"].append(
        {"evidence_id": "E003", "title": "Statement of a former officer", "kind": "testimony",
         "confidential": "yes"}
    )  # fmt: skip
    post = next(p for p in rows["positions"] if p["person_id"] == "P002")
    post.update(evidence_ids="E003", quote="", locator="", account="")
    post.update(quote="Dana Fictiyeva, who has led", locator="p. 1", account="witness")
    folder = export_rows(build, tmp_path, rows, "us", "--draft")
    path = folder / f"{folder.name}-us" / "send" / "submission.docx"
    summary = [[c.text for c in row.cells] for row in Document(str(path)).tables[0].rows]
    dana = next(row for row in summary if row[1] == "Dana Fictiyeva")
    # whose account the post is, as the chapter says it
    assert dana[2] == "CONFIDENTIAL. Chief, Example City Police (according to a witness)"
    assert any(p.startswith("CONFIDENTIAL. Chief, Example City Police") for p in paragraphs(path))


def test_no_confidentiality_page_when_nothing_is_confidential(build, tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0]["victims_confidential"] = "no"
    folder = export_rows(build, tmp_path, rows, "gb")
    text = paragraphs(folder / f"{folder.name}-gb" / "send" / "submission.docx")
    assert "Confidentiality" not in text and not any("CONFIDENTIAL" in p for p in text)


def test_the_signature_gives_the_signatorys_capacity(exported: Path) -> None:
    text = paragraphs(exported / "testland-gb" / "send" / "submission.docx")
    at = text.index("Signed on behalf of Example Rights Centre:")
    assert "Jane Doe, Director" in text[at : at + 5]


def test_the_summary_promises_arguments_only_where_the_government_asks_for_some(
    build, tmp_path: Path
) -> None:
    """Latvia asks for no argument beyond the ground: its letter does not promise one."""
    folder = export_rows(build, tmp_path, workbooks.valid_rows(), "us,lv")
    opening = {
        code: next(
            p
            for p in paragraphs(folder / f"{folder.name}-{code}" / "send" / "submission.docx")
            if p.startswith("This submission proposes")
        )
        for code in ("us", "lv")
    }
    assert opening["us"].endswith(
        "the criterion the conduct meets and why, and the arguments the designating authority "
        "asks for."
    )
    assert "arguments" not in opening["lv"]
    assert opening["lv"].endswith(
        "evidence index and the ground on which the Minister is asked to decide and why the "
        "conduct warrants it."
    )


def test_a_post_whose_passages_name_no_one_is_not_told_as_the_persons(
    build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "The longest-serving Minister of Examples" shows that someone held the office, not that
    Arman Testbayev did: neither the letter, nor the summary table, nor the package's FtM file
    gives it as his post."""
    passage = "the longest-serving Minister of Examples, from January 2015"
    monkeypatch.setattr(workbooks, "REPORT", f"{workbooks.REPORT}\n{passage}\n")
    rows = workbooks.valid_rows()
    rows["positions"][0].update(quote=passage)
    folder = export_rows(build, tmp_path, rows, "us", "--draft")
    package = folder / f"{folder.name}-us"
    path = package / "send" / "submission.docx"
    text = "\n".join(paragraphs(path))
    tables = [c.text for t in Document(str(path)).tables for row in t.rows for c in row.cells]
    assert "Example City Police" in text  # Dana Fictiyeva's post, which names her
    assert "Minister, Ministry of Examples" not in text
    assert not any("Minister, Ministry of Examples" in c for c in tables)
    lines = (package / "send" / "entities-confidential.ftm.json").read_text("utf-8").splitlines()
    schemata = [json.loads(line)["schema"] for line in lines]
    assert schemata.count("Occupancy") == 1  # hers alone
    # his chapter says he has none, and the notes say which post was left out, and why
    assert "None that the sources cited show as the person’s." in text
    notes = (package / "internal" / "notes.txt").read_text("utf-8")
    assert "- Arman Testbayev: Minister, Ministry of Examples" in notes.split("Posts not told")[1]


def test_identifying_details_cite_the_sources_that_state_them(build, tmp_path: Path) -> None:
    """A government matches a person by the birth date and ID numbers: each cites its source,
    which the package holds, and says whose statement it is when not the source's own."""
    rows = workbooks.valid_rows()
    rows["evidence"].append(
        {"evidence_id": "E003", "title": "Court record naming Dana Fictiyeva",
         "kind": "court_decision", "confidential": "no"}
    )  # fmt: skip
    rows["persons"][1].update(
        identity_evidence_ids="E003",
        id_numbers="Passport N0000001",
        identity_account="relative",
        identity_account_by="her brother",
    )
    folder = export_rows(build, tmp_path, rows, "us", "--draft")
    text = paragraphs(folder / f"{folder.name}-us" / "send" / "submission.docx")
    index = next(p for p in text if "Court record naming Dana Fictiyeva" in p)
    number = re.match(r"\[(\d+)\]", index)
    assert number is not None, index
    cite = f"[{number.group(1)}]"
    # whose they are, when not the source's own finding, as for every other fact
    said = f"(according to her brother) {cite}"
    assert f"Date of birth: 1981; place of birth: not known {said}" in text
    assert f"Nationality: Kazakhstan {said}; gender: female" in text
    assert f"Identity documents: Passport N0000001 {said}" in text
    # the index names where the package holds each copy, and none where it holds none
    report = next(p for p in text if p.endswith("Our reference: E001."))
    assert "Copy: evidence/example-city-report.txt." in report
    assert "Copy:" not in index


def test_a_passage_of_a_source_known_through_another_points_into_that_ones_copy(
    build, tmp_path: Path
) -> None:
    """The locator of a passage from a report the list holds only as quoted in another points
    into the other's copy: the index says "in [1], p. 4", not "p. 4" of a document the reader
    was never given."""
    rows = workbooks.valid_rows()
    workbooks.act_on_earlier_report(rows, "p. 4", "Report on the Example City detentions")
    folder = export_rows(build, tmp_path, rows, "us", "--draft")
    text = paragraphs(folder / f"{folder.name}-us" / "send" / "submission.docx")
    carrier = next(p for p in text if p.startswith("[") and "Our reference: E001" in p)
    at = next(i for i, p in enumerate(text) if "Report on the Example City detentions" in p)
    assert text[at].startswith("[") and "known only as cited in" in text[at]
    assert text[at + 1] == (
        f"in {carrier[: carrier.index(']') + 1]}, p. 4: “{workbooks.EARLIER_REPORT_SAYS}”"
    )
    # and every sentence citing it names the copy it is read in
    second = text[at][: text[at].index("]") + 1]
    quoted_in = f"{second}, as cited in {carrier[: carrier.index(']') + 1]}"
    assert any(p.endswith(f"Ordered the detentions. {quoted_in}") for p in text)


def test_a_quotation_of_the_source_in_anothers_copy_is_listed_under_the_source(
    build, tmp_path: Path
) -> None:
    """A row citing the report and the earlier report it quotes: the words the report sets in
    quotation marks are the earlier report's, listed under it (“in [1], para. 6”), not under
    the report as if it said them; the report's own words stay under the report."""
    rows = workbooks.valid_rows()
    workbooks.act_on_earlier_report(rows, "para. 6", "Report on the Example City detentions")
    rows["involvement"][0]["evidence_ids"] = "E001; E003"
    rows["involvement"][0]["quote"] += "; where they were held overnight"
    rows["involvement"][0]["locator"] = "para. 6; para. 6"
    folder = export_rows(build, tmp_path, rows, "us", "--draft")
    text = paragraphs(folder / f"{folder.name}-us" / "send" / "submission.docx")
    carrier = next(p for p in text if p.startswith("[") and "Our reference: E001" in p)
    at = next(i for i, p in enumerate(text) if "Report on the Example City detentions" in p)
    quoted = f"in {carrier[: carrier.index(']') + 1]}, para. 6: “{workbooks.EARLIER_REPORT_SAYS}”"
    own = "para. 6: “where they were held overnight”"
    assert text[at + 1] == quoted
    assert own in text[text.index(carrier) + 1 : at]
    assert f"para. 6: “{workbooks.EARLIER_REPORT_SAYS}”" not in text


def test_the_summary_table_names_only_the_conduct_the_proposal_rests_on(
    build, tmp_path: Path
) -> None:
    """A list of officials the person is named in grounds nothing: the summary table's conduct
    is what the Why lines rest on, not every row typed for the person."""
    rows = workbooks.valid_rows()
    workbooks.with_listed_act(rows)
    folder = export_rows(build, tmp_path, rows, "us")
    path = folder / f"{folder.name}-us" / "send" / "submission.docx"
    summary = [[c.text for c in row.cells] for row in Document(str(path)).tables[0].rows]
    arman = next(row for row in summary if row[1] == "Arman Testbayev")
    assert arman[4] == "Detention of protesters in Example City (March 1, 2020) [1]"


def test_two_incidents_of_one_title_and_date_are_told_apart_by_their_places(
    build, tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()
    second = dict(rows["incidents"][0], incident_id="I002", place="Other Town")
    rows["incidents"].append(second)
    rows["involvement"].append(dict(rows["involvement"][0], incident_id="I002"))
    folder = export_rows(build, tmp_path, rows, "us")
    path = folder / f"{folder.name}-us" / "send" / "submission.docx"
    summary = [[c.text for c in row.cells] for row in Document(str(path)).tables[0].rows]
    arman = next(row for row in summary if row[1] == "Arman Testbayev")
    assert "Example City" in arman[4] and "Other Town" in arman[4]
    assert arman[4].count("Detention of protesters in Example City") == 2


@pytest.mark.parametrize("code", [c for c in codes() if load()[c].locale in SPELLINGS])
def test_a_letter_words_its_own_sentences_in_its_readers_spelling(
    exported: Path, code: str
) -> None:
    """A letter to the United States or Canada calls its sender the submitting organization,
    in its headings, its Why lines and a draft's placeholders alike."""
    path = exported / f"testland-{code}" / "send" / "submission.docx"
    doc = Document(str(path))
    text = "\n".join(
        [p.text for p in doc.paragraphs]
        + [c.text for t in doc.tables for row in t.rows for c in row.cells]
        + [header_text(path)]
    )
    assert "in the submitting organization's assessment" in text
    assert "The submitting organization" in text
    british = re.compile(r"\b(" + "|".join(SPELLINGS[load()[code].locale]) + r")\b", re.I)
    assert not british.search(text), british.findall(text)
    shown, _ = letter_fields({}, Letterhead(draft=True), load()[code])
    assert shown["organisation"] == "[submitting organization]"
    assert shown["description"] == "[a few lines on the organization]"
