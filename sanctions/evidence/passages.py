"""Quoted passages: the source's own words that a row relies on, and finding them in a copy.

A passage is found when its words appear in the copy's text in the same order, whatever the
whitespace, the style of quotation marks and dashes, the letter case, or a word broken across a
line in a PDF; "…" (or "...", "[…]") in a passage stands for words left out, so the parts on
either side must appear in order, close together. Nothing else is forgiven: a passage that
says other words than the source is not there, and the nearest passage the copy has is shown
beside it so that the editor sees what the source says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Where an editor marks words left out.
GAP = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.)\s*")
# How far apart (in folded characters) the parts of a passage on either side of a gap may be.
MAX_GAP = 2000
QUOTES = frozenset("\"'“”„‟‘’‚‛«»‹›`´″′")
DASHES = frozenset("-‐‑‒–—―−\u00ad")


@dataclass(frozen=True)
class Passage:
    """One quoted passage of a row, with where it is in the source (``para. 72``)."""

    text: str
    locator: str | None


def passages(quotes: Sequence[str], locators: Sequence[str]) -> list[Passage]:
    """A row's passages with their locators: one locator each when the counts agree, else the
    one locator given (or all of them together) for every passage."""
    if len(locators) == len(quotes):
        return [Passage(q, loc) for q, loc in zip(quotes, locators, strict=True)]
    shared = "; ".join(locators) or None
    return [Passage(q, shared) for q in quotes]


@dataclass(frozen=True)
class Folded:
    """A text as passages are compared with it, and for each of its characters the index of
    the character of the original it comes from."""

    text: str
    origin: tuple[int, ...]


_DROPPED = str.maketrans(dict.fromkeys(QUOTES | DASHES))
_LINE_END_DASH = re.compile("[" + re.escape("".join(sorted(DASHES))) + r"]\s*\n\s*")
_SPACES = re.compile(r"\s+")


def fold_text(text: str) -> str:
    """The folded text alone, as ``fold`` makes it, by whole-string operations: what finding a
    passage needs, many times faster than ``fold``'s character walk, which ``nearest`` keeps
    for the origin of each character."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _LINE_END_DASH.sub("", text).translate(_DROPPED)
    return _single_spaced(text)


def unbroken_text(text: str, lowered: str | None = None) -> str:
    """The text composed (NFKC) and casefolded, soft hyphens taken out, and every hyphen and
    quotation mark kept: what a statement of citizenship is read in ("a Russian-language
    newspaper" is no Russian's), where ``fold_text`` joins the words. A word broken by a hyphen
    at a line's end is not joined: "Russian-\\nspeaking" would read as one word, and "Kazakh-
    \\nstani" is then asked of the editor rather than read. ``lowered``: the text casefolded,
    where it already is; for a text already composed it is the answer itself, and no second
    copy of a large text is kept."""
    if lowered is not None and unicodedata.is_normalized("NFKC", text):
        text = lowered
    else:
        text = unicodedata.normalize("NFKC", text).casefold()
    return text.replace("\u00ad", "") if "\u00ad" in text else text


def _single_spaced(text: str) -> str:
    """``_SPACES.sub(" ", text).lstrip(" ")``: each run of whitespace one space, none at the
    start. ``str.split`` knows the same whitespace as ``\\s`` and splits megabytes at C speed,
    where the pattern stops at every single space."""
    body = " ".join(text.split())
    return body + " " if body and text[-1].isspace() else body


@lru_cache(maxsize=4096)
def _haystack(text: str) -> str:
    """A copy's folded text, kept for the next passage looked for in it."""
    return fold_text(text)


@lru_cache(maxsize=64)
def fold(text: str) -> Folded:
    """Case, quotation marks and dashes set aside, whitespace made single spaces, and a dash at
    the end of a line joined to the next line's word."""
    out: list[str] = []
    origin: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in DASHES:
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            i = j if "\n" in text[i + 1 : j] else i + 1
            continue
        if ch in QUOTES:
            i += 1
            continue
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                origin.append(i)
            i += 1
            continue
        for part in unicodedata.normalize("NFKC", ch).casefold():
            if part in QUOTES or part in DASHES:
                continue
            out.append(" " if part.isspace() else part)
            origin.append(i)
        i += 1
    return Folded("".join(out), tuple(origin))


def parts(passage: str) -> list[str]:
    """The folded parts of a passage between its gaps."""
    return [p for piece in _gaps(passage) if (p := fold_text(piece).strip())]


def _gaps(passage: str) -> list[str]:
    """The passage split at its gaps; every gap has "…" or "...", which most passages lack."""
    if "…" not in passage and "..." not in passage:
        return [passage]
    return GAP.split(passage)


# Joins passages folded together: a control character, which no cell holds (the validator
# refuses them) and which folding neither changes nor joins to its neighbours.
_JOIN = "\x00"


def fold_each(texts: Sequence[str]) -> list[str]:
    """``[fold_text(t) for t in texts]`` but for the spaces at either end of each, in one pass
    over their joined text: a list of 100,000 persons has hundreds of thousands of passages
    and names."""
    return fold_text(_JOIN.join(texts)).split(_JOIN) if texts else []


def parts_of_all(passages: Sequence[str]) -> list[list[str]]:
    """``[parts(p) for p in passages]``, with every piece folded together (``fold_each``)."""
    split = [_gaps(passage) for passage in passages]
    folded = fold_each([piece for pieces in split for piece in pieces])
    out: list[list[str]] = []
    at = 0
    for pieces in split:
        out.append([p for f in folded[at : at + len(pieces)] if (p := f.strip())])
        at += len(pieces)
    return out


def found_in(passage: str, text: str) -> bool:
    """Whether the passage's words are in the text, in order, each part close to the last."""
    return found_in_folded(passage, _haystack(text))


def found_in_folded(passage: str, haystack: str) -> bool:
    """``found_in``, for a text already folded (``fold_text``): a copy read once and searched
    for many passages is folded once, however many copies a list holds."""
    return pieces_in(parts(passage), haystack)


def pieces_in(pieces: Sequence[str], haystack: str) -> bool:
    """``found_in_folded`` for a passage's parts (``parts``), worked out once for every copy
    it is looked for in: as folded, or, where the source leaves out a space the passage has
    ("Code)were", "pre-trialdetention"), without it; never with a space the passage lacks
    ("detainee.Next" is not two paragraphs). Every check and every output that asks which copy
    holds a passage asks here."""
    if not pieces or pieces_at(pieces, haystack) != -1:
        return True
    return " " in "".join(pieces) and _loosely(pieces, haystack)


def _loosely(pieces: Sequence[str], haystack: str) -> bool:
    """Whether the parts follow each other in the text, each of their spaces optional."""
    first, *rest = [_loose(piece) for piece in pieces]
    found = first.search(haystack)
    while found is not None:
        position, whole = found.end(), True
        for pattern in rest:
            after = pattern.search(haystack, position)
            if after is None or after.start() - position > MAX_GAP:
                whole = False
                break
            position = after.end()
        if whole:
            return True
        found = first.search(haystack, found.start() + 1)
    return False


@lru_cache(maxsize=4096)
def _loose(piece: str) -> re.Pattern[str]:
    return re.compile(" ?".join(re.escape(word) for word in piece.split(" ")))


def pieces_at(pieces: Sequence[str], haystack: str) -> int:
    """Where in the folded text the passage (its parts) begins, or -1: the first place its
    parts follow each other."""
    if not pieces:
        return 0
    start = haystack.find(pieces[0])
    while start != -1:
        if _rest_follows(pieces[1:], haystack, start + len(pieces[0])):
            return start
        start = haystack.find(pieces[0], start + 1)
    return -1


def spans(pieces: Sequence[str], haystack: str) -> Iterator[list[tuple[int, int]]]:
    """Each place in the folded text the passage stands, as the (start, end) of each of its
    parts there: where ``pieces_at`` finds it first, then every other."""
    if not pieces:
        return
    start = haystack.find(pieces[0])
    while start != -1:
        found = [(start, start + len(pieces[0]))]
        position = found[0][1]
        for piece in pieces[1:]:
            at = haystack.find(piece, position)
            if at == -1 or at - position > MAX_GAP:
                break
            found.append((at, at + len(piece)))
            position = at + len(piece)
        if len(found) == len(pieces):
            yield found
        start = haystack.find(pieces[0], start + 1)


def _rest_follows(pieces: Sequence[str], haystack: str, position: int) -> bool:
    for piece in pieces:
        found = haystack.find(piece, position)
        if found == -1 or found - position > MAX_GAP:
            return False
        position = found + len(piece)
    return True


# A stretch between a pair of quotation marks, as English, Russian, German and typewriter text
# write them (“…”, «…», „…“, "…", a pair typed unlike, ‘…’). A straight single mark is left
# alone: it is an apostrophe too; so is a closing ’ inside a word ("Orazov’s").
QUOTED = re.compile(
    r"“([^“”\"]+)[”\"]|«([^«»]+)»|„([^„“”]+)[“”]|\"([^\"“”]+)[\"”]|‘([^‘’]+)’(?!\w)"
)


OPENING, CLOSING, STRAIGHT, SINGLE = "“«„", "”»", '"', "‘"
# Every mark that may begin a quotation: a text without any quotes no one.
QUOTATION_MARKS = OPENING + CLOSING + STRAIGHT + SINGLE
# How far a quotation opened and not yet closed runs on over line ends (a copy of a PDF breaks
# its lines inside sentences) before it is taken to end where its line does.
QUOTATION_RUNS = 2000


_MARKS = re.compile(f"[{re.escape(QUOTATION_MARKS)}’\n]")  # and a single closing mark
_EMPTY_LINE = re.compile(r"\n[ \t\r\f\v]*(?=\n)")
# A copy with this share of its lines empty sets an empty line after every line (text taken
# from a PDF): an empty line there ends no paragraph, and no quotation.
SPACED_LINES = 0.35


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """Where the text sets words in quotation marks, as (start, end), as a reader reads them:
    a quotation runs on over line ends to its closing mark (a copy of a PDF breaks lines inside
    sentences), but not past an empty line (where empty lines part paragraphs) or
    ``QUOTATION_RUNS`` characters; a closing mark with none open closes a quotation its line
    opens with (a mark the source left out, or the last paragraph of a quotation over several:
    “… lawsuits,” the authors said). A single mark opens a quotation only at a word's start
    (‘…’, as British English quotes) and closes it only at a word's end: it is an apostrophe
    too (“Orazov’s”). An opening mark typed where a closing one belongs, straight after a word
    and before a space or a stop (“acute heart failure“.), closes. A quotation still open where
    its line ends a sentence ends with the line: a copy that sets a paragraph on each line
    marks a quotation going on into the next by opening it again there, and a mark left
    unclosed must not make the paragraphs after it someone's words; so does one with a
    quotation inside it left open. A mark opening inside a quotation opens one within it only
    where its line closes both (“… the “Koshe Partiyasy”, and urges …”; АО «НК «КазМунайГаз»,
    whose second closing mark Russian leaves out, closes one); a closing mark typed where an
    opening belongs, after a space and before a word (by ”his inner convictions”), opens. Only
    the marks and line ends are read, one regular expression over the copy (a list's 25,000
    copies, character by character, took two seconds)."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    single: int | None = None  # a ‘…’ quotation open, outside any “…”
    depth = 0  # how many quotations are open, one inside another
    line_start = 0
    blank = {m.start() for m in _EMPTY_LINE.finditer(text)}  # line ends before an empty line
    if len(blank) > SPACED_LINES * (text.count("\n") + 1):
        blank = set()
    paragraphs = not _wrapped(text)  # a line a paragraph: a stop at its end ends a quotation
    for mark in _MARKS.finditer(text):
        at, char = mark.start(), mark.group()
        if char == "\n":
            line_start = at + 1
            started = opened if opened is not None else single
            # a quotation inside it left open (depth > 1): which mark was left out is not known
            if started is not None and (
                at in blank
                or at - started > QUOTATION_RUNS
                or depth > 1
                or (paragraphs and _ends_sentence(text, at))
            ):
                found.append((started, at))  # to the end of its line
                opened = single = None
        elif char == SINGLE:
            if opened is None and single is None and (at == 0 or not text[at - 1].isalnum()):
                single = at
        elif char == "’":
            if single is not None and not text[at + 1 : at + 2].isalpha():
                found.append((single, at + 1))
                single = None
        elif (char in OPENING and not _closes(text, at)) or (char in CLOSING and _opens(text, at)):
            if opened is None:
                opened, depth, single = at, 1, None
            elif _closers_ahead(text, at) > depth:
                depth += 1  # a quotation inside the quotation (“… the “Koshe Partiyasy” …”)
        elif char == STRAIGHT and opened is None:
            opened, depth, single = at, 1, None
        elif opened is None:
            found.append((line_start, at + 1))
        else:
            depth -= 1
            if depth == 0:
                found.append((opened, at + 1))
                opened = None
    started = opened if opened is not None else single
    if started is not None:
        found.append((started, len(text)))
    return found


_STOPS = frozenset(".!?…;:")  # and the ends of a list's items
_AFTER_CLOSING = frozenset(" \t\r\n.,;:!?…)]-‐‑–—0123456789¹²³⁴⁵⁶⁷⁸⁹⁰")  # and a note's number
_BEFORE_CLOSING = frozenset(".,;!?…’)»”'")  # what a closing mark follows, beside a word's end
# A copy whose lines mostly end inside a sentence is wrapped (a PDF's text): its lines are not
# its paragraphs.
WRAPPED_LINES = 0.5


def _wrapped(text: str) -> bool:
    """Whether the text breaks its lines inside sentences, as a PDF's does, more often than
    not; a copy of a web page or a document sets a paragraph on each line."""
    lines = [line.rstrip() for line in text.split("\n")]
    ends = [line[-1] for line in lines if line]
    return sum(end not in _STOPS for end in ends) > WRAPPED_LINES * len(ends) if ends else False


def _closers_ahead(text: str, at: int) -> int:
    """The closing marks after ``at`` on its line: a mark that opens inside a quotation opens
    one inside it only where the line closes both (АО «НК «КазМунайГаз» closes one, and the
    second « is no quotation of its own)."""
    end = text.find("\n", at)
    line = text[at + 1 : end if end != -1 else len(text)]
    closing = sum(line.count(mark) for mark in CLOSING + STRAIGHT)
    return closing + sum(
        1 for k, char in enumerate(line, start=at + 1) if char in OPENING and _closes(text, k)
    )


def _ends_sentence(text: str, at: int) -> bool:
    """Whether the line ending at ``at`` ends with a sentence's stop, or a list item's."""
    while at > 0 and text[at - 1] in " \t\r\f\v":
        at -= 1
    return at > 0 and text[at - 1] in _STOPS


def _opens(text: str, at: int) -> bool:
    """Whether the closing mark at ``at`` is an opening one typed as a closing (”…”, or
    German »…«): it begins a word, after a space or the start of a line."""
    after = text[at + 1 : at + 2]
    return (at == 0 or text[at - 1].isspace() or text[at - 1] in "([{") and after.isalnum()


def _closes(text: str, at: int) -> bool:
    """Whether the opening mark at ``at`` is a closing one typed as an opening (“…“): it
    follows a word, a stop or another mark, with no space, and a space, a stop or the end of
    the text follows it."""
    if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in _BEFORE_CLOSING):
        return False  # after a space, a colon or a dash: an opening ("said:“…")
    return at + 1 == len(text) or text[at + 1] in _AFTER_CLOSING


def in_quotation_marks(pieces: Sequence[str], text: str, folded: str) -> bool:
    """Whether the text sets the passage (its ``parts``, found in ``folded``, the text folded)
    in quotation marks, each part within a quoted stretch: where a document is known only as
    another quotes it, only the words the other quotes are its own."""
    return within(pieces, folded, fold(text).origin, quoted_stretches(text))


def within(
    pieces: Sequence[str],
    folded: str,
    origin: Sequence[int],
    stretches: Sequence[tuple[int, int]],
) -> bool:
    """``in_quotation_marks``, with the text's folding (``origin``) and its quoted
    ``stretches`` worked out once for every passage looked for in it."""
    if not pieces:
        return True
    if not stretches:
        return False
    for found in spans(pieces, folded):
        if all(
            any(s <= origin[a] and origin[min(b, len(origin)) - 1] < e for s, e in stretches)
            for a, b in found
        ):
            return True
    return False


@dataclass(frozen=True)
class Nearest:
    """The passage of a text most like a quoted one, as the text writes it."""

    text: str
    likeness: float  # 0 to 1


# A passage longer than this is looked for by its beginning: aligning it costs with the square
# of its length (an 8,000-character quote took 9 s per copy, a 40,000-character one minutes),
# and its beginning is enough to show the editor where the copy differs.
NEAREST_CHARS = 600


def nearest(passage: str, text: str) -> Nearest | None:
    """The stretch of the text most like the passage (its parts joined; its first
    ``NEAREST_CHARS`` characters), widened to whole words; None for an empty text or passage."""
    needle = " ".join(parts(passage))[:NEAREST_CHARS]
    folded = fold(text)
    if not needle or not folded.text:
        return None
    from rapidfuzz import fuzz  # only for a quote not found: not at every start-up

    match = fuzz.partial_ratio_alignment(needle, folded.text)
    if match is None or match.dest_end <= match.dest_start:
        return None
    begin = folded.origin[match.dest_start]
    end = folded.origin[match.dest_end - 1] + 1
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return Nearest(" ".join(text[begin:end].split()), match.score / 100)


# Words an editor sets in square brackets inside a quotation are theirs ("beat [Orazov]"): the
# source's words are looked for on either side, as around "…".
_INSERTED = re.compile(r"\s*\[[^\]]*\]\s*")
# A stretch needs a word of this many letters to be looked for: “I” or “No” is found anywhere.
MIN_LETTERS = 3
_WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")


def quoted_in(text: str) -> list[str]:
    """The stretches of ``text`` in quotation marks, in order, that hold a word; without the
    sentence's own punctuation that English sets inside the closing mark ("…his death.")."""
    found = ("".join(groups).strip().strip(".,;:!?").strip() for groups in QUOTED.findall(text))
    return [_INSERTED.sub(" … ", q).strip(" …") for q in found if _WORD.search(q)]
