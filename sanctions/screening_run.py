"""`sanctions screen` from end to end: fetch the sources, screen each workbook, write and report.

Writes ``<out>/<list>/screening.json`` (matches and gap matrix) and ``gap-matrix.xlsx`` beside
the list's exports, each atomically, so that the next `sanctions export` can cite them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import click
import orjson

from sanctions.atomic import write_bytes, write_with
from sanctions.download import DownloadError, fetch, is_url
from sanctions.findings import render_text as render_findings
from sanctions.gaps import (
    GAPS_FILE,
    Matrix,
    gap_matrix,
    proposed_by,
    rows,
    to_data,
    write_matrix_xlsx,
)
from sanctions.gaps import (
    render_text as render_matrix,
)
from sanctions.gate import UnreadableWorkbook
from sanctions.jurisdictions import load as jurisdictions
from sanctions.reference import Reference, ReferenceError, read_files
from sanctions.screen import SCREENING_FILE, Screening, file_sha256, screen, to_json
from sanctions.targets import load_targets
from sanctions.validate import validate


class ScreenError(Exception):
    """A source could not be fetched or read."""


def _progress(url: str) -> tuple[Callable[[int | None], Callable[[int], None]], Callable[[], None]]:
    bars = []

    def start(total: int | None) -> Callable[[int], None]:
        if total is None:
            click.echo(f"downloading {url} (size not given) ...", err=True)
            return lambda n: None
        bar = click.progressbar(length=total, label=f"downloading {url}", file=sys.stderr)
        bars.append(bar)
        return bar.update

    def finish() -> None:
        for bar in bars:
            bar.render_finish()

    return start, finish


def load_sources(sources: list[str], cache: Path | None) -> tuple[Reference, list[dict[str, str]]]:
    paths: list[Path] = []
    provenance: list[dict[str, str]] = []
    for source in sources:
        if is_url(source):
            start, finish = _progress(source)
            try:
                fetched = fetch(source, cache, start)
            except DownloadError as exc:
                raise ScreenError(str(exc)) from exc
            finally:
                finish()
            if fetched.warning:
                click.echo(f"warning: {fetched.warning}", err=True)
            path = fetched.path
        else:
            path = Path(source)
            if not path.is_file():
                raise ScreenError(f"{source}: no such file")
        paths.append(path)
        provenance.append({"source": source, "sha256": file_sha256(path)})
    try:
        return read_files(paths), provenance
    except ReferenceError as exc:
        raise ScreenError(str(exc)) from exc


def run_screen(
    workbooks: list[Path],
    sources: list[str],
    threshold: float,
    fmt: str,
    out: Path,
    cache: Path | None,
) -> int:
    """Exit status: 0 screened, 1 a workbook has validation errors, 2 one is unreadable."""
    reference, provenance = load_sources(sources, cache)
    status = 0
    reports: list[bytes] = []
    for path in workbooks:
        try:
            result = validate(path)
        except UnreadableWorkbook as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            status = 2
            continue
        if result.errors:
            click.echo(render_findings(result.errors, 1), err=True)
            click.echo(f"error: {path}: not screened: fix the errors above first", err=True)
            status = max(status, 1)
            continue
        screening = screen(result, path, reference, threshold, provenance)
        matrix = gap_matrix(screening, proposed_by(load_targets(result)))
        folder = out / screening.list_name
        data = to_json(screening, to_data(matrix))
        write_bytes(folder / SCREENING_FILE, data)
        write_with(folder / GAPS_FILE, partial(write_matrix_xlsx, table=rows(screening, matrix)))
        click.echo(f"wrote {folder / SCREENING_FILE} and {folder / GAPS_FILE}", err=True)
        if fmt == "json":
            reports.append(data)
        else:
            click.echo(render(path, screening, matrix, reference))
    if fmt == "json" and reports:
        if len(reports) == 1:
            sys.stdout.buffer.write(reports[0])
        else:
            merged = [orjson.loads(r) for r in reports]
            sys.stdout.buffer.write(orjson.dumps(merged, option=orjson.OPT_INDENT_2) + b"\n")
    return status


def render(path: Path, screening: Screening, matrix: Matrix, reference: Reference) -> str:
    governments = jurisdictions()
    hit = [p for p in screening.persons if p.matches]
    names = ", ".join(Path(s["source"]).name for s in screening.sources)
    lines = [
        f"{path}: {len(screening.persons)} persons screened against {names} "
        f"({len(reference):,} people and entities, {reference.sanctions.num_rows:,} sanctions); "
        f"{len(hit)} with matches at or above {screening.threshold:.2f}",
        "",
    ]
    for person in hit:
        lines.append(f"{person.person_id}  {person.name}")
        for match in person.matches:
            datasets = ", ".join(match.datasets) or "no dataset named"
            lines.append(f"  {match.score:.2f}  {match.matched_name}  ({match.ref_id}; {datasets})")
            for d in match.designations:
                who = governments[d.jurisdiction].name if d.jurisdiction else d.authority
                when = f", listed {d.listing_date}" if d.listing_date else ""
                ended = "" if d.active else f" [ended {d.end_date}]".replace(" ]", "]")
                authority = f" ({d.authority})" if d.authority and d.jurisdiction else ""
                lines.append(
                    f"        {who or 'authority not stated'}: "
                    f"{d.program or 'program not stated'}{when}{authority}{ended}"
                )
            if not match.designations:
                lines.append("        no Sanction entity names this record")
        lines.append("")
    lines.append("Gap matrix")
    lines.append(render_matrix(screening, matrix))
    return "\n".join(lines)
