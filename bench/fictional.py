"""A large fictional workbook for the benchmark: invented names only, valid by construction.

As in real lists, every person also has an original-script (Cyrillic) name and aliases, and
text is in the shared-strings table, as Excel and LibreOffice write it."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

import xlsxwriter

from sanctions.workbook.layout import load_layout

CACHE = Path(__file__).resolve().parent / ".cache"
# What the generator writes: a cached workbook carries it in its name, so that every bench
# (validation, exports, conversion, screening) reads data from the generator as it is now.
VERSION = 17

SYLLABLES = [
    "ar",
    "be",
    "da",
    "el",
    "fi",
    "go",
    "ka",
    "lo",
    "ma",
    "ne",
    "or",
    "pa",
    "ru",
    "sa",
    "te",
    "ul",
    "va",
    "ze",
    "kh",
    "zh",
]
# How the fictional Latin names are written in Cyrillic (a plain Russian reading).
LATIN_TO_RUSSIAN = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"),
    ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "ы"), ("k", "к"), ("l", "л"),
    ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
    ("u", "у"), ("f", "ф"), ("h", "х"), ("j", "дж"),
]  # fmt: skip


def cyrillic(name: str) -> str:
    out = []
    for word in name.split():
        w, res = word.lower(), ""
        while w:
            for latin, cyr in LATIN_TO_RUSSIAN:
                if w.startswith(latin):
                    res, w = res + cyr, w[len(latin) :]
                    break
            else:
                res, w = res + w[0], w[1:]
        out.append(res.capitalize())
    return " ".join(out)


EXCEL_MAX_LINKS = 65_530  # hyperlinks per worksheet
SURNAME_ENDS = ["ov", "ev", "ova", "eva", "bayev", "uly", "in", "enko"]
VIOLATIONS = ["killing", "torture", "ill_treatment", "arbitrary_detention", "unfair_trial"]
CONFIDENTIAL_VICTIM_EVERY = 10  # incidents
# A confidential victim's name: other people than the officials, so syllables of their own
# (a victim sharing an official's name would be found named in the list's public cells).
VICTIM_SYLLABLES = ["qi", "wu", "yo", "ji", "hu", "xi", "ce", "ty"]
ROLES = ["ordered", "commanded", "perpetrated", "judge", "prosecutor", "investigator"]


# A long report's paragraphs on other people than the list's, as human-rights reports write them.
PARAGRAPHS = [
    "In {year}, {name} was detained after a peaceful protest and held for ten days; lawyers "
    "were not admitted, and relatives learned of the detention from neighbours.",
    "Under the law of {year} on public assemblies, organisers such as {name} must notify the "
    "city administration ten days in advance; the courts fined dozens of participants.",
    "{name}, a journalist born in {year}, reported threats after publishing an investigation "
    "into the region's prisons, where former detainees described beatings and cold cells.",
    "The prosecutor's office opened a case against {name} in {year} for 'spreading false "
    "information'; the trial was closed to observers and the sentence was upheld on appeal.",
]


def fictional_name(rng: random.Random) -> tuple[str, str]:
    first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return first, last + rng.choice(SURNAME_ENDS)


def write_workbook(
    path: Path,
    persons: int,
    positions: int,
    evidence: int,
    seed: int = 7,
    named: Path | None = None,
    report_chars: int = 0,
) -> None:
    """A fictional list as editors keep one: every post, incident and act quoting its source,
    one incident in ten with a confidential victim, and every second source with a local copy
    (in the evidence folder of ``named``, the name the workbook will have; ``path`` by
    default) that holds the passages quoted from it.

    With ``report_chars``, each copy is a long report of about that many characters (the
    passages quoted from it among paragraphs on other people, places and years), and each
    source without a copy is a confidential interview, cited beside a report for every
    person's identity and every incident: what a public output gives of those cells is then
    looked for in the reports (``evidence/withheld``)."""
    rng = random.Random(seed)
    long = report_chars > 0
    copies: dict[int, list[str]] = {e: [] for e in range(0, evidence, 2)}

    def quoted(e: int, text: str) -> dict[str, str]:
        held = copies.get(e)
        if held is not None:
            held.append(text)
        return {"quote": text, "locator": f"para. {len(held or ()) or 1}", "account": "finding"}

    folder = (named or path).with_name(f"{(named or path).stem}-evidence")

    def copy(i: int) -> dict[str, str]:
        """The source's local copy, written as the sheet reaches it, and its SHA-256."""
        if i not in copies:
            return {"sha256": f"{i:064x}"}
        text = f"Fictional report {i}\n\n" + "".join(
            f"{n}. {passage}.\n\n{filler(i, n)}" for n, passage in enumerate(copies[i], start=1)
        )
        data = text.encode("utf-8")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:06d}.txt").write_bytes(data)
        return {"file": f"{i:06d}.txt", "sha256": hashlib.sha256(data).hexdigest()}

    filling = random.Random(seed + 2)  # its own draws: the rows as they are without reports

    def filler(i: int, n: int) -> str:
        """Paragraphs on other people, places and years, spread between a report's passages."""
        if not long:
            return ""
        share = report_chars // max(len(copies[i]), 1)
        out: list[str] = []
        while sum(map(len, out)) < share:
            first, last = fictional_name(filling)
            year = filling.randint(1960, 2022)
            out.append(
                f"{filling.choice(PARAGRAPHS).format(name=f'{first} {last}', year=year)}\n\n"
            )
        return "".join(out)

    def beside(e: int) -> str:
        """A row's sources: the one given, and in a list of long reports its confidential
        interview beside it."""
        return f"E{e:06d}; E{e + 1:06d}" if long else f"E{e:06d}"

    def public(e: int) -> int:
        return e - e % 2 if long else e

    layout = load_layout()
    orgs, incidents = max(persons // 100, 2), max(persons // 20, 1)
    # Shared strings, as Excel and LibreOffice write them (constant_memory would inline them).
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})

    def sheet(name: str, rows: Iterable[dict[str, str]]) -> None:
        ws = book.add_worksheet(name)
        columns = [c.name for c in layout.sheet(name).columns]
        ws.write_row(0, 0, columns)
        links = 0
        for i, row in enumerate(rows, start=1):
            for j, column in enumerate(columns):
                value = row.get(column, "")
                # Excel links a typed URL, up to its limit per sheet; past it, a URL is text.
                if value.startswith(("http://", "https://")) and links < EXCEL_MAX_LINKS:
                    ws.write_url(i, j, value)
                    links += 1
                else:
                    ws.write(i, j, value)

    surnames: list[str] = []  # each person's, for the passages on their acts, which name them

    def person_rows() -> Iterator[dict[str, str]]:
        for i in range(persons):
            first, last = fictional_name(rng)
            surnames.append(last)
            born = f"{rng.randint(1940, 1995)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            # the source cited for the birth date and nationality states them, as validate looks
            # for them there
            held = copies.get(public(i % max(evidence, 1)))
            if held is not None:
                held.append(f"official {first} {last}, a Kazakh citizen, was born on {born}")
            yield {
                "person_id": f"P{i:06d}",
                "name": f"{first} {last}",
                "first_name": first,
                "last_name": last,
                "gender": rng.choice(["male", "female"]),
                "birth_date": born,
                "nationality": "kz",
                # the source of the birth date, as a list ready to file cites it
                "identity_evidence_ids": beside(public(i % max(evidence, 1))),
                "status": "proposed",
                # As in real lists: the name in its own script, and other spellings.
                "name_original": cyrillic(f"{last} {first}"),
                "aliases": f"{last} {first}; {first} {last.replace('kh', 'h')}",
                "summary": f"Fictional official number {i}.",
                # the arguments governments ask for, as a list ready to file has them
                "impact": f"Fictional official number {i} travels abroad; a ban would end it.",
                "offence": "Torturing detainees is a very serious crime in Lithuanian law.",
            }

    hidden = random.Random(seed + 1)  # its own draws: the other sheets as they were

    def victims(i: int) -> dict[str, str]:
        """One incident in ten with a victim kept confidential (a witness, a detainee), whose
        name every public cell is then searched for; the others' victims named in public."""
        if i % CONFIDENTIAL_VICTIM_EVERY:
            return {"victims": "Fictional Victim"}
        first, last = (
            "".join(hidden.choice(VICTIM_SYLLABLES) for _ in range(4)).capitalize()
            for _ in range(2)
        )
        return {"victims": f"{first} {last}ova", "victims_confidential": "yes"}

    sheet("persons", person_rows())
    sheet(
        "organizations",
        (
            {
                "org_id": f"O{i:05d}",
                "name": f"Fictional Agency {i}",
                "type": "police",
                "country": "kz",
                "parent_org_id": f"O{i // 10:05d}" if i >= 10 else "",
            }
            for i in range(orgs)
        ),
    )
    sheet(
        "positions",
        (
            {
                "person_id": f"P{i % persons:06d}",
                "org_id": f"O{rng.randrange(orgs):05d}",
                "title": "Officer",
                "start_date": f"{2000 + i % 10}-01",
                "end_date": f"{2012 + i % 10}-06-30",
                "evidence_ids": beside(public(i % evidence))
                if long
                else f"E{i % evidence:06d}; E{(i * 7) % evidence:06d}",
                # a passage on a post names its holder, and its dates as a report writes them
                # (validate looks for them there), as a source's does
                **quoted(
                    public(i % evidence),
                    f"official {surnames[i % persons]} (P{i % persons:06d}) served as an officer "
                    f"from January {2000 + i % 10} to 30 June {2012 + i % 10}",
                ),
            }
            for i in range(positions)
        ),
    )

    def incident_row(i: int) -> dict[str, str]:
        told = victims(i)
        # the source names the incident's place, day and (public) victims, as validate looks
        # for them there; a confidential victim's name is not looked for
        named = "the victims" if told.get("victims_confidential") else told["victims"]
        return {
            "incident_id": f"I{i:06d}",
            "title": f"Fictional incident {i}",
            "date": f"{2010 + i % 12}-05-01",
            "country": "kz",
            "violation_types": "; ".join(rng.sample(VIOLATIONS, 2)),
            "summary": "A fictional incident for the benchmark.",
            "place": f"Fictional Town {i % 50}",
            **told,
            "evidence_ids": beside(public(i % evidence)),
            "confidential": "no",
            "victim_activity": "The victims were protesting peacefully.",
            "pattern": f"One of {50 + i % 7} such incidents in the region that year.",
            "consequences": f"{1 + i % 5} of the detainees were taken to hospital.",
            **quoted(
                public(i % evidence),
                f"on 1 May {2010 + i % 12}, in Fictional Town {i % 50}, in fictional incident "
                f"{i}, {named} was detained",
            ),
        }

    sheet("incidents", (incident_row(i) for i in range(incidents)))
    sheet(
        "involvement",
        (
            {
                "person_id": f"P{i:06d}",
                "incident_id": f"I{i % incidents:06d}",
                "role": rng.choice(ROLES),
                # the editor's words, quoting the source's where they matter, as lists do
                "description": f"The source says that officer {surnames[i]} “took part” in "
                f"incident {i}.",
                "evidence_ids": beside(public((i * 3) % evidence))
                if long
                else f"E{(i * 3) % evidence:06d}",
                # a passage on the person's own act names them, as a source's does; its words
                # are its own (a formula shared by every act would be one passage quoted by
                # all the officials of a surname: a collective mention, as no source writes)
                **quoted(
                    public((i * 3) % evidence), f"at incident {i} officer {surnames[i]} took part"
                ),
            }
            for i in range(persons)
        ),
    )
    sheet(
        "evidence",
        (
            {
                "evidence_id": f"E{i:06d}",
                "title": f"Fictional report {i}",
                "publisher": "Fictional Watch",
                "published_date": "2021-01-15",
                "kind": "ngo_report",
                "url": f"https://example.org/r/{i}",
                **copy(i),
                "language": "en",
                "confidential": "yes" if long and i % 2 else "no",
                **({"kind": "testimony", "title": f"Interview {i}"} if long and i % 2 else {}),
            }
            for i in range(evidence)
        ),
    )
    sheet(
        "submitter",
        iter(
            [
                {"key": "organisation", "value": "Fictional Rights Centre"},
                {"key": "contact_person", "value": "Jane Doe"},
                {"key": "email", "value": "jane@example.org"},
                {"key": "date", "value": "2026-11-30"},
            ]
        ),
    )
    book.close()


def cached_workbook(persons: int, reports: int = 0, report_chars: int = 0) -> Path:
    """The fictional workbook of `persons` persons, generated once into CACHE and reused while
    the generator's VERSION stands. With ``reports``: that many long public reports of about
    ``report_chars`` characters, each with a confidential interview cited beside it, in place
    of a short copy for every fourth person."""
    long = f"-{reports}x{report_chars}" if reports else ""
    path = CACHE / f"fictional-{persons}{long}-v{VERSION}.xlsx"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"generating {path.name} (once; cached) …", flush=True)
        tmp = path.with_suffix(".tmp.xlsx")
        evidence = 2 * reports if reports else max(persons // 2, 1)
        write_workbook(tmp, persons, 2 * persons, evidence, named=path, report_chars=report_chars)
        tmp.replace(path)
    return path
