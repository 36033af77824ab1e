"""The publishable list: an HTML page and a workbook with names, posts, conduct and sources.

Nothing marked confidential goes in: confidential incidents and evidence are left out, victims
marked confidential are not named (the conduct is then described without the incident's title),
and a person whose remaining evidence is all confidential is left out altogether.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from sanctions.common.data import templates_dir
from sanctions.common.writers import write_xlsx
from sanctions.governments.jurisdictions import load as load_jurisdictions
from sanctions.model.targets import Evidence, Target

COLUMNS = ("Name", "Also written", "Posts", "Summary of conduct", "Public sources")


def public_targets(targets: list[Target], evidence: dict[str, Evidence]) -> list[dict[str, Any]]:
    out = []
    for target in targets:
        posts, conduct, sources = [], [], []
        for post in target.posts:
            public = [e for e in post.evidence if e in evidence and not evidence[e].confidential]
            if public:
                posts.append(f"{post.title}, {post.org} ({post.dates()})")
                sources += public
        for act in target.acts:
            public = [e for e in act.evidence if e in evidence and not evidence[e].confidential]
            if act.confidential or not public:
                continue
            conduct.append(act.public_line)
            sources += public
        if not (posts or conduct):
            continue
        unique = list(dict.fromkeys(sources))
        out.append(
            {
                "name": target.name,
                "anchor": target.person_id,
                "aliases": "; ".join(target.aliases),
                "posts": posts,
                "conduct": conduct,
                "sources": [evidence[e] for e in sorted(unique, key=lambda e: evidence[e].number)],
            }
        )
    return out


def write_public(
    folder: Path,
    title: str,
    submitter: dict[str, str],
    entries: list[dict[str, Any]],
    gaps: list[dict[str, str]] | None = None,
) -> None:
    """``gaps``: the gap matrix rows of the persons in ``entries``, after a screening."""
    folder.mkdir(parents=True)
    env = Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    governments = [(code, j.name) for code, j in load_jurisdictions().items()]
    html = env.get_template("public.html").render(
        title=title, targets=entries, submitter=submitter, gaps=gaps, governments=governments
    )
    (folder / "index.html").write_text(html, encoding="utf-8")
    rows = [
        {
            "Name": e["name"],
            "Also written": e["aliases"],
            "Posts": "\n".join(e["posts"]),
            "Summary of conduct": "\n".join(e["conduct"]),
            "Public sources": "\n".join(
                f"{s.title}{' ' + s.url if s.url else ''}" for s in e["sources"]
            ),
        }
        for e in entries
    ]
    write_xlsx(folder / "list.xlsx", {"list": (COLUMNS, rows)})
