"""What a submission says about each target: the per-target view that documents print.

Derived from the same typed rows (``rows.py``) as the FtM entities, so a document and the
entities never read a cell differently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass, field, fields, replace
from functools import cache, partial
from operator import attrgetter
from typing import Any, TypeVar

from sanctions.common.beside import shared
from sanctions.common.dates import in_words, span_in_words
from sanctions.evidence.holding import Holding
from sanctions.evidence.stated import WITHHELD_BY
from sanctions.evidence.withheld import Context, public_value
from sanctions.model.collective import collective_rows
from sanctions.model.naming import naming_rows
from sanctions.model.rows import (
    Cleaned,
    EvidenceRow,
    IncidentRow,
    InvolvementRow,
    PersonRow,
    PositionRow,
    Rows,
)
from sanctions.workbook.accounts import is_finding, teller
from sanctions.workbook.layout import ColumnSpec, load_layout


@cache
def identity_columns() -> tuple[str, ...]:
    """The person's identifying details: the cells whose sources are identity_evidence_ids."""
    persons = load_layout().sheet("persons")
    return tuple(c.name for c in persons.columns if c.sources == "identity_evidence_ids")


class Later:
    """What a published output gives of a row otherwise than typed, worked out when first asked
    for: only the public outputs ask (``Target.as_published``), and judging it reads the
    copies, which validate, the report and the screening never need."""

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[], dict[str, Any]] | None = None) -> None:
        self._make = make
        self._made: dict[str, Any] | None = None if make is not None else {}

    def get(self) -> dict[str, Any]:
        if self._made is None:
            assert self._make is not None
            self._made, self._make = self._make(), None
        return self._made


# Every cell as typed: what a row of a list without confidential sources publishes (one for all
# such rows; it never changes).
AS_TYPED = Later()


@dataclass(slots=True)
class Evidence(EvidenceRow):
    """An evidence item as documents cite it: ``[number]``, numbered in workbook order."""

    number: int

    @property
    def id(self) -> str:
        return self.evidence_id

    @property
    def published(self) -> str | None:
        return self.published_date

    @property
    def shown_title(self) -> str:
        """The title as a document prints it. A document without a title of its own, which the
        editor describes in square brackets ("[Press statement of …]"), is given by that
        description marked "(untitled)", as citation styles give one: in a letter, words in
        square brackets read as a draft's placeholders."""
        return f"{self.title[1:-1]} (untitled)" if described(self.title) else self.title


def described(title: str) -> bool:
    """Whether a title is the editor's description of a document without a title of its own:
    in square brackets, as citations describe one ("[Press statement of …]")."""
    return title.startswith("[") and title.endswith("]")


@dataclass(frozen=True, slots=True)
class Anchor:
    """What a row quotes for its fact: the source's own words, where they are, and whose
    account they are (``account`` from schemas/accounts.yaml; ``by``: who gives it)."""

    quote: tuple[str, ...] = ()
    locator: tuple[str, ...] = ()
    account: str | None = None
    by: str | None = None

    @classmethod
    def of(cls, row: PositionRow | IncidentRow | InvolvementRow) -> Anchor:
        return cls(tuple(row.quote), tuple(row.locator), row.account, row.account_by)

    @property
    def whose(self) -> tuple[str, ...]:
        """Whose account, where it is not the source's own finding: ``("relative", "the
        victim's son")``; nothing for a finding."""
        return () if is_finding(self.account) else (self.account or "", self.by or "")


def act_key(person_id: str, incident_id: str, role: str, anchor: Anchor) -> tuple[str, ...]:
    """What makes one act one entity (an UnknownLink): the person, the incident, the role, and
    whose account it is. Two tellers are two acts (a report's finding that an officer held a
    man by force, his son's account that "the policeman" choked him): merged, the one would
    carry the other's words, and an output showing the first would show the second with it."""
    return (person_id, incident_id, role, *anchor.whose)


@dataclass(slots=True)
class Post:
    title: str
    org: str
    start: str | None
    end: str | None
    evidence: list[str]
    publishable: bool = True  # some of its evidence is not confidential
    as_of: str | None = None  # a day a source shows it held, when neither end is known
    anchor: Anchor = Anchor()
    named: bool = True  # some passage quoted for the post names the person (model/naming)
    row: int = 0  # the positions sheet's Excel row it is typed on
    org_id: str = ""  # the body's ID (``org`` is its name)
    # the dates a published output gives otherwise (``Target.published``)
    shown: Later = field(default=AS_TYPED, compare=False, repr=False)

    @property
    def published(self) -> dict[str, Any]:
        """The post's cells a published output gives otherwise than typed (``Later``)."""
        return self.shown.get()

    def told(self, locale: str = "en-GB") -> str:
        """The dates, and whose account the post is when it is not the source's own finding:
        ``from January 2022; according to the petitioner``."""
        by = teller(self.anchor.account, self.anchor.by)
        return f"{self.dates(locale)}; according to {by}" if by else self.dates(locale)

    def as_position(self) -> str:
        """The post as lists print a position (``Former Chairman, National …``), with whose
        account it is when it is not the source's own finding."""
        by = teller(self.anchor.account, self.anchor.by)
        told = f" (according to {by})" if by else ""
        return f"{'Former ' if self.ended else ''}{self.title}, {self.org}{told}"

    @property
    def ended(self) -> bool:
        """Whether the post has ended: it has an end date, or one a published output leaves
        out (only a confidential source states when; the post is not therefore still held)."""
        return bool(self.end) or "end" in self.published

    def dates(self, locale: str = "en-GB") -> str:
        """The dates as prose writes them: ``March 2015 to 31 December 2020``, or ``in post as
        of 1 September 2021`` when a source shows only that."""
        if self.as_of and not (self.start or self.end):
            return f"in post as of {in_words(self.as_of, locale)}"
        return span_in_words(self.start, self.end, locale)


T = TypeVar("T")


def by_incident(items: Iterable[T], act_of: Callable[[T], Act]) -> list[list[T]]:
    """A person's acts (or what is made of each), those in one incident together, in the order
    the incidents first come: how every document tells them, the incident named once."""
    grouped: dict[str, list[T]] = {}
    for item in items:
        grouped.setdefault(act_of(item).incident_id, []).append(item)
    return list(grouped.values())


def latest_of(posts: list[Post]) -> Post | None:
    """The post held last: one still held, else the one that ended last."""
    # an end left out of a published output: ended, when is not said
    key = lambda p: (p.end or ("" if p.ended else "9999"), p.start or p.as_of or "")  # noqa: E731
    return sorted(posts, key=key)[-1] if posts else None


@dataclass(slots=True)
class Act:
    incident_id: str
    incident: str
    date: str
    end_date: str | None
    place: str | None
    role: str
    description: str
    violation_types: list[str]  # the incident's
    evidence: list[str]
    confidential: bool  # the incident is
    victims: list[str] = field(default_factory=list)
    victims_confidential: bool = False
    summary: str = ""  # what happened, from the incident
    incident_evidence: list[str] = field(default_factory=list)
    # the incident is not confidential, and some of its sources and of the act's are not
    publishable: bool = True
    victim_activity: str | None = None  # what the victims were doing that the law protects
    pattern: str | None = None  # what shows the incident is part of a wider pattern
    consequences: str | None = None  # what the violation resulted in, as the sources state it
    anchor: Anchor = Anchor()  # the passages that state the person's act
    incident_anchor: Anchor = Anchor()  # the passages that state what happened
    collective: bool = False  # the act rests only on passages about several persons together
    named: bool = True  # some passage quoted for the act names the person (model/naming)
    row: int = 0  # the involvement sheet's Excel row it is typed on
    second_hand: bool = False  # every source cited for the act is known only through another
    publishers: tuple[str, ...] = ()  # who published the act's non-confidential sources
    # the incident's violations the act is part of, where the sources show only some
    # (involvement's part_in); empty: all of them
    part_in: tuple[str, ...] = ()
    # the incident's and the act's cells a published output gives otherwise (``Target.published``)
    shown: Later = field(default=AS_TYPED, compare=False, repr=False)

    @property
    def published(self) -> dict[str, Any]:
        """The incident's and the act's cells a published output gives otherwise than typed (``Later``)."""
        return self.shown.get()

    @property
    def violations(self) -> list[str]:
        """The incident's violations this act is part of: those the row names (``part_in``),
        else all of them (a role then says which it can reach, ``scope.reach``)."""
        return (
            [v for v in self.violation_types if v in self.part_in]
            if self.part_in
            else (self.violation_types)
        )

    def when(self, locale: str = "en-GB") -> str:
        """When the incident happened, as prose writes it: a day, or a period."""
        if self.end_date:
            return span_in_words(self.date, self.end_date, locale)
        return in_words(self.date, locale)

    def at(self, locale: str = "en-GB") -> str:
        """When, as a phrase after a noun: ``on 1 March 2020``, ``in March 2020``,
        ``from March 2021 to June 2021``."""
        when = self.when(locale)
        if self.end_date and " to " in when:
            return f"from {when}"
        return f"on {when}" if self.date.count("-") == 2 else f"in {when}"

    def titled(self, locale: str = "en-GB", place: bool = False, quoted: bool = False) -> str:
        """The incident's title with when (and where) in brackets, unless the title says it;
        ``quoted`` for a title set inside a sentence ("in “Death of …” (May 2020)")."""
        when = self.when(locale)
        parts = [when] if when not in self.incident else []
        if place and self.place:
            parts.append(self.place)
        title = f"“{self.incident}”" if quoted else self.incident
        return f"{title} ({', '.join(parts)})" if parts else title


def _context(row: object) -> Context | None:
    """Where the row's values are looked for in its public copies: a person's near their
    names, another row's near the passages it quotes (``evidence.withheld.Context``)."""
    if isinstance(row, PersonRow):
        return Context(names=(row.name, *row.name_original))
    quote = getattr(row, "quote", None)
    return Context(passages=tuple(quote)) if quote else None


# A post's columns by the names its fields have.
POST_FIELDS = {"start_date": "start", "end_date": "end"}


def _post_shown(post: PositionRow, secret: Set[str], holding: Holding | None) -> dict[str, Any]:
    """A post's published cells by its fields' names (``start`` for start_date)."""
    published = public_values("positions", post, secret, holding)
    return {POST_FIELDS.get(name, name): value for name, value in published.items()}


def _act_shown(
    incident: Later, part: InvolvementRow, secret: Set[str], holding: Holding | None
) -> dict[str, Any]:
    """An act's published cells: its incident's, and its own (its description)."""
    return incident.get() | public_values("involvement", part, secret, holding)


def _dated(act: Act) -> bool:
    """Whether a published output may say when the act's incident happened."""
    return act.published.get("date", act.date) is not None


def as_fields(row: object, published: dict[str, Any]) -> dict[str, Any]:
    """The values a published output gives in place of the row's: nothing as the field holds
    it (an empty list, an empty text where one is required)."""
    kinds = {f.name: str(f.type) for f in fields(row)}  # type: ignore[arg-type]
    return {
        name: value
        if value is not None
        else []
        if kinds[name].startswith("list[")
        else ""
        if kinds[name] == "str"
        else None
        for name, value in published.items()
    }


# The relations sheet says what the listed person is to the relative ("parent": the person is
# the relative's parent); a document names the relative by what they are to the person.
RELATIVE_IS = {
    "parent": "child",
    "child": "parent",
    "grandparent": "grandchild",
    "grandchild": "grandparent",
    "nephew_niece": "uncle_aunt",
    "uncle_aunt": "nephew_niece",
}


@dataclass(slots=True)
class Target(PersonRow):
    """A person row with their posts, acts and relations. ``jurisdictions`` empty: every
    government."""

    posts: list[Post] = field(default_factory=list)
    acts: list[Act] = field(default_factory=list)
    # (what the relative is, name, the evidence that records the tie)
    relations: list[tuple[str, str, list[str]]] = field(default_factory=list)
    # the person's cells a published output gives otherwise than typed, each with what it may
    # give (None: nothing), as ``evidence.withheld`` judges them: a birth date or contrary
    # information only confidential sources state
    shown: Later = field(default=AS_TYPED, compare=False, repr=False)

    @property
    def published(self) -> dict[str, Any]:
        """The person's cells a published output gives otherwise than typed (``Later``)."""
        return self.shown.get()

    @property
    def own_acts(self) -> list[Act]:
        """The acts a document tells: not those resting only on a passage about several persons
        together, which ground nothing and name others, nor those whose passages do not name
        the person ("the policeman grabbed him"), which are no account of their act (the
        review report shows both; what happened in the incident is told with its own)."""
        return [act for act in self.acts if not act.collective and act.named]

    @property
    def own_posts(self) -> list[Post]:
        """The posts a document tells and a case counts: those a quoted passage shows to be
        the person's, by naming them ("the longest-serving Prime Minister" shows that someone
        held the office, not who; the review report shows such a post as context)."""
        return [post for post in self.posts if post.named]

    def as_published(self) -> Target:
        """The target as a published output (the public list, a list row a government
        publishes) may show them: without what only confidential sources state, in their
        cells, their posts' and their incidents' (``published``); the letters give it, marked.
        An act whose incident's date only confidential sources give is not published."""
        if not (
            self.published
            or any(p.published for p in self.posts)
            or any(a.published for a in self.acts)
        ):
            return self
        posts = [replace(p, **as_fields(p, p.published)) for p in self.posts]
        acts = [
            replace(a, **as_fields(a, a.published), publishable=a.publishable and _dated(a))
            for a in self.acts
        ]
        return replace(self, **as_fields(self, self.published), posts=posts, acts=acts)

    @property
    def identity_withheld(self) -> list[str]:
        """The identifying details a published output leaves out, or gives less of."""
        return [name for name in identity_columns() if name in self.published]

    def ties_to(self, code: str, codes: Iterable[str]) -> list[str]:
        """The ties to show one government: items marked with its code, and unmarked items."""
        out = []
        for tie in self.ties:
            prefix, sep, rest = tie.partition(":")
            if sep and prefix.strip().lower() in codes:
                if prefix.strip().lower() == code:
                    out.append(rest.strip())
            else:
                out.append(tie)
        return out

    @property
    def surname(self) -> str:
        return self.last_name or self.name.split()[-1]

    @property
    def given(self) -> str:
        if self.first_name:
            return " ".join(p for p in (self.first_name, self.patronymic) if p)
        return " ".join(self.name.split()[:-1])

    @property
    def violation_types(self) -> set[str]:
        return {v for act in self.own_acts for v in act.violations}

    @property
    def latest_post(self) -> Post | None:
        """The latest of the person's own posts; lists are published, so a post that rests only
        on confidential evidence is not used, nor, while a source states another as its own
        finding, one known only from someone's account (a petitioner's "reportedly" is no title
        to list)."""
        posts = [p for p in self.own_posts if p.publishable]
        posts = [p for p in posts if is_finding(p.anchor.account)] or posts
        return latest_of(posts)

    @property
    def position(self) -> str:
        """The latest post as lists print a position: ``Former Chairman, National …``; a post
        known only from someone's account says whose (``…, Nur-Sultan (according to Askar
        Kayyrbek)``), wherever it is printed, as the chapter's list of posts does."""
        post = self.latest_post
        return "" if post is None else post.as_position()

    @property
    def listed_position(self) -> str:
        """The position a government's list row prints: the latest post a source states as its
        own finding; empty when every post is someone's account. A list prints its fields as
        fact, with no room for "(according to …)": a petitioner's or a victim's account of the
        title is given, attributed, in the letter, and the notes say the field was left empty."""
        posts = [p for p in self.own_posts if p.publishable and is_finding(p.anchor.account)]
        post = latest_of(posts)
        return "" if post is None else post.as_position()

    @property
    def evidence(self) -> list[str]:
        seen: dict[str, None] = {}
        groups = [p.evidence for p in self.posts]
        groups += [e for a in self.acts for e in (a.evidence, a.incident_evidence)]
        for group in groups:
            seen.update(dict.fromkeys(group))
        return list(seen)


def _values(record: Any) -> dict[str, Any]:
    """A record's fields, lists copied so that a view never changes the rows it came from."""
    names, read, lists = _shape(type(record))
    values = dict(zip(names, read(record), strict=True))
    for name in lists:
        values[name] = list(values[name])
    return values


_SHAPES: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]], tuple[str, ...]]] = {}


def _shape(kind: type) -> tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]], tuple[str, ...]]:
    """A record type's field names, one getter of them all, and its list fields: worked out
    once per type (``fields`` is slow to call per record, ``getattr`` slower than one getter)."""
    if kind not in _SHAPES:
        found = fields(kind)
        names = tuple(f.name for f in found)
        lists = tuple(f.name for f in found if str(f.type).startswith("list["))
        _SHAPES[kind] = (names, attrgetter(*names), lists)
    return _SHAPES[kind]


def load_evidence(source: Cleaned | Rows) -> dict[str, Evidence]:
    """Every evidence item, numbered in workbook order as documents cite it."""
    return {
        rec.evidence_id: Evidence(**_values(rec), number=i)
        for i, rec in enumerate(Rows.of(source).evidence, start=1)
    }


@cache
def _sourced(sheet: str) -> tuple[ColumnSpec, ...]:
    """The sheet's cells that name their sources (``sources:`` in schemas/)."""
    return tuple(c for c in load_layout().sheet(sheet).columns if c.sources is not None)


def public_values(
    sheet: str, row: object, secret: Set[str], holding: Holding | None
) -> dict[str, Any]:
    """The row's cells a public output gives otherwise than typed, each with what it may give
    (None: nothing), by the one rule of ``evidence.withheld``: what only confidential sources
    state leaves public outputs, a birth date only a witness gives as her statement does. A
    cell whose sources are not given stays; validate asks for them."""
    if not secret or getattr(row, "confidential", False) is True:
        return {}  # a confidential incident reaches no public output
    if holding is None:
        return _public_values(sheet, row, secret, holding)
    # judged once for each row, however many outputs ask (the public entities, then each
    # package, the public list and the report); the row is kept with its answer, so that its
    # id names it as long as the answer is kept
    key = _key(sheet, row, secret)
    if key not in holding.worked:
        holding.worked[key] = (row, _public_values(sheet, row, secret, holding))
    found: dict[str, Any] = holding.worked[key][1]
    return found


def _key(sheet: str, row: object, secret: Set[str]) -> tuple[object, ...]:
    return ("public", sheet, id(row), frozenset(secret))


def judge_published(rows: Rows, holding: Holding) -> None:
    """What the public outputs may give of each row they may publish (a proposed person's,
    their posts and acts, the incidents of those acts), worked out now on both cores, where
    the work splits (``common/beside``), and kept in ``holding`` for every output that asks
    (``public_values``). Only rows citing a confidential source beside a public one cost
    anything: their values are looked for in the public copies. The rows are shared by the
    copies they cite, so that each core reads the stretches of the fewest copies."""
    secret = {e.evidence_id for e in rows.evidence if e.confidential}
    proposed = {p.person_id for p in rows.persons if p.status == "proposed"}
    acts = [r for r in rows.involvement if r.person_id in proposed]
    told = {r.incident_id for r in acts}
    asked: list[tuple[str, object]] = [
        (sheet, row)
        for sheet, of_sheet in (
            ("persons", [r for r in rows.persons if r.person_id in proposed]),
            ("positions", [r for r in rows.positions if r.person_id in proposed]),
            ("incidents", [r for r in rows.incidents if r.incident_id in told]),
            ("involvement", acts),
        )
        for row in of_sheet
        if _mixed(sheet, row, secret)
    ]
    if len(asked) < 2:
        return
    asked.sort(key=lambda pair: _cited(pair[0], pair[1]))
    halves = [asked[: len(asked) // 2], asked[len(asked) // 2 :]]
    answers = shared([partial(_judged, half, secret, holding) for half in halves])
    for half, found in zip(halves, answers, strict=True):
        for (sheet, row), values in zip(half, found, strict=True):
            holding.worked[_key(sheet, row, secret)] = (row, values)


def _cited(sheet: str, row: object) -> tuple[str, ...]:
    """Every source the row's sourced cells cite, in order."""
    return tuple(
        dict.fromkeys(eid for col in _sourced(sheet) for eid in getattr(row, str(col.sources)))
    )


def _mixed(sheet: str, row: object, secret: Set[str]) -> bool:
    """Whether some cell of the row cites a confidential source beside a public one."""
    if getattr(row, "confidential", False) is True:
        return False
    for col in _sourced(sheet):
        cited = getattr(row, str(col.sources))
        if any(e in secret for e in cited) and not all(e in secret for e in cited):
            return True
    return False


def _judged(
    asked: list[tuple[str, object]], secret: Set[str], holding: Holding
) -> list[dict[str, Any]]:
    return [_public_values(sheet, row, secret, holding) for sheet, row in asked]


def _public_values(
    sheet: str, row: object, secret: Set[str], holding: Holding | None
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    context = _context(row)
    for col in _sourced(sheet):
        flag = WITHHELD_BY.get(col.name)
        if flag is not None and getattr(row, flag, False) is True:
            # never published; the whole list names whom to withhold from the words shown
            continue
        value = getattr(row, col.name)
        cited = getattr(row, str(col.sources))
        shown = public_value(col, value, cited, secret, holding, context)
        if shown != value:
            found[col.name] = shown
    return found


def load_targets(
    source: Cleaned | Rows, status: str = "proposed", holding: Holding | None = None
) -> list[Target]:
    """Persons with the given status, in workbook order, with their posts, acts and ties.

    A post or act is publishable when some source it cites is not confidential and, where the
    copies (``holding``) show it, the words it quotes are not held by its confidential sources
    alone: a fact only a confidential document states leaves public outputs with it, rather
    than being shown with the other sources, which do not state it."""
    rows = Rows.of(source)
    orgs = {r.org_id: r.name for r in rows.organizations}
    incidents = {r.incident_id: r for r in rows.incidents}
    names = {r.person_id: r.name for r in rows.persons}
    targets: dict[str, Target] = {}
    secret = {e.evidence_id for e in rows.evidence if e.confidential}
    for rec in rows.persons:
        if rec.status != status:
            continue
        person = targets[rec.person_id] = Target(**_values(rec))
        if secret:  # a list with no confidential source publishes every cell as typed
            # judged by the row, as every output judges it (``judge_published``): once
            person.shown = Later(partial(public_values, "persons", rec, secret, holding))

    def publishable(evidence: list[str], anchor: Anchor) -> bool:
        if secret.issuperset(evidence):  # every source confidential (or none cited)
            return False
        return holding is None or not holding.only_in(anchor.quote, evidence, secret)

    posts_named = naming_rows(rows.positions, rows.persons)
    for post in rows.positions:
        target = targets.get(post.person_id)
        if target is not None:
            org = orgs.get(post.org_id, post.org_id)
            ids = list(post.evidence_ids)
            anchor = Anchor.of(post)
            target.posts.append(
                Post(
                    post.title,
                    org,
                    post.start_date,
                    post.end_date,
                    ids,
                    publishable(ids, anchor),
                    post.as_of,
                    anchor,
                    named=post.row in posts_named,
                    row=post.row,
                    org_id=post.org_id,
                    shown=Later(partial(_post_shown, post, secret, holding))
                    if secret
                    else AS_TYPED,
                )
            )
    collective = collective_rows(rows.involvement, rows.persons, holding)
    named = naming_rows(rows.involvement, rows.persons)
    through = {e.evidence_id for e in rows.evidence if e.known_through}
    publisher = {e.evidence_id: e.publisher for e in rows.evidence if e.publisher}

    def published_by(evidence: list[str]) -> tuple[str, ...]:
        found = [publisher[e] for e in evidence if e in publisher and e not in secret]
        return tuple(dict.fromkeys(found))

    told = {r.incident_id: Anchor.of(r) for r in rows.incidents}  # one per incident, shared
    incident_shown = {
        r.incident_id: Later(partial(public_values, "incidents", r, secret, holding))
        for r in (rows.incidents if secret else ())
    }
    for part in rows.involvement:
        target = targets.get(part.person_id)
        incident = incidents.get(part.incident_id)
        if target is None or incident is None:
            continue
        anchor = Anchor.of(part)
        target.acts.append(
            Act(
                incident_id=part.incident_id,
                incident=incident.title,
                date=incident.date,
                end_date=incident.end_date,
                place=incident.place,
                role=part.role,
                description=part.description,
                violation_types=list(incident.violation_types),
                part_in=tuple(part.part_in),
                evidence=list(part.evidence_ids),
                confidential=incident.confidential,
                victims=list(incident.victims),
                victims_confidential=incident.victims_confidential,
                summary=incident.summary,
                incident_evidence=list(incident.evidence_ids),
                # an incident told only by confidential sources leaves public outputs with the
                # acts in it, as the public entities leave out its Event (validate says so)
                publishable=not incident.confidential
                and not secret.issuperset(incident.evidence_ids)
                and publishable(part.evidence_ids, anchor),
                victim_activity=incident.victim_activity,
                pattern=incident.pattern,
                consequences=incident.consequences,
                anchor=anchor,
                incident_anchor=told[part.incident_id],
                collective=part.row in collective,
                named=part.row in named,
                row=part.row,
                second_hand=bool(part.evidence_ids) and set(part.evidence_ids) <= through,
                publishers=published_by(part.evidence_ids),
                shown=Later(
                    partial(_act_shown, incident_shown[part.incident_id], part, secret, holding)
                )
                if secret
                else AS_TYPED,
            )
        )
    for relation in rows.relations:
        target = targets.get(relation.person_id)
        if target is not None:
            other = names.get(relation.related_person_id or "") or relation.related_name or ""
            relative_is = RELATIVE_IS.get(relation.relationship, relation.relationship)
            target.relations.append((relative_is, other, list(relation.evidence_ids)))
    return list(targets.values())


def victim_evidence(source: Cleaned | Rows) -> dict[str, set[str]]:
    """For each victim's name (casefolded), the evidence of the incidents they suffered: a
    document that tells what was done to a person is no source for a case against them."""
    out: dict[str, set[str]] = {}
    for incident in Rows.of(source).incidents:
        for name in incident.victims:
            out.setdefault(name.casefold(), set()).update(incident.evidence_ids)
    return out
