"""Workbook -> FtM entities: faithful, cited, deterministic, and nothing confidential when public."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.util import stringify
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions.check.validate import validate
from sanctions.evidence.holding import Holding
from sanctions.model.convert import build
from sanctions.model.ftmio import dumps
from sanctions.model.graph import Graph, ModelError, check, reference_properties
from sanctions.model.rows import Rows
from tests import workbooks
from tests.conftest import REPO

CANARY = "CANARY-7f3a"


def graph_of(build_book, rows, public=False):
    """The graph as export builds it: with the evidence copies read."""
    book = build_book(rows)
    result = validate(book)
    holding = Holding.of(Rows.of(result).evidence, book)
    return build(result, "test", public=public, holding=holding)


def by_schema(graph, schema):
    return [e for e in graph.sorted() if e.schema.name == schema]


def test_every_row_becomes_its_entities(build):
    graph = graph_of(build, workbooks.valid_rows())
    counts = {
        s: len(by_schema(graph, s))
        for s in (
            "Person",
            "PublicBody",
            "Position",
            "Occupancy",
            "Event",
            "UnknownLink",
            "Document",
            "Associate",
        )
    }
    assert counts == {
        "Person": 2,
        "PublicBody": 2,
        "Position": 2,
        "Occupancy": 2,
        "Event": 1,
        "UnknownLink": 2,
        "Document": 2,
        "Associate": 1,
    }
    arman = next(p for p in by_schema(graph, "Person") if p.first("name") == "Arman Testbayev")
    assert arman.get("birthDate") == ["1970-05-01"] and arman.get("nationality") == ["kz"]
    assert "role.pep" in arman.get("topics") and "sanction" not in arman.get("topics")
    dana = next(p for p in by_schema(graph, "Person") if p.first("name") == "Dana Fictiyeva")
    assert dana.get("nationality") == ["kz"] and "gov.security" in dana.get("topics")


@pytest.mark.parametrize(
    ("sheet_says", "ftm_says"),
    [
        ("parent", "child"),
        ("child", "parent"),
        ("nephew_niece", "uncle_aunt"),
        ("spouse", "spouse"),
    ],
)
def test_a_family_tie_says_what_the_relative_is_to_the_person(build, sheet_says, ftm_says):
    """The sheet's "parent": the listed person is the relative's parent. FtM's Family reads
    ``relationship`` from the person's side: what the relative is to them."""
    rows = workbooks.valid_rows()
    rows["relations"] = [
        {"person_id": "P002", "related_person_id": "P001", "relationship": sheet_says,
         "evidence_ids": "E001"}
    ]  # fmt: skip
    graph = graph_of(build, rows)
    (family,) = by_schema(graph, "Family")
    person, relative = (graph.entities[family.first(p) or ""] for p in ("person", "relative"))
    assert person.first("name") == "Dana Fictiyeva"  # P002, the sheet's person_id
    assert relative.first("name") == "Arman Testbayev"
    assert family.get("relationship") == [ftm_says]


def test_a_post_held_as_of_a_date_carries_that_date(build):
    """The sheet's ``as_of`` (a source shows the post held on that day, and no more): FtM's
    ``date`` of an interval, neither its start nor its end."""
    rows = workbooks.valid_rows()
    rows["positions"][0].update(start_date=None, end_date=None, as_of="2020-05-15")
    graph = graph_of(build, rows)
    dated = [o for o in by_schema(graph, "Occupancy") if o.get("date")]
    assert len(dated) == 1 and dated[0].get("date") == ["2020-05-15"]
    assert not dated[0].get("startDate") and not dated[0].get("endDate")


def test_a_post_known_from_someones_account_says_whose_in_the_file(build):
    rows = workbooks.valid_rows()
    rows["positions"][0].update(account="witness", account_by="a former officer")
    graph = graph_of(build, rows)
    told = [o.get("description") for o in by_schema(graph, "Occupancy")]
    assert sorted(told) == [[], ["According to a former officer."]]


def test_contrary_information_travels_with_the_person(build):
    rows = workbooks.valid_rows()
    rows["persons"][0]["exculpatory"] = "He denies giving any order."
    graph = graph_of(build, rows)
    arman = next(p for p in by_schema(graph, "Person") if p.first("name") == "Arman Testbayev")
    assert arman.get("notes") == ["Contrary information: He denies giving any order."]


def test_claims_carry_proof_and_documentation(build):
    graph = graph_of(build, workbooks.valid_rows())
    docs = {d.id for d in by_schema(graph, "Document")}
    for schema in ("Occupancy", "UnknownLink", "Event", "Associate"):
        for entity in by_schema(graph, schema):
            assert entity.get("proof") and set(entity.get("proof")) <= docs, entity.to_dict()
    links = {(d.first("document"), d.first("entity")) for d in by_schema(graph, "Documentation")}
    for entity in graph.sorted():
        for doc in entity.get("proof"):
            # FtM's Documentation points at a Thing: an incident, never a post held or an act
            assert ((doc, entity.id) in links) == entity.schema.is_a("Thing"), entity.schema
    assert links and {d.first("role") for d in by_schema(graph, "Documentation")} == {"evidence"}


def test_every_reference_is_within_its_property_range(build):
    graph = graph_of(build, workbooks.valid_rows())
    for entity in graph.sorted():
        for name in reference_properties(entity.schema):
            wanted = entity.schema.properties[name].range
            for ref in entity.get(name):
                assert graph.entities[ref].schema.is_a(wanted), (entity.schema, name)


def _person_document_and_post_held() -> tuple[Graph, str, str, str]:
    graph = Graph("test")
    person = graph.make("Person", "person", "P1")
    person.add("name", "Arman Testbayev")
    doc = graph.make("Document", "doc", "E1")
    doc.add("fileName", "e1.pdf")
    post = graph.make("Position", "position", "O1")
    post.add("name", "Minister of Testing")
    held = graph.make("Occupancy", "occupancy", "P1")
    held.add("holder", person.id)
    held.add("post", post.id)
    for entity in (person, doc, post, held):
        graph.emit(entity)
    return graph, person.id, doc.id, held.id


def test_a_reference_outside_its_range_stops_the_conversion():
    graph, person, _, held = _person_document_and_post_held()
    graph.entities[held].set("post", person)  # a Person where FtM wants a Position
    with pytest.raises(ModelError, match=r"post -> Person .*, not a Position"):
        check(graph)

    graph, person, doc, held = _person_document_and_post_held()
    graph.emit(graph.documentation(doc, person))
    check(graph)  # a Documentation of a Thing is in range
    graph.emit(graph.documentation(doc, held))
    with pytest.raises(ModelError, match=r"entity -> Occupancy .*, not a Thing"):
        check(graph)


def _many_problems() -> Graph:
    """Posts held by persons, every seventh of them pointing at nothing and every eleventh at a
    person where a post belongs: problems in both halves of the graph."""
    graph = Graph("t")
    post = graph.emit(graph.make("Position", "position", "O1"))
    post.add("name", "Minister of Testing")
    for n in range(60):
        person = graph.emit(graph.make("Person", "person", f"P{n}"))
        person.add("name", f"Person {n}")
        held = graph.make("Occupancy", "occupancy", f"P{n}")
        held.add("holder", f"t-nowhere-{n}" if n % 7 == 0 else person.id)
        held.add("post", person.id if n % 11 == 0 else post.id)
        graph.emit(held)
    return graph


def test_a_large_graph_checked_on_two_cores_finds_what_one_finds(monkeypatch):
    """Checked half here and half on the other core, the same problems, in the same order."""
    from sanctions.model import graph as graph_module

    with pytest.raises(ModelError) as alone:
        check(_many_problems())
    monkeypatch.setattr(graph_module, "CHECK_APART_FROM", 2)
    with pytest.raises(ModelError) as apart:
        check(_many_problems())
    assert str(apart.value) == str(alone.value)
    assert "unknown t-nowhere-0" in str(alone.value) and "not a Position" in str(alone.value)


def test_positions_name_role_and_body_with_status(build):
    graph = graph_of(build, workbooks.valid_rows())
    names = sorted(p.first("name") for p in by_schema(graph, "Position"))
    assert names == ["Chief, Example City Police", "Minister, Ministry of Examples"]
    status = sorted(o.first("status") for o in by_schema(graph, "Occupancy"))
    # a post with no end date is not said to be held still: the sources are no roster
    assert status == ["ended", "unknown"]


def test_ids_come_from_sheet_ids_not_names(build):
    rows = workbooks.valid_rows()
    first = {p.first("name"): p.id for p in by_schema(graph_of(build, rows), "Person")}
    rows["persons"].reverse()
    rows["persons"][0]["name"] = "Dana Fictiyeva-Renamed"
    second = graph_of(build, rows)
    person = next(
        p for p in by_schema(second, "Person") if p.first("name") == "Dana Fictiyeva-Renamed"
    )
    assert person.id == first["Dana Fictiyeva"]
    assert all(e.id.startswith("test-") for e in second.sorted())


def test_output_is_deterministic(build):
    rows = workbooks.valid_rows()
    assert dumps(graph_of(build, rows).sorted(), "t") == dumps(graph_of(build, rows).sorted(), "t")


def test_dropped_values_fail_loudly():
    graph = Graph("t")
    person = graph.make("Person", "person", "P1")
    graph.put(person, "name", "Someone", "persons!B2")
    graph.put(person, "birthDate", "12.03.1975", "persons!I2")
    graph.emit(person)
    with pytest.raises(ModelError, match=r"persons!I2: Person:birthDate dropped '12.03.1975'"):
        check(graph)


def test_dangling_reference_and_missing_required_fail():
    graph = Graph("t")
    occupancy = graph.make("Occupancy", "occupancy", "x")
    occupancy.add("holder", "t-nowhere")
    graph.emit(occupancy)
    with pytest.raises(ModelError) as raised:
        check(graph)
    assert "holder -> unknown t-nowhere" in str(raised.value) and "no post" in str(raised.value)


def test_a_workbook_with_errors_is_not_converted(build):
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "1965-13-01"
    with pytest.raises(ModelError):
        graph_of(build, rows)


def confidential_rows():
    rows = workbooks.valid_rows()
    rows["incidents"][0]["victims"] = f"Victim {CANARY}"
    rows["incidents"].append(
        {
            "incident_id": "I002",
            "title": f"Secret {CANARY}",
            "date": "2021",
            "country": "kz",
            "violation_types": "torture",
            "summary": f"Witness {CANARY}",
            "evidence_ids": "E003",
            "confidential": "yes",
        }
    )
    rows["evidence"].append(
        {
            "evidence_id": "E003",
            "title": f"Statement {CANARY}",
            "kind": "testimony",
            "confidential": "yes",
        }
    )
    rows["involvement"].append(
        {
            "person_id": "P002",
            "incident_id": "I002",
            "role": "perpetrated",
            "description": f"Beat {CANARY}",
            "evidence_ids": "E003",
        }
    )
    return rows


def test_public_graph_has_nothing_confidential(build):
    rows = confidential_rows()
    full = dumps(graph_of(build, rows).sorted(), "t").decode()
    public = dumps(graph_of(build, rows, public=True).sorted(), "t").decode()
    assert CANARY in full
    assert CANARY not in public
    # I001's victims are confidential, and a title may name them: the public event is untitled
    assert "Detention of protesters in Example City" in full
    assert "Detention of protesters" not in public
    assert "Incident on 2020-03-01 (arbitrary detention, ill treatment)" in public


def test_public_graph_drops_people_resting_only_on_confidential_evidence(build):
    rows = workbooks.valid_rows()
    rows["evidence"][1]["confidential"] = "yes"
    rows["positions"][1]["evidence_ids"] = "E002"
    rows["positions"][1]["quote"] = "Chief Fictiyeva led the officers"  # the statement's words
    rows["relations"] = []
    public = graph_of(build, rows, public=True)
    assert [p.first("name") for p in by_schema(public, "Person")] == ["Arman Testbayev"]
    assert all(e.id is not None for e in public.sorted())
    check(public)


def test_public_graph_leaves_out_what_only_confidential_sources_give_of_a_person(build):
    """A birth date, an ID or contrary information only a confidential source states leaves
    with it; what a public source states stays."""
    rows = workbooks.valid_rows()
    rows["evidence"][1]["confidential"] = "yes"  # E002, the witness statement
    rows["persons"][1].update(
        birth_date="1971-04-02",
        id_numbers="Passport N7654321",
        identity_evidence_ids="E002",
        exculpatory="Denies having been on duty that day.",
        exculpatory_evidence_ids="E002",
    )
    full = graph_of(build, rows)
    public = graph_of(build, rows, public=True)

    def dana(graph):
        (person,) = [p for p in by_schema(graph, "Person") if p.first("name") == "Dana Fictiyeva"]
        return person

    assert dana(full).get("birthDate") == ["1971-04-02"]
    assert "Passport N7654321" in dana(full).get("idNumber")
    assert dana(full).get("notes")
    assert dana(public).get("birthDate") == []
    assert dana(public).get("idNumber") == []
    assert dana(public).get("notes") == []
    assert dana(public).get("name") == ["Dana Fictiyeva"]  # the person stays, by their act
    # beside the public report: what it states of her (the year she was born) is published,
    # and what it does not (the day, the passport) still is not
    rows["persons"][1].update(identity_evidence_ids="E001; E002", exculpatory_evidence_ids="E001")
    public = graph_of(build, rows, public=True)
    assert dana(public).get("birthDate") == [] and dana(public).get("notes")
    rows["persons"][1].update(birth_date="1981-04-02")
    public = graph_of(build, rows, public=True)
    assert dana(public).get("birthDate") == ["1981"] and dana(public).get("idNumber") == []


def test_a_value_a_public_copy_states_only_in_part_is_published_as_far_as_it_states_it(build):
    """Beside the public report, a confidential testimony with no copy here is cited for a
    birth date and a place: the report gives the year of birth and one place, and the public
    entities no more; the internal ones keep what the editor typed."""
    rows = workbooks.valid_rows()
    workbooks.with_unread_interview(rows)
    rows["persons"][1].update(birth_date="1981-04-02", identity_evidence_ids="E001; E003")
    rows["incidents"][0].update(place="Example City; Hidden Town", evidence_ids="E001; E003")

    def found(graph, schema, prop):
        return sorted(v for e in by_schema(graph, schema) for v in e.get(prop))

    full, public = graph_of(build, rows), graph_of(build, rows, public=True)
    assert "1981-04-02" in found(full, "Person", "birthDate")
    assert found(public, "Person", "birthDate") == ["1970-05-01", "1981"]
    assert found(public, "Person", "nationality") == ["kz", "kz"]  # the report says so
    assert found(full, "Event", "location") == ["Example City", "Hidden Town"]
    assert found(public, "Event", "location") == ["Example City"]
    assert found(public, "Event", "startDate") == ["2020-03-01"]  # the report gives the day


def test_kazakhstan_converts_and_ftm_validate_returns_it_unchanged(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sanctions",
            "export",
            "--draft",  # the default list names no submitting organisation
            "lists/kazakhstan.xlsx",
            "--out",
            str(tmp_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    path = tmp_path / "kazakhstan" / "entities.ftm.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
    ftm = Path(sys.executable).parent / "ftm"
    out = tmp_path / "validated.json"
    subprocess.run([str(ftm), "validate", "-i", str(path), "-o", str(out)], check=True, timeout=300)
    again = out.read_text(encoding="utf-8").splitlines()
    assert sorted(map(json.loads, lines), key=lambda e: e["id"]) == sorted(
        map(json.loads, again), key=lambda e: e["id"]
    )
    people = [json.loads(line) for line in lines if json.loads(line)["schema"] == "Person"]
    massimov = next(p for p in people if p["properties"]["name"] == ["Karim Massimov"])
    assert model.get_proxy(massimov).get("birthDate") == ["1965"]


@settings(max_examples=200, deadline=None)
@given(
    st.text(min_size=1, max_size=10),
    st.lists(st.text(max_size=12).map(str.strip).filter(bool), min_size=1, max_size=5),
)
def test_entity_key_is_make_entity_id(prefix, parts):
    from followthemoney.util import make_entity_id

    from sanctions.model.graph import entity_key

    clean = [p for p in parts if stringify(p) == p]
    if clean:
        assert entity_key(prefix.strip() or "x", *clean) == make_entity_id(
            *clean, key_prefix=prefix.strip() or "x"
        )


def test_an_act_says_what_each_of_its_documents_holds_of_it(build):
    from sanctions.evidence.holding import Holding
    from sanctions.model.rows import Rows

    rows = workbooks.valid_rows()
    act = rows["involvement"][0]
    act.update(
        evidence_ids="E001; E002",
        quote="Minister Testbayev ordered the police to detain the protesters; "
        "We were surrounded by police officers",
        locator="p. 4; para. 2",
    )
    book = build(rows)
    result = validate(book)
    holding = Holding.of(Rows.of(result).evidence, book)
    graph = build_graph(result, holding)
    said = {
        text
        for link in by_schema(graph, "UnknownLink")
        for text in link.get("summary")
        if "ordered the police" in text or "surrounded" in text
    }
    assert said == {
        "[Report on Example City]: “Minister Testbayev ordered the police to detain the protesters” "
        "(p. 4)",
        "[Witness statement]: “We were surrounded by police officers” (para. 2)",
    }


def test_a_document_s_content_hash_is_the_sha1_of_its_copy_never_the_recorded_sha256(build):
    """FtM's checksum type is a SHA-1 (40 hex digits): a SHA-256 there is no value of it, and
    whoever loads the file would drop it or reject the entity."""
    import hashlib

    from sanctions.evidence.folder import evidence_folder
    from sanctions.evidence.holding import Holding
    from sanctions.model.rows import Rows

    book = build(workbooks.valid_rows())
    result = validate(book)
    evidence = Rows.of(result).evidence
    graph = build_graph(result, Holding.of(evidence, book))
    documents = {doc.get("fileName")[0]: doc for doc in by_schema(graph, "Document")}
    for item in evidence:
        assert item.file and item.sha256  # the valid rows record the copies' SHA-256
        data = (evidence_folder(book) / item.file).read_bytes()
        assert documents[item.file].get("contentHash") == [hashlib.sha1(data).hexdigest()]
    # without the copies at hand (no holding), no checksum rather than a wrong one
    assert all(
        not doc.get("contentHash") for doc in by_schema(build_graph(result, None), "Document")
    )


def build_graph(result, holding):
    return build(result, "test", holding=holding)


def made_in_order(graph):
    """Every entity in the order it was made, and the values FtM dropped, in order too."""
    return (
        [(key, entity.to_dict()) for key, entity in graph.entities.items()],
        [(loss.origin, loss.prop, loss.value) for loss in graph.losses],
    )


@pytest.mark.parametrize("public", [False, True])
@pytest.mark.parametrize("workbook", ["default", "confidential"])
def test_what_is_told_on_the_other_core_makes_the_same_graph_in_the_same_order(
    monkeypatch, public, workbook, tmp_path
):
    """A long list's documents, incidents and acts are built in a forked process while the
    persons and posts are built here; the graph is the one built in turn, entity for entity
    and in the same order, confidential documents, incidents and victims left out alike."""
    from sanctions.common import beside
    from sanctions.model import convert as convert_module

    if workbook == "default":
        result = validate(REPO / "lists" / "kazakhstan.xlsx")
    else:
        result = validate(workbooks.write(tmp_path / "book.xlsx", confidential_rows()))
    in_turn = made_in_order(build(result, "kz", public=public))
    started, real = [], convert_module.Beside

    def counted(job):
        started.append(job)
        return real(job)

    monkeypatch.setenv(beside.PROCESSES_ENV, "2")
    monkeypatch.setattr(convert_module, "Beside", counted)
    monkeypatch.setattr(convert_module, "APART_FROM", 1)
    apart = made_in_order(build(result, "kz", public=public))
    assert len(started) == 1
    told = {entity["schema"] for _, entity in apart[0]}
    assert {"Document", "Documentation", "UnknownLink", "Event", "Occupancy"} <= told
    assert apart == in_turn


def test_acts_whose_second_process_is_lost_are_built_here(monkeypatch):
    from sanctions.common import beside
    from sanctions.model import convert as convert_module

    class Lost:
        def __init__(self, job):
            pass

        def wait(self):
            raise RuntimeError("the second process ended without an answer")

    result = validate(REPO / "lists" / "kazakhstan.xlsx")
    expected = made_in_order(build(result, "kz"))
    monkeypatch.setenv(beside.PROCESSES_ENV, "2")
    monkeypatch.setattr(convert_module, "Beside", Lost)
    monkeypatch.setattr(convert_module, "APART_FROM", 1)
    assert made_in_order(build(result, "kz")) == expected


def test_a_short_involvement_sheet_is_built_in_turn(monkeypatch):
    from sanctions.common import beside
    from sanctions.model import convert as convert_module

    def forbidden(job):
        raise AssertionError("no second process for a short list")

    monkeypatch.setenv(beside.PROCESSES_ENV, "2")
    monkeypatch.setattr(convert_module, "Beside", forbidden)
    assert build(validate(REPO / "lists" / "kazakhstan.xlsx"), "kz").entities


def test_acts_built_apart_are_stopped_when_the_posts_fail(monkeypatch):
    from sanctions.common import beside
    from sanctions.model import convert as convert_module

    stopped = []

    class Recorded:
        def __init__(self, job):
            pass

        def stop(self):
            stopped.append(True)

    def failing(self):
        raise RuntimeError("a post could not be made")

    result = validate(REPO / "lists" / "kazakhstan.xlsx")
    monkeypatch.setenv(beside.PROCESSES_ENV, "2")
    monkeypatch.setattr(convert_module, "Beside", Recorded)
    monkeypatch.setattr(convert_module, "APART_FROM", 1)
    monkeypatch.setattr(convert_module.Converter, "positions", failing)
    with pytest.raises(RuntimeError, match="a post could not be made"):
        build(result, "kz")
    assert stopped == [True]


def test_two_tellers_of_one_act_are_two_links_and_a_reader_gets_only_the_one_told(build):
    """A report's finding that the chief led the officers, and a witness's account that "the
    chief" beat them, which does not name her: two acts, not one link carrying both. The
    letters and the public page tell the first only (``Target.own_acts``), and so do the
    entities their reader is given: merged, the witness's words went with the finding."""
    from sanctions.model.rows import Rows
    from sanctions.model.subset import relied_edges, subset
    from sanctions.model.targets import load_targets

    rows = workbooks.valid_rows()
    finding = dict(rows["involvement"][1])
    finding.update(
        evidence_ids="E001",
        quote="Dana Fictiyeva, who has led the Example City police since 2018",
        locator="p. 3",
        account="finding",
        account_by=None,
    )
    rows["involvement"][1].update(quote="We were surrounded by police officers", locator="para. 2")
    rows["involvement"].append(finding)
    result = validate(build(rows))
    graph = build_graph(result, None)
    links = [
        link
        for link in by_schema(graph, "UnknownLink")
        if "surrounded" in " ".join(link.get("summary"))
        or "has led" in " ".join(link.get("summary"))
    ]
    assert len(links) == 2
    [dana] = [t for t in load_targets(Rows.of(result)) if t.person_id == "P002"]
    keep = relied_edges(graph, [dana])
    kept = [link for link in links if keep(link)]
    assert [" ".join(link.get("summary")) for link in kept] == [
        "[Report on Example City]: “Dana Fictiyeva, who has led the Example City police since "
        "2018” (p. 3)"
    ]
    assert subset(graph, [graph.id_of("person", "P002")], keep)  # and the rest follows


@pytest.mark.parametrize(
    ("title", "introduced"),
    [
        ("Report on Example City", "[Report on Example City]"),
        # described in square brackets, as citations describe an untitled document: not twice
        (
            "[Press statement of the Example City police]",
            "[Press statement of the Example City police]",
        ),
    ],
)
def test_an_act_read_in_anothers_copy_says_so_in_its_summary(build, title, introduced):
    """As the letters cite it ("[3], as cited in [2]"): a report known only through an
    article is introduced as cited in it, since the locator points into the article."""
    from sanctions.evidence.holding import Holding
    from sanctions.model.rows import Rows

    rows = workbooks.valid_rows()
    workbooks.act_on_earlier_report(rows)
    for item in rows["evidence"]:
        if item["title"] == "Report on Example City":
            item["title"] = title
    book = build(rows)
    result = validate(book)
    graph = build_graph(result, Holding.of(Rows.of(result).evidence, book))
    said = [
        text
        for link in by_schema(graph, "UnknownLink")
        for text in link.get("summary")
        if "city police station" in text
    ]
    assert said == [
        f"[Example Watch's earlier report], as cited in {introduced}: “Minister "
        "Testbayev had the detained protesters taken to the city police station” (para. 6)"
    ]


def test_a_posts_end_is_ended_or_not_at_the_editions_date_not_the_day_it_is_built(
    build, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edition dated once is the same bytes whatever day it is exported on."""
    from sanctions.common import dates
    from sanctions.model.convert import build as build_graph

    rows = workbooks.valid_rows()
    rows["positions"][1].update(start_date="2019", end_date="2027-06")
    result = validate(build(rows))

    def status(as_of: str | None) -> list[str]:
        graph = build_graph(result, "t", as_of=as_of)
        (post,) = [o for o in by_schema(graph, "Occupancy") if o.get("endDate") == ["2027-06"]]
        return post.get("status")

    assert status("2026-12-01") == ["current"]
    assert status("2027-07-01") == ["ended"]
    monkeypatch.setattr(dates, "today", lambda: datetime.date(2030, 1, 1))
    assert status("2026-12-01") == ["current"]  # the edition's date, not the day it is built
    assert status(None) == ["ended"]  # an undated draft: as of the day it is built


def test_an_incidents_words_only_a_confidential_copy_holds_leave_the_public_graph(build):
    """The summary quotes the witness's statement, confidential; the incident stays, on the
    public report, without those words."""
    rows = workbooks.valid_rows()
    rows["evidence"][1]["confidential"] = "yes"  # E002, the witness statement
    rows["incidents"][0].update(
        evidence_ids="E001; E002",
        summary='Protesters said "we were surrounded by police officers".',
        victims_confidential="no",
    )
    (event,) = by_schema(graph_of(build, rows, public=True), "Event")
    assert event.get("summary") == [] and event.get("name")
    (full,) = by_schema(graph_of(build, rows), "Event")
    assert "surrounded by police" in full.first("summary")
