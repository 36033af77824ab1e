"""Write the link cache beside the workbook (``<stem>.links.json``), never inside it.

One entry per url the evidence sheet cites now, keys sorted, written atomically: the same
results give the same bytes, and ``validate`` never reads half a file. The format is read in
``sanctions.check.evidence_links``, which the validator uses; this is its only writer.

A re-run replaces each entry with the new result, but keeps what the archive said before
when it says nothing this time: a copy saved with ``--archive``, and the suggested copy of a
link that is still dead when the archive could not be asked again.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path

import orjson

from sanctions.check.evidence_links import CACHE_FORMAT, LinkResult
from sanctions.common.files import write_bytes


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
