"""The link check's report: one line per url for people, a list of records for scripts."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sanctions.evidence.cache import OUTCOMES
from sanctions.evidence.linkcheck import Checked


def render_text(checked: Checked) -> str:
    """Per url: outcome, status, cells, the url (and where it led), why, and the archived copy
    to add; then what --archive saved, and a summary line."""
    lines = [str(checked.workbook)]
    for url in _in_sheet_order(checked):
        r = checked.results[url]
        status = "-" if r.status is None else str(r.status)
        line = f"  {r.outcome:<11} {status:>3}  {', '.join(checked.cells[url])}  {url}"
        if r.final_url and r.final_url != url and r.outcome != "refused":
            line += f" -> {r.final_url}"
        if r.outcome != "ok":
            line += f" ({r.reason})"
        rows = checked.rows_without_archive(url)
        if r.outcome == "dead" and rows and r.suggested_archive:
            line += (
                f"; archived copy: {r.suggested_archive} — add it to archive_url in {_rows(rows)}"
            )
        lines.append(line)
    for saved in checked.saved:
        if saved.copy is None:
            lines.append(f"  not archived: {saved.url} ({saved.note})")
            continue
        line = f"  archived: {saved.url} -> {saved.copy}"
        rows = checked.rows_without_archive(saved.url)
        if rows:
            line += f" — add it to archive_url in {_rows(rows)}"
        lines.append(line)
    lines.append(summary(checked))
    return "\n".join(lines)


def summary(checked: Checked) -> str:
    total = len(checked.results)
    counts = [
        f"{n} {outcome}"
        for outcome in OUTCOMES
        if (n := sum(1 for r in checked.results.values() if r.outcome == outcome))
    ]
    errors = sum(1 for f in checked.findings if f.severity == "error")
    warnings = len(checked.findings) - errors
    noun = "link" if total == 1 else "links"
    found = f"{errors} {'error' if errors == 1 else 'errors'}, " + (
        f"{warnings} {'warning' if warnings == 1 else 'warnings'}"
    )
    return f"{total} {noun}: {', '.join(counts) or 'none cited'}; in validate: {found}"


def records(checked: Checked) -> list[dict[str, Any]]:
    """One record per url, sorted by url, for ``--format json``."""
    return [
        {
            "file": str(checked.workbook),
            "url": url,
            **asdict(checked.results[url]),
            "cells": checked.cells[url],
        }
        for url in sorted(checked.results)
    ]


def _in_sheet_order(checked: Checked) -> list[str]:
    first: dict[str, tuple[int, str]] = {}
    for c in checked.cited:
        first.setdefault(c.url, (c.row, c.column))
    return sorted(checked.results, key=lambda url: (*first.get(url, (0, "")), url))


def _rows(rows: list[int]) -> str:
    return ("row " if len(rows) == 1 else "rows ") + ", ".join(str(r) for r in rows)
