"""The house is built by concept, and imports run one way: each package uses only those below.

    common < rules < workbook < evidence < model < governments < check < tracking
    < screen | submit | public | review < export < release < cli < entry < __main__

The checks sit above the model and the governments so that ``validate`` can say, with the same
scope rule the packages use, for which governments a proposed person's case is not ready.

screen, submit (the governments' packages), public (the public list) and review (the internal
report) stand side by side and never import each other: they meet through what all read below
them, the governments (``sanctions/governments/``) and what is known of each target
(``sanctions/tracking/``: the screening record, the gap matrix, the submissions made).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

RANKS = {
    "common": 0,
    "rules": 1,
    "workbook": 2,
    "evidence": 3,
    "model": 4,
    "governments": 5,
    "check": 6,
    "tracking": 7,
    "screen": 8,
    "submit": 8,
    "public": 8,
    "review": 8,
    "export": 9,
    "release": 10,
    "cli": 11,
    "entry": 12,
    "__main__": 13,
}
ROOT = "sanctions"


def step_of(module: str) -> str | None:
    """The step a dotted module name belongs to (``sanctions.check.codes`` -> ``check``);
    None for the root package itself, which holds the version and installs the import hooks
    of ``common/startup``."""
    parts = module.split(".")
    if parts[0] != ROOT:
        raise ValueError(module)
    return parts[1] if len(parts) > 1 else None


def imported(source: str) -> list[tuple[int, str | None]]:
    """(line, module) for every import in a module's source; module None for a relative one."""
    found: list[tuple[int, str | None]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.module if node.level == 0 else None))
    return found


def violations(package: Path) -> list[str]:
    """Every import that goes up the pipeline or sideways between screen and submit, and every
    module that sits in no step."""
    problems = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).with_suffix("")
        module = ".".join(relative.parts)
        if module == f"{ROOT}.__init__":
            continue
        step = step_of(module.removesuffix(".__init__"))
        if step not in RANKS:
            problems.append(f"{module}: not inside a step ({', '.join(RANKS)})")
            continue
        for line, target in imported(path.read_text(encoding="utf-8")):
            where = f"{path.relative_to(package.parent)}:{line}"
            if target is None:
                problems.append(f"{where}: relative import; name the module in full")
                continue
            if target.split(".")[0] != ROOT:
                continue
            other = step_of(target)
            if other is None or other == step:
                continue
            if other not in RANKS:
                problems.append(f"{where}: imports {target}, which is in no step")
            elif RANKS[other] >= RANKS[step]:
                problems.append(f"{where}: {step} imports {target}, a step above or beside it")
    return problems


def test_imports_run_one_way() -> None:
    assert violations(REPO / ROOT) == []


def test_every_step_is_a_folder() -> None:
    folders = {p.name for p in (REPO / ROOT).iterdir() if (p / "__init__.py").exists()}
    assert folders == {step for step in RANKS if step not in ("entry", "__main__")}


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / ROOT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / ROOT


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"model/rows.py": "from sanctions.check.validate import Result\n"},
            "sanctions/model/rows.py:1: model imports sanctions.check.validate",
        ),
        (
            {"review/person.py": "from sanctions.submit.notes import notes_text\n"},
            "sanctions/review/person.py:1: review imports sanctions.submit.notes",
        ),
        (
            {"screen/run.py": "def f():\n    import sanctions.submit.package\n"},
            "sanctions/screen/run.py:2: screen imports sanctions.submit.package",
        ),
        (
            {"submit/export.py": "from sanctions.screen.matching import screen\n"},
            "sanctions/submit/export.py:1: submit imports sanctions.screen.matching",
        ),
        (
            {"model/rows.py": "from . import graph\n"},
            "sanctions/model/rows.py:1: relative import",
        ),
        ({"helpers.py": "x = 1\n"}, "sanctions.helpers: not inside a step"),
    ],
)
def test_the_check_catches_an_import_that_goes_the_wrong_way(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    package = write(tmp_path, {"__init__.py": "", **files})
    found = violations(package)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_the_check_lets_a_step_use_those_below(tmp_path: Path) -> None:
    package = write(
        tmp_path,
        {
            "__init__.py": "",
            "submit/export.py": (
                "from sanctions import __version__\n"
                "from sanctions.tracking.screening import Screening\n"
                "from sanctions.submit.package import build_package\n"
                "import sanctions.common.files\n"
                "import orjson\n"
            ),
            "cli.py": "from sanctions.screen.run import screen_list\n",
        },
    )
    assert violations(package) == []
