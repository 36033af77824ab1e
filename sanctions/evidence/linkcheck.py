"""``sanctions evidence check`` for one workbook: read its links, check them, ask the archive
about the dead ones (and save the live ones when asked), write the cache, and judge the result
with the validator's own rule, so that the command and ``validate`` never disagree.

The workbook is read into its sheets without running the validator's rules: a list with errors
can still have its links checked. Only cells that are links (a scheme such as ``https:``) are looked at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from sanctions.evidence.archive import closest_copy, save_copy
from sanctions.evidence.cache import (
    CacheError,
    LinkResult,
    cache_path,
    merged,
    read_cache,
    write_cache,
)
from sanctions.evidence.cells import Citation, citations
from sanctions.evidence.links import DEFAULT_TIMEOUT, WORKERS, HostSlots, check_links, offline
from sanctions.evidence.rules import link_findings
from sanctions.rules.finding import Finding, cell_ref
from sanctions.workbook.sheets import Sheets, read_sheets


@dataclass(frozen=True)
class Saved:
    """What ``--archive`` did for one live link."""

    url: str
    copy: str | None
    note: str


@dataclass
class Checked:
    """One workbook's links, checked."""

    workbook: Path
    cache: Path
    cited: list[Citation]
    cells: dict[str, list[str]]  # url -> ["evidence!F2", …]
    results: dict[str, LinkResult]
    findings: list[Finding]  # the validator's link findings on these results
    saved: list[Saved] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the editor should know
    unsaved: OSError | None = None  # why the cache could not be written, if it could not
    offline: bool = False  # no link could be asked: nothing was checked or recorded

    @property
    def failed(self) -> bool:
        """A dead link with nothing standing in for it, or a refused one."""
        return any(f.severity == "error" for f in self.findings)

    def rows_without_archive(self, url: str) -> list[int]:
        return sorted({c.row for c in self.cited if c.url == url and not c.archive_url})


def utc_today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def check_workbook_links(
    workbook: Path,
    timeout: float = DEFAULT_TIMEOUT,
    archive: bool = False,
    today: Callable[[], str] = utc_today,
) -> Checked:
    """Raises UnreadableWorkbook when the workbook cannot be read. A cache that cannot be
    written is said in ``unsaved``: the results are still reported, not lost."""
    sheets = read_sheets(workbook).sheets
    cited = citations(sheets)
    urls = sorted({c.url for c in cited})
    secret = {c.url for c in cited if c.confidential}
    slots = HostSlots()
    date = today()
    fresh = check_links(urls, date, timeout, slots)
    checked = Checked(workbook, cache_path(workbook), cited, _cells(sheets, cited), fresh, [])
    if offline(fresh):  # a run without network says nothing of the links: keep what was known
        checked.offline = True
        try:
            checked.results = {u: r for u, r in read_cache(checked.cache).items() if u in fresh}
        except CacheError:
            checked.results = {}
        checked.findings = link_findings(sheets, cited, checked.results)
        return checked
    dead = [u for u in urls if fresh[u].outcome == "dead" and checked.rows_without_archive(u)]
    _suggest(checked, [u for u in dead if u not in secret], slots, timeout)
    live = sorted({c.url for c in cited if c.column == "url" and fresh[c.url].outcome == "ok"})
    if archive:
        _save(checked, [u for u in live if u not in secret], slots, timeout)
    if any(u in secret for u in dead + (live if archive else [])):
        checked.notes.append(
            "links cited by confidential evidence were not shown to the Internet Archive"
        )
    try:
        previous = read_cache(checked.cache)
    except CacheError as exc:
        checked.notes.append(f"{exc}; it is written anew")
        previous = {}
    checked.results = merged(previous, checked.results)
    try:
        write_cache(checked.cache, checked.results)
    except OSError as exc:
        checked.unsaved = exc
    checked.findings = link_findings(sheets, cited, checked.results)
    return checked


def _cells(sheets: Sheets, cited: list[Citation]) -> dict[str, list[str]]:
    table = sheets.tables["evidence"]
    cells: dict[str, list[str]] = {}
    for c in cited:
        cells.setdefault(c.url, []).append(
            f"{table.sheet}!{cell_ref(table.columns[c.column], c.row)}"
        )
    return cells


def _suggest(checked: Checked, urls: list[str], slots: HostSlots, timeout: float) -> None:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        copies = pool.map(lambda u: closest_copy(u, slots, timeout), urls)
        for url, copy in zip(urls, copies, strict=True):
            if copy is not None:
                checked.results[url] = replace(checked.results[url], suggested_archive=copy)


def _save(checked: Checked, urls: list[str], slots: HostSlots, timeout: float) -> None:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        answers = pool.map(lambda u: save_copy(u, slots, timeout), urls)
        for url, (copy, note) in zip(urls, answers, strict=True):
            checked.saved.append(Saved(url, copy, note))
            if copy is not None:
                checked.results[url] = replace(checked.results[url], archived=copy)
