"""Countries and languages as codes: what an editor may type, and what every output prints.

rigour's territory data knows each country's codes, its official names (strong) and hundreds
of other spellings in many languages (weak), plus its cities. Reading every one of those as the
country would hide typing mistakes: a capital typed as a nationality, or a misspelt English name
that happens to be another language's spelling. So a cell is accepted when it is a code, an
official name or another spelling, unless that spelling is the English name with a letter or
two missing (a typo) or a place; then the validator suggests the country instead. Whatever is
accepted is stored as the code, and outputs print the name from the code.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from babel import Locale
from rigour._core import territories_jsonl
from rigour.data import iter_jsonl_text
from rigour.langs import iso_639_alpha2, iso_639_alpha3
from rigour.territories import get_territory, lookup_territory
from rigour.territories.territory import Territory
from rigour.territories.util import normalize_territory_name
from rigour.text.distance import levenshtein

TYPO_DISTANCE = 2  # letters missing from the English name that still read as a typo


@cache
def _territories() -> dict[str, tuple[Territory, dict[str, Any]]]:
    """Each territory rigour knows, with its data (official names, other spellings, places)."""
    out = {}
    for data in iter_jsonl_text(territories_jsonl()):
        territory = get_territory(data["code"])
        if territory is not None:
            out[territory.code] = (territory, data)
    return out


@cache
def _strong() -> dict[str, frozenset[str]]:
    """Each territory's official names, normalised: only those written in Latin letters, since
    normalising folds a Cyrillic official name (Kyrgyz "Казакстан") into a Latin misspelling
    ("kazakstan") of the English one."""
    return {
        code: frozenset(
            normalize_territory_name(n)
            for n in (*data.get("names_strong", []), territory.name, territory.full_name)
            if _latin(n)
        )
        for code, (territory, data) in _territories().items()
    }


@cache
def _places() -> dict[str, frozenset[str]]:
    """Each territory's cities and regions, normalised: asked of a cell that is no official
    name only (most of the normalising, spared where every cell is a code or a name)."""
    return {
        code: frozenset(normalize_territory_name(n) for n in data.get("places", []))
        for code, (_, data) in _territories().items()
    }


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


@cache
def _official() -> dict[str, str]:
    """Each country's code and official Latin names, normalised, to its code.

    Nearly every cell is one of these; answering them here spares building rigour's index of
    every spelling in every language (one to four seconds at the first lookup of a run)."""
    out: dict[str, str] = {}
    for code, strong in _strong().items():
        out.setdefault(code.lower(), code)
        for name in sorted(strong):
            out.setdefault(name, code)
    return out


@lru_cache(maxsize=4096)
def country_code(value: str) -> str | None:
    """The code of the country a cell names, or None when it is not one or reads as a typo."""
    code = value.strip().lower()
    known = get_territory(code)
    if known is not None and known.code == code:
        # a code: most cells, answered without normalising every official name, and as the
        # territory's own string, so that every cell naming it shares one (``model/rows``)
        return known.code
    official = _official()
    found = official.get(value.strip().lower()) or official.get(normalize_territory_name(value))
    if found is not None:
        return found
    territory = lookup_territory(value)
    if territory is None:
        return None
    normal = normalize_territory_name(value)
    strong = _strong().get(territory.code)
    if strong is None or normal in strong or value.strip().lower() in territory.codes:
        return territory.code
    if normal in _places().get(territory.code, frozenset()):
        return None  # a city is not a nationality
    english = normalize_territory_name(territory.name)
    if len(normal) < len(english) and levenshtein(normal, english) <= TYPO_DISTANCE:
        return None  # "Kazakstan": the English name misspelt
    return territory.code


def suggest_country(value: str) -> str:
    """The nearest country, as a hint: ``Kazakhstan (kz)``; empty when none is near."""
    territory = lookup_territory(value, fuzzy=True)
    return f"{territory.name} ({territory.code})" if territory is not None else ""


def country_names() -> list[str]:
    """The English short name of every current country, sorted, for an editor's dropdown."""
    names = set()
    for territory, _ in _territories().values():
        if territory.is_country and not territory.is_historical:
            names.add(territory.name)
    return sorted(names)


def country_name(code: str, language: str = "en") -> str:
    """The short name of a country code (``kz`` -> ``Kazakhstan``): in English from rigour, in
    another language from CLDR (babel), or the English one where CLDR has none."""
    territory = get_territory(code)
    english = territory.name if territory is not None else code
    if language == "en":
        return english
    return str(Locale(language).territories.get(code.upper(), english))


@cache
def names_by_country(languages: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Every country's short names in ``languages`` (CLDR, by babel; English from rigour too),
    by its code, lower-case: what a source may call it."""
    out: dict[str, set[str]] = {}
    for language in languages:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha():
                out.setdefault(code.lower(), set()).add(name)
    for code, names in out.items():
        names.add(country_name(code))
    return {code: frozenset(names) for code, names in out.items()}


@lru_cache(maxsize=1024)
def language_code(value: str) -> str | None:
    """ISO 639-1 where there is one (``English`` -> ``en``), else ISO 639-3; None if unknown."""
    alpha3 = iso_639_alpha3(value.strip().lower())
    if alpha3 is None:
        return None
    return iso_639_alpha2(alpha3) or alpha3
