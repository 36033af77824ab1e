"""Name keys that survive transliteration and spelling variants.

Two spellings of one name get the same key: ``Masimov``/``Massimov``, ``Nazarbaev``/
``Nazarbayev``, ``Kassym-Jomart``/``Kassym-Zhomart``, ``Iwanow``/``Ivanov``/``Ivanoff``, and a
Cyrillic name and its Latin form. Keys are for finding candidates cheaply; they are not a score.
Screening uses the same keys to widen the candidates that nomenklatura's blocker would miss.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rigour.names import tokenize_name
from rigour.text import ascii_text

# Applied in order to each lower-case ASCII token.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"dzh", "zh"),
        (r"^j|(?<=[-aeiou])j", "zh"),
        (r"kh", "h"),
        (r"q", "k"),
        (r"w", "v"),
        (r"ph", "f"),
        (r"x", "ks"),
        (r"ye", "e"),
        (r"yu", "iu"),
        (r"ya", "ia"),
        (r"y", "i"),
        (r"off$", "ov"),
        (r"eff$", "ev"),
        (r"(.)\1+", r"\1"),
        (r"ii$", "i"),
    )
)
_PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|uli|kizi|ogli)$")


@lru_cache(maxsize=200_000)
def fold_token(token: str) -> str:
    for pattern, repl in _FOLDS:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=200_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of one name, in the order written."""
    latin = ascii_text(name).lower()
    return tuple(t for t in (fold_token(p) for p in tokenize_name(latin)) if len(t) > 1)


def name_keys(name: str) -> set[str]:
    """Order-free keys of a name: all its tokens, and the tokens without a patronymic."""
    tokens = name_tokens(name)
    if len(tokens) < 2:
        return set()
    keys = {" ".join(sorted(tokens))}
    short = [t for t in tokens if not _PATRONYMIC.search(t)]
    if 2 <= len(short) < len(tokens):
        keys.add(" ".join(sorted(short)))
    return keys


def person_keys(names: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for name in names:
        keys |= name_keys(name)
    return keys
