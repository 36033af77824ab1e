"""Fetch reference data over HTTPS into a local cache, and never lose a good copy.

A second run sends the cached ``ETag`` / ``Last-Modified`` back, so an unchanged file costs
one small request. A download is written beside the cache entry and renamed over it only once
it is complete (length checked where the server gives it), reads as FtM entities to its last
line (an HTML page from a captive portal, a body cut short or a damaged gzip stream does not),
and stays under the size cap; its SHA-256 is recorded beside it. Otherwise the last good copy
is used, with a warning, rather than none.

Addresses are checked with the parser that makes the connection (urllib3's, as requests uses
it), at every redirect: ``https://``, or plain ``http://`` to this machine only. A download has
a time limit as a whole, besides the limit on each read, so a server that trickles a byte at a
time cannot hang the run.
"""

from __future__ import annotations

import gzip
import hashlib
import ipaddress
import json
import os
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin, urlparse

import orjson
import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url
from urllib3.util.retry import Retry

from sanctions.common.files import atomic_path, file_sha256, write_text
from sanctions.common.places import protected_place
from sanctions.common.stall import Pace, Stalled, within

TIMEOUT = (10, 30)  # connect, and each read (seconds)
TOTAL_SECONDS = 1800  # the whole download
# The low-speed limit (curl's --speed-limit/--speed-time): the headers within SPEED_SECONDS, and
# then at least SPEED_BYTES in every SPEED_SECONDS of the body.
SPEED_BYTES = 16 * 1024
SPEED_SECONDS = 60.0
MAX_BYTES = 8 * 10**9  # the download, and the file once decompressed (--max-size 8GB)
MAX_REDIRECTS = 5
RETRIES = Retry(
    total=3,
    read=0,  # a server that did not answer within the read timeout gets no second wait
    backoff_factor=0.5,
    status_forcelist=(429, 500, 502, 503, 504),
    allowed_methods=("GET",),
    raise_on_status=False,
    redirect=False,
)
CHUNK = 1 << 20
TAIL = 8 << 20  # enough to hold the last line of an entities file


class DownloadError(Exception):
    """The file could not be fetched and there is no cached copy to fall back on."""


NO_CACHE_FOLDER = (
    "no cache folder: this computer gives no home folder; name one with --cache or SANCTIONS_CACHE"
)


@dataclass(frozen=True)
class Fetched:
    path: Path
    url: str
    fresh: bool  # False when the cached copy was used
    warning: str | None = None


@dataclass(frozen=True)
class Limits:
    """How much a download may take: bytes (downloaded, and decompressed) and seconds."""

    max_bytes: int = MAX_BYTES
    seconds: float = TOTAL_SECONDS
    speed_bytes: int = SPEED_BYTES  # at least this many bytes ...
    speed_seconds: float = SPEED_SECONDS  # ... in every this many seconds


def cache_dir(given: Path | None = None) -> Path:
    """The cache folder of downloads and kept scores: ``given`` (``--cache``), or the user's.
    Raises DownloadError, which the commands say as a message, where there is none to find
    (no home folder, and nothing set), or where the folder is a protected place: the cache
    holds the screened persons' names and scores, which must not land in a public folder or
    travel with a list's evidence into a release (``places.protected_place``)."""
    folder = given or _default_cache()
    reason = protected_place(folder)
    if reason is not None:
        raise DownloadError(f"the cache folder {folder}: {reason}; name one elsewhere")
    return folder


def _default_cache() -> Path:
    if "SANCTIONS_CACHE" in os.environ:
        return Path(os.environ["SANCTIONS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError as exc:  # no HOME, and no entry for this user
            raise DownloadError(NO_CACHE_FOLDER) from exc
    return Path(base) / "sanctions"


def is_url(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def check_url(url: str) -> str:
    """The address as requests will send it, if it is https:// or http:// to this machine.

    The host is read from the prepared request with urllib3's parser, which is what opens the
    connection: ``http://evil.example\\@127.0.0.1/`` goes to evil.example, whatever
    ``urllib.parse`` says.
    """
    try:
        prepared = requests.Request("GET", url).prepare().url or ""
        parsed = parse_url(prepared)
    except (requests.RequestException, LocationParseError, ValueError) as exc:
        raise DownloadError(f"{url}: not a valid address ({exc})") from exc
    host = (parsed.host or "").strip("[]")
    if parsed.scheme == "https" and host:
        return prepared
    if parsed.scheme == "http" and _is_loopback(host):
        return prepared
    raise DownloadError(f"{url}: only https:// addresses are accepted (http:// for this machine)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cache_entry(url: str, folder: Path) -> tuple[Path, Path]:
    digest = hashlib.sha256(url.encode()).hexdigest()[:16]
    name = Path(urlparse(url).path).name or "download"
    return folder / f"{digest}-{name}", folder / f"{digest}-{name}.meta.json"


def session() -> requests.Session:
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=RETRIES))
    s.mount("http://", HTTPAdapter(max_retries=RETRIES))
    s.headers["User-Agent"] = "sanctions-screen"
    s.headers["Accept-Encoding"] = "identity"  # the bytes as published, so lengths compare
    return s


Progress = Callable[[int | None], Callable[[int], None]]


def fetch(
    url: str,
    folder: Path | None = None,
    progress: Progress | None = None,
    limits: Limits | None = None,
    waiting: Callable[[str], None] | None = None,
) -> Fetched:
    """The cached file for ``url``, refreshed if the server has a newer one.

    ``waiting`` is told, before each request, whom the run is waiting for.
    """
    check_url(url)
    limits = limits or Limits()
    folder = cache_dir(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data, meta_path = cache_entry(url, folder)
    meta = _meta(data, meta_path)
    headers = {}
    if meta.get("etag"):
        headers["If-None-Match"] = meta["etag"]
    if meta.get("last_modified"):
        headers["If-Modified-Since"] = meta["last_modified"]
    deadline = time.monotonic() + limits.seconds
    try:
        with response_to(url, headers, deadline, limits.speed_seconds, waiting) as response:
            if response.status_code == 304 and meta:
                return Fetched(data, url, fresh=False)
            if response.status_code != 200:
                raise DownloadError(f"{url}: the server answered {response.status_code}")
            expected = response.headers.get("Content-Length")
            total = int(expected) if expected and expected.isdecimal() else None
            if total is not None and total > limits.max_bytes:
                raise DownloadError(f"{url}: {total:,} bytes is more than {_cap(limits)}")
            with atomic_path(data) as tmp:
                digest, written = _save(response, tmp, total, progress, limits, deadline, url)
                if total is not None and written != total:
                    raise DownloadError(f"{url}: got {written} of {total} bytes")
                check_entities_file(tmp, url, limits.max_bytes)
            record = {
                "url": url,
                "etag": response.headers.get("ETag", ""),
                "last_modified": response.headers.get("Last-Modified", ""),
                "sha256": digest,
            }
            write_text(meta_path, json.dumps(record, sort_keys=True))
            return Fetched(data, url, fresh=True)
    except (requests.RequestException, urllib3.exceptions.HTTPError, DownloadError) as exc:
        reason = unreachable(url, exc) or str(exc).splitlines()[0] or type(exc).__name__
        if meta:
            return Fetched(data, url, fresh=False, warning=f"{reason}; using the cached copy")
        if isinstance(exc, DownloadError):
            raise
        if not unreachable(url, exc):
            reason = f"download failed: {reason}"
        raise DownloadError(f"{url}: {reason}") from exc


def unreachable(url: str, exc: Exception) -> str:
    """One line for a network failure, instead of urllib3's nested exception text; empty for
    other errors. A host that cannot be resolved or reached usually means no network."""
    if not _never_connected(exc):  # a read timeout or a dropped connection did reach the host
        return ""
    host = urllib3.util.parse_url(url).host or url
    return (
        f'cannot reach {host} (no network, or the host does not exist); see "Screening on a '
        'computer without internet" in the README: `sanctions reference download FILE` on a '
        "computer with internet, then `--against FILE` here"
    )


def _meta(data: Path, meta_path: Path) -> dict[str, str]:
    """The cached copy's record, if the copy is there and still has the recorded hash."""
    if not (data.exists() and meta_path.exists()):
        return {}
    try:
        meta: dict[str, str] = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if meta.get("sha256") and meta["sha256"] != file_sha256(data):
        return {}  # changed or damaged since it was downloaded: not a good copy
    return meta


def response_to(
    url: str,
    headers: dict[str, str],
    deadline: float,
    header_seconds: float,
    waiting: Callable[[str], None] | None,
) -> requests.Response:
    """The response at the end of the redirects, each hop's address checked first; each hop's
    headers within ``header_seconds`` (the low-speed limit: headers are a few hundred bytes)
    and the time left."""
    http = session()
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        prepared = check_url(current)
        if time.monotonic() > deadline:
            raise DownloadError(f"{url}: no answer within the time limit")
        if waiting is not None:
            waiting(f"waiting for {parse_url(prepared).host} ...")
        try:  # the headers within the time left, however slowly the server sends them
            response = within(
                min(deadline - time.monotonic(), header_seconds),
                partial(
                    http.get,
                    prepared,
                    headers=headers,
                    timeout=TIMEOUT,
                    stream=True,
                    allow_redirects=False,
                ),
            )
        except Stalled as exc:
            raise DownloadError(f"{url}: no answer within the time limit") from exc
        if not response.is_redirect:
            return response
        location = response.headers.get("Location", "")
        response.close()
        current = urljoin(prepared, location)
    raise DownloadError(f"{url}: more than {MAX_REDIRECTS} redirects")


def body_of(
    response: requests.Response, deadline: float, limits: Limits, url: str, most: int
) -> Iterator[bytes]:
    """The body as it arrives, at most ``most`` bytes (every reader of a response names its
    bound: a server may send without end); ``read1`` returns whatever came, so the clocks
    (the total limit and the low-speed limit) are checked however slowly the server sends."""
    pace = Pace(limits.speed_bytes, limits.speed_seconds)
    received = 0
    while True:
        chunk = response.raw.read1(CHUNK)
        if not chunk:
            return
        received += len(chunk)
        if received > most:
            raise DownloadError(f"{url}: the response is larger than the {most:,} bytes expected")
        yield chunk
        if time.monotonic() > deadline:
            raise DownloadError(f"{url}: the download did not finish within the time limit")
        try:
            pace.feed(len(chunk))
        except Stalled as exc:
            raise DownloadError(f"{url}: the download stalled: {exc}") from exc


def _save(
    response: requests.Response,
    tmp: Path,
    total: int | None,
    progress: Progress | None,
    limits: Limits,
    deadline: float,
    url: str,
) -> tuple[str, int]:
    """Write the body; its SHA-256 and length."""
    digest = hashlib.sha256()
    with open(tmp, "wb") as fh:
        written = write_body(
            response, fh, deadline, limits, url, progress(total) if progress else None, digest
        )
    return digest.hexdigest(), written


def write_body(
    response: requests.Response,
    fh: BinaryIO,
    deadline: float,
    limits: Limits,
    url: str,
    advance: Callable[[int], None] | None = None,
    digest: Any = None,
    written: int = 0,
) -> int:
    """Write the body into ``fh`` block by block, within the limits (time, speed, size), from
    ``written`` bytes already there; the length reached. ``digest`` (a hashlib object) is
    updated with each block."""
    # a block past the cap may come, for the check below to say it in the size limit's words
    most = max(limits.max_bytes - written, 0) + CHUNK
    for chunk in body_of(response, deadline, limits, url, most):
        fh.write(chunk)
        if digest is not None:
            digest.update(chunk)
        written += len(chunk)
        if written > limits.max_bytes:
            raise DownloadError(f"{url}: the download is larger than {_cap(limits)}")
        if advance is not None:
            advance(len(chunk))
    return written


def _cap(limits: Limits) -> str:
    return f"the {limits.max_bytes:,}-byte limit (--max-size)"


def check_entities_file(path: Path, url: str, max_bytes: int) -> None:
    """The file reads as FtM entity lines from its first line to its last, within the cap: a
    captive portal's HTML page, a body cut short or a damaged gzip stream does not."""
    with open(path, "rb") as fh:
        packed = fh.read(2) == b"\x1f\x8b"
    opener = gzip.open if packed else open
    size, first, last = 0, b"", b""
    try:
        with opener(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise DownloadError(f"{url}: decompresses to more than {max_bytes:,} bytes")
                if not first:
                    first = chunk.split(b"\n", 1)[0]
                last = (last + chunk)[-TAIL:]
    except (OSError, EOFError, zlib.error) as exc:
        raise DownloadError(f"{url}: the gzip file is incomplete or damaged ({exc})") from exc
    lines = [line for line in last.split(b"\n") if line.strip()]
    for line, where in ((first, "first"), (lines[-1] if lines else b"", "last")):
        if not _is_entity(line):
            raise DownloadError(
                f"{url}: not FtM entities: the {where} line is not a JSON entity "
                "(a login page, or a download cut short?)"
            )


def _is_entity(line: bytes) -> bool:
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return isinstance(data, dict) and "id" in data and "schema" in data


def _never_connected(exc: BaseException) -> bool:
    """Whether the failure was in making the connection (name resolution, refused, connect
    timeout), looking through requests' and urllib3's wrappers."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(
            item, urllib3.exceptions.NewConnectionError | urllib3.exceptions.ConnectTimeoutError
        ):
            return True
        todo += [*item.args, getattr(item, "reason", None), item.__cause__, item.__context__]
    return False
