"""The roles table (schemas/roles.yaml): how a letter says what a person did in an incident."""

from __future__ import annotations

import pytest

from sanctions.governments.roles import roles, worded

INCIDENT = "“Death of Nurlan Victimov in custody” (March 2020)"


@pytest.mark.parametrize("code", sorted(roles()))
def test_every_role_says_the_incident_once(code: str) -> None:
    said, ends = worded(code, INCIDENT)
    assert said.count(INCIDENT) == 1 and "{" not in said
    assert ends is said.endswith(INCIDENT)


def test_what_came_after_is_said_of_the_incident_not_in_it() -> None:
    """Not "did not act to have it investigated in “…”": the incident is what was not
    investigated, and the sentence says so where English puts it."""
    assert worded("failed_to_investigate", INCIDENT) == (
        f"did not act to have {INCIDENT} investigated",
        False,
    )
    assert worded("obstructed", INCIDENT) == (f"obstructed the investigation of {INCIDENT}", True)
    assert worded("perpetrated", INCIDENT) == (f"acted in person in {INCIDENT}", True)
