"""A person's page of the review report, piece by piece. Every name is invented."""

from __future__ import annotations

from sanctions.review.person import _designations
from sanctions.tracking.screening import NO_BIRTH_HERE, Designation, Match, Screened, Screening


def test_a_match_whose_record_names_no_listing_is_still_shown_to_resolve() -> None:
    """A record matched with no listing in the data (a person of interest, or a file that
    leaves the listing out) was printed by ``screen`` and then lost from the report, whose
    page said the screening found nothing."""
    listed = Designation("s1", "us", "OFAC", "GLOMAG", "GLOMAG", "2021-03-01", "", True, "")
    matches = [
        Match("r1", 1.0, "Dana Fictiyeva", "Dana Fictiyeva", "Person", ["x"], [], [], [], "",
              [NO_BIRTH_HERE]),
        Match("r2", 0.97, "Dana Fictiyeva", "Dana Fictiyeva", "Person", ["y"], [], [], [listed],
              "", []),
    ]  # fmt: skip
    screening = Screening(
        "list", "", 0.7, [], [Screened("P002", "Dana F.", "proposed", "", matches)]
    )
    lines = _designations(screening, "P002", {"us": "United States"})
    unlisted = next(line for line in lines if line.ref_id == "r1")
    assert not unlisted.listing and unlisted.score == "1.00" and unlisted.to_confirm
    assert [line.government for line in lines if line.listing] == ["United States"]
