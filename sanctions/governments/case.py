"""The case-strength test: what one act must show before a person is proposed under a limb.

A role and an incident decide which criterion an act could meet (``scope.py``); whether the
case is ready to put to a government is a question of what the sources show of that act. Each
element below is one thing an act must show, with the words the notes use when it is missing.
A government's file says which elements its standard asks for (``case:`` in
jurisdictions/<code>.yaml, every element named), and a limb may ask for more where its own
words require it (``case:`` under a criterion: Canada's s. 4(2)(a) reaches only violations
against people who seek to expose officials' wrongdoing or to exercise or defend human rights,
so an act there must show what its victims were doing); an act that lacks one grounds nothing there,
and the person, if no act passes, is "not ready" for that government: nothing about them goes
to it, and the notes, the review report and ``validate`` say what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sanctions.common import dates
from sanctions.model.targets import Act, Post, Target


def post_at_the_time(target: Target, act: Act) -> Post | None:
    """A post of the target shown held during the incident: its known dates overlap it (its
    start date known), or a source shows it held on a day within it (``as_of``)."""
    began = dates.first_day(act.date)
    ended = dates.last_day(act.end_date or act.date)
    for post in target.own_posts:
        if post.start is not None:
            if dates.first_day(post.start) <= ended and (
                post.end is None or dates.last_day(post.end) >= began
            ):
                return post
        elif post.as_of is not None and began <= dates.first_day(post.as_of) <= ended:
            return post
    return None


@dataclass(frozen=True)
class Element:
    """One thing an act must show. ``holds(target, act, tenure)``: ``tenure`` is whether the
    limb is a leader's or official's, which holds a person to account for a post."""

    key: str
    needs: str  # what is missing, as "the sources do not show …" ends in the notes and validate
    holds: Callable[[Target, Act, bool], bool]
    column: str = ""  # the incidents sheet's column it is read from, where it is one


ELEMENTS: dict[str, Element] = {
    e.key: e
    for e in (
        Element(
            "own_passage",
            "a quoted passage on the person's own act, naming them (not one about several "
            "officials together)",
            lambda t, a, tenure: bool(a.anchor.quote) and not a.collective and a.named,
        ),
        Element(
            "date",
            "the incident's date, to the month at least",
            lambda t, a, tenure: len(a.date) >= len("2020-01"),
            "date",
        ),
        Element("place", "the incident's place", lambda t, a, tenure: bool(a.place), "place"),
        Element(
            "victims",
            "the victims, named or marked confidential",
            lambda t, a, tenure: bool(a.victims) or a.victims_confidential,
            "victims",
        ),
        Element(
            "victim_activity",
            "what the victims were doing that the law protects (the incident's victim_activity)",
            lambda t, a, tenure: bool(a.victim_activity),
            "victim_activity",
        ),
        Element(
            "post_at_the_time",
            "a post held at the time of the incident, by its dates or as_of (a leader's or "
            "official's limb asks for one)",
            lambda t, a, tenure: not tenure or post_at_the_time(t, a) is not None,
        ),
        Element(
            "first_hand",
            "the act in a source the list holds itself, not only as cited in another",
            lambda t, a, tenure: not a.second_hand,
        ),
    )
}


def missing(asks: frozenset[str], target: Target, act: Act, tenure: bool) -> tuple[str, ...]:
    """The elements a government asks for that this act does not show, in ELEMENTS' order."""
    return tuple(
        key
        for key, element in ELEMENTS.items()
        if key in asks and not element.holds(target, act, tenure)
    )


def needs(keys: tuple[str, ...]) -> str:
    """What is missing, in words."""
    return "; ".join(ELEMENTS[key].needs for key in keys)
