"""Collective mentions are found from the passages quoted, not from the role typed. Every name
is invented."""

from __future__ import annotations

import pytest

from sanctions.model.collective import TOGETHER, collective_rows
from sanctions.model.rows import InvolvementRow, PersonRow

THEY = "They are the ones who give orders and direct the persecution of activists in the region"
NAMES = ["Arman Testbayev", "Dana Fictiyeva", "Bolat Exampleov", "Saule Madeupova", "Ilyas Nonov"]


def person(i: int, name: str) -> PersonRow:
    return PersonRow(
        row=i + 2,
        person_id=f"P{i:03d}",
        name=name,
        name_original=[],
        first_name=None,
        patronymic=None,
        last_name=None,
        aliases=[],
        gender=None,
        birth_date=None,
        birth_place=None,
        nationality=[],
        id_numbers=[],
        identity_evidence_ids=[],
        identity_account=None,
        identity_account_by=None,
        summary=None,
        status="proposed",
        jurisdictions=[],
        ties=[],
        exculpatory=None,
        exculpatory_evidence_ids=[],
        impact=None,
        offence=None,
    )


def act(
    i: int, quote: list[str], role: str = "commanded", incident: str = "I001"
) -> InvolvementRow:
    return InvolvementRow(
        row=i + 2,
        person_id=f"P{i:03d}",
        incident_id=incident,
        role=role,
        part_in=[],
        description="",
        evidence_ids=["E001"],
        quote=quote,
        locator=["p. 1"] * len(quote),
        account="finding",
        account_by=None,
    )


PERSONS = [person(i, name) for i, name in enumerate(NAMES)]


def test_one_passage_quoted_for_five_persons_is_collective_whatever_the_role() -> None:
    # Each row trims the sentence its own way; the words are still the same passage.
    rows = [
        act(0, [THEY], "commanded"),
        act(1, [THEY], "ordered"),
        act(2, [THEY.removeprefix("They are ")], "perpetrated"),
        act(3, [THEY.removesuffix(" in the region")], "commanded"),
        act(4, [f"…{THEY[10:]}"], "ordered"),
    ]
    assert collective_rows(rows, PERSONS) == {2, 3, 4, 5, 6}


def test_two_persons_quoting_one_passage_are_each_said_to_have_acted() -> None:
    both = "Officers Testbayev and Fictiyeva beat the detainee in the corridor of the station"
    rows = [act(0, [both], "perpetrated"), act(1, [both], "perpetrated")]
    assert TOGETHER > 2 and collective_rows(rows, PERSONS) == set()


def test_a_passage_naming_three_listed_persons_together_is_collective() -> None:
    listing = "The report names Testbayev, Fictiyeva and Exampleov among those responsible"
    one = "Testbayev signed the order to detain the protesters on the square"
    rows = [act(0, [listing]), act(1, [one], "ordered")]
    assert collective_rows(rows, PERSONS) == {2}


def test_a_row_is_collective_only_when_every_passage_it_quotes_is() -> None:
    own = "Testbayev signed the order to detain the protesters on the square"
    rows = [act(i, [THEY]) for i in range(1, 4)] + [act(0, [THEY, own], "ordered")]
    assert collective_rows(rows, PERSONS) == {3, 4, 5}


def test_without_a_quote_a_generic_role_on_a_crowded_incident_is_the_fallback() -> None:
    crowded = [act(i, [], "listed") for i in range(5)]
    assert collective_rows(crowded, PERSONS) == {2, 3, 4, 5, 6}
    few = [act(i, [], "listed") for i in range(4)]
    assert collective_rows(few, PERSONS) == set()
    acted = [act(i, [], "perpetrated") for i in range(5)]  # a role that names an act
    assert collective_rows(acted, PERSONS) == set()


@pytest.mark.parametrize(
    ("names", "listing"),
    [
        (["Anna Weiß", "Oleg Groß", "Ivan Strauß"], "WEISS, Groß and Strauß"),
        (["Sean O’Brien", "Mary O'Neill", "Liam Smith-Jones"], "O'Brien, O’Neill and Smith–Jones"),
        (["Jan Mu\u0308ller", "Eva Ŝkoda", "Piet Dea\u0301k"], "Müller, Ŝkoda and Deák"),
    ],
)
def test_a_surname_is_found_however_its_letters_fold(names: list[str], listing: str) -> None:
    # A passage is folded before it is read (case, quotation marks and dashes set aside,
    # NFKC): a surname must be read the same way to be found in it.
    persons = [person(i, name) for i, name in enumerate(names)]
    passage = f"The report names {listing} among those responsible for the raids"
    assert collective_rows([act(0, [passage])], persons) == {2}


def test_a_surname_three_listed_namesakes_share_names_one_person() -> None:
    """One surname is no list of officials: "officer Kim beat him" names one officer, even on
    a list with three Kims (it once made every act of a namesake collective)."""
    kims = [person(i, name) for i, name in enumerate(["Min-jun Kim", "Seo-yeon Kim", "Ji-ho Kim"])]
    own = "On 3 May officer Kim beat the detainee with a baton in the corridor"
    assert collective_rows([act(0, [own], "perpetrated")], kims) == set()
    # and one person under two spellings is still one name among a list's three
    two = [person(i, name) for i, name in enumerate(NAMES[:2])]
    two[0].aliases.append("Arman Testbaev")
    spelled = "The report names Testbayev (Testbaev) and Fictiyeva among those responsible"
    assert collective_rows([act(0, [spelled])], two) == set()


def test_words_left_out_with_an_ellipsis_are_read_in_the_copy() -> None:
    """Cutting the others' names ("Testbayev … beat the detainees") makes no list one person's
    act: with the copies, the passage is read from its first word to its last as the copy has
    it; without them, as quoted."""
    from sanctions.evidence.holding import Holding
    from sanctions.evidence.passages import fold_text

    copy = (
        "On 2 May officers Testbayev, Fictiyeva, Exampleov and Madeupova beat the detainees in "
        "the yard. Testbayev later signed the report."
    )
    holding = Holding(own={"E001": fold_text(copy)})
    cut = [act(0, ["officers Testbayev … beat the detainees in the yard"])]
    assert collective_rows(cut, PERSONS) == set()
    assert collective_rows(cut, PERSONS, holding) == {2}
    # a passage without a gap is read as quoted: the names are not beside it
    whole = [act(0, ["Testbayev later signed the report"])]
    assert collective_rows(whole, PERSONS, holding) == set()


def test_the_closest_knit_place_and_the_passages_own_sentences_are_read() -> None:
    """A report that names the officials together first and one of them acting later holds
    "Testbayev … ordered" from the first to the second too: the passage is read where it
    stands closest, and a sentence it skips over is another statement, not its words."""
    from sanctions.evidence.holding import Holding
    from sanctions.evidence.passages import fold_text

    copy = (
        "The officials named in this report are Minister Testbayev, Chief Fictiyeva and "
        "Prosecutor Exampleov.\n"
        "On 1 March Minister Testbayev, speaking from his office, ordered the police to detain "
        "the protesters. Fictiyeva, Exampleov and Madeupova drove them away. Testbayev then "
        "beat one of them."
    )
    holding = Holding(own={"E001": fold_text(copy)})
    ordered = [act(0, ["Minister Testbayev … ordered the police to detain the protesters"])]
    assert collective_rows(ordered, PERSONS, holding) == set()
    skipped = [act(0, ["Minister Testbayev … ordered the police … Testbayev then beat one"])]
    assert collective_rows(skipped, PERSONS, holding) == set()
