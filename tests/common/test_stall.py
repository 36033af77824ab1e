"""Every download and link check ends on time, however a server trickles: a server that sends
its status line and then one header byte every few seconds satisfies every read timeout."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from sanctions.common.stall import Stalled, within
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


@pytest.fixture
def trickling() -> Iterator[str]:
    """A server that answers every connection with a status line, then one header byte every
    0.2 s for a minute."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            for byte in b"X-Slow: " + b"a" * 300:
                if stop.wait(0.2):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return

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
