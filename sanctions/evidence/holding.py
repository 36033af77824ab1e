"""Which source holds a quoted passage: the one mechanism by which every output cites a passage
to the document that says it, not to every document its row cites.

A row may cite several sources. A passage is held by those whose own local copy holds it, and
only when none does, by a source known through another whose copy holds it (a report known
from a news article, read as the article quotes it): a passage in the article's own words is
not the report's. Where the row cites both, a passage the article sets in quotation marks is
the report's, as cited in the article, and not the article's: the article is the one telling
it, not saying it. Where the article carries several reports the row cites, a quotation is the
one report's whose title or publisher the words around it name; where they name none, or more
than one, it stays the article's, which does print those words, while a report may not say
them. A passage no copy holds has no holder, and is cited to the row's sources.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

from sanctions.evidence.folder import RefusedName, evidence_folder, resolve
from sanctions.evidence.passages import (
    QUOTATION_MARKS,
    fold,
    fold_each,
    fold_text,
    found_in_folded,
    parts,
    quoted_stretches,
    spans,
    within,
)
from sanctions.evidence.reading import read_copies
from sanctions.evidence.tellers import (
    DOCUMENT_WORDS,
    SENTENCE,
    quoted_as_someones,
    sentence_end,
    sentence_start,
)


class Source(Protocol):
    """What holding needs of an evidence row: its copy, what it is known through, and the title
    and publisher by which the copy it is known through names it."""

    @property
    def evidence_id(self) -> str: ...
    @property
    def file(self) -> str | None: ...
    @property
    def known_through(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def publisher(self) -> str | None: ...


@dataclass
class Holding:
    """The readable texts of a list's copies, folded once (``passages.fold_text``): each item's
    own, and, for an item known only through another, that other's; and each copy's SHA-1, from
    the same read (FtM's ``contentHash``: the recorded SHA-256 is no value of that type)."""

    own: Mapping[str, str] = field(default_factory=dict)
    through: Mapping[str, str] = field(default_factory=dict)
    sha1: Mapping[str, str] = field(default_factory=dict)
    # evidence_id -> the item it is known through; and each copy as written, for where a
    # carrier sets words in quotation marks and for the values looked for as written (a date)
    known: Mapping[str, str] = field(default_factory=dict)
    written: Mapping[str, str] = field(default_factory=dict)
    # evidence_id of an item known through another -> the folded words that name it there
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _quotations: dict[str, tuple[tuple[int, ...], list[tuple[int, int]]]] = field(
        default_factory=dict, repr=False
    )
    # what a reader of the texts works out once for every row (``withheld``: each copy as one)
    worked: dict[object, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, sources: Iterable[Source], workbook: Path | None) -> Holding:
        if workbook is None:
            return cls()
        sources = list(sources)
        paths = _paths(sources, workbook)
        # read as the validation reads them (``reading``): each copy once, its text as there
        readings = read_copies(paths.values(), sha1=True)
        own = {
            eid: fold_text(text)
            for eid, path in paths.items()
            if isinstance(text := readings[path].text, str)
        }
        through = {
            item.evidence_id: text
            for item in sources
            if item.evidence_id not in own and (text := own.get(item.known_through or ""))
        }
        sha1 = {
            eid: digest
            for eid, path in paths.items()
            if isinstance(digest := readings[path].sha1, str)
        }
        written = {eid: text for eid in own if isinstance(text := readings[paths[eid]].text, str)}
        return cls(own, through, sha1, _known(sources), written, _naming(sources))

    @classmethod
    def on_demand(cls, sources: Iterable[Source], workbook: Path | None) -> Holding:
        """The same texts, each read and folded the first time it is asked for: a check that
        reads a few copies (those a passage with a gap cites) does not read them all."""
        if workbook is None:
            return cls()
        sources = list(sources)
        files = {s.evidence_id: s.file for s in sources if s.file}
        own = _Folded(files, evidence_folder(workbook))
        known = _known(sources)
        return cls(
            own, _Through(own, known), known=known, written=own.written, names=_naming(sources)
        )

    def stretch(self, pieces: Sequence[str], cited: Sequence[str]) -> str | None:
        """The folded words of the passage (its ``parts``) as its copy has them whole, the words
        it leaves out with "…" among them, but only those of the sentences its words stand in:
        what a check of who the passage is about reads, since "Officer A … beat them" may
        leave out "officers B, C and D", while a sentence between two it quotes is another
        statement. Where the cited copies hold it in several places, the closest-knit: a report
        that names the officials together in its first paragraph and one of them acting in its
        second holds "Officer A … beat them" from the first to the second too."""
        best: tuple[int, str, list[tuple[int, int]]] | None = None
        for texts in (self.own, self.through):
            for eid in cited:
                text = texts.get(eid)
                for found in spans(pieces, text) if text else ():
                    width = found[-1][1] - found[0][0]
                    if best is None or width < best[0]:
                        best = (width, text or "", found)
            if best is not None:
                break
        if best is None:
            return None
        _, text, found = best
        words = [text[found[0][0] : found[0][1]]]
        for (_, gap_start), (gap_end, end) in pairwise(found):
            left_out = text[gap_start:gap_end]
            head = left_out[: sentence_end(left_out)]
            tail = left_out[sentence_start(left_out) :] if head != left_out else ""
            words += [head, " " + tail if tail else "", text[gap_end:end]]
        return "".join(words)

    def only_in(self, quote: Sequence[str], cited: Sequence[str], secret: Set[str]) -> bool:
        """Whether some passage of ``quote`` is held, of the ``cited`` sources, only by those in
        ``secret`` (the confidential ones): a fact only they state, which public outputs must
        leave out rather than show with the other sources, which do not state it. A passage no
        copy holds, beside a confidential source whose text is not here, is taken for its."""
        if not any(eid in secret for eid in cited):
            return False
        # a confidential source whose text is not here may be the one that says it
        unread = any(eid in secret and not self.reads(eid) for eid in cited)
        for passage in quote:
            held = self.holders(passage, cited)
            if held and not any(self.public(eid, secret) for eid in held):
                return True
            if not held and unread:  # no copy here holds it: it may be that source's alone
                return True
        return False

    def public(self, eid: str, secret: Set[str]) -> bool:
        """Whether what the source's text says may be published: the source is not confidential,
        nor, for one known only through another's copy, is that other (a public report read
        only as a confidential interview quotes it is read in the interview)."""
        if eid in secret:
            return False
        return self.own.get(eid) is not None or self.known.get(eid) not in secret

    def texts(self, eid: str) -> tuple[str, str] | None:
        """The source's text as written and folded: its own copy's, else that of the one it is
        known through; None when neither is here."""
        held = eid if self.own.get(eid) is not None else self.known.get(eid)
        folded = self.own.get(held) if held else None
        written = self.written.get(held) if held else None
        return None if folded is None or written is None else (written, folded)

    def reads(self, eid: str) -> bool:
        """Whether the text of the source is here (its own copy, or one it is known through)."""
        return eid in self.own or eid in self.through

    def holders(self, passage: str, cited: Sequence[str]) -> tuple[str, ...]:
        """The cited sources that hold the passage, in the row's order; empty when none does.
        A cited source known only through a copy that holds the passage in quotation marks
        holds it in that copy's stead; of several such, the one the copy names there. Found
        once for each passage and sources (a package asks for every passage it cites, and
        each of nine packages asks)."""
        key = ("holders", passage, tuple(cited))
        if key not in self.worked:
            self.worked[key] = self._holders(passage, cited)
        held: tuple[str, ...] = self.worked[key]
        return held

    def _holders(self, passage: str, cited: Sequence[str]) -> tuple[str, ...]:
        found = [e for e in cited if (t := self.own.get(e)) and found_in_folded(passage, t)]
        if found:
            return tuple(dict.fromkeys(self._quoted_for(passage, found, cited)))
        found = [e for e in cited if (t := self.through.get(e)) and found_in_folded(passage, t)]
        return tuple(dict.fromkeys(found))

    def _quoted_for(self, passage: str, found: list[str], cited: Sequence[str]) -> Iterator[str]:
        """Each copy holding the passage, or in its stead the cited sources known only through
        it, where it sets the passage in quotation marks: the news article quoting the report
        ("… social media," the report's foreword says) is not saying it. A copy carrying
        several cited sources quotes each in its turn: a quotation is only the one it names
        (``_named``), lest every report be said to say what one of them does."""
        for eid in found:
            carried = [c for c in cited if self.known.get(c) == eid and c not in self.own]
            if not carried or not self._quotes(eid, passage):
                yield eid
            elif len(carried) == 1:
                yield carried[0]
            else:
                credited = set(self._named(eid, passage, carried)) or {eid}
                yield from (c for c in cited if c in credited)

    def _named(self, eid: str, passage: str, carried: list[str]) -> Iterator[str]:
        """For each place the copy of ``eid`` quotes the passage, the one ``carried`` source
        the words around the quotation name (the sentence that introduces it, and the words
        after its closing mark: “…,” Testland Watch’s report reads), by a name no other of them
        has (two reports of one publisher are told apart by their titles); where they name
        none, or several, the copy itself: it does print the words, and a report it carries
        may not say them."""
        text = self.written[eid]
        origin, stretches = self._quoted(eid, text)
        counts = Counter(name for c in carried for name in set(self.names.get(c, ())))
        own_names = {c: [n for n in self.names.get(c, ()) if counts[n] == 1] for c in carried}
        for found in spans(parts(passage), self.own[eid]):
            inside = [
                _stretch(stretches, origin[a], origin[min(b, len(origin)) - 1]) for a, b in found
            ]
            start, end = inside[0], inside[-1]
            if start is None or end is None or None in inside:
                continue  # not in quotation marks here: the copy's own words
            words = _around(text, start[0], end[1])
            named = [c for c in carried if any(_says(words, n) for n in own_names[c])]
            yield named[0] if len(named) == 1 else eid

    def _quoted(self, eid: str, text: str) -> tuple[tuple[int, ...], list[tuple[int, int]]]:
        """The copy's folding (``origin``) and its quoted stretches, worked out once."""
        if eid not in self._quotations:
            self._quotations[eid] = (fold(text).origin, quoted_stretches(text))
        return self._quotations[eid]

    def _quotes(self, eid: str, passage: str) -> bool:
        """Whether the copy of ``eid`` sets the passage in quotation marks (``passages.within``)
        as a document's words: not where it gives the quotation as a person's ("“…,” said
        Erlan Victimov, a protester"), whose words they stay, as the article tells them."""
        text = self.written.get(eid)
        if text is None:
            return False
        origin, stretches = self._quoted(eid, text)
        pieces, folded = parts(passage), self.own[eid]
        if not within(pieces, folded, origin, stretches):
            return False
        said = quoted_as_someones(text, origin, stretches, list(spans(pieces, folded)))
        return said is None or any(word in said for word in DOCUMENT_WORDS)


def _known(sources: Iterable[Source]) -> dict[str, str]:
    """Each item known through another, with that other's evidence_id."""
    return {s.evidence_id: s.known_through for s in sources if s.known_through}


# Where a title's first part ends: a colon, or a dash between words ("Servants of the regime:
# torture in Testland", "Servants of the regime – a report"), not a hyphen inside a word.
_SUBTITLE = re.compile(r":|\s[-‐‑‒–—―−]\s|—")
# A title's first part names it only with this many words: "Servants of the regime" does,
# "Kazakhstan" (of "Kazakhstan: Events of 2021") names the country every report is about.
SHORT_TITLE_WORDS = 3


def short_title(title: str) -> str | None:
    """The part of a title before its subtitle, by which a document is often named ("Servants
    of the regime"), where it is long enough to name it; None otherwise."""
    head = _SUBTITLE.split(title, maxsplit=1)[0].strip()
    return head if head != title.strip() and len(head.split()) >= SHORT_TITLE_WORDS else None


def _naming(sources: Iterable[Source]) -> dict[str, tuple[str, ...]]:
    """Each item known through another, with the words, folded (``fold_text``), by which that
    other's copy may name it: its whole title, the title's part before a colon or dash where
    it is long enough to name it (``short_title``), and its publisher. Only these few items' are folded, once."""
    carried = [s for s in sources if s.known_through]
    given = [
        name
        for s in carried
        for name in (
            s.title or "",
            short_title(s.title or "") or "",
            s.publisher or "",
        )
    ]
    folded = [name.strip() for name in fold_each(given)]  # all at once: three for each item
    return {
        s.evidence_id: tuple(dict.fromkeys(name for name in folded[3 * i : 3 * i + 3] if name))
        for i, s in enumerate(carried)
    }


def _stretch(stretches: Sequence[tuple[int, int]], a: int, b: int) -> tuple[int, int] | None:
    """The quoted stretch the characters from ``a`` to ``b`` (as written) stand in, or None."""
    return next(((s, e) for s, e in stretches if s <= a and b < e), None)


def _around(text: str, start: int, end: int) -> str:
    """The words, folded, around the quotation from ``start`` to ``end`` (its marks included):
    its sentence before it, and after its closing mark the rest of that sentence, unless the
    quotation ended it and another begins (“… beat him.” Another report …)."""
    before = text[max(0, start - SENTENCE) : start]
    words = before[sentence_start(before) :]
    after = text[end : end + SENTENCE]
    ended = text[start:end].rstrip(QUOTATION_MARKS + "’ ").endswith((".", "!", "?", "…"))
    if not (ended and after.lstrip(" \t\r\n" + QUOTATION_MARKS)[:1].isupper()):
        words += " " + after[: sentence_end(after)]
    return fold_text(words)


def _says(words: str, name: str) -> bool:
    """Whether the folded ``words`` hold the folded ``name`` as whole words, or with a
    possessive's "s" (“Testland Watch’s”, folded "testland watchs"): "un" is not in "unlawful"."""
    at = words.find(name)
    while at != -1:
        end = at + len(name)
        after = end + 1 if words[end : end + 1] == "s" else end
        if (at == 0 or not words[at - 1].isalnum()) and (
            after >= len(words) or not words[after].isalnum()
        ):
            return True
        at = words.find(name, at + 1)
    return False


def _paths(sources: Iterable[Source], workbook: Path) -> dict[str, Path]:
    """Where each item's copy is, in the workbook's evidence folder."""
    folder = evidence_folder(workbook)
    return {
        item.evidence_id: path
        for item in sources
        if item.file and (path := _resolved(folder, item.file)) is not None
    }


def _resolved(folder: Path, name: str) -> Path | None:
    """The copy's path; None for a name refused (one outside the folder is never opened)."""
    try:
        return resolve(folder, name)
    except RefusedName:
        return None


class _Folded(Mapping[str, str]):
    """Each evidence item's copy, read and folded when first asked for; an item without a
    readable copy has none."""

    def __init__(self, files: Mapping[str, str], folder: Path) -> None:
        self._paths = files  # the names as the evidence sheet gives them, resolved when asked
        self._folder = folder
        self._texts: dict[str, str | None] = {}
        self.written: dict[str, str] = {}  # the copies read, as written

    def __getitem__(self, eid: str) -> str:
        if eid not in self._texts:
            name = self._paths.get(eid)
            path = _resolved(self._folder, name) if name is not None else None
            text = read_copies([path])[path].text if path is not None else None
            if isinstance(text, str):
                self.written[eid] = text
            self._texts[eid] = fold_text(text) if isinstance(text, str) else None
        found = self._texts[eid]
        if found is None:
            raise KeyError(eid)
        return found

    def __iter__(self) -> Iterator[str]:
        return (eid for eid in self._paths if eid in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Through(Mapping[str, str]):
    """For an item with no readable copy of its own, that of the one it is known through."""

    def __init__(self, own: Mapping[str, str], through: Mapping[str, str | None]) -> None:
        self._own = own
        self._through = through

    def __getitem__(self, eid: str) -> str:
        other = self._through.get(eid)
        if other is None or eid in self._own:
            raise KeyError(eid)
        return self._own[other]

    def __iter__(self) -> Iterator[str]:
        return (eid for eid in self._through if eid in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)
