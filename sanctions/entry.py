"""The command's entry point: Python's string hashing fixed before the work starts, and the
process ended without tearing its objects down after the work is done.

Python orders a set of strings by a hash that changes at every start unless
``PYTHONHASHSEED`` is set. Most of this tool sorts what it writes, but nomenklatura's logic-v2
explains a match by the first of several equally good name pairs in set order, so the same
screening could explain itself in two ways on two runs. Outputs must be byte-identical for the
same workbook, so the command runs itself again with the seed fixed (on POSIX by replacing
its own process, which costs a few milliseconds, before any heavy import).

Starting a command imports some twelve hundred modules (pandas, pandera, followthemoney and
their own), whose objects all live to the command's end. Python's cycle collector, run every
700 new container objects by default, walked that growing heap again and again while freeing
nothing: a tenth of a second of every command's start. The command runs with the collector's
youngest generation collected every 50,000 new containers instead; cycles are still freed, a
little later. (The heaviest building, of graphs, validations and exports, pauses the collector
outright: ``common/bulk``.)

When the command is done, every file it wrote is closed (each is written in a ``with`` block,
atomically) and its helper processes have ended; what is left is the interpreter freeing
every object and module one by one, pandas' and pyarrow's included: a third of a second of an
editor's wait on every command, for memory the system takes back at once anyway. So the
command flushes its output and ends the process there, with its exit status (as mypy does).
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys

SEED = "0"
COLLECT_EVERY = 50_000  # new container objects between two collections of the youngest ones
# The status Python gives a process whose output could not be written at exit (a closed pipe).
UNWRITTEN_OUTPUT = 120


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != SEED and sys.executable:
        # -P: not the current folder first on the module path, as -m would put it there: a
        # csv.py or click.py in the folder the editor runs the command from is not imported.
        # The folder this code runs from is put there instead, so that the command runs the
        # same code again, installed or not.
        home = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        path = os.pathsep.join(p for p in (home, os.environ.get("PYTHONPATH", "")) if p)
        env = {**os.environ, "PYTHONHASHSEED": SEED, "PYTHONPATH": path}
        argv = [sys.executable, "-P", "-m", "sanctions", *sys.argv[1:]]
        if os.name == "posix":
            os.execve(sys.executable, argv, env)  # does not return
        else:
            # the command's own process says Ctrl-C; this one waits for its status
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            sys.exit(subprocess.call(argv, env=env))
    start()
    from sanctions.cli import main as run

    try:
        run()
        status = 0
    except SystemExit as done:  # how click ends every command
        status = exit_status(done)
    end(status)


def start() -> None:
    """What the command does before it imports its libraries: the collector run less often."""
    gc.set_threshold(COLLECT_EVERY, *gc.get_threshold()[1:])


def exit_status(done: SystemExit) -> int:
    """The status ``sys.exit`` would give: a number as it is, nothing as 0, and a message
    (printed to standard error, as Python prints it) as 1."""
    if done.code is None:
        return 0
    if isinstance(done.code, int):
        return done.code
    print(done.code, file=sys.stderr)
    return 1


def end(status: int) -> None:
    """Flush what was printed and end the process now."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        status = status or UNWRITTEN_OUTPUT
    os._exit(status)
