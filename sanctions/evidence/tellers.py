"""Whether a passage quoted as the source's own finding is, in the source, someone's account.

A row's ``account`` says whose statement its passages are; a letter cites a finding plainly
and attributes every other account ("According to Askar Kayyrbek, as reported in [3]…"). A
passage cut from "According to Kayyrbek, on 6 January 2020 he was severely beaten…" after its
first words reads, in the letter, as the report's own finding, when the report gives it as the
victim's. So a passage typed as a finding is read in its copy: the words it begins with, and
those of its sentence before it (back to the last full stop), are searched for the phrases
that attribute a statement to someone ("according to", "he said that", "по словам"): words
before the passage that attribute or hedge it ("According to available information, …") were
left out of it; a passage beginning by attributing itself to someone is that person's account.
What the passage itself says further on ("the NPM report stated that…") is the source's finding about
what someone said, and is left alone.
"""

from __future__ import annotations

import re

# The phrases that give what follows as someone's statement, in English and Russian; a verb of
# saying counts with "that" (or a colon) after it and up to two words between ("told the court
# that"), so that "the reports of torture" does not.
_SAYING = (
    r"said|says|stated|states|reported|reports|told|tells|claimed|claims|alleged|alleges"
    r"|believes|believed|testified|recalled|complained|insisted|maintained|asserted|explained"
    r"|wrote|writes|recounted|described|added"
)
ATTRIBUTING = re.compile(
    r"\b(?:according to|in the words of|as (?:told|reported|stated) by|allegedly|reportedly"
    rf"|(?:{_SAYING})(?: [\w’'-]+){{0,2}}(?: that\b|:)"
    r"|по (?:словам|утверждению|мнению|версии|данным)|якобы"
    r"|(?:заявил|сообщил|рассказал|утверждал|пояснил|написал)[аи]?,? что|утверждает,? что)",
)
# "According to available information": the source's own statement, hedged; quoted with its
# hedge, it is the source's finding, said as the source says it.
HEDGE = re.compile(
    r"according to (?:the )?(?:available|some|unofficial|official|preliminary|our|its|their"
    r"|other)? ?(?:information|data|reports|sources|estimates|figures)\b"
)
# How far back in the copy the sentence before a passage is read.
SENTENCE = 300
SHOWN = 100  # how much of it a finding shows
_SENTENCE_END = re.compile(r"[.!?](?= )")


def attributed(haystack: str, start: int, first: str) -> tuple[str, str] | None:
    """How the passage that begins at ``start`` of the folded copy (its first part ``first``)
    is given as someone's: ("begins", the words at its start that attribute it), ("cut", its
    sentence's words before it that attribute or hedge it, which the passage leaves out); or
    None."""
    head = ATTRIBUTING.match(first)
    if head is not None and not HEDGE.match(first):
        comma = first.find(",", head.end())
        return "begins", first[: comma + 1 if 0 < comma < head.end() + 60 else head.end()]
    if start <= 1 or haystack[start - 2] in ".!?":  # the passage begins its sentence
        return None
    before = haystack[max(0, start - SENTENCE) : start]
    ends = list(_SENTENCE_END.finditer(before))
    sentence = before[ends[-1].end() :] if ends else before
    if ATTRIBUTING.search(sentence) is None:
        return None
    sentence = sentence.strip()  # who says it, with what they say
    return "cut", sentence if len(sentence) <= SHOWN else "…" + sentence[-SHOWN:].lstrip()
