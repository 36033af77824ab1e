"""The README's tables of governments, made from their files so that the editors' guide always
names the governments the tool knows (``make docs`` rewrites them; a test fails when the README
and the files disagree).

A table sits between ``<!-- name -->`` and ``<!-- /name -->`` lines; the rest of the README is
written by people and left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sanctions.common.data import SpecError
from sanctions.common.files import write_text
from sanctions.common.places import refuse_file
from sanctions.governments.registry import load
from sanctions.governments.schema import Argument, Jurisdiction


def governments_table() -> str:
    rows = ["| code | government | the package goes to | its list |", "|---|---|---|---|"]
    for code, j in load().items():
        to = j.authority + (
            f" (asked to take over the listings of {_name(j.follows)})" if j.follows else ""
        )
        rows.append(f"| `{code}` | {j.name} | {_cell(to)} | {_cell(j.list_format.title)} |")
    return "\n".join(rows)


def arguments_table() -> str:
    rows = ["| government | section | filled from |", "|---|---|---|"]
    for j in load().values():
        rows += [
            f"| {j.name} | {_cell(_title(j, argument))} | {_cell(_sources(argument))} |"
            for argument in j.arguments
        ]
    return "\n".join(rows)


def _name(code: str) -> str:
    return load()[code].prose_name


def _title(j: Jurisdiction, argument: Argument) -> str:
    if not argument.criteria:
        return argument.title
    labels = [c.short for r in j.regimes for c in r.criteria if c.id in argument.criteria]
    return f"{argument.title} (only under: {'; '.join(labels)})"


SHEETS = {"person": "persons", "incident": "incidents"}


def _sources(argument: Argument) -> str:
    said = []
    for source in argument.sources:
        kind, _, column = source.partition(".")
        said.append(f"`{column}` ({SHEETS[kind]})")
    return said[0] + (f", supported by {', '.join(said[1:])}" if said[1:] else "")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


BLOCKS: dict[str, Callable[[], str]] = {
    "governments": governments_table,
    "arguments": arguments_table,
}


def refreshed(text: str) -> str:
    """The README's text with each table made anew from the governments' files."""
    for name, make in BLOCKS.items():
        block = re.compile(rf"<!-- {name} -->\n(?:.*?\n)?<!-- /{name} -->", re.S)
        found = block.search(text)
        if found is None:
            raise SpecError(f"README.md: no <!-- {name} --> … <!-- /{name} --> block")
        table = f"<!-- {name} -->\n{make()}\n<!-- /{name} -->"
        text = text[: found.start()] + table + text[found.end() :]
    return text


def refresh_readme(path: Path) -> None:
    """Rewrite the README's tables in place; the file must be a Markdown file the tool may
    write (never a workbook, nor anything in lists/, public/ or a release)."""
    refuse_file(path, (".md",))
    write_text(path, refreshed(path.read_text(encoding="utf-8")))
