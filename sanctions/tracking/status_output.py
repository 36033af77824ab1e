"""The status grid for people (text, a workbook, a web page) and for scripts (JSON)."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sanctions.common.files import atomic_path, write_text
from sanctions.common.places import refuse_file
from sanctions.common.writers import write_xlsx
from sanctions.governments.registry import codes, load
from sanctions.tracking.screening import Screening, changes
from sanctions.tracking.status import StatusReport, StatusRow

# The grid says where each government stands on each person, and whom the list may propose
# (a person on the submissions sheet may still be under research).
INTERNAL = (
    "Internal: not for publication. It shows whom the list may propose and where each "
    "government stands on each."
)
LEGEND = (
    "Each cell: the latest step the submissions sheet records, with its date;\n"
    "else 'designated' when screening found a listing, 'to propose' when this workbook's\n"
    "package proposes the person. (!): the sheet and screening disagree (listed below)."
)


def to_data(rows: Sequence[StatusRow]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        governments = {}
        for code, cell in row.cells.items():
            entry: dict[str, Any] = {
                "recorded": cell.recorded,
                "first_submitted": (
                    first.date or "" if (first := _first(cell)) is not None else None
                ),
                "reference": cell.reference,
                "screening": (
                    {"designated": cell.screened.date or True, "record": cell.screened.ref_id}
                    if cell.screened is not None
                    else None
                ),
                "proposed": cell.proposed,
                "disagreement": cell.disagreement,
            }
            governments[code] = {k: v for k, v in entry.items() if v not in ("", None, False)}
        out.append(
            {
                "person_id": row.person_id,
                "name": row.name,
                "status": row.person_status,
                "governments": governments,
            }
        )
    return out


def _first(cell: Any) -> Any:
    return cell.history.first_submission if cell.history is not None else None


def render_json(rows: Sequence[StatusRow]) -> str:
    return json.dumps(to_data(rows), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render_text(rows: Sequence[StatusRow]) -> str:
    if not rows:
        return "no proposed person and no recorded submission\n"
    label = [f"{r.person_id} {r.name}"[:36] for r in rows]
    width = max(len("person"), *(len(x) for x in label))
    columns = {c: max(4, *(len(r.cells[c].short) for r in rows)) for c in codes()}
    lines = ["  ".join([f"{'person':<{width}}", *(f"{c:<{columns[c]}}" for c in codes())]).rstrip()]
    for name, row in zip(label, rows, strict=True):
        cells = (f"{row.cells[c].short or '-':<{columns[c]}}" for c in codes())
        lines.append("  ".join([f"{name:<{width}}", *cells]).rstrip())
    lines += ["", LEGEND]
    problems = _disagreements(rows)
    if problems:
        lines += ["", "Disagreements:"] + [f"- {p}" for p in problems]
    return "\n".join(lines) + "\n"


def _disagreements(rows: Sequence[StatusRow]) -> list[str]:
    names = {code: j.name for code, j in load().items()}
    return [
        f"{row.person_id} {row.name}, {names[code]}: {cell.disagreement}"
        for row in rows
        for code, cell in row.cells.items()
        if cell.disagreement
    ]


def write_status_xlsx(path: Path, rows: Sequence[StatusRow]) -> None:
    names = {code: j.name for code, j in load().items()}
    columns = ("person_id", "name", "status", *(names[c] for c in codes()))
    table = [
        {
            "person_id": r.person_id,
            "name": r.name,
            "status": r.person_status,
            **{names[c]: r.cells[c].short for c in codes()},
        }
        for r in rows
    ]
    problems = [{"disagreement": p} for p in _disagreements(rows)]
    with atomic_path(path) as tmp:
        write_xlsx(
            tmp, {"status": (columns, table), "disagreements": (("disagreement",), problems)}
        )


def render_html(title: str, rows: Sequence[StatusRow]) -> str:
    names = {code: j.name for code, j in load().items()}
    e = html.escape
    head = "".join(f"<th>{e(names[c])}</th>" for c in codes())
    body = []
    for r in rows:
        cells = []
        for c in codes():
            cell = r.cells[c]
            kind = cell.recorded.split(" ")[0] if cell.recorded else ""
            if not kind and cell.screened is not None:
                kind = "designated" if cell.confident else "possible"
            kind = kind or ("proposed" if cell.proposed else "none")
            flag = ' class="disagree"' if cell.disagreement else ""
            tip = f' title="{e(cell.disagreement)}"' if cell.disagreement else ""
            cells.append(f'<td data-kind="{e(kind)}"{flag}{tip}>{e(cell.short)}</td>')
        body.append(f"<tr><th scope=row>{e(r.person_id)} {e(r.name)}</th>{''.join(cells)}</tr>")
    problems = "".join(f"<li>{e(p)}</li>" for p in _disagreements(rows))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:2rem;color:#222}}
table{{border-collapse:collapse;font-size:.9rem}}
th,td{{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal;hyphens:none}}
td,thead th{{white-space:nowrap}}
.wrap{{overflow-x:auto}}
thead th{{background:#eee}}
td[data-kind=designated]{{background:#d9f2d9}} td[data-kind=submitted],td[data-kind=acknowledged]{{background:#dde8f7}}
td[data-kind=rejected],td[data-kind=withdrawn]{{background:#f3e0e0}} td[data-kind=planned],td[data-kind=proposed]{{background:#f7f3dc}}
td[data-kind=possible]{{background:#eef7ee;font-style:italic}}
td.disagree{{outline:3px solid #c00;outline-offset:-3px}}
</style></head><body>
<h1>{e(title)}</h1>
<p><strong>{e(INTERNAL)}</strong></p>
<p>{e(" ".join(LEGEND.split()))}</p>
<div class="wrap"><table><thead><tr><th>Person</th>{head}</tr></thead><tbody>
{chr(10).join(body)}
</tbody></table></div>
{f"<h2>Disagreements</h2><ul>{problems}</ul>" if problems else ""}
</body></html>
"""


# The files `sanctions status` writes, by format, and the names each may have.
SUFFIXES = {"xlsx": (".xlsx",), "html": (".html", ".htm")}


def write_status(path: Path, fmt: str, report: StatusReport) -> None:
    """The grid as a file to open (xlsx or html), refused where the tool may not write."""
    refuse_file(path, SUFFIXES[fmt], report.workbook)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        write_status_xlsx(path, report.grid)
    else:
        title = f"Submissions: {report.workbook.stem.replace('_', ' ').title()}"
        write_text(path, render_html(title, report.grid))


def render_since(before: Screening | None, after: Screening | None) -> str:
    """What changed between the previous screening and the latest: who was newly designated,
    by whom and when, and which listings are no longer found."""
    if after is None:
        return (
            "not screened yet: run `sanctions screen`, or give --out with the folder you "
            "screened into\n"
        )
    if before is None:
        return (
            f"no earlier screening to compare with (the latest is of {after.screened_on or '?'}); "
            "the next `sanctions screen` against newer data will say what changed\n"
        )
    found = changes(before, after)
    head = (
        f"since the screening of {before.screened_on or '?'} (latest: {after.screened_on or '?'})"
    )
    if not found:
        return f"{head}: no new designation of a target, and none gone\n"
    governments = load()
    lines = [f"{head}:"]
    for change in found:
        d = change.designation
        by = governments[d.jurisdiction].prose_name if d.jurisdiction in governments else None
        by = by or d.authority or "an authority"
        what = d.program or d.program_id
        when = f", listed {d.listing_date}" if d.listing_date else ""
        if change.new:
            lines.append(
                f"  {change.person_id} {change.name}: newly designated by {by} ({what}{when})"
            )
        else:
            lines.append(f"  {change.person_id} {change.name}: no longer listed by {by} ({what})")
    return "\n".join(lines) + "\n"
