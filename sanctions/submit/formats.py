"""Each government's own way of writing a list entry, as rows for a target table.

The format is data: ``list`` in jurisdictions/<code>.yaml names the columns in the order the
government's published list prints them, the value each takes (a field below), and the list's
conventions (date style, gender codes, the language of country names, name types). Two writers
serve every format: one row per person, or one row per name (the UK and Australian lists print
each alias on its own row).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from babel import Locale

from sanctions.common.countries import country_name
from sanctions.common.data import jurisdictions_dir, read_yaml
from sanctions.governments.jurisdictions import Jurisdiction, Scope
from sanctions.model.targets import Target
from sanctions.submit.latvian import latvian_form, parts_of

Row = dict[str, str]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _parts(date: str | None) -> tuple[int, int | None, int | None] | None:
    if not date:
        return None
    bits = [int(b) for b in date.split("-")]
    return bits[0], bits[1] if len(bits) > 1 else None, bits[2] if len(bits) > 2 else None


def _dob_ofac(year: int, month: int | None, day: int | None) -> str:
    """25 May 1965, May 1965 or 1965."""
    return " ".join(str(x) for x in (day, MONTHS[month - 1] if month else None, year) if x)


def _dob_uk(year: int, month: int | None, day: int | None) -> str:
    """dd/mm/yyyy, unknown parts written as the letters themselves: dd/mm/1964."""
    return f"{f'{day:02d}' if day else 'dd'}/{f'{month:02d}' if month else 'mm'}/{year}"


def _full_or_year(render: Callable[[int, int, int], str]) -> Callable[..., str]:
    def style(year: int, month: int | None, day: int | None) -> str:
        return render(year, month, day) if day and month else str(year)

    return style


# How each list writes a date of birth; the key is `dates` in the list format.
DATE_STYLES: dict[str, Callable[[int, int | None, int | None], str]] = {
    "ofac": _dob_ofac,
    "uk": _dob_uk,
    "eu": _full_or_year(lambda y, m, d: f"{d}.{m}.{y}"),
    "au": _full_or_year(lambda y, m, d: f"{d:02d}/{m:02d}/{y}"),
    "long": _full_or_year(lambda y, m, d: dt.date(y, m, d).strftime("%B %-d, %Y")),
    "iso": lambda y, m, d: "-".join(
        f"{x:02d}" if i else str(x) for i, x in enumerate((y, m, d)) if x
    ),
}


def dob(date: str | None, style: str) -> str:
    parts = _parts(date)
    return DATE_STYLES[style](*parts) if parts else ""


@dataclass(frozen=True)
class ListFormat:
    """One government's list format, from ``list`` in its jurisdiction file."""

    family: str  # "person" (one row per person) or "name" (one row per name)
    source: str  # where the format was read, for the maintainers
    columns: tuple[tuple[str, str], ...]  # (column as the list prints it, field)
    dates: str = "iso"
    gender: dict[str, str] = field(default_factory=dict)
    countries: str = "en"  # the language of country names (CLDR)
    name_types: dict[str, str] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)  # constant columns: measures and types


@cache
def list_format(code: str) -> ListFormat:
    raw = read_yaml(jurisdictions_dir() / f"{code}.yaml")["list"]
    return ListFormat(
        family=raw["family"],
        source=raw["source"],
        columns=tuple((c, f) for item in raw["columns"] for c, f in item.items()),
        dates=raw.get("dates", "iso"),
        gender=raw.get("gender", {}),
        countries=raw.get("countries", "en"),
        name_types=raw.get("name_types", {}),
        flags=raw.get("flags", {}),
    )


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
    """Country names in the list's language (CLDR names; English names from rigour)."""
    if language == "en":
        return "; ".join(country_name(c) for c in codes)
    names = Locale(language).territories
    return "; ".join(names.get(c.upper(), country_name(c)) for c in codes)


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


ROLE_VERBS = {
    "ordered": "gave the order",
    "commanded": "had command responsibility over those who acted",
    "perpetrated": "carried out the act",
    "participated": "took part",
    "judge": "decided the case as a judge",
    "prosecutor": "prosecuted the case",
    "investigator": "investigated the case",
    "covered_up": "concealed the act or obstructed its investigation",
    "failed_to_investigate": "failed to investigate or punish it",
    "responsible_official": "headed the body whose officers acted",
}


def reasons(target: Target, scope: Scope) -> str:
    """A short third-person statement of what the target did, as lists print their reasons.

    Governments publish these texts (the UK's statement of reasons, the EU's reasons for
    listing), so nothing confidential goes in: no post or act that rests only on confidential
    evidence, no confidential incident, and no incident title or description that may name a
    victim whose identity is confidential.
    """
    name = target.name
    sentences = []
    posts = [p for p in target.posts if p.publishable]
    if posts:
        held = "; ".join(f"{p.title}, {p.org} ({p.dates()})" for p in posts)
        sentences.append(f"{name} held the following posts: {held}.")
    for act in target.acts:
        if act.violation_types and not set(act.violation_types) & scope.covered:
            continue
        if not act.publishable:
            continue
        verb = ROLE_VERBS.get(act.role, act.role.replace("_", " "))
        if act.victims_confidential:
            kinds = ", ".join(v.replace("_", " ") for v in act.violation_types)
            sentences.append(f"In an incident {act.at()} ({kinds}), {name} {verb}.")
        else:
            sentences.append(
                f"In {act.titled(place=True, quoted=True)}, {name} {verb}: {act.description}"
            )
    return " ".join(s if s.endswith((".", ".”", '."')) else s + "." for s in sentences)


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
    items = [f"DOB {dob(t.birth_date, 'ofac')}" if t.birth_date else ""]
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
        f"DOB: {dob(t.birth_date, e.form.dates)}" if t.birth_date else "",
        f"POB: {t.birth_place}" if t.birth_place else "",
        f"Nationality: {countries(t.nationality, e.form.countries)}" if t.nationality else "",
        f"Gender: {gender}" if gender else "",
        f"Position: {t.position}" if t.position else "",
        *(f"Passport number: {n}" for n in documents(t, "passport")),
        *(f"ID number: {n}" for n in documents(t, "national_id")),
    ]
    return "\n".join(line for line in lines if line)


def ca_schedule_line(e: Entry) -> str:
    t = e.target
    line = f"{t.given} {t.surname.upper()}"
    if t.birth_date and len(t.birth_date) == 10:
        line += f" (born on {dob(t.birth_date, 'long')})"
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
    return latvian_form(e.target) or ""


def _text(value: str | None) -> str:
    return value or ""


# Every value a list format can ask for, by the name its `columns` use.
FIELDS: dict[str, Callable[[Entry], str]] = {
    "blank": lambda e: "",
    "number": lambda e: str(e.number),
    "draft_reference": lambda e: f"D{e.number}",
    "full_name": lambda e: (
        e.name.full
        if e.name.kind == "original"
        else f"{e.name.given} {e.name.surname.upper()}".strip()
    ),
    "name_as_written": lambda e: e.name.full,
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
    "dob": lambda e: dob(e.target.birth_date, e.form.dates),
    "pob": lambda e: _text(e.target.birth_place),
    "town_of_birth": lambda e: (e.target.birth_place or "").split(",")[0].strip(),
    "country_of_birth": lambda e: (
        (e.target.birth_place or "").split(",")[-1].strip()
        if "," in (e.target.birth_place or "")
        else ""
    ),
    "nationality": lambda e: countries(e.target.nationality, e.form.countries),
    "nationality_codes": lambda e: "; ".join(e.target.nationality),
    "gender": lambda e: e.form.gender.get(e.target.gender or "", ""),
    "position": lambda e: e.target.position,
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
}


def field_value(name: str, entry: Entry) -> str:
    """A column's value: a field, or ``flag:<key>`` for one of the format's constants."""
    if name.startswith("flag:"):
        return entry.form.flags.get(name[5:], "")
    return FIELDS[name](entry)


def rows_for(target: Target, scope: Scope, jurisdiction: Jurisdiction, number: int) -> list[Row]:
    """The rows of one target in the government's list format."""
    form = list_format(jurisdiction.code)
    if form.family == "name":
        names = names_of(target, with_original="original" in form.name_types)
    else:
        names = names_of(target)[:1]
    rows = []
    for index, name in enumerate(names):
        entry = Entry(target, scope, jurisdiction, number, form, name)
        row = {column: field_value(f, entry) for column, f in form.columns}
        if form.family == "name" and index and "draft_reference" in dict(form.columns).values():
            column = next(c for c, f in form.columns if f == "draft_reference")
            row[column] = f"D{number}{chr(ord('a') + index - 1)}"
        rows.append(row)
    return rows


def header(jurisdiction: Jurisdiction) -> list[str]:
    """The columns of a government's list format, for a table with no rows."""
    return [column for column, _ in list_format(jurisdiction.code).columns]


def nationalities(target: Target) -> str:
    return "; ".join(country_name(c) for c in target.nationality)


def names_to_complete(jurisdiction: Jurisdiction, inside: list[tuple[Target, Scope]]) -> list[str]:
    """For notes.txt: targets whose name the list needs in a form that could not be made."""
    if "latvian_name" not in dict(list_format(jurisdiction.code).columns).values():
        return []
    lacking = [t.name for t, _ in inside if latvian_form(t) is None]
    if not lacking:
        return []
    return [
        f"The Latvian form of the name (column Original Name), for {len(lacking)} target(s): "
        f"{', '.join(lacking)}.\n  It is made only from a Russian original-script name "
        "(name_original) and a known gender; write it by hand, as the Latvian list spells "
        "names (Aleksandrs Bastrikins)."
    ]
