"""`sanctions report`: the internal review report for the people who sign off a release.

The pages are read back as a reader's browser would parse them (``html.parser``) and the
pictures as XML, and what they say is checked against the workbook: counts, findings, what each
government receives, a person's page, the network. Every name here is invented.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import pytest

from sanctions.check.validate import validate
from sanctions.common.files import file_sha256
from sanctions.model.rows import Rows
from sanctions.review import network
from sanctions.review.report import file_stems, render, write_report, write_review
from sanctions.review.svg import CHAR_WIDTH
from sanctions.tracking.screening import (
    Designation,
    Match,
    Screened,
    Screening,
    to_json,
)
from tests import workbooks
from tests.conftest import REPO, run_cli

SVG = "{http://www.w3.org/2000/svg}"
# In a confidential incident: it must reach the report, and never the public folder.
CANARY = "CANARY-7Q2X-REVIEW"
REGISTER = (
    "from sanctions.cli import cli, main; from sanctions.cli.report import report; "
    "cli.add_command(report); main()"
)


def report_cli(*args: str, cwd: Path = REPO, seed: str = "0") -> subprocess.CompletedProcess[str]:
    """``sanctions report ARGS`` in a fresh process, through the command group and its main()
    as the ``sanctions`` command runs them. ``sanctions/cli/__init__.py`` registers the command;
    adding it again here changes nothing then, and lets these tests run before it does.
    ``seed``: PYTHONHASHSEED, which the real entry point fixes; the report must not need it."""
    return subprocess.run(
        [sys.executable, "-c", REGISTER, "report", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": seed},
    )


def review_rows() -> workbooks.Rows:
    """The valid rows, plus a confidential incident and evidence item, an undated post and an
    "as of" post, a judge limited to two governments, contrary information and a submissions
    history; P002 has no birth date (a warning)."""
    rows = workbooks.valid_rows()
    rows["persons"][1].pop("birth_date")
    rows["persons"][1]["exculpatory"] = "Denies having been on duty that day."
    rows["persons"].append(
        {
            "person_id": "P003",
            "name": "Yerbol Samplov",
            "first_name": "Yerbol",
            "last_name": "Samplov",
            "gender": "male",
            "birth_date": "1962-02-02",
            "nationality": "kz",
            "status": "proposed",
            "jurisdictions": "us; ca",
        }
    )
    rows["organizations"].append(
        {"org_id": "O003", "name": "Example District Court", "type": "court", "country": "kz"}
    )
    rows["positions"] += [
        {"person_id": "P001", "org_id": "O002", "title": "Adviser", "evidence_ids": "E001"},
        {
            "person_id": "P002",
            "org_id": "O001",
            "title": "Inspector",
            "as_of": "2019-09-01",
            "evidence_ids": "E002",
        },
        {
            "person_id": "P003",
            "org_id": "O003",
            "title": "Judge",
            "start_date": "2010",
            "evidence_ids": "E001",
        },
    ]
    rows["incidents"] += [
        {
            "incident_id": "I002",
            "title": f"Beating of {CANARY} in custody",
            "date": "2019-06-10",
            "country": "kz",
            "violation_types": "torture",
            "summary": f"A detainee, {CANARY}, was beaten.",
            "victims": "Witness Three",
            "evidence_ids": "E003",
            "confidential": "yes",
        },
        {
            "incident_id": "I003",
            "title": "Trial of <Example> & others",
            "date": "2021-04-05",
            "country": "kz",
            "violation_types": "unfair_trial",
            "summary": "Activists were convicted after a closed trial.",
            "victims": "Example Activist",
            "victim_activity": "Example Activist organised peaceful rallies.",
            "evidence_ids": "E001",
            "confidential": "no",
        },
    ]
    rows["involvement"] += [
        {
            "person_id": "P001",
            "incident_id": "I002",
            "role": "ordered",
            "description": "Ordered the beating.",
            "evidence_ids": "E003",
        },
        {
            "person_id": "P003",
            "incident_id": "I003",
            "role": "judge",
            "description": "Presided over the trial.",
            "evidence_ids": "E001",
        },
    ]
    rows["evidence"].append(
        {
            "evidence_id": "E003",
            "title": f"Statement about {CANARY}",
            "kind": "testimony",
            "file": "statements/witness-2.pdf",
            "sha256": None,  # its copy is there, its hash not yet recorded
            "language": "ru",
            "confidential": "yes",
        }
    )
    rows["submissions"] = [
        {
            "person_id": "P001",
            "jurisdiction": "us",
            "status": "submitted",
            "date": "2025-01-10",
            "reference": "US-REF-1",
        },
        {"person_id": "P002", "jurisdiction": "ca", "status": "submitted", "date": "2024-05-02"},
        {"person_id": "P002", "jurisdiction": "ca", "status": "designated", "date": "2025-02"},
    ]
    return rows


def _designated(ref: str, score: float, code: str, program: str, date: str) -> Match:
    listing = Designation(f"{ref}-s", code, "Authority", program, program, date, "", True, "")
    return Match(ref, score, "Listed Name", "Listed Name", "Person", ["ds"], [], [], [listing], "")


def write_screening(book: Path, exports: Path) -> None:
    """The United Kingdom lists P001 (a certain match); the United States may list P002."""
    screening = Screening(
        book.stem,
        file_sha256(book),
        0.7,
        [{"source": "/data/reference.ftm.json"}],
        [
            Screened(
                "P001",
                "Arman Testbayev",
                "proposed",
                "1970-05-01",
                [_designated("r1", 1.0, "gb", "Global Human Rights", "2022-03-15")],
            ),
            Screened(
                "P002",
                "Dana Fictiyeva",
                "proposed",
                "",
                [_designated("r2", 0.8, "us", "GLOMAG", "2021-12-10")],
            ),
            Screened("P003", "Yerbol Samplov", "proposed", "1962-02-02"),
        ],
    )
    folder = exports / book.stem
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "screening.json").write_bytes(to_json(screening, {}))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(workbook, report folder), the report written by the command with a screening."""
    tmp = tmp_path_factory.mktemp("report")
    book = workbooks.write(tmp / "book.xlsx", review_rows())
    exports = tmp / "exports"
    write_screening(book, exports)
    out = tmp / "review"
    proc = report_cli(
        str(book), "--exports", str(exports), "--out", str(out), "--date", "2026-12-01"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"wrote {out}\n"
    return book, out


# -- reading the pages back -------------------------------------------------------------------

VOID = {"br", "meta", "img", "input", "hr", "link", "wbr", "source"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag, self.attrs = tag, attrs
        self.children: list[Element | str] = []

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join("".join(parts).split())

    def all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if (tag is None or child.tag == tag) and all(
                    child.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items()
                ):
                    found.append(child)
                found += child.all(tag, **attrs)
        return found

    def one(self, tag: str | None = None, **attrs: str) -> Element:
        found = self.all(tag, **attrs)
        assert len(found) == 1, (tag, attrs, len(found))
        return found[0]


class Tree(HTMLParser):
    """The page as a tree, as a browser parses it (enough of it for these tests)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack[-1].tag != tag:
            self.stack.pop()
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def page(path: Path) -> Element:
    return page_of(path.read_text(encoding="utf-8"))


def page_of(html: str) -> Element:
    tree = Tree()
    tree.feed(html)
    tree.close()
    return tree.root


def table(root: Element, **attrs: str) -> list[list[str]]:
    """The body rows of a table, as cell texts."""
    body = root.one("table", **attrs).one("tbody")
    return [[cell.text() for cell in row.all("td")] for row in body.all("tr")]


def listed(root: Element, government: str, kind: str) -> list[str]:
    block = root.one("div", id=f"gov-{government}")
    found = block.all("ul", data_list=kind)
    return [li.text() for li in found[0].all("li")] if found else []


# -- the front page ---------------------------------------------------------------------------


def test_front_page_counts(built):
    _, out = built
    front = page(out / "index.html")
    assert table(front, id="count-persons") == [
        ["research", "0"],
        ["proposed", "3"],
        ["withdrawn", "0"],
    ]
    assert table(front, id="count-violations") == [
        ["Torture", "1"],
        ["Cruel, inhuman or degrading treatment", "1"],
        ["Arbitrary arrest or detention", "1"],
        ["Unfair trial, denial of due process", "1"],
    ]
    caption = front.one("table", id="count-violations").one("caption").text()
    assert "3 incidents, 1 confidential" in caption
    assert table(front, id="count-kinds") == [
        ["Report by a human-rights organisation", "1"],
        ["Testimony of a victim or witness", "2"],
    ]
    assert table(front, id="count-checks") == [
        ["with a URL", "1"],
        ["with an archive link", "0"],
        ["with a local file", "3"],  # the report's copy, and both statements
        ["with a recorded hash", "2"],
        ["known only through another document", "0"],
        ["with nothing to check it by", "0"],
    ]


def test_findings_are_grouped_by_severity_with_their_cell(built):
    book, out = built
    front = page(out / "index.html")
    headings = [h.text() for h in front.one("section", id="findings").all("h3")]
    expected = [f for f in validate(book).findings]
    warnings = [f for f in expected if f.severity == "warning"]
    assert headings == ["Errors (0)", f"Warnings ({len(warnings)})"]
    birth = workbooks.cell("persons", "birth_date", 1)
    rows = table(front, data_severity="warnings")
    assert [f"persons!{birth}", "person.no_birth_date"] in [[r[0], r[2]] for r in rows]
    assert len(rows) == len(warnings)
    # and on the page of the person it concerns
    person = page(out / "persons" / "P002.html")
    assert [f"persons!{birth}", "warning person.no_birth_date"] in [
        [r[0], r[2]] for r in table(person, **{"class": "findings"})
    ]


def test_what_each_government_receives(built):
    _, out = built
    front = page(out / "index.html")
    # the United Kingdom has listed P001 (screening): not proposed again; P003 is not for it
    assert listed(front, "gb", "propose") == [
        "P002 Dana Fictiyeva: SI 2020/680 reg. 6 with reg. 4(2)"
    ]
    assert listed(front, "gb", "designated") == [
        "P001 Arman Testbayev: Global Human Rights, listed 2022-03-15"
    ]
    assert listed(front, "gb", "elsewhere") == [
        "P003 Yerbol Samplov: the persons sheet limits the person to us, ca"
    ]
    # the United States may have listed P002 (a weaker match): still proposed, to confirm;
    # its law does not reach a judge's unfair trial
    assert [e.split(":")[0] for e in listed(front, "us", "propose")] == [
        "P001 Arman Testbayev",
        "P002 Dana Fictiyeva",
    ]
    assert listed(front, "us", "possible") == ["P002 Dana Fictiyeva: GLOMAG, screening score 0.80"]
    assert listed(front, "us", "outside") == [
        "P003 Yerbol Samplov: the recorded conduct (unfair trial) is outside the criteria of the "
        "United States"
    ]
    # Canada designated P002 according to the submissions sheet
    assert listed(front, "ca", "recorded") == [
        "P002 Dana Fictiyeva: recorded as designated February 2025"
    ]
    assert [e.split(":")[0] for e in listed(front, "ca", "propose")] == [
        "P001 Arman Testbayev",
        "P003 Yerbol Samplov",
    ]


def test_a_person_a_follower_holds_back_is_shown_held_back_as_its_package_does(
    build, tmp_path: Path
) -> None:
    """Unscreened, nobody knows where the European Union stands, so Switzerland's package
    names no one: the report says so, and that the notes name them, and never "proposed"."""
    book = build(workbooks.valid_rows())
    result = validate(book)
    files = render(result, book, None, None)
    front = page_of(files["index.html"])
    assert listed(front, "ch", "propose") == []
    held = listed(front, "ch", "unsettled")
    assert [e.split(":")[0] for e in held] == ["P001 Arman Testbayev", "P002 Dana Fictiyeva"]
    assert "take over the European Union's listings" in held[0]
    person = page_of(files[next(name for name in files if name.endswith("P001.html"))])
    assert "held back until it is known where the government it follows stands" in person.text()
    out = tmp_path / "out"
    done = run_cli("export", str(book), "--out", str(out))
    assert done.returncode == 0
    assert (
        "nothing to send to Switzerland yet: 2 persons wait until it is known where the "
        "European Union stands" in done.stdout + done.stderr
    )
    notes = (out / book.stem / f"{book.stem}-ch" / "internal" / "notes.txt").read_text("utf-8")
    assert (
        "Targets in scope: 0." in notes
        and "Held until it is known where the European Union stands: 2." in notes
    )
    assert "Nothing goes to Switzerland yet" in notes and "- Arman Testbayev" in notes


def public_lists(front: Element) -> tuple[list[str], list[str]]:
    """The front page's public list: who is shown, and who is left off and why."""
    found = {
        kind: [li.text() for ul in front.all("ul", data_list=kind) for li in ul.all("li")]
        for kind in ("public", "left_off")
    }
    return found["public"], found["left_off"]


def test_who_the_public_list_leaves_off_is_said_with_why(build, tmp_path: Path) -> None:
    """A proposed person whom no government's criteria reach is on no package and on no public
    page: published nowhere, which the editors read here before a release."""
    rows = review_rows()
    judge = next(p for p in rows["persons"] if p["person_id"] == "P003")
    judge["jurisdictions"] = "us"  # whose law does not reach a judge's unfair trial
    book = build(rows)
    files = render(validate(book), book, None, None)
    front = page_of(files["index.html"])
    shown, left = public_lists(front)
    assert [e.split(":")[0] for e in shown] == ["P001 Arman Testbayev", "P002 Dana Fictiyeva"]
    assert left == [
        "P003 Yerbol Samplov: no government's criteria reach the case as the sources show it"
    ]


def test_persons_table_links_every_page_and_marks_confidential(built):
    _, out = built
    front = page(out / "index.html")
    rows = front.one("table", id="persons-table").one("tbody").all("tr")
    assert [r.attrs["data-status"] for r in rows] == ["proposed"] * 3
    links = [r.one("a").attrs["href"] for r in rows]
    assert links == ["persons/P001.html", "persons/P002.html", "persons/P003.html"]
    assert all((out / link).is_file() for link in links)
    marked = [bool(r.all("span", **{"class": "badge confidential"})) for r in rows]
    assert marked == [True, True, False]  # P002: the victims of I001 are confidential
    # the filter works without JavaScript too: the form is hidden, the table whole
    assert "hidden" in front.one("form", id="filter").attrs
    script = front.one("script").text()
    assert "filter-text" in script and "src=" not in str(front.one("script").attrs)


# -- a person's page --------------------------------------------------------------------------


def inline_svg(path: Path, kind: str) -> ET.Element:
    text = path.read_text(encoding="utf-8")
    found = re.findall(rf'<svg [^>]*class="{kind}".*?</svg>', text, flags=re.S)
    assert len(found) == 1
    return ET.fromstring(found[0])


def test_person_page_sections(built):
    _, out = built
    person = page(out / "persons" / "P001.html")
    title = person.one("h1")
    assert "Arman Testbayev" in title.text() and "CONFIDENTIAL" in title.text()
    # the dated post is on the timeline; the undated one is listed apart
    line = inline_svg(out / "persons" / "P001.html", "timeline")
    assert [
        g.find(f"{SVG}title").text for g in line.iter(f"{SVG}g") if "post" in g.get("class", "")
    ] == ["Minister, Ministry of Examples: January 2015 to 31 December 2020"]
    assert [li.text() for li in person.one("ul", **{"class": "undated"}).all("li")] == [
        "Adviser, Example City Police [E001]"
    ]
    # the confidential incident is there, marked, with its canary
    act = person.one("div", id="act-I002")
    assert "confidential" in act.attrs["class"] and CANARY in act.text()
    assert "CONFIDENTIAL" in act.one("h3").text()
    # evidence: links for what is online; a local copy is named, never linked
    sources = person.one("section", id="evidence")
    hrefs = [a.attrs["href"] for a in sources.all("a")]
    assert hrefs == ["https://example.org/report"]
    statement = sources.one("li", id="ev-E003")
    assert "CONFIDENTIAL" in statement.text()
    assert "statements/witness-2.pdf" in statement.text() and "no hash recorded" in statement.text()
    # each government: the limb used or why none
    outcomes = {
        tr.attrs["id"]: tr.attrs["data-outcome"]
        for tr in person.one("table", **{"class": "governments"}).all("tr")
        if "id" in tr.attrs
    }
    assert outcomes["gov-gb"] == "screened" and outcomes["gov-us"] == "proposed"
    assert "E.O. 13818" in person.one("tr", id="gov-us").text()
    assert table(person, **{"class": "designations"})[0][:3] == [
        "United Kingdom",
        "Global Human Rights",
        "2022-03-15",
    ]
    assert table(person, **{"class": "history"}) == [
        ["United States", "submitted", "10 January 2025", "US-REF-1", ""]
    ]
    # a possible match says what to confirm in a column of its own, which wraps
    weaker = table(page(out / "persons" / "P002.html"), **{"class": "designations"})
    us = next(row for row in weaker if row[0] == "United States")
    assert us[5] == "0.80" and us[6] == "a possible match by its score"  # no doubt recorded
    assert table(person, **{"class": "designations"})[0][6] == ""  # taken as the same person
    relatives = person.one("section", id="relatives")
    assert "associate of this person: Dana Fictiyeva" in relatives.text()
    assert [a.attrs["href"] for a in relatives.all("a")] == ["../persons/P002.html", "#ev-E001"]


def test_as_of_and_open_posts_are_drawn_apart(built):
    _, out = built
    line = inline_svg(out / "persons" / "P002.html", "timeline")
    posts = [g for g in line.iter(f"{SVG}g") if "post" in g.get("class", "")]
    assert [g.find(f"{SVG}title").text for g in posts] == [
        "Chief, Example City Police: from 2018",
        "Inspector, Ministry of Examples: in post as of 1 September 2019",
    ]
    chief, inspector = posts
    assert [e.get("class") for e in chief if e.get("class")] == ["open", "bar"]
    assert [e.get("class") for e in inspector if e.get("class")] == ["as-of"]
    person = page(out / "persons" / "P002.html")
    assert (
        person.one("section", id="contrary").text().endswith("Denies having been on duty that day.")
    )
    assert "undated" not in {u.attrs.get("class") for u in person.all("ul")}


def test_values_are_escaped(built):
    _, out = built
    html = (out / "persons" / "P003.html").read_text(encoding="utf-8")
    assert "Trial of &lt;Example&gt; &amp; others" in html
    assert "<Example>" not in html
    assert "Trial of <Example> & others" in page(out / "persons" / "P003.html").one("h3").text()


# -- the network ------------------------------------------------------------------------------


def nodes_and_edges(svg: Path) -> tuple[dict[str, str], set[tuple[str, str, str, str]]]:
    """{node key: class}, {(from, to, kind, label)} of a network picture."""
    tree = ET.parse(svg).getroot()
    nodes = {
        g.get("data-id", ""): g.get("class", "")
        for g in tree.iter(f"{SVG}g")
        if g.get("class", "").startswith("node ")
    }
    labels = {}
    for line in tree.iter(f"{SVG}line"):
        if line.get("class", "").startswith("edge "):
            title = line.find(f"{SVG}title")
            labels[(line.get("data-from"), line.get("data-to"), line.get("class", "")[5:])] = (
                title.text.rsplit(": ", 1)[-1] if title is not None and title.text else ""
            )
    return nodes, {(a, b, kind, label) for (a, b, kind), label in labels.items()}


def test_network_nodes_and_edges(built):
    _, out = built
    nodes, edges = nodes_and_edges(out / "network.svg")
    assert nodes == {
        "person:P001": "node person-proposed",
        "person:P002": "node person-proposed",
        "person:P003": "node person-proposed",
        "org:O001": "node organisation",
        "org:O002": "node organisation",
        "org:O003": "node organisation",
        "incident:I001": "node incident",
        "incident:I002": "node incident-confidential",
        "incident:I003": "node incident",
    }
    assert edges == {
        ("person:P001", "org:O001", "post", "post"),
        ("person:P001", "org:O002", "post", "post"),
        ("person:P002", "org:O002", "post", "post"),
        ("person:P002", "org:O001", "post", "post"),
        ("person:P003", "org:O003", "post", "post"),
        ("person:P001", "incident:I001", "involvement", "ordered"),
        ("person:P001", "incident:I002", "involvement", "ordered"),
        ("person:P002", "incident:I001", "involvement", "perpetrated"),
        ("person:P003", "incident:I003", "involvement", "judge"),
        ("person:P002", "person:P001", "relation", "associate of"),
    }
    tree = ET.parse(out / "network.svg").getroot()
    links = sorted(a.get("href", "") for a in tree.iter(f"{SVG}a"))
    assert links == ["persons/P001.html", "persons/P002.html", "persons/P003.html"]
    legend = [t.text for t in tree.find(f"{SVG}g[@class='legend']").iter(f"{SVG}text")]
    assert "Incident, CONFIDENTIAL" in legend and "Post held (person to organisation)" in legend
    # coordinates are rounded, so that floating-point noise never changes a byte
    numbers = re.findall(
        r'(?:x|y|x1|y1|x2|y2|cx|cy|width|height)="(-?[0-9.]+)"', (out / "network.svg").read_text()
    )
    assert numbers and all(len(n.partition(".")[2]) <= 1 for n in numbers)
    front = page(out / "index.html")
    assert front.one("section", id="network").one("img").attrs["src"] == "network.svg"


def label_boxes(svg: ET.Element) -> list[tuple[float, float, float, float]]:
    """Each node's shape with its label, as the box it covers."""
    boxes = []
    for g in svg.iter(f"{SVG}g"):
        if not g.get("class", "").startswith("node "):
            continue
        texts = g.findall(f"{SVG}text")
        xs, ys = [], []
        for shape in g:
            if shape.tag == f"{SVG}circle":
                r = float(shape.get("r", "0"))
                xs += [float(shape.get("cx", "0")) - r, float(shape.get("cx", "0")) + r]
                ys += [float(shape.get("cy", "0")) - r]
            elif shape.tag == f"{SVG}rect":
                xs += [
                    float(shape.get("x", "0")),
                    float(shape.get("x", "0")) + float(shape.get("width", "0")),
                ]
                ys += [float(shape.get("y", "0"))]
            elif shape.tag == f"{SVG}polygon":
                points = [tuple(map(float, p.split(","))) for p in shape.get("points", "").split()]
                xs += [p[0] for p in points]
                ys += [p[1] for p in points]
        for text in texts:
            half = len(text.text or "") * 12 * CHAR_WIDTH / 2
            x, y = float(text.get("x", "0")), float(text.get("y", "0"))
            xs += [x - half, x + half]
            ys += [y + 3]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def test_labels_of_the_default_list_do_not_overlap():
    rows = Rows.of(validate(REPO / "lists" / "kazakhstan.xlsx"))
    pages = {p.person_id: f"persons/{p.person_id}.html" for p in rows.persons}
    (picture,) = network.pictures(rows, pages, {}, "Kazakhstan")
    svg = ET.fromstring(picture.svg)
    boxes = label_boxes(svg)
    assert len(boxes) > 29
    overlapping = [
        (a, b)
        for a, b in combinations(boxes, 2)
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]
    assert overlapping == []
    # the canvas grows with the list, not with a fixed size
    assert 1000 < float(svg.get("width", "0")) < 3000


def large_rows(count: int = 70) -> workbooks.Rows:
    """``count`` fictional persons over three bodies, each in one of two incidents, and one
    withdrawn person with no post."""
    rows = workbooks.valid_rows()
    rows["persons"], rows["positions"], rows["involvement"], rows["relations"] = [], [], [], []
    rows["organizations"].append(
        {"org_id": "O003", "name": "Example Prison Service", "type": "police", "country": "kz"}
    )
    for n in range(1, count + 1):
        pid = f"P{n:03d}"
        rows["persons"].append(
            {
                "person_id": pid,
                "name": f"Official Number{n:03d}",
                "birth_date": f"{1950 + n % 30}",
                "nationality": "kz",
                "gender": "male",
                "status": "research",
            }
        )
        rows["positions"].append(
            {
                "person_id": pid,
                "org_id": f"O00{n % 3 + 1}",
                "title": "Officer",
                "start_date": "2015",
                "evidence_ids": "E001",
            }
        )
        rows["involvement"].append(
            {
                "person_id": pid,
                "incident_id": "I001",
                "role": "perpetrated",
                "description": "Took part in the detentions.",
                "evidence_ids": "E002",
            }
        )
    rows["persons"].append({"person_id": "P999", "name": "Retired Examplov", "status": "withdrawn"})
    return rows


def test_above_the_threshold_one_picture_per_organisation(tmp_path):
    book = workbooks.write(tmp_path / "big.xlsx", large_rows())
    result = validate(book)
    assert not result.errors, result.errors
    out = write_review(result, book, tmp_path / "review", None, None)
    assert sorted(p.name for p in (out / "network").iterdir()) == [
        "O001.svg",
        "O002.svg",
        "O003.svg",
        "_no-post.svg",
    ]
    # network.svg maps the bodies, which share the incident, and links to their pictures
    nodes, edges = nodes_and_edges(out / "network.svg")
    assert nodes == {k: "node organisation" for k in ("org:O001", "org:O002", "org:O003", "org:")}
    assert {(a, b, kind) for a, b, kind, _ in edges} == {
        ("org:O001", "org:O002", "shared"),
        ("org:O001", "org:O003", "shared"),
        ("org:O002", "org:O003", "shared"),
        ("org:O002", "org:O001", "parent"),
    }
    tree = ET.parse(out / "network.svg").getroot()
    assert {a.get("href") for a in tree.iter(f"{SVG}a")} == {
        "network/O001.svg",
        "network/O002.svg",
        "network/O003.svg",
        "network/_no-post.svg",
    }
    # each body's picture: its persons (every third), their incident, links back up
    nodes, _ = nodes_and_edges(out / "network" / "O002.svg")
    persons = {k for k in nodes if k.startswith("person:")}
    assert persons == {f"person:P{n:03d}" for n in range(1, 71) if n % 3 == 1}
    assert {k for k in nodes if not k.startswith("person:")} == {"org:O002", "incident:I001"}
    tree = ET.parse(out / "network" / "O002.svg").getroot()
    assert "../persons/P001.html" in {a.get("href") for a in tree.iter(f"{SVG}a")}
    # every picture, opened on its own, says it is internal, above what it shows
    for picture in [out / "network.svg", *(out / "network").iterdir()]:
        tree = ET.parse(picture).getroot()
        said = " ".join(t.text for t in tree.find(f"{SVG}g[@class='notice']").iter() if t.text)
        assert said.startswith("CONFIDENTIAL. Part of the internal review report"), picture
        assert "Do not publish" in said, picture
    front = page(out / "index.html")
    pictures = front.one("ul", **{"class": "pictures"}).all("a")
    assert [a.attrs["href"] for a in pictures] == [
        "network/O001.svg",
        "network/O002.svg",
        "network/O003.svg",
        "network/_no-post.svg",
    ]


# -- reproducible, self-contained, never in the way -------------------------------------------


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_two_runs_give_the_same_bytes(built, tmp_path):
    book, first = built
    exports = tmp_path / "exports"
    write_screening(book, exports)
    again = tmp_path / "again"
    proc = report_cli(
        str(book), "--exports", str(exports), "--out", str(again), "--date", "2026-12-01",
        seed="12345",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert files_of(again) == files_of(first)
    assert len(files_of(first)) == 6  # index, three persons, the picture and the marker


def test_the_pages_load_nothing_from_elsewhere(built):
    _, out = built
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|link|img)[^>]+(?:src|href)="https?:', text), path
        assert "@import" not in text


def test_file_names_survive_case_insensitive_disks():
    stems = file_stems(["P001", "p001", "P002"])
    assert stems["P002"] == "P002"
    assert len({s.casefold() for s in stems.values()}) == 3


def test_render_in_process_matches_the_command(built):
    book, out = built
    exports = out.parent / "exports"
    from sanctions.tracking.screening import load_screening

    files = render(validate(book), book, load_screening(exports / book.stem), "2026-12-01")
    on_disk = files_of(out)
    assert {k: v.encode() for k, v in files.items()} == {
        k: v for k, v in on_disk.items() if not k.startswith(".")
    }


def test_write_report_puts_the_report_in_the_list_folder(built, tmp_path):
    book, _ = built
    write_report(validate(book), book, tmp_path / "exports" / "book", None, None)
    assert (tmp_path / "exports" / "book" / "report" / "index.html").is_file()


# -- the command ------------------------------------------------------------------------------


def test_default_folder_is_beside_the_exports_which_export_accepts(tmp_path):
    book = workbooks.write(tmp_path / "book.xlsx", workbooks.valid_rows())
    proc = report_cli(str(book), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"wrote {Path('exports') / 'book' / 'report'}\n"
    assert (tmp_path / "exports" / "book" / "report" / "index.html").is_file()
    # the list folder is marked as the tool's own, so that export may replace it later
    exported = run_cli("export", str(book), "--out", "exports", "--only", "us", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr


def test_a_workbook_with_errors_gets_no_report(tmp_path):
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "1965-13-01"
    book = workbooks.write(tmp_path / "book.xlsx", rows)
    proc = report_cli(str(book), "--out", str(tmp_path / "review"))
    assert proc.returncode == 1
    assert "[error date.invalid]" in proc.stdout
    assert proc.stderr.strip().endswith("no report written: fix the errors above first")
    assert not (tmp_path / "review").exists()


@pytest.mark.parametrize("content", [None, b"just text\n"])
def test_a_missing_or_unreadable_workbook_is_one_line_and_exit_2(tmp_path, content):
    book = tmp_path / "book.xlsx"
    if content is not None:
        book.write_bytes(content)
    proc = report_cli(str(book), "--out", str(tmp_path / "review"))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert proc.stderr.startswith(f"error: {book}: ") and "Traceback" not in proc.stderr


def test_a_folder_the_tool_did_not_write_is_left_alone(tmp_path):
    book = workbooks.write(tmp_path / "book.xlsx", workbooks.valid_rows())
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    proc = report_cli(str(book), "--out", str(mine))
    assert proc.returncode == 2
    assert "sanctions did not write" in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    # the editors' folder is refused as well
    (tmp_path / "lists").mkdir()
    proc = report_cli(str(book), "--out", "lists/review", cwd=tmp_path)
    assert proc.returncode == 2 and "the editors' folder" in proc.stderr
    assert not (tmp_path / "lists" / "review").exists()


def test_an_empty_folder_or_an_earlier_report_is_replaced(tmp_path):
    book = workbooks.write(tmp_path / "book.xlsx", workbooks.valid_rows())
    out = tmp_path / "review"
    out.mkdir()
    assert report_cli(str(book), "--out", str(out)).returncode == 0
    (out / "persons" / "P999.html").write_text("stale", encoding="utf-8")
    assert report_cli(str(book), "--out", str(out)).returncode == 0
    assert not (out / "persons" / "P999.html").exists()


# -- never public -----------------------------------------------------------------------------


def public_texts(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, and every member of the zip-based ones (list.xlsx)."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    found[f"{path}!{name}"] = archive.read(name)
        else:
            found[str(path)] = path.read_bytes()
    return found


def test_confidential_material_reaches_the_report_and_never_the_public_folder(tmp_path):
    """Export writes the report beside the public folder (once `sanctions export` calls
    write_report): the canary of the confidential incident is in the report, in no public file."""
    book = workbooks.write(tmp_path / "book.xlsx", review_rows())
    out = tmp_path / "exports"
    proc = run_cli("export", "--draft", str(book), "--out", str(out), "--date", "2026-12-01")
    assert proc.returncode == 0, proc.stderr
    public = public_texts(out / "book" / "public")
    assert public and not [name for name, data in public.items() if CANARY.encode() in data]
    report = out / "book" / "report"
    assert (report / "index.html").is_file()
    assert CANARY in (report / "persons" / "P001.html").read_text(encoding="utf-8")
    assert not (out / "book" / "public" / "report").exists()


def test_a_case_not_ready_for_a_government_is_named_with_what_it_lacks(tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0].pop("place")  # the European Union and Switzerland ask for it
    book = workbooks.write(tmp_path / "book.xlsx", rows)
    out = tmp_path / "review"
    proc = report_cli(str(book), "--out", str(out), "--date", "2026-12-01")
    assert proc.returncode == 0, proc.stderr
    front = page(out / "index.html")
    lacks = "the sources do not show the incident's place"
    assert listed(front, "eu", "not_ready") == [
        f"P001 Arman Testbayev: {lacks}",
        f"P002 Dana Fictiyeva: {lacks}",
    ]
    assert listed(front, "eu", "propose") == [] and listed(front, "gb", "not_ready") == []
