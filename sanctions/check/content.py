"""Rules about what a list claims, not how it is typed: the ways a well-formed workbook can still
say more than its sources, or let out what it marks confidential.

- A victim marked confidential must not be named in any cell that reaches a public output (an
  organisation's name, a post, another incident, a description, a summary, a source's title or
  publisher: ``model/public_cells`` says which, for the outputs and this check alike) in any
  way a reader would recognise: surname alone when it is distinctive, initial and surname, any
  order, any script or romanisation (``common/mentions``).
- A person's summary, published with the person, must not tell a confidential incident they
  are involved in (its date, its victims, most of its title's words).
- A person whose posts are all undated reads as holding them now.
- A proposed person with no conduct that may be published cannot be shown on the public list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from urllib.parse import unquote_plus

import pandas as pd

from sanctions.common.mentions import Person, mentions, person, taken_readings
from sanctions.evidence.holding import Holding
from sanctions.evidence.passages import fold_text
from sanctions.evidence.quoting import Copy
from sanctions.evidence.stated import place_in
from sanctions.governments.reasons import withhold
from sanctions.model.public_cells import NAMES_WITHHELD, SHOWN, SHOWN_SUBMITTER_KEYS, WITHHELD
from sanctions.model.rows import EvidenceRow, IncidentRow, sheet_rows
from sanctions.model.targets import public_values
from sanctions.rules.finding import Finding, cell_ref
from sanctions.workbook.accounts import accounts
from sanctions.workbook.columns.dates import written_in
from sanctions.workbook.columns.values import isin, items, split_multi
from sanctions.workbook.reader import row_number, text_or_none
from sanctions.workbook.sheets import Sheets, SheetsRule

# Where the public outputs name the list's other people (its proposed officials, the victims of
# incidents told with their names): a surname one of them shares does not name a victim on its
# own to a reader, who sees the other person too. A name no public output shows (a relative, a
# person kept for research) leaves the surname the victim's.
OTHER_NAMES = (
    ("persons", "name"),
    ("persons", "name_original"),
    ("persons", "aliases"),
    ("persons", "first_name"),
    ("persons", "last_name"),
    ("incidents", "victims"),
)


def yes(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].fillna("") == "yes"


def proposed(sheets: Sheets) -> pd.DataFrame:
    persons = sheets.frames["persons"].dropna(subset=["person_id"])
    return persons[persons["status"].fillna("") == "proposed"]


@dataclass(frozen=True)
class HiddenVictims:
    """The victims whose identity is confidential, as names to look for (``mentions``), each
    with its incident and the Excel row of the incident that names it."""

    people: list[Person]
    of: list[tuple[str, int]]  # (incident, its Excel row) of each person


def _hidden(sheets: Sheets) -> tuple[pd.DataFrame, pd.Series]:
    """The incidents whose victims are confidential, and those victims, by the row."""
    incidents = sheets.frames["incidents"]
    # a confidential incident's victims are confidential too, whatever the column says
    hidden = incidents[yes(incidents, "victims_confidential") | yes(incidents, "confidential")]
    return hidden, split_multi(hidden["victims"])


def hidden_victims(sheets: Sheets) -> HiddenVictims:
    """Every victim of an incident whose victims (or the incident itself) are confidential;
    none on a list without them, whose names are then not read."""
    hidden, victims = _hidden(sheets)
    people: list[Person] = []
    of: list[tuple[str, int]] = []
    if victims.empty:
        return HiddenVictims(people, of)
    taken = taken_readings(_other_names(sheets, set(victims.tolist())))
    for row, value in zip(victims.index.tolist(), victims.tolist(), strict=True):
        for name in _people_in(value):
            someone = person(name, taken)
            if someone is not None:
                people.append(someone)
                of.append((text_or_none(hidden.at[row, "incident_id"]) or "an incident", row))
    return HiddenVictims(people, of)


def incidents_named(texts: dict[str, str], victims: HiddenVictims) -> dict[str, str]:
    """For each of ``texts`` (by key) that names a victim whose identity is confidential, the
    incident of the first it names: a copy of a source published with the public list is
    published only when it names none of them (``export``)."""
    if not texts or not victims.people:
        return {}
    found = mentions(pd.Series(texts, dtype="str"), victims.people)
    return {str(key): victims.of[k][0] for key, (_, k) in found.items()}


def _victims_named(sheets: Sheets) -> Iterator[Finding]:
    hidden, victims = _hidden(sheets)
    found = hidden_victims(sheets)
    people, of = found.people, found.of
    if not people:
        return
    columns = sheets.tables["incidents"].columns
    by_victims = yes(hidden, "victims_confidential")

    def where(victim_row: int) -> str:
        """The cell that makes the name confidential: the victims' own, or, where only the
        incident is marked, the incident's."""
        at = columns.get("victims" if by_victims.get(victim_row, True) else "confidential")
        return cell_ref(at, row_number(victim_row)) if at is not None else ""

    def why(incident: str, victim_row: int) -> str:
        if by_victims.get(victim_row, True):
            return f"a victim of {incident} whose identity is confidential"
        return f"a victim of {incident}, which is marked confidential"

    if sheets.path is not None:  # the public list's title and the entities' IDs are made of it
        name = sheets.path.stem
        for match, k in mentions(pd.Series([name], dtype="str"), people).tolist():
            incident, victim_row = of[k]
            yield VICTIM_NAMED.finding(
                sheets.file,
                None,
                value=name,
                message=FILE_NAMED.format(
                    name=name,
                    match=match,
                    victim=people[k].name,
                    why=why(incident, victim_row),
                    where=where(victim_row),
                ),
            )
    for sheet, column, values, withheld in _public_cells(sheets, hidden, victims):
        frame = sheets.frames[sheet]
        # a row of a sheet with a confidential column may be marked so; any other is reworded
        fix = "reword it, or mark the row confidential" if "confidential" in frame else "reword it"
        for row, (match, k) in _named_in(values, withheld, people).items():
            incident, victim_row = of[k]
            yield sheets.finding(
                VICTIM_NAMED,
                sheet,
                column,
                row_number(row),
                frame.at[row, column],
                match=match,
                victim=people[k].name,
                incident=incident,
                why=why(incident, victim_row),
                where=where(victim_row),
                fix=fix,
            )


def _tellers() -> list[str]:
    """The accounts whose teller documents name (``attribution.who``): all but the source's own
    finding, beside which ``account_by`` is never printed."""
    return [code for code, account in accounts().items() if not account.finding]


def _people_in(victims_item: str) -> list[str]:
    """The people one item of a victims cell names: itself, or, where commas part it into
    names of two capitalised words or more each ("Saule Hiddenova, Aliya Otherova", typed for
    "…; …"), each of them. "Orazov, Serik" is one name, surname first, and "Serik Orazov, a
    journalist" one person described."""
    pieces = [p.strip() for p in victims_item.split(",")]
    if len(pieces) > 1 and all(_a_name(p) for p in pieces):
        return pieces
    return [victims_item]


def _a_name(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _public_cells(
    sheets: Sheets, hidden: pd.DataFrame, victims: pd.Series
) -> Iterator[tuple[str, str, pd.Series, dict[object, list[str]]]]:
    """(sheet, column, the column's texts as public outputs show them, and the names withheld
    from some of them): the cells of ``model/public_cells`` of the rows that are published,
    less those withheld from an incident whose victims (``hidden``, those of the confidential
    incidents among them; ``victims``, theirs, by the incident's row) are confidential and from
    the acts in it, and, for a cell the outputs print with those victims' names withheld, the
    names; and the submitter's values the public list prints. A web address is searched as a
    browser shows it, its %-escapes read."""
    incidents = sheets.frames["incidents"]
    closed = set(incidents.loc[yes(incidents, "confidential"), "incident_id"])
    involvement = sheets.frames["involvement"]
    withheld = {  # the rows of such incidents, and of the acts in them
        "incidents": pd.Series(incidents.index.isin(hidden.index), index=incidents.index),
        "involvement": isin(involvement["incident_id"], hidden["incident_id"].dropna()),
    }
    names_of: dict[str, list[str]] = {}
    for row, name in zip(victims.index.tolist(), victims.tolist(), strict=True):
        names_of.setdefault(str(hidden.at[row, "incident_id"]), []).append(name)
    officials = proposed(sheets)["person_id"]
    for sheet, column in SHOWN:
        frame = sheets.frames[sheet]
        if column not in frame:
            continue
        values = frame[column].dropna().astype(str)
        if sheet in OFFICIALS:  # a research lead, their posts and acts: never published
            values = values[isin(frame["person_id"], officials).reindex(values.index)]
        if column == "account_by":  # a teller is named only beside an account they give
            values = values[isin(frame["account"], _tellers()).reindex(values.index)]
        if "confidential" in frame:
            values = values[~yes(frame, "confidential").reindex(values.index)]
        if sheet == "involvement":  # an act in a confidential incident is never published
            values = values[~isin(frame["incident_id"], closed).reindex(values.index)]
        if sheet in SOURCED:  # nor a post or act that only confidential documents support
            values = values[~_secret_only(sheets, frame).reindex(values.index, fill_value=False)]
        if column in WITHHELD.get(sheet, ()):
            values = values[~withheld[sheet].reindex(values.index)]
        names: dict[object, list[str]] = {}
        if column in NAMES_WITHHELD.get(sheet, ()):
            rows = withheld[sheet].reindex(values.index, fill_value=False)
            told = frame.loc[rows[rows].index, "incident_id"].astype(str)
            names = {at: names_of.get(i, []) for at, i in told.items()}
        yield sheet, column, _unescaped(values), names
    submitter = sheets.frames["submitter"]
    values = submitter["value"].dropna().astype(str)
    shown = values[isin(submitter["key"], SHOWN_SUBMITTER_KEYS)[values.index]]
    yield "submitter", "value", _unescaped(shown), {}


def _named_in(
    values: pd.Series, withheld: dict[object, list[str]], people: list[Person]
) -> pd.Series:
    """``mentions`` of ``people`` in the texts as printed: a text printed with some names
    withheld (``withheld``, by its row) is read again as ``governments/reasons.withhold``
    leaves it, so that whatever that misses is still found. Only the texts that name somebody
    as typed are withheld and read again, few of many."""
    found = mentions(values, people)
    again = {at: withhold(values[at], withheld[at]) for at in found.index if at in withheld}
    if not again:
        return found
    named = found.drop(list(again)).to_dict()
    named.update(mentions(pd.Series(again, dtype="str"), people).to_dict())
    return pd.Series(named, dtype=object)


def _unescaped(values: pd.Series) -> pd.Series:
    """The texts with their %-escapes read (``Хидденова`` in an address, as ``%D0%A5…``)."""
    escaped = values.str.contains("%", regex=False)
    if not escaped.any():
        return values
    values = values.copy()
    values[escaped] = [unquote_plus(v) for v in values[escaped].tolist()]
    return values


# The sheets whose rows reach public outputs only with a public source.
SOURCED = ("positions", "involvement")
# The sheets whose rows reach public outputs only as a proposed person's.
OFFICIALS = ("persons", "positions", "involvement")


def _publicly_sourced(sheets: Sheets, frame: pd.DataFrame) -> pd.Series:
    """Rows that cite at least one source not marked confidential: only they can reach a
    public output (the one rule of this module for "what a public source supports")."""
    cited = split_multi(frame["evidence_ids"].dropna())
    public = cited[~isin(cited, _secret_ids(sheets))]
    return pd.Series(frame.index.isin(public.index), index=frame.index)


def _secret_only(sheets: Sheets, frame: pd.DataFrame) -> pd.Series:
    """Rows every source of which is confidential (a row citing none is not among them)."""
    cites = frame["evidence_ids"].notna()
    return cites & ~_publicly_sourced(sheets, frame)


def _other_names(sheets: Sheets, hidden: set[str]) -> Iterator[str]:
    """Every name of the list's other people that public outputs show: its proposed persons'
    and the victims of its incidents told with their names."""
    for sheet, column in OTHER_NAMES:
        frame = sheets.frames[sheet]
        if column not in frame:
            continue
        if sheet == "persons":
            frame = proposed(sheets)
        for value in split_multi(frame[column].dropna().astype(str)).tolist():
            if value not in hidden:
                yield value


def _summary_tells_secret(sheets: Sheets, weak: bool = False) -> Iterator[Finding]:
    """A person's summary (published with the person) that tells a confidential incident the
    person is involved in: by its date, its victims' names, or most of its title's words; or,
    ``weak``, that gives its month with its place, which may be the post's own ("chief of the
    Zhanaozen police since May 2020"): the editor is asked to look, not stopped."""
    incidents = sheets.frames["incidents"].dropna(subset=["incident_id"])
    closed = incidents[yes(incidents, "confidential")]
    if closed.empty:
        return
    persons = sheets.frames["persons"].dropna(subset=["person_id"])
    involvement = sheets.frames["involvement"].dropna(subset=["person_id", "incident_id"])
    involved = involvement[isin(involvement["incident_id"], closed["incident_id"].dropna())]
    if involved.empty or "summary" not in persons:
        return
    by_id = closed.set_index("incident_id")
    victims = (
        set(split_multi(closed["victims"].dropna()).tolist()) if "victims" in closed else set()
    )
    taken = taken_readings(_other_names(sheets, victims))
    for row, pid, summary in zip(
        persons.index, persons["person_id"], persons["summary"], strict=True
    ):
        if not isinstance(summary, str):
            continue
        for incident in dict.fromkeys(involved.loc[involved["person_id"] == pid, "incident_id"]):
            told = _tells(summary, by_id.loc[incident], taken)
            if told and told.startswith(MONTH_AND_PLACE) == weak:
                yield sheets.finding(
                    SUMMARY_MAY_TELL_SECRET if weak else SUMMARY_TELLS_SECRET,
                    "persons",
                    "summary",
                    row_number(row),
                    summary,
                    pid=pid,
                    incident=incident,
                    told=told,
                )
                break


def _tells(text: str, incident: pd.Series, taken: frozenset[str]) -> str:
    """How ``text`` tells the incident (its date, or its month with its place; a victim's name;
    its title's words), or ''."""
    when = str(incident.get("date") or "")
    if when.count("-") >= 1:
        found = written_in(text, when)
        if found:
            return f"its date, {found}"
    place = incident.get("place")
    places = items(place) if isinstance(place, str) else []
    month = written_in(text, when[:7]) if when.count("-") == 2 and places else None
    if month:
        # the month and a place together tell it as the day does ("in Zhanaozen in May 2020")
        copy = Copy("", None, text, None, fold_text(text))
        for place in places:
            if place_in(place, copy):
                return f"{MONTH_AND_PLACE}, {place.split(',')[0]}, {month}"
    victims = incident.get("victims")
    people = [
        p
        for v in (split_multi(pd.Series([victims])).tolist() if isinstance(victims, str) else [])
        if (p := person(v, taken)) is not None
    ]
    named = mentions(pd.Series([text]), people)
    if not named.empty:
        said = named.iloc[0][0]
        return f"a victim's name, {said}"
    title = str(incident.get("title") or "")
    wanted = set(_content_words(title))
    shared = wanted & set(_content_words(text))
    if len(shared) >= 3 and len(shared) >= 0.6 * len(wanted):
        return f"the words of its title, “{title}”"
    return ""


def _content_words(text: str) -> list[str]:
    """Words of four letters or more, lower-case, a plural -s cut off."""
    return [w[:-1] if w.endswith("s") else w for w in re.findall(r"\w{4,}", text.casefold())]


def _secret_sourced_incidents(sheets: Sheets) -> Iterator[Finding]:
    """An incident not marked confidential whose every source is: its title, date and place
    rest on them alone, so it leaves public outputs, and with it every act in it, however
    public the act's own sources. Said where some such act would otherwise be published."""
    incidents = sheets.frames["incidents"]
    hidden = incidents[_secret_only(sheets, incidents) & ~yes(incidents, "confidential")]
    if hidden.empty:
        return
    involvement = sheets.frames["involvement"].dropna(subset=["incident_id"])
    acted = involvement[_publicly_sourced(sheets, involvement)]
    secret = _secret_ids(sheets)
    for row, incident in hidden["incident_id"].items():
        cited = acted.loc[acted["incident_id"] == incident, "evidence_ids"]
        if cited.empty:
            continue
        public = sorted(set(split_multi(cited).tolist()) - secret)
        yield sheets.finding(
            INCIDENT_SECRET_SOURCED,
            "incidents",
            "evidence_ids",
            row_number(row),
            incidents.at[row, "evidence_ids"],
            incident=incident,
            public="; ".join(public),
        )


def _titles_tell_withheld(sheets: Sheets) -> Iterator[Finding]:
    """An incident's title naming a victim or a place that only its confidential sources give
    (``evidence.withheld``): the public outputs leave them out of the victims and place, but the
    title is published (the incident's name on the public list, in the entities and the list
    rows), and it would give them. Judged only where an incident cites a confidential source
    beside a public one, its copies read as the export reads them."""
    evidence: list[EvidenceRow] = sheet_rows(sheets, "evidence")
    secret = {e.evidence_id for e in evidence if e.confidential}
    incidents: list[IncidentRow] = sheet_rows(sheets, "incidents")
    mixed = [
        r
        for r in incidents
        if not r.confidential
        and not r.victims_confidential  # the title is withheld with such victims
        and secret & set(r.evidence_ids)
        and not secret.issuperset(r.evidence_ids)
    ]
    if not mixed:
        return
    holding = Holding.on_demand(evidence, sheets.path)
    for row in mixed:
        shown = public_values("incidents", row, secret, holding)
        title = Copy("", None, row.title, None, fold_text(row.title))
        told = [
            f"the victim {v}"
            for v in row.victims
            if "victims" in shown
            and v not in (shown["victims"] or [])
            and (named := person(v, frozenset())) is not None
            and not mentions(pd.Series([row.title]), [named]).empty
        ]
        kept = " ".join(items(shown.get("place", row.place) or ""))
        told += [
            f"the place {place}"
            for place in items(row.place or "")
            if not place_in(place, Copy("", None, kept, None, fold_text(kept)))
            and place_in(place, title)
        ]
        if told:
            yield sheets.finding(
                TITLE_TELLS_WITHHELD,
                "incidents",
                "title",
                row.row,
                row.title,
                incident=row.incident_id,
                told=" and ".join(told),
            )


def _secret_ids(sheets: Sheets) -> set[str]:
    evidence = sheets.frames["evidence"]
    return set(evidence.loc[yes(evidence, "confidential"), "evidence_id"])


def _undated_posts(sheets: Sheets) -> Iterator[Finding]:
    persons = proposed(sheets)
    posts = sheets.frames["positions"].dropna(subset=["person_id"])
    dated = posts[["start_date", "end_date"]].notna().any(axis=1)
    if "as_of" in posts:
        dated |= posts["as_of"].notna()
    any_dated = dated.groupby(posts["person_id"]).any()
    flagged = persons[isin(persons["person_id"], any_dated.index[~any_dated])]
    for row, pid in flagged["person_id"].items():
        yield sheets.finding(POSTS_UNDATED, "persons", "person_id", row_number(row), pid, pid=pid)


def _no_public_conduct(sheets: Sheets) -> Iterator[Finding]:
    persons = proposed(sheets)
    involvement = sheets.frames["involvement"].dropna(subset=["person_id"])
    if persons.empty:
        return
    incidents = sheets.frames["incidents"]
    # an incident marked confidential, or told only by confidential sources, leaves public
    # outputs with every act in it
    unpublished = yes(incidents, "confidential") | _secret_only(sheets, incidents)
    secret_incidents = set(incidents.loc[unpublished, "incident_id"])
    public_rows = _publicly_sourced(sheets, involvement) & ~isin(
        involvement["incident_id"], secret_incidents
    )
    public = set(involvement.loc[public_rows, "person_id"])
    # a row citing no source is an error of its own (required), not confidential conduct
    involved = set(involvement.loc[involvement["evidence_ids"].notna(), "person_id"])
    for row, pid in persons["person_id"].items():
        if pid in involved and pid not in public:
            yield sheets.finding(
                NO_PUBLIC_CONDUCT, "persons", "person_id", row_number(row), pid, pid=pid
            )


VICTIM_NAMED = SheetsRule(
    "victim.named_elsewhere",
    "error",
    "A victim whose identity is confidential is named in a cell that reaches public outputs, "
    "or in the workbook's name, which titles the public list.",
    "'{match}' names {victim}, {why} (incidents!{where}); this cell reaches public outputs: {fix}",
    check=_victims_named,
)
FILE_NAMED = (
    "the workbook's name '{name}' names {victim} ('{match}'), {why} (incidents!{where}); the "
    "public list's title and the entities' IDs are made from it: rename the workbook"
)
SUMMARY_TELLS_SECRET = SheetsRule(
    "person.summary_tells_confidential",
    "error",
    "A person's summary, published with the person, tells a confidential incident they are "
    "involved in.",
    "the summary of '{pid}' tells {incident}, which is confidential ({told}); the summary is "
    "published with the person: reword it without the incident",
    check=_summary_tells_secret,
)
TITLE_TELLS_WITHHELD = SheetsRule(
    "incident.title_tells_withheld",
    "warning",
    "An incident's title names a victim or place that only its confidential sources give; the "
    "title is published, though they are left out of the public outputs.",
    "the title of {incident} names {told}, which only its confidential sources give: public "
    "outputs leave them out, but they print the title; reword it without them",
    check=_titles_tell_withheld,
)
MONTH_AND_PLACE = "its place and month"
SUMMARY_MAY_TELL_SECRET = SheetsRule(
    "person.summary_may_tell_confidential",
    "warning",
    "A person's summary, published with the person, gives the month and the place of a "
    "confidential incident they are involved in: it may tell it.",
    "the summary of '{pid}' gives {told}, as {incident} has them, which is confidential; the "
    "summary is published with the person: unless they are the post's own, reword it",
    check=partial(_summary_tells_secret, weak=True),
)
POSTS_UNDATED = SheetsRule(
    "person.posts_undated",
    "warning",
    "A proposed person none of whose posts has a date: documents cannot say when they held it.",
    "none of the posts of '{pid}' has a date, so documents cannot say when they were held; add "
    "start_date, end_date or as_of where a source gives one",
    check=_undated_posts,
)
NO_PUBLIC_CONDUCT = SheetsRule(
    "person.no_public_conduct",
    "warning",
    "A proposed person whose conduct is all confidential; left off the public list.",
    "all the conduct of '{pid}' is confidential (a confidential incident, one told only by "
    "confidential sources, or only confidential evidence): the person is left off the public list",
    check=_no_public_conduct,
)

INCIDENT_SECRET_SOURCED = SheetsRule(
    "incident.confidential_sources_only",
    "warning",
    "An incident whose every source is confidential: it leaves public outputs, and the acts in "
    "it with it, however public their own sources.",
    "every source of {incident} is confidential, so it and the acts in it are left out of "
    "public outputs; if a public source tells the incident (the acts in it cite {public}), "
    "add it here",
    check=_secret_sourced_incidents,
)

RULES = (
    VICTIM_NAMED,
    SUMMARY_TELLS_SECRET,
    SUMMARY_MAY_TELL_SECRET,
    POSTS_UNDATED,
    NO_PUBLIC_CONDUCT,
    INCIDENT_SECRET_SOURCED,
    TITLE_TELLS_WITHHELD,
)
