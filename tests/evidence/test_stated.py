"""Whether a date is stated in the copies of its sources, however they write it."""

from __future__ import annotations

import pytest

from sanctions.evidence.passages import fold_text
from sanctions.evidence.quoting import Copy
from sanctions.evidence.stated import (
    country_in,
    date_missing,
    missing,
    named_in,
    near_passages,
    number_in,
    place_in,
)
from sanctions.workbook.layout import load_layout
from tests import workbooks


def copy(text: str) -> Copy:
    return Copy("E1", "e1.txt", text, None, fold_text(text))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On 15 May 2020 the police detained him.", "2020-05-15"),
        ("Задержан 15.05.2020 в Алматы.", "2020-05-15"),
        ("Он был задержан 15 мая 2020 года.", "2020-05-15"),
        ("Minister from March 2015 until his dismissal.", "2015-03"),
        ("Born in 1965 in Almaty.", "1965"),
        # placed by a day the source writes
        (
            "On 18 September 2018 police detained her. A day earlier, in Astana, police "
            "detained several persons.",
            "2018-09-17",
        ),
        ("He was arrested on 5 January 2022. The next day he was charged.", "2022-01-06"),
    ],
)
def test_a_date_the_source_states_in_any_usual_form_is_found(text: str, date: str) -> None:
    assert date_missing(date, [copy(text)], "the date") is None


def test_a_mistyped_day_is_named_with_what_the_copy_does_give() -> None:
    text = "On 15 May 2020 the police detained him."
    assert date_missing("2020-05-16", [copy(text)], "the date") == (
        "the date 2020-05-16 (the month is there, not the day)"
    )
    assert date_missing("2019-05-15", [copy(text)], "the date") == "the date 2019-05-15"
    # a day placed relative to another needs the words that place it
    assert date_missing("2020-05-14", [copy(text)], "the date") is not None


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("the human rights defender Elena Semyenova", "Elena Semenova", True),
        # a victim is named with a given name or initial: the surname alone may be a
        # relative's or a namesake's
        ("officer Kaliyev tried to detain the 68-year-old Orazov", "Serik Orazov", False),
        ("officer Kaliyev tried to detain S. Orazov", "Serik Orazov", True),
        ("officer Kaliyev tried to detain Marat Orazov", "Serik Orazov", False),
        ("officer Kaliyev tried to detain Orazbayev", "Serik Orazov", False),
        ("the death of Serik Orazov", "Serik Orazov", True),
    ],
)
def test_a_person_is_found_in_any_spelling_script_order_or_case(
    text: str, name: str, found: bool
) -> None:
    assert named_in(name, copy(text)) is found


def test_an_id_number_is_found_by_its_letters_and_digits() -> None:
    held = copy("His passport, N1234, was issued in Example City.")
    assert number_in("Passport N 12-34", held)
    assert not number_in("Passport N9999", held)
    assert number_in("Passport N1234567", copy("his passport No. 1234567, issued"))
    # never as a part of a longer number
    assert not number_in("IIN 70050130012", copy("IIN 700501300123"))


def test_a_victim_the_cited_copies_do_not_name_is_warned_of_unless_withheld(findings_of) -> None:  # type: ignore[no-untyped-def]
    """A victim named in public must be named by the incident's sources; a victim kept
    confidential may be known only from a source no row cites, and is not looked for."""
    rows = workbooks.valid_rows()
    rows["incidents"][0].update(victims="Ruslan Nobodyov", victims_confidential="no")
    (found,) = [f for f in findings_of(rows) if f.code == "quote.value_not_found"]
    assert (found.sheet, found.column) == ("incidents", "victims")
    assert found.message.startswith("the victim 'Ruslan Nobodyov' is not in the copies of E001")
    rows["incidents"][0]["victims_confidential"] = "yes"
    assert not [f for f in findings_of(rows) if f.code == "quote.value_not_found"]


@pytest.mark.parametrize(
    ("text", "place", "found"),
    [
        ("Он родился в Алматы в 1965 году.", "Almaty", True),
        ("родился в Караганде", "Karaganda", True),
        ("born in Almaty", "Otherton", False),
        # what kind of place it is, and what follows a comma or a bracket, are not its name
        ("in Almaty oblast", "Almaty region", True),
        ("in Pavlodar region", "Karaganda region", False),
        ("in Zhanaozen", "Zhanaozen (Mangystau region)", True),
        ("in Almaty", "Almaty, Kazakhstan", True),
        # every word of a name of several
        ("on Abai Square", "Republic Square", False),
        # never inside another word
        ("caused moral damage", "Oral", False),
        # another name of the same place (schemas/place_names.yaml)
        ("detained in Nur-Sultan in 2021", "Astana", True),
        ("в Чимкенте", "Shymkent", True),
    ],
)
def test_a_place_is_found_by_its_name_in_any_script_case_or_other_name(
    text: str, place: str, found: bool
) -> None:
    assert place_in(place, copy(text)) is found


@pytest.mark.parametrize(
    ("text", "country", "stated"),
    [
        ("Karim Massimov is a Kazakh citizen born in 1965 in Almaty.", "kz", True),
        ("Mr. Doe, a national of Kazakhstan, was detained.", "Kazakhstan", True),
        ("Two Kazakhstani nationals were detained.", "kz", True),
        ("He holds a Russian passport.", "ru", True),
        ("Kazakhstan's citizens voted.", "kz", True),
        ("He is a citizen of the Republic of Kazakhstan.", "kz", True),
        ("Гражданин Республики Казахстан Иван Тестов", "kz", True),
        ("Қазақстан Республикасының азаматы", "kz", True),
        ("ein kasachischer Staatsangehöriger", "kz", True),
        ("de nationalité kazakhe", "kz", True),
        # a country named without a word stating a citizenship states none
        ("He chaired the National Security Committee of Kazakhstan.", "kz", False),
        ("The report covers Kazakhstan. Citizens of many towns protested.", "kz", False),
        ("Азамат Тестов из Казахстана", "kz", False),  # Azamat, a given name
        # a people's word joined to another word is not a citizenship
        ("He edits a Russian-language newspaper and is a citizen of Kazakhstan.", "ru", False),
        ("a Kazakhstan-based citizens' group", "kz", False),
        ("citizens of Russian-speaking towns", "ru", False),
        ("born in Uzbekistan, a citizen of Kazakhstan", "uz", False),
        ("a non-Russian citizen", "ru", False),
        ("pro-Russian citizens rallied", "ru", False),
        # "national" as an adjective, "гражданский" (civil): no citizenship
        ("the al-Farabi Kazakh National University", "kz", False),
        ("the Russian National Guard", "ru", False),
        ("развитие казахстанского гражданского общества", "kz", False),
        ("українське громадянське суспільство", "ua", False),
        # a citizenship no longer, or never, the person's; a law on it; an ethnic group
        ("He was stripped of his Kazakh citizenship in 2019.", "kz", False),
        ("He renounced his Russian citizenship.", "ru", False),
        ("a former Russian citizen, now stateless", "ru", False),
        ("He applied for Kazakh citizenship but was refused.", "kz", False),
        ("The casino owner is a Kazakh citizen.", "kz", True),  # "no" ends a word there
        ("under the Law on Citizenship of the Republic of Kazakhstan", "kz", False),
        ("the Russian citizenship law", "ru", False),
        ("at the Kazakh passport office", "kz", False),
        ("ethnic Uzbek citizens of Kyrgyzstan", "uz", False),
        ("гражданин узбекской национальности", "uz", False),
        # another country's name, longer, or of several words
        ("He is a citizen of the United States.", "gb", False),
        ("a national of the United Kingdom", "us", False),
        ("a citizen of the United Arab Emirates", "us", False),
        ("an Australian citizen", "at", False),
        ("a Nigerian citizen", "ne", False),
        ("an independent citizen journalist", "in", False),
        ("citoyens des États membres de l'Union", "us", False),
        # a word broken at a line's end is not read whole ("Russian-\nspeaking" would be one)
        ("two Russian-\nspeaking citizens", "ru", False),
        ("a Kazakh-\nstani citizen", "kz", False),
        # as sources write it: lines, a soft hyphen, a list entry, a court filing
        ("a citizen of\nthe Republic of\nKazakhstan", "kz", True),
        ("a Kazakh\u00adstani citizen", "kz", True),
        ("Nationality—Kazakhstan", "kz", True),
        ("an Iranian citizen", "ir", True),
        ("a Turkmen citizen", "tr", False),
        ("Nationality: a) Russian Federation b) Cyprus", "ru", True),
        ("Гражданство – Россия", "ru", True),
        ('a citizen of "Kazakhstan"', "kz", True),
        ("a citizen and resident of the Russian Federation", "ru", True),
        ("He is a citizen of the United States.", "us", True),
        ("a national of the United Kingdom", "gb", True),
        ("Қазақстан азаматтары", "kz", True),
        ("гражданин Кыргызстана", "kg", True),
        ("белорусский гражданин", "by", True),
        ("громадянка Росії", "ru", True),
        ("de nationalité russe", "ru", True),
        ("a Turkish citizen", "tr", True),
    ],
)
def test_a_nationality_is_stated_by_words_of_citizenship_beside_the_country(
    text: str, country: str, stated: bool
) -> None:
    """A nationality is printed as the person's citizenship: every source on a country names
    it, so its name alone in the copy, or a word joined to it ("Russian-language"), states no
    one's."""
    assert country_in(country, copy(text)) is stated


def test_a_value_stated_only_far_from_the_row_s_passages_is_not_near_them() -> None:
    """A report states many incidents' dates: a day it gives only pages away from the passages
    the row quotes may be another incident's."""
    date = load_layout().sheet("incidents").column("date")
    filler = "Another matter entirely was discussed at length. " * 80  # some 4,000 characters
    far = copy(
        f"On 2 March 2020 officers beat a journalist. {filler}Police detained the protesters."
    )
    near = near_passages([far], ["Police detained the protesters"])
    assert missing(date, "2020-03-02", [far]) == []  # somewhere in the copy
    assert missing(date, "2020-03-02", near) == ["the date 2020-03-02"]  # not near the passage
    close = copy(f"{filler}On 2 March 2020 police detained the protesters. {filler}")
    assert (
        missing(date, "2020-03-02", near_passages([close], ["police detained the protesters"]))
        == []
    )
    # a passage the copy does not hold says nothing of where the value is
    assert near_passages([far], ["words no copy holds"]) == []


def test_the_words_of_citizenship_are_written_as_copies_are_read() -> None:
    """``schemas/citizenship.yaml`` is matched against the copies casefolded and composed: a
    word written otherwise there would never be found."""
    from sanctions.common.data import read_yaml, schemas_dir
    from sanctions.evidence.passages import unbroken_text
    from sanctions.evidence.stated import CITIZENSHIP

    raw = read_yaml(schemas_dir() / CITIZENSHIP)
    words = [*raw["states"], *raw["between"], *raw["not_after"], *raw["not_before"]]
    words += [w for names in raw["other_names"].values() for w in names]
    assert words and all(unbroken_text(w) == w and w.strip() == w and w for w in words)


@pytest.mark.parametrize("pad", range(0, 24))
def test_no_citizenship_is_made_where_the_search_around_a_word_ends(pad: int) -> None:
    """The copy is searched around each word that may state a citizenship; where that stretch
    ends, "the Russian National" of "the Russian National Guard" is not "a Russian national"."""
    text = (
        "Citizens of Example City met Arman Testbayev. He spoke at length"
        + "." * (70 + pad)
        + " at the Russian National Guard academy."
    )
    assert country_in("ru", copy(text)) is False
