"""``sanctions evidence check`` against a local server: outcomes, redirects checked hop by hop,
schemes refused without a request, politeness (User-Agent, two requests per host), the Wayback
Machine faked locally, the cache beside the workbook, and the findings validate makes of it.
No test here touches the internet."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import orjson
import pytest
import requests
import urllib3
from click.testing import CliRunner

from sanctions import __version__
from sanctions.check.validate import validate
from sanctions.cli import cli
from sanctions.evidence.cache import CacheError, LinkResult, cache_path, encode, read_cache
from sanctions.evidence.linkcheck import check_workbook_links
from sanctions.evidence.links import (
    NAME_UNKNOWN,
    USER_AGENT,
    HostSlots,
    check_link,
    failure,
    offline_adjusted,
)
from tests import workbooks
from tests.conftest import run_cli
from tests.workbooks import Rows, cell

TIMEOUT = "0.5"  # seconds; the slow page takes SLOW
SLOW = 2.0
TODAY = "2026-01-02"
LINK_CODES = (
    "evidence.link_dead",
    "evidence.link_dead_archived",
    "evidence.link_unreachable",
    "evidence.link_refused",
)


@dataclass
class Site:
    """What the local server saw."""

    base: str = ""
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    busy: int = 0
    most_busy: int = 0
    flaky_left: int = 1
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self, method: str | None = None) -> list[str]:
        return [p for m, p, _ in self.requests if method in (None, m)]


# path -> (status for HEAD, status for GET, extra headers); Location values are relative
PAGES: dict[str, tuple[int, int, dict[str, str]]] = {
    "/ok": (200, 200, {}),
    "/ok2": (200, 200, {}),
    "/archived-copy": (200, 200, {}),
    "/head-refused": (405, 200, {}),
    "/r1": (301, 301, {"Location": "/r2"}),
    "/r2": (302, 302, {"Location": "/ok-final"}),
    "/ok-final": (200, 200, {}),
    "/gone": (404, 404, {}),
    "/removed": (410, 410, {}),
    "/secret-gone": (404, 404, {}),
    "/broken": (500, 500, {}),
    "/to-file": (302, 302, {"Location": "file:///etc/passwd"}),
}


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up on the slow page


@pytest.fixture
def site() -> Iterator[Site]:
    seen = Site()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_HEAD(self) -> None:
            self.answer("HEAD")

        def do_GET(self) -> None:
            self.answer("GET")

        def answer(self, method: str) -> None:
            path = urlsplit(self.path).path
            with seen.lock:
                seen.requests.append((method, self.path, dict(self.headers)))
            if path.startswith("/busy/"):
                with seen.lock:
                    seen.busy += 1
                    seen.most_busy = max(seen.most_busy, seen.busy)
                time.sleep(0.2)  # long enough for requests to overlap, were they allowed to
                with seen.lock:
                    seen.busy -= 1
                return self.send(method, 200)
            if path == "/slow":
                time.sleep(SLOW)
                return self.send(method, 200)
            if path == "/flaky":
                with seen.lock:
                    fail, seen.flaky_left = seen.flaky_left > 0, seen.flaky_left - 1
                return (
                    self.send(method, 503, {"Retry-After": "0"}) if fail else self.send(method, 200)
                )
            if path == "/wayback/available":
                return self.availability(method)
            if path.startswith("/save/"):
                stamp = f"/web/20260101000000/{self.path.removeprefix('/save/')}"
                return self.send(method, 200, {"Content-Location": stamp})
            head, get, headers = PAGES.get(path, (404, 404, {}))
            self.send(method, head if method == "HEAD" else get, headers)

        def availability(self, method: str) -> None:
            url = parse_qs(urlsplit(self.path).query)["url"][0]
            closest = {"available": True, "url": f"{seen.base}/web/2020/{url}", "status": "200"}
            found = {"closest": closest} if url.endswith(("/removed", "/secret-gone")) else {}
            self.send(
                method,
                200,
                {"Content-Type": "application/json"},
                json.dumps({"url": url, "archived_snapshots": found}).encode(),
            )

        def send(
            self, method: str, status: int, headers: dict[str, str] | None = None,
            body: bytes = b"<html>fictional</html>",
        ) -> None:  # fmt: skip
            try:
                self.send_response(status)
                for name, value in {
                    "Content-Type": "text/html; charset=utf-8",
                    **(headers or {}),
                }.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if method == "GET":
                    self.wfile.write(body)
            except OSError:
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = QuietServer(("127.0.0.1", 0), Handler)
    seen.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def fake_wayback(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Wayback Machine call goes to the local server."""
    monkeypatch.setenv("SANCTIONS_WAYBACK_API", f"{site.base}/wayback/available")
    monkeypatch.setenv("SANCTIONS_WAYBACK_SAVE", f"{site.base}/save/")


def evidence(rows: Rows, *links: tuple[str | None, str | None, str]) -> Rows:
    """The valid rows' evidence replaced by one row per (url, archive_url, confidential)."""
    rows["evidence"] = [
        {
            "evidence_id": f"E{i:03d}",
            "title": f"Fictional source {i}",
            "kind": "media",
            "url": url,
            "archive_url": archive,
            "confidential": secret,
            "file": None if url or archive else "copy.pdf",
        }
        for i, (url, archive, secret) in enumerate(links, start=1)
    ]
    return rows


@pytest.fixture
def many(site: Site, build) -> Path:
    """A workbook citing every kind of link; E001 and E002 are what valid_rows cites."""
    b = site.base
    port = b.rsplit(":", 1)[1]
    return build(
        evidence(
            workbooks.valid_rows(),
            (f"{b}/ok", None, "no"),  # E001, row 2
            (f"{b}/head-refused", None, "no"),  # E002
            (f"{b}/r1", None, "no"),  # E003
            (f"{b}/gone", f"{b}/archived-copy", "no"),  # E004
            (f"{b}/removed", None, "no"),  # E005
            (f"{b}/broken", None, "no"),  # E006
            (f"{b}/slow", None, "no"),  # E007
            (f"{b}/to-file", None, "no"),  # E008
            ("file:///etc/passwd", None, "no"),  # E009
            (f"ftp://127.0.0.1:{port}/ftp-file", None, "no"),  # E010
            ("data:text/html,fictional", None, "no"),  # E011
            (f"{b}/secret-gone", None, "yes"),  # E012
            (f"{b}/flaky", None, "no"),  # E013
            (f"{b}/ok", None, "no"),  # E014: the same url again
        )
    )


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def links_found(path: Path) -> list[tuple[str, str | None, str]]:
    return [(f.code, f.cell, f.severity) for f in validate(path).findings if f.code in LINK_CODES]


def test_every_outcome_is_cached_beside_the_workbook(site: Site, many: Path) -> None:
    checked = check_workbook_links(many, float(TIMEOUT), today=lambda: TODAY)
    cache = cache_path(many)
    assert cache == many.with_name(f"{many.stem}.links.json")
    data = orjson.loads(cache.read_bytes())
    assert data["format"] == 1
    links = data["links"]
    b = site.base
    got = {url.replace(b, ""): (e["outcome"], e["status"]) for url, e in links.items()}
    port = b.rsplit(":", 1)[1]
    assert got == {
        "/ok": ("ok", 200),
        "/head-refused": ("ok", 200),
        "/r1": ("ok", 200),
        "/gone": ("dead", 404),
        "/archived-copy": ("ok", 200),
        "/removed": ("dead", 410),
        "/broken": ("unreachable", 500),
        "/slow": ("unreachable", None),
        "/to-file": ("refused", 302),
        "file:///etc/passwd": ("refused", None),
        f"ftp://127.0.0.1:{port}/ftp-file": ("refused", None),
        "data:text/html,fictional": ("refused", None),
        "/secret-gone": ("dead", 404),
        "/flaky": ("ok", 200),
    }
    assert links[f"{b}/r1"]["final_url"] == f"{b}/ok-final"
    assert links[f"{b}/ok"]["content_type"] == "text/html"
    assert links[f"{b}/ok"]["checked"] == TODAY
    assert links[f"{b}/slow"]["reason"] == f"no answer within {TIMEOUT} s"
    assert links[f"{b}/to-file"]["final_url"] == "file:///etc/passwd"
    assert "redirects to file:///etc/passwd" in links[f"{b}/to-file"]["reason"]
    assert links[f"{b}/removed"]["suggested_archive"] == f"{b}/web/2020/{b}/removed"
    assert links[f"{b}/gone"]["suggested_archive"] is None  # it has an archive_url
    assert links[f"{b}/secret-gone"]["suggested_archive"] is None  # confidential: not asked
    # sorted keys, one entry per url, and the bytes the writer gives
    assert cache.read_bytes() == encode(read_cache(cache))
    assert list(links) == sorted(links)
    assert checked.failed
    assert any("confidential" in note for note in checked.notes)


def test_requests_are_made_as_they_should_be(site: Site, many: Path) -> None:
    check_workbook_links(many, float(TIMEOUT), today=lambda: TODAY)
    # HEAD refused: confirmed by GET; the redirect chain, hop by hop; a retry after a 503
    assert site.paths("HEAD").count("/head-refused") == 1
    assert site.paths("GET").count("/head-refused") == 1
    assert {"/r1", "/r2", "/ok-final"} <= set(site.paths("HEAD"))
    assert site.paths("HEAD").count("/flaky") == 2
    assert site.paths().count("/ok") == 1  # cited twice, asked once
    # nothing for the schemes refused, nor after a redirect to one; nothing saved unasked
    assert not any("ftp-file" in p or "passwd" in p for p in site.paths())
    assert not any(p.startswith("/save/") for p in site.paths())
    # the archive asked about dead links without an archive_url, never for confidential ones
    asked = [p for p in site.paths() if p.startswith("/wayback/")]
    assert len(asked) == 1 and "removed" in asked[0]
    # an honest User-Agent on every request
    agents = {headers.get("User-Agent") for _, _, headers in site.requests}
    assert agents == {USER_AGENT}
    assert f"sanctions/{__version__} (evidence link check)" == USER_AGENT


def test_validate_reports_what_the_check_found(site: Site, many: Path) -> None:
    check_workbook_links(many, float(TIMEOUT), today=lambda: TODAY)
    found = links_found(many)

    def at(code: str, index: int, severity: str) -> tuple[str, str, str]:
        return (code, cell("evidence", "url", index), severity)

    assert found == [
        at("evidence.link_dead_archived", 3, "warning"),
        at("evidence.link_dead", 4, "error"),
        at("evidence.link_unreachable", 5, "warning"),
        at("evidence.link_unreachable", 6, "warning"),
        at("evidence.link_refused", 7, "error"),
        at("evidence.link_refused", 8, "error"),
        at("evidence.link_refused", 9, "error"),
        at("evidence.link_refused", 10, "error"),
        at("evidence.link_dead", 11, "error"),
    ]
    dead = next(f for f in validate(many).findings if f.code == "evidence.link_dead")
    assert f"an archived copy is at {site.base}/web/2020/{site.base}/removed" in dead.message
    assert "410 Gone, checked 2026-01-02" in dead.message


def test_a_dead_archive_url_leaves_nothing_standing_in(site: Site, build) -> None:
    b = site.base
    path = build(
        evidence(
            workbooks.valid_rows(), (f"{b}/gone", f"{b}/removed", "no"), (f"{b}/ok", None, "no")
        )
    )
    check_workbook_links(path, float(TIMEOUT), today=lambda: TODAY)
    assert links_found(path) == [
        ("evidence.link_dead", cell("evidence", "url", 0), "error"),
        ("evidence.link_dead", cell("evidence", "archive_url", 0), "error"),
    ]


def test_a_url_not_in_the_cache_is_not_reported(site: Site, build, tmp_path: Path) -> None:
    b = site.base
    rows = evidence(workbooks.valid_rows(), (f"{b}/ok", None, "no"), (f"{b}/ok2", None, "no"))
    path = build(rows)
    cache_path(path).write_bytes(
        encode({f"{b}/elsewhere": LinkResult("dead", TODAY, "404 Not Found", 404)})
    )
    assert links_found(path) == []


def test_a_damaged_cache_is_reported_by_validate_and_rewritten(site: Site, build) -> None:
    path = build(evidence(workbooks.valid_rows(), (f"{site.base}/gone", None, "no")))
    cache_path(path).write_text("{not json")
    (damaged,) = [f for f in validate(path).findings if f.code == "evidence.links_unreadable"]
    assert (
        damaged.severity == "warning" and "run `sanctions evidence check` again" in damaged.message
    )
    assert links_found(path) == []
    with pytest.raises(CacheError):
        read_cache(cache_path(path))
    code, _, stderr = invoke("evidence", "check", str(path), "--timeout", TIMEOUT)
    assert code == 1 and "not a link cache" in stderr
    assert [c for c, _, _ in links_found(path)] == ["evidence.link_dead"]


def test_the_command_reports_each_link_and_exits_1(site: Site, many: Path) -> None:
    code, stdout, stderr = invoke("evidence", "check", str(many), "--timeout", TIMEOUT)
    assert code == 1
    b = site.base
    lines = stdout.splitlines()
    assert lines[0] == str(many)
    ok = next(line for line in lines if f"{b}/ok " in line or line.endswith(f"{b}/ok"))
    assert ok.split()[:2] == ["ok", "200"]
    assert f"evidence!{cell('evidence', 'url', 0)}, evidence!{cell('evidence', 'url', 13)}" in ok
    assert any(f"{b}/r1 -> {b}/ok-final" in line for line in lines)
    removed = next(line for line in lines if f"{b}/removed" in line)
    assert removed.split()[:2] == ["dead", "410"]
    assert f"archived copy: {b}/web/2020/{b}/removed — add it to archive_url in row 6" in removed
    assert (
        lines[-1]
        == "14 links: 5 ok, 3 dead, 2 unreachable, 4 refused; in validate: 6 errors, 3 warnings"
    )
    assert f"wrote {cache_path(many)}" in stderr


def test_json_for_scripts(site: Site, many: Path) -> None:
    code, stdout, _ = invoke(
        "evidence", "check", str(many), "--timeout", TIMEOUT, "--format", "json"
    )
    assert code == 1
    report = json.loads(stdout)
    assert [r["url"] for r in report] == sorted(r["url"] for r in report)
    slow = next(r for r in report if r["url"].endswith("/slow"))
    assert slow["outcome"] == "unreachable" and slow["cells"] == [
        f"evidence!{cell('evidence', 'url', 6)}"
    ]
    assert set(slow) == {
        "file", "url", "outcome", "status", "reason", "final_url", "content_type", "checked",
        "suggested_archive", "archived", "cells",
    }  # fmt: skip


def test_dead_links_with_an_archive_and_unreachable_ones_exit_0(site: Site, build) -> None:
    b = site.base
    path = build(
        evidence(
            workbooks.valid_rows(),
            (f"{b}/gone", f"{b}/archived-copy", "no"),
            (f"{b}/broken", None, "no"),
        )
    )
    code, stdout, _ = invoke("evidence", "check", str(path), "--timeout", TIMEOUT)
    assert code == 0, stdout
    assert stdout.splitlines()[-1].endswith("in validate: 0 errors, 2 warnings")


def test_archive_saves_live_links_only_when_asked(site: Site, build) -> None:
    b = site.base
    path = build(
        evidence(
            workbooks.valid_rows(),
            (f"{b}/ok", None, "no"),
            (f"{b}/ok2", None, "yes"),  # confidential: never shown to the archive
            (f"{b}/gone", f"{b}/archived-copy", "no"),
        )
    )
    assert invoke("evidence", "check", str(path), "--timeout", TIMEOUT)[0] == 0
    assert not any(p.startswith("/save/") for p in site.paths())
    code, stdout, _ = invoke("evidence", "check", str(path), "--timeout", TIMEOUT, "--archive")
    assert code == 0
    assert [p for p in site.paths() if p.startswith("/save/")] == [f"/save/{b}/ok"]
    copy = f"{b}/web/20260101000000/{b}/ok"
    assert f"archived: {b}/ok -> {copy} — add it to archive_url in row 2" in stdout
    assert read_cache(cache_path(path))[f"{b}/ok"].archived == copy
    # a later run without --archive keeps what the archive saved
    assert invoke("evidence", "check", str(path), "--timeout", TIMEOUT)[0] == 0
    assert read_cache(cache_path(path))[f"{b}/ok"].archived == copy


def test_at_most_two_requests_at_once_to_one_host(site: Site, build) -> None:
    b = site.base
    path = build(
        evidence(workbooks.valid_rows(), *[(f"{b}/busy/{i}", None, "no") for i in range(8)])
    )
    code, _, _ = invoke("evidence", "check", str(path), "--timeout", "5")
    assert code == 0
    assert len([p for p in site.paths() if p.startswith("/busy/")]) == 8
    assert site.most_busy == 2


def test_an_unreadable_workbook_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "text.xlsx"
    path.write_text("not a workbook")
    code, _, stderr = invoke("evidence", "check", str(path))
    assert code == 2 and f"error: {path}:" in stderr
    assert not cache_path(path).exists()


def test_results_that_cannot_be_kept_are_still_reported(site: Site, build) -> None:
    path = build(evidence(workbooks.valid_rows(), (f"{site.base}/gone", None, "no")))
    cache_path(path).mkdir()  # something in the way of the cache
    code, stdout, stderr = invoke("evidence", "check", str(path), "--timeout", TIMEOUT)
    assert code == 2
    assert f"{site.base}/gone" in stdout and stdout.splitlines()[-1].startswith("1 link: 1 dead")
    assert f"error: {cache_path(path)}: results not kept" in stderr


def test_the_command_is_registered() -> None:
    proc = run_cli("evidence", "--help", timeout=60)
    assert proc.returncode == 0
    assert "check" in proc.stdout and "hash" in proc.stdout


# Classifying failures that a local server cannot stage


def name_error(code: int) -> requests.ConnectionError:
    """What requests raises when a host name cannot be looked up."""
    try:
        try:
            raise socket.gaierror(code, "Name or service not known")
        except socket.gaierror as lookup:
            raise urllib3.exceptions.NameResolutionError("gone.example", None, lookup) from lookup
    except urllib3.exceptions.NameResolutionError as exc:
        wrapped = urllib3.exceptions.MaxRetryError(None, "/", exc)
        return requests.ConnectionError(wrapped)


def test_a_host_name_that_does_not_exist_is_dead_one_that_failed_for_now_is_not() -> None:
    assert failure(name_error(socket.EAI_NONAME), 10) == ("dead", NAME_UNKNOWN)
    outcome, reason = failure(name_error(socket.EAI_AGAIN), 10)
    assert outcome == "unreachable" and "could not be looked up" in reason


def test_offline_no_link_is_called_dead_for_its_name() -> None:
    gone = LinkResult("dead", TODAY, NAME_UNKNOWN)
    refused = LinkResult("refused", TODAY, "only http and https links are checked, not file:")
    alone = offline_adjusted({"https://a.example/": gone, "file:///x": refused})
    assert alone["https://a.example/"].outcome == "unreachable"
    assert "offline" in alone["https://a.example/"].reason
    assert alone["file:///x"] == refused
    online = {
        "https://a.example/": gone,
        "https://b.example/": LinkResult("ok", TODAY, "200 OK", 200),
    }
    assert offline_adjusted(online)["https://a.example/"].outcome == "dead"


def test_an_offline_run_checks_nothing_and_records_nothing(build, tmp_path) -> None:
    """Issue 27: an offline `evidence check` recorded every link as unreachable, which then
    blocked a strict release. Now it says it could not check, exits 2 and records nothing."""
    rows = workbooks.valid_rows()
    rows["evidence"][0]["url"] = "https://no-such-host-one.invalid/report"
    rows["evidence"][1]["url"] = "https://no-such-host-two.invalid/statement"
    book = build(rows)
    proc = run_cli("evidence", "check", str(book), "--timeout", "2")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "no link could be reached (is this computer offline?)" in proc.stderr
    assert "nothing was checked and nothing recorded" in proc.stderr
    assert not cache_path(book).exists()
    assert not [f for f in validate(book).findings if f.code.startswith("evidence.link")]


def test_an_address_the_connection_cannot_read_is_that_links_refusal_only() -> None:
    """A host name label of 70 letters passes the address pattern, and urllib3 refuses it
    when it connects: that one link is refused, and the others are still checked."""
    long = "https://www." + "a" * 70 + ".org/report.pdf"
    result = check_link(long, "2026-12-07", 5, HostSlots())
    assert result.outcome == "refused" and "not a valid address" in (result.reason or "")
