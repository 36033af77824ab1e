"""Screening finds listed people under the spellings real romanisation systems give them.

The set (``tests/data/spellings.yaml``, built by ``tests/spelling_set.py``) holds fictional
people listed under an English-language list form, queried as NGOs in other countries write
them, beside decoys that must not match. nomenklatura's own index with logic-v2 runs on the
same data, and everything it finds must be found here too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from sanctions.screen.scoring import Scorer
from tests.spelling_set import (
    Outcome,
    Query,
    load,
    screen_nomenklatura,
    screen_ours,
    write_reference,
)


@pytest.fixture(scope="module")
def spelling_set(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Query], Path]:
    entities, queries = load()
    reference = write_reference(entities, tmp_path_factory.mktemp("set") / "ref.ftm.json")
    return queries, reference


@pytest.fixture(scope="module")
def ours(spelling_set: tuple[list[Query], Path]) -> Outcome:
    queries, reference = spelling_set
    return screen_ours(reference, queries)


def test_the_set_covers_each_system(spelling_set: tuple[list[Query], Path]) -> None:
    queries, _ = spelling_set
    systems = Counter(q.system for q in queries)
    for system in (
        "german",
        "french",
        "swedish",
        "icao_9303_passport",
        "iso_9_gost_779",
        "scholarly",
        "soviet_passport_french",
        "library_of_congress",
        "belarusian",
        "belarusian_lacinka",
        "ukrainian_cyrtranslit",
        "russian_latin",
        "kazakh_latin",
        "kyrgyz_latin",
        "cyrillic",
        "russian_cyrillic",
    ):
        assert systems[system] >= 1, system
    assert sum(1 for q in queries if q.expected) >= 150
    assert sum(1 for q in queries if q.expected is None) >= 5
    cyrillic = {q.id[0] for q in queries if q.system == "cyrillic"}
    assert {"R", "B", "U", "K"} <= cyrillic  # Russian, Belarusian, Ukrainian, Kazakh script


def test_recall_is_at_least_98_percent(ours: Outcome) -> None:
    assert ours.recall >= 0.98, sorted(ours.missed)


def test_no_false_positive(ours: Outcome) -> None:
    assert not ours.false_positives


def test_nothing_nomenklatura_finds_is_missed(
    spelling_set: tuple[list[Query], Path], ours: Outcome
) -> None:
    queries, reference = spelling_set
    theirs = screen_nomenklatura(reference, queries)
    assert theirs.found & theirs.expected  # the baseline finds something, so this compares
    assert not (theirs.found & theirs.expected) - ours.found


def test_a_different_patronymic_costs_the_match() -> None:
    scorer = Scorer()
    query = scorer.query("q", ["Yuriy Andreyevich Shchukin"], {"birthDate": ["1961-04-12"]})
    father = scorer.reference("a", "Person", {"name": ["Yuriy Pavlovich SHCHUKIN"]})
    same = scorer.reference("b", "Person", {"name": ["Jurij Andrejewitsch Schtschukin"]})
    differ = scorer.score(query, father)
    assert differ.score < 0.7
    assert "patronymic differs" in differ.explanation
    assert scorer.score(query, same).score >= 0.9


def test_a_father_and_son_of_one_name_are_two_people() -> None:
    from sanctions.screen.matching import OTHER_GENERATION, doubts

    scorer = Scorer()
    son = scorer.query("q", ["Ramon Testorio Exampleza Jr."], {})
    father = scorer.reference("a", "Person", {"name": ["EXAMPLEZA, Ramon Testorio, Sr"]})
    son_listed = scorer.reference("b", "Person", {"name": ["Ramon T. EXAMPLEZA JUNIOR"]})
    unsuffixed = scorer.reference("c", "Person", {"name": ["EXAMPLEZA, Ramon Testorio"]})
    second = scorer.reference("d", "Person", {"name": ["Ramon Testorio Exampleza II"]})
    differ = scorer.score(son, father)
    assert differ.score < 0.7
    assert "Jr against Sr" in differ.explanation
    assert OTHER_GENERATION in doubts(None, [], differ.explanation)
    for same in (son_listed, unsuffixed, second):  # a list may leave the suffix out, or write II
        assert "generational" not in scorer.score(son, same).explanation
    assert scorer.score(son, unsuffixed).score >= 0.7


def test_a_suffix_counts_only_at_the_end_and_not_beside_the_same_birth_year() -> None:
    scorer = Scorer()
    senor = scorer.query("q", ["Sr. Juan Testez Examplez"], {})  # Spanish: Señor
    initials = scorer.query("i", ["JR Testez Examplez"], {})
    listed = scorer.reference("a", "Person", {"name": ["TESTEZ EXAMPLEZ, Juan, Jr."]})
    assert "generational" not in scorer.score(senor, listed).explanation
    assert "generational" not in scorer.score(initials, listed).explanation
    # the same man, Jr on an old list and Sr on a newer one, born the same year
    born = {"birthDate": ["1950-03-01"]}
    old = scorer.query("o", ["Ramon Testorio Exampleza Jr."], born)
    new = scorer.reference("n", "Person", {"name": ["EXAMPLEZA, Ramon Testorio, Sr."], **born})
    again = scorer.score(old, new)
    assert again.score >= 0.7 and "generational" not in again.explanation


def test_a_belarusian_patronymic_is_the_russian_one() -> None:
    scorer = Scorer()
    query = scorer.query("q", ["Uladzimir Piatrovich Matskevich"], {})
    listed = scorer.reference("a", "Person", {"name": ["MATSKEVICH, Vladimir Petrovich"]})
    scored = scorer.score(query, listed)
    assert "patronymic differs" not in scored.explanation
    assert scored.score >= 0.7


def test_a_woman_under_another_surname_born_the_same_day_is_a_possible_match() -> None:
    from sanctions.screen.matching import SURNAME_DIFFERS, doubts
    from sanctions.screen.scoring import OTHER_SURNAME_SCORE

    scorer = Scorer()
    born = {"birthDate": ["1980-02-03"]}
    query = scorer.query("q", ["Dana Sergeevna Fictiyeva"], born)
    married = scorer.reference("a", "Person", {"name": ["Dana Sergeyevna EXAMPLOVA"], **born})
    other_day = scorer.reference("b", "Person", {"name": ["Dana Sergeyevna EXAMPLOVA"],
                                                 "birthDate": ["1980-02-04"]})  # fmt: skip
    found = scorer.score(query, married)
    assert found.score >= OTHER_SURNAME_SCORE
    assert "fictiyeva / examplova" in found.explanation
    assert SURNAME_DIFFERS in doubts("1980-02-03", ["1980-02-03"], found.explanation)
    assert scorer.score(query, other_day).score < OTHER_SURNAME_SCORE
    # a man whose surname alone differs is another man
    man = scorer.query("m", ["Ivan Sergeevich Fictiyev"], born)
    namesake = scorer.reference("c", "Person", {"name": ["Ivan Sergeyevich EXAMPLOV"], **born})
    assert scorer.score(man, namesake).score < OTHER_SURNAME_SCORE


def test_twin_sisters_are_not_one_woman_under_two_surnames() -> None:
    from sanctions.screen.scoring import OTHER_SURNAME_SCORE

    scorer = Scorer()
    born = {"birthDate": ["1980-02-03"]}
    query = scorer.query("q", ["FICTIYEVA Dana Sergeevna"], born)
    sister = scorer.reference("a", "Person", {"name": ["Mira Sergeyevna FICTIYEVA"], **born})
    assert scorer.score(query, sister).score < OTHER_SURNAME_SCORE
    married = scorer.reference("b", "Person", {"name": ["EXAMPLOVA Dana Sergeyevna"], **born})
    assert scorer.score(query, married).score >= OTHER_SURNAME_SCORE


def test_a_name_spelled_a_letter_or_two_apart_born_the_same_day_is_a_possible_match() -> None:
    from sanctions.screen.matching import SPELLED_APART, doubts
    from sanctions.screen.scoring import OTHER_SURNAME_SCORE

    scorer = Scorer()
    born = {"birthDate": ["1961-05-04"]}
    # a Burmese name romanised by ear on two lists: an aspirate's h, a vowel
    for query, listed in (
        ("Kyaw Htun Fictio", "FICTIO, Kyaw Tun"),
        ("Hseng Aung Testwin", "Saing Aung TESTWIN"),
        ("Dway Aung Testwin", "Dwe Aung TESTWIN"),
    ):
        q = scorer.query(query, [query], born)
        same_day = scorer.reference(listed, "Person", {"name": [listed], **born})
        other_day = scorer.reference(
            listed + "~", "Person", {"name": [listed], "birthDate": ["1961-05-05"]}
        )
        found = scorer.score(q, same_day)
        assert found.score >= OTHER_SURNAME_SCORE, (query, found)
        assert SPELLED_APART in doubts("1961-05-04", ["1961-05-04"], found.explanation)
        assert scorer.score(q, other_day).score < OTHER_SURNAME_SCORE, query


def test_a_burmese_syllable_spelled_as_another_language_s_name_is_a_possible_match() -> None:
    """``Lone`` and ``Long`` are two names to rigour (a Danish and a Chinese one), which keeps
    twins apart; both are one Burmese syllable, its final nasal spelled two ways, so between
    two Myanmar nationals born the same day they are one name, and the explanation says why.
    Anyone else's stay apart, and so do Burmese names a letter apart."""
    from sanctions.screen.matching import SPELLED_APART, doubts
    from sanctions.screen.score import BURMESE_SYLLABLE, SPELLED_OTHERWISE
    from sanctions.screen.scoring import OTHER_SURNAME_SCORE
    from sanctions.tracking.screening import BURMESE_NASAL

    scorer = Scorer()
    burmese = {"birthDate": ["1947-04-18"], "nationality": ["mm"]}
    query = scorer.query("q", ["TESTWIN, Sai Lone"], burmese)
    listed = scorer.reference("l", "Person", {"name": ["Sai Long Testwin"], **burmese})
    found = scorer.score(query, listed)
    assert found.score >= OTHER_SURNAME_SCORE, found
    assert f"{SPELLED_OTHERWISE} (lone / long{BURMESE_SYLLABLE})" in found.explanation
    citizen = {"birthDate": ["1947-04-18"], "citizenship": ["mm"]}  # as some lists print it
    by_citizenship = scorer.reference("lc", "Person", {"name": ["Sai Long Testwin"], **citizen})
    assert scorer.score(query, by_citizenship).score >= OTHER_SURNAME_SCORE
    said = doubts("1947-04-18", ["1947-04-18"], found.explanation)
    assert SPELLED_APART in said and BURMESE_NASAL in said  # what the editor reads
    # two Burmese names a letter apart are two names, between Myanmar nationals too
    for mine, theirs in (
        ("TESTWIN, Kyaw Min", "Kyaw Win Testwin"),
        ("Aung Tun Testwin", "Aung Tin TESTWIN"),
    ):
        q = scorer.query(mine, [mine], burmese)
        c = scorer.reference(theirs, "Person", {"name": [theirs], **burmese})
        assert scorer.score(q, c).score < OTHER_SURNAME_SCORE, (mine, theirs)
    for one, other in (({}, burmese), (burmese, {}), ({"nationality": ["th"]}, burmese)):
        born = {"birthDate": ["1947-04-18"]}
        q = scorer.query(f"q{len(one)}{one}", ["TESTWIN, Sai Lone"], {**born, **one})
        c = scorer.reference(
            f"c{len(other)}{one}", "Person", {"name": ["Sai Long Testwin"], **born, **other}
        )
        assert scorer.score(q, c).score < OTHER_SURNAME_SCORE, (one, other)


def test_a_likeness_in_spelling_alone_is_not_enough_even_on_the_same_day() -> None:
    from sanctions.screen.scoring import OTHER_SURNAME_SCORE

    scorer = Scorer()
    born = {"birthDate": ["1970-01-15"]}
    query = scorer.query("q", ["Hassan Testov Fictiyev"], born)
    for other in (
        "Hussein Testov FICTIYEV",  # a brother: three letters apart is another name
        "Hossun Tostav Fuctuyav",  # every word only close, none read alike
        "Hossun Tostov Fictiyav",  # every word only close, none read alike
    ):
        listed = scorer.reference(other, "Person", {"name": [other], **born})
        assert scorer.score(query, listed).score < OTHER_SURNAME_SCORE, other
    two = scorer.query("t", ["Hassan Testov"], born)
    close_only = scorer.reference("c", "Person", {"name": ["Hossun Tostav"], **born})
    assert scorer.score(two, close_only).score < OTHER_SURNAME_SCORE  # none read alike
    # one word read alike, the other a letter apart: the same man
    one = scorer.reference("o", "Person", {"name": ["Tun Htin"], **born})
    assert "htun / htin" in scorer.score(scorer.query("u", ["Tun Htun"], born), one).explanation
    # two letters apart, but two names rigour knows: twins are named so (Iyad and Ihab)
    iyad = scorer.query("i", ["Iyad Fictlouf"], born)
    ihab = scorer.reference("h", "Person", {"name": ["Ihab FICTLOUF"], **born})
    assert scorer.score(iyad, ihab).score < OTHER_SURNAME_SCORE


def test_a_father_named_in_his_son_s_name_is_not_the_son() -> None:
    from sanctions.screen.matching import RELATIVE_NAME, doubts
    from sanctions.screen.scoring import OTHER_SURNAME_SCORE

    scorer = Scorer()
    son = {"name": ["Ahmed Abdullah Saleh al Fictiyani"], "birthDate": ["1978-09-15"]}
    listed = scorer.reference("son", "Person", son)
    father = scorer.query("f", ["Abdullah Saleh al Fictiyani"], {})
    found = scorer.score(father, listed)
    assert found.score < OTHER_SURNAME_SCORE
    assert RELATIVE_NAME in doubts(None, ["1978-09-15"], found.explanation)
    # the son himself, and the son shortened to his own name and his family's, are the son
    for name in ("Ahmad Abdallah Salih al-Fictiyani", "Ahmed al Fictiyani"):
        himself = scorer.score(scorer.query(name, [name], {}), listed)
        assert himself.score >= OTHER_SURNAME_SCORE, name
        assert "given name this one lacks" not in himself.explanation
    # the family name first, after a comma, is still the son
    comma = scorer.reference("comma", "Person", {"name": ["AL-FICTIYANI, Ahmed Abdullah Saleh"]})
    assert scorer.score(father, comma).score < OTHER_SURNAME_SCORE
    # the same birth year on both sides: no father and son
    same_year = scorer.query("y", ["Abdullah Saleh al Fictiyani"], {"birthDate": ["1978"]})
    assert "given name this one lacks" not in scorer.score(same_year, listed).explanation


def test_a_title_a_kunya_or_a_short_name_is_not_taken_for_a_relative() -> None:
    scorer = Scorer()
    sheikh = scorer.reference("s", "Person", {"name": ["Sheikh Hassan Dahir Fictiweys"]})
    kunya = scorer.reference("k", "Person", {"name": ["Adnan Abu Walid al-Fictiwi"]})
    christian = scorer.reference("c", "Person", {"name": ["Emmanuel Ramazani EXAMPLARY"]})
    for query, listed in (
        ("Hassan Dahir Fictiweys", sheikh),  # a title, not a given name, before his name
        ("Abu Walid al Fictiwi", kunya),  # a kunya is an alias of its own
        ("Ramazani Examplary", christian),  # two words say too little
    ):
        found = scorer.score(scorer.query(query, [query], {}), listed)
        assert "given name this one lacks" not in found.explanation, query
        assert found.score >= 0.7, (query, found)
    # a title after the article, a title after a second comma
    hadj = scorer.reference("h", "Person", {"name": ["El Hadj Omar Testou Fictallo"]})
    commas = scorer.reference("m", "Person", {"name": ["AL-FICTANI, Ahmed Testar Saleh, Sheikh"]})
    for query, listed in (("Omar Testou Fictallo", hadj), ("Ahmed Testar Saleh Fictani", commas)):
        found = scorer.score(scorer.query(query, [query], {}), listed)
        assert "given name this one lacks" not in found.explanation, query
    # an apostrophe or an ayn's half ring is no other script: the father is still charged
    for mark in ("’", "ʿ"):
        son = scorer.reference(mark, "Person", {"name": [f"Ahmed Abdullah Saleh al Sab{mark}awi"]})
        father = scorer.query(mark + "f", [f"Abdullah Saleh al Sab{mark}awi"], {})
        assert "given name this one lacks" in scorer.score(father, son).explanation, mark
    # a name in another script is read, not spelled: the UK prints Cyrillic surname first
    cyrillic = scorer.reference("y", "Person", {"name": ["ФИКТИВОВ Бекхан Вахаевич Агаев"]})
    for query in ("Бекхан Вахаевич Агаев",):
        found = scorer.score(scorer.query(query, [query], {}), cyrillic)
        assert "given name this one lacks" not in found.explanation
    # the person's full name beside the short one: the names share their first word
    both = scorer.query("b", ["Wassim Testar al-Fictan", "Testar al-Fictan Examplo"], {})
    listed = scorer.reference("w", "Person", {"name": ["Wassim Testar al-Fictan Examplo"]})
    assert "given name this one lacks" not in scorer.score(both, listed).explanation


def test_a_broken_honorifics_file_is_refused_by_name(schemas_folder: Callable[..., Path]) -> None:
    from sanctions.common.data import SpecError
    from sanctions.screen.scoring import HONORIFICS, _honorifics, honorifics, kunya

    schemas = schemas_folder(_honorifics, honorifics, kunya)
    (schemas / HONORIFICS).write_text("honorifics: sheikh\n", encoding="utf-8")
    with pytest.raises(SpecError, match=HONORIFICS):
        honorifics()
