"""Evidence links as last checked: the results ``sanctions evidence check`` keeps beside the
workbook (``<stem>.links.json``), read back into findings at each url cell.

Checking links needs the network and takes minutes; validating must not. So the check writes
its results as data, and ``validate`` reads them on every run: a dead link stays an error until
the editor records an archived copy (or the link works again and is checked again). A url the
cache does not hold is not reported: nothing is known about it yet. The cache's format is read
here and written by the evidence step (``sanctions/evidence/cache.py``), which sits above this
one and builds the same ``LinkResult`` records.

Which cells are links is decided here too, for both: a value in ``url`` or ``archive_url`` that
starts with a scheme (``https:``, ``file:`` …). A ``file://`` or ``ftp://`` address is a link the
check refuses, not text to skip; words without a scheme are ``url.invalid`` and nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

import orjson

from sanctions.check.codes import finding
from sanctions.check.findings import Finding
from sanctions.check.link_rules import Sheets
from sanctions.workbook.reader import row_number, text_or_none

CACHE_SUFFIX = ".links.json"
CACHE_FORMAT = 1
SHEET = "evidence"
LINK_COLUMNS = ("url", "archive_url")
# A scheme of two letters or more: ``C:\docs`` is a Windows path, not a link.
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:\S*")

Outcome = Literal["ok", "dead", "unreachable", "refused"]
OUTCOMES: tuple[Outcome, ...] = ("ok", "dead", "unreachable", "refused")
# An archived copy stands in for a dead url unless it is known to be broken too.
STANDS_IN = frozenset({"ok", "unreachable"})


class CacheError(Exception):
    """The cache file is there but is not one this tool wrote."""


@dataclass(frozen=True)
class LinkResult:
    """What one url gave at its last check."""

    outcome: Outcome
    checked: str  # the UTC date of the check, ISO
    reason: str  # for people: "404 Not Found", "no answer within 10 s"
    status: int | None = None  # the last HTTP status received
    final_url: str | None = None  # where the redirects ended (or the refused target)
    content_type: str | None = None
    suggested_archive: str | None = None  # the Wayback Machine's closest copy of a dead url
    archived: str | None = None  # the copy saved on request (--archive)


@dataclass(frozen=True)
class Citation:
    """One link cell of the evidence sheet."""

    url: str
    column: str  # "url" or "archive_url"
    row: int
    archive_url: str | None  # the row's archive_url (for a url cell)
    confidential: bool  # the row is marked confidential


def cache_path(workbook: Path) -> Path:
    """``lists/kazakhstan.xlsx`` -> ``lists/kazakhstan.links.json``."""
    return workbook.with_name(f"{workbook.stem}{CACHE_SUFFIX}")


def is_link(value: str) -> bool:
    return SCHEME.fullmatch(value) is not None


def citations(sheets: Sheets) -> list[Citation]:
    """Every link cell of the evidence sheet, by row, url before archive_url."""
    frame = sheets.frames[SHEET]
    present = [c for c in LINK_COLUMNS if c in frame and frame[c].notna().any()]
    if not present:
        return []
    found = []
    for column in present:
        for label, value in frame[column].dropna().items():
            if not is_link(str(value)):
                continue
            archive = frame.at[label, "archive_url"] if "archive_url" in frame else None
            secret = frame.at[label, "confidential"] if "confidential" in frame else None
            found.append(
                Citation(
                    str(value),
                    column,
                    row_number(label),
                    text_or_none(archive) if column == "url" else None,
                    text_or_none(secret) == "yes",
                )
            )
    return sorted(found, key=lambda c: (c.row, LINK_COLUMNS.index(c.column)))


def read_cache(path: Path) -> dict[str, LinkResult]:
    """The cached results by url; empty when there is no cache. Entries this version cannot read
    are left out; a file that is not a cache at all raises CacheError."""
    try:
        data = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, orjson.JSONDecodeError) as exc:
        raise CacheError(f"{path}: not a link cache ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("links"), dict):
        raise CacheError(f"{path}: not a link cache (no 'links')")
    results = {}
    for url, entry in data["links"].items():
        result = _entry(entry)
        if result is not None:
            results[str(url)] = result
    return results


NAMES = frozenset(f.name for f in fields(LinkResult))


def _entry(entry: Any) -> LinkResult | None:
    if not isinstance(entry, dict) or entry.get("outcome") not in OUTCOMES:
        return None
    known = {k: v for k, v in entry.items() if k in NAMES}
    if not isinstance(known.get("checked"), str) or not isinstance(known.get("reason", ""), str):
        return None
    known.setdefault("reason", "")
    if not isinstance(known.get("status"), int | None):
        known["status"] = None
    for name in ("final_url", "content_type", "suggested_archive", "archived"):
        if not isinstance(known.get(name), str | None):
            known[name] = None
    return LinkResult(**known)


def evidence_link_findings(sheets: Sheets, workbook: Path) -> list[Finding]:
    """The findings of the cached link results; none when there is no (readable) cache."""
    path = cache_path(workbook)
    if not path.is_file():
        return []
    try:
        results = read_cache(path)
    except CacheError as exc:
        # Without it, the dead links it recorded would pass unseen: say so.
        return [
            finding(
                "evidence.links_unreadable",
                sheets.file,
                sheets.tables[SHEET].sheet,
                f"{exc}: the last link check cannot be read, so its dead links are not shown; "
                "run `sanctions evidence check` again",
            )
        ]
    return link_findings(sheets, citations(sheets), results)


def link_findings(
    sheets: Sheets, cited: Iterable[Citation], results: dict[str, LinkResult]
) -> list[Finding]:
    """Dead, refused and unreachable links at their cells; shared with `evidence check`, which
    decides its exit status from the errors here."""
    findings = []
    for c in cited:
        result = results.get(c.url)
        if result is None or result.outcome == "ok":
            continue
        code, message = _verdict(c, result, results)
        findings.append(sheets.finding(code, SHEET, c.column, c.row, c.url, message))
    return findings


def _verdict(c: Citation, result: LinkResult, results: dict[str, LinkResult]) -> tuple[str, str]:
    when = f"{result.reason}, checked {result.checked}"
    if result.outcome == "refused":
        return (
            "evidence.link_refused",
            f"{c.column} {c.url} is not an http(s) web page ({when}); cite a web address, or "
            "keep a copy in the file column",
        )
    if result.outcome == "unreachable":
        return (
            "evidence.link_unreachable",
            f"{c.column} {c.url} could not be reached ({when}); it may be down for a while or "
            "need a login: open it in a browser, then run `sanctions evidence check` again",
        )
    if c.column == "archive_url":
        return (
            "evidence.link_dead",
            f"archive_url {c.url} no longer works ({when}); replace it with another archived "
            "copy, or clear it",
        )
    archive = results.get(c.archive_url) if c.archive_url else None
    if c.archive_url and (archive is None or archive.outcome in STANDS_IN):
        return (
            "evidence.link_dead_archived",
            f"url {c.url} no longer works ({when}); the archive_url stands in for it",
        )
    either = "; its archive_url does not work either" if c.archive_url else ""
    if result.suggested_archive:
        advice = f"an archived copy is at {result.suggested_archive}: add it to archive_url"
    else:
        advice = "find an archived copy (web.archive.org) and add it to archive_url"
    return "evidence.link_dead", f"url {c.url} no longer works ({when}){either}; {advice}"
