"""Downloads against a local HTTP server: caching by ETag, and no broken file ever cached."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sanctions.screen.download import DownloadError, check_url, fetch


@dataclass
class Served:
    body: bytes = b'{"id": "a", "schema": "Person", "properties": {"name": ["Ivan Fictov"]}}\n'
    etag: str | None = '"v1"'
    last_modified: str | None = None
    status: int = 200
    truncate: bool = False  # announce the full length, send half, hang up
    requests: list[dict[str, str]] = field(default_factory=list)


@pytest.fixture
def server() -> Iterator[tuple[str, Served]]:
    served = Served()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.requests.append(dict(self.headers))
            if served.status != 200:
                self.send_response(served.status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if served.etag and self.headers.get("If-None-Match") == served.etag:
                self.send_response(304)
                self.end_headers()
                return
            if (
                served.last_modified
                and self.headers.get("If-Modified-Since") == served.last_modified
            ):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(served.body)))
            if served.etag:
                self.send_header("ETag", served.etag)
            if served.last_modified:
                self.send_header("Last-Modified", served.last_modified)
            self.end_headers()
            body = served.body[: len(served.body) // 2] if served.truncate else served.body
            self.wfile.write(body)
            if served.truncate:
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/entities.ftm.json", served
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_first_fetch_downloads_then_etag_avoids_a_second(
    server: tuple[str, Served], tmp_path: Path
) -> None:
    url, served = server
    first = fetch(url, tmp_path)
    assert first.fresh and first.path.read_bytes() == served.body
    second = fetch(url, tmp_path)
    assert not second.fresh and second.warning is None
    assert second.path.read_bytes() == served.body
    assert served.requests[1].get("If-None-Match") == '"v1"'


def test_last_modified_is_used_when_there_is_no_etag(
    server: tuple[str, Served], tmp_path: Path
) -> None:
    url, served = server
    served.etag, served.last_modified = None, "Sat, 21 Nov 2026 10:00:00 GMT"
    fetch(url, tmp_path)
    assert not fetch(url, tmp_path).fresh
    assert served.requests[1].get("If-Modified-Since") == served.last_modified


def test_a_changed_file_replaces_the_cached_copy(
    server: tuple[str, Served], tmp_path: Path
) -> None:
    url, served = server
    fetch(url, tmp_path)
    served.body, served.etag = served.body.replace(b"Ivan", b"Pyotr"), '"v2"'
    again = fetch(url, tmp_path)
    assert again.fresh and b"Pyotr" in again.path.read_bytes()


def test_a_broken_download_keeps_the_good_copy(server: tuple[str, Served], tmp_path: Path) -> None:
    url, served = server
    good = fetch(url, tmp_path).path.read_bytes()
    served.body, served.etag, served.truncate = good * 50, '"v2"', True
    again = fetch(url, tmp_path)
    assert not again.fresh and again.warning is not None
    assert again.path.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_damaged_gzip_is_not_cached(server: tuple[str, Served], tmp_path: Path) -> None:
    url, served = server
    packed = gzip.compress(served.body * 100)
    served.body = packed[: len(packed) - 20]  # complete as sent, but the stream is cut short
    with pytest.raises(DownloadError, match="gzip"):
        fetch(url, tmp_path)
    assert list(tmp_path.glob("*entities*")) == []


def test_no_cache_and_a_server_error_is_a_clear_error(
    server: tuple[str, Served], tmp_path: Path
) -> None:
    url, served = server
    served.status = 404
    with pytest.raises(DownloadError, match="404"):
        fetch(url, tmp_path)


def test_an_unreachable_server_falls_back_to_the_cache(
    server: tuple[str, Served], tmp_path: Path
) -> None:
    url, served = server
    fetch(url, tmp_path)
    served.status = 503
    again = fetch(url, tmp_path)
    assert not again.fresh and again.warning is not None and "503" in again.warning


def test_no_network_is_one_line_naming_the_host_and_the_way_round(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port on this machine that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DownloadError) as caught:
        fetch(f"http://127.0.0.1:{port}/entities.json", tmp_path)
    message = str(caught.value)
    assert "\n" not in message and "HTTPConnectionPool" not in message
    assert "cannot reach 127.0.0.1" in message and "--against FILE" in message


@pytest.mark.parametrize(
    "url", ["http://example.org/entities.json", "ftp://example.org/x", "file:///etc/passwd"]
)
def test_only_https_or_this_machine(url: str) -> None:
    with pytest.raises(DownloadError, match="https"):
        check_url(url)


def test_screen_accepts_a_url(server: tuple[str, Served], tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests import screening_data as data

    url, served = server
    reference = data.write_reference(tmp_path / "ref.json")
    served.body = reference.read_bytes()
    book = data.write_workbook(tmp_path / "book.xlsx")
    env_cache = tmp_path / "cache"
    proc = subprocess.run(
        [sys.executable, "-m", "sanctions", "screen", str(book), "--against", url,
         "--cache", str(env_cache), "--out", str(tmp_path / "out")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "P001  Arman Testbayev" in proc.stdout
    assert any(env_cache.iterdir())


def test_no_cache_folder_to_find_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A computer that gives no home folder, and no folder named: said, never a traceback;
    and a local file is screened all the same (its scores are then not kept)."""
    from sanctions.screen.download import NO_CACHE_FOLDER
    from tests import screening_data as data
    from tests.conftest import run_cli

    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("SANCTIONS_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", nowhere)
    book = data.write_workbook(tmp_path / "book.xlsx")
    ran = run_cli("screen", str(book), "--against", "https://example.org/e.ftm.json",
                  "--out", str(tmp_path / "out"))  # fmt: skip
    assert ran.returncode != 0 and NO_CACHE_FOLDER in ran.stderr
    local = data.write_reference(tmp_path / "reference.ftm.json")
    ran = run_cli("screen", str(book), "--against", str(local), "--out", str(tmp_path / "out"))
    assert ran.returncode == 0, ran.stderr
