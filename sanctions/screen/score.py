"""A score, and the words the scorer adds to its explanation where a rule of its own moved it.

Apart from the scorer (``scoring``), which imports followthemoney and nomenklatura, so that
what reads a score (the report's doubts, the scores kept between screenings) does not import
them: a screening whose pairs were all scored before never needs the scorer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    score: float
    name: str  # the reference name that matched best, as the reference writes it
    explanation: str


# The rules these name are in ``scoring``, each beside its penalty or its score.
GENERATIONS = "generational suffix differs: a father and son of one name?"
OTHER_SURNAME = (
    "surname differs, same given name, patronymic and birth date (a maiden or married name?)"
)
SPELLED_OTHERWISE = "same birth date, the name spelled otherwise"
BURMESE_SYLLABLE = ", one Burmese syllable whose final nasal is spelled two ways"
RELATIVE = "the listed name has a given name this one lacks, before all of its words"
