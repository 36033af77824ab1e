"""The passages a package relies on, listed under each source of its evidence index, so that a
desk officer can check every claim against the source in minutes.

Each passage is listed under the sources that hold it (``evidence/holding.py``); where no
cited source has a copy that holds it, under each source the row cites.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sanctions.evidence.holding import Holding
from sanctions.evidence.passages import fold_text, passages
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
    inside: Sequence[tuple[Target, Scope]], evidence: dict[str, Evidence], holding: Holding
) -> Relied:
    """The passages the package relies on, by source (``holding``: the list's copies)."""
    found: dict[str, dict[str, None]] = {}
    held: dict[str, tuple[str, ...]] = {}
    for anchor, cited, secret in _anchored(inside):
        for passage in passages(anchor.quote, anchor.locator):
            holders = holding.holders(passage.text, cited)
            if holders:
                held[passage.text] = holders
            line = _line(passage.text, passage.locator, anchor, secret)
            for eid in holders or [e for e in cited if e in evidence]:
                found.setdefault(eid, {})[line] = None
    return Relied({eid: list(lines) for eid, lines in found.items()}, held)


def _anchored(
    inside: Sequence[tuple[Target, Scope]],
) -> Iterable[tuple[Anchor, list[str], bool]]:
    """Every anchored row of the package: its anchor, the evidence it cites, and whether it is
    confidential."""
    for target, _ in inside:
        for post in target.own_posts:
            yield post.anchor, post.evidence, not post.publishable
        for act in target.own_acts:
            yield act.anchor, act.evidence, not act.publishable
            yield act.incident_anchor, act.incident_evidence, act.confidential


def _line(text: str, locator: str | None, anchor: Anchor, secret: bool) -> str:
    by = who(anchor)
    said_as = "belief" if BELIEF.search(fold_text(text)) else "account"  # as the Why line says
    head = ", ".join(part for part in (locator, f"{said_as} of {by}" if by else None) if part)
    words = inner_quotes(text)
    said = f"{head}: “{words}”" if head else f"“{words}”"
    return f"CONFIDENTIAL. {said}" if secret else said
