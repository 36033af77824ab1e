"""`make bench`: how long `sanctions validate` takes, and what the pandas default would cost.

Generates (once, cached in bench/.cache) a fictional workbook of 100,000 persons, 200,000
positions and 50,000 evidence rows, then times in fresh processes:

* `sanctions validate` on it, start-up included;
* the baseline: `pandas.read_excel` with its default openpyxl engine, then the same checks;
* `sanctions validate lists/kazakhstan.xlsx`, start-up included (best of three).

Sizes can be scaled down with BENCH_PERSONS (positions = 2x, evidence = x/2).
Exits 1 if a goal is missed.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from bench.fictional import write_workbook

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
GOAL_LARGE_S = 15.0
GOAL_DEFAULT_S = 2.0
GENERATOR_VERSION = 2


def peak_mb() -> float:
    """This process's own peak resident memory (VmHWM; ru_maxrss can carry the parent's)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, path: Path) -> None:
    """Runs in its own process so that its peak memory is its own."""
    from sanctions.check.validate import check_workbook, validate
    from sanctions.workbook.layout import load_layout

    if mode == "sanctions":
        result = validate(path)
    else:
        from sanctions.workbook.reader import ROW_INDEX, Table, Workbook

        layout = load_layout()
        frames = pd.read_excel(path, sheet_name=None, engine="openpyxl", dtype=str)
        tables = {}
        for name, frame in frames.items():
            frame.index = pd.RangeIndex(2, 2 + len(frame), name=ROW_INDEX)
            frame = frame.astype("str").where(frame.notna(), None)
            columns = {str(c).strip().lower(): j for j, c in enumerate(frame.columns)}
            frame.columns = list(columns)
            tables[name] = Table(name, 1, columns, frame)
        book = Workbook(path, tables, {}, list(frames))
        result = check_workbook(book, layout, str(path))
    errors = len(result.errors)
    print(json.dumps({"errors": errors, "findings": len(result.findings), "peak_mb": peak_mb()}))


def timed(args: list[str]) -> tuple[float, dict[str, float]]:
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{proc.stderr}")
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    return elapsed, json.loads(lines[-1]) if lines else {}


def workbook(persons: int) -> Path:
    path = CACHE / f"fictional-{persons}-v{GENERATOR_VERSION}.xlsx"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        print(f"generating {path.name} (once; cached) …", flush=True)
        tmp = path.with_suffix(".tmp.xlsx")
        write_workbook(tmp, persons, 2 * persons, max(persons // 2, 1))
        tmp.replace(path)
    return path


def main() -> int:
    if len(sys.argv) == 3:
        child(sys.argv[1], Path(sys.argv[2]))
        return 0
    persons = int(os.environ.get("BENCH_PERSONS", "100000"))
    path = workbook(persons)
    me = [sys.executable, "-m", "bench.validation"]
    print(
        f"workbook: {persons:,} persons, {2 * persons:,} positions, {persons // 2:,} evidence "
        f"(fictional), {path.stat().st_size / 2**20:.1f} MB"
    )
    ours, ours_info = timed([*me, "sanctions", str(path)])
    print(
        f"sanctions validate (calamine + pandera):       {ours:7.2f} s  peak {ours_info['peak_mb']:7.0f} MB  "
        f"{ours_info['errors']:.0f} errors"
    )
    base, base_info = timed([*me, "baseline", str(path)])
    print(
        f"pandas.read_excel (openpyxl) + the same checks: {base:7.2f} s  peak {base_info['peak_mb']:7.0f} MB  "
        f"{base_info['errors']:.0f} errors"
    )
    print(f"ratio: sanctions is {base / ours:.1f}x faster than the pandas default")
    runs = [
        timed([sys.executable, "-m", "sanctions", "validate", "lists/kazakhstan.xlsx"])[0]
        for _ in range(3)
    ]
    small = min(runs)
    print(f"default list, lists/kazakhstan.xlsx, start-up included: {small:.2f} s (best of 3)")
    large_ok = ours <= GOAL_LARGE_S * persons / 100_000
    print(f"goal: 100k workbook in {GOAL_LARGE_S:.0f} s or less: {'met' if large_ok else 'MISSED'}")
    print(
        f"goal: default list in {GOAL_DEFAULT_S:.0f} s or less: {'met' if small <= GOAL_DEFAULT_S else 'MISSED'}"
    )
    return 0 if large_ok and small <= GOAL_DEFAULT_S else 1


if __name__ == "__main__":
    sys.exit(main())
