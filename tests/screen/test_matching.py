"""Screening: match quality on a labelled fictional set, the gap matrix, and the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions.check.validate import validate
from sanctions.model.targets import load_targets
from sanctions.screen.matching import screen
from sanctions.screen.reference import read_file
from sanctions.screen.scoring import Scorer
from sanctions.tracking.gaps import DESIGNATED, NONE, PROPOSED, gap_matrix
from sanctions.tracking.screening import Screening
from sanctions.tracking.selection import proposed_by
from tests import screening_data as data
from tests.conftest import run_cli


def found(screening: Screening) -> set[tuple[str, str]]:
    return {(p.person_id, m.ref_id) for p in screening.persons for m in p.matches}


def test_precision_and_recall_on_the_labelled_set(labelled: tuple[Path, Path, Screening]) -> None:
    reported = found(labelled[2])
    hits = reported & data.EXPECTED
    recall = len(hits) / len(data.EXPECTED)
    precision = len(hits) / len(reported)
    assert recall >= 0.95, f"missed: {sorted(data.EXPECTED - reported)}"
    assert precision >= 0.95, f"false matches: {sorted(reported - data.EXPECTED)}"


@pytest.mark.parametrize(
    ("person", "ref", "why"),
    [
        ("P001", "r03", "-ov/-ow"),
        ("P001", "r04", "-ov/-off"),
        ("P001", "r05", "Russian Cyrillic"),
        ("P003", "r08", "patronymic absent in the reference"),
        ("P003", "r09", "patronymic in Cyrillic"),
        ("P004", "r11", "Kazakh against Russian Cyrillic"),
        ("P005", "r13", "Kazakh Q against K"),
        ("P006", "r17", "ye/e and zh/j"),
        ("P007", "r18", "initials with the same birth date"),
    ],
)
def test_each_kind_of_variant_is_found(
    labelled: tuple[Path, Path, Screening], person: str, ref: str, why: str
) -> None:
    assert (person, ref) in found(labelled[2]), why


@pytest.mark.parametrize(
    ("ref", "why"),
    [
        ("n01", "same name, born 12 years earlier"),
        ("n05", "another name, same birth date"),
        ("n08", "initials without a birth date"),
        ("n09", "initials with another birth date"),
        ("org1", "a company carrying the name"),
    ],
)
def test_look_alikes_are_not_matched(
    labelled: tuple[Path, Path, Screening], ref: str, why: str
) -> None:
    assert ref not in {r for _, r in found(labelled[2])}, why


def test_a_match_carries_its_sanctions(labelled: tuple[Path, Path, Screening]) -> None:
    person = next(p for p in labelled[2].persons if p.person_id == "P001")
    match = next(m for m in person.matches if m.ref_id == "r01")
    assert match.score == 1.0
    assert match.matched_name == "TESTBAYEV, Arman"
    assert match.datasets == ["fictional"]
    (designation,) = match.designations
    assert (designation.jurisdiction, designation.program) == ("us", "GLOMAG")
    assert designation.listing_date == "2010-03-15"
    assert designation.active


def test_matches_are_sorted_best_first(labelled: tuple[Path, Path, Screening]) -> None:
    for person in labelled[2].persons:
        keys = [(-m.score, m.ref_id) for m in person.matches]
        assert keys == sorted(keys)


def test_withdrawn_persons_are_not_screened(tmp_path: Path) -> None:
    rows = data.workbooks.valid_rows()
    rows["persons"][1]["status"] = "withdrawn"
    book = data.workbooks.write(tmp_path / "book.xlsx", rows)
    result = screen(validate(book), book, read_file(data.write_reference(tmp_path / "r.json")))
    assert [p.person_id for p in result.persons] == ["P001"]


def test_a_reused_id_does_not_return_a_stale_score() -> None:
    """logic-v2 caches name analysis by entity ID: a new Scorer must not see the old entity."""
    first = Scorer()
    q = first.query("same", ["Ivan Fictov"], {})
    c = first.reference("same", "Person", {"name": ["Ivan Fictov"]})
    assert first.score(q, c).score == 1.0
    second = Scorer()
    q = second.query("same", ["Ivan Fictov"], {})
    c = second.reference("same", "Person", {"name": ["Pyotr Madeupov"]})
    assert second.score(q, c).score < 0.5


def test_ended_sanctions_do_not_count_as_designations(tmp_path: Path) -> None:
    entities = [
        {"id": "x1", "schema": "Person", "properties": {"name": ["Arman Testbayev"]}},
        {
            "id": "x1-s",
            "schema": "Sanction",
            "properties": {
                "entity": ["x1"],
                "country": ["ca"],
                "program": ["JVCFOA"],
                "endDate": ["2020-01-01"],
            },
        },
        {
            "id": "x1-t",
            "schema": "Sanction",
            "properties": {"entity": ["x1"], "country": ["au"], "program": ["Thematic"]},
        },
    ]
    book = data.write_workbook(tmp_path / "book.xlsx")
    reference = read_file(data.write_reference(tmp_path / "r.json", entities))
    result = validate(book)
    screening = screen(result, book, reference)
    matrix = gap_matrix(screening, proposed_by(load_targets(result), screening, {}))
    row = matrix["P001"]
    assert row["au"].status == DESIGNATED and row["au"].program == "Thematic"
    assert row["ca"].status == PROPOSED  # the Canadian listing ended
    (match,) = next(p for p in screening.persons if p.person_id == "P001").matches
    assert {d.jurisdiction: d.active for d in match.designations} == {"ca": False, "au": True}


def test_gap_matrix_statuses(labelled: tuple[Path, Path, Screening]) -> None:
    book, _, screening = labelled
    matrix = gap_matrix(screening, proposed_by(load_targets(validate(book)), screening, {}))
    p001 = matrix["P001"]
    assert p001["us"].status == DESIGNATED and p001["us"].date == "2010-03-15"
    assert p001["gb"].status == DESIGNATED
    assert p001["eu"].status == PROPOSED
    # P003 is at the research stage: designated where listed, otherwise nothing proposed.
    assert matrix["P003"]["eu"].status == NONE


def test_a_list_where_no_one_has_a_full_birth_date_is_screened(tmp_path: Path) -> None:
    """The default list gives only years of birth: screening it once failed on an empty set of
    full dates."""
    rows = data.workbooks.valid_rows()
    for person in rows["persons"]:
        person["birth_date"] = (person.get("birth_date") or "")[:4] or None
    book = data.workbooks.write(tmp_path / "book.xlsx", rows)
    entities = [{"id": "x1", "schema": "Person", "properties": {"name": ["Arman Testbayev"]}}]
    reference = read_file(data.write_reference(tmp_path / "r.json", entities))
    result = screen(validate(book), book, reference)
    found = {p.person_id: [m.ref_id for m in p.matches] for p in result.persons}
    assert found["P001"] == ["x1"]


def test_a_possible_match_says_what_leaves_it_in_doubt() -> None:
    from sanctions.screen.matching import (
        NO_BIRTH_HERE,
        NO_BIRTH_THERE,
        OTHER_COUNTRY,
        OTHER_YEAR,
        PART_NAMES,
        PATRONYMIC_ONLY,
        doubts,
    )

    assert doubts(None, ["1970-01-01"], "name_match 0.95") == [NO_BIRTH_HERE]
    assert doubts("1970-01-01", [], "") == [NO_BIRTH_THERE]
    assert doubts("1970-01-01", ["1971-05-05", "1972"], "") == [OTHER_YEAR]
    assert doubts("1970", ["1970-03-02"], "") == []
    assert doubts("1970", ["1970"], "name_match 0.8: ['x' extraQueryPart: 0.00]") == [PART_NAMES]
    # the only part on one side is a patronymic, as official lists print them
    assert doubts("1953", ["1953"], "['kemeluly' extraResultPart: 0.00, weight 0.20]") == [
        PATRONYMIC_ONLY
    ]
    assert doubts("1965", ["1965"], "['kazhimkanovich' extraResultPart: 0.00]") == [PATRONYMIC_ONLY]
    # a listing in another country: a namesake, or a nationality the workbook does not record
    assert doubts("1970", ["1970"], "", (["kz"], ["kg"])) == [OTHER_COUNTRY]
    assert doubts("1970", ["1970"], "", (["kz"], ["kg", "KZ"])) == []
    assert doubts("1970", ["1970"], "", ([], ["kg"])) == []  # nothing to compare
    assert doubts("1970", ["1970"], "", (["kz"], [])) == []


def test_a_legal_entity_carrying_a_person_s_name_is_scored_as_the_data_gives_it(
    tmp_path: Path,
) -> None:
    """OpenSanctions gives an entity of unknown kind as a LegalEntity, which has no birth date
    or nationality: the scorer's own rules, which read those, read nothing there."""
    import orjson

    from sanctions.screen.matching import Query, score_queries

    path = tmp_path / "reference.ftm.json"
    entity = {"id": "le1", "schema": "LegalEntity", "properties": {"name": ["Ivan Fiktov"]}}
    path.write_bytes(orjson.dumps({**entity, "datasets": ["fictional"]}) + b"\n")
    people = read_file(path).people
    born = Query("P001", "Ivan Fiktov", "proposed", ["Ivan Fiktov"], "1970-03-15", ["mm"], None)
    found = score_queries([born], people, 0.5)
    assert [(rec["id"], sc.name) for rec, sc in found[0]] == [("le1", "Ivan Fiktov")]


def test_two_persons_of_one_id_are_each_scored_as_themselves(tmp_path: Path) -> None:
    """A list checked by hand may repeat an ID; the scorer's caches go by its own keys."""
    from dataclasses import replace

    import orjson

    from sanctions.screen.matching import Query, score_queries

    path = tmp_path / "reference.ftm.json"
    path.write_bytes(
        orjson.dumps(
            {
                "id": "r1",
                "schema": "Person",
                "properties": {"name": ["Ivan Petrovich Fiktov"], "birthDate": ["1970-03-15"]},
                "datasets": ["fictional"],
            }
        )
        + b"\n"
    )
    people = read_file(path).people
    ivan = Query(
        "P07",
        "Ivan Petrovich Fiktov",
        "proposed",
        ["Ivan Petrovich Fiktov"],
        "1970-03-15",
        [],
        None,
    )
    other = replace(ivan, name="Pavel Fiktov", names=["Pavel Sergeevich Fiktov"])
    alone = score_queries([ivan], people, 0.0)[0]
    together = score_queries([other, ivan], people, 0.0)
    assert together[1] == alone


# A valid value of each FtM property type, for an entity carrying every property its schema has.
SAMPLE = {
    "address": "1 Invented Street, Fictown",
    "checksum": "da39a3ee5e6b4b0d3255bfef95601890afd80709",
    "country": "mm",
    "date": "1970-03-15",
    "email": "nobody@example.org",
    "gender": "male",
    "html": "<p>Ivan Fiktov</p>",
    "identifier": "FX-0001",
    "ip": "192.0.2.1",
    "json": "{}",
    "language": "eng",
    "mimetype": "text/plain",
    "name": "Ivan Fiktov",
    "number": "1",
    "phone": "+15555550100",
    "topic": "sanction",
    "url": "https://example.org/",
}


def test_every_schema_and_property_of_ftm_is_read_and_scored_without_error(
    tmp_path: Path,
) -> None:
    """Sanctions data may hold any schema of FtM's model with any of its properties (partial
    dates, empty lists among them): each is read, and each a person may match is scored. Made
    from the model itself, so that a schema or property FtM adds is tried too."""
    import orjson
    from followthemoney import model

    from sanctions.screen.matching import Query, score_queries
    from sanctions.screen.reference import matchable_schemata

    lines = []
    for schema in sorted(model.schemata.values(), key=lambda s: s.name):
        if schema.abstract:
            continue
        props: dict[str, list[str]] = {}
        for prop in schema.properties.values():
            if prop.stub:
                continue
            if prop.type.name == "entity":
                props[prop.name] = [f"{schema.name}-other"]
            else:
                props[prop.name] = [SAMPLE.get(prop.type.name, "Ivan Fiktov")]
        if "birthDate" in props:
            props["birthDate"] = ["1970", "1970-03", "1970-03-15"]
        if "alias" in props:
            props["alias"] = []
        entity = {"id": schema.name, "schema": schema.name, "properties": props, "target": True}
        lines.append(orjson.dumps({**entity, "datasets": ["fictional"], "caption": "x"}))
    empty = {"name": ["Ivan Fiktov"], "birthDate": [], "nationality": [], "alias": []}
    lines.append(orjson.dumps({"id": "empty", "schema": "Person", "properties": empty}))
    path = tmp_path / "every.ftm.json"
    path.write_bytes(b"\n".join(lines) + b"\n")
    people = read_file(path).people
    ivan = Query("P001", "Ivan Fiktov", "proposed", ["Ivan Fiktov"], "1970-03-15", ["mm"], "male")
    found = score_queries([ivan], people, 0.0)
    assert sorted({rec["schema"] for rec, _ in found[0]}) == matchable_schemata()
    # and the whole command, its Sanction and designations read from the same file
    book = data.write_workbook(tmp_path / "book.xlsx")
    ran = run_cli("screen", str(book), "--against", str(path), "--out", str(tmp_path / "out"))
    assert ran.returncode == 0, ran.stderr
