"""The Wayback Machine: the closest archived copy of a dead link, and, when asked, a new copy of
a live one.

Both tell the Internet Archive what the list cites. Looking up a dead link is part of every
check (it is how an editor finds the copy to cite instead); saving is opt-in (``--archive``).
Neither is ever done for a link that a confidential evidence row cites. The two addresses are
constants that ``SANCTIONS_WAYBACK_API`` and ``SANCTIONS_WAYBACK_SAVE`` override, so that tests
talk to a local fake.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import orjson

from sanctions.common.stall import Stalled, within
from sanctions.evidence.links import HostSlots, new_session, refusal

if TYPE_CHECKING:
    import requests

WAYBACK_API = "https://archive.org/wayback/available"
WAYBACK_SAVE = "https://web.archive.org/save/"
MAX_ANSWER = 1 << 20  # bytes of the availability API's JSON read at most
SAVE_SECONDS = 120.0  # a save makes the archive fetch the page itself: it may take a while


def api_address() -> str:
    return os.environ.get("SANCTIONS_WAYBACK_API", WAYBACK_API)


def save_address() -> str:
    return os.environ.get("SANCTIONS_WAYBACK_SAVE", WAYBACK_SAVE)


def closest_copy(url: str, slots: HostSlots, timeout: float) -> str | None:
    """The address of the archive's closest copy of ``url``, or None (none, or no answer)."""
    import requests

    api = api_address()
    try:
        with new_session() as session, slots.slot(api):
            # the answer, body included, within the limit however the server trickles it
            body = within(2 * timeout, lambda: _answer(session, api, url, timeout))
        if body is None:
            return None
        data = orjson.loads(body)
        closest = data["archived_snapshots"]["closest"]
    except (requests.RequestException, orjson.JSONDecodeError, KeyError, TypeError, OSError):
        return None
    if not isinstance(closest, dict) or closest.get("available") is False:
        return None
    copy = closest.get("url")
    return copy if isinstance(copy, str) and refusal(copy) is None else None


def _answer(session: requests.Session, api: str, url: str, timeout: float) -> bytes | None:
    """The availability API's answer for ``url`` (at most MAX_ANSWER bytes), None unless 200."""
    response = session.get(api, params={"url": url}, timeout=(timeout, timeout), stream=True)
    with response:
        if response.status_code != 200:
            return None
        answer: bytes = response.raw.read(MAX_ANSWER, decode_content=True)
        return answer


def save_copy(url: str, slots: HostSlots, timeout: float) -> tuple[str | None, str]:
    """Ask the archive to save ``url`` now: (the copy's address or None, what happened)."""
    import requests

    target = save_address() + url
    try:
        with new_session() as session, slots.slot(target):
            response = within(
                timeout + max(timeout, SAVE_SECONDS),
                lambda: session.get(
                    target, timeout=(timeout, max(timeout, SAVE_SECONDS)), stream=True
                ),
            )
            response.close()
    except (requests.RequestException, Stalled) as exc:
        return None, f"the archive did not answer ({type(exc).__name__})"
    if response.status_code >= 400:
        return None, f"the archive said {response.status_code} {response.reason or ''}".strip()
    location = response.headers.get("Content-Location")
    if location:
        return urljoin(response.url, location), "saved"
    if response.url != target:
        return response.url, "saved"
    return None, "the archive saved it without saying where"
