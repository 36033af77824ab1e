"""Fetch reference data over HTTPS into a local cache, and never lose a good copy.

A second run sends the cached ``ETag`` / ``Last-Modified`` back, so an unchanged file costs
one small request. A download is written beside the cache entry and only renamed over it once
it is complete (length checked, gzip stream read to the end); if the network fails, the last
good copy is used, with a warning, rather than none.
"""

from __future__ import annotations

import gzip
import hashlib
import ipaddress
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from sanctions.common.files import atomic_path, write_text

TIMEOUT = (10, 60)  # connect, read (seconds)
RETRIES = Retry(
    total=3,
    backoff_factor=0.5,
    status_forcelist=(429, 500, 502, 503, 504),
    allowed_methods=("GET",),
    raise_on_status=False,
)
CHUNK = 1 << 20


class DownloadError(Exception):
    """The file could not be fetched and there is no cached copy to fall back on."""


@dataclass(frozen=True)
class Fetched:
    path: Path
    url: str
    fresh: bool  # False when the cached copy was used
    warning: str | None = None


def cache_dir() -> Path:
    if "SANCTIONS_CACHE" in os.environ:
        return Path(os.environ["SANCTIONS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sanctions"


def is_url(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def check_url(url: str) -> None:
    """HTTPS only; plain HTTP is accepted for this machine alone (tests, a local mirror)."""
    parsed = urlparse(url)
    if parsed.scheme == "https" and parsed.hostname:
        return
    if parsed.scheme == "http" and parsed.hostname:
        host = parsed.hostname
        try:
            if host == "localhost" or ipaddress.ip_address(host).is_loopback:
                return
        except ValueError:
            pass
    raise DownloadError(f"{url}: only https:// addresses are accepted")


def _entry(url: str, folder: Path) -> tuple[Path, Path]:
    digest = hashlib.sha256(url.encode()).hexdigest()[:16]
    name = Path(urlparse(url).path).name or "download"
    return folder / f"{digest}-{name}", folder / f"{digest}-{name}.meta.json"


def session() -> requests.Session:
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=RETRIES))
    s.mount("http://", HTTPAdapter(max_retries=RETRIES))
    s.headers["User-Agent"] = "sanctions-screen"
    return s


Progress = Callable[[int | None], Callable[[int], None]]


def fetch(url: str, folder: Path | None = None, progress: Progress | None = None) -> Fetched:
    """The cached file for ``url``, refreshed if the server has a newer one."""
    check_url(url)
    folder = folder or cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    data, meta_path = _entry(url, folder)
    meta: dict[str, str] = {}
    if data.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    headers = {}
    if meta.get("etag"):
        headers["If-None-Match"] = meta["etag"]
    if meta.get("last_modified"):
        headers["If-Modified-Since"] = meta["last_modified"]
    try:
        with session().get(url, headers=headers, timeout=TIMEOUT, stream=True) as response:
            if response.status_code == 304 and data.exists():
                return Fetched(data, url, fresh=False)
            if response.status_code != 200:
                raise DownloadError(f"{url}: the server answered {response.status_code}")
            expected = response.headers.get("Content-Length")
            total = int(expected) if expected and expected.isdigit() else None
            with atomic_path(data) as tmp:
                written = _save(response, tmp, total, progress)
                if total is not None and written != total:
                    raise DownloadError(f"{url}: got {written} of {total} bytes")
                _check_gzip(tmp, url)
            write_text(
                meta_path,
                json.dumps(
                    {
                        "url": url,
                        "etag": response.headers.get("ETag", ""),
                        "last_modified": response.headers.get("Last-Modified", ""),
                    },
                    sort_keys=True,
                ),
            )
            return Fetched(data, url, fresh=True)
    except (requests.RequestException, DownloadError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if data.exists():
            return Fetched(data, url, fresh=False, warning=f"{reason}; using the cached copy")
        if isinstance(exc, DownloadError):
            raise
        raise DownloadError(f"{url}: download failed: {reason}") from exc


def _save(
    response: requests.Response, tmp: Path, total: int | None, progress: Progress | None
) -> int:
    advance = progress(total) if progress is not None else None
    written = 0
    with open(tmp, "wb") as fh:
        for chunk in response.iter_content(CHUNK):
            fh.write(chunk)
            written += len(chunk)
            if advance is not None:
                advance(len(chunk))
    return written


def _check_gzip(path: Path, url: str) -> None:
    """A gzip file must decompress to its end: a cut-off stream is a broken download."""
    with open(path, "rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            return
    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(CHUNK):
                pass
    except (OSError, EOFError, zlib.error) as exc:
        raise DownloadError(f"{url}: the gzip file is incomplete or damaged ({exc})") from exc
