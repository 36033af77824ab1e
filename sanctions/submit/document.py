"""The Word submission of one package, rendered from templates/submission.docx.

The template holds the wording (an editor can change it in Word); this module gives it, per
target, the identification, posts and conduct with numbered evidence references, the criteria
the conduct meets, and the designations by other governments found by screening.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Mm

from sanctions.check.completeness import REQUIRED_SUBMITTER_KEYS
from sanctions.common import dates
from sanctions.common.countries import country_name
from sanctions.common.data import templates_dir
from sanctions.common.spelling import spelled
from sanctions.governments.arguments import arguments_for
from sanctions.governments.registry import codes, get
from sanctions.governments.roles import role, worded
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import Ground, Scope
from sanctions.model.attribution import basis, kind_words, kinds_as_said, statement, who
from sanctions.model.targets import Act, Evidence, Target, by_incident, latest_of
from sanctions.submit.letter import Letter, letters_jinja
from sanctions.submit.relied import Relied
from sanctions.tracking.designations import (
    allied,
    allies_found,
    designations_elsewhere,
    screening_note,
)
from sanctions.tracking.screening import Screening
from sanctions.workbook.accounts import teller


def template_path(code: str | None = None) -> Path:
    """The government's own template, ``templates/<code>.docx``, where an editor has made one;
    otherwise the shared ``templates/submission.docx``. The wording lives in the templates and
    what differs between governments lives in jurisdictions/<code>.yaml, so one shared
    template serves all eight until an organisation wants one government's letter to differ."""
    if code is not None and (own := templates_dir() / f"{code}.docx").is_file():
        return own
    return templates_dir() / "submission.docx"


def cites(ids: Iterable[str], evidence: dict[str, Evidence]) -> str:
    numbers = sorted({evidence[i].number for i in ids if i in evidence})
    return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""


def cites_held(ids: Iterable[str], evidence: dict[str, Evidence]) -> str:
    """The sources cited for a fact, as every sentence of a letter cites them: one known only
    through another is read in that one's copy, and says so: ``[4]; [3], as cited in [2]``
    (a bare ``[3]`` sent the reader to a document the package does not hold). Cited, not
    quoted: the other may only mention it (a report that "points out these cases" of a
    resolution does not quote it)."""
    ids = list(dict.fromkeys(ids))
    own = [i for i in ids if i in evidence and (evidence[i].file or not evidence[i].known_through)]
    quoted = [
        f"{cites([i], evidence)}, as cited in {cites([through], evidence)}"
        for i in ids
        if i in evidence
        and i not in own
        and (through := evidence[i].known_through or "")
        and through in evidence
    ]
    return "; ".join([cites(own, evidence)] * bool(own) + quoted)


def _target_context(
    target: Target,
    found: Scope,
    number: int,
    evidence: dict[str, Evidence],
    jurisdiction: Jurisdiction,
    holders: Mapping[str, Sequence[str]],
    governments: Sequence[str],
) -> dict[str, Any]:
    """``governments``: every government's code, in order (asked once per letter)."""
    locale, family = jurisdiction.locale, jurisdiction.family

    def cite_of(act_evidence: Sequence[str]) -> Callable[[str], str]:
        """Each passage cited to the source whose copy holds it, else to the row's sources."""
        return lambda text: (
            cites_held(held, evidence)
            if (held := holders.get(text))
            else cites_held(act_evidence, evidence)
        )

    # the person's acts, those in one incident together, in the order the incidents come; in
    # one, those that may be published first, so that the incident named before the first is
    # never named only inside a paragraph marked confidential
    in_turn = {
        acts[0].incident_id: sorted(acts, key=lambda act: not act.publishable)
        for acts in by_incident(target.own_acts, lambda act: act)
    }
    by = teller(target.identity_account, target.identity_account_by)
    identified = " ".join(
        part
        for part in (
            f"(according to {by})" if by else "",
            cites_held(target.identity_evidence_ids, evidence),
        )
        if part
    )
    return {
        "number": number,
        "name": target.name,
        "surname": target.surname,
        "given": target.given,
        "aliases": "; ".join(target.aliases),
        "original_names": "; ".join(target.name_original),
        "birth_date": dates.in_words(target.birth_date, locale) if target.birth_date else None,
        "birth_place": target.birth_place,
        "nationality": " ".join(
            part
            for part in ("; ".join(country_name(c) for c in target.nationality), identified)
            if part and target.nationality
        ),
        "gender": target.gender,
        "id_numbers": "; ".join(target.id_numbers),
        # whose the identifying details are and their sources, beside those they state
        "birth_cites": identified if target.birth_date or target.birth_place else "",
        "id_cites": identified if target.id_numbers else "",
        "posts": [
            {
                "title": p.title,
                "org": p.org,
                "dates": p.told(locale),
                "cites": cites_held(p.evidence, evidence),
                "confidential": not p.publishable,
            }
            for p in target.own_posts
        ],
        "acts": [
            {
                "incident": a.incident,
                "titled": a.titled(locale, place=True),
                "date": a.when(locale),
                "place": a.place,
                "description": a.description,
                "cites": cites_held(a.evidence, evidence),
                "words": ("CONFIDENTIAL. " if not a.publishable else "")
                + statement(a.anchor, "", cite=cite_of(a.evidence)),
                "summary": a.summary,
                "incident_cites": cites_held(a.incident_evidence, evidence),
                "victims": "; ".join(a.victims),
                "confidential": not a.publishable,
                "victims_confidential": a.victims_confidential,
                # an incident is named once, before the first of the person's acts in it,
                # and what happened is told once, after the last
                "first": a is in_turn[a.incident_id][0],
                "last": a is in_turn[a.incident_id][-1],
            }
            for a in (act for acts in in_turn.values() for act in acts)
        ],
        "criteria": [{"id": c.id, "text": c.text} for c in found.criteria],
        "criteria_ids": "; ".join(c.short for c in found.criteria),
        "grounds": [
            ground_line(g, locale, evidence, cite_of(g.act.evidence)) for g in found.grounds
        ],
        "position": _summary_position(target),
        "key_conduct": "; ".join(
            " ".join(part for part in (titled, cites_held(ids, evidence)) if part)
            + (f" ({told})" if told else "")
            for titled, ids, told in _by_incident([g.act for g in found.grounds], locale)
        ),
        "covered": ", ".join(sorted(v.replace("_", " ") for v in found.covered)),
        "uncovered": ", ".join(sorted(v.replace("_", " ") for v in found.uncovered)),
        "exculpatory": " ".join(
            filter(
                None, (target.exculpatory, cites_held(target.exculpatory_evidence_ids, evidence))
            )
        )
        or None,
        "ties": "; ".join(target.ties_to(jurisdiction.code, governments)) or None,
        "arguments": [
            {
                "title": made.argument.title,
                "lines": list(made.lines),
                "placeholder": made.placeholder if made.missing else "",
            }
            for made in arguments_for(
                jurisdiction, target, found, lambda ids: cites_held(ids, evidence)
            )
        ],
        "family": [
            f"{name} ({RELATIVE_WORDS.get(relationship, relationship.replace('_', ' '))})"
            + (f" {cited}" if (cited := cites_held(ids, evidence)) else "")
            for relationship, name, ids in target.relations
            if family is not None and relationship in family.relationships and name
        ],
    }


def _summary_position(target: Target) -> str:
    """The summary table's position: the one lists would print, or, where every post rests on
    confidential evidence, the latest of those, marked as the chapter marks it."""
    if target.position:
        return target.position
    post = latest_of(target.own_posts)
    if post is None:
        return ""
    return f"CONFIDENTIAL. {post.as_position()}"


# What a relative is to the person, in words: the vocabulary's codes joined two choices.
RELATIVE_WORDS = {"nephew_niece": "nephew or niece", "uncle_aunt": "uncle or aunt"}


@dataclass(frozen=True)
class Letterhead:
    """Whether the document is a draft, and the ISO date it carries."""

    draft: bool = False
    date: str | None = None


# What a draft prints where the submitter sheet is empty: visible, never a blank.
PLACEHOLDERS = {
    "organisation": "[submitting organisation]",
    "contact_person": "[contact person]",
    "description": "[a few lines on the organisation]",
}
PAPER = {"A4": (Mm(210), Mm(297)), "letter": (Inches(8.5), Inches(11))}
MARGIN = Mm(25)


def to_complete(submitter: dict[str, str], letterhead: Letterhead) -> list[str]:
    """What the submitter sheet still lacks: the keys a filing copy needs (the check's one
    list of them), then what the draft shows in brackets though a filing copy can do without
    it."""
    needed = [
        "date (--date, or the submitter sheet)" if key == "date" else f"{key} (submitter sheet)"
        for key in REQUIRED_SUBMITTER_KEYS
        if not (letterhead.date if key == "date" else submitter.get(key))
    ]
    optional = [
        f"{key.replace('_', ' ')} (optional; the draft shows {placeholder})"
        for key, placeholder in PLACEHOLDERS.items()
        if key not in REQUIRED_SUBMITTER_KEYS and not submitter.get(key)
    ]
    return needed + optional


def letter_fields(
    submitter: dict[str, str], letterhead: Letterhead, jurisdiction: Jurisdiction
) -> tuple[dict[str, str], str]:
    """The submitter's details and the date as the document prints them."""
    shown = dict(submitter)
    if letterhead.draft:
        for key, placeholder in PLACEHOLDERS.items():
            shown[key] = shown.get(key) or spelled(placeholder, jurisdiction.locale)
    date = dates.in_words(letterhead.date, jurisdiction.locale) if letterhead.date else "[date]"
    return shown, date


def _by_incident(acts: Sequence[Act], locale: str) -> list[tuple[str, list[str], str]]:
    """Each incident the proposal rests on once, as the summary table names it, with the
    sources of the person's acts in it, and whose account they rest on where it is not the
    sources' own finding ("on the account of …", "in part on the account of …").

    No role: a label beside an incident's title reads as the person's part in all of it ("Death
    of Serik Orazov … perpetrated", of an officer the source says held the man by force before
    he died); the Why lines give the part, as the organisation's assessment, beside the words
    relied on. Nor an act that grounds nothing (a list of officials the person is named in)."""
    grouped: dict[str, list[Act]] = {}
    for act in {id(act): act for act in acts}.values():  # one act may ground two criteria
        grouped.setdefault(act.incident_id, []).append(act)
    titles = Counter(own[0].titled(locale) for own in grouped.values())
    found: list[tuple[str, list[str], str]] = []
    for own in grouped.values():
        # two incidents of one title and date (rallies dispersed the same day in two towns)
        # are told apart by their places
        titled = own[0].titled(locale)
        titled = own[0].titled(locale, place=True) if titles[titled] > 1 else titled
        ids = list(dict.fromkeys(e for act in own for e in (*act.evidence, *act.incident_evidence)))
        tellers = list(dict.fromkeys(t for act in own if (t := basis(act.anchor))))
        told = ""
        if tellers:
            part = "" if all(who(act.anchor) for act in own) else "in part "
            told = f"{part}on {' and '.join(tellers)}"
        found.append((titled, ids, told))
    return found


def ground_line(
    ground: Ground,
    locale: str,
    evidence: dict[str, Evidence],
    cite: Callable[[str], str] | None = None,
) -> str:
    """Which limb and why, from the person's own act as its passage states it: whose account it
    is, the words relied on, the role, the incident, the post held at the time, and whether the
    violations are the source's words or the submitting organisation's assessment."""
    act = ground.act
    source = cites(act.evidence, evidence)
    said = statement(act.anchor, source, cite=cite)
    held = ""
    if ground.post is not None:
        post = ground.post
        held = f", while holding the post {post.title}, {post.org} ({post.told(locale)}),"
    victims = f" Victims: {'; '.join(act.victims)}." if act.victims else ""
    if act.victims_confidential:
        victims = " The victims' identities are confidential."
    # The role and the violations are the organisation's reading of the passage, and say so;
    # the passage, with whose account it is, is the evidence. An assessment that rests on
    # somebody's account (a victim's, a relative's) says so before it says anything of the
    # person, as the conduct section does; and the violations are the incident's, which the
    # person's act is in, not a name for the act itself (an officer who held a man by force
    # before he died is not said to have killed him).
    rests = basis(act.anchor)
    based = f", based on {rests}," if rests else ","
    did, ends = worded(act.role, act.titled(locale, place=True, quoted=True))
    # where the row says the act is part of only some of the incident's violations, the
    # incident is still told whole, and the person's part in it as the row narrows it
    narrowed = set(act.violations) != set(act.violation_types)
    kinds = kinds_as_said(
        act.violation_types if narrowed else ground.reach, act, source or "the source"
    )
    # what came after (a cover-up, an inquiry obstructed) is no part in the violation: it
    # concerns it
    part = (
        (
            f"; the person's act concerns its {kind_words(sorted(ground.reach))}"
            if role(act.role).after
            else f"; the person's part in it, as the sources show it, is in its "
            f"{kind_words(sorted(ground.reach))}"
        )
        if narrowed
        else ""
    )
    text = (
        f"{ground.criterion.short}: in the {spelled('submitting organisation', locale)}'s "
        f"assessment{based} the person{held} {did}"
        + (
            f", an incident involving {kinds}{part}."
            if ends
            else f". The incident involved {kinds}{part}."
        )
    )
    relied = (
        f" The passage relied on: {said}."
        if len(act.anchor.quote) == 1
        else (f" The passages relied on: {said}.")
    )
    return f"{text}{relied}{victims}" if said else f"{text}{victims}"


def _evidence_context(
    item: Evidence, locale: str, evidence: dict[str, Evidence], copies: Collection[str] = ()
) -> dict[str, Any]:
    """An evidence index entry, its date written out, the entry it is known through, and where
    the package holds its copy."""
    through = evidence.get(item.known_through or "")
    held = PurePosixPath(item.file.replace("\\", "/")).as_posix() if item.file else None
    return {
        "cited_in": through.number if through is not None else None,
        "number": item.number,
        "evidence_id": item.evidence_id,
        "title": item.shown_title,
        "publisher": item.publisher,
        "published": dates.in_words(item.published, locale) if item.published else None,
        "url": item.url,
        "archive_url": item.archive_url,
        "sha256": item.sha256,
        "file": held if held in copies else None,  # its copy in the package, evidence/…
        "confidential": item.confidential,
    }


def _pinpointed(item: Evidence, lines: list[str], evidence: dict[str, Evidence]) -> list[str]:
    """The passages relied on in a source, as the index lists them under it. A source known
    only as cited in another is read in that one's copy, and its locators point there: "in
    [2], para. 8: …", not "para. 8" of a document the reader was never given."""
    through = evidence.get(item.known_through or "")
    if item.file or through is None:
        return lines
    where = f"in {cites([through.evidence_id], evidence)}"
    secret = "CONFIDENTIAL. "
    return [
        f"{secret}{where}, {line.removeprefix(secret)}"
        if line.startswith(secret)
        else f"{where}, {line}"
        for line in lines
    ]


def render_submission(
    path: Path,
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
    cited: Sequence[Evidence],
    evidence: dict[str, Evidence],
    submitter: dict[str, str],
    screening: Screening | None,
    letterhead: Letterhead | None = None,
    history: dict[str, str] | None = None,
    followed: dict[str, list[str]] | None = None,
    relied: Relied | None = None,
    copies: Collection[str] = (),
) -> None:
    """``inside``: the targets proposed, with their scope (nobody else is named: who is not
    proposed, and why, is for the submitter's notes); ``cited``: the evidence they cite,
    numbered as the package's exhibits;
    ``relied``: the passages relied on in each source, for the evidence index, and the source
    that holds each, for the sentences that quote them;
    ``history``: person_id -> what the summary says of a target submitted before;
    ``followed``: person_id -> where the government this one follows stands (Switzerland's
    letter says what the European Union has done); ``copies``: the names of the copies the
    package holds under evidence/, which the index names."""
    letterhead = letterhead or Letterhead()
    relied = relied or Relied()
    shown, date = letter_fields(submitter, letterhead, jurisdiction)
    used = {found.regime.id for _, found in inside if found.regime is not None}
    governments = codes()
    document = Letter(template_path(jurisdiction.code), jurisdiction.locale)
    page_setup(document, jurisdiction)  # in the body's section properties, rendered with it
    document.render(
        {
            "jurisdiction": jurisdiction,
            "follows": get(jurisdiction.follows) if jurisdiction.follows else None,
            "regimes": [r for r in jurisdiction.regimes if r.id in used]
            or list(jurisdiction.regimes[:1]),
            "allies_note": jurisdiction.allies_note
            if allies_found(screening, inside, jurisdiction)
            else "",
            "submitter": shown,
            "date": date,
            "draft": letterhead.draft,
            "family": jurisdiction.family,
            "targets": [
                {
                    **_target_context(t, s, n, evidence, jurisdiction, relied.holders, governments),
                    "designations": found,
                    # A follower's letter says in one place where the followed government
                    # stands, and says once that the list was not screened.
                    "designations_note": ""
                    if jurisdiction.follows and screening is None
                    else screening_note(screening, found),
                    "history": (history or {}).get(t.person_id),
                    "followed": (followed or {}).get(t.person_id, []),
                }
                for n, (t, s) in enumerate(inside, start=1)
                for found in [
                    [
                        d
                        for d in designations_elsewhere(screening, t, jurisdiction)
                        if d["code"] != jurisdiction.follows
                    ]
                ]
            ],
            "allied": allied(screening, inside, jurisdiction),
            "evidence": [
                _evidence_context(e, jurisdiction.locale, evidence, copies)
                | {"passages": _pinpointed(e, relied.lines.get(e.evidence_id, []), evidence)}
                for e in cited
            ],
            "confidential": confidential_items(inside, cited, jurisdiction.locale),
        },
        jinja_env=letters_jinja(),
        autoescape=True,
    )
    describe(document, jurisdiction, submitter)
    document.write(path, letterhead.date)


def page_setup(document: Letter, jurisdiction: Jurisdiction) -> None:
    """The government's paper and language."""
    width, height = PAPER[jurisdiction.paper]
    for section in document.docx.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
    defaults = document.docx.styles.element.find(qn("w:docDefaults"))
    run_props = (
        defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    )
    if run_props is not None:
        lang = run_props.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            run_props.append(lang)
        lang.set(qn("w:val"), jurisdiction.locale)


def describe(document: Letter, jurisdiction: Jurisdiction, submitter: dict[str, str]) -> None:
    """Document properties that say what it is (set once the template's own are rendered,
    so that nothing in them is read as a template tag)."""
    properties = document.docx.core_properties
    properties.title = jurisdiction.title
    properties.author = properties.last_modified_by = submitter.get("organisation") or ""
    properties.language = jurisdiction.locale
    properties.comments = ""
    properties.subject = f"Sanctions submission to {jurisdiction.authority}"


# How the confidentiality page names a cell a published output leaves out, where its
# column's name does not say it.
CELL_WORDS = {
    "start": "start date",
    "end": "end date",
    "as_of": "date in post",
    "id_numbers": "ID numbers",
    "exculpatory": "contrary information",
}


# A line of the page on what only confidential evidence states of a person, post or incident,
# as the letter gives it: a published list gives less of it, or nothing.
SECRET_CELLS = "Stated (as given here) only by confidential evidence, not to be published: "


def _cells(published: dict[str, Any]) -> str:
    """``birth date and ID numbers``: the cells only confidential evidence states."""
    said = [CELL_WORDS.get(name, name.replace("_", " ")) for name in published]
    return f"{', '.join(said[:-1])} and {said[-1]}" if len(said) > 1 else said[0]


def confidential_items(
    inside: Sequence[tuple[Target, Scope]], cited: Sequence[Evidence], locale: str = "en-GB"
) -> list[str]:
    """The confidentiality page: every confidential incident, victim and evidence item; the
    page is left out when there is none."""
    lines: dict[str, None] = {}

    def when(act: Act) -> str:
        return act.when(locale)

    for target, _ in inside:
        if target.published:
            lines[f"{SECRET_CELLS}{target.name}'s {_cells(target.published)}"] = None
        for post in target.own_posts:
            if not post.publishable:
                lines[f"Post resting on confidential evidence: {post.title}, {post.org}"] = None
            elif post.published:
                post_of = f"the post {post.title}, {post.org}"
                lines[f"{SECRET_CELLS}{_cells(post.published)} of {post_of}"] = None
        for act in target.own_acts:
            if act.publishable and act.published:
                told = f"{_cells(act.published)} of {act.incident} ({when(act)})"
                lines[f"{SECRET_CELLS}{told}"] = None
            if act.confidential:
                lines[f"Incident: {act.incident} ({when(act)})"] = None
            elif not act.publishable:
                lines[f"Conduct resting on confidential evidence: {act.incident} ({when(act)})"] = (
                    None
                )
            if act.victims_confidential:
                names = "; ".join(act.victims) or "not named in this submission"
                lines[f"Victims of {act.incident} ({when(act)}), not to be identified: {names}"] = (
                    None
                )
    for e in cited:
        if e.confidential:
            lines[f"Evidence [{e.number}] {e.shown_title}"] = None
    return list(lines)
