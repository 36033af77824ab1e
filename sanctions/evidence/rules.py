"""Rules about evidence: that each source is cited and can be checked, that a local copy is the
one cited, that a link still works (as last checked), and that no person rests on confidential
sources alone.

A recorded hash that differs from the file is an error for a person to look at, never something
to rewrite. A workbook with no ``file`` values, or no evidence folder beside it, costs one look
at a column. A url the link-check cache does not hold is not reported: nothing is known of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pandas as pd

from sanctions.common.places import EVIDENCE_FOLDER_SUFFIX
from sanctions.evidence.cache import STANDS_IN, CacheError, LinkResult, cache_path, read_cache
from sanctions.evidence.cells import LOCATORS, SHEET, Citation, NamedFile, citations, named_files
from sanctions.evidence.folder import evidence_folder
from sanctions.evidence.reading import Found, Reading, copy_readings
from sanctions.rules.finding import Finding
from sanctions.rules.rule import Rule
from sanctions.workbook.columns.values import isin, split_multi
from sanctions.workbook.reader import row_number
from sanctions.workbook.sheets import Sheets, SheetsRule

# Where a person's claims cite their evidence.
CITING_PERSONS = ("positions", "involvement", "relations")

# What was found about one cell: the rule it breaks, the column and value reported, the words.
Verdict = tuple[Rule, int, str, str | None, dict[str, object]]


def _citations(sheets: Sheets, sheet: str) -> pd.Series:
    """Every evidence_id a sheet cites, one per item, indexed by the citing row."""
    return split_multi(sheets.frames[sheet]["evidence_ids"])


def _uncited(sheets: Sheets) -> Iterator[Finding]:
    """An evidence row no column that references the evidence sheet cites (``evidence_ids`` of
    each sheet, a person's identity and exculpatory sources, a source's ``known_through``: the
    schemas say which)."""
    evidence = sheets.frames[SHEET]
    citing = [
        split_multi(sheets.frames[sheet.name][col.name])
        for sheet in sheets.layout.sheets
        for col in sheet.columns
        if col.references == (SHEET, "evidence_id") and sheet.name != SHEET
    ]
    cited = pd.concat([*citing, evidence["known_through"].dropna()])
    ids = evidence["evidence_id"].dropna()
    for row, eid in ids[~isin(ids, cited)].items():
        yield sheets.finding(UNCITED, SHEET, "evidence_id", row_number(row), eid, eid=eid)


def _confidential_only(sheets: Sheets) -> Iterator[Finding]:
    evidence = sheets.frames[SHEET]
    confidential = evidence.loc[
        evidence["confidential"].fillna("") == "yes", "evidence_id"
    ].dropna()
    if confidential.empty:
        return
    parts = []
    for name in CITING_PERSONS:
        cited = _citations(sheets, name)
        owners = sheets.frames[name]["person_id"].reindex(cited.index)
        parts.append(
            pd.DataFrame(
                {"person_id": owners.to_numpy(), "secret": isin(cited, confidential).to_numpy()}
            )
        )
    cited_by = pd.concat(parts).dropna(subset=["person_id"])
    only_secret = cited_by.groupby("person_id")["secret"].all()
    persons = sheets.frames["persons"]
    for row, pid in persons["person_id"].dropna().items():
        if only_secret.get(pid, False):
            eids = sorted(set(_citations_of(sheets, str(pid))))
            yield sheets.finding(
                CONFIDENTIAL_ONLY,
                "persons",
                "person_id",
                row_number(row),
                pid,
                pid=pid,
                eids=", ".join(eids),
            )


def _citations_of(sheets: Sheets, pid: str) -> list[str]:
    out: list[str] = []
    for name in CITING_PERSONS:
        frame = sheets.frames[name]
        out += [str(e) for e in split_multi(frame.loc[frame["person_id"] == pid, "evidence_ids"])]
    return out


def checkable_rows(frame: pd.DataFrame) -> pd.Series:
    """``cells.checkable`` for every evidence row at once: a url, an archive link or a local
    copy, itself or through the document it is known through."""
    located = frame[list(LOCATORS)].notna().any(axis=1)
    through = frame.get("known_through")
    if through is None:
        return located
    known = set(frame.loc[located, "evidence_id"].dropna())
    return located | isin(through, known)


def _uncheckable(sheets: Sheets) -> Iterator[Finding]:
    evidence = sheets.frames[SHEET].dropna(subset=["evidence_id"])
    ok = checkable_rows(evidence)
    for row in evidence.index[~ok]:
        eid = str(evidence.at[row, "evidence_id"])
        yield sheets.finding(UNCHECKABLE, SHEET, "url", row_number(row), None, eid=eid)


def _file_verdicts(sheets: Sheets) -> list[Verdict]:
    """The local copies' problems, each at its file (or sha256) cell."""
    workbook = sheets.path
    if workbook is None:
        return []
    folder = evidence_folder(workbook)
    if not folder.is_dir():
        return _no_folder(sheets, folder)
    files = named_files(sheets, workbook)
    if not files:
        return []
    readings = copy_readings(sheets)
    found = (_file_verdict(folder, f, readings) for f in files)
    return [v for v in found if v is not None]


def _no_folder(sheets: Sheets, folder: Path) -> list[Verdict]:
    """Copies named with no evidence folder beside the workbook: each is missing, and the
    message says where the folder must be (a workbook saved under a new name, or moved, leaves
    its folder behind; without this, the quotes went unchecked and the packages were sent
    without the copies their evidence lists name)."""
    frame = sheets.frames[SHEET]
    if "file" not in frame:
        return []
    where = (
        f"{folder} is a file, not the evidence folder"
        if folder.exists()
        else f"there is no evidence folder {folder}"
    )
    said = (
        f"cannot be found: {where} (the workbook's name followed by "
        f"'{EVIDENCE_FOLDER_SUFFIX}', beside it; a workbook saved under a new name or moved "
        "needs its folder renamed or moved with it)"
    )
    return [
        (FILE_MISSING, row_number(label), "file", str(name), {"name": str(name), "said": said})
        for label, name in frame["file"].dropna().items()
    ]


def _file_verdict(folder: Path, f: NamedFile, readings: dict[Path, Reading]) -> Verdict | None:
    if f.path is None:
        return FILE_OUTSIDE, f.row, "file", f.name, {"why": f.refused}
    read = readings[f.path]
    if read.found is not Found.FILE:
        what = "is a folder, not a file" if read.found is Found.FOLDER else "is not there"
        said = f"{what} in {folder}; put the copy there, or correct the name"
        return FILE_MISSING, f.row, "file", f.name, {"name": f.name, "said": said}
    if f.recorded is None:
        return FILE_UNHASHED, f.row, "file", f.name, {"name": f.name}
    digest = read.sha256
    if isinstance(digest, OSError):
        said = f"in {folder} cannot be read ({digest.strerror or digest})"
        return FILE_MISSING, f.row, "file", f.name, {"name": f.name, "said": said}
    if digest is not None and digest != f.recorded.lower():
        return FILE_CHANGED, f.row, "sha256", f.recorded, {"name": f.name, "digest": digest}
    return None


# What Windows cannot create (Microsoft's "Naming Files, Paths, and Namespaces"): device names
# whatever the extension, these characters, a name ending in a dot or a space, and long paths.
WINDOWS_DEVICES = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{i}" for i in range(1, 10)),
        *(f"LPT{i}" for i in range(1, 10)),
    }
)
WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f]')
# A copy travels as <list>-<code>/evidence/<name> in every package; with the folder a user
# unzips into, Windows' 260-character limit leaves about this much for the name.
LONGEST_NAME = 150


def portable(name: str) -> str | None:
    """Why Windows could not hold a copy of this name, or None."""
    parts = [p for p in re.split(r"[\\/]", name) if p]
    for part in parts:
        if part.split(".")[0].upper() in WINDOWS_DEVICES:
            return f"'{part}' is a name Windows keeps for a device"
        if WINDOWS_FORBIDDEN.search(part):
            return f"'{part}' holds a character Windows does not allow in a name (<>:\"|?*)"
        if part.endswith((".", " ")):
            return f"'{part}' ends in a dot or a space, which Windows drops"
    if len(name) > LONGEST_NAME:
        return f"it is {len(name)} characters long, more than a package opened on Windows holds"
    return None


def suggested(name: str) -> str:
    """A name Windows can hold, as near the original as can be."""
    parts = []
    for part in re.split(r"[\\/]", name):
        part = WINDOWS_FORBIDDEN.sub("_", part).rstrip(". ") or "_"
        if part.split(".")[0].upper() in WINDOWS_DEVICES:
            part = "_" + part
        parts.append(part)
    out = "/".join(parts)
    if len(out) > LONGEST_NAME:
        stem, dot, ext = out.rpartition(".")
        out = (stem[: LONGEST_NAME - len(ext) - 1] + dot + ext) if dot else out[:LONGEST_NAME]
    return out


def _unportable(sheets: Sheets) -> Iterator[Finding]:
    frame = sheets.frames[SHEET].dropna(subset=["file"])
    for row, name in zip(frame.index, frame["file"].astype(str).tolist(), strict=True):
        why = portable(name)
        if why is not None:
            yield sheets.finding(
                FILE_UNPORTABLE,
                SHEET,
                "file",
                row_number(row),
                name,
                name=name,
                why=why,
                rename=suggested(name),
            )


def _cached_results(sheets: Sheets) -> dict[str, LinkResult] | CacheError:
    """The last link check's results, or why they cannot be read; empty with no cache."""
    path = cache_path(sheets.path) if sheets.path is not None else None
    if path is None or not path.is_file():
        return {}
    try:
        return read_cache(path)
    except CacheError as exc:
        return exc


def link_verdicts(
    cited: Iterable[Citation], results: dict[str, LinkResult]
) -> list[tuple[Citation, Rule, dict[str, object]]]:
    """Dead, refused and unreachable links; shared with `evidence check`, which judges fresh
    results by the same rules."""
    found = []
    for c in cited:
        result = results.get(c.url)
        if result is not None and result.outcome != "ok":
            rule, words = _link_verdict(c, result, results)
            found.append((c, rule, {"header": c.column, "url": c.url, **words}))
    return found


def _link_verdict(
    c: Citation, result: LinkResult, results: dict[str, LinkResult]
) -> tuple[Rule, dict[str, object]]:
    when = f"{result.reason}, checked {result.checked}"
    if result.outcome == "refused":
        return LINK_REFUSED, {"when": when}
    if result.outcome == "unreachable":
        return LINK_UNREACHABLE, {"when": when}
    if c.column == "archive_url":
        return LINK_DEAD, {
            "when": when,
            "advice": "; replace it with another archived copy, or clear it",
        }
    archive = results.get(c.archive_url) if c.archive_url else None
    if c.archive_url and (archive is None or archive.outcome in STANDS_IN):
        return LINK_DEAD_ARCHIVED, {"when": when}
    either = "; its archive_url does not work either" if c.archive_url else ""
    if result.suggested_archive:
        advice = f"an archived copy is at {result.suggested_archive}: add it to archive_url"
    else:
        advice = "find an archived copy (web.archive.org) and add it to archive_url"
    return LINK_DEAD, {"when": when, "advice": f"{either}; {advice}"}


def link_findings(
    sheets: Sheets, cited: Iterable[Citation], results: dict[str, LinkResult]
) -> list[Finding]:
    """The findings of these results at their cells, for `evidence check`."""
    return [
        sheets.finding(rule, SHEET, c.column, c.row, c.url, **words)
        for c, rule, words in link_verdicts(cited, results)
    ]


def _of(
    rule_code: str, verdicts: Callable[[Sheets], list[Verdict]]
) -> Callable[[Sheets], Iterator[Finding]]:
    """The check of one rule among the verdicts several rules share."""

    def check(sheets: Sheets) -> Iterator[Finding]:
        for rule, row, column, value, words in sheets.derived(verdicts.__name__, verdicts):
            if rule.code == rule_code:
                yield sheets.finding(rule, SHEET, column, row, value, **words)

    return check


def _cached_link_verdicts(sheets: Sheets) -> list[Verdict]:
    results = sheets.derived("_cached_results", _cached_results)
    if isinstance(results, CacheError):
        return []
    return [
        (rule, c.row, c.column, c.url, words)
        for c, rule, words in link_verdicts(citations(sheets), results)
    ]


def _unreadable_cache(sheets: Sheets) -> Iterator[Finding]:
    # Without it, the dead links it recorded would pass unseen: say so.
    results = sheets.derived("_cached_results", _cached_results)
    if isinstance(results, CacheError):
        yield LINKS_UNREADABLE.finding(sheets.file, sheets.tables[SHEET].sheet, problem=results)


UNCITED = SheetsRule(
    "evidence.uncited",
    "warning",
    "An evidence item no row cites.",
    "evidence '{eid}' is not cited by any row",
    check=_uncited,
)
CONFIDENTIAL_ONLY = SheetsRule(
    "person.confidential_evidence_only",
    "warning",
    "Every evidence item cited for this person is confidential, so nothing public supports it.",
    "person '{pid}' rests only on confidential evidence ({eids}): nothing public can support "
    "the listing",
    check=_confidential_only,
)
UNCHECKABLE = SheetsRule(
    "evidence.uncheckable",
    "warning",
    "Evidence with no url, archive_url or file (nor known_through one that has): the "
    "recipient cannot check it.",
    "evidence '{eid}' has no url, archive_url or file, so whoever receives the list cannot "
    "check it; add one, or known_through for a document known only from another",
    check=_uncheckable,
)
FILE_MISSING = SheetsRule(
    "evidence.file_missing",
    "error",
    "The file named in the file column is not in the list's evidence folder.",
    "file '{name}' {said}",
    check=_of("evidence.file_missing", _file_verdicts),
)
FILE_CHANGED = SheetsRule(
    "evidence.file_changed",
    "error",
    "The file's SHA-256 is not the one recorded: it is not the copy that was cited.",
    "file '{name}' is not the copy that was cited: its SHA-256 is {digest}; find the cited "
    "copy, or, if this one is right, check it and record its hash",
    check=_of("evidence.file_changed", _file_verdicts),
)
FILE_OUTSIDE = SheetsRule(
    "evidence.file_outside",
    "error",
    "A file path that leaves the evidence folder, or a symbolic link: refused.",
    "file refused: {why}",
    check=_of("evidence.file_outside", _file_verdicts),
)
FILE_UNHASHED = SheetsRule(
    "evidence.file_unhashed",
    "warning",
    "A file with no SHA-256 recorded; `sanctions evidence hash` writes it into a copy.",
    "file '{name}' has no sha256 recorded; run `sanctions evidence hash` to write it into a "
    "copy of the workbook, so that the copy can be shown unaltered",
    check=_of("evidence.file_unhashed", _file_verdicts),
)
FILE_UNPORTABLE = SheetsRule(
    "evidence.file_unportable",
    "error",
    "A local copy's name that Windows cannot create (a device name such as CON, a character "
    "such as < or ?, a trailing dot, or a path too long): the package could not be opened there.",
    "file '{name}' cannot be unpacked on Windows: {why}; rename the copy and this cell, for "
    "example to '{rename}'",
    check=_unportable,
)
LINK_DEAD = SheetsRule(
    "evidence.link_dead",
    "error",
    "The url no longer works (last check) and no archive_url is recorded.",
    "{header} {url} no longer works ({when}){advice}",
    check=_of("evidence.link_dead", _cached_link_verdicts),
)
LINK_DEAD_ARCHIVED = SheetsRule(
    "evidence.link_dead_archived",
    "warning",
    "The url no longer works (last check); the recorded archive_url stands in for it.",
    "{header} {url} no longer works ({when}); the archive_url stands in for it",
    check=_of("evidence.link_dead_archived", _cached_link_verdicts),
)
LINK_UNREACHABLE = SheetsRule(
    "evidence.link_unreachable",
    "warning",
    "The url could not be reached at the last check (timeout, server error): check again.",
    "{header} {url} could not be reached ({when}); it may be down for a while or need a login: "
    "open it in a browser, then run `sanctions evidence check` again",
    check=_of("evidence.link_unreachable", _cached_link_verdicts),
)
LINKS_UNREADABLE = SheetsRule(
    "evidence.links_unreadable",
    "warning",
    "The link-check file beside the workbook is damaged: the last check's results are not shown.",
    "{problem}: the last link check cannot be read, so its dead links are not shown; run "
    "`sanctions evidence check` again",
    check=_unreadable_cache,
)
LINK_REFUSED = SheetsRule(
    "evidence.link_refused",
    "error",
    "The url leads (itself or by a redirect) somewhere other than an http(s) web page.",
    "{header} {url} is not an http(s) web page ({when}); cite a web address, or keep a copy in "
    "the file column",
    check=_of("evidence.link_refused", _cached_link_verdicts),
)

RULES = (
    UNCITED,
    CONFIDENTIAL_ONLY,
    UNCHECKABLE,
    FILE_MISSING,
    FILE_CHANGED,
    FILE_OUTSIDE,
    FILE_UNHASHED,
    FILE_UNPORTABLE,
    LINK_DEAD,
    LINK_DEAD_ARCHIVED,
    LINK_UNREACHABLE,
    LINKS_UNREADABLE,
    LINK_REFUSED,
)
