"""The registry of list fields: what a field prints is what its flags say of it. Every name is
invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanctions.check.validate import validate
from sanctions.governments.fields import FIELDS, PRINTS_POSITION, Entry, names_of
from sanctions.governments.registry import load
from sanctions.governments.scope import scope
from sanctions.model.targets import Target, load_targets
from tests import workbooks

POST = "Keeper of the Invented Seal"


def test_the_fields_that_print_a_post_are_the_ones_flagged(
    build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package's notes name the persons whose post a list row leaves empty, for the formats
    with a field that prints one: a field that prints the post and is not flagged would leave
    that note out."""
    result = validate(build(workbooks.valid_rows()))
    target = next(t for t in load_targets(result) if t.person_id == "P002")
    monkeypatch.setattr(Target, "listed_position", property(lambda self: POST))
    printing = set()
    for jurisdiction in load().values():
        form = jurisdiction.list_format
        entry = Entry(
            target, scope(jurisdiction, target), jurisdiction, 1, form, names_of(target)[0]
        )
        printing |= {name for name, field in FIELDS.items() if POST in field(entry)}
    assert printing == PRINTS_POSITION
