"""Downloads against a hostile server on this machine: redirects elsewhere, a captive portal, a
body cut short, a trickle, silence, and a decompression bomb. The cache's good copy survives
each, and no run hangs."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sanctions.screen import download
from sanctions.screen.download import DownloadError, Limits, check_url, fetch
from sanctions.screen.reference import ReferenceError, read_file

ENTITY = b'{"id": "a", "schema": "Person", "properties": {"name": ["Ivan Fictov"]}}\n'


@dataclass
class Hostile:
    mode: str = "good"
    body: bytes = ENTITY * 20
    location: str = ""
    stop: threading.Event = field(default_factory=threading.Event)
    hits: list[str] = field(default_factory=list)


@pytest.fixture
def hostile() -> Iterator[tuple[str, Hostile]]:
    state = Hostile()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits.append(self.path)
            if self.path == "/index.json" and state.mode == "endless index":
                self.send_response(200)  # a dataset's index that never ends
                self.end_headers()
                self.wfile.write(b'{"resources": [')
                while not state.stop.is_set():
                    try:
                        self.wfile.write(b'{"name": "x"}, ' * 1000)
                    except OSError:
                        return
                return
            mode = state.mode if self.path == "/entities.ftm.json" else "good"
            if mode == "redirect":
                self.send_response(302)
                self.send_header("Location", state.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif mode == "portal":  # a captive portal answers everything with its login page
                page = b"<html><body>Please log in to the hotel Wi-Fi</body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
            elif mode == "cut":  # no length given; the connection closes mid-line
                self.send_response(200)
                self.end_headers()
                self.wfile.write(state.body[: len(state.body) // 2 + 7])
                self.close_connection = True
            elif mode == "trickle":  # one byte at a time, each well within the read timeout
                self.send_response(200)
                self.send_header("Content-Length", str(len(state.body)))
                self.end_headers()
                for byte in state.body:
                    if state.stop.wait(0.2):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
            elif mode == "silent":  # accepts, then never answers
                state.stop.wait(30)
            else:
                self.send_response(200)
                self.send_header("Content-Length", str(len(state.body)))
                self.send_header("ETag", f'"{hash(state.body)}"')
                self.end_headers()
                self.wfile.write(state.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/entities.ftm.json", state
    finally:
        state.stop.set()
        httpd.shutdown()
        httpd.server_close()


def good_copy_kept(url: str, state: Hostile, cache: Path, mode: str) -> None:
    first = fetch(url, cache)
    state.mode, state.body = mode, state.body + ENTITY  # a newer file, served badly
    again = fetch(url, cache, limits=Limits(seconds=3))
    assert not again.fresh and again.warning is not None
    assert again.path.read_bytes() == ENTITY * 20 == first.path.read_bytes()
    assert [p.name for p in cache.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("mode", ["portal", "cut", "trickle"])
def test_a_bad_answer_never_replaces_the_good_copy(
    hostile: tuple[str, Hostile], tmp_path: Path, mode: str
) -> None:
    url, state = hostile
    good_copy_kept(url, state, tmp_path, mode)


def test_the_cached_copy_is_checked_against_its_recorded_hash(
    hostile: tuple[str, Hostile], tmp_path: Path
) -> None:
    url, state = hostile
    first = fetch(url, tmp_path)
    meta = json.loads(next(tmp_path.glob("*.meta.json")).read_text(encoding="utf-8"))
    assert len(meta["sha256"]) == 64
    first.path.write_bytes(b"<html>damaged</html>")
    state.mode = "portal"
    with pytest.raises(DownloadError, match="not FtM entities"):
        fetch(url, tmp_path)


def test_a_trickle_ends_at_the_time_limit(hostile: tuple[str, Hostile], tmp_path: Path) -> None:
    url, state = hostile
    state.mode = "trickle"
    started = time.monotonic()
    with pytest.raises(DownloadError, match="time limit"):
        fetch(url, tmp_path, limits=Limits(seconds=2))
    assert time.monotonic() - started < 20  # it ends; it does not hang


def test_silence_ends_at_the_read_timeout_without_retries(
    hostile: tuple[str, Hostile], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, state = hostile
    state.mode = "silent"
    monkeypatch.setattr(download, "TIMEOUT", (2, 1))
    told: list[str] = []
    with pytest.raises(DownloadError, match="download failed"):
        fetch(url, tmp_path, waiting=told.append)
    assert told == ["waiting for 127.0.0.1 ..."]
    assert state.hits == ["/entities.ftm.json"]  # asked once, not four times


@pytest.mark.parametrize(
    "location",
    [
        "http://evil.example/entities.ftm.json",  # plain http to another machine
        "ftp://127.0.0.1/entities.ftm.json",
        "file:///etc/passwd",
        "http://evil.example\\@127.0.0.1/entities.ftm.json",
    ],
)
def test_redirects_are_checked_at_every_hop(
    hostile: tuple[str, Hostile], tmp_path: Path, location: str
) -> None:
    url, state = hostile
    state.mode, state.location = "redirect", location
    with pytest.raises(DownloadError, match="only https"):
        fetch(url, tmp_path)
    assert state.hits == ["/entities.ftm.json"]


def test_a_redirect_on_this_machine_is_followed(
    hostile: tuple[str, Hostile], tmp_path: Path
) -> None:
    url, state = hostile
    state.mode, state.location = "redirect", "/mirror/entities.ftm.json"
    assert fetch(url, tmp_path).path.read_bytes() == state.body
    assert state.hits == ["/entities.ftm.json", "/mirror/entities.ftm.json"]


def test_the_parser_that_connects_decides_the_host() -> None:
    """urllib.parse reads 127.0.0.1 here; requests would connect to evil.example."""
    with pytest.raises(DownloadError, match="only https"):
        check_url("http://evil.example\\@127.0.0.1/entities.ftm.json")
    assert check_url("http://127.0.0.1:8080/x.json").startswith("http://127.0.0.1:8080/")


def test_a_download_over_the_size_limit_is_refused(
    hostile: tuple[str, Hostile], tmp_path: Path
) -> None:
    url, _ = hostile
    with pytest.raises(DownloadError, match="limit"):
        fetch(url, tmp_path, limits=Limits(max_bytes=100))


def test_an_index_that_never_ends_is_read_no_further_than_an_index_can_be(
    hostile: tuple[str, Hostile],
) -> None:
    """The index beside a dataset is read to learn its file's size and checksum: a server
    that sends it without end is read no further than any index can be, not into memory
    until the time limit."""
    from sanctions.screen.offline import INDEX_BYTES, published

    url, state = hostile
    state.mode = "endless index"
    index = url.rsplit("/", 1)[0] + "/index.json"
    sizes: list[int] = []
    real = download.body_of

    def counted(*args: object, **kwargs: object) -> Iterator[bytes]:
        for chunk in real(*args, **kwargs):  # type: ignore[arg-type]
            sizes.append(len(chunk))
            yield chunk

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sanctions.screen.offline.body_of", counted)
        assert published(index, Limits(seconds=60)) is None
    assert sum(sizes) <= INDEX_BYTES


def test_a_decompression_bomb_is_refused_early(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.ftm.json.gz"
    with gzip.open(bomb, "wb") as fh:
        for _ in range(200):
            fh.write(ENTITY * 1000)  # 14 MB of entities in about 50 kB
    assert bomb.stat().st_size < 200_000
    with pytest.raises(ReferenceError, match="--max-size"):
        read_file(bomb, max_bytes=1_000_000)
    assert len(read_file(bomb)) == 200_000


def test_control_characters_from_reference_data_never_break_a_file(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from sanctions.common.writers import printable, write_xlsx

    write_xlsx(tmp_path / "t.xlsx", {"t": (["program"], [{"program": "Global\x07 Magnitsky"}])})
    assert load_workbook(tmp_path / "t.xlsx").active["A2"].value == "Global Magnitsky"
    assert printable("a\x00b\x1fc\td") == "abc\td"
