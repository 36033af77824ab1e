"""Which source holds a quoted passage: the one mechanism by which every output cites a passage
to the document that says it, not to every document its row cites.

A row may cite several sources. A passage is held by those whose own local copy holds it, and
only when none does, by a source known through another whose copy holds it (a report known
from a news article, read as the article quotes it): a passage in the article's own words is
not the report's. Where the row cites both, a passage the article sets in quotation marks is
the report's, as cited in the article, and not the article's: the article is the one telling
it, not saying it. A passage no copy holds has no holder, and is cited to the row's sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Protocol

from sanctions.evidence.folder import RefusedName, evidence_folder, resolve
from sanctions.evidence.passages import (
    fold,
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
    quoted_as_someones,
    sentence_end,
    sentence_start,
)


class Source(Protocol):
    """What holding needs of an evidence row: its copy, and what it is known through."""

    @property
    def evidence_id(self) -> str: ...
    @property
    def file(self) -> str | None: ...
    @property
    def known_through(self) -> str | None: ...


@dataclass
class Holding:
    """The readable texts of a list's copies, folded once (``passages.fold_text``): each item's
    own, and, for an item known only through another, that other's; and each copy's SHA-1, from
    the same read (FtM's ``contentHash``: the recorded SHA-256 is no value of that type)."""

    own: Mapping[str, str] = field(default_factory=dict)
    through: Mapping[str, str] = field(default_factory=dict)
    sha1: Mapping[str, str] = field(default_factory=dict)
    # evidence_id -> the item it is known through, and the copies as written of those (the
    # carriers), for where they set words in quotation marks
    known: Mapping[str, str] = field(default_factory=dict)
    written: Mapping[str, str] = field(default_factory=dict)
    _quotations: dict[str, tuple[tuple[int, ...], list[tuple[int, int]]]] = field(
        default_factory=dict, repr=False
    )

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
        known = _known(sources)
        written = {
            eid: text
            for eid in set(known.values()) & own.keys()
            if isinstance(text := readings[paths[eid]].text, str)
        }
        return cls(own, through, sha1, known, written)

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
        return cls(own, _Through(own, known), known=known, written=own.written)

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
        leave out rather than show with the other sources, which do not state it."""
        if not any(eid in secret for eid in cited):
            return False
        for passage in quote:
            held = self.holders(passage, cited)
            if held and all(eid in secret for eid in held):
                return True
        return False

    def holders(self, passage: str, cited: Sequence[str]) -> tuple[str, ...]:
        """The cited sources that hold the passage, in the row's order; empty when none does.
        A cited source known only through a copy that holds the passage in quotation marks
        holds it in that copy's stead."""
        found = [e for e in cited if (t := self.own.get(e)) and found_in_folded(passage, t)]
        if found:
            return tuple(dict.fromkeys(self._quoted_for(passage, found, cited)))
        found = [e for e in cited if (t := self.through.get(e)) and found_in_folded(passage, t)]
        return tuple(dict.fromkeys(found))

    def _quoted_for(self, passage: str, found: list[str], cited: Sequence[str]) -> Iterator[str]:
        """Each copy holding the passage, or in its stead the cited sources known only through
        it, where it sets the passage in quotation marks: the news article quoting the report
        ("… social media," the report's foreword says) is not saying it."""
        for eid in found:
            carried = [c for c in cited if self.known.get(c) == eid and c not in self.own]
            yield from carried if carried and self._quotes(eid, passage) else (eid,)

    def _quotes(self, eid: str, passage: str) -> bool:
        """Whether the copy of ``eid`` sets the passage in quotation marks (``passages.within``)
        as a document's words: not where it gives the quotation as a person's ("“…,” said
        Erlan Victimov, a protester"), whose words they stay, as the article tells them."""
        text = self.written.get(eid)
        if text is None:
            return False
        if eid not in self._quotations:
            self._quotations[eid] = (fold(text).origin, quoted_stretches(text))
        origin, stretches = self._quotations[eid]
        pieces, folded = parts(passage), self.own[eid]
        if not within(pieces, folded, origin, stretches):
            return False
        said = quoted_as_someones(text, origin, stretches, list(spans(pieces, folded)))
        return said is None or any(word in said for word in DOCUMENT_WORDS)


def _known(sources: Iterable[Source]) -> dict[str, str]:
    """Each item known through another, with that other's evidence_id."""
    return {s.evidence_id: s.known_through for s in sources if s.known_through}


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
