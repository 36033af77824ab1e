"""A list's statement of reasons (sanctions/governments/reasons.py). Every name is invented."""

from __future__ import annotations

from sanctions.check.validate import validate
from sanctions.governments.reasons import _post, reasons
from sanctions.governments.registry import load
from sanctions.governments.scope import scope
from sanctions.model.targets import Post, load_targets
from tests import workbooks


def test_a_post_is_dated_in_the_reasons_as_in_the_letter() -> None:
    """No source dated before today shows a post still held: "from 2019", never "since 2019";
    a day a source shows it held is "in post as of", as the letters say it."""
    held = Post("Minister of Examples", "Ministry of Examples", "2019", None, ["E001"])
    assert _post(held) == f"Minister of Examples, Ministry of Examples ({held.dates()})"
    assert _post(held).endswith("(from 2019)")
    seen = Post("Police officer", "Example City Police", None, None, ["E001"], as_of="2020-05-15")
    assert _post(seen).endswith("(in post as of 15 May 2020)")
    undated = Post("Police officer", "Example City Police", None, None, ["E001"])
    assert _post(undated) == "Police officer, Example City Police"


def test_a_passage_that_names_its_teller_is_not_attributed_twice_in_the_reasons() -> None:
    """“According to Testov, …” is said by the publishers as it stands, as the letters quote it:
    never "according to Marat Testov, as reported by …: “According to Testov, …”"."""
    from sanctions.governments.reasons import _voice
    from sanctions.model.targets import Act, Anchor

    def act(passage: str) -> Act:
        return Act(
            "I001", "Beating of Marat Testov", "2020-01-06", None, None, "perpetrated", "",
            ["ill_treatment"], ["E001"], False,
            anchor=Anchor((passage,), ("p. 2",), "victim", "Marat Testov"),
            publishers=("Example Watch",),
        )  # fmt: skip

    assert _voice(act("According to Testov, an officer beat him")) == "Example Watch reports"
    assert _voice(act("an officer beat him")) == (
        "according to Marat Testov, as reported by Example Watch"
    )


def test_one_post_is_one_post_in_the_reasons(build) -> None:
    """ "has held the following posts:" before a single post reads as if some were left out."""
    rows = workbooks.valid_rows()
    target = next(t for t in load_targets(validate(build(rows))) if t.person_id == "P002")
    one = reasons(target, scope(load()["gb"], target))
    assert one.startswith(f"{target.name} has held the following post: ")
    rows["positions"].append(rows["positions"][1] | {"title": "Deputy Head", "start_date": "2012"})
    target = next(t for t in load_targets(validate(build(rows))) if t.person_id == "P002")
    two = reasons(target, scope(load()["gb"], target))
    assert two.startswith(f"{target.name} has held the following posts: ")
