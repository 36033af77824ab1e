"""Rules about what a list claims, not how it is typed: the ways a well-formed workbook can still
say more than its sources, or let out what it marks confidential.

- A victim marked confidential must not be named in any cell that reaches a public output (an
  organisation's name, a post, another incident, a description, a summary, a source's title).
- A person whose posts are all undated reads as holding them now.
- A proposed person with no conduct that may be published cannot be shown on the public list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from sanctions.rules.finding import Finding, cell_ref
from sanctions.workbook.columns.values import split_multi
from sanctions.workbook.reader import row_number
from sanctions.workbook.sheets import Sheets, SheetsRule

# The cells that reach public outputs, and so could name a victim marked confidential:
# (sheet, column). The victim's own incident is left out: public outputs tell it without its
# title, summary or the involvement descriptions when its victims are confidential.
PUBLIC_TEXT = (
    ("persons", "summary"),
    ("persons", "exculpatory"),
    ("organizations", "name"),
    ("positions", "title"),
    ("positions", "quote"),
    ("positions", "account_by"),
    ("incidents", "title"),
    ("incidents", "summary"),
    ("incidents", "victims"),
    ("incidents", "quote"),
    ("incidents", "account_by"),
    ("involvement", "description"),
    ("involvement", "quote"),
    ("involvement", "account_by"),
    ("evidence", "title"),
    ("relations", "related_name"),
)
OWN_INCIDENT = {"incidents": "incident_id", "involvement": "incident_id"}


def yes(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].fillna("") == "yes"


def proposed(sheets: Sheets) -> pd.DataFrame:
    persons = sheets.frames["persons"].dropna(subset=["person_id"])
    return persons[persons["status"].fillna("") == "proposed"]


def _victims_named(sheets: Sheets) -> Iterator[Finding]:
    incidents = sheets.frames["incidents"]
    hidden = incidents[yes(incidents, "victims_confidential") & ~yes(incidents, "confidential")]
    names: dict[str, tuple[str, int]] = {}  # casefolded name -> (incident, its Excel row)
    victims = split_multi(hidden["victims"])
    for row, value in zip(victims.index.tolist(), victims.tolist(), strict=True):
        if len(value) > 3:
            names.setdefault(value.casefold(), (str(hidden.at[row, "incident_id"]), row))
    if not names:
        return
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    victims_at = sheets.tables["incidents"].columns.get("victims")
    for sheet, column in PUBLIC_TEXT:
        frame = sheets.frames[sheet]
        if column not in frame:
            continue
        values = frame[column].dropna().astype(str)
        if "confidential" in frame:
            values = values[~yes(frame, "confidential").reindex(values.index)]
        found = values.str.extract(pattern, expand=False).dropna()
        for row, match in found.items():
            incident, victim_row = names[str(match).casefold()]
            own = OWN_INCIDENT.get(sheet)
            if own is not None and frame.at[row, own] == incident:
                continue
            where = cell_ref(victims_at, row_number(victim_row)) if victims_at is not None else ""
            yield sheets.finding(
                VICTIM_NAMED,
                sheet,
                column,
                row_number(row),
                frame.at[row, column],
                match=match,
                incident=incident,
                where=where,
            )


def _undated_posts(sheets: Sheets) -> Iterator[Finding]:
    persons = proposed(sheets)
    posts = sheets.frames["positions"].dropna(subset=["person_id"])
    dated = posts[["start_date", "end_date"]].notna().any(axis=1)
    if "as_of" in posts:
        dated |= posts["as_of"].notna()
    any_dated = dated.groupby(posts["person_id"]).any()
    flagged = persons[persons["person_id"].isin(any_dated.index[~any_dated])]
    for row, pid in flagged["person_id"].items():
        yield sheets.finding(POSTS_UNDATED, "persons", "person_id", row_number(row), pid, pid=pid)


def _no_public_conduct(sheets: Sheets) -> Iterator[Finding]:
    persons = proposed(sheets)
    involvement = sheets.frames["involvement"].dropna(subset=["person_id"])
    if persons.empty:
        return
    incidents = sheets.frames["incidents"]
    secret_incidents = set(incidents.loc[yes(incidents, "confidential"), "incident_id"])
    evidence = sheets.frames["evidence"]
    secret_evidence = set(evidence.loc[yes(evidence, "confidential"), "evidence_id"])
    cited = split_multi(involvement["evidence_ids"])
    public_cites = cited[~cited.isin(secret_evidence)]
    public_rows = involvement.index.isin(public_cites.index) & ~involvement["incident_id"].isin(
        secret_incidents
    )
    public = set(involvement.loc[public_rows, "person_id"])
    involved = set(involvement["person_id"])
    for row, pid in persons["person_id"].items():
        if pid in involved and pid not in public:
            yield sheets.finding(
                NO_PUBLIC_CONDUCT, "persons", "person_id", row_number(row), pid, pid=pid
            )


VICTIM_NAMED = SheetsRule(
    "victim.named_elsewhere",
    "error",
    "A victim whose identity is confidential is named in a cell that reaches public outputs.",
    "names '{match}', a victim of {incident} whose identity is confidential (incidents!{where}); "
    "this cell reaches public outputs: reword it, or mark it confidential",
    check=_victims_named,
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
    "all the conduct of '{pid}' is confidential (a confidential incident, or only confidential "
    "evidence): the person is left off the public list",
    check=_no_public_conduct,
)

RULES = (VICTIM_NAMED, POSTS_UNDATED, NO_PUBLIC_CONDUCT)
