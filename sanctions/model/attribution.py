"""Whose account a fact is, and how every document says it: one place for the sentences that
carry a quoted passage from the workbook to a reader.

A desk officer reads each sentence as a claim the submitting organisation stands behind, so a
sentence never says more than its passage: it quotes the passage, names whose account it is when
it is not the source's own finding (``schemas/accounts.yaml``), and gives a violation type as the
source's word only when the passage uses it (``schemas/violations.yaml``), and otherwise as the
submitting organisation's assessment.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from sanctions.common.data import read_yaml, schemas_dir
from sanctions.evidence.passages import fold, fold_text, passages
from sanctions.model.targets import Act, Anchor
from sanctions.workbook.accounts import teller
from sanctions.workbook.layout import VIOLATIONS_FILE


@cache
def violation_words() -> dict[str, tuple[str, ...]]:
    """Each violation type's words, folded as passages are (``passages.fold``)."""
    raw = read_yaml(schemas_dir() / VIOLATIONS_FILE)["violations"]
    return {
        code: tuple(fold(w).text for w in entry.get("words") or ()) for code, entry in raw.items()
    }


def who(anchor: Anchor, named: bool = True) -> str | None:
    """Whose account the passages are, as a sentence names them; None for the source's own
    finding (and for a row that says nothing of it). Not ``named``: only what they are ("a
    victim"), for a text that may be published about an incident whose victims are confidential,
    since the one who gives the account may be one of them."""
    return teller(anchor.account, anchor.by if named else None)


# Words by which a passage gives its teller's opinion rather than what they saw or were told
# ("Agadil's mother … believes that … Tokayev exerted pressure").
BELIEF = re.compile(
    r"\b(?:believes?|believed|thinks|(?:is|was|are|were) convinced|(?:is|was) of the opinion"
    r"|in (?:her|his|their) (?:opinion|view)|считает|полагает|уверен[аы]?)\b"
)


def basis(anchor: Anchor) -> str | None:
    """What an assessment resting on someone's passages rests on, as a letter says it: "the
    account of Askar Kayyrbek", or, where the passages give the teller's opinion, "the belief
    of Gulbarash Zholmukhambetova" (an opinion is no account of what was done); None for the
    source's own finding."""
    by = who(anchor)
    if by is None:
        return None
    if any(BELIEF.search(fold_text(passage)) for passage in anchor.quote):
        return f"the belief of {by}"
    return f"the account of {by}"


def quoted(anchor: Anchor, where: bool = False, cite: Callable[[str], str] | None = None) -> str:
    """The passages, each in quotation marks, joined as one text reads them; with ``where``,
    each followed by where it is in the source (``“…” (para. 72)``), and with ``cite`` (a
    passage's text -> the source that holds it), by which source too (``“…” ([4], para.
    72)``)."""
    out = []
    for p in passages(anchor.quote, anchor.locator):
        place = [cite(p.text)] if cite is not None else []
        place += [p.locator] if p.locator else []
        said = inner_quotes(p.text)
        out.append(f"“{said}”" + (f" ({', '.join(x for x in place if x)})" if where else ""))
    return " … ".join(out)


# A quotation inside a quoted passage takes single marks, as English prints it: “he said
# ‘I can state…’”, never “he said “I can state…””.
INNER_QUOTES = str.maketrans({"“": "‘", "”": "’", '"': "’"})
# A double mark that opens a quotation, whichever the source typed (reports print ”…” as often
# as “…”): at the start or after a space or a bracket, before a word.
_OPENING = re.compile(r"(?:^|(?<=[\s(\[{]))[\"“”](?=\S)")


def inner_quotes(text: str) -> str:
    """A passage's own quotation marks as single ones, opening and closing as they stand."""
    return _OPENING.sub("‘", text).translate(INNER_QUOTES)


# The words by which a passage opens by naming its teller ("According to Kayyrbek, on 6
# January 2020 he was…"), folded as passages are.
_OPENS_TOLD = re.compile(r"(?:according to|in the words of|по словам|со слов) ")
# A verb by which the teller named at a passage's start gives what follows as theirs
# ("Gulbarash Zholmukhambetova believes that …"), with "that" or a colon after it.
_SAYS = re.compile(
    r" (?:believes|believed|said|says|stated|states|told [\w ]{0,20}?|claims|claimed|alleges"
    r"|alleged|testified|recalled|recounted|insisted|maintains|maintained|asserts|asserted)"
    r"(?: that\b|:)"
)
_WORDS_BEFORE = 3  # words before the teller's name ("Agadil's mother")
# A sentence's end inside a passage: what follows is another statement, which the opening
# words do not give as the teller's.
_SENTENCE_END = re.compile(r"[.!?…][”’\"»)]* +\S")


# Capitalised words of a teller's description that name no one ("The victim's son").
_NOT_NAMES = frozenset({"the", "and", "for", "from", "with", "his", "her", "their"})


def teller_names(by: str) -> list[str]:
    """The words of a teller's name, folded: the capitalised words of ``account_by`` ("Askar
    Kayyrbek", "Gulbarash Zholmukhambetova, the victim's mother"), none for one described
    only ("the victim's son"), whom a passage cannot be known to name."""
    words = re.findall(r"\b[^\W\d_][\w’'-]{2,}", by)
    return [fold_text(w) for w in words if w[0].isupper() and fold_text(w) not in _NOT_NAMES]


def told_within(anchor: Anchor, by: str) -> bool:
    """Whether every passage is one sentence that opens by naming its teller as the one whose
    account or belief it is: "According to Kayyrbek, …", "Agadil's mother Gulbarash
    Zholmukhambetova believes that …". The passage then says whose it is in the source's own
    words, and a sentence that said so again before it ("According to Askar Kayyrbek:
    “According to Kayyrbek, …”") would say it twice. Anything less certain keeps the
    attribution: a second sentence, a teller described rather than named, a name that is not
    the one the row gives, a saying that is not the opening clause's."""
    names = teller_names(by)
    return bool(anchor.quote and names) and all(
        _names_teller(fold_text(passage).strip(), names) for passage in anchor.quote
    )


def _is_name(word: str, names: Sequence[str]) -> bool:
    """Whether a folded word is one of the teller's names, as such or with an ending
    ("Kayyrbek's", Russian "Тестова" for Тестов) on a name of five letters or more: not
    "Ivanova" for Ivan."""
    word = word.strip(",.:;")
    return any(
        word == name or (len(name) >= 5 and word.startswith(name) and len(word) - len(name) <= 2)
        for name in names
    )


def _names_teller(text: str, names: Sequence[str]) -> bool:
    if _SENTENCE_END.search(text):
        return False
    words = text.split()
    opening = _OPENS_TOLD.match(text)
    if opening is not None:  # "according to Kayyrbek, …": the name, then the clause's comma
        head = text[opening.end() :].split(",", 1)[0].split()
        return 0 < len(head) <= _WORDS_BEFORE and any(_is_name(w, names) for w in head)
    # "agadil’s mother gulbarash zholmukhambetova believes that …": a few words, the name, the
    # saying right after it
    for i, word in enumerate(words[: _WORDS_BEFORE + 1]):
        if _is_name(word, names):
            j = i
            while j + 1 < len(words) and _is_name(words[j + 1], names):
                j += 1
            after = " " + " ".join(words[j + 1 :])
            return "," not in " ".join(words[:i]) and _SAYS.match(after) is not None
    return False


def statement(
    anchor: Anchor, source: str, named: bool = True, cite: Callable[[str], str] | None = None
) -> str:
    """The passages as a document states them, each with where it is: ``According to Askar
    Kayyrbek, as reported in [4]: “…” (para. 72)``, or for the source's own finding ``[4]:
    “…” (para. 72)``; without a source (a page that cites it after the sentence), ``According
    to Marat Witnessov: “…” (para. 72)`` or ``“…” (para. 72)``. Empty for a row without a
    quote."""
    if not anchor.quote:
        return ""
    by = who(anchor, named)
    if by is not None and named and told_within(anchor, by):
        by = None  # the passage names its teller itself: quoted as it stands, it says whose it is
    if cite is not None:  # each passage names its own source
        if by is None:
            return quoted(anchor, where=True, cite=cite)
        reported = cite
        said = quoted(anchor, where=True, cite=lambda text: f"as reported in {reported(text)}")
        return f"According to {by}: {said}"
    said = quoted(anchor, where=True)
    if by is None:
        return f"{source}: {said}" if source else said
    return f"According to {by}{', as reported in ' + source if source else ''}: {said}"


def according(anchor: Anchor, named: bool = True) -> str:
    """``according to Marat Witnessov, `` before a clause, or nothing for a finding."""
    by = who(anchor, named)
    return f"according to {by}, " if by is not None else ""


@dataclass(frozen=True)
class Described:
    """The violation types of a ground, split by who calls them so."""

    by_source: tuple[str, ...]  # a passage relied on uses the word
    by_source_who: str | None  # whose passage uses it, when not the source's own finding
    assessed: tuple[str, ...]  # the submitting organisation's assessment


def described(kinds: Iterable[str], act: Act, named: bool = True) -> Described:
    """Which of ``kinds`` the passages quoted for the act, or for its incident, call by name;
    not ``named``, whose passage they are only as what they are (``who``)."""
    words = violation_words()
    anchors: Sequence[Anchor] = (act.anchor, act.incident_anchor)
    texts = [(fold_text(" ".join(a.quote)), a) for a in anchors if a.quote]
    by_source: list[str] = []
    assessed: list[str] = []
    voices: list[str | None] = []
    for kind in sorted(kinds):
        found = next(
            (a for text, a in texts if any(w and w in text for w in words.get(kind, ()))), None
        )
        if found is None:
            assessed.append(kind)
        else:
            by_source.append(kind)
            voices.append(who(found, named=named))
    voice = voices[0] if voices and len(set(voices)) == 1 else None
    return Described(tuple(by_source), voice, tuple(assessed))


def kind_words(kinds: Iterable[str]) -> str:
    """``arbitrary detention and torture``."""
    names = [k.replace("_", " ").replace("ill treatment", "ill-treatment") for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def kinds_as_said(kinds: Iterable[str], act: Act, source: str = "the source") -> str:
    """The violations within a sentence that is already the submitting organisation's
    assessment: ``ill-treatment and killing``, with the source's own word marked as its:
    ``torture, as Marat Witnessov describes it; ill-treatment``."""
    split = described(kinds, act)
    parts = []
    if split.by_source:
        parts.append(
            f"{kind_words(split.by_source)}, as {split.by_source_who or source} describes it"
        )
    if split.assessed:
        parts.append(kind_words(split.assessed))
    return "; ".join(parts)


def characterised(
    kinds: Iterable[str], act: Act, source: str = "the source", named: bool = True
) -> str:
    """What the violations are called and by whom: ``which the source describes as torture;
    ill-treatment in the submitting organisation's assessment``; not ``named``, the teller
    only as what they are ("a witness"), for a text published about an incident whose victims
    are confidential."""
    split = described(kinds, act, named)
    parts = []
    if split.by_source:
        voice = split.by_source_who or source
        parts.append(f"described as {kind_words(split.by_source)} by {voice}")
    if split.assessed:
        parts.append(f"{kind_words(split.assessed)} in the submitting organisation's assessment")
    return "; ".join(parts)
