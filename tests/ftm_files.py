"""What every FtM file an export writes must be on its own: each reference names an entity of
the same file, of a schema the property's range allows, every other value is one of its
property's type (a checksum a SHA-1, a date a date), and no entity lacks a required property. Read here with FtM's model alone, not with the code that wrote the file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from followthemoney import model


def problems(path: Path) -> list[str]:
    """Each broken reference, value not of its property's type, or missing required property
    of one ``*.ftm.json`` file."""
    entities = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    schemata = {entity["id"]: model.get(entity["schema"]) for entity in entities}
    found = []
    for entity in entities:
        schema = schemata[entity["id"]]
        values = entity["properties"]
        found.extend(
            f"{path.name}: {schema.name} {entity['id']} has no {name}"
            for name in sorted(schema.required)
            if not values.get(name)
        )
        for name, given in values.items():
            prop = schema.get(name)
            assert prop is not None, f"{schema.name} has no property {name}"
            if prop.type.name != "entity":
                found.extend(
                    f"{path.name}: {schema.name}:{name} = {value!r}, not a {prop.type.name}"
                    for value in given
                    if not prop.type.validate(value)
                )
                continue
            if prop.stub:
                continue
            for value in given:
                target = schemata.get(value)
                if target is None:
                    found.append(f"{path.name}: {schema.name}:{name} -> {value}, not in the file")
                elif prop.range is not None and not target.is_a(prop.range):
                    found.append(f"{path.name}: {schema.name}:{name} -> a {target.name}")
    return found


def every_problem(folder: Path) -> list[str]:
    """The problems of every FtM file under ``folder`` (the list's, and each package's)."""
    paths = sorted(folder.rglob("*.ftm.json"))
    assert paths, f"no FtM file under {folder}"
    return [problem for path in paths for problem in problems(path)]


def document_titles(path: Path) -> set[str]:
    """The titles of the Documents of one ``*.ftm.json`` file."""
    entities = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {
        title
        for entity in entities
        if entity["schema"] == "Document"
        for title in entity["properties"].get("title", [])
    }


def package_mismatches(folder: Path) -> list[str]:
    """Each package under ``folder`` whose FtM file and evidence list name different sources:
    the receiver is given one list of documents, in both forms."""
    found = []
    for send in sorted(folder.glob("*/send")):
        (ftm,) = send.glob("*.ftm.json")
        with (send / "evidence.csv").open(encoding="utf-8-sig", newline="") as handle:
            listed = {row["title"] for row in csv.DictReader(handle)}
        if listed != document_titles(ftm):
            found.append(f"{send.parent.name}: {sorted(listed ^ document_titles(ftm))}")
    return found
