"""The scorer made ready on the other core while the list is checked and the data read.

The first score of a process builds rigour's person-name tagger: six to eight seconds on a
small machine, holding the interpreter's lock, so that nothing else in the process can go on
meanwhile (rigour's own issue, opensanctions/rigour#217, would make it a load). A screening
therefore forks, at its start, a process that builds the tagger and then scores the pairs it
is sent, one list after another, while this process validates the workbooks and reads the
sanctions data. Where there is no fork, or one core, the pairs are scored here. The scores are
the same either way: the same scorer, on the same pairs.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from sanctions.common.beside import can_fork, die_with_parent, forking, helper_handlers
from sanctions.common.errors import ToolError
from sanctions.screen.reference import as_scored

if TYPE_CHECKING:
    from sanctions.screen.matching import Query
    from sanctions.screen.score import Score

# The scorer's priority, as ``nice`` counts: below the command's own work (a tenth of a core's
# time beside it), which a screening whose scores were all kept never waits for; not the
# lowest, so that a first screening is not starved on a busy machine (a process cannot raise
# its priority again once the tagger is built).
NICER = 10
# query index -> (reference row, its score), for the pairs the scorer compares
Scored = dict[int, list[tuple[int, "Score"]]]
Request = tuple[Sequence["Query"], dict[int, dict[str, Any]], list[tuple[int, int]]]


def score_pairs(
    queries: Sequence[Query], records: dict[int, dict[str, Any]], pairs: list[tuple[int, int]]
) -> Scored:
    """Each (query, reference row) pair of ``pairs`` that the scorer compares, scored."""
    from sanctions.screen.scoring import Scorer

    scorer = Scorer()
    query_entities = [
        # keys unique whatever the IDs: the scorer's caches go by them
        scorer.query(f"{i}-{q.person_id}", *q.scored())
        for i, q in enumerate(queries)
    ]
    references = {row: scorer.reference(str(row), *as_scored(rec)) for row, rec in records.items()}
    found: Scored = {}
    for qi, ri in pairs:
        query, candidate = query_entities[qi], references[ri]
        if query.schema.can_match(candidate.schema):
            found.setdefault(qi, []).append((ri, scorer.score(query, candidate)))
    return found


def _warm_up() -> None:
    """One score, which builds everything a first score builds."""
    from sanctions.screen.scoring import Scorer

    scorer = Scorer()
    scorer.score(
        scorer.query("ahead", ["Ahead Ready"], {}),
        scorer.reference("ahead", "Person", {"name": ["Ahead Ready"]}),
    )


class ScorerStopped(ToolError):
    """The scoring process ended before it answered: killed (by the system, most often for
    want of memory, on a large sanctions file), or unable to go on (the tool's files replaced
    while it ran, by an update). Nothing was written; the editor can run it again."""

    def __init__(self, exitcode: int | None) -> None:
        how = (
            f"was stopped by signal {-exitcode}"
            + (" (the system ends a process so when memory runs out)" if exitcode == -9 else "")
            if exitcode is not None and exitcode < 0
            else "ended"
        )
        super().__init__(
            f"the process that scores the names {how} before it answered, and nothing was "
            "written; run the screening again (with fewer programs open, or after an update "
            "has finished)"
        )


class Ahead:
    """The forked scorer: ``score`` sends it a list's pairs and waits for their scores."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe(duplex=True)
        self._process = context.Process(target=_serve, args=(theirs, os.getpid()), daemon=True)
        with forking():
            self._process.start()
        theirs.close()

    def score(self, request: Request) -> Scored:
        try:
            self._conn.send(request)
            ok, answer = self._conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError):
            self._process.join(timeout=5)
            raise ScorerStopped(self._process.exitcode) from None
        if not ok:
            raise answer
        found: Scored = answer
        return found

    def close(self) -> None:
        """Ended at once, idle or still building the scorer (the screening failed before it
        was needed, or every pair's score was kept: ``kept``); its error or its answer is
        not kept waiting."""
        with suppress(OSError):  # it may have ended already
            self._conn.send(None)
        self._conn.close()
        self._process.terminate()  # it holds nothing to keep: scores go nowhere but here
        self._process.join()


def _serve(conn: Connection, parent: int) -> None:
    helper_handlers()  # Ctrl-C is the parent's to say, which ends this (``close``)
    die_with_parent(parent)  # a screening killed outright leaves no scorer behind
    # Building the tagger comes after checking the lists on both cores (``NICER``).
    with suppress(OSError):
        os.nice(NICER)
    # a scorer that cannot be built fails the same way on the first list, which says why
    with suppress(Exception):
        _warm_up()
    while True:
        try:
            request = conn.recv()
        except EOFError:
            break
        if request is None:
            break
        try:
            answer: tuple[bool, Any] = (True, score_pairs(*request))
        except BaseException as exc:  # sent back, raised where the scores are waited for
            answer = (False, exc)
        try:
            conn.send(answer)
        except Exception:
            conn.send((False, RuntimeError("".join(traceback.format_exception(answer[1])))))
    conn.close()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # no atexit handlers, no flushing of the parent's buffers twice


_AHEAD: list[Ahead] = []  # the scorer of the screening under way, if it was started ahead


@contextmanager
def scoring_ahead() -> Iterator[None]:
    """Start the scorer on the other core for the block (a screening), and end it after."""
    if not can_fork():
        yield
        return
    ahead = Ahead()
    _AHEAD.append(ahead)
    try:
        yield
    finally:
        _AHEAD.remove(ahead)
        ahead.close()


def score(request: Request) -> Scored:
    """The pairs scored by the scorer started ahead, or here if there is none; no pairs are
    nothing to wait for (the scorer may still be building its tagger)."""
    if not request[2]:
        return {}
    if _AHEAD:
        return _AHEAD[-1].score(request)
    return score_pairs(*request)
