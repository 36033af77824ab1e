"""Time limits that a per-read timeout cannot give.

A time limit on a call that a per-read timeout cannot bound: a server that sends its status
line and then one header byte every few seconds satisfies every read timeout and holds the
request as long as it likes. ``within`` runs the call in a daemon thread and gives up on it at
the limit, so that every download and link check ends on time whatever the server does; the
abandoned call ends when its connection is closed or the process exits.

A low-speed limit on a body, as curl's ``--speed-limit``/``--speed-time``: ``Pace`` ends a
transfer when fewer than N bytes arrived in the last T seconds, so that a body sent a byte at a
time ends long before the total limit of a large download (half an hour) would stop it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
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


@dataclass
class Pace:
    """At least ``min_bytes`` in every ``seconds``: ``feed`` each block as it arrives and it
    raises ``Stalled`` once a window of ``seconds`` has passed with fewer bytes than that."""

    min_bytes: int
    seconds: float
    _since: float = field(default_factory=time.monotonic)
    _bytes: int = 0

    def feed(self, size: int) -> None:
        self._bytes += size
        now = time.monotonic()
        if now - self._since < self.seconds:
            return
        if self._bytes < self.min_bytes:
            raise Stalled(
                f"fewer than {self.min_bytes:,} bytes in {self.seconds:g} s (the low-speed limit)"
            )
        self._since, self._bytes = now, 0
