"""Every value a list format can ask for, by the name its ``columns`` use: the registry of list
fields.

A government's list is data (``list`` in its file); the few values that need more than a
column of the workbook (a name split as the list splits it, an OFAC remarks line, the EU's
identifying information) are written here once, and any government's format may use them. A
new field is a function and a line in ``FIELDS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from sanctions.common.countries import country_name
from sanctions.governments.latvian import latvian_form, parts_of
from sanctions.governments.reasons import reasons
from sanctions.governments.schema import DateStyle
from sanctions.model.targets import Act, Target

if TYPE_CHECKING:
    from sanctions.governments.schema import Jurisdiction, ListFormat
    from sanctions.governments.scope import Scope


@dataclass(frozen=True)
class Name:
    """One name of a target as a list row shows it."""

    kind: str  # primary, alias, original
    given: str
    surname: str
    full: str


@dataclass(frozen=True)
class Entry:
    """What a field needs: the target, why they are in scope, where, and the row's name."""

    target: Target
    scope: Scope
    jurisdiction: Jurisdiction
    number: int
    form: ListFormat
    name: Name


def split_name(name: str) -> tuple[str, str]:
    """(given names, surname) of a name written given names first."""
    parts = name.split()
    return " ".join(parts[:-1]), parts[-1] if parts else ""


def names_of(target: Target, with_original: bool = False) -> list[Name]:
    names = [Name("primary", target.given, target.surname, target.name)]
    names += [Name("alias", *split_name(a), a) for a in target.aliases]
    if with_original:
        names += [Name("original", "", "", n) for n in target.name_original]
    return names


def countries(codes: list[str], language: str) -> str:
    """Country names in the list's language (``common/countries.country_name``)."""
    return "; ".join(country_name(c, language) for c in codes)


def eu_native(original: str, target: Target) -> str:
    """An original-script name as the EU Annex prints it: given name, patronymic, SURNAME in
    capitals; left as written when its parts cannot be told apart."""
    parts = parts_of(original, target.first_name or target.given)
    if parts is None:
        return original
    return " ".join(p for p in (parts.given, parts.patronymic, parts.surname.upper()) if p)


def script_of(text: str) -> str:
    """The script of an original-script name, as the UK list names it; empty if unsure."""
    return "Cyrillic" if re.search("[\u0400-\u04ff]", text) else ""


# How an id_numbers item names its kind ("Passport N1234567", "National ID 680307300000").
DOCUMENT_KINDS = {"passport": "passport", "national id": "national_id", "id": "national_id"}


def documents(target: Target, kind: str) -> list[str]:
    """The numbers of the target's identity documents of one kind (``passport`` or
    ``national_id``); an item that names no kind counts as a national identifier."""
    out = []
    for item in target.id_numbers:
        found = "national_id"
        number = item
        for prefix, name in DOCUMENT_KINDS.items():
            if item.lower().startswith(prefix + " "):
                found, number = name, item[len(prefix) :].strip(" :.-")
                break
        if found == kind:
            out.append(number)
    return out


def _ofac_name(given: str, surname: str) -> str:
    return f"{surname.upper()}, {given}".strip(", ")


def ofac_remarks(e: Entry) -> str:
    t = e.target
    items = [f"DOB {e.form.dates.write(t.birth_date)}" if t.birth_date else ""]
    items.append(f"POB {t.birth_place}" if t.birth_place else "")
    items += [f"nationality {country_name(c)}" for c in t.nationality]
    items.append(
        f"Gender {e.form.gender.get(t.gender or '', '')}" if t.gender in e.form.gender else ""
    )
    items += [f"Passport {n}" for n in documents(t, "passport")]
    items += [f"National ID No. {n}" for n in documents(t, "national_id")]
    text = "; ".join(i for i in items if i)
    return text + "." if text else ""


def ofac_line(e: Entry) -> str:
    """The entry as OFAC prints it in the SDN list."""
    t = e.target
    head = _ofac_name(t.given, t.surname)
    if t.aliases:
        akas = "; ".join(f"a.k.a. {_ofac_name(*split_name(a))}" for a in t.aliases)
        head += f" ({akas})"
    remarks = ofac_remarks(e).rstrip(".")
    program = e.scope.regime.program if e.scope.regime else ""
    return f"{head}{'; ' + remarks if remarks else ''} (individual) [{program}]."


def eu_latin(e: Entry) -> str:
    t = e.target
    given = " ".join(p for p in (t.first_name or split_name(t.name)[0], t.patronymic) if p)
    text = f"{given} {t.surname.upper()}".strip()
    if t.aliases:
        text += "\na.k.a. " + "; ".join(t.aliases)
    return text


def eu_info(e: Entry) -> str:
    t = e.target
    gender = e.form.gender.get(t.gender or "", "")
    lines = [
        f"DOB: {e.form.dates.write(t.birth_date)}" if t.birth_date else "",
        f"POB: {t.birth_place}" if t.birth_place else "",
        f"Nationality: {countries(t.nationality, e.form.countries)}" if t.nationality else "",
        f"Gender: {gender}" if gender else "",
        f"Position: {t.listed_position}" if t.listed_position else "",
        *(f"Passport number: {n}" for n in documents(t, "passport")),
        *(f"ID number: {n}" for n in documents(t, "national_id")),
    ]
    return "\n".join(line for line in lines if line)


# How the schedule of SOR/2017-233 writes a full date of birth: June 5, 1965.
SCHEDULE_DATES = DateStyle(day="{Month} {d}, {yyyy}")


def ca_schedule_line(e: Entry) -> str:
    t = e.target
    line = f"{t.given} {t.surname.upper()}"
    if t.birth_date and len(t.birth_date) == 10:
        line += f" (born on {SCHEDULE_DATES.write(t.birth_date)})"
    elif t.birth_date:
        line += f" (born in {t.birth_date[:4]})"
    return line


def ee_line(e: Entry) -> str:
    t = e.target
    line = f"{e.number}. {t.surname.upper()}, {t.given}"
    return line + (f" (also {'; '.join(t.aliases)})" if t.aliases else "")


def ground(e: Entry) -> str:
    """The legal ground as the list writes it (``list_ground`` of the criteria relied on)."""
    return "; ".join(dict.fromkeys(c.list_ground or c.id for c in e.scope.criteria))


def latvian_name(e: Entry) -> str:
    rules = e.form.latvian_names
    return (latvian_form(e.target, rules) if rules is not None else None) or ""


@dataclass(frozen=True)
class NameParts:
    """One name split as SECO's list keeps it: typed name parts in the order they are written,
    each with its spelling in the original script where the name's parts can be told apart;
    or, when they cannot, the name whole."""

    parts: tuple[tuple[str, str, str], ...]  # (name-part-type, value, spelling variant)
    whole: str
    variant_whole: str  # the original-script name, when its parts cannot be told apart


def name_parts(e: Entry) -> NameParts:
    t = e.target
    if e.name.kind == "primary":
        given, father, family = t.first_name or t.given, t.patronymic or "", t.surname
        original = t.name_original[0] if t.name_original else ""
        variant = parts_of(original, given) if original else None
        spelled = (
            (variant.given, variant.patronymic or "", variant.surname) if variant else ("", "", "")
        )
    else:
        given, father, family = e.name.given, "", e.name.surname
        original, variant, spelled = "", None, ("", "", "")
    if not (given and family):
        return NameParts((), e.name.full, "")
    typed = [("given-name", given, spelled[0])]
    typed += [("father-name", father, spelled[1])] if father else []
    typed.append(("family-name", family, spelled[2]))
    if e.name.full.split()[0] == family.split()[0]:  # written surname first
        typed = typed[-1:] + typed[:-1]
    return NameParts(tuple(typed), "", original if original and variant is None else "")


def _name_part(kind: str, which: int) -> Callable[[Entry], str]:
    return lambda e: next((p[which] for p in name_parts(e).parts if p[0] == kind), "")


def part_order(e: Entry) -> str:
    return ", ".join(f"{kind} {n}" for n, (kind, _, _) in enumerate(name_parts(e).parts, 1))


def variant_script(e: Entry) -> str:
    split = name_parts(e)
    spelled = " ".join(v for _, _, v in split.parts if v) or split.variant_whole
    return script_of(spelled) if spelled else ""


def _part(date: str | None, index: int) -> str:
    """The month (1) or day (2) of a partial ISO date, as a number; empty when not known."""
    parts = (date or "").split("-")
    return str(int(parts[index])) if len(parts) > index else ""


def _text(value: str | None) -> str:
    return value or ""


# Every value a list format can ask for, by the name its `columns` use.
FIELDS: dict[str, Callable[[Entry], str]] = {
    "blank": lambda e: "",
    "number": lambda e: str(e.number),
    "number_dot": lambda e: f"{e.number}.",
    # DFAT's Reference: a number, and for each further name of the person that number and a
    # letter (rows_for adds the letter).
    "dfat_reference": lambda e: str(e.number),
    "full_name": lambda e: (
        e.name.full
        if e.name.kind == "original"
        else f"{e.name.given} {e.name.surname.upper()}".strip()
    ),
    "surname": lambda e: e.name.surname,
    "surname_upper": lambda e: e.name.surname.upper(),
    "given": lambda e: e.name.given,
    "given_1": lambda e: ([*e.name.given.split(), ""])[0],
    "given_2": lambda e: ([*e.name.given.split(), "", ""])[1],
    "given_rest": lambda e: " ".join(e.name.given.split()[2:]),
    "ofac_name": lambda e: _ofac_name(e.target.given, e.target.surname),
    "ofac_line": ofac_line,
    "ofac_remarks": ofac_remarks,
    "name_type": lambda e: e.form.name_types.get(e.name.kind, e.name.kind),
    "original_name": lambda e: (
        "; ".join(e.target.name_original) if e.name.kind == "primary" else ""
    ),
    "original_script": lambda e: (
        script_of(" ".join(e.target.name_original)) if e.name.kind == "primary" else ""
    ),
    "original_name_eu": lambda e: "; ".join(eu_native(n, e.target) for n in e.target.name_original),
    "aliases": lambda e: "; ".join(e.target.aliases),
    "dob": lambda e: e.form.dates.write(e.target.birth_date),
    # The parts of a date of birth, for lists that keep them apart (SECO's day-month-year).
    "birth_year": lambda e: (e.target.birth_date or "")[:4],
    "birth_month": lambda e: _part(e.target.birth_date, 1),
    "birth_day": lambda e: _part(e.target.birth_date, 2),
    "pob": lambda e: _text(e.target.birth_place),
    "town_of_birth": lambda e: (e.target.birth_place or "").split(",")[0].strip(),
    "country_of_birth": lambda e: (
        (e.target.birth_place or "").split(",")[-1].strip()
        if "," in (e.target.birth_place or "")
        else ""
    ),
    "nationality": lambda e: countries(e.target.nationality, e.form.countries),
    "gender": lambda e: e.form.gender.get(e.target.gender or "", ""),
    # In English, for a request's own sheet beside a list in another language.
    "gender_en": lambda e: e.target.gender if e.target.gender in ("male", "female") else "",
    "nationality_en": lambda e: countries(e.target.nationality, "en"),
    "position": lambda e: e.target.listed_position,
    "national_id": lambda e: "; ".join(documents(e.target, "national_id")),
    "passport": lambda e: "; ".join(documents(e.target, "passport")),
    "regime_list_name": lambda e: e.scope.regime.list_name if e.scope.regime else "",
    "program": lambda e: e.scope.regime.program if e.scope.regime else "",
    "measures": lambda e: e.scope.regime.list_measures if e.scope.regime else "",
    "reasons": lambda e: reasons(e.target, e.scope),
    "criteria": lambda e: "; ".join(c.id for c in e.scope.criteria),
    "list_ground": ground,
    "eu_latin": eu_latin,
    "eu_info": eu_info,
    "ca_schedule_line": ca_schedule_line,
    "ee_line": ee_line,
    "latvian_name": latvian_name,
    "source_name": lambda e: e.target.name,
    # SECO's name parts (family-name, given-name, father-name) with their order and their
    # spelling variants in the original script; whole-name only for a name without parts.
    "family_name_part": _name_part("family-name", 1),
    "given_name_part": _name_part("given-name", 1),
    "father_name_part": _name_part("father-name", 1),
    "family_name_variant": _name_part("family-name", 2),
    "given_name_variant": _name_part("given-name", 2),
    "father_name_variant": _name_part("father-name", 2),
    "whole_name_part": lambda e: name_parts(e).whole,
    "whole_name_variant": lambda e: name_parts(e).variant_whole,
    "name_part_order": part_order,
    "variant_script": variant_script,
    "nationality_iso": lambda e: "; ".join(c.upper() for c in e.target.nationality),
}
# The fields above that print the person's post (``Target.listed_position``): a package's notes
# name each person whose post such a field leaves empty, and why.
PRINTS_POSITION = frozenset({"position", "eu_info"})


# The workbook columns an argument may be made from (``sources`` in a government's file).
SOURCES = frozenset(
    {f"person.{f.name}" for f in fields(Target)} | {f"incident.{f.name}" for f in fields(Act)}
)
