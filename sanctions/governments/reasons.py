"""A short third-person statement of what a target did, as governments' lists print their
reasons (the UK's statement of reasons, the EU's reasons for listing, the reason columns of the
Baltic and Australian tables).

These texts are published by governments as they stand, so they are written in the register
of the real ones: the posts held, then what the sources say the person did, each act told in
the source's words with who says so. Never a caveat, an evidence-handling remark or an
internal label (a role, "dates not stated"): what the sources leave open is left out, not
remarked on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sanctions.common.mentions import GLUED, SOFT, forms, reads_as, words_of
from sanctions.governments.scope import Scope
from sanctions.model.attribution import quoted, told_within, who
from sanctions.model.targets import Act, Anchor, Post, Target

WITHHELD = "[name withheld]"


def reasons(target: Target, scope: Scope) -> str:
    """Nothing confidential goes in: no post or act that rests only on confidential evidence,
    no confidential incident; an incident whose victims are confidential is told without its
    title, and with their names withheld from the words quoted."""
    name = target.name
    sentences = []
    posts = [_post(p) for p in target.own_posts if p.publishable]
    if posts:
        held = "the following post" if len(posts) == 1 else "the following posts"
        sentences.append(f"{name} has held {held}: {'; '.join(posts)}.")
    acts = [
        a
        for a in target.own_acts
        if a.publishable
        and a.anchor.quote
        and not (a.violations and not set(a.violations) & scope.covered)
    ]
    for incident in dict.fromkeys(a.incident_id for a in acts):
        sentences.append(_incident([a for a in acts if a.incident_id == incident]))
    return " ".join(sentences)


def _post(post: Post) -> str:
    """``President, Presidency of X (from 2019)``, its dates as the letters give them
    (``Post.dates``): not "since", which would say the post is still held, what no source
    dated before today can show; no dates when no source gives them."""
    when = post.dates() if post.start or post.end or post.as_of else ""
    by = who(post.anchor)
    said = "; ".join(part for part in (when, f"according to {by}" if by else "") if part)
    return f"{post.title}, {post.org}" + (f" ({said})" if said else "")


def _incident(acts: Sequence[Act]) -> str:
    """One incident: where and when, then each act's passages with who gives them."""
    first = acts[0]
    if first.victims_confidential:
        head = f"In an incident {first.at()}"
    else:
        head = f"In connection with {first.titled(place=True, quoted=True)}"
    told = [_voice(a) + ": " + _words(a) for a in acts]
    sentence = f"{head}, {'; '.join(told)}"
    # a quotation that ends its own sentence ends this one: “… hearing.”, never “… hearing.”.
    return sentence if sentence.endswith((".”", "!”", "?”", ".")) else sentence + "."


def _voice(act: Act) -> str:
    """Who says it: the publishers for their own finding, or whose account as they report it."""
    by = who(act.anchor, named=not act.victims_confidential)
    if by is not None and not act.victims_confidential and told_within(act.anchor, by):
        by = None  # the passage names its teller itself
    publishers = _and(act.publishers)
    if by is None:
        return (
            f"{publishers} {'report' if len(act.publishers) > 1 else 'reports'}"
            if (publishers)
            else "a published source states"
        )
    return f"according to {by}" + (f", as reported by {publishers}" if publishers else "")


def _words(act: Act) -> str:
    """The quoted passages, with the victims' names withheld where they are confidential."""
    text = quoted(act.anchor)
    if act.victims_confidential:
        text = withhold(text, act.victims)
    return text


def withhold(text: str, names: Sequence[str]) -> str:
    """``text`` with every word that reads as a part (of three letters or more) of one of
    ``names`` replaced, in any case, script, romanisation or grammatical case ("ORAZOV",
    "S. Orazov", "Оразов", "Orasov", "Оразова"; ``common/mentions``). Withholding a word that
    happens to read as part of a name is the safer mistake."""
    wanted = [forms(word) for name in names for word in words_of(name) if len(word) >= 3]
    if not wanted:
        return text

    def named(piece: str) -> bool:
        said = forms(piece)
        return any(reads_as(said, w) for w in wanted)

    def replace(found: re.Match[str]) -> str:
        word = found.group(0)
        base = re.sub(r"['’ʼ]s$", "", word)  # "Orazov's": the name, then the possessive
        if named(base):
            return WITHHELD + word[len(base) :]
        pieces = GLUED.split(base)  # "#FreeOrazov", "SerikOrazov": the name inside
        if len(pieces) > 1 and any(named(p) for p in pieces):
            return "".join(WITHHELD if named(p) else p for p in pieces) + word[len(base) :]
        return word

    text = text.replace(SOFT, "")
    text = re.sub(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*", replace, text)
    return re.sub(rf"{re.escape(WITHHELD)}(\s+{re.escape(WITHHELD)})+", WITHHELD, text)


def _and(items: Sequence[str]) -> str:
    items = list(items)
    return (
        items[0]
        if len(items) == 1
        else ", ".join(items[:-1]) + " and " + items[-1]
        if items
        else ""
    )


__all__ = ["Anchor", "reasons", "withhold"]
