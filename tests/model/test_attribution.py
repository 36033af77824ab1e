"""Whose account a fact is travels with it: a victim's account is that victim's in the Why line,
in the reasons a government publishes and on the public page, and a violation is the source's
word only when the passage uses it. Every name is invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from sanctions.model.attribution import characterised, statement
from sanctions.model.targets import Act, Anchor
from sanctions.public.page import public_line
from tests import workbooks
from tests.conftest import run_cli
from tests.workbooks import Rows

VICTIM = "Aliya Fictive"
SAID = "“Chief Fictiyeva led the officers who detained us” (para. 3)"


def told_by_the_victim(confidential: bool) -> Rows:
    """P002's act rests on the account of one of the incident's victims (the witness statement
    is hers)."""
    rows = workbooks.valid_rows()
    rows["incidents"][0].update(
        victims=f"{VICTIM}; Victim Two", victims_confidential="yes" if confidential else "no"
    )
    rows["involvement"][1].update(account="victim", account_by=VICTIM)
    return rows


def export(build: Callable[..., Path], tmp_path: Path, rows: Rows) -> Path:
    book = build(rows)
    out = tmp_path / "out"
    proc = run_cli("export", "--only", "gb", str(book), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out / book.stem


def why_line(folder: Path) -> str:
    doc = Document(str(folder / f"{folder.name}-gb" / "send" / "submission.docx"))
    text = [p.text for p in doc.paragraphs]
    chapter = text[next(i for i, p in enumerate(text) if p.endswith("Dana Fictiyeva")) :]
    why = next(i for i, p in enumerate(chapter) if p.startswith("Why:"))
    return chapter[why + 1]


def statement_of_reasons(folder: Path) -> str:
    rows = workbooks.target_rows(folder / f"{folder.name}-gb")
    return next(r["UK Statement of Reasons"] for r in rows if "Fictiyeva" in str(r.values()))


def public_page(folder: Path) -> str:
    return (folder / "public" / "index.html").read_text(encoding="utf-8")


def test_a_victims_account_is_hers_in_the_why_line_the_reasons_and_the_public_page(
    build: Callable[..., Path], tmp_path: Path
) -> None:
    folder = export(build, tmp_path, told_by_the_victim(confidential=False))
    why = why_line(folder)
    # The role and the violation are the organisation's reading, and the letter says so; the
    # passage is the victim's, and the letter says that too.
    # What the assessment rests on comes first, and the violation is the incident's: the act
    # is not named by it.
    assert why.startswith(
        "SI 2020/680 reg. 6 with reg. 4(2): in the submitting organisation's assessment, based "
        f"on the account of {VICTIM}, the person acted in person in “Detention of "
        "protesters in Example City”"
    )
    assert ", an incident involving ill-treatment. The passage relied on: " in why
    # and the summary table's row says whose account her role rests on, as the Why line does
    table = Document(str(folder / f"{folder.name}-gb" / "send" / "submission.docx")).tables[0]
    dana = next(r for r in ([c.text for c in row.cells] for row in table.rows) if "Dana" in r[1])
    assert dana[4].endswith(f"(on the account of {VICTIM})")
    # each passage cited to the source whose copy holds it
    held = SAID.replace("(para. 3)", "(as reported in [2], para. 3)")
    assert f"The passage relied on: According to {VICTIM}: {held}." in why
    reasons = statement_of_reasons(folder)
    # the passage says what she did, as the victim's account; no role label stated as fact
    assert (
        "In connection with “Detention of protesters in Example City” (1 March 2020, Example "
        f"City), according to {VICTIM}: “" in reasons
    )
    assert "acted in person" not in reasons
    assert SAID.split(" (")[0] in reasons
    assert f"According to {VICTIM}: {SAID}." in public_page(folder)


def test_the_account_of_a_victim_whose_identity_is_confidential_does_not_name_her(
    build: Callable[..., Path], tmp_path: Path
) -> None:
    folder = export(build, tmp_path, told_by_the_victim(confidential=True))
    reasons = statement_of_reasons(folder)
    # told in the victim's words, with who she is withheld, and no label of the editor's
    assert (
        "In an incident on 1 March 2020, according to the victim: “Chief Fictiyeva led the "
        "officers who detained us”." in reasons
    )
    assert "acted in person" not in reasons and "Detention of protesters" not in reasons
    page = public_page(folder)
    assert "according to the victim." in page
    assert VICTIM not in reasons and VICTIM not in page


def act(quote: str, account: str = "finding", by: str | None = None) -> Act:
    return Act(
        incident_id="I001",
        incident="Death of a detainee",
        date="2021-05",
        end_date=None,
        place="Example City",
        role="perpetrated",
        description="",
        violation_types=["killing", "ill_treatment"],
        evidence=["E001"],
        confidential=False,
        anchor=Anchor((quote,), ("para. 7",), account, by),
    )


def test_a_violation_is_the_sources_word_only_when_its_passage_uses_it() -> None:
    fell = act("a chokehold was reported; immediately afterwards, he fell and died")
    assert characterised(["killing"], fell, "[3]") == (
        "killing in the submitting organisation's assessment"
    )
    beaten = act(
        "officers subjected him to cruel and degrading treatment", "witness", "his cellmate"
    )
    assert characterised(["killing", "ill_treatment"], beaten, "[3]") == (
        "described as ill-treatment by his cellmate; killing in the submitting organisation's "
        "assessment"
    )
    found = act("the Working Group finds that he was killed by officers")
    assert characterised(["killing"], found, "[3]") == "described as killing by [3]"


def test_who_calls_a_violation_so_is_not_named_where_the_victims_are_confidential() -> None:
    """The public line of an incident whose victims are confidential says what the teller is
    (one of them, it may be), never their name."""
    beaten = act("officers subjected him to cruel and degrading treatment", "victim", VICTIM)
    assert characterised(["ill_treatment"], beaten, named=False) == (
        "described as ill-treatment by the victim"
    )
    beaten.victims_confidential = True
    assert VICTIM not in public_line(beaten)
    assert "described as ill-treatment by the victim" in public_line(beaten)


def test_a_finding_is_cited_plainly_and_an_account_as_its_tellers() -> None:
    assert statement(Anchor(("he was beaten",), ("p. 4",), "finding"), "[1]") == (
        "[1]: “he was beaten” (p. 4)"
    )
    relative = Anchor(("they took my son",), ("para. 9",), "relative", "the victim's mother")
    assert statement(relative, "[2]") == (
        "According to the victim's mother, as reported in [2]: “they took my son” (para. 9)"
    )
    assert statement(relative, "[2]", named=False) == (
        "According to a relative of the victim, as reported in [2]: “they took my son” (para. 9)"
    )


@pytest.mark.parametrize(
    ("passages", "printed"),
    [
        # the passage names its teller: said once, in the source's words
        (
            ("According to Testov, on 6 January 2020 he was beaten by an officer",),
            "[3]: “According to Testov, on 6 January 2020 he was beaten by an officer” (p. 2)",
        ),
        # another teller, or none named at the start: the account is still said to be his
        (
            ("According to the police, he fell",),
            "According to Marat Testov, as reported in [3]: “According to the police, he fell” "
            "(p. 2)",
        ),
        (
            ("he was beaten, according to Testov",),
            "According to Marat Testov, as reported in [3]: “he was beaten, according to "
            "Testov” (p. 2)",
        ),
        # the teller the subject of a saying that opens the passage
        (
            ("The victim’s son Marat Testov believes that the officer beat him",),
            "[3]: “The victim’s son Marat Testov believes that the officer beat him” (p. 2)",
        ),
        # but not a teller named in what the passage states, nor one another clause follows
        (
            ("The police beat Testov, who said that he fell",),
            "According to Marat Testov, as reported in [3]: “The police beat Testov, who said "
            "that he fell” (p. 2)",
        ),
        (
            ("Officers of the unit that arrested Testov stated that he resisted",),
            "According to Marat Testov, as reported in [3]: “Officers of the unit that arrested "
            "Testov stated that he resisted” (p. 2)",
        ),
        # what the review of the change found: a hedge is no teller named; a word of the name
        # inside another word; another person; a second sentence the opening does not cover
        (
            ("Testov was allegedly beaten by Officer Fictiyev",),
            "According to Marat Testov, as reported in [3]: “Testov was allegedly beaten by "
            "Officer Fictiyev” (p. 2)",
        ),
        (
            ("Testovich said that the officers beat him",),
            "According to Marat Testov, as reported in [3]: “Testovich said that the officers "
            "beat him” (p. 2)",
        ),
        (
            ("Marat Testov told the court that he was detained. Chief Fictiyeva then beat him",),
            "According to Marat Testov, as reported in [3]: “Marat Testov told the court that "
            "he was detained. Chief Fictiyeva then beat him” (p. 2)",
        ),
        # every passage must name him: one that does not is his account in the row's words
        (
            ("According to Testov, he was beaten", "they kicked him"),
            "According to Marat Testov, as reported in [3]: “According to Testov, he was "
            "beaten” (p. 2) … “they kicked him” (p. 2)",
        ),
    ],
)
def test_a_passage_that_names_its_teller_is_not_attributed_twice(
    passages: tuple[str, ...], printed: str
) -> None:
    anchor = Anchor(passages, ("p. 2",), "victim", "Marat Testov")
    assert statement(anchor, "[3]") == printed


def test_a_passage_in_russian_that_names_its_teller_is_not_attributed_twice() -> None:
    anchor = Anchor(("По словам Тестова, его избили",), ("с. 2",), "victim", "Марат Тестов")
    assert statement(anchor, "[3]") == "[3]: “По словам Тестова, его избили” (с. 2)"


@pytest.mark.parametrize(
    ("passage", "printed"),
    [
        (
            "the phrase: “I wish we could shoot all of you”",
            "the phrase: ‘I wish we could shoot all of you’",
        ),
        # the source opened with a closing mark, as reports often do: it still opens
        ("explained it by ”his inner convictions”", "explained it by ‘his inner convictions’"),
        ('he said "no" (and "yes")', "he said ‘no’ (and ‘yes’)"),
        ("Koval’chuk’s “case”.", "Koval’chuk’s ‘case’."),
    ],
)
def test_a_quotation_inside_a_passage_takes_single_marks_that_open_and_close(
    passage: str, printed: str
) -> None:
    from sanctions.model.attribution import inner_quotes

    assert inner_quotes(passage) == printed


@pytest.mark.parametrize(
    ("passage", "rests_on"),
    [
        ("Chief Fictiyeva led the officers who detained us", "the account of a witness"),
        (
            "His mother believes that Minister Testbayev pressed the investigators",
            "the belief of a witness",
        ),
        ("Мать погибшего считает, что министр давил на следствие", "the belief of a witness"),
        (None, None),  # the source's own finding
    ],
)
def test_an_assessment_says_whether_it_rests_on_an_account_or_a_belief(
    passage: str | None, rests_on: str | None
) -> None:
    """A relative's opinion ("believes that …") is no account of what was done: the Why line
    and the summary table say "based on the belief of …", not "the account of …"."""
    from sanctions.model.attribution import basis

    anchor = (
        Anchor((passage,), ("para. 3",), "witness", None)
        if passage
        else Anchor(("x",), (), "finding")
    )
    assert basis(anchor) == rests_on


@pytest.mark.parametrize(
    ("passage", "by"),
    [
        ("Prison staff told him that he would be released", "the victim's son"),
        ("The victim's lawyer stated that he was beaten", "the victim's mother"),
        ("Ivanova said that the officers beat him", "Ivan Testov"),
        ("The victim told his family that he was beaten", "a relative of the victim"),
        ("According to the police, he fell", "The victim's son"),
    ],
)
def test_a_teller_described_or_another_person_keeps_the_attribution(passage: str, by: str) -> None:
    anchor = Anchor((passage,), ("p. 2",), "relative", by)
    assert statement(anchor, "[3]").startswith(f"According to {by}, as reported in [3]: ")
