"""Each government's own way of writing a list entry, as rows for a target table.

One function per list format named in jurisdictions/*.yaml (``list_format``). Each returns the
rows for one target: most lists print one row per person, the UK and Australian lists one row
per name variant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sanctions.governments.jurisdictions import Jurisdiction, Scope
from sanctions.model.targets import Target, country_name

Row = dict[str, str]
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _parts(date: str | None) -> tuple[int, int | None, int | None] | None:
    if not date:
        return None
    bits = [int(b) for b in date.split("-")]
    return bits[0], bits[1] if len(bits) > 1 else None, bits[2] if len(bits) > 2 else None


def dob_ofac(date: str | None) -> str:
    """25 May 1965, May 1965 or 1965."""
    p = _parts(date)
    if p is None:
        return ""
    year, month, day = p
    return " ".join(str(x) for x in (day, MONTHS[month - 1] if month else None, year) if x)


def _full_or_year(date: str | None, full: Callable[[int, int, int], str]) -> str:
    """A full date in the given form, or only the year when the day is not known."""
    p = _parts(date)
    if p is None:
        return ""
    year, month, day = p
    return full(year, month, day) if day and month else str(year)


def dob_dotted(date: str | None) -> str:
    """The EU's 27.1.1964 (or the year alone)."""
    return _full_or_year(date, lambda y, m, d: f"{d}.{m}.{y}")


def dob_slashed(date: str | None) -> str:
    """dd/mm/yyyy as the UK and Australian lists print it (or the year alone)."""
    return _full_or_year(date, lambda y, m, d: f"{d:02d}/{m:02d}/{y}")


def dob_long(date: str | None) -> str:
    """Canada's schedule: May 23, 1971 (or the year alone)."""
    return _full_or_year(date, lambda y, m, d: dt.date(y, m, d).strftime("%B %-d, %Y"))


def nationalities(target: Target) -> str:
    return "; ".join(country_name(c) for c in target.nationality)


def reasons(target: Target, scope: Scope) -> str:
    """A short third-person statement of what the target did, as lists print their reasons.

    Governments publish these texts (the UK's statement of reasons, the EU's reasons for
    listing), so nothing confidential goes in: no post or act that rests only on confidential
    evidence, no confidential incident, and no incident title or description that may name a
    victim whose identity is confidential.
    """
    sentences = [
        f"{target.name}: {p.title}, {p.org} ({p.dates()})." for p in target.posts if p.publishable
    ]
    for act in target.acts:
        if act.violation_types and not set(act.violation_types) & scope.covered:
            continue
        if act.publishable:
            sentences.append(act.public_line)
    return " ".join(s for s in sentences if s)


# How each list labels a target's identifying details, in the order it prints them.
OFAC_LABELS = {
    "dob": "DOB {}",
    "pob": "POB {}",
    "nationality": "nationality {}",
    "gender": "Gender {}",
    "id": "National ID No. {}",
}
EU_LABELS = {
    "dob": "DOB: {}",
    "pob": "POB: {}",
    "nationality": "Nationality: {}",
    "gender": "Gender: {}",
    "position": "Position: {}",
    "id": "ID number: {}",
}


def identifiers(
    target: Target, labels: dict[str, str], dob: Callable[[str | None], str]
) -> list[str]:
    """The target's identifying details that the list prints, with its labels."""
    gender = target.gender.capitalize() if target.gender in ("male", "female") else None
    known = {
        "dob": dob(target.birth_date),
        "pob": target.birth_place,
        "nationality": nationalities(target),
        "gender": gender,
        "position": target.position,
    }
    out = [labels[k].format(v) for k, v in known.items() if k in labels and v]
    return out + [labels["id"].format(n) for n in target.id_numbers]


def ofac_sdn(target: Target, scope: Scope, jurisdiction: Jurisdiction, number: int) -> list[Row]:
    details = identifiers(target, OFAC_LABELS, dob_ofac)
    program = scope.regime.program if scope.regime else ""
    head = f"{target.surname.upper()}, {target.given}"
    if target.aliases:
        head += f" (a.k.a. {'; a.k.a. '.join(target.aliases)})"
    line = head + "".join(f"; {d}" for d in details) + f" (individual) [{program}]."
    return [
        {
            "Entry": line,
            "Name": f"{target.surname.upper()}, {target.given}",
            "Title": target.position,
            "Program": program,
            "Remarks": "; ".join(details),
        }
    ]


def uk_list(target: Target, scope: Scope, jurisdiction: Jurisdiction, number: int) -> list[Row]:
    names = [("Primary name", target.given, target.surname)]
    names += [
        ("Alias", " ".join(a.split()[:-1]), a.split()[-1]) for a in target.aliases if " " in a
    ]
    rows = []
    for name_type, given, surname in names:
        given_parts = given.split()
        rows.append(
            {
                "Name 1": given_parts[0] if given_parts else "",
                "Name 2": given_parts[1] if len(given_parts) > 1 else "",
                "Name 3": " ".join(given_parts[2:]),
                "Name 4": "",
                "Name 5": "",
                "Name 6": surname,
                "Name type": name_type,
                "Name non-Latin script": "; ".join(target.name_original),
                "D.O.B": dob_slashed(target.birth_date),
                "Town of birth": (target.birth_place or "").split(",")[0],
                "Country of birth": (target.birth_place or "").split(",")[-1].strip()
                if target.birth_place and "," in target.birth_place
                else "",
                "Nationality": nationalities(target),
                "Passport number": "",
                "National identifier number": "; ".join(target.id_numbers),
                "Position": target.position,
                "Gender": (target.gender or "").capitalize(),
                "Regime": scope.regime.name if scope.regime else "",
                "UK Statement of Reasons (draft)": reasons(target, scope),
            }
        )
    return rows


def eu_annex(target: Target, scope: Scope, jurisdiction: Jurisdiction, number: int) -> list[Row]:
    info = identifiers(target, EU_LABELS, dob_dotted)
    latin = f"{target.given} {target.surname.upper()}"
    if target.aliases:
        latin += f" (a.k.a. {'; '.join(target.aliases)})"
    return [
        {
            "No.": str(number),
            "Names (Transliteration into Latin script)": latin,
            "Names (native script)": "; ".join(target.name_original),
            "Identifying information": "; ".join(info),
            "Reasons for listing": reasons(target, scope),
            "Date of listing": "",
        }
    ]


def ca_schedule(target: Target, scope: Scope, jurisdiction: Jurisdiction, number: int) -> list[Row]:
    line = f"{target.given} {target.surname.upper()}"
    if target.birth_date and len(target.birth_date) == 10:
        line += f" (born on {dob_long(target.birth_date)})"
    elif target.birth_date:
        line += f" (born in {target.birth_date[:4]})"
    return [
        {
            "Item": str(number),
            "Schedule entry": line,
            "LastName": target.surname,
            "GivenName": target.given,
            "Aliases": "; ".join(target.aliases),
            "DateOfBirth": target.birth_date or "",
            "Title": target.position,
        }
    ]


def au_consolidated(
    target: Target, scope: Scope, jurisdiction: Jurisdiction, number: int
) -> list[Row]:
    names = [("Primary Name", target.name)] + [("Alias", a) for a in target.aliases]
    rows = []
    for i, (name_type, name) in enumerate(names):
        suffix = "" if i == 0 else chr(ord("a") + i - 1)
        rows.append(
            {
                "Reference": f"{number}{suffix}",
                "Name of Individual or Entity": name,
                "Type": "Individual",
                "Name Type": name_type,
                "Date of Birth": dob_slashed(target.birth_date),
                "Place of Birth": target.birth_place or "",
                "Citizenship": nationalities(target),
                "Address": "",
                "Additional Information": target.position,
                "Listing Information": reasons(target, scope),
                "Committees": scope.regime.name if scope.regime else "",
                "Control Date": "",
                "Instrument of Designation": "",
            }
        )
    return rows


def entry_ban(target: Target, scope: Scope, jurisdiction: Jurisdiction, number: int) -> list[Row]:
    line = f"{number}. {target.surname.upper()}, {target.given}"
    if target.aliases:
        line += f" (also {'; '.join(target.aliases)})"
    gender = {"male": "M", "female": "F"}.get(target.gender or "", "")
    return [
        {
            "Entry": line,
            "First name": target.given,
            "Surname": target.surname,
            "Name in original script": "; ".join(target.name_original),
            "Date of birth": target.birth_date or "",
            "Gender": gender,
            "Citizenship": nationalities(target),
            "Legal ground": "; ".join(c.id for c in scope.criteria),
            "Reason": reasons(target, scope),
        }
    ]


FORMATS: dict[str, Callable[[Target, Scope, Jurisdiction, int], list[Row]]] = {
    "ofac_sdn": ofac_sdn,
    "uk_list": uk_list,
    "eu_annex": eu_annex,
    "ca_schedule": ca_schedule,
    "au_consolidated": au_consolidated,
    "entry_ban": entry_ban,
}
