"""Write the review report of one validated list: ``index.html``, a page per person under
``persons/``, and the network picture(s), into a folder of their own.

The pages come from Jinja2 templates under ``templates/report/`` with every value escaped;
styles and the persons table's filter are inlined, so the folder opens from disk, offline, and
can be copied whole. Nothing depends on the clock or on set order: the same workbook, screening
and date give the same bytes. The report shows confidential material, marked, and is therefore
written beside the public folder, never into it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from sanctions.check.validate import Result, validated
from sanctions.common import dates
from sanctions.common.data import templates_dir
from sanctions.common.files import file_sha256
from sanctions.common.outputs import MARKER, OutputError, claim, held, replace_dir
from sanctions.common.places import (
    REPORT_FOLDER,
    dataset_prefix,
    list_folder,
    protected_place,
    recognise,
)
from sanctions.evidence.holding import Holding
from sanctions.governments import registry as known
from sanctions.model.rows import Rows
from sanctions.model.targets import load_evidence, load_targets, victim_evidence
from sanctions.review import network
from sanctions.review.findings import by_person, by_severity
from sanctions.review.overview import counts, natural_key, packages, public_list
from sanctions.review.person import OUTCOMES, Context, PersonPage, person_page
from sanctions.tracking.history import histories
from sanctions.tracking.screening import Screening, screening_of
from sanctions.workbook.layout import load_layout


@dataclass(frozen=True)
class Reported:
    folder: Path
    warnings: list[str]


def report_list(
    workbook: Path, exports: Path, out: Path | None = None, date: str | None = None
) -> Reported:
    """`sanctions report`: the review report of a workbook (validated: Refused with its
    errors) in ``out``, or in ``exports/<list>/report/`` beside the list's exports, with the
    list's latest screening."""
    result = validated(workbook)
    folder = list_folder(workbook, exports)
    screening, stale = screening_of(workbook, folder)
    if out is None:  # beside the exports, which no other run may be replacing meanwhile
        with held(folder):
            target = claim(folder, recognise(dataset_prefix(workbook))) / REPORT_FOLDER
            write_review(result, workbook, target, screening, date)
    else:
        target = out
        write_review(result, workbook, target, screening, date)
    return Reported(target, [stale] if stale else [])


def write_report(
    result: Result,
    workbook: Path,
    folder: Path,
    screening: Screening | None,
    date: str | None,
    holding: Holding | None = None,
) -> None:
    """The report of a validated ``workbook`` in ``folder/report/``. ``folder``: the list's
    folder (``exports/<list>/``, or the staging folder export builds it in), created if need be;
    ``screening``: the list's latest screening, if any; ``date``: the ISO date to show (never
    the clock's); ``holding``: the copies as the export read them, with what it worked out of
    them (each act and value judged once for the packages, the public list and the report)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_review(result, workbook, folder / REPORT_FOLDER, screening, date, holding)


def write_review(
    result: Result,
    workbook: Path,
    target: Path,
    screening: Screening | None,
    date: str | None,
    holding: Holding | None = None,
) -> Path:
    """The report in ``target`` itself, which is replaced whole once complete. ``target`` must
    be new, empty, or a report written before (it carries the tool's marker)."""
    files = render(result, workbook, screening, date, holding)
    _refuse_other_outputs(target)
    with replace_dir(target, _empty) as staging:
        for name in sorted(files):
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(files[name].encode("utf-8"))
    return target


# What a report folder holds; a marked folder with anything else in it (an export, a package)
# is not an earlier report, and replacing it would lose what it holds.
REPORT_NAMES = {"index.html", "network.svg", "network", "persons", MARKER}


def _refuse_other_outputs(target: Path) -> None:
    """Refuse to replace another output of the tool (an export, a package, a release) or to
    write inside a public folder or a release, which must stay as they are."""
    if (target / MARKER).is_file():  # the tool's; an unmarked folder is refused on writing
        others = sorted(p.name for p in target.iterdir() if p.name not in REPORT_NAMES)
        if others:
            raise OutputError(
                f"{target} holds more than a report ({', '.join(others[:3])} …); "
                "choose a new folder for --out"
            )
    # The report is itself an output the tool replaces: it may sit in a list's folder, as
    # that folder's report/ (where export puts it), and nowhere else the tool rebuilds (inside
    # a package it would go to a government).
    own_place = target.name == REPORT_FOLDER and (target.parent / MARKER).is_file()
    reason = protected_place(target, owned=not own_place)
    if reason is not None:
        raise OutputError(f"{target}: {reason}; the report is confidential and internal")


def _empty(folder: Path) -> bool:
    """An empty folder may become the report (a folder made for it beforehand)."""
    return not any(folder.iterdir())


def file_stems(ids: Iterable[str]) -> dict[str, str]:
    """A file name stem per ID: the ID itself, unless two IDs differ only by case (they would
    be one file on Windows and macOS); those get a short fingerprint of their own."""
    ids = list(ids)
    folded = [i.casefold() for i in ids]
    return {
        i: i
        if folded.count(i.casefold()) == 1
        else f"{i}-{hashlib.sha1(i.encode()).hexdigest()[:6]}"
        for i in ids
    }


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(templates_dir() / "report"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(
    result: Result,
    workbook: Path,
    screening: Screening | None,
    date: str | None,
    holding: Holding | None = None,
) -> dict[str, str]:
    """Every file of the report: path inside the report folder -> its text."""
    rows = Rows.of(result)
    evidence = load_evidence(rows)
    statuses = list(load_layout().vocabularies["person_status"])
    if holding is None:  # acts judged as the letters judge them
        holding = Holding.on_demand(rows.evidence, workbook)
    everyone = sorted(
        (t for status in statuses for t in load_targets(rows, status, holding)),
        key=lambda t: natural_key(t.person_id),
    )
    stems = file_stems(t.person_id for t in everyone)
    pages = {pid: f"persons/{stem}.html" for pid, stem in stems.items()}
    governments = known.load()
    steps = histories(rows.submissions)
    context = Context(
        evidence=evidence,
        jurisdictions=governments,
        histories=steps,
        screening=screening,
        relations=rows.relations,
        names={t.person_id: t.name for t in everyone},
        pages=pages,
        findings=by_person(result.findings, rows),
    )
    people: list[PersonPage] = [person_page(t, context) for t in everyone]
    list_title = workbook.stem.replace("_", " ").title()
    org_stems = file_stems(sorted((o.org_id for o in rows.organizations), key=natural_key))
    pictures = network.pictures(
        rows, pages, {o: f"{s}.svg" for o, s in org_stems.items()}, list_title
    )
    digest = file_sha256(workbook)
    shared: dict[str, Any] = {
        "list_title": list_title,
        "workbook": workbook.name,
        "sha256": digest,
        "date": dates.in_words(date) if date else None,
    }
    env = _environment()
    files: dict[str, str] = {}
    proposed = [t for t in everyone if t.status == "proposed"]
    files["index.html"] = env.get_template("index.html").render(
        **shared,
        root="",
        counts=counts(rows, evidence),
        findings=by_severity(result.findings),
        packages=packages(proposed, governments, steps, screening, pages),
        public=public_list(proposed, evidence, victim_evidence(rows), pages),
        persons=people,
        statuses=[s for s in statuses if any(p.status == s for p in people)],
        pictures=pictures,
        split=len(pictures) > 1,
        screening=_screening_summary(screening, digest),
    )
    for page in people:
        files[page.page] = env.get_template("person.html").render(
            **shared, root="../", person=page, outcomes=OUTCOMES
        )
    for picture in pictures:
        files[picture.path] = picture.svg
    return files


def _screening_summary(screening: Screening | None, digest: str) -> dict[str, Any] | None:
    """What the front page says about the screening it relies on."""
    if screening is None:
        return None
    return {
        "sources": ", ".join(
            sorted(Path(s.get("source", "")).name or s.get("source", "") for s in screening.sources)
        ),
        "threshold": f"{screening.threshold:.2f}",
        "stale": screening.workbook_sha256 != digest,
    }
