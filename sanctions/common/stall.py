"""A time limit on a call that a per-read timeout cannot bound: a server that sends its status
line and then one header byte every few seconds satisfies every read timeout and holds the
request as long as it likes. ``within`` runs the call in a daemon thread and gives up on it at
the limit, so that every download and link check ends on time whatever the server does; the
abandoned call ends when its connection is closed or the process exits."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Stalled(TimeoutError):
    """The call did not return within its time limit."""


def within(seconds: float, call: Callable[[], T]) -> T:
    """``call()``'s result, or ``Stalled`` once ``seconds`` have passed without one."""
    outcome: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:
            failed.append(exc)

    worker = threading.Thread(target=run, daemon=True, name="within")
    worker.start()
    worker.join(max(seconds, 0.0))
    if worker.is_alive():
        raise Stalled(f"no answer within {seconds:g} s")
    if failed:
        raise failed[0]
    return outcome[0]
