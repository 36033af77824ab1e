"""Every download and link check ends on time, however a server trickles: a server that sends
its status line and then one header byte every few seconds satisfies every read timeout."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from sanctions.common.stall import Pace, Stalled, within
from sanctions.evidence.archive import closest_copy
from sanctions.evidence.links import HostSlots, check_link
from sanctions.screen.download import DownloadError, Limits, fetch


def test_within_returns_the_result_or_gives_up_at_the_limit() -> None:
    assert within(1, lambda: 42) == 42
    with pytest.raises(ZeroDivisionError):
        within(1, lambda: 1 / 0)
    started = time.monotonic()
    with pytest.raises(Stalled, match=r"no answer within 0\.2 s"):
        within(0.2, lambda: time.sleep(5))
    assert time.monotonic() - started < 2


@contextmanager
def serving(answer: Callable[[socket.socket, threading.Event], None]) -> Iterator[str]:
    """A local server that answers every connection with ``answer(connection, stop)``."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.recv(4096)
            answer(conn, stop)

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/entities.ftm.json"
    finally:
        stop.set()
        server.close()


def _send_slowly(conn: socket.socket, stop: threading.Event, data: bytes, every: float) -> None:
    for byte in data:
        if stop.wait(every):
            return
        try:
            conn.sendall(bytes([byte]))
        except OSError:
            return


@pytest.fixture
def trickling() -> Iterator[str]:
    """A server that answers every connection with a status line, then one header byte every
    0.2 s for a minute."""

    def answer(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        _send_slowly(conn, stop, b"X-Slow: " + b"a" * 300, 0.2)

    with serving(answer) as url:
        yield url


def test_a_link_check_ends_however_the_headers_trickle(trickling: str) -> None:
    started = time.monotonic()
    result = check_link(trickling, "2026-12-05", 1.0, HostSlots())
    assert time.monotonic() - started < 8
    assert result.outcome == "unreachable" and "no answer within 1 s" in result.reason


def test_a_download_ends_at_its_time_limit_however_the_headers_trickle(
    trickling: str, tmp_path
) -> None:
    started = time.monotonic()
    with pytest.raises(DownloadError, match="time limit"):
        fetch(trickling, tmp_path, limits=Limits(seconds=2))
    assert time.monotonic() - started < 6


def test_pace_ends_a_transfer_slower_than_the_low_speed_limit() -> None:
    pace = Pace(min_bytes=100, seconds=0.2)
    pace.feed(60)
    time.sleep(0.25)
    pace.feed(60)  # 120 bytes in the first window: fast enough, a new window starts
    time.sleep(0.25)
    with pytest.raises(Stalled, match=r"fewer than 100 bytes in 0\.2 s"):
        pace.feed(10)


@pytest.fixture
def trickling_body() -> Iterator[str]:
    """A server that sends its headers at once and then its body one byte every 0.1 s."""

    def answer(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        _send_slowly(conn, stop, b"{" * 100000, 0.1)

    with serving(answer) as url:
        yield url


def test_a_download_whose_body_trickles_ends_at_the_low_speed_limit(
    trickling_body: str, tmp_path
) -> None:
    """The total limit (an hour here) would hold it; the low-speed limit ends it."""
    started = time.monotonic()
    with pytest.raises(DownloadError, match="stalled: fewer than 1,000 bytes in 1 s"):
        fetch(
            trickling_body,
            tmp_path,
            limits=Limits(seconds=3600, speed_bytes=1000, speed_seconds=1),
        )
    assert time.monotonic() - started < 5
    assert not list(tmp_path.glob("*.tmp*"))


def test_headers_trickling_end_at_the_low_speed_limit_before_the_total(
    trickling: str, tmp_path
) -> None:
    started = time.monotonic()
    with pytest.raises(DownloadError, match="no answer"):
        fetch(trickling, tmp_path, limits=Limits(seconds=3600, speed_seconds=1.5))
    assert time.monotonic() - started < 5


def test_the_archive_answer_ends_however_its_body_trickles(trickling_body: str, monkeypatch):
    monkeypatch.setenv("SANCTIONS_WAYBACK_API", trickling_body)
    started = time.monotonic()
    assert closest_copy("https://example.org/gone", HostSlots(), 0.5) is None
    assert time.monotonic() - started < 4
