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


def test_two_accounts_of_one_incident_are_one_entry_with_each_part(
    build, tmp_path, monkeypatch
) -> None:
    """A person with two rows for one incident (two accounts of their part) gets the incident
    once (it was printed twice, under one HTML id), each part with its role, and an account
    that does not name them marked as context."""
    from tests import workbooks
    from tests.conftest import run_cli

    passage = "The policeman grabbed him by the neck"
    monkeypatch.setattr(workbooks, "WITNESS", f"{workbooks.WITNESS}\n{passage}\n")
    rows = workbooks.valid_rows()
    second = dict(rows["involvement"][1], role="participated", quote=passage,
                  description="Grabbed a protester by the neck, a witness says.")  # fmt: skip
    rows["involvement"].append(second)
    book = build(rows)
    out = tmp_path / "report"
    proc = run_cli("report", str(book), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    page = (out / "persons" / "P002.html").read_text(encoding="utf-8")
    assert page.count('id="act-I001"') == 1
    assert page.count("<dt>Role</dt>") == 2 and page.count("<dt>What happened</dt>") == 1
    assert "context only: no passage quoted for it names the person" in page
