"""`make bench` (small questions): what an editor waits for many times a day.

Each timed in fresh processes, start-up included, beside the start-up floor of the same run
(Python importing the libraries the command needs, and nothing else: no command can be
faster than that on this machine):

* `sanctions --help`: best of three; goal 0.3 s or less;
* `sanctions validate lists/kazakhstan.xlsx`: best of three; goal 1 s or less;
* `sanctions screen lists/kazakhstan.xlsx` against a three-entity file, asked again (the
  scores of its pairs kept from the first time, ``screen/kept``, as an editor asks it after
  each edit): the median of three; goal 1.5 s or less. Then the first time (a cache folder of
  its own, empty, for each of three runs; the median), whose scores wait on rigour's
  person-name tagger being built (six to eight seconds here, opensanctions/rigour#217): goal,
  no longer than the screening's libraries imported and then the tagger built, one after the
  other (each measured in the same run; the tagger in a process of its own, the median of
  three), since the screening builds it beside the rest of its work.
  The file's two persons are fictional namesakes of the default list's first two persons
  (their names, born on an invented date in 1901, listed by a "Bench" authority that does not
  exist), so that candidates are found and scored as in a real screening; the third entity is
  their Sanction. The file and the cache folders live in a temporary folder for the run and
  are never written elsewhere.

Exits 1 if a goal is missed.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import orjson

from bench.validation import ROOT, timed, verdict

DEFAULT_LIST = ROOT / "lists" / "kazakhstan.xlsx"
GOAL_HELP_S, GOAL_VALIDATE_S, GOAL_SCREEN_S = 0.3, 1.0, 1.5
FLOORS = {
    "help": "import click",
    "validate": "import click, fastexcel, pandas, pandera.pandas, pyarrow",
    "screen": "import click, fastexcel, pandas, pandera.pandas, pyarrow, followthemoney, openpyxl",
}
RUNS = 3
# What a first screening waits on: rigour's person-name tagger, built at a process's first score.
TAGGER = (
    "from rigour.names.analyze import analyze_names; from rigour.names.tag import NameTypeTag; "
    "analyze_names(NameTypeTag.PER, ['Ahead Ready'])"
)


def three_entities(path: Path) -> Path:
    """Two fictional namesakes of the default list's first two persons, and their Sanction."""
    from sanctions.check.validate import validate
    from sanctions.screen.matching import queries_of

    names = [q.name for q in queries_of(validate(DEFAULT_LIST))[:2]]
    entities = [
        {
            "id": f"bench-{i}",
            "schema": "Person",
            "properties": {"name": [name], "birthDate": ["1901-01-01"]},
            "datasets": ["us_ofac_sdn"],
        }
        for i, name in enumerate(names)
    ]
    entities.append(
        {
            "id": "bench-sanction",
            "schema": "Sanction",
            "properties": {"entity": ["bench-0", "bench-1"], "authority": ["Bench (fictional)"]},
            "datasets": ["us_ofac_sdn"],
        }
    )
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in entities))
    return path


def seconds(args: list[str], pick: str = "best", caches: list[Path] | None = None) -> float:
    """The best or the median of RUNS runs; with ``caches``, each run with its own cache
    folder (``SANCTIONS_CACHE``)."""
    runs = []
    for i in range(RUNS):
        env = {"SANCTIONS_CACHE": str(caches[i % len(caches)])} if caches else None
        runs.append(timed(args, env)[0])
    return min(runs) if pick == "best" else statistics.median(runs)


def main() -> int:
    me = [sys.executable, "-m", "sanctions"]
    missed: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        reference = three_entities(Path(tmp) / "three.ftm.json")
        screening = [*me, "screen", str(DEFAULT_LIST), "--against", str(reference), "--out",
                     str(Path(tmp) / "out"), "--quiet"]  # fmt: skip
        questions = [
            ("help", "sanctions --help", [*me, "--help"], GOAL_HELP_S, "best"),
            (
                "validate",
                "sanctions validate (default list)",
                [*me, "validate", str(DEFAULT_LIST)],
                GOAL_VALIDATE_S,
                "best",
            ),
            ("screen", "sanctions screen (default list, 3 entities)", screening, GOAL_SCREEN_S,
             "median"),
        ]  # fmt: skip
        kept = Path(tmp) / "cache"
        first = seconds(screening, "median", [Path(tmp) / f"empty-{i}" for i in range(RUNS)])
        seconds(screening, "best", [kept])  # its pairs' scores kept
        floors: dict[str, float] = {}
        for key, label, args, goal, pick in questions:
            took = seconds(args, pick, [kept])
            floor = floors[key] = seconds([sys.executable, "-c", FLOORS[key]])
            again = ", asked again" if key == "screen" else ""
            print(
                f"{label + ':':46s} {took:5.2f} s ({pick} of {RUNS}{again}; goal {goal} s) | "
                f"baseline, importing its libraries only: {floor:5.2f} s"
            )
            if took > goal:
                missed.append(f"{label}: {took:.2f} s > {goal} s")
        # The first time waits on rigour's tagger, built beside the rest of the screening: no
        # longer than importing the libraries and then building the tagger, one after the
        # other, which the screening overlaps.
        tagger = seconds([sys.executable, "-c", TAGGER], "median")
        most = floors["screen"] + tagger
        label = "the same, the first time (no scores kept)"
        print(
            f"{label + ':':46s} {first:5.2f} s (median of {RUNS}; goal {most:.2f} s: the imports, "
            f"then the tagger) | baseline, building rigour's person-name tagger alone: "
            f"{tagger:5.2f} s"
        )
        if first > most:
            missed.append(f"{label}: {first:.2f} s > {most:.2f} s")
    return verdict(missed, "small-question")


if __name__ == "__main__":
    sys.exit(main())
