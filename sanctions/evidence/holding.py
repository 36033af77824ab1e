"""Which source holds a quoted passage: the one mechanism by which every output cites a passage
to the document that says it, not to every document its row cites.

A row may cite several sources. A passage is held by those whose own local copy holds it, and
only when none does, by a source known through another whose copy holds it (a report known
from a news article, read as the article quotes it): a passage in the article's own words is
not the report's. A passage no copy holds has no holder, and is cited to the row's sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sanctions.evidence.folder import RefusedName, evidence_folder, resolve
from sanctions.evidence.passages import fold_text, found_in_folded
from sanctions.evidence.reading import read_copies


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

    @classmethod
    def of(cls, sources: Iterable[Source], workbook: Path | None) -> Holding:
        if workbook is None:
            return cls()
        sources = list(sources)
        folder = evidence_folder(workbook)
        paths: dict[str, Path] = {}
        for item in sources:
            if item.file:
                with suppress(RefusedName):  # a refused name is never opened
                    paths[item.evidence_id] = resolve(folder, item.file)
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
        return cls(own, through, sha1)

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
        """The cited sources that hold the passage, in the row's order; empty when none does."""
        for texts in (self.own, self.through):
            found = [e for e in cited if (t := texts.get(e)) and found_in_folded(passage, t)]
            if found:
                return tuple(dict.fromkeys(found))
        return ()
