"""Whether a proposed person's case is ready: a case resting only on a collective mention, and
a case some government's test finds short, each one warning at the person's status cell. Every
name is invented."""

from __future__ import annotations

import pytest

from sanctions.check.validate import validate
from sanctions.common.beside import PROCESSES_ENV
from tests import workbooks
from tests.workbooks import cell


@pytest.fixture(autouse=True, params=["one core", "two cores"])
def cores(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test twice: readiness judged after the other rules, and beside them on the second
    core: the findings must be the same."""
    if request.param == "two cores":
        monkeypatch.setenv(PROCESSES_ENV, "2")
    else:
        monkeypatch.setenv(PROCESSES_ENV, "1")


THEY = "They are the ones who give orders and direct the persecution of activists in the region"


def status_cells(findings, code: str) -> list[str | None]:
    return [f.cell for f in findings if f.code == code]


def test_a_case_resting_on_a_collective_mention_is_flagged_whatever_the_role(build) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"].append(
        {"incident_id": "I009", "title": "Persecution of activists", "date": "2020-05",
         "place": "Example City", "country": "kz", "victims": "Aliya Fictive",
         "violation_types": "persecution_of_defenders",
         "summary": "A report lists officials involved.", "evidence_ids": "E001"}
    )  # fmt: skip
    for i in range(3, 8):
        pid = f"P00{i}"
        rows["persons"].append({"person_id": pid, "name": f"Officer Number{i}ov",
                                "status": "proposed" if i < 7 else "research"})  # fmt: skip
        rows["positions"].append({"person_id": pid, "org_id": "O001", "title": "Officer",
                                  "start_date": "2019", "evidence_ids": "E001"})  # fmt: skip
        rows["involvement"].append({"person_id": pid, "incident_id": "I009",
                                    "role": ("commanded", "ordered")[i % 2],
                                    "description": THEY, "evidence_ids": "E001"})  # fmt: skip
    rows["involvement"].append({"person_id": "P003", "incident_id": "I001", "role": "perpetrated",
                                "description": "Number3ov beat a detainee.",
                                "evidence_ids": "E001"})  # fmt: skip
    findings = validate(build(rows)).findings
    # P003 has an act of their own, P007 is only being researched: P004, P005 and P006 remain.
    assert status_cells(findings, "person.collective_only") == [
        cell("persons", "status", i) for i in (3, 4, 5)
    ]
    warning = next(f for f in findings if f.code == "person.collective_only")
    assert warning.severity == "warning"
    assert "person 'P004' is tied to I009 only by passages about several persons" in warning.message
    # Said once: the not-ready warning leaves them to this one.
    assert status_cells(findings, "person.not_ready") == []


def test_a_case_short_of_what_some_governments_ask_is_named_with_what_it_lacks(build) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0].pop("place")  # the EU and Switzerland ask for the place
    findings = validate(build(rows)).findings
    assert not [f for f in findings if f.severity == "error"]
    assert status_cells(findings, "person.not_ready") == [
        cell("persons", "status", 0),
        cell("persons", "status", 1),
    ]
    first = next(f for f in findings if f.code == "person.not_ready")
    assert first.severity == "warning"
    assert first.message.startswith(
        "person 'P001' is not ready for European Union, Switzerland: the sources do not show "
        "the incident's place; nothing about them goes to those governments"
    )


def test_a_workbook_with_errors_is_not_judged(build) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0].pop("place")
    rows["persons"][0]["status"] = "nonsense"  # an error elsewhere
    findings = validate(build(rows)).findings
    assert [f for f in findings if f.severity == "error"]
    assert status_cells(findings, "person.not_ready") == []


def one_warning(findings, code: str, at: str | None, begins: str) -> None:
    """The one finding of ``code``: a warning at ``at`` whose message begins so."""
    (found,) = [f for f in findings if f.code == code]
    assert (found.cell, found.severity) == (at, "warning")
    assert found.message.startswith(begins), found.message


def quoting(passage: str, monkeypatch: pytest.MonkeyPatch) -> workbooks.Rows:
    """The valid rows with Dana Fictiyeva's act quoting ``passage``, from the report, whose
    copy (plain text, in any script) holds it."""
    monkeypatch.setattr(workbooks, "REPORT", f"{workbooks.REPORT}\n{passage}\n")
    rows = workbooks.valid_rows()
    rows["involvement"][1].update(quote=passage, evidence_ids="E001")
    return rows


def test_an_act_whose_passages_do_not_name_the_person_grounds_nothing_and_says_where(
    build, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A passage that names no one ("the policeman grabbed him by the neck") is no account of
    the person's act, whatever role the row carries: the row's quote cell says so, and the act
    grounds nothing, so that a person with no other act is not ready anywhere."""
    findings = validate(build(quoting("The policeman grabbed him by the neck", monkeypatch)))
    findings = findings.findings
    one_warning(
        findings,
        "act.passage_unnamed",
        cell("involvement", "quote", 1),
        "no passage quoted for 'P002' (Dana Fictiyeva) in I001 names them, so this act grounds "
        "no criterion for any government, whatever the role",
    )
    not_ready = next(f for f in findings if f.code == "person.not_ready")
    assert "person 'P002' is not ready for " in not_ready.message
    assert "a quoted passage on the person's own act, naming them" in not_ready.message


@pytest.mark.parametrize(
    "passage",
    [
        "Chief Fictiyeva led the officers who detained us",  # as the workbook spells it
        "the officers under Fictiyevoi detained us",  # a grammatical case
        "Начальник Фиктиева руководила задержанием",  # another script
        "D. Fictiyeva's officers detained us",  # an initial, a possessive
        "officers detained us; it was Fictieva who led them",  # another romanisation
    ],
)
def test_a_passage_names_the_person_however_it_spells_them(
    build, monkeypatch: pytest.MonkeyPatch, passage: str
) -> None:
    findings = validate(build(quoting(passage, monkeypatch))).findings
    assert not [f for f in findings if f.severity == "error"]
    assert not [f for f in findings if f.code == "act.passage_unnamed"], passage


def quoting_post(passage: str, monkeypatch: pytest.MonkeyPatch) -> workbooks.Rows:
    """The valid rows with Arman Testbayev's post quoting ``passage`` from the report."""
    monkeypatch.setattr(workbooks, "REPORT", f"{workbooks.REPORT}\n{passage}\n")
    rows = workbooks.valid_rows()
    rows["positions"][0].update(quote=passage)
    return rows


def test_a_post_whose_passages_do_not_name_the_person_is_pointed_at(
    build, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "The longest-serving Minister of Examples" shows that someone held the office, not that
    this person did: the quote cell says so, and the post is no post held at the time."""
    passage = "the longest-serving Minister of Examples, from January 2015"
    findings = validate(build(quoting_post(passage, monkeypatch))).findings
    one_warning(
        findings,
        "post.passage_unnamed",
        cell("positions", "quote", 0),
        "no passage quoted for the post 'Minister' of 'P001' (Arman Testbayev) names them, so "
        "no package tells it as theirs",
    )


def test_a_post_named_in_another_of_its_passages_is_the_persons(
    build, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source names the holder once and then goes on ("He then …"): the row's passages are
    read together, as an act's are."""
    monkeypatch.setattr(
        workbooks, "REPORT", f"{workbooks.REPORT}\nMinister Testbayev was appointed\n"
    )
    passages = "Minister Testbayev was appointed; the longest-serving Minister of Examples"
    rows = quoting_post("the longest-serving Minister of Examples", monkeypatch)
    rows["positions"][0].update(quote=passages, locator="p. 2; p. 2")
    findings = validate(build(rows)).findings
    assert not [f for f in findings if f.severity == "error"]
    assert not [f for f in findings if f.code == "post.passage_unnamed"]


def test_an_argument_left_to_write_is_pointed_at_for_the_governments_that_ask(build) -> None:
    """The export refuses a filing copy while an argument a government asks for is unwritten;
    validate says so first, at the cell it is written from, once for every government. What
    a criterion's own words make part of the case is no argument: its absence leaves the
    person not ready there."""
    rows = workbooks.valid_rows()
    rows["persons"][0]["impact"] = ""
    rows["incidents"][0]["victim_activity"] = ""
    found = validate(build(rows)).findings
    findings = [f for f in found if f.code == "argument.unwritten"]
    impact = cell("persons", "impact", 0)
    assert {f.cell for f in findings} == {impact}
    assert all(f.severity == "warning" for f in findings)
    on_impact = [f.message for f in findings if f.cell == impact]
    assert (
        "the letters to United States make the argument 'National interest and impact' for "
        "'P001', and this cell, which it is written from, is empty"
    ) in [m[: m.index(": the drafts")] for m in on_impact]
    assert any(m.startswith("the letters to United Kingdom make") for m in on_impact)
    # Canada's s. 4(2)(a) reaches only violations against people who seek to expose
    # wrongdoing or to exercise or defend rights: what the victims did is part of the case
    for pid in ("P001", "P002"):
        (unready,) = [f.message for f in found if f.code == "person.not_ready" and pid in f.message]
        assert f"person '{pid}' is not ready for Canada" in unready
        assert "what the victims were doing that the law protects" in unready


def test_an_argument_whose_column_the_workbook_lacks_says_to_add_it(build) -> None:
    """A workbook made before the impact column: the message says where to add it."""
    rows = workbooks.valid_rows()
    for person in rows["persons"]:
        person.pop("impact", None)
    without = [c for c in workbooks.headers("persons") if c != "impact"]
    path = build(rows, header_overrides={"persons": without})
    findings = [f for f in validate(path).findings if f.code == "argument.unwritten"]
    assert findings and all(f.cell is None and f.sheet == "persons" for f in findings)
    assert all(
        f.message.endswith(
            "(the persons sheet has no 'impact' column yet: type 'impact' in the first empty "
            "cell of its header row, and write it below, in this person's row)"
        )
        for f in findings
    )


def test_a_case_element_whose_column_the_workbook_lacks_says_to_add_it(build) -> None:
    """A workbook made before the victim_activity column: Canada's not-ready finding says
    where to add it."""
    rows = workbooks.valid_rows()
    for incident in rows["incidents"]:
        incident.pop("victim_activity", None)
    without = [c for c in workbooks.headers("incidents") if c != "victim_activity"]
    path = build(rows, header_overrides={"incidents": without})
    unready = [f.message for f in validate(path).findings if f.code == "person.not_ready"]
    assert unready and all(
        "(the incidents sheet has no 'victim_activity' column yet: type 'victim_activity' in the "
        "first empty cell of its header row, and write it below, in the incident's row)" in m
        for m in unready
    )


def test_arguments_written_raise_nothing(build) -> None:
    findings = validate(build(workbooks.valid_rows())).findings
    assert not [f for f in findings if f.code == "argument.unwritten"]
