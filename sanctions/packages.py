"""One submission package per government, built from a validated workbook.

A package folder holds the Word submission (from templates/submission.docx), the target table in
that government's list format (.xlsx and .csv), the evidence index, the package's subset of FtM
entities, notes for the submitter, and a manifest of it all; the folder is also zipped.
Packages go to governments, not to the public: confidential evidence is included and marked so,
and listed on the submission's confidentiality page.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from followthemoney import EntityProxy
from followthemoney.types import registry

from sanctions import __version__, ftmio
from sanctions.jurisdictions import ORDER, Jurisdiction, Scope, scope
from sanctions.jurisdictions import load as known_jurisdictions
from sanctions.model import Graph
from sanctions.screen import Screening
from sanctions.spec import schemas_dir
from sanctions.tables import FORMATS, Row, nationalities
from sanctions.targets import Evidence, Target
from sanctions.writers import normalise_zip, write_csv, write_xlsx, write_zip

EDGE_SCHEMATA = {"Occupancy", "UnknownLink", "Family", "Associate"}


@dataclass
class Inputs:
    """What every package of one list is built from."""

    prefix: str
    workbook: Path
    targets: list[Target]
    evidence: dict[str, Evidence]
    submitter: dict[str, str]
    graph: Graph
    screening: Screening | None = None


def template_path() -> Path:
    return schemas_dir().parent / "templates" / "submission.docx"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cites(ids: Iterable[str], evidence: dict[str, Evidence]) -> str:
    numbers = sorted({evidence[i].number for i in ids if i in evidence})
    return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""


def in_package(
    targets: Iterable[Target], jurisdiction: Jurisdiction
) -> tuple[list[tuple[Target, Scope]], list[tuple[Target, Scope]]]:
    """(targets in scope, targets the regime does not cover), skipping those restricted elsewhere."""
    inside: list[tuple[Target, Scope]] = []
    outside: list[tuple[Target, Scope]] = []
    for target in targets:
        if target.jurisdictions is not None and jurisdiction.code not in target.jurisdictions:
            continue
        found = scope(jurisdiction, target.violation_types)
        (inside if found.in_scope else outside).append((target, found))
    return inside, outside


def build_package(inputs: Inputs, jurisdiction: Jurisdiction, folder: Path) -> Path:
    folder.mkdir(parents=True)
    inside, outside = in_package(inputs.targets, jurisdiction)
    rows: list[Row] = []
    for number, (target, found) in enumerate(inside, start=1):
        rows += FORMATS[jurisdiction.list_format](target, found, jurisdiction, number)
    columns = list(rows[0]) if rows else header(jurisdiction)
    stem = f"{inputs.prefix}-{jurisdiction.code}"
    write_xlsx(folder / f"{stem}-targets.xlsx", {"targets": (columns, rows)})
    write_csv(folder / f"{stem}-targets.csv", columns, rows)
    cited = _cited_evidence(inside, inputs.evidence)
    evidence_rows = [_evidence_row(e) for e in cited]
    write_csv(folder / "evidence.csv", EVIDENCE_COLUMNS, evidence_rows)
    entities = subset(inputs.graph, [_person_id(inputs, t) for t, _ in inside])
    ftmio.write(folder / "entities.ftm.json", entities, inputs.prefix)
    _render_submission(folder / "submission.docx", inputs, jurisdiction, inside, outside, cited)
    notes = _notes(jurisdiction, inside, outside) + _designation_notes(inputs, jurisdiction, inside)
    (folder / "notes.txt").write_text(notes, encoding="utf-8")
    _manifest(folder, inputs, jurisdiction, len(inside), len(outside), len(cited), len(entities))
    archive = folder.parent / f"{stem}.zip"
    write_zip(archive, folder, stem)
    return archive


def header(jurisdiction: Jurisdiction) -> list[str]:
    """The columns of a list format, for a table with no rows."""
    blank = Target(
        "", "Given Surname", None, None, None, [], [], None, None, None, [], [], None, None, None
    )
    return list(
        FORMATS[jurisdiction.list_format](
            blank, Scope(None, (), frozenset(), frozenset()), jurisdiction, 1
        )[0]
    )


EVIDENCE_COLUMNS = (
    "number",
    "evidence_id",
    "title",
    "publisher",
    "published",
    "kind",
    "url",
    "archive_url",
    "file",
    "sha256",
    "language",
    "confidential",
)


def _evidence_row(evidence: Evidence) -> Row:
    values = asdict(evidence)
    values["evidence_id"] = values.pop("id")
    values["confidential"] = "yes" if evidence.confidential else "no"
    return {k: "" if v is None else str(v) for k, v in values.items()}


def _cited_evidence(
    inside: Sequence[tuple[Target, Scope]], evidence: dict[str, Evidence]
) -> list[Evidence]:
    ids = {eid for target, _ in inside for eid in target.evidence}
    return sorted((evidence[i] for i in ids if i in evidence), key=lambda e: e.number)


def _person_id(inputs: Inputs, target: Target) -> str:
    return inputs.graph.id_of("person", target.person_id)


def subset(graph: Graph, person_ids: Sequence[str]) -> list[EntityProxy]:
    """The targets and everything their edges, posts and proofs reach, with no dangling reference."""
    keep: set[str] = {p for p in person_ids if p in graph.entities}
    for entity in graph.sorted():
        if entity.schema.name in EDGE_SCHEMATA and keep & set(_refs(entity)):
            keep.add(entity.id or "")
    frontier = list(keep)
    while frontier:
        entity = graph.entities[frontier.pop()]
        for ref in _refs(entity):
            if ref in graph.entities and ref not in keep and entity.schema.name != "Event":
                keep.add(ref)
                frontier.append(ref)
    for entity in graph.sorted():
        if entity.schema.name == "Documentation" and entity.first("entity") in keep:
            keep.add(entity.id or "")
    out = []
    for entity_id in sorted(keep):
        entity = graph.entities[entity_id].clone()
        for prop in list(entity.iterprops()):
            if prop.type == registry.entity and prop.name not in entity.schema.required:
                dangling = [v for v in entity.get(prop) if v not in keep]
                for value in dangling:
                    entity.remove(prop, value)
        out.append(entity)
    return out


def _refs(entity: EntityProxy) -> list[str]:
    return [
        v for prop in entity.iterprops() if prop.type == registry.entity for v in entity.get(prop)
    ]


def _target_context(
    target: Target, found: Scope, number: int, evidence: dict[str, Evidence], code: str
) -> dict[str, Any]:
    return {
        "number": number,
        "name": target.name,
        "surname": target.surname,
        "given": target.given,
        "aliases": "; ".join(target.aliases),
        "original_names": "; ".join(target.original_names),
        "birth_date": target.birth_date,
        "birth_place": target.birth_place,
        "nationality": nationalities(target),
        "gender": target.gender,
        "id_numbers": "; ".join(target.id_numbers),
        "posts": [
            {"title": p.title, "org": p.org, "dates": p.dates, "cites": cites(p.evidence, evidence)}
            for p in target.posts
        ],
        "acts": [
            {
                "incident": a.incident,
                "date": a.date,
                "place": a.place,
                "role": a.role.replace("_", " "),
                "description": a.description,
                "cites": cites(a.evidence, evidence),
            }
            for a in target.acts
        ],
        "criteria": [{"id": c.id, "text": c.text} for c in found.criteria],
        "covered": ", ".join(sorted(v.replace("_", " ") for v in found.covered)),
        "uncovered": ", ".join(sorted(v.replace("_", " ") for v in found.uncovered)),
        "exculpatory": target.exculpatory,
        "ties": "; ".join(target.ties_to(code, ORDER)) or None,
    }


def _render_submission(
    path: Path,
    inputs: Inputs,
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
    outside: Sequence[tuple[Target, Scope]],
    cited: Sequence[Evidence],
) -> None:
    used = {found.regime.id for _, found in inside if found.regime is not None}
    document = DocxTemplate(str(template_path()))
    document.render(
        {
            "jurisdiction": jurisdiction,
            "regimes": [r for r in jurisdiction.regimes if r.id in used]
            or list(jurisdiction.regimes[:1]),
            "allies_note": jurisdiction.allies_note,
            "submitter": inputs.submitter,
            "targets": [
                {
                    **_target_context(t, s, n, inputs.evidence, jurisdiction.code),
                    "designations": found,
                    "designations_note": _screening_note(inputs.screening, found),
                }
                for n, (t, s) in enumerate(inside, start=1)
                for found in [designations_elsewhere(inputs.screening, t, jurisdiction)]
            ],
            "allied": _allied(inputs.screening, inside, jurisdiction),
            "out_of_scope": [
                {
                    "name": t.name,
                    "conduct": ", ".join(sorted(v.replace("_", " ") for v in t.violation_types)),
                }
                for t, _ in outside
            ],
            "evidence": cited,
            "confidential": "; ".join(f"[{e.number}] {e.title}" for e in cited if e.confidential),
        },
        autoescape=True,
    )
    document.save(str(path))
    normalise_zip(path)


def _notes(
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
    outside: Sequence[tuple[Target, Scope]],
) -> str:
    lines = [
        f"{jurisdiction.name}: notes for the submitter",
        "",
        f"Targets in scope: {len(inside)}. Not covered by this government's criteria: {len(outside)}.",
        "",
    ]
    if outside:
        lines.append(
            "Out of scope (the conduct recorded is not covered by this government's criteria):"
        )
        lines += [
            f"- {t.name}: {', '.join(sorted(t.violation_types)) or 'no incidents'}"
            for t, _ in outside
        ]
        lines.append("")
    if jurisdiction.check_before_filing:
        lines.append("Check before filing:")
        lines += [f"- {item}" for item in jurisdiction.check_before_filing]
    return "\n".join(lines) + "\n"


def _manifest(
    folder: Path,
    inputs: Inputs,
    jurisdiction: Jurisdiction,
    targets: int,
    outside: int,
    evidence: int,
    entities: int,
) -> None:
    files = [
        {"path": p.relative_to(folder).as_posix(), "sha256": sha256(p), "size": p.stat().st_size}
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]
    manifest = {
        "list": inputs.prefix,
        "jurisdiction": jurisdiction.code,
        "tool": f"sanctions {__version__}",
        "source": {"file": inputs.workbook.name, "sha256": sha256(inputs.workbook)},
        "counts": {
            "targets": targets,
            "out_of_scope": outside,
            "evidence": evidence,
            "entities": entities,
        },
        "files": files,
    }
    (folder / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def designations_elsewhere(
    screening: Screening | None, target: Target, jurisdiction: Jurisdiction
) -> list[dict[str, str]]:
    """A target's active listings by governments other than the one this package goes to."""
    if screening is None:
        return []
    governments = known_jurisdictions()
    out = []
    for person in screening.persons:
        if person.person_id != target.person_id:
            continue
        for match in person.matches:
            for d in match.designations:
                if not d.active or d.jurisdiction == jurisdiction.code:
                    continue
                government = governments[d.jurisdiction].name if d.jurisdiction else d.authority
                out.append(
                    {
                        "code": d.jurisdiction or "",
                        "government": government or "authority not stated",
                        "program": d.program,
                        "date": d.listing_date,
                        "authority": d.authority,
                        "ref_id": match.ref_id,
                        "matched_name": match.matched_name,
                        "score": f"{match.score:.2f}",
                    }
                )
    return out


def _sources(screening: Screening) -> str:
    return ", ".join(Path(s["source"]).name or s["source"] for s in screening.sources)


def _screening_note(screening: Screening | None, found: list[dict[str, str]]) -> str:
    if screening is None:
        return "Not screened against existing sanctions lists for this package."
    if not found:
        return (
            f"None found: screened against {_sources(screening)} "
            f"(match threshold {screening.threshold:.2f})."
        )
    return (
        f"Found by screening against {_sources(screening)}; each match should be confirmed "
        "against the official list before filing."
    )


def _allied(
    screening: Screening | None, inside: Sequence[tuple[Target, Scope]], jurisdiction: Jurisdiction
) -> str:
    """Targets already listed by another of our governments, for the summary (the UK urgent
    procedure and Lithuania's entry bans rest on allies' designations)."""
    parts = []
    for target, _ in inside:
        found = [d for d in designations_elsewhere(screening, target, jurisdiction) if d["code"]]
        if found:
            listed = ", ".join(
                sorted({f"{d['government']}{' ' + d['date'] if d['date'] else ''}" for d in found})
            )
            parts.append(f"{target.name} ({listed})")
    return "; ".join(parts)


def _designation_notes(
    inputs: Inputs, jurisdiction: Jurisdiction, inside: Sequence[tuple[Target, Scope]]
) -> str:
    if inputs.screening is None:
        return "\nNot screened: run `sanctions screen` to cite existing designations.\n"
    lines = ["", f"Existing designations (screened against {_sources(inputs.screening)}):"]
    for target, _ in inside:
        for d in designations_elsewhere(inputs.screening, target, jurisdiction):
            when = f", listed {d['date']}" if d["date"] else ""
            lines.append(
                f"- {target.name}: {d['government']}, {d['program'] or 'program not stated'}{when}"
                f" (record {d['ref_id']}, score {d['score']}): confirm before filing"
            )
    if len(lines) == 2:
        lines.append("- none found")
    return "\n".join(lines) + "\n"
