"""`make bench`: how long `sanctions validate` takes beside a bare read of the same workbook.

Generates (once, cached in bench/.cache) fictional workbooks of 10,000, 100,000 and 300,000
persons (with twice as many positions and half as many evidence rows), every person with an
original-script (Cyrillic) name and aliases, every post, incident and act quoting its source,
one incident in ten with a confidential victim (whose name every public cell is searched for),
text in the shared-strings table as Excel writes it; then times in fresh processes, start-up
included, each the best of three runs (the issue's rule where timings wander):

* the baseline: fastexcel reading every sheet of the workbook as text, and nothing else;
* `sanctions validate` on the same workbook, with its peak memory;
* the floor under any validation: the same bare read, after importing pandas and pandera (the
  libraries the cell checks run on: the house checks every sheet with pandera schemas), and
  then every evidence copy read into memory (the quote rules look for every quoted passage in
  its source's copy), with not one cell or passage checked.

Beside each size, the floor and importing pandas and pandera alone, as multiples of the bare
read: the floor takes most of the goal's 1.5 times (at 10,000 persons the import alone does),
so that what the goal leaves for every check is the difference.

Goals: validation within 1.5 times the bare read at every size; 100,000 persons in 1 GB or
less; 300,000 in no more than 3.3 times the 100,000 time (linear). The default list's
validation is a small question (``bench/small.py``). BENCH_PERSONS replaces the three sizes by one. Exits 1 if a goal is missed.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.fictional import cached_workbook

ROOT = Path(__file__).resolve().parent.parent
GOAL_RATIO = 1.5  # validation against the bare read
GOAL_MB = 1024.0
GOAL_LINEAR = 3.3  # 300k against 100k: 3x the rows, 10% to spare
SIZES = (10_000, 100_000, 300_000)
REPEAT = 3  # runs per measure, ours and the baseline alike; the best one counts


def peak_mb() -> float:
    """This process's own peak resident memory (VmHWM; ru_maxrss can carry the parent's)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, path: Path) -> None:
    """Runs in its own process so that its peak memory is its own; both ways end as the
    command does, once the answer is printed."""
    from sanctions.entry import end

    if mode == "sanctions":
        from sanctions.check.validate import validate

        result = validate(path)
        report = {"errors": len(result.errors), "findings": len(result.findings)}
    else:
        if mode == "floor":
            import pandas  # noqa: F401  (what the cell checks run on)
            import pandera.pandas  # noqa: F401
        import fastexcel

        reader = fastexcel.read_excel(str(path))
        cells = 0
        for name in reader.sheet_names:
            sheet = reader.load_sheet_by_name(name, header_row=None, dtypes="string")
            table = sheet.to_arrow()
            cells += table.num_rows * table.num_columns
        report = {"cells": cells}
        if mode == "floor":
            copies = sorted(path.with_name(f"{path.stem}-evidence").iterdir())
            report["copied"] = sum(len(copy.read_text(encoding="utf-8")) for copy in copies)
    print(json.dumps({**report, "peak_mb": peak_mb()}))
    end(0)  # as the command ends (``sanctions.entry``): its time, not the interpreter's teardown


def verdict(missed: list[str], what: str) -> int:
    """Each goal missed on its own line, and the exit status ``make bench`` adds up."""
    for line in missed:
        print(f"GOAL MISSED: {line}")
    if not missed:
        print(f"all {what} goals met")
    return 1 if missed else 0


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, dict[str, float]]:
    start = time.perf_counter()
    proc = subprocess.run(
        args,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        env={**os.environ, **(env or {})},
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{proc.stderr}")
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    return elapsed, json.loads(lines[-1]) if lines else {}


def best(args: list[str]) -> tuple[float, dict[str, float]]:
    """The faster of REPEAT runs (as timeit does: the slower one measured the machine's other
    work), with that run's report."""
    return min((timed(args) for _ in range(REPEAT)), key=lambda run: run[0])


def main() -> int:
    if len(sys.argv) == 3:
        child(sys.argv[1], Path(sys.argv[2]))
        return 0
    given = os.environ.get("BENCH_PERSONS")
    sizes = (int(given),) if given else SIZES
    me = [sys.executable, "-m", "bench.validation"]
    missed: list[str] = []
    times: dict[int, float] = {}
    # What no validation can be faster than: importing the libraries its checks run on
    # (pandera's schemas, on pandas), beside the bare read, which imports fastexcel alone.
    floor, _ = best([sys.executable, "-c", "import pandas, pandera.pandas"])
    for persons in sizes:
        path = cached_workbook(persons)
        bare, bare_info = best([*me, "bare", str(path)])
        least, _ = best([*me, "floor", str(path)])
        ours, info = best([*me, "sanctions", str(path)])
        times[persons] = ours
        ratio = ours / bare
        left = GOAL_RATIO * bare - least
        print(
            f"validate, {persons:>7,} persons ({path.stat().st_size / 2**20:5.1f} MB): "
            f"{ours:6.2f} s, peak {info['peak_mb']:5.0f} MB, {info['errors']:.0f} errors | "
            f"baseline, fastexcel bare read: {bare:6.2f} s, peak {bare_info['peak_mb']:5.0f} MB | "
            f"{ratio:.2f}x the bare read (goal {GOAL_RATIO}x or less); importing pandas and "
            f"pandera alone: {floor / bare:.2f}x; the floor (those imports, the bare read, every "
            f"evidence copy read, no check): {least:.2f} s, {least / bare:.2f}x, leaving "
            f"{left:.2f} s of the goal for every check ({ours - least:.2f} s taken)",
            flush=True,
        )
        if ratio > GOAL_RATIO:
            missed.append(f"validate {persons:,}: {ratio:.2f}x the bare read > {GOAL_RATIO}x")
        if persons == 100_000 and info["peak_mb"] > GOAL_MB:
            missed.append(f"validate 100,000: peak {info['peak_mb']:.0f} MB > {GOAL_MB:.0f} MB")
    if 100_000 in times and 300_000 in times:
        growth = times[300_000] / times[100_000]
        print(f"growth: 3x the rows took {growth:.2f}x the time (goal {GOAL_LINEAR}x or less)")
        if growth > GOAL_LINEAR:
            missed.append(f"300,000 took {growth:.2f}x the 100,000 time > {GOAL_LINEAR}x")
    return verdict(missed, "validation")


if __name__ == "__main__":
    sys.exit(main())
