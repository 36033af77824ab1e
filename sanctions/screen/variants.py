"""Other spellings of a name that a sanctions list may have used.

logic-v2 compares name parts with an edit distance and rigour's name symbols, which is not
enough for how Kazakh names reach English-language lists. ``Тоқаев`` transliterates to
``Toqaev`` while lists print ``Tokayev`` (0.60 against 0.88 with the Russian form); ``Iwanow``
against ``Ivanov`` scores 0.64; a patronymic on one side only costs about 0.3. Adding these
spellings as extra names lets the scorer find the pair it would have scored 1.0 had the two
lists spelled the name alike. They are built from ``common/names.py``, the same folds that the
validator's near-duplicate check uses.
"""

from __future__ import annotations

from sanctions.common.names import PATRONYMIC, name_parts
from sanctions.common.names import name_tokens as _tokens


def name_tokens(name: str) -> tuple[str, ...]:
    """Folded parts of a name in the order written, initials included."""
    return _tokens(name, initials=True)


# Kazakh letters that Russian-language documents (and the lists that copy them) write with
# the nearest Russian letter.
KAZAKH_TO_RUSSIAN = str.maketrans(
    "ӘәҒғҚқҢңӨөҰұҮүҺһІі",
    "АаГгКкНнОоУуУуХхИи",
)


def russian_form(name: str) -> str | None:
    """The Russian-Cyrillic spelling of a Kazakh-Cyrillic name, if it differs."""
    russian = name.translate(KAZAKH_TO_RUSSIAN)
    return russian if russian != name else None


def folded_forms(name: str) -> list[str]:
    """The name's folded spelling, and the same without its patronymic."""
    tokens = name_tokens(name)
    if not tokens:
        return []
    forms = [" ".join(tokens)]
    short = [t for t in tokens if len(t) == 1 or not PATRONYMIC.search(t)]
    if short and len(short) < len(tokens):
        forms.append(" ".join(short))
    return forms


def query_names(names: list[str]) -> list[str]:
    """A workbook person's names plus every spelling worth trying, without repeats."""
    out: dict[str, None] = dict.fromkeys(names)
    for name in names:
        russian = russian_form(name)
        if russian is not None:
            out[russian] = None
        for form in folded_forms(russian or name):
            out[form] = None
    return list(out)


def reference_names(names: list[str]) -> list[str]:
    """A reference entity's names plus their folded spellings (no patronymic dropped: an
    extra name part on the result side costs little)."""
    out: dict[str, None] = dict.fromkeys(names)
    for name in names:
        tokens = name_tokens(russian_form(name) or name)
        if tokens:
            out[" ".join(tokens)] = None
    return list(out)


def has_initials(names: list[str]) -> bool:
    """Whether a name gives some of its parts as initials only (``I. I. Ivanov``)."""
    for name in names:
        tokens = name_tokens(name)
        if len(tokens) >= 2 and any(len(t) == 1 for t in tokens):
            return True
    return False


def full_parts(names: list[str]) -> set[str]:
    """The parts of these names that are written out, not given as initials."""
    return {t for n in names for t in name_tokens(n) if len(t) > 1}


def initialled(names: list[str], keep: set[str]) -> list[str]:
    """Each name with every part not in ``keep`` cut to its initial: ``Ivanov Ivan Ivanovich``
    becomes ``ivanov i i`` when the other side reads ``I. I. Ivanov``."""
    out: dict[str, None] = {}
    for name in names:
        parts = [(a, f) for a, f in name_parts(name) if f]
        if len(parts) >= 2 and any(f in keep for _, f in parts):
            out[" ".join(f if f in keep else a[0] for a, f in parts)] = None
    return list(out)
