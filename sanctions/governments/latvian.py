"""Latvian-form names for the Latvian list, which prints ``Aleksandrs Bastrikins`` with the
original in brackets. Made only from a Russian Cyrillic original with a known gender; any other
name gets none, and the package notes say why (a wrong Latvian form would be a wrong name).

Which language an original is in is read from its letters first (ў is Belarusian; ї, є, ґ
Ukrainian; ә, ғ, қ, ң, ө, ұ, ү, һ Kazakh), then from the person's nationality: a Belarusian's
or a Ukrainian's name in letters Russian shares (``Алена Вымыслава``) may well be Belarusian or
Ukrainian, which Latvian spells by other rules, so it is not read as Russian.

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


# Letters only one of the languages uses, and the nationalities whose names may be in a
# language other than Russian though written in letters Russian shares.
LETTERS_OF = {"be": "ў", "uk": "їєґ", "kk": "әғқңөұүһ"}
LANGUAGE_NAMES = {"ru": "Russian", "be": "Belarusian", "uk": "Ukrainian", "kk": "Kazakh"}
NATIONAL = {"by": "be", "ua": "uk"}


def original_language(target: Target) -> str | None:
    """The language of the target's original-script name: ``ru`` only when nothing says
    otherwise; None when there is no Cyrillic original."""
    if not target.name_original:
        return None
    text = target.name_original[0].lower()
    if not any("\u0400" <= ch <= "\u04ff" for ch in text):
        return None
    for language, letters in LETTERS_OF.items():
        if any(ch in text for ch in letters):
            return language
    for country in target.nationality:
        if country in NATIONAL:
            return NATIONAL[country]
    if "і" in text:  # Belarusian, Ukrainian and Kazakh have it; Russian does not
        return "be/uk/kk"
    return "ru"


def why_no_form(target: Target, rules: LatvianRules) -> str | None:
    """Why the target's name gets no Latvian form, or None when it gets one."""
    if not target.name_original:
        return "no original-script name"
    language = original_language(target)
    if language is None:
        return "the original-script name is not Cyrillic"
    if language != "ru":
        said = " or ".join(LANGUAGE_NAMES.get(x, x) for x in language.split("/"))
        return f"the original may be {said}, which Latvian spells by its own rules"
    if target.gender not in ("male", "female"):
        return "no gender (Latvian endings depend on it)"
    if latvian_form(target, rules) is None:
        return "the original's parts could not be told apart (given name, patronymic, surname)"
    return None


def latvian_form(target: Target, rules: LatvianRules) -> str | None:
    """``Given Surname`` in Latvian spelling, from the target's Russian original-script name."""
    if target.gender not in ("male", "female") or not target.name_original:
        return None
    if original_language(target) != "ru":
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
