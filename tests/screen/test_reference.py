"""Reference data: FtM entities files read as Arrow tables, and what is not one refused by name."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from sanctions.screen.reference import ReferenceError, read_file, read_files
from tests import screening_data as data


def test_reference_reads_gzip_and_drops_repeated_ids(tmp_path: Path) -> None:
    plain = data.write_reference(tmp_path / "a.ftm.json")
    packed = tmp_path / "b.ftm.json.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    one = read_file(plain)
    both = read_files([plain, packed])
    assert read_file(packed).people.num_rows == one.people.num_rows
    assert both.people.num_rows == one.people.num_rows
    assert both.sanctions.num_rows == one.sanctions.num_rows


def test_a_file_that_is_not_ftm_is_reported_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "list.csv"
    bad.write_text("name,dob\nIvan,1970\n", encoding="utf-8")
    with pytest.raises(ReferenceError, match=r"list\.csv"):
        read_file(bad)


def test_reference_ignores_what_it_does_not_need(tmp_path: Path) -> None:
    """OpenSanctions' files carry first_seen, referents, target and many more properties."""
    path = tmp_path / "extra.ftm.json"
    path.write_text(
        '{"id": "a", "schema": "Person", "first_seen": "2020-01-01T00:00:00", "target": true,'
        ' "properties": {"name": ["Ivan Fictov"], "position": ["Boss"], "birthDate": ["1970"]}}'
        "\r\n\r\n"
        '{"id": "b", "schema": "Vessel", "properties": {"name": ["Ivan Fictov"]}}\n',
        encoding="utf-8",
    )
    people = read_file(path).people.to_pylist()
    assert [(p["id"], p["name"], p["birthDate"]) for p in people] == [
        ("a", ["Ivan Fictov"], ["1970"])
    ]


def test_an_empty_reference_file_is_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.ftm.json"
    empty.write_bytes(b"")
    with pytest.raises(ReferenceError, match="empty"):
        read_file(empty)


@pytest.mark.parametrize(
    "lines",
    [
        '{"a": 1}\n',  # JSON, but no entity
        '{"id": "x", "schema": "Spaceship", "properties": {}}\n',  # no schema FtM knows
        '{"schema": "Person", "properties": {"name": ["Ivan Fictov"]}}\n',  # no ID
    ],
)
def test_a_json_file_with_no_ftm_entity_is_refused_not_screened_as_empty(
    tmp_path: Path, lines: str
) -> None:
    """Screened against it, every person would be reported as designated nowhere."""
    path = tmp_path / "other.json"
    path.write_text(lines, encoding="utf-8")
    with pytest.raises(ReferenceError, match=r"other\.json: holds no FollowTheMoney entities"):
        read_file(path)


@pytest.mark.parametrize("first", ["null\n", "\n  null\n", '"text"\n', "[1]\n"])
@pytest.mark.parametrize("packed", [False, True])
def test_a_file_whose_first_line_is_no_json_object_is_refused(
    tmp_path: Path, first: str, packed: bool
) -> None:
    """Arrow's reader crashes the whole process on a first line of "null": refused before."""
    import gzip

    body = (first + '{"id": "a", "schema": "Person", "properties": {"name": ["X Y"]}}\n').encode()
    path = tmp_path / "odd.json"
    path.write_bytes(gzip.compress(body) if packed else body)
    with pytest.raises(ReferenceError, match="its first line is not a JSON object"):
        read_file(path)


def test_a_broken_line_is_named_as_an_editor_counts(tmp_path: Path) -> None:
    path = tmp_path / "truncated.ftm.json"
    good = '{"id": "a", "schema": "Person", "properties": {"name": ["Ivan Fictov"]}}\n'
    path.write_text(good * 3 + '{"id": "d", "schema": "Person", "properties": {"name": ["X]}}\n')
    with pytest.raises(ReferenceError, match=r"in entity 4 of the file \(one per line\)$"):
        read_file(path)


def test_a_file_of_entities_none_of_them_people_is_read(tmp_path: Path) -> None:
    path = tmp_path / "vessels.ftm.json"
    path.write_text('{"id": "b", "schema": "Vessel", "properties": {"name": ["Fictov"]}}\n')
    assert read_file(path).people.num_rows == 0


def test_an_empty_list_of_values_is_no_value(tmp_path: Path) -> None:
    """A file may write a property without values as ``[]``: read as FtM reads it, nothing."""
    import orjson

    path = tmp_path / "r.ftm.json"
    entities = [
        {"id": "a", "schema": "Person", "properties": {"name": ["Ivan Fiktov"], "birthDate": []}},
        {"id": "b", "schema": "Person", "properties": {"name": ["Dana Fiktova"]}},
    ]
    path.write_bytes(b"".join(orjson.dumps({**e, "datasets": ["x"]}) + b"\n" for e in entities))
    people = read_file(path).people
    assert people.column("birthDate").to_pylist() == [None, None]


@pytest.mark.parametrize("where", ["name", "alias", "country"])
def test_a_file_not_in_utf8_is_refused_in_words(tmp_path: Path, where: str) -> None:
    """A file saved in Windows' own encoding (cp1252) once reached the name matching and
    ended in a traceback there; Arrow's reader takes any bytes for text."""
    properties = {"name": '["Karim Test"]', where: '["K\xe4r"]'}
    given = ", ".join(f'"{key}": {value}' for key, value in properties.items())
    path = tmp_path / "cp1252.json"
    path.write_bytes(
        f'{{"id": "x1", "schema": "Person", "properties": {{{given}}}}}\n'.encode("cp1252")
    )
    with pytest.raises(ReferenceError, match=r"some of its text is not UTF-8.*save it again"):
        read_file(path)


def test_a_file_that_opens_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    """As a Windows editor saves a file: the mark is no line that is not an entity."""
    path = tmp_path / "saved.json"
    line = b'{"id": "a", "schema": "Person", "properties": {"name": ["Ivan Fictov"]}}\n'
    path.write_bytes(b"\xef\xbb\xbf" + line)
    assert read_file(path).people.num_rows == 1
