"""Whether a passage quoted as the source's own finding is, in the source, someone's account.

A row's ``account`` says whose statement its passages are; a letter cites a finding plainly
and attributes every other account ("According to Askar Kayyrbek, as reported in [3]…"). A
passage cut from "According to Kayyrbek, on 6 January 2020 he was severely beaten…" after its
first words reads, in the letter, as the report's own finding, when the report gives it as the
victim's. So a passage typed as a finding is read in its copy, where its sentence's words are
searched for the phrases that attribute a statement to someone ("according to", "he said
that", "по словам"): at its own start (it is that person's account), in its sentence before it
or after it ("…, his lawyer said"), or in words it leaves out with "…" ("Minister X, according
to the victims, ordered …"). Words that hedge it ("According to available information, …")
count when they are left out. What the passage itself says further on ("the NPM report stated
that …") is the source's finding about what someone said, and is left alone; so is a sentence
where the source's own voice takes over ("While the State party stated that …, the Committee
finds that …"). A passage the copy holds in several places is someone's account only if it is
in each of them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from sanctions.evidence.passages import fold_text, spans

# The phrases that give what follows as someone's statement, in English and Russian; a verb of
# saying counts with "that" (or a colon) after it and up to two words between ("told the court
# that"), so that "the reports of torture" does not.
_SAYING = (
    r"said|says|stated|states|reported|reports|told|tells|claimed|claims|alleged|alleges"
    r"|believes|believed|testified|recalled|complained|insisted|maintained|asserted|asserts"
    r"|explained|recounted|argued|argues|contended|contends|submitted|submits"
    r"|saying|stating|claiming|alleging|arguing|asserting|insisting|maintaining|contending"
)
# The same verbs in Russian, as a report writes them of a man or a woman ("заявил",
# "заявила") or in the present ("утверждает").
_RU_SAYING = (
    r"(?:заявил|сообщил|рассказал|сказал|утверждал|пояснил|написал|отметил|добавил)[аи]?"
    r"|утверждает|говорит|пишет"
)
ATTRIBUTING = re.compile(
    r"\b(?:according to|in the words of|as (?:told|reported|stated) by|allegedly|reportedly"
    r"|(?:there is )?reason to (?:believe|suspect) that|as is known from|known from official"
    rf"|(?:{_SAYING})(?: [\w’'./-]+){{0,2}}(?: that\b|:)"
    r"|по (?:словам|утверждению|мнению|версии|данным|информации)|со слов|якобы"
    r"|как (?:сообщил|заявил|рассказал|отметил|пояснил|утверждает)[аио]?"
    rf"|(?:{_RU_SAYING}),? что|(?:{_RU_SAYING})(?: [\w-]+){{0,2}}:)",
)
# Words after a passage that give it as someone's: "…, his lawyer said", "…, according to the
# victims".
TRAILING = re.compile(
    r"^[^.;]{0,3},\s*(?:according to\b"
    # "…, his lawyer said.", "…, Erlan Victimov, 34, told the Times." (the saying ends the
    # clause, or its object does: "…, however the source has submitted that …" begins another)
    rf"|[\w’', -]{{0,60}}?\b(?:{_SAYING}|added|wrote|recalls|{_RU_SAYING})"
    r"(?:\s+(?!that\b|что\b)[\w’'./-]+){0,4}\s*(?:[.,;]|$)"
    # "…, said Erlan Victimov", "…, рассказал его сын": the verb first
    rf"|(?:{_SAYING}|added|wrote|recalls|{_RU_SAYING})\s+(?!that\b|что\b)[\w’'-]+"
    # "…, as submitted by the Government"
    r"|as\b[^.;]{0,80}?\b(?:submitted|stated|reported|claimed|alleged|argued|noted|indicated)"
    r" by\b)"
)
# "According to available information": the source's own statement, hedged; quoted with its
# hedge, it is the source's finding, said as the source says it ("according to information
# from his lawyer" is the lawyer's).
HEDGE = re.compile(
    r"according to (?:the )?(?:available|some|unofficial|official|preliminary|our|its|their"
    r"|other)? ?(?:information|data|reports|sources|estimates|figures)\b"
    r"(?! (?:from|of|by|provided|received|given|obtained)\b)"
)
# The source's own voice taking over after someone's words: "…, the Committee finds that".
OWN_VOICE = re.compile(
    r"\b(?:finds|found|concludes|concluded|considers|determines|determined|is satisfied"
    r"|is of the view|observes|notes)\s+that\b|;"
    # "…, the Working Group is particularly concerned": the source's body takes the clause
    r"|,\s*(?:the (?:working group|committee|court|tribunal|special rapporteur|rapporteur|panel"
    r"|mission|commission|report|authors)|we)\b"
)
# The source itself as the one who says a quotation: it quotes its own earlier words.
OWN_SUBJECT = re.compile(
    r"\b(?:we|our|the working group|the committee|the special rapporteur|this report"
    r"|the present report)\b"
)
# A sentence that concedes someone's words before its own ("While the State party stated that
# …, …"): the passage after the comma is the source's.
CONCESSIVE = re.compile(r"^\W*(?:while|whilst|although|though|whereas|even though|despite)\b")
# How far back (and on) in the copy the sentence around a passage is read.
SENTENCE = 300
SHOWN = 100  # how much of it a finding shows
# A full stop that does not end a sentence: after an abbreviation or an initial.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "nos",
        "para",
        "paras",
        "p",
        "pp",
        "art",
        "arts",
        "vol",
        "ch",
        "fig",
        "cf",
        "vs",
        "e.g",
        "i.e",
        "u.n",
        "u.s",
        "u.k",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "capt",
        "sgt",
        "г",
        "гг",
        "ул",
        "им",
        "т",
        "д",
        "ст",
        "п",
        "см",
        "стр",
        "тел",
    ]
)
_STOP = re.compile(r"[.!?]")

# Section headings that give what stands under them as a party's, as a UN body's decision sets
# out the parties' submissions before its own discussion ("Communication from the source",
# "Response from the Government", "Further comments from the source"), and those that begin the
# body's own voice again ("Discussion", "Disposition"). Other headings (a party's sub-headings,
# "Arrest and detention") are read past.
_PARTY = (
    r"(?:the )?(?:source|government|state party|petitioner|complainant|authors?|applicants?"
    r"|parties|information received)(?: of (?:the )?[\w ]+)?"
)
# The heading, as the last words of its line, folded (a letter or number before it, "A.",
# "1.", a document symbol a PDF sets on the same line, or a footnote's number after it, are
# not read).
PARTY_HEADING = re.compile(
    # "Communication from the source", "Response from the Government of Testland"
    r"^(?:(?:further|additional) )?(?:communication|response|reply|observations|comments"
    rf"|information|submissions?)(?: [\w’']+){{0,3}}? (?:from|of|by) {_PARTY}$"
    # "Government’s response", "State party’s observations on admissibility and the merits"
    r"|^(?:the )?(?:government|state party|source|authors?|complainant|petitioner)(?:[’']s?|s)? "
    r"(?:response|reply|observations|comments|submissions?)(?: on [\w ’']+)?$"
    # the Human Rights Committee's Views: "The facts as submitted by the author"
    r"|^(?:the )?facts as (?:submitted|presented) by the authors?$|^the complaint$"
    # a Special Rapporteur's letter: "According to the information received:"
    r"|^according to the information received$"
    # the Working Group's opinions in Russian
    r"|^(?:сообщение|ответ|(?:дополнительные )?(?:замечания|комментарии)) (?:от )?"
    r"(?:источника|правительства|государства участника)$"
)
OWN_HEADING = re.compile(
    r"^(?:discussion|deliberations?|disposition|findings|conclusions?|recommendations?"
    r"|opinion|assessment|analysis|considerations?|decision|views)"
    r"(?: (?:and|of the) [\w ]+)?$"
    r"|^issues and proceedings before the committee$|^consideration of (?:admissibility|the "
    r"merits)$"
    r"|^(?:обсуждение|решение|мнение|выводы|рекомендации)$"
)
HEADING_WORDS = 10  # a line with more words is prose, not a heading
_RECEIVED = re.compile(r"according to the information received")
_FOOTNOTE = re.compile(r"\s*\d{1,3}$")  # "Response from the Government 2"
_ENUMERATOR = re.compile(r"^\(?(?:[A-Za-zА-Яа-я]|[IVXivx]+|\d+)[.)]\s+")  # "A. ", "1. ", "(b) "
_SYMBOL = re.compile(r"^[A-Z]{1,5}/[\w/.-]+\s+")  # a UN document symbol a PDF sets on the line
# The words one of which a party's heading has: a copy without any has none.
PARTY_WORDS = (
    "submission",
    "source",
    "information received",
    "the facts as",
    "complaint",
    "источника",
    "правительства",
    "government",
    "state party",
    "petitioner",
    "complainant",
    "author",
    "applicant",
    "parties",
)


# Words by which a copy names a document it quotes, beside those of its title and publisher.
DOCUMENT_WORDS = ("report", "authors", "document", "resolution", "statement", "opinion")


def quoted_as_someones(
    text: str,
    origin: Sequence[int],
    stretches: Sequence[tuple[int, int]],
    occurrences: Sequence[list[tuple[int, int]]],
) -> str | None:
    """The words that give a quotation as someone's (“… to the flat,” his son said; his mother
    stated: “…”), when the passage stands inside it wherever the copy holds it (its
    ``occurrences``, the spans of its parts in the folded text, ``origin`` mapping them to the
    text as written); None when somewhere it is the source's own words."""
    told = None
    for found in occurrences:
        a, b = origin[found[0][0]], origin[min(found[-1][1], len(origin)) - 1]
        inside = next(((s, e) for s, e in stretches if s <= a and b < e), None)
        if inside is None:
            return None
        s, e = inside
        # words right after the closing mark, read as after a comma (“…,” the authors said;
        # “…” – his son said; «…», — рассказал его сын)
        after = ", " + fold_text(text[e : e + SENTENCE]).lstrip(" ,")
        said = TRAILING.match(after)
        if said is not None:
            words = after[: sentence_end(after)].strip(" ,.")
            if OWN_SUBJECT.search(words):
                return None  # “…,” we reported: the source quoting itself
            told = told or words
            continue
        before = fold_text(text[max(0, s - SENTENCE) : s])
        sentence = before[sentence_start(before) :]
        if not _attributes(sentence) or OWN_SUBJECT.search(sentence):
            # a quotation the source gives as no one's (a law's words), or as its own earlier
            # words ("As the Working Group has previously stated: “…”")
            return None
        told = told or sentence.strip()
    return None if told is None else _shown(told)


def headings(text: str, lowered: str | None = None) -> list[tuple[int, str | None]]:
    """Where the copy's decisive headings stand (the offset of the line after each), in order:
    a party's heading with its words, or None for one of the source's own voice. Worked out
    once per copy; ``lowered``: the text casefolded, where it already is."""
    found: list[tuple[int, str | None]] = []
    low = text.casefold() if lowered is None else lowered
    if not any(word in low for word in PARTY_WORDS):  # most copies: no party's heading
        return found
    at = 0
    for line in text.split("\n"):
        at += len(line) + 1
        words = _FOOTNOTE.sub("", line.strip().rstrip(":").strip())
        words = _ENUMERATOR.sub("", _SYMBOL.sub("", words))
        if not words or len(words.split()) > HEADING_WORDS or words[-1] in ".;,":
            continue
        folded = " ".join(re.findall(r"[^\W_]+(?:[’'][^\W_]+)?", words.casefold()))
        if PARTY_HEADING.search(folded):
            found.append((at, words))
        elif OWN_HEADING.search(folded):
            found.append((at, None))
    # A decision sets out the parties' submissions before its own discussion: a party's
    # heading with no heading of the source's own voice after it is a chapter of a report
    # about a reply ("Response from the Government", then the report's own chapters), not a
    # section giving what follows as the party's. A Special Rapporteur's letter has no such
    # heading: what follows "According to the information received:" is the information's.
    last_own = max((at for at, party in found if party is None), default=-1)
    return [
        (at, party)
        for at, party in found
        if party is None or at < last_own or _RECEIVED.match(party.casefold())
    ]


def under_heading(found: list[tuple[int, str | None]], start: int) -> str | None:
    """The party's heading a passage beginning at ``start`` (in the copy as written) stands
    under (``headings``); None under one of the source's own, or none."""
    at = bisect_right(found, start, key=lambda h: h[0]) - 1
    return found[at][1] if at >= 0 else None


def attributed(haystack: str, pieces: Sequence[str]) -> tuple[str, str] | None:
    """How the passage (its folded ``pieces``) is given, in the folded copy, as someone's:
    ("begins", the words at its start that attribute it), ("cut", its sentence's words before
    it, after it, or left out with "…", that attribute or hedge it); or None. A passage the
    copy holds in several places is someone's only if it is in each."""
    first = pieces[0] if pieces else ""
    head = ATTRIBUTING.match(first)
    if head is not None and not HEDGE.match(first):
        comma = first.find(",", head.end())
        return "begins", first[: comma + 1 if 0 < comma < head.end() + 60 else head.end()]
    told = None
    for found in spans(pieces, haystack):
        said = _around(haystack, found)
        if said is None:
            return None  # somewhere the source says it as its own
        told = told or said
    return told


def _around(haystack: str, found: list[tuple[int, int]]) -> tuple[str, str] | None:
    """The words attributing one occurrence of the passage (its parts' spans)."""
    start, end = found[0][0], found[-1][1]
    for (_, gap_start), (gap_end, _) in pairwise(found):
        left_out = haystack[gap_start:gap_end]
        # the words left out within the sentences of the parts on either side of them
        head, tail = left_out[: sentence_end(left_out)], left_out[sentence_start(left_out) :]
        if head == left_out and ATTRIBUTING.search(left_out):
            return "cut", _shown(left_out.strip(" ,"))
        if head != left_out and (TRAILING.match(head) or _attributes(tail)):
            return "cut", _shown((head if TRAILING.match(head) else tail).strip(" ,"))
    if "," in haystack[end : end + 4]:  # "…, his lawyer said"
        after = haystack[end : end + SENTENCE]
        if TRAILING.match(after) is not None:
            return "cut", _shown(after[: sentence_end(after)].strip())
    if start < 2 or (haystack[start - 2] in ".!?" and _ends_sentence(haystack, start - 2)):
        return None  # the passage begins its sentence: most do
    before = haystack[max(0, start - SENTENCE) : start]
    sentence = before[sentence_start(before) :]
    return ("cut", _shown(sentence.strip())) if _attributes(sentence) else None


def _attributes(sentence: str) -> bool:
    """Whether the words of a sentence before a passage give it as someone's: an attributing
    phrase, and no sign of the source's own voice after it."""
    if not sentence.strip():
        return False
    last = list(ATTRIBUTING.finditer(sentence))[-1:]
    if not last or OWN_VOICE.search(sentence, last[0].end()) is not None:
        return False
    return not (CONCESSIVE.match(sentence) and "," in sentence[last[0].end() :])


def sentence_start(before: str) -> int:
    """Where the sentence that ``before`` ends in begins: after its last full stop that ends a
    sentence (not an abbreviation's or an initial's; a footnote's number after it is the last
    sentence's), or at a semicolon's clause."""
    at = len(before)
    while True:
        at = max(before.rfind(".", 0, at), before.rfind("!", 0, at), before.rfind("?", 0, at))
        if at == -1:
            return 0
        if _ends_sentence(before, at):
            rest = before[at + 1 :]
            return at + 1 + len(rest) - len(rest.lstrip('0123456789 ”’")'))


def sentence_end(after: str) -> int:
    for stop in _STOP.finditer(after):
        if _ends_sentence(after, stop.start()):
            return stop.end()
    return len(after)


def _ends_sentence(text: str, at: int) -> bool:
    """Whether the stop at ``at`` ends a sentence: not after an abbreviation ("Mr.", "para.",
    "U.N.", "г.") or a single letter (an initial), and followed by a space, a footnote's number
    or a letter (text from a PDF often has none between)."""
    if text[at] != ".":
        return True
    begins = at  # the word before it ("Mr", "U.N", "2"), as far back as an abbreviation goes
    while (
        begins > 0 and at - begins < 12 and (text[begins - 1].isalnum() or text[begins - 1] == ".")
    ):
        begins -= 1
    token = text[begins:at].strip(".")
    if token.casefold() in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return False
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    if after.isdigit():  # a footnote's number after a word ("beaten.12"), not "3.5" or a date
        return before.isalpha()
    if after.isalpha():  # "beaten.Minister", as PDF text has it; not "e.g" or "U.N"
        return before.isalpha() and len(token) > 1
    return True


def _shown(words: str) -> str:
    return words if len(words) <= SHOWN else "…" + words[-SHOWN:].lstrip()
