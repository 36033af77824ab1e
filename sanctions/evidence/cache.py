"""The link-check cache beside the workbook (``<stem>.links.json``): its format, its reader and
its writer, in one place.

Checking links needs the network and takes minutes; validating must not. So ``sanctions
evidence check`` writes its results here as data, and ``validate`` reads them on every run: a
dead link stays an error until the editor records an archived copy (or the link works again and
is checked again). One entry per url the evidence sheet cites, keys sorted, written atomically:
the same results give the same bytes, and ``validate`` never reads half a file.

A re-run replaces each entry with the new result, but keeps what the archive said before when it
says nothing this time: a copy saved with ``--archive``, and the suggested copy of a link that is
still dead when the archive could not be asked again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

import orjson

from sanctions.common.files import write_bytes

CACHE_SUFFIX = ".links.json"
CACHE_FORMAT = 1

Outcome = Literal["ok", "dead", "unreachable", "refused"]
OUTCOMES: tuple[Outcome, ...] = ("ok", "dead", "unreachable", "refused")
# An archived copy stands in for a dead url unless it is known to be broken too.
STANDS_IN = frozenset({"ok", "unreachable"})


class CacheError(Exception):
    """The cache file is there but is not one this tool wrote."""


@dataclass(frozen=True)
class LinkResult:
    """What one url gave at its last check."""

    outcome: Outcome
    checked: str  # the UTC date of the check, ISO
    reason: str  # for people: "404 Not Found", "no answer within 10 s"
    status: int | None = None  # the last HTTP status received
    final_url: str | None = None  # where the redirects ended (or the refused target)
    content_type: str | None = None
    suggested_archive: str | None = None  # the Wayback Machine's closest copy of a dead url
    archived: str | None = None  # the copy saved on request (--archive)


def cache_path(workbook: Path) -> Path:
    """``lists/kazakhstan.xlsx`` -> ``lists/kazakhstan.links.json``."""
    return workbook.with_name(f"{workbook.stem}{CACHE_SUFFIX}")


def read_cache(path: Path) -> dict[str, LinkResult]:
    """The cached results by url; empty when there is no cache. Entries this version cannot read
    are left out; a file that is not a cache at all raises CacheError."""
    try:
        data = orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, orjson.JSONDecodeError) as exc:
        raise CacheError(f"{path}: not a link cache ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("links"), dict):
        raise CacheError(f"{path}: not a link cache (no 'links')")
    results = {}
    for url, entry in data["links"].items():
        result = _entry(entry)
        if result is not None:
            results[str(url)] = result
    return results


NAMES = frozenset(f.name for f in fields(LinkResult))


def _entry(entry: Any) -> LinkResult | None:
    if not isinstance(entry, dict) or entry.get("outcome") not in OUTCOMES:
        return None
    known = {k: v for k, v in entry.items() if k in NAMES}
    if not isinstance(known.get("checked"), str) or not isinstance(known.get("reason", ""), str):
        return None
    known.setdefault("reason", "")
    if not isinstance(known.get("status"), int | None):
        known["status"] = None
    for name in ("final_url", "content_type", "suggested_archive", "archived"):
        if not isinstance(known.get(name), str | None):
            known[name] = None
    return LinkResult(**known)


def merged(previous: dict[str, LinkResult], fresh: dict[str, LinkResult]) -> dict[str, LinkResult]:
    """The fresh results, with the archive's earlier answers where it gave none this time."""
    out = {}
    for url, result in fresh.items():
        old = previous.get(url)
        if old is not None:
            if result.archived is None and old.archived is not None:
                result = replace(result, archived=old.archived)
            if result.outcome == "dead" and result.suggested_archive is None:
                result = replace(result, suggested_archive=old.suggested_archive)
        out[url] = result
    return out


def encode(results: dict[str, LinkResult]) -> bytes:
    links = {url: asdict(result) for url, result in results.items()}
    data = {"format": CACHE_FORMAT, "links": links}
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"


def write_cache(path: Path, results: dict[str, LinkResult]) -> None:
    write_bytes(path, encode(results))
