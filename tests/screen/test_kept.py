"""Scores kept between screenings: the same scores as the scorer gives, a pair scored again only
when a side the scorer reads has changed, nothing kept where scores could differ by run, and a
cache that cannot be used passed over. Every name is invented."""

from __future__ import annotations

import datetime
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
import pytest

from sanctions.screen import ahead, kept
from sanctions.screen.download import NO_CACHE_FOLDER
from sanctions.screen.kept import KEPT_DAYS, KeptScores, query_key, record_key
from sanctions.screen.matching import Query, score_queries
from sanctions.screen.reference import PERSON_PROPS, read_file
from sanctions.screen.score import Score

IVAN = Query("P001", "Ivan Fictov", "proposed", ["Ivan Fictov", "Иван Фиктов"], None, [], None)
DANA = Query("P002", "Dana Madeupova", "proposed", ["Dana Madeupova"], "1970-01-02", [], "female")


def record(name: str, birth: str | None = None, **more: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {p: None for p in PERSON_PROPS}
    rec.update({"schema": "Person", "name": [name], "birthDate": [birth] if birth else None})
    rec.update(more)
    return rec


@pytest.fixture
def fixed_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a command's process (``entry``), whose string hashing seed is fixed."""
    monkeypatch.setattr(kept, "seed", lambda: "0")


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    people = [
        ("r1", "Ivan Fiktov", None),
        ("r2", "Dana Madeupova", "1970-01-02"),
        ("r3", "Dana Madeupova", "1931-05-05"),
        ("r4", "Pyotr Otherov", None),
        ("r5", "Dana Madeupina", "1931-05-05"),  # a candidate of Dana's, scored below 0.5
    ]
    lines = [
        orjson.dumps(
            {
                "id": key,
                "schema": "Person",
                "properties": {"name": [name], **({"birthDate": [born]} if born else {})},
                "datasets": ["fictional"],
            }
        )
        for key, name, born in people
    ]
    path = tmp_path / "reference.ftm.json"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_a_kept_score_is_found_as_it_was_kept(tmp_path: Path, fixed_seed: None) -> None:
    store = KeptScores(tmp_path)
    pairs = {
        (b"q" * 16, b"r" * 16): Score(0.8312, "Ivan Fiktov", "name 0.83: fictov ~ fiktov"),
        (b"q" * 16, b"s" * 16): None,  # a pair the scorer does not compare
    }
    store.keep(pairs)
    store.close()
    again = KeptScores(tmp_path)
    assert again.find([*pairs, (b"q" * 16, b"t" * 16)]) == pairs
    assert again.problem is None


def test_a_score_unused_for_long_is_dropped_and_one_used_is_not(
    tmp_path: Path, fixed_seed: None
) -> None:
    day = datetime.date(2026, 12, 6)
    used, unused = (b"q" * 16, b"u" * 16), (b"q" * 16, b"o" * 16)

    def on(days: int) -> KeptScores:
        return KeptScores(tmp_path, today=day + datetime.timedelta(days=days))

    first = on(0)
    first.keep({used: Score(0.9, "A", ""), unused: Score(0.9, "B", "")})
    first.close()
    later = on(KEPT_DAYS - 1)  # used again the day before it would be dropped: dated again
    assert set(later.find([used])) == {used}
    later.close()
    last = on(KEPT_DAYS + 1)  # the next screening ends by dropping what was not used
    assert set(last.find([used])) == {used}
    last.close()
    assert set(on(KEPT_DAYS + 1).find([used, unused])) == {used}


def test_a_score_is_scored_again_only_when_a_side_the_scorer_reads_changed() -> None:
    base = query_key(DANA)
    for changed in (
        replace(DANA, names=["Dana Madeupova", "Дана Мадеупова"]),
        replace(DANA, birth_date="1970-01-03"),
        replace(DANA, countries=["kz"]),
        replace(DANA, gender=None),
    ):
        assert query_key(changed) != base, changed
    # what the scorer does not read: the row's ID, its display name, its status
    assert query_key(replace(DANA, person_id="P009", name="D. M.", status="research")) == base
    theirs = record("Dana Madeupova", "1970-01-02")
    for prop in (*PERSON_PROPS, "schema"):
        assert record_key({**theirs, prop: ["other"]}) != record_key(theirs), prop
    assert record_key({**theirs, "id": "x", "datasets": ["y"]}) == record_key(theirs)


def test_a_screening_asked_again_never_waits_for_the_scorer(
    tmp_path: Path, reference: Path, fixed_seed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = read_file(reference).people
    corrected = replace(DANA, birth_date="1931-05-05")  # Dana's birth date corrected
    fresh = {
        (name, threshold): score_queries(queries, people, threshold)
        for name, queries in (("first", [IVAN, DANA]), ("corrected", [IVAN, corrected]))
        for threshold in (0.0, 0.5)
    }
    low = sum(map(len, fresh["first", 0.0].values())) - sum(map(len, fresh["first", 0.5].values()))
    assert low > 0
    store = KeptScores(tmp_path / "cache")
    sent: list[list[tuple[int, int]]] = []
    scorer = ahead.score

    def counting(request: ahead.Request) -> ahead.Scored:
        sent.append(request[2])
        return scorer(request)

    monkeypatch.setattr(ahead, "score", counting)
    assert score_queries([IVAN, DANA], people, 0.5, kept=store) == fresh["first", 0.5]
    assert len(sent) == 1
    assert score_queries([IVAN, DANA], people, 0.5, kept=store) == fresh["first", 0.5]
    assert len(sent) == 1  # nothing sent to the scorer the second time
    # another threshold needs no score either: every pair's score was kept, low ones too
    assert score_queries([IVAN, DANA], people, 0.0, kept=store) == fresh["first", 0.0]
    assert len(sent) == 1
    # her pairs are scored again, and Ivan's are not
    assert score_queries([IVAN, corrected], people, 0.5, kept=store) == fresh["corrected", 0.5]
    assert len(sent) == 2 and {qi for qi, _ in sent[1]} == {1}


def test_nothing_is_kept_where_scores_could_differ_by_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process whose string hashing is not the command's (a library call, a test) could
    explain a match otherwise than the command does."""
    monkeypatch.setattr(kept, "seed", lambda: None)
    store = KeptScores(tmp_path)
    store.keep({(b"q" * 16, b"r" * 16): Score(1.0, "A", "")})
    assert store.find([(b"q" * 16, b"r" * 16)]) == {}
    assert not (tmp_path / kept.FOLDER).exists()


def test_a_cache_that_cannot_be_used_is_passed_over_saying_why(
    tmp_path: Path, reference: Path, fixed_seed: None
) -> None:
    (tmp_path / kept.FOLDER).write_text("a file where the folder should be")
    store = KeptScores(tmp_path)
    assert store.problem is not None and "scores not kept" in store.problem
    people = read_file(reference).people
    assert score_queries([DANA], people, 0.5, kept=store) == score_queries([DANA], people, 0.5)

    # a file that is not a database (cut short by a full disk, say) is made anew
    other = tmp_path / "other"
    broken = KeptScores(other).path
    assert broken is not None
    broken.write_bytes(b"not a database at all" * 100)
    store = KeptScores(other)
    assert store.problem is None
    store.keep({(b"q" * 16, b"r" * 16): Score(1.0, "A", "")})
    assert store.find([(b"q" * 16, b"r" * 16)]) == {(b"q" * 16, b"r" * 16): Score(1.0, "A", "")}


def test_a_file_found_broken_while_in_use_is_removed_for_the_next_screening(
    tmp_path: Path, fixed_seed: None
) -> None:
    store = KeptScores(tmp_path)
    assert store.path is not None and store.path.exists()

    class Broken:
        def execute(self, *args: object) -> None:
            raise sqlite3.DatabaseError("database disk image is malformed")

        def close(self) -> None:
            pass

    store._db = Broken()  # type: ignore[assignment]
    assert store.find([(b"q" * 16, b"r" * 16)]) == {}
    assert store.problem is not None and "malformed" in store.problem
    assert not store.path.exists()


def test_a_machine_without_a_home_folder_screens_without_keeping(
    fixed_seed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("SANCTIONS_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", nowhere)
    store = KeptScores()
    assert store.problem == f"the cache folder: scores not kept ({NO_CACHE_FOLDER})"
    assert store.find([(b"q" * 16, b"r" * 16)]) == {}


def test_the_scores_of_other_code_are_removed(tmp_path: Path, fixed_seed: None) -> None:
    folder = tmp_path / kept.FOLDER
    folder.mkdir()
    stale = folder / "scores-0123456789abcdef0123456789abcdef.sqlite3"
    sqlite3.connect(stale).close()
    store = KeptScores(tmp_path)
    assert store.path.exists() and not stale.exists()


def test_the_code_that_scores_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept.fingerprint.cache_clear()
    ours = kept.fingerprint()
    try:
        # another version of a library on the scoring path
        with monkeypatch.context() as other:
            other.setattr(kept.metadata, "version", lambda name: "0.0-other")
            kept.fingerprint.cache_clear()
            assert kept.fingerprint() != ours
        # another data file the scorer reads (given names, honorifics), and its words changed
        (tmp_path / "given_names.yaml").write_text("{}\n")
        monkeypatch.setenv("SANCTIONS_SCHEMAS", str(tmp_path))
        kept.fingerprint.cache_clear()
        theirs = kept.fingerprint()
        assert theirs != ours
        (tmp_path / "given_names.yaml").write_text("{ivan: [ivan]}\n")
        kept.fingerprint.cache_clear()
        assert kept.fingerprint() not in (ours, theirs)
        monkeypatch.delenv("SANCTIONS_SCHEMAS")
        kept.fingerprint.cache_clear()
        assert kept.fingerprint() == ours
    finally:
        kept.fingerprint.cache_clear()
