"""Scores from nomenklatura's logic-v2, the algorithm yente calls "best".

Seven things are added around it, all about names: the query is compared a second time with
its parts written as the candidate writes them where a romanisation system reads them alike
(``variants.aligned``); a name given only as initials (``I. I. Ivanov``) is compared in
initials on the other side too, but only when both sides give the same full birth date; and
two patronymics that are not one name in two spellings (``Petrovich`` against ``Pavlovich``,
but not Belarusian ``Piatrovich`` against ``Petrovich``) cost ``PATRONYMIC_PENALTY``, as
logic-v2 charges for a birth date that differs: a different father's name is evidence of a
different person, and the added spellings would otherwise hide it; two generational suffixes
that differ (``Jr`` against ``Sr``: a father and son of one name) cost as much. And a name that
agrees in all but its surname, with the same full birth date, is at least a possible match
(``OTHER_SURNAME_SCORE``), its explanation naming both surnames: a woman listed under her
maiden or married name; so is a name that pairs word by word with the listed one in spellings a
letter or two apart, with the same full birth date (Burmese names romanised by ear). A name that
the listed one repeats after a given name of its own costs ``RELATIVE_PENALTY``: in Arabic
names a father is named so in his son's. The birth date and nationality penalties of logic-v2
apply unchanged.

logic-v2 caches its name analysis by entity ID (``Entity.__hash__`` compares IDs only), so an
ID reused for a different entity in one process returns the first entity's score. Every
entity made here carries the number of the ``Scorer`` that made it, and a new ``Scorer``
clears those caches too.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
import unicodedata
from functools import cache, lru_cache
from typing import Any

from followthemoney import EntityProxy, model

from sanctions.common.data import SpecError, read_yaml, schemas_dir
from sanctions.common.names import parts
from sanctions.common.romanise import readings, relaxed
from sanctions.screen.score import (
    BURMESE_SYLLABLE,
    GENERATIONS,
    OTHER_SURNAME,
    RELATIVE,
    SPELLED_OTHERWISE,
    Score,
)
from sanctions.screen.variants import (
    aligned,
    close,
    close_by_ear,
    has_initials,
    initialled,
    name_tokens,
    one_name,
    paired,
    patronymic_positions,
    patronymics,
    query_names,
    reads_alike,
    same_patronymic,
)

_RUNS = itertools.count(1)
# Birth dates must agree to the day before initials may stand for a name.
FULL_DATE = 10
PATRONYMIC_PENALTY = 0.3
# A name that agrees in all but its surname with the same full birth date: reported as a
# possible match (the default threshold), with the surnames named, for a person to confirm.
OTHER_SURNAME_SCORE = 0.7
FEMININE = "avna"  # a woman's patronymic as the relaxed readings end (-ovna, -evna, -ivna, -kyzy)
# A father and his son of the same name: a suffix that marks another generation on each side
# (Sr against Jr, Jr or II against III) is evidence of another person, charged as a different
# patronymic is, unless both sides give the same birth year (a man listed as Jr before his
# son was born may be Sr on a later list). A suffix counts only as a name's last word: ``Sr.``
# first is the Spanish ``Señor``, and ``JR`` first is a pair of initials. The Philippines' and
# the United States' lists print them.
GENERATION_PENALTY = 0.3
# Each suffix, and the generation it names: Jr and II are both the son of the first.
GENERATION_WORDS = {
    "sr": ("Sr", 1), "snr": ("Sr", 1), "senior": ("Sr", 1),
    "jr": ("Jr", 2), "jnr": ("Jr", 2), "junior": ("Jr", 2), "ii": ("II", 2), "iii": ("III", 3),
}  # fmt: skip
# A name that pairs word by word with the listed one, each word read alike or a letter or two
# from it, at least one read alike, with the same full birth date: at least a possible match,
# the words that differ named. Burmese names reach the lists romanised by ear (the US lists
# ``OO, Mya Tun``, the UK ``Mya Htun OO``, born the same day), and a misprint (the EU's
# ``PUSJIKN``) is no other person; the same day of birth is what makes so loose a likeness
# worth a look, and a person still has to confirm it (``score.SPELLED_OTHERWISE``). Two words
# close only as one Burmese syllable (``variants.one_nasal``) are said to be so
# (``score.BURMESE_SYLLABLE``): rigour knows them as two names of other languages, which a
# reader should know was set aside.
BURMA = "mm"  # FtM's country code for Myanmar: both sides' nationality makes a name Burmese
# In a chain of fathers' names a father is named by his son's name without its first word
# (``Abdullah Saleh al Zahrani``, father of ``Ahmed Abdullah Saleh al Zahrani``, as the UK's
# list says): a name whose every word is in the listed name after a first (given) name it
# does not have, and whose own first word is not that name, costs what another generation
# does, unless both sides give the same birth year. The lists name such fathers, brothers and
# sons in their notes; they are not listed.
RELATIVE_PENALTY = 0.3


def logic_v2() -> Any:
    """nomenklatura's LogicV2, imported without the rest of ``nomenklatura.matching``.

    That package's ``__init__`` imports every algorithm it has, the regression models and
    scikit-learn among them: one to two seconds at every start, most of the time a small screen
    takes. logic-v2 needs none of them, so its modules are imported under a bare package
    object that is removed again afterwards; a later ``import nomenklatura.matching`` (a
    benchmark's, a test's) runs the real ``__init__``, which finds the same modules loaded.
    """
    name = "nomenklatura.matching"
    if name not in sys.modules:
        spec = importlib.util.find_spec(name)
        if spec is not None:
            sys.modules[name] = importlib.util.module_from_spec(spec)
            try:
                from nomenklatura.matching.logic_v2.model import LogicV2
            finally:
                del sys.modules[name]
            return LogicV2
    from nomenklatura.matching.logic_v2.model import LogicV2

    return LogicV2


def reset_caches() -> None:
    """Clear every cache in logic-v2 that is keyed on an entity."""
    from nomenklatura.matching.logic_v2 import identifiers
    from nomenklatura.matching.logic_v2.names import analysis

    for module in (analysis, identifiers):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and hasattr(value, "cache_info"):
                clear()


class Scorer:
    def __init__(self) -> None:
        algorithm = logic_v2()
        reset_caches()
        self.run = next(_RUNS)
        self.algorithm = algorithm
        self.config = algorithm.default_config()
        self.own_names: dict[str, list[str]] = {}

    def _entity(self, key: str, schema: str, props: dict[str, list[str]]) -> EntityProxy:
        data = {
            "id": f"screen{self.run}-{key}",
            "schema": schema,
            "properties": {k: v for k, v in props.items() if v},
        }
        return model.get_proxy(data, cleaned=False)

    def query(self, key: str, names: list[str], props: dict[str, list[str]]) -> EntityProxy:
        """A workbook person as a query; ``key`` must be unique within this scorer."""
        variants = query_names(names)
        entity = self._entity(
            f"q-{key}", "Person", {"name": variants[:1], "alias": variants[1:], **props}
        )
        self.own_names[entity.id or ""] = names
        return entity

    def reference(self, key: str, schema: str, props: dict[str, Any]) -> EntityProxy:
        """A reference entity, as the scorer sees it."""
        names = [n for p in ("name", "alias", "previousName") for n in props.get(p) or []]
        entity = self._entity(f"r-{key}", schema, props)
        self.own_names[entity.id or ""] = names
        return entity

    def score(self, query: EntityProxy, candidate: EntityProxy) -> Score:
        result = self.algorithm.compare(query, candidate, self.config)
        best, explanation = result.score, _explain(result)
        for alt, note in (
            (self._aligned(query, candidate), " (compared part by part)"),
            (self._initials(query, candidate), " (compared as initials)"),
        ):
            if alt is not None and best < 1.0:
                other = self.algorithm.compare(alt[0], alt[1], self.config)
                if other.score > best:
                    best, explanation = other.score, _explain(other) + note
        own = self.own_names.get(candidate.id or "") or [candidate.caption]
        mine = self.own_names.get(query.id or "") or query.names
        if best < OTHER_SURNAME_SCORE and _same_day(query, candidate):
            surnames = _other_surname(mine, own)
            if surnames:
                best = OTHER_SURNAME_SCORE
                explanation = f"{explanation}; {OTHER_SURNAME} ({surnames})".lstrip("; ")
        if best < OTHER_SURNAME_SCORE and _same_day(query, candidate):
            spelled = _spelled_otherwise(mine, own, _by_ear(query, candidate))
            if spelled:
                best = OTHER_SURNAME_SCORE
                explanation = f"{explanation}; {SPELLED_OTHERWISE} ({spelled})".lstrip("; ")
        relative = "" if _same_year(query, candidate) else _relative_of(mine, own)
        if relative:
            best = max(best - RELATIVE_PENALTY, 0.0)
            explanation = f"{explanation}; {RELATIVE} ({relative})".lstrip("; ")
        differ = _patronymics_differ(mine, own)
        if differ:
            best = max(best - PATRONYMIC_PENALTY, 0.0)
            explanation = f"{explanation}; patronymic differs ({differ})".lstrip("; ")
        generations = _generations_differ(mine, own)
        if generations and not _same_year(query, candidate):
            best = max(best - GENERATION_PENALTY, 0.0)
            explanation = f"{explanation}; {GENERATIONS} ({generations})".lstrip("; ")
        return Score(round(best, 4), _matched_name(query, own), explanation)

    def _aligned(
        self, query: EntityProxy, candidate: EntityProxy
    ) -> tuple[EntityProxy, EntityProxy] | None:
        """The query with its parts written as the candidate writes them, where they agree."""
        own = self.own_names.get(query.id or "") or query.names
        theirs = self.own_names.get(candidate.id or "") or candidate.names
        extra = [n for n in aligned(own, theirs) if n not in query.names]
        if not extra:
            return None
        props = {p: query.get(p) for p in query.properties}
        props["alias"] = props.get("alias", []) + extra
        return self._entity(f"{query.id}~{candidate.id}~aligned", "Person", props), candidate

    def _initials(
        self, query: EntityProxy, candidate: EntityProxy
    ) -> tuple[EntityProxy, EntityProxy] | None:
        """The pair rewritten so that the side with full names also reads in initials."""
        q_birth = {d for d in query.get("birthDate", quiet=True) if len(d) >= FULL_DATE}
        c_birth = {d for d in candidate.get("birthDate", quiet=True) if len(d) >= FULL_DATE}
        if not q_birth & c_birth:
            return None
        q_names, c_names = query.names, candidate.names
        if has_initials(c_names) and not has_initials(q_names):
            extra = initialled(q_names, c_names)
            if extra:
                props = {p: query.get(p) for p in query.properties}
                props["alias"] = props.get("alias", []) + extra
                return self._entity(f"{query.id}~{candidate.id}", "Person", props), candidate
        if has_initials(q_names) and not has_initials(c_names):
            extra = initialled(c_names, q_names)
            if extra:
                props = {p: candidate.get(p) for p in candidate.properties}
                props["alias"] = props.get("alias", []) + extra
                return query, self._entity(
                    f"{candidate.id}~{query.id}", candidate.schema.name, props
                )
        return None


def _same_day(query: EntityProxy, candidate: EntityProxy) -> bool:
    """Whether both give the same full birth date."""
    return _born_alike(query, candidate, FULL_DATE)


def _same_year(query: EntityProxy, candidate: EntityProxy) -> bool:
    """Whether both give a birth date in the same year."""
    return _born_alike(query, candidate, 4)


def _born_alike(query: EntityProxy, candidate: EntityProxy, digits: int) -> bool:
    """Whether both give a birth date whose first ``digits`` characters (at least) agree."""
    mine = {d[:digits] for d in query.get("birthDate", quiet=True) if len(d) >= digits}
    return bool(
        mine & {d[:digits] for d in candidate.get("birthDate", quiet=True) if len(d) >= digits}
    )


def _other_surname(query: list[str], candidate: list[str]) -> str:
    """'a / b' when a name of each side is a given name, a woman's patronymic and a surname,
    the given names and patronymics read alike and the surnames do not: a woman listed under
    her maiden or married name (the EU lists Larisa Leonidovna Zhilko, the UK Larisa
    Leonidovna Airapetyan, born the same day); '' otherwise. The given name is the word just
    before the patronymic, whichever way the name is ordered. A man's name that differs in its
    surname alone is another man (Andrii Mykolaiovych Kovalenko is not Andrii Mykolaiovych
    Shevchuk, though both were born on 15 January 1970)."""
    for a in query:
        mine = _woman_s_name(a)
        if mine is None:
            continue
        for b in candidate:
            theirs = _woman_s_name(b)
            if theirs is None:
                continue
            (given_a, father_a, surname_a), (given_b, father_b, surname_b) = mine, theirs
            if (
                _reads_alike(given_a, given_b)
                and same_patronymic(_relaxed(father_a), _relaxed(father_b))
                and not _reads_alike(surname_a, surname_b)
            ):
                return f"{surname_a} / {surname_b}"
    return ""


def _by_ear(query: EntityProxy, candidate: EntityProxy) -> bool:
    """Whether both sides give Myanmar as a nationality or citizenship (lists print either):
    their names are then Burmese ones, romanised by ear (``close_by_ear``)."""
    return all(
        BURMA in side.get("nationality", quiet=True) or BURMA in side.get("citizenship", quiet=True)
        for side in (query, candidate)
    )


def _spelled_otherwise(query: list[str], candidate: list[str], by_ear: bool = False) -> str:
    """'a / b' for each pair of words that differ, when a name of each side has as many
    words and they pair one to one, each read alike or ``close`` (``close_by_ear`` for two
    Burmese names, a pair close only so saying ``BURMESE_SYLLABLE``), at least one read
    alike; '' otherwise."""
    for a in query:
        mine = parts(a)
        if len(mine) < 2:
            continue
        for b in candidate:
            theirs = parts(b)
            if len(theirs) != len(mine):
                continue
            pairs = paired(mine, theirs, close_by_ear if by_ear else close)
            if pairs is None:
                continue
            differ = [(x, y) for x, y in pairs if not reads_alike(x, y)]
            if differ and len(differ) < len(pairs):
                return ", ".join(
                    f"{x} / {y}{BURMESE_SYLLABLE if by_ear and not close(x, y) else ''}"
                    for x, y in differ
                )
    return ""


def given_first(name: str) -> list[str]:
    """The words of a name with its given names first and no title before them: a list's
    ``AL-ZAHRANI, Sheikh Ahmed`` (surname, comma, given names; what follows a second comma
    stays after them) as ``ahmed al zahrani``, ``El Hadj Omar Diallo`` as ``omar diallo``."""
    surname, comma, given = name.partition(",")
    words = parts(f"{given} {surname}" if comma else name)
    titles, articles = honorifics(), _honorifics("articles")
    while len(words) > 1:
        if words[0] in titles:
            words = words[1:]
        elif len(words) > 2 and words[0] in articles and words[1] in titles:
            words = words[2:]
        else:
            break
    return words


# A name of fewer words says too little: ``Ramazani Shadary`` is Emmanuel Ramazani Shadary
# himself, as lists print him without his Christian name; a father's name is three words or
# more where it repeats his son's (``Abdullah Saleh al Zahrani``).
RELATIVE_WORDS = 3


def _relative_of(query: list[str], candidate: list[str]) -> str:
    """The candidate's first word, when a name of the query (in Latin letters, three words
    or more, not a kunya) has fewer words than a name of the candidate, every one of them is
    one name (``one_name``) with a word of that name after its first, and the query's first
    word is not ``close`` to that first word: the query names a relative, whose name the
    listed person's repeats after their own. Titles before a name are left aside
    (``given_first``). '' otherwise, and wherever the first words of some pair of names are
    ``close``. Measured on the UK, EU and US lists (docs/development.md): it holds apart most
    of the fathers and sons both listed, and still charges a few names of one person that
    leave a first given name out (``Anouar al-Katan`` for ``Wassim Anouar al-Qatan``), which
    only a birth date, or the person's other names beside it, tells apart."""
    found = ""
    for a in query:
        mine = given_first(a) if _latin(a) else []
        if mine and mine[0] in kunya():
            continue  # a kunya is an alias of its own, not a chain of fathers' names
        for b in candidate:
            theirs = given_first(b) if _latin(b) else []
            if not mine or not theirs:
                continue
            if close(mine[0], theirs[0]):
                return ""
            longer = len(mine) >= RELATIVE_WORDS and len(theirs) > len(mine)
            if longer and not found and paired(mine, theirs[1:], one_name) is not None:
                found = theirs[0]
    return found


def _latin(name: str) -> bool:
    """Whether a name's letters are all Latin ones (another script is read, not spelled, and
    the UK prints a Cyrillic name surname first without a comma). Apostrophes and the ayn's
    half ring (``Ol’ga``, ``Sabʿawi``) are not letters of any script."""
    return all(_latin_letter(c) for c in name if c.isalpha())


@lru_cache(maxsize=4096)
def _latin_letter(char: str) -> bool:
    if unicodedata.category(char) not in ("Lu", "Ll", "Lt", "Lo"):
        return True  # a modifier letter (ʿ, ʼ): a mark, not a script's letter
    return unicodedata.name(char, "").startswith("LATIN")


HONORIFICS = "honorifics.yaml"


@cache
def honorifics() -> frozenset[str]:
    """The titles of ``schemas/honorifics.yaml`` and rigour's one-word person prefixes, as a
    name's words are written (``parts``)."""
    from rigour._core import person_name_prefixes_list

    prefixes = [p for p in person_name_prefixes_list() if len(parts(p)) == 1]
    return frozenset(w for t in [*_honorifics("honorifics"), *prefixes] for w in parts(t))


@cache
def kunya() -> frozenset[str]:
    """The words that begin a kunya (``Abu Walid``), from ``schemas/honorifics.yaml``."""
    return frozenset(_honorifics("kunya"))


@cache
def _honorifics(key: str) -> frozenset[str]:
    path = schemas_dir() / HONORIFICS
    data = read_yaml(path)
    words = data.get(key) if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise SpecError(f"{path.name}: {key}: a list of words")
    return frozenset(words)


def _woman_s_name(name: str) -> tuple[str, str, str] | None:
    """(given name, patronymic, surname) of a three-word name with a woman's patronymic."""
    words = parts(name)
    found = patronymic_positions(words)
    if len(words) != 3 or len(found) != 1:
        return None
    at = found.pop()
    if at == 0 or not _relaxed(words[at]).endswith(FEMININE):
        return None
    surname = next(w for i, w in enumerate(words) if i not in (at - 1, at))
    return words[at - 1], words[at], surname


def _relaxed(word: str) -> str:
    return relaxed(readings(word)[0]) if readings(word) else word


def _reads_alike(a: str, b: str) -> bool:
    return bool({relaxed(r) for r in readings(a)} & {relaxed(r) for r in readings(b)})


def _patronymics_differ(query: list[str], candidate: list[str]) -> str:
    """'a / b' when both sides give a patronymic and none of one side's is a spelling of one
    of the other's; '' otherwise."""
    ours, theirs = patronymics(query), patronymics(candidate)
    if not ours or not theirs:
        return ""
    for a in ours:
        for b in theirs:
            if same_patronymic(a, b):
                return ""
    return f"{' / '.join(sorted(ours))} against {' / '.join(sorted(theirs))}"


def _generations(names: list[str]) -> dict[int, str]:
    """The generations these names' suffixes name (a suffix is a name's last word), each with
    the suffix as written here."""
    found: dict[int, str] = {}
    for name in names:
        words = parts(name)
        if len(words) > 1 and words[-1] in GENERATION_WORDS:
            suffix, generation = GENERATION_WORDS[words[-1]]
            found.setdefault(generation, suffix)
    return found


def _generations_differ(query: list[str], candidate: list[str]) -> str:
    """'a against b' when both sides name a generation and none is the same; '' otherwise.
    A name alone on one side says nothing: lists often leave the suffix out."""
    ours, theirs = _generations(query), _generations(candidate)
    if not ours or not theirs or ours.keys() & theirs.keys():
        return ""
    return f"{' / '.join(sorted(ours.values()))} against {' / '.join(sorted(theirs.values()))}"


def _explain(result: Any) -> str:
    parts = []
    for feature, found in sorted(result.explanations.items()):
        if found.score:
            parts.append(f"{feature} {found.score:.2f}: {found.detail}")
    return "; ".join(parts)


def _matched_name(query: EntityProxy, own: list[str]) -> str:
    """The reference's own name (not a spelling added here) sharing most parts with the query."""
    wanted = {t for n in query.names for t in name_tokens(n)}
    return max(own, key=lambda n: (len(wanted & set(name_tokens(n))), -own.index(n)))
