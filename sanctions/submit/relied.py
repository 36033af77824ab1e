"""The passages a package relies on, listed under each source of its evidence index, so that a
desk officer can check every claim against the source in minutes.

Each passage is listed under the sources that hold it (``evidence/holding.py``); where no
cited source has a copy that holds it, under each source the row cites. So are the words the
letter's prose sets in quotation marks (an act's description, what happened, contrary
information, the arguments' lines: "the report lists him among those who “should be
sanctioned primarily”"), which a reader takes for the source's own as much as a quoted passage:
each under the sources whose copies hold it, "quoted in the submission", unless a passage
listed under that source already holds it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sanctions.evidence.holding import Holding, short_title
from sanctions.evidence.passages import fold_text, parts, passages, quoted_in
from sanctions.governments.arguments import incident_cells
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import Scope
from sanctions.model.attribution import BELIEF, inner_quotes, who
from sanctions.model.targets import Anchor, Evidence, Target


@dataclass
class Relied:
    """``lines``: evidence_id -> the passages relied on in it, each with where it is and whose
    account, for the evidence index; ``holders``: each passage's text -> the evidence items
    whose copy holds it, so that a sentence cites each passage to its own source."""

    lines: dict[str, list[str]] = field(default_factory=dict)
    holders: dict[str, tuple[str, ...]] = field(default_factory=dict)


def relied_on(
    inside: Sequence[tuple[Target, Scope]],
    evidence: dict[str, Evidence],
    holding: Holding,
    jurisdiction: Jurisdiction | None = None,
) -> Relied:
    """The passages the package relies on, by source (``holding``: the list's copies), then
    the words its prose quotes (``jurisdiction``: the government whose arguments the letter
    prints)."""
    found: dict[str, dict[str, None]] = {}
    held: dict[str, tuple[str, ...]] = {}
    listed: dict[str, dict[str, None]] = {}  # evidence_id -> its passages, folded, once each
    holders = _Holders(holding)
    for anchor, cited, secret in dict.fromkeys(_anchored(inside)):  # an incident's, once
        for passage in passages(anchor.quote, anchor.locator):
            holding_it = holders(passage.text, cited)
            if holding_it:
                held[passage.text] = holding_it
            line = _line(passage.text, passage.locator, anchor, secret)
            for eid in holding_it or [e for e in cited if e in evidence]:
                found.setdefault(eid, {})[line] = None
                listed.setdefault(eid, {})[fold_text(passage.text)] = None
    titles = _titles(evidence)
    for text, cited, secret in dict.fromkeys(_prose(inside, jurisdiction, evidence)):
        for words in quoted_in(text):
            if _a_name(words, titles):
                continue
            pieces = parts(words)
            for eid in holders(words, cited):
                if not any(all(p in passage for p in pieces) for passage in listed.get(eid, ())):
                    line = f"quoted in the submission: “{inner_quotes(words)}”"
                    found.setdefault(eid, {})[f"CONFIDENTIAL. {line}" if secret else line] = None
                    listed.setdefault(eid, {})[fold_text(words)] = None
    return Relied({eid: list(lines) for eid, lines in found.items()}, held)


class _Holders:
    """``Holding.holders``, asked once per passage and sources: every act in one incident
    carries the incident's passages and summary again."""

    def __init__(self, holding: Holding) -> None:
        self.holding = holding
        self.known: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}

    def __call__(self, passage: str, cited: tuple[str, ...]) -> tuple[str, ...]:
        key = (passage, cited)
        if key not in self.known:
            self.known[key] = self.holding.holders(passage, cited)
        return self.known[key]


def _titles(evidence: dict[str, Evidence]) -> set[str]:
    """The sources' titles, folded, whole and by their first part ("Servants of the regime",
    ``holding.short_title``)."""
    titles = set()
    for item in evidence.values():
        titles.add(fold_text(item.title))
        if (short := short_title(item.title)) is not None:
            titles.add(fold_text(short))
    return titles


def _a_name(words: str, titles: set[str]) -> bool:
    """Whether prose quotes these words as a name rather than as what a source says: a
    source's title (the report “Servants of the regime”), or a name every word of which is
    capitalised (the “Koshe Partiyasy” movement)."""
    if fold_text(words) in titles:
        return True
    named = [w for w in words.split() if any(c.isalpha() for c in w)]
    return bool(named) and all(w[0].isupper() for w in named) and len(named) <= 4


def _prose(
    inside: Sequence[tuple[Target, Scope]],
    jurisdiction: Jurisdiction | None,
    evidence: dict[str, Evidence],
) -> Iterable[tuple[str, tuple[str, ...], bool]]:
    """Every cell of prose the letter prints, with the sources cited for it and whether it is
    confidential (as the row it is on is, or, for contrary information, as every source cited
    for it is): each act's description, what happened in its incident, the arguments' lines
    from the incidents, and the contrary information."""
    for target, found in inside:
        for act in target.own_acts:
            yield act.description, tuple(act.evidence), not act.publishable
            yield act.summary, tuple(act.incident_evidence), act.confidential
        if jurisdiction is not None:
            for text, act in incident_cells(jurisdiction, found):
                yield text, tuple(act.incident_evidence), act.confidential
        if target.exculpatory:
            ids = [e for e in target.exculpatory_evidence_ids if e in evidence]
            secret = bool(ids) and all(evidence[e].confidential for e in ids)
            yield target.exculpatory, tuple(target.exculpatory_evidence_ids), secret


def _anchored(
    inside: Sequence[tuple[Target, Scope]],
) -> Iterable[tuple[Anchor, tuple[str, ...], bool]]:
    """Every anchored row of the package: its anchor, the evidence it cites, and whether it is
    confidential."""
    for target, _ in inside:
        for post in target.own_posts:
            yield post.anchor, tuple(post.evidence), not post.publishable
        for act in target.own_acts:
            yield act.anchor, tuple(act.evidence), not act.publishable
            yield act.incident_anchor, tuple(act.incident_evidence), act.confidential


def _line(text: str, locator: str | None, anchor: Anchor, secret: bool) -> str:
    by = who(anchor)
    said_as = "belief" if BELIEF.search(fold_text(text)) else "account"  # as the Why line says
    head = ", ".join(part for part in (locator, f"{said_as} of {by}" if by else None) if part)
    words = inner_quotes(text)
    said = f"{head}: “{words}”" if head else f"“{words}”"
    return f"CONFIDENTIAL. {said}" if secret else said
