"""One person as their page of the review report shows them.

Everything the sign-off needs in one place: who they are, the posts (on a timeline), each act
with the incident and the evidence for both, where each government's law would place them and
why, what screening found and what was already sent, contrary information and relatives.
Confidential items are kept and marked, never dropped: this page is for the reviewers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sanctions.common import dates
from sanctions.common.countries import country_name
from sanctions.governments.registry import codes
from sanctions.governments.roles import role
from sanctions.governments.schema import Jurisdiction
from sanctions.model.rows import RelationRow
from sanctions.model.targets import RELATIVE_IS, Act, Evidence, Target
from sanctions.review import timeline
from sanctions.review.findings import FindingLine
from sanctions.review.sources import Cited, Source, cite, describe, only_confidential
from sanctions.tracking.history import Histories
from sanctions.tracking.screening import Screening
from sanctions.tracking.selection import standing
from sanctions.workbook.layout import load_layout


@dataclass(frozen=True)
class PostLine:
    title: str
    org: str
    dates: str  # in words
    undated: bool
    as_of: str | None  # in words, beside known dates (without them, ``dates`` says it)
    cites: tuple[Cited, ...]
    confidential: bool  # rests on confidential evidence alone
    context: str = ""  # why the post is not told as the person's, when it is not


@dataclass(frozen=True)
class ActLine:
    incident_id: str
    title: str
    when: str
    place: str | None
    violations: tuple[str, ...]
    role: str
    role_meaning: str
    description: str
    summary: str
    victims: tuple[str, ...]
    victims_confidential: bool
    victim_activity: str | None
    pattern: str | None
    consequences: str | None
    confidential: bool  # the incident is
    cites: tuple[Cited, ...]  # the involvement's evidence
    incident_cites: tuple[Cited, ...]
    context: str = ""  # why the act grounds nothing whatever its role, when it does not

    @property
    def evidence_confidential(self) -> bool:
        return only_confidential(self.cites)


@dataclass(frozen=True)
class GroundLine:
    criterion: str
    act: str
    role: str
    reaches: str
    post: str | None  # for a limb that needs a post held at the time


@dataclass(frozen=True)
class GovernmentLine:
    code: str
    name: str
    outcome: str  # a key of OUTCOMES
    regime: str | None
    criteria: tuple[tuple[str, str], ...]  # (short name, text)
    grounds: tuple[GroundLine, ...]
    reason: str  # why not, or what stops the proposal
    note: str  # a weaker screening match, to confirm


# What a government's package would do with the person, in words the page shows.
OUTCOMES = {
    "proposed": "in scope: proposed",
    "in_scope": "in scope (would be proposed if the status were proposed)",
    "not_covered": "not covered",
    "not_ready": "not ready: nothing about the person goes to this government",
    "unsettled": "in scope: held back until it is known where the government it follows stands",
    "elsewhere": "not for this government",
    "recorded": "already designated (submissions sheet): not proposed again",
    "screened": "already designated (screening): not proposed again",
}


@dataclass(frozen=True)
class DesignationLine:
    government: str
    program: str
    listed: str
    ended: str
    active: bool
    matched_name: str
    ref_id: str
    score: str
    to_confirm: str  # '' when the match is taken as the same person
    listing: bool = True  # False: a record the data names no listing for (no Sanction entity)


@dataclass(frozen=True)
class StepLine:
    government: str
    status: str
    date: str
    reference: str
    notes: str


@dataclass(frozen=True)
class RelativeLine:
    relation: str  # what the relative is to the person, or the person to them
    name: str
    page: str | None  # the relative's page, when they are on the list
    cites: tuple[Cited, ...]
    inverse: bool  # recorded on the relative's row, naming this person


@dataclass(frozen=True)
class PersonPage:
    person_id: str
    page: str  # path from the report folder
    name: str
    status: str
    identification: tuple[tuple[str, str], ...]
    summary: str | None
    timeline: str | None  # inline SVG
    posts: tuple[PostLine, ...]
    acts: tuple[ActLine, ...]
    governments: tuple[GovernmentLine, ...]
    designations: tuple[DesignationLine, ...]
    screened: bool
    history: tuple[StepLine, ...]
    exculpatory: str | None
    relatives: tuple[RelativeLine, ...]
    sources: tuple[Source, ...]
    findings: tuple[FindingLine, ...]  # what the check found in the rows the case rests on

    @property
    def warnings(self) -> int:
        return len(self.findings)

    @property
    def dated_posts(self) -> tuple[PostLine, ...]:
        return tuple(p for p in self.posts if not p.undated)

    @property
    def undated_posts(self) -> tuple[PostLine, ...]:
        return tuple(p for p in self.posts if p.undated)

    @property
    def confidential(self) -> bool:
        """Whether the page shows anything confidential (and so carries the badge on top)."""
        return (
            any(s.confidential for s in self.sources)
            or any(a.confidential or a.victims_confidential for a in self.acts)
            or any(p.confidential for p in self.posts)
        )

    @property
    def search_text(self) -> str:
        """What the front page's filter matches: the ID and every name the person goes by."""
        names = [v for label, v in self.identification if label in SEARCHED]
        return " ".join([self.person_id, self.name, *names])

    @property
    def in_scope(self) -> int:
        return sum(1 for g in self.governments if g.outcome in ("proposed", "in_scope"))


SEARCHED = ("Name in original script", "Also written")
# A relationship as a sentence says it, where the sheet's value does not read as words.
RELATION_WORDS = {
    "nephew_niece": "nephew or niece",
    "uncle_aunt": "uncle or aunt",
    "in_law": "relative by marriage",
    "other_family": "family member",
}


def relation_words(value: str) -> str:
    return RELATION_WORDS.get(value, value.replace("_", " "))


def _words(value: str) -> str:
    return value.replace("_", " ")


def _identification(target: Target) -> tuple[tuple[str, str], ...]:
    genders = load_layout().vocabularies["gender"]
    fields = (
        ("Name", target.name),
        ("Name in original script", "; ".join(target.name_original)),
        ("Given name", target.first_name or ""),
        ("Patronymic", target.patronymic or ""),
        ("Family name", target.last_name or ""),
        ("Also written", "; ".join(target.aliases)),
        ("Gender", genders.get(target.gender or "", target.gender or "")),
        ("Born", dates.in_words(target.birth_date) if target.birth_date else ""),
        ("Place of birth", target.birth_place or ""),
        ("Nationality", "; ".join(country_name(c) for c in target.nationality)),
        ("Identity documents", "; ".join(target.id_numbers)),
        ("Only for", "; ".join(target.jurisdictions)),
        ("Ties", "; ".join(target.ties)),
        ("Impact", target.impact or ""),
    )
    return tuple((label, value) for label, value in fields if value)


def _posts(target: Target, evidence: Mapping[str, Evidence]) -> tuple[PostLine, ...]:
    return tuple(
        PostLine(
            title=post.title,
            org=post.org,
            dates=post.dates(),
            undated=not (post.start or post.end or post.as_of),
            as_of=dates.in_words(post.as_of) if post.as_of and (post.start or post.end) else None,
            cites=(cited := cite(post.evidence, evidence)),
            confidential=only_confidential(cited),
            context=(
                ""
                if post.named
                else "context only: no passage quoted for it names the person"
                if post.anchor.quote
                else "context only: no passage is quoted for it"
            ),
        )
        for post in target.posts
    )


def _timeline(target: Target, evidence: Mapping[str, Evidence]) -> str | None:
    spans = []
    for post in target.posts:
        secret = only_confidential(cite(post.evidence, evidence))
        label = f"{post.title}, {post.org}: {post.dates()}"
        label += " [CONFIDENTIAL evidence only]" if secret else ""
        spans.append(timeline.Span(label, post.start, post.end, post.as_of, secret))
    return timeline.draw(spans, f"Posts of {target.name} by year")


def _acts(target: Target, evidence: Mapping[str, Evidence]) -> tuple[ActLine, ...]:
    return tuple(
        ActLine(
            incident_id=act.incident_id,
            title=act.incident,
            when=act.when(),
            place=act.place,
            violations=tuple(_words(v) for v in act.violations),
            role=role(act.role).label,
            role_meaning=role(act.role).description,
            description=act.description,
            summary=act.summary,
            victims=tuple(act.victims),
            victims_confidential=act.victims_confidential,
            victim_activity=act.victim_activity,
            pattern=act.pattern,
            consequences=act.consequences,
            confidential=act.confidential,
            cites=cite(act.evidence, evidence),
            incident_cites=cite(act.incident_evidence, evidence),
            context=_context(act),
        )
        for act in sorted(
            target.acts, key=lambda a: (dates.first_day(a.date), a.incident_id, a.role)
        )
    )


def _context(act: Act) -> str:
    """Why an act is context only, grounding nothing whatever its role (as ``own_acts`` and the
    case-strength test read it)."""
    if act.collective:
        return "context only: it rests on passages about several persons together"
    if act.anchor.quote and not act.named:
        return "context only: no passage quoted for it names the person"
    return ""


def _government(
    target: Target,
    jurisdiction: Jurisdiction,
    histories: Histories,
    screening: Screening | None,
) -> GovernmentLine:
    """What this government's package does with the person: the package's own decision
    (``tracking/selection``)."""
    code = jurisdiction.code

    def line(outcome: str, reason: str = "", note: str = "") -> GovernmentLine:
        return GovernmentLine(code, jurisdiction.name, outcome, None, (), (), reason, note)

    stand = standing(target, jurisdiction, screening, histories)
    found, step, cell = stand.scope, stand.step, stand.cell
    if stand.outcome == "elsewhere" or found is None:
        return line(
            "elsewhere", f"the persons sheet limits the person to {', '.join(target.jurisdictions)}"
        )
    if stand.outcome in ("not_ready", "not_covered"):
        return line(stand.outcome, found.reason)
    if stand.outcome == "recorded" and step is not None:
        return line(
            "recorded",
            f"recorded as designated{' on ' + dates.in_words(step.date) if step.date else ''}",
        )
    if stand.outcome == "screened" and cell is not None:
        return line(
            "screened",
            f"{cell.program or 'program not stated'}{', listed ' + cell.date if cell.date else ''}",
        )
    if stand.outcome == "unsettled":
        return line(
            "unsettled",
            "screen the list, or record on the submissions sheet the decision of the "
            "government whose listings the request asks it to take over",
        )
    note = ""
    if cell is not None:
        note = f"possibly designated already (screening score {cell.score or 0.0:.2f}, {cell.program}): confirm before filing"
    assert found.regime is not None
    return GovernmentLine(
        code,
        jurisdiction.name,
        "proposed" if target.status == "proposed" else "in_scope",
        found.regime.name,
        tuple((c.short, c.text) for c in found.criteria),
        tuple(
            GroundLine(
                ground.criterion.short,
                ground.act.titled(),
                role(ground.act.role).label,
                ", ".join(sorted(_words(v) for v in ground.reach)),
                f"{ground.post.title}, {ground.post.org} ({ground.post.dates()})"
                if ground.post
                else None,
            )
            for ground in found.grounds
        ),
        "",
        note,
    )


def _designations(
    screening: Screening | None, person_id: str, names: Mapping[str, str]
) -> tuple[DesignationLine, ...]:
    if screening is None:
        return ()
    found = []
    for person in screening.persons:
        if person.person_id != person_id:
            continue
        for match in person.matches:
            if not match.designations:  # matched all the same: the editor resolves it too
                found.append(
                    DesignationLine(
                        government="",
                        program="",
                        listed="",
                        ended="",
                        active=False,
                        matched_name=match.matched_name,
                        ref_id=match.ref_id,
                        score=f"{match.score:.2f}",
                        to_confirm=match.to_confirm,
                        listing=False,
                    )
                )
            for d in match.designations:
                found.append(
                    DesignationLine(
                        government=names.get(d.jurisdiction or "", "")
                        or d.authority
                        or "authority not stated",
                        program=d.program,
                        listed=d.listing_date,
                        ended=d.end_date,
                        active=d.active,
                        matched_name=match.matched_name,
                        ref_id=match.ref_id,
                        score=f"{match.score:.2f}",
                        to_confirm=match.to_confirm,
                    )
                )
    return tuple(sorted(found, key=lambda d: (d.government, d.listed, d.program, d.ref_id)))


def _history(
    person_id: str, histories: Histories, names: Mapping[str, str]
) -> tuple[StepLine, ...]:
    return tuple(
        StepLine(
            names[code],
            step.status,
            dates.in_words(step.date) if step.date else "",
            step.reference or "",
            step.notes or "",
        )
        for code in codes()
        if (history := histories.get((person_id, code))) is not None
        for step in history.steps
    )


def _relatives(
    target: Target,
    relations: Sequence[RelationRow],
    names: Mapping[str, str],
    pages: Mapping[str, str],
    evidence: Mapping[str, Evidence],
) -> tuple[RelativeLine, ...]:
    """Ties recorded on the person's rows (what the relative is to them), and ties recorded on
    other persons' rows that name this person (what they are to the person)."""
    found = []
    for tie in relations:
        if tie.person_id == target.person_id:
            other = tie.related_person_id
            name = names.get(other or "", "") or tie.related_name or other or ""
            relation = RELATIVE_IS.get(tie.relationship, tie.relationship)
            found.append(
                RelativeLine(
                    relation_words(relation),
                    name,
                    pages.get(other or ""),
                    cite(tie.evidence_ids, evidence),
                    False,
                )
            )
        elif tie.related_person_id == target.person_id:
            name = names.get(tie.person_id, tie.person_id)
            found.append(
                RelativeLine(
                    relation_words(tie.relationship),
                    name,
                    pages.get(tie.person_id),
                    cite(tie.evidence_ids, evidence),
                    True,
                )
            )
    return tuple(found)


def _sources(
    target: Target, relatives: Sequence[RelativeLine], evidence: Mapping[str, Evidence]
) -> tuple[Source, ...]:
    """Every evidence item the page cites (and the documents they are known through), in
    evidence-sheet order."""
    ids = set(target.evidence) | {c.id for r in relatives for c in r.cites}
    ids |= {t for i in list(ids) if i in evidence and (t := evidence[i].known_through)}
    chosen = sorted((evidence[i] for i in ids if i in evidence), key=lambda e: e.number)
    return tuple(describe(e, evidence) for e in chosen)


@dataclass(frozen=True)
class Context:
    """What every person page is built from."""

    evidence: Mapping[str, Evidence]
    jurisdictions: Mapping[str, Jurisdiction]
    histories: Histories
    screening: Screening | None
    relations: Sequence[RelationRow]
    names: Mapping[str, str]  # person ID -> name
    pages: Mapping[str, str]  # person ID -> page path from the report folder
    findings: Mapping[str, tuple[FindingLine, ...]]  # person ID -> the findings concerning them


def person_page(target: Target, context: Context) -> PersonPage:
    evidence = context.evidence
    governments = {code: j.name for code, j in context.jurisdictions.items()}
    relatives = _relatives(target, context.relations, context.names, context.pages, evidence)
    return PersonPage(
        person_id=target.person_id,
        page=context.pages[target.person_id],
        name=target.name,
        status=target.status,
        identification=_identification(target),
        summary=target.summary,
        timeline=_timeline(target, evidence),
        posts=_posts(target, evidence),
        acts=_acts(target, evidence),
        governments=tuple(
            _government(target, context.jurisdictions[code], context.histories, context.screening)
            for code in codes()
        ),
        designations=_designations(context.screening, target.person_id, governments),
        screened=context.screening is not None,
        history=_history(target.person_id, context.histories, governments),
        exculpatory=target.exculpatory,
        relatives=relatives,
        sources=_sources(target, relatives, evidence),
        findings=context.findings.get(target.person_id, ()),
    )
