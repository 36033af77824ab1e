"""The letters' own words in their readers' spelling (sanctions/common/spelling.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sanctions.common.data import jurisdictions_dir
from sanctions.common.spelling import SPELLINGS, spelled, spelled_template


def test_a_british_word_is_spelled_as_north_america_spells_it() -> None:
    said = "Organisation: in the submitting organisation's assessment, as it characterises it"
    assert spelled(said, "en-US") == (
        "Organization: in the submitting organization's assessment, as it characterizes it"
    )
    assert spelled("programme not stated", "en-CA") == "program not stated"


def test_british_english_and_a_locale_without_a_table_keep_the_words() -> None:
    said = "the submitting organisation's records"
    assert spelled(said, "en-GB") == said
    assert spelled(said, "en-AU") == said


def test_only_whole_words_are_respelled_keeping_their_case() -> None:
    assert spelled("reorganisations disorganised", "en-US") == "reorganisations disorganised"
    assert spelled("ORGANISATION Organisations", "en-US") == "ORGANIZATION Organizations"


def test_a_templates_tags_keep_their_names() -> None:
    source = "<w:t>The submitting organisation: {{ submitter.organisation }}</w:t>{% if x.organisation %}"
    assert spelled_template(source, "en-US") == (
        "<w:t>The submitting organization: {{ submitter.organisation }}</w:t>{% if x.organisation %}"
    )


def test_only_a_templates_text_is_respelled_not_its_markup() -> None:
    """A style's ID or a link's address is not the letter's prose."""
    source = (
        '<w:pStyle w:val="Programme"/><w:instrText>HYPERLINK "https://x.org/organisation"'
        '</w:instrText><w:t xml:space="preserve">the programme </w:t>'
    )
    assert spelled_template(source, "en-US") == source.replace("the programme", "the program")


def _texts(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for value in node.values() for t in _texts(value)]
    if isinstance(node, list):
        return [t for value in node for t in _texts(value)]
    return []


@pytest.mark.parametrize(
    "path",
    [
        p
        for p in sorted(jurisdictions_dir().glob("*.yaml"))
        if yaml.safe_load(p.read_text(encoding="utf-8")).get("locale") in SPELLINGS
    ],
    ids=lambda p: p.stem,
)
def test_a_governments_own_texts_are_in_its_spelling(path: Path) -> None:
    """What a government's file writes for its letter (an argument, a note) is in the
    spelling of its locale already: the file is that government's alone."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for text in _texts(spec):
        assert spelled(text, spec["locale"]) == text, text
