"""The letters' own words in the spelling of the English their readers write.

The letters are worded in British English, as most of the governments they go to write it. The
United States and Canada write "organization": a letter to them that calls its sender the
"submitting organisation" reads as written for someone else. Only the tool's own words are
respelled (a template's text, the sentences the letters compose around the editor's); an
editor's prose and a source's words are printed as written.
"""

from __future__ import annotations

import re
from functools import cache

# British forms of the words the letters use, and their North American forms (The Canadian
# Style writes -ize and "program" as American English does). Lower case: a capital is kept.
_NORTH_AMERICAN = {
    "organisation": "organization",
    "organisations": "organizations",
    "characterise": "characterize",
    "characterised": "characterized",
    "characterises": "characterizes",
    "recognise": "recognize",
    "recognised": "recognized",
    "recognises": "recognizes",
    "programme": "program",
    "programmes": "programs",
}
SPELLINGS: dict[str, dict[str, str]] = {"en-US": _NORTH_AMERICAN, "en-CA": _NORTH_AMERICAN}


@cache
def _pattern(locale: str) -> re.Pattern[str] | None:
    words = SPELLINGS.get(locale)
    if not words:
        return None
    return re.compile(r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b", re.I)


def spelled(text: str, locale: str) -> str:
    """``text`` (the tool's own words) in the spelling of ``locale``: as it is for British
    English and any locale without a table here."""
    pattern = _pattern(locale)
    if pattern is None:
        return text
    words = SPELLINGS[locale]

    def respelled(match: re.Match[str]) -> str:
        found = match.group(0)
        other = words[found.lower()]
        if found.isupper():
            return other.upper()
        return other[0].upper() + other[1:] if found[0].isupper() else other

    return pattern.sub(respelled, text)


# A Jinja tag of a template, whose words are names, not prose: ``{{ submitter.organisation }}``.
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# A run's text in Word's XML: only there are the template's words; an attribute (a style's ID, a
# link's address) is not prose.
_RUN_TEXT = re.compile(r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)")


def spelled_template(source: str, locale: str) -> str:
    """A template's own text (its runs' text) in the spelling of ``locale``, its Jinja tags and
    its markup as they are."""
    if _pattern(locale) is None:
        return source

    def text(run: re.Match[str]) -> str:
        words, out, at = run.group(2), [], 0
        for tag in _TAG.finditer(words):
            out.append(spelled(words[at : tag.start()], locale))
            out.append(tag.group(0))
            at = tag.end()
        out.append(spelled(words[at:], locale))
        return run.group(1) + "".join(out) + run.group(3)

    return _RUN_TEXT.sub(text, source)
