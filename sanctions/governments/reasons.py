"""A short third-person statement of what a target did, as governments' lists print their
reasons (the UK's statement of reasons, the EU's reasons for listing)."""

from __future__ import annotations

from sanctions.governments.roles import role
from sanctions.governments.scope import Scope
from sanctions.model.targets import Target


def reasons(target: Target, scope: Scope) -> str:
    """Governments publish these texts, so nothing confidential goes in: no post or act that
    rests only on confidential evidence, no confidential incident, and no incident title or
    description that may name a victim whose identity is confidential."""
    name = target.name
    sentences = []
    posts = [p for p in target.posts if p.publishable]
    if posts:
        held = "; ".join(f"{p.title}, {p.org} ({p.dates()})" for p in posts)
        sentences.append(f"{name} held the following posts: {held}.")
    for act in target.acts:
        if act.violation_types and not set(act.violation_types) & scope.covered:
            continue
        if not act.publishable:
            continue
        verb = role(act.role).wording
        if act.victims_confidential:
            kinds = ", ".join(v.replace("_", " ") for v in act.violation_types)
            sentences.append(f"In an incident {act.at()} ({kinds}), {name} {verb}.")
        else:
            sentences.append(
                f"In {act.titled(place=True, quoted=True)}, {name} {verb}: {act.description}"
            )
    return " ".join(s if s.endswith((".", ".”", '."')) else s + "." for s in sentences)
