"""The Kazakhstan list: valid, sourced, and faithful to the seed documents it cites."""

from __future__ import annotations

import hashlib

import pytest

from sanctions.check.validate import validate
from sanctions.evidence.folder import evidence_folder
from sanctions.workbook.columns.values import split_multi
from tests.conftest import REPO
from tests.ftm_files import every_problem, package_mismatches

BOOK = REPO / "lists" / "kazakhstan.xlsx"


@pytest.fixture(scope="module")
def kz():
    return validate(BOOK)


def test_validates_with_zero_errors(kz):
    assert kz.errors == []


def test_has_at_least_25_officials_each_with_post_and_involvement(kz):
    persons = kz.frames["persons"]
    assert len(persons) >= 25
    ids = set(persons["person_id"])
    assert ids <= set(kz.frames["positions"]["person_id"])
    assert ids <= set(kz.frames["involvement"]["person_id"])


def by_name(kz, name):
    persons = kz.frames["persons"]
    (row,) = persons.index[persons["name"] == name]
    return persons.loc[row]


def test_massimov_dated_posts_from_the_un_opinion(kz):
    massimov = by_name(kz, "Karim Massimov")
    assert massimov["birth_date"] == "1965" and massimov["nationality"] == "kz"
    assert "Karim Masimov" in massimov["aliases"]
    posts = kz.frames["positions"]
    mine = posts[posts["person_id"] == massimov["person_id"]]
    terms = sorted(zip(mine["title"], mine["start_date"], mine["end_date"], strict=True))
    assert terms == [
        ("Chairman", "2016-09-08", "2022-01"),
        ("Prime Minister", "2007-01-10", "2012-09-24"),
        ("Prime Minister", "2014-04-02", "2016-09-08"),
    ]
    evidence = kz.frames["evidence"].set_index("evidence_id")
    un = [e for e in split_multi(mine["evidence_ids"]) if evidence.at[e, "kind"] == "un_document"]
    assert un, "Massimov's posts must cite the UN opinion"


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("Nursultan Nazarbayev", "Nursultan Nazarbaev"),
        ("Erlan Turgumbayev", "Erlan Turgumbaev"),
        ("Gizat Karzhibayev", "Gizat Karzhybayev"),
    ],
)
def test_spelling_variants_are_aliases_not_rows(kz, name, variant):
    assert variant in by_name(kz, name)["aliases"]
    assert not [f for f in kz.findings if f.code == "person.near_duplicate"]


def test_every_fact_row_cites_evidence(kz):
    for sheet in ("positions", "involvement", "incidents", "relations"):
        assert kz.frames[sheet]["evidence_ids"].notna().all(), sheet


def test_the_copies_of_the_seed_documents_match_their_recorded_hashes(kz):
    """The list cites its copies of the five seed documents, kept in its evidence folder (so
    that a clone has them): each is the document that was cited."""
    evidence = kz.frames["evidence"].dropna(subset=["file"])
    assert len(evidence) == 5
    folder = evidence_folder(BOOK)
    for name, digest in zip(evidence["file"], evidence["sha256"], strict=True):
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_no_invented_identifiers(kz):
    """Only Massimov's birth year and place are stated in the seeds; no ID numbers are."""
    persons = kz.frames["persons"]
    assert persons["id_numbers"].isna().all()
    assert list(persons["birth_date"].dropna()) == ["1965"]


GROUNDING = {"killing", "torture"}


def test_no_package_alleges_killing_or_torture_on_a_role_that_does_not_ground_it(kz):
    """The US, UK and EU packages: every killing or torture a chapter relies on comes from an
    act whose role reaches it; the officials the report merely lists are not proposed."""
    from sanctions.governments.registry import load
    from sanctions.governments.roles import role
    from sanctions.governments.scope import scope
    from sanctions.model.targets import load_targets

    targets = load_targets(kz)
    names = {t.person_id for t in targets}
    assert not names & {f"P0{n:02d}" for n in range(6, 20)}  # the fourteen "also included"
    assert "P025" not in names  # roles narrowed to what the text says
    for code in ("us", "gb", "eu"):
        for target in targets:
            for ground in scope(load()[code], target).grounds:
                alleged = ground.reach & GROUNDING
                assert alleged <= role(ground.act.role).reaches, (code, target.name)
                assert ground.act.role not in {"listed", "addressee", "participated"}
    judge = next(t for t in targets if t.person_id == "P022")
    assert all("killing" not in a.violation_types for a in judge.acts)  # the trial, not the killing


def test_contested_facts_say_whose_account_they_are(kz):
    persons = kz.frames["persons"].set_index("person_id")
    incidents = kz.frames["incidents"].set_index("incident_id")
    for text in (persons.at["P002", "exculpatory"], incidents.at["I008", "summary"]):
        assert "According to the source (petitioner)" in text
        assert "The Government stated" in text
        assert "not contested (para. 103)" in text or "was not contested" in text


def test_sources_known_only_second_hand_say_through_what(kz):
    evidence = kz.frames["evidence"].set_index("evidence_id")
    assert evidence.at["E003", "known_through"] == "E002"  # the report, via the news article
    assert evidence.at["E007", "known_through"] == "E004"  # the EP resolution, via the report
    assert not [f for f in kz.findings if f.code == "evidence.uncheckable"]


def test_the_public_page_shows_contrary_information_and_no_proposals(tmp_path):
    from tests.conftest import run_cli

    out = tmp_path / "out"
    proc = run_cli("export", "--draft", "--only", "us", str(BOOK), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    page = (out / "kazakhstan" / "public" / "index.html").read_text(encoding="utf-8")
    massimov = page[page.index(">Karim Massimov</h2>") :]
    massimov = massimov[: massimov.index("<h2")]
    assert "Contrary information:</strong> Himself detained in January 2022." in massimov
    assert "Allegations, not findings." in page
    assert "Bakhytzhan Malybaev" not in page  # listed by the report only: research, not public
    assert ">Erlan Turgumbayev</h2>" not in page  # proposed, but his case is ready nowhere


PROPOSED = {"P002", "P004", "P020", "P022", "P023", "P024"}


def test_the_same_rule_for_everyone_an_act_of_ones_own_in_a_quoted_passage(kz):
    """A person is proposed when a quoted passage records an act of their own; a head of state
    named only in passages about several officials together stays at research, and a president
    whose own instruction a source records is proposed like anyone else."""
    persons = kz.frames["persons"].set_index("person_id")
    assert set(persons.index[persons["status"] == "proposed"]) == PROPOSED
    assert persons.at["P001", "status"] == "research"  # Nazarbayev: collective passages only
    assert persons.at["P020", "status"] == "proposed"  # Tokayev: his own instruction
    # Karzhibayev: the report records his threat in an interrogation and a seizure of money in a
    # search, and does not say that he brought the charges, sought the detention or took part
    # in the trial, the violations his incident stands for: no act of his grounds a criterion.
    assert persons.at["P021", "status"] == "research"


def test_every_post_of_a_proposed_person_is_quoted_in_words_that_name_them(kz):
    """All but one: the opinion says that "the incumbent President" made himself Chair of the
    Security Council, and names no one there; that post is not told as Tokayev's."""
    unnamed = [f.message for f in kz.findings if f.code == "post.passage_unnamed"]
    assert len(unnamed) == 1
    assert "the post 'Chairman of the Security Council' of 'P020'" in unnamed[0]


def test_every_involvement_and_post_of_a_proposed_person_quotes_its_copy(kz):
    """Each row carries the source's words, where they are and whose account they are, and
    validate found each passage in the evidence copy (no quote it could not check)."""
    for sheet in ("involvement", "positions"):
        frame = kz.frames[sheet]
        mine = frame[frame["person_id"].isin(PROPOSED)]
        assert len(mine), sheet
        for column in ("quote", "locator", "account"):
            assert mine[column].notna().all(), (sheet, column)
    quoting = [f for f in kz.findings if f.code.startswith("quote.")]
    assert quoting == []


def test_every_package_proposes_only_acts_that_pass_its_governments_test(kz):
    from sanctions.governments.case import missing
    from sanctions.governments.registry import load
    from sanctions.governments.scope import scope
    from sanctions.model.targets import load_targets

    proposed_somewhere = set()
    for code, jurisdiction in load().items():
        for target in load_targets(kz):
            found = scope(jurisdiction, target)
            for ground in found.grounds:
                act = ground.act
                tenure = act.role in ground.criterion.tenure
                assert missing(jurisdiction.case, target, act, tenure) == (), (code, target.name)
                assert act.anchor.quote and not act.collective, (code, target.name)
                proposed_somewhere.add(target.person_id)
    assert proposed_somewhere < PROPOSED  # Turgumbayev's case is ready nowhere
    assert "P004" not in proposed_somewhere


def test_notes_and_validate_name_the_cases_not_ready_and_what_they_lack(kz, tmp_path):
    from tests.conftest import run_cli

    warned = {f.row for f in kz.findings if f.code == "person.not_ready"}
    persons = kz.frames["persons"]
    rows = {pid: i + 2 for i, pid in enumerate(persons["person_id"])}
    assert warned == {rows[p] for p in ("P002", "P004", "P022", "P023")}
    out = tmp_path / "out"
    proc = run_cli("export", "--draft", "--only", "eu", str(BOOK), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    notes = (out / "kazakhstan" / "kazakhstan-eu" / "internal" / "notes.txt").read_text(
        encoding="utf-8"
    )
    ready = notes[notes.index("Not ready for the European Union") :]
    assert "- Erlan Turgumbayev: the sources do not show the incident's place" in ready


def test_the_default_lists_dropdowns_offer_every_allowed_value():
    """Its `_lists` sheet feeds the dropdowns: a value the tool accepts (a new government, a
    new role) is offered there too."""
    from openpyxl import load_workbook

    from sanctions.workbook.layout import load_layout

    sheet = load_workbook(BOOK, read_only=True)["_lists"]
    columns = list(zip(*sheet.iter_rows(values_only=True), strict=True))
    offered = {col[0]: [v for v in col[1:] if v] for col in columns if col[0]}
    for name, values in load_layout().vocabularies.items():
        assert offered.get(name) == list(values), name
    # and each dropdown reaches the last of them (a range one short hides the newest value)
    letters = {col[0]: chr(ord("A") + i) for i, col in enumerate(columns) if col[0]}
    book = load_workbook(BOOK)
    ranges = [
        dv.formula1
        for ws in book.worksheets
        for dv in ws.data_validations.dataValidation
        if dv.formula1 and "_lists" in dv.formula1
    ]
    assert ranges
    for name, column in letters.items():
        for formula in (f for f in ranges if f"!${column}$" in f):
            assert formula.endswith(f"${column}${len(offered[name]) + 1}"), (name, formula)


def test_the_default_list_screens_without_full_birth_dates(tmp_path):
    """No person of the default list has a full birth date: screening it against a small
    reference file (fictional entities) completes, and the export after it cites the screening."""
    from tests.conftest import run_cli

    reference = tmp_path / "reference.ftm.json"
    reference.write_text(
        '{"id": "f1", "schema": "Person", "properties": {"name": ["Fictio Namesake"], '
        '"birthDate": ["1965-06-15"]}}\n'
        '{"id": "f2", "schema": "Person", "properties": {"name": ["Other Fictionova"]}}\n'
        '{"id": "f3", "schema": "Person", "properties": {"name": ["Third Invented"], '
        '"birthDate": ["1970"]}}\n',
        encoding="utf-8",
    )
    out = tmp_path / "exports"
    proc = run_cli("screen", str(BOOK), "--against", str(reference), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (out / "kazakhstan" / "screening.json").is_file()
    proc = run_cli("export", str(BOOK), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    notes = (out / "kazakhstan" / "kazakhstan-us" / "internal" / "notes.txt").read_text("utf-8")
    assert "Existing designations (screened against reference.ftm.json)" in notes
    # every FtM file written (the list's, the publishable one, each package's) stands whole
    assert every_problem(out / "kazakhstan") == []
    # and each package's FtM file holds the documents its evidence list gives, no fewer
    assert package_mismatches(out / "kazakhstan") == []
