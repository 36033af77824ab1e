"""Whether each proposed person's case is ready for each government, as its packages will judge
it: the same collective-mention test (sanctions/model/collective.py), the same scope rule and the
same case-strength test (sanctions/governments/), run at every validate so that an editor learns
what a case lacks before exporting.

These rules run on a workbook without errors only: a case is judged on rows that read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sanctions.evidence.holding import Holding
from sanctions.governments.arguments import written
from sanctions.governments.case import ELEMENTS, needs
from sanctions.governments.registry import load
from sanctions.governments.schema import Argument, Jurisdiction
from sanctions.governments.scope import scope, signature
from sanctions.model.collective import TOGETHER
from sanctions.model.rows import Rows
from sanctions.model.targets import Anchor, Target, load_targets
from sanctions.rules.finding import Finding
from sanctions.workbook.sheets import Sheets, SheetsRule


def _rows(sheets: Sheets) -> Rows:
    """The typed rows, read once for every rule here."""
    return Rows.of(sheets)


def _targets(sheets: Sheets) -> list[Target]:
    """The proposed persons, built once for every rule here, with the copies read as the
    export reads them (each only where asked for: a passage leaving words out, a row citing a
    confidential source), so that an act is judged here as its packages will judge it."""
    return sheets.derived(
        "_targets",
        lambda s: load_targets(_rows(s), holding=Holding.on_demand(_rows(s).evidence, s.path)),
    )


def _collective_only(target: Target) -> bool:
    """Every act of the person rests on passages about several persons together."""
    return bool(target.acts) and all(act.collective for act in target.acts)


def _collective(sheets: Sheets) -> Iterator[Finding]:
    for target in _targets(sheets):
        if _collective_only(target):
            incidents = sorted({act.incident_id for act in target.acts})
            yield sheets.finding(
                COLLECTIVE_ONLY,
                "persons",
                "status",
                target.row,
                target.status,
                pid=target.person_id,
                incidents=", ".join(incidents),
                together=TOGETHER,
            )


def _not_naming(
    sheets: Sheets, rule: SheetsRule, sheet: str, rows: Iterable[tuple[Target, Anchor, int, str]]
) -> Iterator[Finding]:
    """A warning at the quote cell of each row whose passages do not name its person (``what``:
    the incident or the post, as the message names it)."""
    for target, anchor, row, what in rows:
        if anchor.quote:
            quote = "; ".join(anchor.quote)
            yield sheets.finding(
                rule, sheet, "quote", row, quote, pid=target.person_id, name=target.name, what=what
            )


def _unnamed(sheets: Sheets) -> Iterator[Finding]:
    acts = (
        (target, act.anchor, act.row, act.incident_id)
        for target in _targets(sheets)
        for act in target.acts
        if not act.named and not act.collective
    )
    return _not_naming(sheets, PASSAGE_UNNAMED, "involvement", acts)


def _unnamed_posts(sheets: Sheets) -> Iterator[Finding]:
    posts = (
        (target, post.anchor, post.row, post.title)
        for target in _targets(sheets)
        for post in target.posts
        if not post.named
    )
    return _not_naming(sheets, POST_UNNAMED, "positions", posts)


def _empty_sources(sources: frozenset[str], target: Target) -> frozenset[str]:
    """The arguments' first sources (``person.impact``, ``incident.pattern``) this target leaves
    empty: its own cell, or the cell of some incident it acted in. Most targets leave none, and
    are judged no further."""
    empty = set()
    for source in sources:
        kind, _, column = source.partition(".")
        if kind == "person":
            if not getattr(target, column):
                empty.add(source)
        elif any(not getattr(act, column) for act in target.acts):
            empty.add(source)
    return frozenset(empty)


def _asked(jurisdiction: Jurisdiction, target: Target) -> list[tuple[Argument, tuple[int, ...]]]:
    """The arguments the government asks for this target, each with the acts it rests on (by
    their place among the target's acts); none where the target is not ready for it. Read from
    ``scope``, which one signature decides (``scope.signature``)."""
    found = scope(jurisdiction, target)
    if not found.grounds:
        return []
    places = {id(act): i for i, act in enumerate(target.acts)}
    relied = tuple(dict.fromkeys(places[id(g.act)] for g in found.grounds))
    return [(a, relied) for a in jurisdiction.arguments if a.applies(found.criteria)]


def _arguments_unwritten(sheets: Sheets) -> Iterator[Finding]:
    """Each empty cell an argument rests on, for the governments a person is ready for: the
    export refuses a filing copy without it, so the editor learns it here, at the cell. A
    government that follows another's listings (Switzerland the European Union's) is asked
    only once that one has listed the person, which the workbook cannot show: the export says
    so then."""
    governments = {code: j for code, j in load().items() if j.arguments and not j.follows}
    sources = frozenset(a.sources[0] for j in governments.values() for a in j.arguments)
    incident_rows = {r.incident_id: r.row for r in _rows(sheets).incidents}
    asked: dict[tuple[tuple[object, ...], str], list[tuple[Argument, tuple[int, ...]]]] = {}
    # (sheet, column, row) -> argument -> (the governments, the persons)
    unwritten: dict[tuple[str, str, int], dict[Argument, tuple[list[str], list[str]]]] = {}
    for target in _targets(sheets):
        empty = _empty_sources(sources, target)
        if not empty or _collective_only(target):
            continue
        key: tuple[object, ...] | None = None
        for code, jurisdiction in governments.items():
            if target.jurisdictions and code not in target.jurisdictions:
                continue
            if not any(a.sources[0] in empty for a in jurisdiction.arguments):
                continue
            key = key or signature(target)
            if (key, code) not in asked:
                asked[key, code] = _asked(jurisdiction, target)
            for argument, relied in asked[key, code]:
                acts = [target.acts[i] for i in relied]
                if written(argument.sources[0], target, acts):
                    continue
                kind, _, column = argument.sources[0].partition(".")
                if kind == "person":
                    cells = [("persons", column, target.row)]
                else:
                    incidents = dict.fromkeys(act.incident_id for act in acts)
                    cells = [("incidents", column, incident_rows[i]) for i in incidents]
                for at in cells:
                    names, pids = unwritten.setdefault(at, {}).setdefault(argument, ([], []))
                    if jurisdiction.name not in names:
                        names.append(jurisdiction.name)
                    if target.person_id not in pids:
                        pids.append(target.person_id)
    for (sheet, column, row), arguments in sorted(unwritten.items()):
        for argument, (names, pids) in arguments.items():
            yield sheets.finding(
                ARGUMENT_UNWRITTEN,
                sheet,
                column,
                row,
                None,
                title=argument.title,
                governments=", ".join(names),
                pids=", ".join(f"'{p}'" for p in pids),
                asks=argument.asks,
                add=_add_column(sheets, sheet, column),
            )


def _add_column(sheets: Sheets, sheet: str, column: str) -> str:
    """What to do first when the sheet has no such column (an optional one the workbook was
    made without): add its header, which the row's cell then sits under."""
    if column in sheets.tables[sheet].columns:
        return ""
    whose = "this person's" if sheet == "persons" else "the incident's"
    return (
        f" (the {sheet} sheet has no '{column}' column yet: type '{column}' in the first empty "
        f"cell of its header row, and write it below, in {whose} row)"
    )


def _lacking(
    target: Target, governments: dict[str, Jurisdiction]
) -> dict[tuple[str, ...], list[str]]:
    """What the target's case lacks, and for which governments."""
    lacking: dict[tuple[str, ...], list[str]] = {}
    for code, jurisdiction in governments.items():
        if target.jurisdictions and code not in target.jurisdictions:
            continue
        found = scope(jurisdiction, target)
        if found.not_ready:
            lacking.setdefault(found.missing, []).append(jurisdiction.name)
    return lacking


def _not_ready(sheets: Sheets) -> Iterator[Finding]:
    governments = load()
    judged: dict[tuple[object, ...], dict[tuple[str, ...], list[str]]] = {}
    for target in _targets(sheets):
        if _collective_only(target):
            continue  # person.collective_only says why, once
        key = signature(target)  # a list of many persons has few kinds of case
        if key not in judged:
            judged[key] = _lacking(target, governments)
        lacking = judged[key]
        if lacking:
            said = "; ".join(
                f"{', '.join(names)}: the sources do not show {needs(missing)}"
                + "".join(
                    _add_column(sheets, "incidents", ELEMENTS[key].column)
                    for key in missing
                    if ELEMENTS[key].column
                )
                for missing, names in lacking.items()
            )
            yield sheets.finding(
                NOT_READY,
                "persons",
                "status",
                target.row,
                target.status,
                pid=target.person_id,
                said=said,
            )


COLLECTIVE_ONLY = SheetsRule(
    "person.collective_only",
    "warning",
    "A proposed person whose every act rests on a collective mention: passages that the rows "
    "of several persons quote, or that name several listed persons together. Such a passage is "
    "context, and grounds no criterion whatever role is typed.",
    "person '{pid}' is tied to {incidents} only by passages about several persons together "
    "(quoted for {together} or more persons, or naming {together} or more listed persons): a "
    "collective "
    "mention grounds no criterion for any government, whatever the role; quote a passage on "
    "the person's own act, or keep the person at status 'research'",
    check=_collective,
)
NOT_READY = SheetsRule(
    "person.not_ready",
    "warning",
    "A proposed person whose case is not ready for some governments: no act shows all that "
    "the government's case-strength test asks for, so nothing about them goes to it.",
    "person '{pid}' is not ready for {said}; nothing about them goes to those governments until "
    "a source shows it",
    check=_not_ready,
)

PASSAGE_UNNAMED = SheetsRule(
    "act.passage_unnamed",
    "warning",
    "An act of a proposed person whose quoted passages do not name them (by a surname, in any "
    "spelling or grammatical case, alone or beside a given name or initial): the role typed on "
    "the row is the editor's reading, and a passage that does not name the person is no account "
    "of their act, so it grounds no criterion and is shown as context.",
    "no passage quoted for '{pid}' ({name}) in {what} names them, so this act grounds no "
    "criterion for any government, whatever the role; add a passage of the source that names "
    "them (a row takes several, '; '-separated), or, if the source never does, leave the act "
    "as context",
    check=_unnamed,
)

POST_UNNAMED = SheetsRule(
    "post.passage_unnamed",
    "warning",
    'A post of a proposed person whose quoted passages do not name them: "the longest-serving '
    'Prime Minister" shows that someone held the office, not that this person did. Such a post '
    "is not told as theirs in any package or on the public page, and is no post held at the "
    "time of an incident.",
    "no passage quoted for the post '{what}' of '{pid}' ({name}) names them, so no package "
    "tells it as theirs and no government's test counts it as a post held at the time; add the "
    "source's words that name them with the post (a row takes several passages, "
    "'; '-separated, each with its locator)",
    check=_unnamed_posts,
)

ARGUMENT_UNWRITTEN = SheetsRule(
    "argument.unwritten",
    "warning",
    "An argument a government asks the submitter to make (the US national interest, the UK's "
    "appropriateness, the gravity Australia asks) whose cell is empty for a "
    "person ready for that government: the draft shows a placeholder, and the export refuses a "
    "filing copy until it is written.",
    "the letters to {governments} make the argument '{title}' for {pids}, and this cell, which "
    "it is written from, is empty: the drafts show a placeholder and no filing copy is made "
    "until it is written; write {asks}{add}",
    check=_arguments_unwritten,
)

RULES = (COLLECTIVE_ONLY, PASSAGE_UNNAMED, POST_UNNAMED, NOT_READY, ARGUMENT_UNWRITTEN)
