"""Whether a passage quoted as the source's finding is, in the copy, someone's account."""

from __future__ import annotations

import pytest

from sanctions.evidence.passages import fold_text, parts
from sanctions.evidence.tellers import attributed

COPY = (
    "Introduction. According to Kayyrbek, on 6 January 2020 he was severely beaten by an "
    "officer. The son of the victim reported that the policeman grabbed him by the neck. "
    "According to available information, he was beaten by unknown attackers. However, the NPM "
    "report stated that his act was a protest. Она рассказала, что его избили в отделе. "
    "Police dispersed the rally on 1 March. Reports of torture were received. "
    "According to Mr. Orazov, the chief ordered the beating. "
    "His lawyer said that he had been beaten.12 The governor closed the market. "
    "The mayor banned the march, his lawyer said. "
    "Officer Testbayev, according to the victims, kicked the detainees. "
    "While the State party stated that the inquiry was thorough, the Committee finds that the "
    "inquiry was ineffective. "
    "According to information from his lawyer, the guards beat him. "
    "По словам адвоката, 5 января 2022 г. министр приказал избить протестующих. "
    "Как сообщил адвокат, его пытали. "
    "The prosecutor, who wrote the decree that banned the rally, opened a case. "
    "In paragraph 3 the victims alleged that the colonel gave the order. In paragraph 7 the "
    "court found it proven. The colonel gave the order. "
    "The guards detained Bekov on arrival. His wife said that he was beaten. Bekov was "
    "released on bail. "
    "He met a State lawyer on 7 January 2022, however the source has submitted that the lawyer "
    "may disclose nothing. "
    "While both the source and the Government have submitted that he was charged, the Working "
    "Group is concerned at the lack of any explanation. "
    "On 18 February he was charged with bribery, as [footnote 19] submitted by the Government. "
    "The Government denies these allegations, arguing that he was detained lawfully. "
    "There is reason to believe that the officers were involved in the attacks. "
    "As is known from official reports, he was arrested on 8 January by court order. "
)


def told(passage: str) -> tuple[str, str] | None:
    pieces = parts(passage)
    assert pieces and pieces[0] in fold_text(COPY), passage
    return attributed(fold_text(COPY), pieces)


@pytest.mark.parametrize(
    ("passage", "how", "said"),
    [
        ("on 6 January 2020 he was severely beaten", "cut", "according to kayyrbek,"),
        ("he was severely beaten by an officer", "cut", "according to kayyrbek, on 6 january"),
        ("According to Kayyrbek, on 6 January 2020", "begins", "according to kayyrbek,"),
        ("the policeman grabbed him by the neck", "cut", "the son of the victim reported that"),
        ("he was beaten by unknown attackers", "cut", "according to available information,"),
        ("его избили в отделе", "cut", "она рассказала, что"),
        # an abbreviation's full stop ends no sentence
        ("the chief ordered the beating", "cut", "according to mr. orazov,"),
        ("министр приказал избить протестующих", "cut", "по словам адвоката"),
        # the attribution after the passage, and one left out with "…"
        ("The mayor banned the march", "cut", ", his lawyer said"),
        ("Officer Testbayev … kicked the detainees", "cut", "according to the victims"),
        # "information from his lawyer" is the lawyer's, not a hedge
        ("According to information from his lawyer, the guards beat him", "begins", "according"),
        ("его пытали", "cut", "как сообщил адвокат,"),
        ("On 18 February he was charged with bribery", "cut", ", as [footnote 19] submitted"),
        ("he was detained lawfully", "cut", "the government denies these allegations, arguing"),
        ("the officers were involved in the attacks", "cut", "there is reason to believe that"),
        ("he was arrested on 8 January by court order", "cut", "as is known from official"),
    ],
)
def test_an_account_or_a_hedge_is_found_however_the_passage_is_cut(
    passage: str, how: str, said: str
) -> None:
    found = told(passage)
    assert found is not None and found[0] == how and found[1].startswith(said), found


@pytest.mark.parametrize(
    "passage",
    [
        # the hedge quoted with it: the source's statement, said as the source says it
        "According to available information, he was beaten by unknown attackers",
        # the source's finding of what someone said, whole
        "However, the NPM report stated that his act was a protest",
        # a sentence of its own
        "Police dispersed the rally on 1 March",
        # "reports" as a noun is no one's saying
        "torture were received",
        # a footnote's number ends the sentence before it
        "The governor closed the market",
        # the source's own voice takes over
        "the inquiry was ineffective",
        # "who wrote the decree that" is no saying
        "opened a case",
        # held as someone's account in one place and as the source's own in another
        "The colonel gave the order",
        # the words left out are whole sentences: someone's saying there is not this passage's
        "The guards detained Bekov … Bekov was released on bail",
        # someone's saying after it introduces another clause, not this one
        "He met a State lawyer on 7 January 2022",
        # conceded, then the source's own body speaks
        "is concerned at the lack of any explanation",
    ],
)
def test_the_source_s_own_sentences_are_left_alone(passage: str) -> None:
    assert told(passage) is None


OPINION = """Opinion No. 1/2099 concerning Marat Fictiov (Testland)

  Submissions

  Communication from the source

4. Mr. Fictiov was arrested on 5 January 2099 by officers of the Testland police.

  Response from the Government

43. The Government states its reply.

  Arrest and detention

48. The arrest of Mr. Fictiov was carried out in accordance with the law.

  Discussion

96. The Working Group finds that the arrest of Mr. Fictiov had no legal basis.
"""


def test_a_passage_under_a_party_s_heading_is_that_party_s_submission() -> None:
    """A UN body's opinion sets out the source's and the Government's submissions under their
    headings before its own discussion: a passage quoted from under them is the party's, even
    with no attributing words in its sentence; a sub-heading is read past."""
    from sanctions.evidence.quoting import Copy

    copy = Copy("E1", "opinion.txt", OPINION, None, fold_text(OPINION))
    said = lambda passage: copy.heading_over(parts(passage))  # noqa: E731
    assert said("Mr. Fictiov was arrested on 5 January 2099") == "Communication from the source"
    assert said("carried out in accordance with the law") == "Response from the Government"
    assert said("the arrest of Mr. Fictiov had no legal basis") is None
    assert said("Opinion No. 1/2099 concerning Marat Fictiov") is None  # before any heading


QUOTING = (
    "Report on Testland.\n"
    "“When he tried to get into the building, the policeman grabbed him by the neck. "
    "Immediately afterwards, he fell,” his son said.\n"
    "His mother stated: “I believe that the chief is to blame for his death.”\n"
    "The court convicted him under the article on “participation in an extremist "
    "organisation” and banned him from activity.\n"
    "“The guards kicked him until he fainted. Nobody helped,” said Erlan Victimov, 34.\n"
    "«Охранник избил его в камере. Никто не помог», — рассказал его сын.\n"
    "“The officers beat the detainees in the yard. Two needed care,” we reported in 2020.\n"
    "As the Working Group has previously stated: “detention without charge is arbitrary.”\n"
    "“The warden locked him in the cell. Nobody came.” His wife said this on Monday.\n"
)


@pytest.mark.parametrize(
    ("passage", "said"),
    [
        # the attribution after the closing mark, a sentence after the passage
        ("the policeman grabbed him by the neck", "his son said"),
        # the attribution before the opening mark
        ("the chief is to blame for his death", "his mother stated:"),
        # a quotation the source gives as no one's (a charge's words): its own
        ("participation in an extremist organisation", None),
        # outside any quotation
        ("The court convicted him", None),
        # the verb before the teller, and in Russian
        ("The guards kicked him until he fainted", "said erlan victimov, 34"),
        ("Охранник избил его в камере", "рассказал его сын"),
        # the attribution the next sentence, after the closing mark
        ("The warden locked him in the cell", "his wife said this on monday"),
        # the source quoting its own earlier words
        ("The officers beat the detainees in the yard", None),
        ("detention without charge is arbitrary", None),
    ],
)
def test_a_passage_inside_a_quotation_is_its_teller_s(passage: str, said: str | None) -> None:
    from sanctions.evidence.quoting import Copy

    copy = Copy("E1", "report.txt", QUOTING, None, fold_text(QUOTING))
    assert copy.quoted_by(parts(passage)) == said


@pytest.mark.parametrize(
    ("line", "party"),
    [
        ("  Communication from the source ", "Communication from the source"),
        ("B. Response from the Government", "Response from the Government"),
        ("Response from the Government of Testland", "Response from the Government of Testland"),
        ("Response from the Government 2", "Response from the Government"),
        ("Government’s response", "Government’s response"),
        (
            "State party’s observations on admissibility and the merits",
            "State party’s observations on admissibility and the merits",
        ),
        ("The facts as submitted by the author", "The facts as submitted by the author"),
        ("According to the information received:", "According to the information received"),
        ("Ответ правительства", "Ответ правительства"),
        ("Сообщение источника", "Сообщение источника"),
        # the source's own voice again
        ("C. Discussion", None),
        ("A/HRC/WGAD/2099/99 Discussion", None),
        ("Discussion and findings", None),
        ("Deliberations", None),
        ("Consideration of the merits", None),
        ("Обсуждение", None),
    ],
)
def test_a_party_s_heading_is_known_however_it_is_set(line: str, party: str | None) -> None:
    from sanctions.evidence.tellers import headings

    text = (
        f"Opinion concerning the source's complaint\n{line}\n12. The words under it.\n"
        "Disposition\n13. The body's own words.\n"
    )
    assert headings(text)[0][1] == party


@pytest.mark.parametrize(
    "line",
    [
        "Submissions",  # a cover page's "SUBMISSION TO THE COMMITTEE": whose is not said
        "we received further information from the Government",  # prose broken over lines
        "The Government and the source",
        # a report's chapter on a reply, with the report's own chapters after it: no decision
        # sets out the parties' submissions before its own discussion here
        "Response from the Government",
    ],
)
def test_lines_that_are_no_party_s_heading(line: str) -> None:
    from sanctions.evidence.tellers import headings

    assert headings(f"Report of the source\n{line}\nThe words under it.\n") == []


def test_a_special_rapporteurs_letter_gives_what_follows_as_the_information_received() -> None:
    """A letter has no discussion of its own after the information it was given: what follows
    "According to the information received:" is that information's, to the letter's end."""
    from sanctions.evidence.tellers import headings

    text = "Mandate of the Special Rapporteur\nAccording to the information received:\nOfficers beat him.\n"
    assert [party for _, party in headings(text)] == ["According to the information received"]
