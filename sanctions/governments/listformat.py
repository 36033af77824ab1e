"""A government's list format written out: a target's rows, one per person or one per name (the
UK and Australian lists print each alias on its own row), each column filled by its field.

The format is data: ``list`` in jurisdictions/<code>.yaml names the columns in the order the
government's published list prints them, the field each takes (``fields.py``), and the list's
conventions (date patterns, gender codes, the language of country names, name types).
"""

from __future__ import annotations

from collections.abc import Sequence

from sanctions.governments.fields import FIELDS, Entry, names_of
from sanctions.governments.latvian import why_no_form
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import Scope
from sanctions.model.targets import Target

Row = dict[str, str]


def field_value(name: str, entry: Entry) -> str:
    """A column's value: a field, or ``flag:<key>`` for one of the format's constants."""
    if name.startswith("flag:"):
        return entry.form.flags.get(name[5:], "")
    return FIELDS[name](entry)


def rows_for(target: Target, scope: Scope, jurisdiction: Jurisdiction, number: int) -> list[Row]:
    """The rows of one target in the government's list format."""
    form = jurisdiction.list_format
    if form.family == "name":
        names = names_of(target, with_original="original" in form.name_types)
    else:
        names = names_of(target)[:1]
    rows = []
    listed = target.as_published()  # a list is published: not what only confidential sources give
    for index, name in enumerate(names):
        entry = Entry(listed, scope, jurisdiction, number, form, name)
        row = {column: field_value(f, entry) or form.empty for column, f in form.columns}
        for column, f in form.columns:
            if f == "dfat_reference" and index:  # 1, 1a, 1b: the same person's further names
                row[column] += chr(ord("a") + index - 1)
        rows.append(row)
    return rows


# The second sheet of a target table: what the authority needs that its list does not hold.
PROPOSAL_SHEET = "proposal"


def proposal_rows(inside: Sequence[tuple[Target, Scope]], jurisdiction: Jurisdiction) -> list[Row]:
    """One row per target of the format's ``proposal`` columns; none when it has none."""
    form = jurisdiction.list_format
    if not form.proposal:
        return []
    # its entries are written as the list would publish them (OFAC's line, Canada's schedule)
    return [
        {
            column: field_value(
                f, Entry(target.as_published(), found, jurisdiction, number, form, name)
            )
            for column, f in form.proposal
        }
        for number, (target, found) in enumerate(inside, start=1)
        for name in names_of(target)[:1]
    ]


def header(jurisdiction: Jurisdiction) -> list[str]:
    """The columns of a government's list format, for a table with no rows."""
    return [column for column, _ in jurisdiction.list_format.columns]


def names_to_complete(
    jurisdiction: Jurisdiction, inside: Sequence[tuple[Target, Scope]]
) -> list[str]:
    """For notes.txt: targets whose name the list needs in a form that could not be made."""
    rules = jurisdiction.list_format.latvian_names
    if rules is None or "latvian_name" not in dict(jurisdiction.list_format.columns).values():
        return []
    lacking = [(t.name, why) for t, _ in inside if (why := why_no_form(t, rules)) is not None]
    if not lacking:
        return []
    return [
        f"The Latvian form of the name (column Original Name), for {len(lacking)} target(s): "
        + "; ".join(f"{name} ({why})" for name, why in lacking)
        + ".\n  It is made only from a Russian original-script name (name_original) and a known "
        "gender; write it by hand, as the Latvian list spells names (Aleksandrs Bastrikins)."
    ]
