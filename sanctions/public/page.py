"""The publishable list: an HTML page and a workbook with names, posts, conduct and sources.

Nothing marked confidential goes in: confidential incidents and evidence are left out (and so is
a post or act whose quoted words only a confidential source holds: ``Act.publishable``), victims
marked confidential are not named (the conduct is then described without the incident's title),
and a person with no conduct left to publish is left out altogether, as is one whose case is
ready for no government (by the same case-strength test as the packages): a name is published
only with a case the list would put to some government. Every claim carries the
numbers of its own sources, so a document is never shown as a source for a claim it does not
support, and never as a source against the person it names as a victim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from sanctions.common import dates
from sanctions.common.data import templates_dir
from sanctions.common.writers import write_xlsx
from sanctions.governments.published import citable, left_off, victims_own
from sanctions.governments.registry import load as load_jurisdictions
from sanctions.governments.roles import role
from sanctions.governments.scope import reach
from sanctions.model.attribution import characterised, statement, who
from sanctions.model.public_cells import PUBLIC_CONTACT, PUBLISHER
from sanctions.model.targets import Act, Evidence, Target, act_key, by_incident

# list.xlsx: one row per statement (a post, an act, contrary information, a source), each with
# the person's names, so that it can be filtered and prints without rows taller than a page.
COLUMNS = ("Name", "Also written", "Kind", "Statement", "Sources")
# What every copy of the list says of itself, on the page and on the workbook's first sheet.
NOTICE = (
    "Each entry summarises what the public sources cited under it state about the official: "
    "the posts they held and the conduct attributed to them. The conduct described is alleged "
    "by those sources; it is not a finding of guilt by a court or a decision by any "
    "government. What a source or the official says that weighs against the case (a claim "
    'disputed, a step taken) is given under "Contrary information".'
)
METHOD = (
    "Entries are compiled only from the documents listed under each official; every post and "
    "every act carries the numbers of the sources that state it. Victims and witnesses whose "
    "identity is confidential are not named, and material received in confidence is left out."
)


def public_targets(
    targets: list[Target],
    evidence: dict[str, Evidence],
    victim_of: dict[str, set[str]] | None = None,
) -> list[dict[str, Any]]:
    """The entries of the public list. ``victim_of``: for a casefolded name, the evidence of the
    incidents in which that person is a victim, never cited against them."""
    victim_of = victim_of or {}
    out = []
    for full in targets:
        if left_off(full, evidence, victim_of) is not None:  # the one rule of who is shown
            continue  # judged as the packages judge, on all the list knows
        # shown as published: without what only confidential sources state
        target = full.as_published()
        own = victims_own(target, victim_of)
        sources: dict[str, None] = {}
        posts = [
            c
            for post in target.own_posts
            if post.publishable
            and (c := _claim(post.title + f", {post.org} ({post.told()})", post.evidence, evidence))
        ]
        shown = [
            (act, c)
            for act in target.own_acts
            # conduct: not a list of officials the person is named in, nor an open letter's
            # addressee, which tell no act of theirs (``reach``: none of its violations)
            if act.publishable
            and reach(act)
            and (
                # the act's own sources: a document about the incident need not name the person
                c := _claim(public_line(act, titled=False), act.evidence, evidence, own)
            )
        ]
        # the acts in one incident together, the incident named before the first of them
        in_turn = by_incident(shown, lambda pair: pair[0])
        shown = [pair for pairs in in_turn for pair in pairs]
        for acts in in_turn:
            for n, (act, claim) in enumerate(acts):
                # each line's incident, for a row that stands alone (the data files)
                claim["incident"] = "" if act.victims_confidential else act.titled()
                claim["title"] = claim["incident"] if n == 0 else ""
        conduct = [c for _, c in shown]
        contrary = _contrary(target, evidence)
        for item in (*posts, *conduct, *contrary):
            sources.update(dict.fromkeys(item["ids"]))
        if not conduct:
            continue
        ordered = sorted(sources, key=lambda e: evidence[e].number)
        number = {eid: i for i, eid in enumerate(ordered, start=1)}
        for item in (*posts, *conduct, *contrary):
            numbers = sorted(number[e] for e in item.pop("ids"))
            item["cites"] = f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""
        out.append(
            {
                "name": target.name,
                "anchor": target.person_id,
                "aliases": "; ".join(target.aliases),
                "posts": posts,
                "conduct": conduct,
                "contrary": contrary[0]["text"] if contrary else "",
                "contrary_cites": contrary[0]["cites"] if contrary else "",
                "sources": [_source(evidence[e], evidence) for e in ordered],
                # which rows the entry shows, for the publishable entities to hold no more
                "acts": [
                    act_key(target.person_id, a.incident_id, a.role, a.anchor) for a, _ in shown
                ],
            }
        )
    return out


# A sentence's end: its full stop, question or exclamation mark, and any closing marks after it.
_ENDED = re.compile(r"[.!?…][”’\"»)\]]*$")


def sentence(text: str) -> str:
    """The text as a sentence: a full stop added only where it has no end of its own ("…
    denying the truth.”" is not given another)."""
    text = text.rstrip()
    return text if _ENDED.search(text) else f"{text}."


def public_line(act: Act, titled: bool = True) -> str:
    """The act as a text that may be published tells it: in the source's own words with whose
    account they are; without the incident's title and the passage when the victims are
    confidential, since either may name them. Not ``titled``: without the incident's title
    (the page names the incident once, before the person's acts in it)."""
    if act.victims_confidential:
        kinds = characterised(act.violations, act, named=False)
        by = who(act.anchor, named=False)
        told = f", according to {by}" if by else ""
        return f"{role(act.role).label.capitalize()} in an incident {act.at()} ({kinds}){told}."
    if act.anchor.quote:
        # the list's account with its caveats, then the source's words and whose they are
        said = statement(act.anchor, "")
        # the description left out where its quoted words only confidential copies hold
        own = f"{sentence(act.description)} " if act.description else ""
        told = f"{own}In the source's words: {said}."
    else:
        told = act.description or f"{role(act.role).label.capitalize()}."
    return f"{act.titled()}: {told}" if titled else told


def _contrary(target: Target, evidence: dict[str, Evidence]) -> list[dict[str, Any]]:
    """What weighs against the case, with its public sources. Shown whenever it is typed and
    published (``Target.as_published``: not when only confidential sources state it)."""
    if not target.exculpatory:
        return []
    if not target.exculpatory_evidence_ids:
        return [{"text": target.exculpatory, "ids": []}]
    claim = _claim(target.exculpatory, target.exculpatory_evidence_ids, evidence)
    return [claim] if claim is not None else []


def _claim(
    text: str, ids: Iterable[str], evidence: dict[str, Evidence], against: set[str] | None = None
) -> dict[str, Any] | None:
    """A claim with its public sources; none when nothing public supports it. ``against``:
    documents that may not be cited for it (those in which the person is the victim)."""
    public = citable(ids, evidence, against)
    return {"text": text, "ids": public} if public else None


def _source(item: Evidence, evidence: dict[str, Evidence]) -> dict[str, Any]:
    through = evidence.get(item.known_through or "")
    if through is not None and through.confidential:  # neither its title nor its address
        through = None
    return {
        "id": item.evidence_id,
        "file": item.file,
        "title": item.shown_title,
        "publisher": item.publisher,
        "published": dates.in_words(item.published) if item.published else None,
        "url": item.url,
        "archive_url": item.archive_url,
        "held": bool(item.file),
        "cited_in": through.shown_title if through is not None else None,
        "cited_in_url": through.url if through is not None else None,
        "cited_in_file": through.file if through is not None else None,
    }


def _statements(entry: dict[str, Any]) -> list[tuple[str, str, str]]:
    """One person's entry as (kind, text, sources) rows, in the page's order."""
    out = [("Post", p["text"], p["cites"]) for p in entry["posts"]]
    out += [
        ("Conduct", f"{c['incident']}: {c['text']}" if c["incident"] else c["text"], c["cites"])
        for c in entry["conduct"]
    ]
    if entry["contrary"]:
        out.append(("Contrary information", entry["contrary"], entry["contrary_cites"]))
    for i, source in enumerate(entry["sources"], start=1):
        cited = f" (cited in {source['cited_in']})" if source["cited_in"] else ""
        address = f" {source['url']}" if source["url"] else ""
        by = f", {source['publisher']}" if source["publisher"] else ""
        when = f" ({source['published']})" if source["published"] else ""
        out.append(("Source", f"{source['title']}{by}{when}{address}{cited}", f"[{i}]"))
    return out


def public_sources(entries: Iterable[dict[str, Any]], evidence: dict[str, Evidence]) -> list[str]:
    """The evidence IDs the public list shows (and the documents they are known through): never
    a confidential one, so that its local copy is never published."""
    shown = {source["id"] for entry in entries for source in entry["sources"]}
    shown |= {t for i in shown if (t := evidence[i].known_through) and t in evidence}
    return sorted(i for i in shown if not evidence[i].confidential)


def write_public(
    folder: Path,
    title: str,
    submitter: dict[str, str],
    entries: list[dict[str, Any]],
    gaps: list[dict[str, str]] | None = None,
    date: str | None = None,
    copies: Iterable[str] = (),
    draft: str | None = None,
) -> None:
    """``gaps``: the gap matrix rows of the persons in ``entries``, after a screening;
    ``date``: the ISO date the list is published (never the wall clock, so builds repeat);
    ``copies``: the file names of the sources whose copies are in the folder's evidence/, each
    linked where the page names it (a source's own, or the one it is known through);
    ``draft``: why the list is not yet to be published (a draft export), said at its top."""
    folder.mkdir(parents=True, exist_ok=True)
    held = set(copies)
    for entry in entries:
        for source in entry["sources"]:
            source["local_copy"] = f"evidence/{source['file']}" if source["file"] in held else None
            through = source.get("cited_in_file")
            source["cited_in_copy"] = f"evidence/{through}" if through in held else None
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    governments = [(code, j.name) for code, j in load_jurisdictions().items()]
    html = env.get_template("public.html").render(
        title=title,
        draft=draft,
        notice=NOTICE,
        method=METHOD,
        targets=entries,
        submitter=submitter,
        gaps=gaps,
        governments=governments,
        date=dates.in_words(date) if date else None,
    )
    (folder / "index.html").write_text(html, encoding="utf-8")
    rows = [
        {
            "Name": e["name"],
            "Also written": e["aliases"],
            "Kind": kind,
            "Statement": text,
            "Sources": cites,
        }
        for e in entries
        for kind, text, cites in _statements(e)
    ]
    publisher = submitter.get(PUBLISHER)
    said = [
        title,
        *([f"Draft, not for publication: {draft}."] if draft else []),
        f"Published by {publisher}." if publisher else "Publisher not named.",
        f"Date: {dates.in_words(date)}." if date else "Date not stated.",
        f"Allegations, not findings. {NOTICE}",
        f"Method. {METHOD}",
        "The sheet 'list' has one row per statement: a post, an act, contrary information or a "
        "source, each with the person's names; the numbers in Sources are those of the "
        "person's Source rows.",
    ]
    if submitter.get(PUBLIC_CONTACT):
        said.append(f"Corrections: {submitter[PUBLIC_CONTACT]}")
    about = ("About this list",)
    write_xlsx(
        folder / "list.xlsx",
        {"about": (about, [{about[0]: line} for line in said]), "list": (COLUMNS, rows)},
        page_headers={"list": f"{title}: allegations by the sources cited, not findings"},
    )
