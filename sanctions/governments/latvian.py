"""Latvian-form names for the Latvian list, which prints ``Aleksandrs Bastrikins`` with the
original in brackets. Made only from a Russian Cyrillic original with a known gender; any other
name gets none, and the package notes say so (a wrong Latvian form would be a wrong name).

The spelling rules are data, in the Latvian government's file (``latvian_names`` in its list
format): the letters of the Latvian transcription of Russian Cyrillic, and the Latvian
nominative endings masculine names take.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from normality import ascii_text
from pydantic import BaseModel, ConfigDict

from sanctions.model.targets import Target


class LatvianRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    letters: Mapping[str, str]  # each Russian letter, in Latvian spelling
    iotated: Mapping[str, str]  # the letters written with j at the start or after a vowel
    vowels: str
    signs: str  # the hard and soft signs
    masculine_endings: Mapping[str, str]  # a masculine name's ending, as Latvian writes it


def latvian_word(word: str, masculine: bool, r: LatvianRules) -> str | None:
    """One Russian word in Latvian spelling; None if it has a letter the rules do not cover."""
    lower = word.lower()
    if any(ch not in r.letters for ch in lower):
        return None
    tail = ""
    if masculine:
        for ending, latvian in r.masculine_endings.items():
            if lower.endswith(ending):
                lower, tail = lower[: -len(ending)], latvian
                break
        else:
            if lower[-1] not in r.vowels:
                tail = "s"
    out = []
    for i, ch in enumerate(lower):
        after_vowel = i == 0 or lower[i - 1] in r.vowels or lower[i - 1] in r.signs
        out.append(r.iotated[ch] if ch in r.iotated and after_vowel else r.letters[ch])
    text = "".join(out) + tail
    return text[:1].upper() + text[1:]


def same_start(word: str, latin: str) -> bool:
    """Whether a word in another script begins as a Latin one does (three letters)."""
    key = ascii_text(latin).lower()[:3]
    return bool(key) and ascii_text(word).lower().startswith(key)


# Russian (and Kazakh-in-Russian) patronymics end so: -ovich, -evna, -ich, -ichna, -uly, -kyzy.
PATRONYMIC_ENDINGS = ("вич", "вна", "ич", "чна", "улы", "кызы", "ұлы", "қызы")


@dataclass(frozen=True)
class OriginalName:
    given: str
    patronymic: str | None
    surname: str


def parts_of(original: str, first_name: str) -> OriginalName | None:
    """The given name, patronymic and surname of an original-script name, in whatever order it
    is written ("Масимов Карим Кажимканович"): the given name is the word that begins like the
    Latin one, the patronymic the word with a patronymic ending, the surname the one left."""
    words = original.split()
    givens = [w for w in words if same_start(w, first_name)]
    patronymics = [w for w in words if w.lower().endswith(PATRONYMIC_ENDINGS) and w not in givens]
    rest = [w for w in words if w not in givens and w not in patronymics]
    if len(givens) != 1 or len(patronymics) > 1 or len(rest) != 1:
        return None
    return OriginalName(givens[0], patronymics[0] if patronymics else None, rest[0])


def latvian_form(target: Target, rules: LatvianRules) -> str | None:
    """``Given Surname`` in Latvian spelling, from the target's Russian original-script name."""
    if target.gender not in ("male", "female") or not target.name_original:
        return None
    parts = parts_of(target.name_original[0], target.first_name or target.given)
    if parts is None:
        return None
    masculine = target.gender == "male"
    given = latvian_word(parts.given, masculine, rules)
    surname = latvian_word(parts.surname, masculine, rules)
    if given is None or surname is None:
        return None
    return f"{given} {surname}"
