"""The schema of a government's file in ``jurisdictions/``: what it must hold, as the objects
every other step reads (a ``Jurisdiction`` with its regimes, criteria, arguments and list
format). Unknown keys are refused, so that a misspelt key is never silently ignored; the names
a file takes from elsewhere (violation types, roles, fields, other governments) are checked by
the registry, which reads every file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from sanctions.common.dates import MONTH_NAMES
from sanctions.common.writers import CsvStyle
from sanctions.governments.case import ELEMENTS
from sanctions.governments.latvian import LatvianRules
from sanctions.governments.roles import default_roles

# A government's code as its file is named: two or three lower-case letters.
Code = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


class Spec(BaseModel):
    """A part of a government's file: frozen once read, and no key the schema does not know
    (a misspelt key would otherwise be ignored without a word)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Criterion(Spec):
    id: str
    text: str
    violation_types: frozenset[str]
    # The involvement roles that ground it (roles.yaml gives the default ones).
    roles: frozenset[str] = Field(default_factory=default_roles)
    # The roles that ground it only with a post whose known dates overlap the incident (the
    # leader-or-official limbs): `tenure: true` in the file means every role it accepts.
    tenure: frozenset[str] = frozenset()
    label: str = ""  # a short name for tables and the reasons given; the id where none is given
    list_ground: str = ""  # the ground as the government's own list writes it (UTPĮ 133 str. 4 d.)
    # The case-strength elements this limb asks for beyond its government's (``case:`` of the
    # file), where the limb's own words make them part of it.
    case: frozenset[str] = frozenset()

    @field_validator("case", mode="before")
    @classmethod
    def _elements(cls, raw: Any) -> Any:
        unknown = sorted(set(raw or ()) - set(ELEMENTS))
        if unknown:
            raise ValueError(
                f"no element {', '.join(unknown)}; the elements are {', '.join(ELEMENTS)}"
            )
        return raw

    @model_validator(mode="before")
    @classmethod
    def _tenure(cls, raw: Any) -> Any:
        if isinstance(raw, dict) and raw.get("tenure") is True:
            return {**raw, "tenure": raw.get("roles") or sorted(default_roles())}
        if isinstance(raw, dict) and raw.get("tenure") is False:
            return {**raw, "tenure": []}
        return raw

    @property
    def short(self) -> str:
        return self.label or self.id


class Regime(Spec):
    id: str
    name: str
    program: str
    instrument: str
    measures: str = ""
    criteria: tuple[Criterion, ...] = ()
    # The regime of the followed government whose criteria these are (``follows``): a
    # government that implements another's listings applies that government's criteria.
    criteria_of: str = ""
    list_name: str = ""  # the regime as the government's list names it (default: its name)
    list_measures: str = ""  # the measures as the list writes them (default: measures)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, raw: Any) -> Any:
        if isinstance(raw, dict):
            return {
                **raw,
                "list_name": raw.get("list_name") or raw.get("name", ""),
                "list_measures": raw.get("list_measures") or raw.get("measures", ""),
            }
        return raw


class FamilyLimb(Spec):
    """Relatives the regime reaches through a listed person (the US §7031(c) visa limb)."""

    title: str
    text: str
    relationships: frozenset[str]


class Argument(Spec):
    """A case the government asks the submitter to make, beyond the facts: the US national
    interest, UK appropriateness, the EU's widespread or systematic character. Filled from the
    workbook columns in ``sources`` (``person.<column>`` or ``incident.<column>``); when they
    are empty the document shows ``asks`` as a placeholder and the notes list it."""

    id: str
    title: str
    asks: str
    sources: tuple[str, ...]
    criteria: frozenset[str] = frozenset()  # only where one of these is relied on; empty: always

    def applies(self, criteria: Iterable[Criterion]) -> bool:
        return not self.criteria or any(c.id in self.criteria for c in criteria)


class DateStyle(Spec):
    """How a list writes a date, by how much of it is known. In each pattern ``{yyyy}`` is the
    year, ``{m}``/``{mm}`` the month as a number (``{mm}`` with a leading zero), ``{Mon}`` and
    ``{Month}`` its English name short and whole, and ``{d}``/``{dd}`` the day."""

    day: str = "{yyyy}-{mm}-{dd}"
    month: str = "{yyyy}-{mm}"
    year: str = "{yyyy}"

    def write(self, date: str | None) -> str:
        """A partial ISO date (``1965``, ``1965-06``, ``1965-06-15``) in this style."""
        if not date:
            return ""
        year, month, day = ([int(b) for b in date.split("-")] + [0, 0])[:3]
        pattern = self.day if day else self.month if month else self.year
        name = MONTH_NAMES[month - 1] if month else ""
        return pattern.format(
            yyyy=year,
            m=month or "",
            mm=f"{month:02d}" if month else "",
            Mon=name[:3],
            Month=name,
            d=day or "",
            dd=f"{day:02d}" if day else "",
        )


class ListFormat(Spec):
    """The government's list format: its columns in the order its published list prints them,
    the field each takes, and the list's conventions."""

    title: str  # the list's name, as the README and the documents call it
    family: Literal["person", "name"]  # one row per person, or one per name
    source: str  # where the format was read, for the maintainers
    columns: tuple[tuple[str, str], ...]  # (column as the list prints it, field)
    header_row: bool = True  # False: the real file has no header row (OFAC's sdn.csv)
    # A line the real file has before its header: the UK's "Report Date: {date}", with the
    # date written as ``report_dates`` says.
    preamble: str = ""
    report_dates: DateStyle = DateStyle()
    empty: str = ""  # what the real file writes in an empty field (OFAC: "-0- ")
    quote_all: bool = False  # the real file quotes every field but the empty marker (OFAC)
    line_end: Literal["lf", "crlf"] = "lf"
    booleans: tuple[str, ...] = ()  # columns the real .xlsx holds as TRUE/FALSE cells (DFAT)
    sheet: str = "targets"  # the name of the table's sheet in the .xlsx
    # What the authority needs that its list does not hold (legal ground, draft reasons,
    # proposed duration): a second sheet of the .xlsx, never columns added to the list's own.
    proposal: tuple[tuple[str, str], ...] = ()
    dates: DateStyle = DateStyle()
    gender: Mapping[str, str] = Field(default_factory=dict)
    countries: str = "en"  # the language of country names (CLDR)
    name_types: Mapping[str, str] = Field(default_factory=dict)
    flags: Mapping[str, str] = Field(default_factory=dict)  # constant columns
    latvian_names: LatvianRules | None = None  # for a column of names in Latvian spelling

    @model_validator(mode="before")
    @classmethod
    def _columns(cls, raw: Any) -> Any:
        """``columns`` and ``proposal`` are written as lists of one-key mappings, to keep their
        order in YAML."""
        if not isinstance(raw, dict):
            return raw
        out = dict(raw)
        for key in ("columns", "proposal"):
            if isinstance(raw.get(key), list):
                pairs = []
                for item in raw[key]:
                    if not isinstance(item, dict) or len(item) != 1:
                        raise ValueError(f"{key}: {item!r} is not one 'Column: field' pair")
                    pairs += [(str(c), str(f)) for c, f in item.items()]
                out[key] = pairs
        return out

    def field(self, column: str) -> str:
        return dict(self.columns)[column]

    def csv_style(self, date: str | None) -> CsvStyle:
        """How the table's CSV is written; ``date``: the report's date, for a preamble."""
        when = self.report_dates.write(date) if date else "[date]"
        return CsvStyle(
            header=self.header_row,
            preamble=self.preamble.format(date=when) if self.preamble else "",
            empty=self.empty,
            quote_all=self.quote_all,
            line_end="\r\n" if self.line_end == "crlf" else "\n",
        )


class Designations(Spec):
    """How ``sanctions screen`` recognises this government's own listings in reference data: a
    Sanction entity whose country is one of these, or, when it has none, that comes from one
    of these OpenSanctions datasets."""

    countries: frozenset[str] = frozenset()
    datasets: frozenset[str] = frozenset()


class Wording(Spec):
    """How a letter names what the conduct is put under: a criterion, where the law states
    one; Latvia's s. 61(2) states none (the Minister decides who is persona non grata), so its
    letter asks for a decision on a ground rather than claiming a criterion met."""

    criterion: str = "Criterion"  # the chapter's heading and the summary table's column
    summary: str = "the criterion the conduct meets and why"  # in the letter's opening
    why: str = "Why: the acts relied on, and the person’s part in each, meet it as follows."
    # What the notes and reasons say a person's conduct is covered by; empty: "the criteria of
    # <the government>".
    criteria: str = ""


class Check(Spec):
    """One thing for the submitter to settle before filing (internal/notes.txt), written in
    the file as its text alone where it always applies. ``roles``: only when someone in the
    package is proposed on an act in one of these roles; ``criteria``: only when someone is
    proposed under one of these; ``relatives``: only when the package names a relative under
    the family measure. A line about what a cover-up counts for is not to be read in a package
    where no one covered anything up, nor one about the corruption limb where no one is
    proposed on corruption."""

    text: str
    roles: frozenset[str] = frozenset()
    criteria: frozenset[str] = frozenset()
    relatives: bool = False

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, raw: Any) -> Any:
        return {"text": raw} if isinstance(raw, str) else raw

    def applies(self, roles: Iterable[str], relatives: bool, criteria: Iterable[str] = ()) -> bool:
        """Whether the line is for a package whose persons are proposed on acts in ``roles``,
        under ``criteria`` (their ids), naming relatives or not."""
        if self.relatives and not relatives:
            return False
        if self.criteria and self.criteria.isdisjoint(criteria):
            return False
        return not self.roles or not self.roles.isdisjoint(roles)


class Jurisdiction(Spec):
    code: str
    name: str
    order: int  # where the government stands in every list of governments
    # The government whose listings this one implements rather than making its own (Switzerland
    # takes over the European Union's): the package asks it to, and says where that one stands.
    follows: str | None = None
    prose_name: str = ""  # with its article where English needs one: "the United Kingdom"
    authority: str
    recipient: str = ""  # the authority as a sentence names it ("provided to … in confidence")
    title: str
    standard: str = ""
    regimes: tuple[Regime, ...]
    arguments: tuple[Argument, ...] = ()
    family: FamilyLimb | None = None
    basis_note: str = ""  # printed under the legal basis: another route the authority may take
    allies_note: str = ""
    # The governments whose designations the note relies on. One with no file here is left
    # out (screening cannot tell its listings), so that removing a government is deleting its
    # file; a code that is not one (``UK``, ``usa``) is still an error.
    allies: frozenset[Code] = frozenset()
    paper: Literal["A4", "letter"] = "A4"
    locale: str = "en-GB"  # the documents' language tag: en-GB, or en-US for the United States
    check_before_filing: tuple[Check, ...] = ()
    wording: Wording = Wording()
    designations: Designations = Designations()
    list_format: ListFormat = Field(alias="list")
    # What one act must show before a person is proposed (governments/case.py): the elements
    # the file sets true. Every element is named in every file, so that none is left out
    # unseen and a new one is a decision for each government.
    case: frozenset[str]

    @field_validator("case", mode="before")
    @classmethod
    def _case(cls, raw: Any) -> Any:
        every = ", ".join(ELEMENTS)
        if not isinstance(raw, dict):
            raise ValueError(f"give each element true or false: {every}")
        unknown = sorted(set(raw) - set(ELEMENTS))
        if unknown:
            raise ValueError(f"no element {', '.join(unknown)}; the elements are {every}")
        absent = [key for key in ELEMENTS if key not in raw]
        if absent:
            raise ValueError(
                f"{', '.join(absent)} not given: say true or false for each of {every}"
            )
        odd = [key for key, value in raw.items() if not isinstance(value, bool)]
        if odd:
            raise ValueError(f"{', '.join(odd)}: true or false")
        return frozenset(key for key, value in raw.items() if value)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, raw: Any) -> Any:
        if isinstance(raw, dict):
            return {
                **raw,
                "prose_name": raw.get("prose_name") or raw.get("name", ""),
                "recipient": raw.get("recipient") or raw.get("authority", ""),
            }
        return raw

    @property
    def criteria_named(self) -> str:
        """What a person's conduct is covered by, as the notes and the reasons name it: "the
        criteria of Canada"; Latvia's law states none, so its file names the grounds asked on."""
        return self.wording.criteria or f"the criteria of {self.prose_name}"
