"""How a message shows a value and names what is wrong with it, in words an editor can act on.

A finding names the cell; its message must also say what is wrong *in* the cell: which item of
a ``;``-separated cell is not allowed and the nearest allowed value, that ``;`` (not a comma)
separates values, and which invisible character sits where, named in words (never as
``\\u00a0``). The hints of each column type are built from these.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from sanctions.workbook.columns.values import MULTI_SEPARATOR

MAX_LISTED = 3  # bad items named in one message

# Invisible characters an editor pastes from Word or a web page, named as a person would.
INVISIBLE_NAMES = {
    "\u00a0": "a non-breaking space",
    "\u2007": "a non-breaking space",
    "\u202f": "a narrow non-breaking space",
    "\u00ad": "a soft hyphen",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark",
    "\u2060": "a word joiner",
    "\ufeff": "a byte-order mark",
}
# An invisible character is shown as what the eye sees (a space, or nothing); the message then
# names it and says where it is.
_SHOWN = {"\u00a0": " ", "\u2007": " ", "\u202f": " "}
_INVISIBLE_SET = {
    chr(c)
    for lo, hi in (
        (0x00A0, 0x00A0),
        (0x00AD, 0x00AD),
        (0x180E, 0x180E),
        (0x2007, 0x2007),
        (0x200B, 0x200F),
        (0x202A, 0x202F),
        (0x2060, 0x2064),
        (0xFEFF, 0xFEFF),
    )
    for c in range(lo, hi + 1)
}


def show(value: str | None) -> str:
    """Quote a value so that invisible and look-alike characters can be seen."""
    if value is None:
        return "(empty)"
    shown = "".join(_SHOWN.get(ch, "") if ch in _INVISIBLE_SET else _printable(ch) for ch in value)
    if len(shown) > 80:
        shown = shown[:77] + "…"
    return f"'{shown}'"


def _printable(ch: str) -> str:
    return ch if ch.isprintable() or ch == " " else "?"


def items_of(value: str) -> list[str]:
    return [item.strip() for item in value.split(MULTI_SEPARATOR) if item.strip()]


def nearest(item: str, allowed: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(item.lower(), list(allowed), n=1, cutoff=0.6)
    return found[0] if found else None


def commas(
    multi: bool,
    value: str,
    ok: Callable[[str], bool],
    near: Callable[[str], str | None] = lambda part: None,
) -> str:
    """The advice to use ';' when the cell reads as several values split by commas, each good
    or near one (``near``: the allowed value a misspelt part stands for, which the advice then
    writes): advice that dropped a part ("tortur, arbitrary_detention": did you mean
    'arbitrary_detention'?) would lose a value the editor meant."""
    if not multi or "," not in value:
        return ""
    parts = [p.strip() for p in value.replace(MULTI_SEPARATOR, ",").split(",") if p.strip()]
    meant = [p if ok(p) else near(p) for p in parts]
    if len(parts) > 1 and all(meant):
        return f": separate several values with ';', not commas: '{'; '.join(map(str, meant))}'"
    return ""


def which(multi: bool, bad: list[str], what: str, near: Callable[[str], str]) -> str:
    """' is not X (did you mean …?)' for one value; ": 'a' is not X (…)" for items of many."""
    said = [(item, near(item)) for item in bad[:MAX_LISTED]]
    if not multi:
        return f" is not {what}" + (f" (did you mean {said[0][1]}?)" if said and said[0][1] else "")
    found = [f"'{item}' is not {what}" + (f" (did you mean {n}?)" if n else "") for item, n in said]
    return f": {', '.join(found)}"
