"""Evidence items as the review report shows them: what each is, and how a reader can check it.

A reviewer must see at a glance which claims rest on something anyone can open (a URL, an
archive link), on a copy only the editors hold (a local file, with or without a recorded
SHA-256), on a document known only through another, or on nothing checkable at all.
The local copy is named, never linked: it lives beside the editors' workbook, not in the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sanctions.common import dates
from sanctions.evidence.cells import checkable
from sanctions.model.targets import Evidence
from sanctions.workbook.layout import load_layout

# How an evidence item can be checked, in the order the report counts them: (key, label).
CHECKS = (
    ("url", "with a URL"),
    ("archive_url", "with an archive link"),
    ("file", "with a local file"),
    ("sha256", "with a recorded hash"),
    ("known_through", "known only through another document"),
    ("uncheckable", "with nothing to check it by"),
)


@dataclass(frozen=True)
class Source:
    """One evidence item, described for the report."""

    id: str
    title: str
    publisher: str | None
    published: str | None  # in words
    kind: str
    kind_label: str
    url: str | None
    archive_url: str | None
    file: str | None
    hashed: bool
    known_through: str | None  # "E002: its title"
    language: str | None
    confidential: bool

    @property
    def anchor(self) -> str:
        return f"ev-{self.id}"


@dataclass(frozen=True)
class Cited:
    """An evidence ID as a claim cites it, with what the report needs to mark it."""

    id: str
    known: bool  # on the evidence sheet
    confidential: bool

    @property
    def anchor(self) -> str:
        return f"ev-{self.id}"


def checks_of(item: Evidence, evidence: Mapping[str, Evidence]) -> list[str]:
    """The keys of ``CHECKS`` that apply to one item; "uncheckable" by the validator's own
    rule (nothing to open, itself or through the document it is known through)."""
    found = [key for key in ("url", "archive_url", "file", "sha256") if getattr(item, key)]
    if item.known_through:
        found.append("known_through")
    if not checkable(item, evidence.get(item.known_through or "")):
        found.append("uncheckable")
    return found


def describe(item: Evidence, evidence: Mapping[str, Evidence]) -> Source:
    through = evidence.get(item.known_through or "")
    kinds = load_layout().vocabularies["evidence_kind"]
    return Source(
        id=item.evidence_id,
        title=item.title,
        publisher=item.publisher,
        published=dates.in_words(item.published) if item.published else None,
        kind=item.kind,
        kind_label=kinds.get(item.kind, item.kind),
        url=item.url,
        archive_url=item.archive_url,
        file=item.file,
        hashed=bool(item.sha256),
        known_through=(
            f"{through.evidence_id}: {through.title}"
            if through is not None
            else item.known_through or None
        ),
        language=item.language,
        confidential=item.confidential,
    )


def cite(ids: Iterable[str], evidence: Mapping[str, Evidence]) -> tuple[Cited, ...]:
    """The IDs a claim cites, in the order given, once each."""
    return tuple(
        Cited(i, i in evidence, i in evidence and evidence[i].confidential)
        for i in dict.fromkeys(ids)
    )


def only_confidential(cited: Iterable[Cited]) -> bool:
    """Whether a claim rests on confidential evidence alone (so it can never be published)."""
    cited = list(cited)
    return bool(cited) and all(c.confidential for c in cited)
