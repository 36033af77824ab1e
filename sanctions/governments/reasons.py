"""A short third-person statement of what a target did, as governments' lists print their
reasons (the UK's statement of reasons, the EU's reasons for listing)."""

from __future__ import annotations

from sanctions.governments.roles import role
from sanctions.governments.scope import Scope
from sanctions.model.attribution import kinds_as_said, quoted, who
from sanctions.model.targets import Target


def reasons(target: Target, scope: Scope) -> str:
    """Governments publish these texts, so nothing confidential goes in: no post or act that
    rests only on confidential evidence, no confidential incident, and no incident title,
    description or quoted passage that may name a victim whose identity is confidential. Each
    act is told in the source's words, and says whose account they are when they are not the
    source's own finding."""
    name = target.name
    sentences = []
    posts = [p for p in target.posts if p.publishable]
    if posts:
        held = "; ".join(f"{p.title}, {p.org} ({p.told()})" for p in posts)
        sentences.append(f"{name} held the following posts: {held}.")
    for act in target.own_acts:
        if act.violation_types and not set(act.violation_types) & scope.covered:
            continue
        if not act.publishable:
            continue
        verb = role(act.role).wording
        # The source's words say what the person did, and whose account they are; how the
        # conduct is classed is the submitting organisation's reading, and says so.
        by = who(act.anchor, named=not act.victims_confidential)
        if act.victims_confidential:
            kinds = kinds_as_said(act.violation_types, act)
            told = f", on the account of {by}" if by else ""
            sentences.append(
                f"In an incident {act.at()}, in the submitting organisation's assessment "
                f"{name} {verb} ({kinds}){told}."
            )
        elif act.anchor.quote:
            voice = f"according to {by}" if by else "the source states"
            sentences.append(
                f"In {act.titled(place=True, quoted=True)}, {voice}: {quoted(act.anchor)}"
            )
        else:
            sentences.append(
                f"In {act.titled(place=True, quoted=True)}, {name} {verb}: {act.description}"
            )
    return " ".join(s if s.endswith((".", ".”", '."')) else s + "." for s in sentences)
