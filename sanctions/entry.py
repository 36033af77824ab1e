"""The command's entry point: Python's string hashing fixed before the work starts.

Python orders a set of strings by a hash that changes at every start unless
``PYTHONHASHSEED`` is set. Most of this tool sorts what it writes, but nomenklatura's logic-v2
explains a match by the first of several equally good name pairs in set order, so the same
screening could explain itself in two ways on two runs. Outputs must be byte-identical for the
same workbook, so the command runs itself again with the seed fixed (on POSIX by replacing
its own process, which costs a few milliseconds, before any heavy import).
"""

from __future__ import annotations

import os
import subprocess
import sys

SEED = "0"


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != SEED and sys.executable:
        env = {**os.environ, "PYTHONHASHSEED": SEED}
        argv = [sys.executable, "-m", "sanctions", *sys.argv[1:]]
        if os.name == "posix":
            os.execve(sys.executable, argv, env)  # does not return
        else:
            sys.exit(subprocess.call(argv, env=env))
    from sanctions.cli import main as run

    run()
