"""The cases a government asks the submitter to make for each target, beyond the facts.

Which arguments a government requires, and from which workbook columns they are filled, is
data (``arguments`` in jurisdictions/<code>.yaml). A person column gives one paragraph; an
incident column gives one line per incident that the chapter relies on. An argument with
nothing to say is never left out silently: the document shows what it asks, in brackets, and
the notes list it under "to complete before filing".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sanctions.governments.schema import Argument, Jurisdiction
from sanctions.governments.scope import Scope
from sanctions.model.targets import Act, Target


@dataclass(frozen=True)
class Made:
    """One argument as a chapter makes it. The argument rests on its first source (the
    submitter's own case); the others support it. ``missing``: the first is still empty."""

    argument: Argument
    lines: tuple[str, ...]
    missing: bool

    @property
    def placeholder(self) -> str:
        return f"[To complete before filing: {self.argument.asks}]"


# How a document cites the sources of a line (``[4]``), given their evidence_ids.
Cite = Callable[[list[str]], str]


def arguments_for(
    jurisdiction: Jurisdiction, target: Target, found: Scope, cite: Cite | None = None
) -> list[Made]:
    """The arguments this government requires for this target, given the limbs relied on;
    ``cite``: how the document cites an incident's sources, after each line written from it
    (what the victims were doing, what the violation resulted in: facts the sources state,
    cited as every other fact is; the person's columns are the submitter's own case)."""
    acts = relied_acts(found)
    made = []
    for argument in jurisdiction.arguments:
        if argument.applies(found.criteria):
            found_lines = [
                written(source, target, acts, jurisdiction.locale, cite)
                for source in argument.sources
            ]
            lines = tuple(line for group in found_lines for line in group)
            made.append(Made(argument, lines, not found_lines[0]))
    return made


def relied_acts(found: Scope) -> list[Act]:
    """The acts the chapter's limbs rest on, each once, in the order of the limbs."""
    acts: list[Act] = []
    for ground in found.grounds:
        if ground.act not in acts:
            acts.append(ground.act)
    return acts


def incident_cells(jurisdiction: Jurisdiction, found: Scope) -> list[tuple[str, Act]]:
    """Each incident cell this government's arguments print for a target (what the victims
    were doing, what the violation resulted in), with the act whose incident's sources the
    line cites: prose the letter states, as ``arguments_for`` writes it."""
    cells: list[tuple[str, Act]] = []
    acts = relied_acts(found)
    for argument in jurisdiction.arguments:
        if argument.applies(found.criteria):
            for source in argument.sources:
                kind, _, column = source.partition(".")
                if kind != "person":
                    cells.extend((value, act) for act in acts if (value := getattr(act, column)))
    return cells


def written(
    source: str,
    target: Target,
    acts: list[Act],
    locale: str = "en-GB",
    cite: Cite | None = None,
) -> list[str]:
    """The text of one source column: the person's cell, or each relied-on incident's cell,
    with its sources cited when ``cite`` is given (none: the argument is still to be written,
    when it is its first source)."""
    kind, _, column = source.partition(".")
    if kind == "person":
        value = getattr(target, column)
        return [value] if value else []
    lines: dict[str, None] = {}
    for act in acts:
        value = getattr(act, column)
        if value:
            cited = cite(act.incident_evidence) if cite is not None else ""
            lines[f"{act.titled(locale)}: {value}" + (f" {cited}" if cited else "")] = None
    return list(lines)


def to_complete(jurisdiction: Jurisdiction, inside: list[tuple[Target, Scope]]) -> list[str]:
    """For notes.txt (and the export's refusal of filing copies): each argument still to be
    written, with the targets that lack it and where: the person's row, or the incidents the
    chapter relies on, so that the editor finds the cells to fill."""
    lacking: dict[Argument, list[str]] = {}
    for target, found in inside:
        for made in arguments_for(jurisdiction, target, found):
            if made.missing:
                where = _where(made.argument.sources[0], target, found)
                lacking.setdefault(made.argument, []).append(f"{target.name} ({where})")
    return [
        f"{argument.title}, for {_count(names)}: {', '.join(names)}.\n  Write {argument.asks}."
        for argument, names in lacking.items()
    ]


def _where(source: str, target: Target, found: Scope) -> str:
    """Where the first source of an argument is to be written for one target."""
    kind, _, column = source.partition(".")
    if kind == "person":
        return f"{target.person_id}: persons sheet, row {target.row}, column {column}"
    incidents = dict.fromkeys(g.act.incident_id for g in found.grounds)
    return f"incidents sheet, column {column}, for {', '.join(incidents)}"


def _count(names: list[str]) -> str:
    return "1 target" if len(names) == 1 else f"{len(names)} targets"
