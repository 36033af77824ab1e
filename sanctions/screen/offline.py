"""``sanctions reference download``: the sanctions data, fetched on a computer with internet, to
screen with on one without.

The file is OpenSanctions' consolidated sanctions data (``entities.ftm.json``, about a gigabyte),
the same the screen downloads itself when it can. The dataset's ``index.json`` publishes each
file's size and SHA-1 checksum (FollowTheMoney's dataset metadata, ``resources``); the download
is checked against both, so that a file carried on a USB stick is known whole before anyone
screens with it. A download that breaks off is kept as ``FILE.part`` and continued where it
stopped at the next run (an HTTP range request), so a slow or unstable connection gets there in
several goes. The same limits as every download apply (``screen/download.py``): https only,
each redirect checked, the headers within their time, a low-speed limit, a size cap.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

import orjson
import requests
import urllib3

from sanctions.common.files import write_text
from sanctions.screen.download import (
    CHUNK,
    DownloadError,
    Limits,
    Progress,
    body_of,
    cache_dir,
    cache_entry,
    check_entities_file,
    response_to,
    unreachable,
    write_body,
)

DATASET = "https://data.opensanctions.org/datasets/latest/sanctions/"
RESOURCE = "entities.ftm.json"
DEFAULT_URL = DATASET + RESOURCE
PART = ".part"


@dataclass(frozen=True)
class Published:
    """What the dataset's index says of the file: where it is, its size and SHA-1."""

    url: str
    size: int | None = None
    sha1: str | None = None


@dataclass(frozen=True)
class Downloaded:
    path: Path
    url: str
    size: int
    sha256: str
    checked: str  # what the file was checked against, in words
    resumed: int  # bytes kept from an earlier, broken-off download


# An index.json lists a dataset's few files: some kilobytes. A longer one is no index.
INDEX_BYTES = 1 << 20


def published(index_url: str, limits: Limits) -> Published | None:
    """The file's entry in the dataset's ``index.json``, or None when there is none to read."""
    deadline = time.monotonic() + min(limits.seconds, limits.speed_seconds)
    try:
        with response_to(index_url, {}, deadline, limits.speed_seconds, None) as response:
            if response.status_code != 200:
                return None
            body = b"".join(body_of(response, deadline, limits, index_url, INDEX_BYTES))
        data = orjson.loads(body)
    except (requests.RequestException, urllib3.exceptions.HTTPError, DownloadError, ValueError):
        return None
    for resource in data.get("resources", []) if isinstance(data, dict) else []:
        if isinstance(resource, dict) and resource.get("name") == RESOURCE:
            size = resource.get("size")
            checksum = resource.get("checksum")
            return Published(
                str(resource.get("url") or DEFAULT_URL),
                size if isinstance(size, int) else None,
                checksum.lower() if isinstance(checksum, str) else None,
            )
    return None


def download(
    target: Path | None,
    url: str = DEFAULT_URL,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> Downloaded:
    """Fetch ``url`` into ``target`` (None: the screen's cache, where ``screen --against URL``
    finds it offline), continuing a ``.part`` left by an earlier run, and check it."""
    limits = limits or Limits()
    index = published(url.rsplit("/", 1)[0] + "/index.json", limits) if url else None
    if index is not None and Path(index.url).name != Path(url).name:
        index = None  # the index describes another file
    cached = target is None
    if target is None:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target, meta_path = cache_entry(url, folder)
    else:
        meta_path = None
        target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + PART)
    have = part.stat().st_size if part.exists() else 0
    resumed = _fetch(url, part, have, limits, progress, index)
    sha1, sha256 = _digests(part)
    checked = _check(part, url, index, sha1, limits)
    os.replace(part, target)
    if cached and meta_path is not None:
        record = {"url": url, "etag": "", "last_modified": "", "sha256": sha256}
        write_text(meta_path, orjson.dumps(record, option=orjson.OPT_SORT_KEYS).decode())
    return Downloaded(target, url, target.stat().st_size, sha256, checked, resumed)


def _fetch(
    url: str,
    part: Path,
    have: int,
    limits: Limits,
    progress: Progress | None,
    index: Published | None,
) -> int:
    """Write the body into ``part``, from byte ``have`` when the server can resume; the bytes
    kept from before."""
    if index is not None and index.size is not None and have > index.size:
        have = 0  # longer than the file: not a piece of this one
    headers = {"Range": f"bytes={have}-"} if have else {}
    deadline = time.monotonic() + limits.seconds
    try:
        with response_to(url, headers, deadline, limits.speed_seconds, None) as response:
            if response.status_code == 416 and index is not None and have == index.size:
                return have  # already whole: the checks below say whether it is right
            if response.status_code not in (200, 206):
                raise DownloadError(f"{url}: the server answered {response.status_code}")
            kept = have if response.status_code == 206 else 0
            length = response.headers.get("Content-Length")
            total = kept + int(length) if length and length.isdecimal() else None
            if total is not None and total > limits.max_bytes:
                raise DownloadError(f"{url}: {total:,} bytes is more than --max-size")
            advance = progress(total) if progress is not None else None
            if advance is not None and kept:
                advance(kept)
            with open(part, "ab" if kept else "wb") as fh:
                written = write_body(response, fh, deadline, limits, url, advance, written=kept)
            if total is not None and written != total:
                raise DownloadError(
                    f"{url}: got {written:,} of {total:,} bytes; run the command again to "
                    "continue where it stopped"
                )
            return kept
    except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
        reason = unreachable(url, exc)
        if reason:
            raise DownloadError(f"{url}: {reason}") from exc
        kept = part.stat().st_size if part.exists() else 0
        raise DownloadError(
            f"{url}: the download broke off ({type(exc).__name__}); the {kept:,} bytes that "
            f"arrived are kept in {part.name}: run the command again to continue where it stopped"
        ) from exc


def _digests(path: Path) -> tuple[str, str]:
    sha1, sha256 = hashlib.sha1(), hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(CHUNK):
            sha1.update(block)
            sha256.update(block)
    return sha1.hexdigest(), sha256.hexdigest()


def _check(part: Path, url: str, index: Published | None, sha1: str, limits: Limits) -> str:
    """Stop with the reason if the file is not the published one; say what it was checked by."""
    size = part.stat().st_size
    if index is not None and index.size is not None and size != index.size:
        part.unlink()
        raise DownloadError(
            f"{url}: {size:,} bytes, but the dataset's index gives {index.size:,}; the broken "
            "file was removed: run the command again"
        )
    if index is not None and index.sha1 is not None and sha1 != index.sha1:
        part.unlink()
        raise DownloadError(
            f"{url}: its SHA-1 ({sha1}) is not the one the dataset's index publishes "
            f"({index.sha1}); the broken file was removed: run the command again"
        )
    check_entities_file(part, url, limits.max_bytes)
    if index is not None and index.sha1 is not None:
        return "its size and SHA-1 match the dataset's index"
    return "no checksum is published for it; it reads as sanctions data to its last line"
