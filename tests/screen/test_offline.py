"""Screening on a computer without internet: `sanctions reference download FILE` on one with
internet (here a local server stands in for OpenSanctions), then `screen --against FILE`. The
download is checked against the dataset index's size and SHA-1, and one that breaks off is
continued by the next run. Every name is invented."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests import workbooks
from tests.conftest import run_cli

DATA = (
    "".join(
        json.dumps(
            {
                "id": f"ofac-{k}",
                "schema": "Person",
                "properties": {"name": [name], "topics": ["sanction"]},
                "datasets": ["us_ofac_sdn"],
            }
        )
        + "\n"
        for k, name in enumerate(["Arman Testbayev", "Zed Nobody", "Ana Unrelated"] * 200)
    )
).encode()


class Site:
    """What the server serves, and how: break off the first body after ``cut`` bytes."""

    def __init__(self) -> None:
        self.cut: int | None = None
        self.sha1 = hashlib.sha1(DATA).hexdigest()
        self.ranges: list[str] = []


@pytest.fixture
def site() -> Iterator[tuple[str, Site]]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.endswith("index.json"):
                body = json.dumps(
                    {
                        "resources": [
                            {
                                "name": "entities.ftm.json",
                                "url": url,
                                "size": len(DATA),
                                "checksum": state.sha1,
                            }
                        ]
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            asked = self.headers.get("Range")
            self.ranges.append(asked or "")
            start = int(asked.split("=")[1].rstrip("-")) if asked else 0
            body = DATA[start:]
            self.send_response(206 if asked else 200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if state.cut is not None:
                self.wfile.write(body[: state.cut])
                state.cut = None
                self.close_connection = True
                return
            self.wfile.write(body)

        @property
        def ranges(self) -> list[str]:
            return state.ranges

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    url = f"http://127.0.0.1:{server.server_port}/datasets/latest/sanctions/entities.ftm.json"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield url, state
    finally:
        server.shutdown()


def test_a_download_that_breaks_off_is_continued_and_checked_then_screens_offline(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    url, state = site
    carried = tmp_path / "usb" / "sanctions-data.ftm.json"
    state.cut = 10_000
    broken = run_cli("reference", "download", str(carried), "--url", url, "-q")
    assert broken.returncode == 2
    assert "run the command again to continue where it stopped" in broken.stderr
    assert not carried.exists() and carried.with_name(carried.name + ".part").exists()
    done = run_cli("reference", "download", str(carried), "--url", url, "-q")
    assert done.returncode == 0, done.stderr
    assert state.ranges[-1] == "bytes=10000-"
    assert "(continued from 10,000 bytes)" in done.stdout
    assert "its size and SHA-1 match the dataset's index" in done.stdout
    assert carried.read_bytes() == DATA
    # the computer without internet: only the file
    book = workbooks.write(tmp_path / "testland.xlsx", workbooks.valid_rows())
    screened = run_cli("screen", str(book), "--against", str(carried), "--out", str(tmp_path / "x"))
    assert screened.returncode == 0, screened.stderr
    assert "Arman Testbayev" in screened.stdout


def test_a_download_that_is_not_the_published_file_is_refused(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    url, state = site
    state.sha1 = "0" * 40
    target = tmp_path / "data.ftm.json"
    proc = run_cli("reference", "download", str(target), "--url", url, "-q")
    assert proc.returncode == 2
    assert "is not the one the dataset's index publishes" in proc.stderr
    assert not target.exists() and not target.with_name(target.name + ".part").exists()


def test_the_offline_error_points_to_the_readme_section(tmp_path: Path) -> None:
    book = workbooks.write(tmp_path / "testland.xlsx", workbooks.valid_rows())
    proc = run_cli(
        "screen", str(book), "--against", "https://no-such-host.invalid/entities.ftm.json",
        "--cache", str(tmp_path / "cache"), "-q",
    )  # fmt: skip
    assert proc.returncode == 2
    assert '"Screening on a computer without internet" in the README' in proc.stderr
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "### Screening on a computer without internet" in readme
