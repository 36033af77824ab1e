"""Building many small objects at once, without the cycle collector's pauses.

Python's cycle collector runs every few hundred new container objects and walks every object
still alive, so a build that keeps all it makes (a graph of 200,000 entities, each a few dicts
and lists) pays for walking the growing heap again and again: a quarter of the conversion's
time at 20,000 persons. Entities hold no reference cycles, so nothing is left for the collector
to free until the build ends; and since what it made is kept, it is then counted as old at
once, so that the next collection does not walk it either. The same holds for validation (the
rows, each person's case and the findings are kept to the end: a tenth of the time at 100,000
persons) and for an export's packages.
"""

from __future__ import annotations

import ctypes
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cycle collector for the block (as it was before, after: blocks nest)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What the block made is kept: counted as old at once (``freeze`` then
            # ``unfreeze`` puts every object in the oldest generation and empties the
            # youngest, without walking them), or the first collection after the block would
            # walk every one of them, to free nothing. Garbage among them is still freed, by
            # the next collection of the oldest generation. Not where something else froze
            # objects of its own: ``unfreeze`` would let them go.
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


@cache
def _libc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, where the C library is glibc (Linux); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    return trim


def give_back() -> None:
    """Return the memory freed by a large read to the system.

    A workbook's sheets are parsed in native code on threads (``workbook/reader``); glibc keeps
    what those threads freed in their own arenas, and a read of 100,000 persons left 300 MB
    held that nothing would use again, counted against the command's peak until its end.
    ``malloc_trim`` hands those pages back (a few milliseconds); elsewhere nothing is done.
    """
    trim = _libc_trim()
    if trim is not None:
        trim(0)
