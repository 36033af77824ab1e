"""Ask each evidence link whether it still works, politely, and say what became of it.

Each url gets a HEAD request; a GET (streamed, its body never read) confirms any HEAD that
failed or got an error status, because many servers answer HEAD badly (405, 403, 501, even 404
or 500) while the page is there: a link is only called dead on a GET's word. Not after 429 or a
gateway's 502/503/504, which already ask for fewer requests. Redirects are followed by hand, at
most ``MAX_REDIRECTS``, so that every hop is looked at before it is requested: only http and
https are followed, and a ``file://``, ``ftp://`` or ``data:`` address, cited or redirected to,
is refused without any request. Connection errors and 429/502/503/504 are retried a little,
with backoff and the server's Retry-After (capped, so one server cannot stall the run). No more
than ``PER_HOST`` requests go to one host at a time, and the User-Agent says who is asking.

Outcomes: ``ok`` (2xx); ``dead`` (404, 410 and the other 4xx, or a host name that does not
exist); ``unreachable`` (timeouts, refused connections, 5xx, 429, and 401/403, which may need a
login: none of these says the page is gone); ``refused``. A machine that is offline cannot look
up any name, and would call every link dead: when no link answered at all, a name that was not
found is reported as unreachable instead.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from http import HTTPStatus
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from sanctions import __version__
from sanctions.common.stall import Stalled, within
from sanctions.evidence.cache import LinkResult, Outcome

if TYPE_CHECKING:
    import requests
    from requests.structures import CaseInsensitiveDict

# Who is asking and why. The project publishes no address of its own yet, and an invented one
# would not be honest; when it does, add "; +<address>" here.
USER_AGENT = f"sanctions/{__version__} (evidence link check)"
DEFAULT_TIMEOUT = 10.0  # seconds, to connect and for each read
MAX_REDIRECTS = 10
PER_HOST = 2  # requests at once to one host
WORKERS = 8  # requests at once in all
RETRIES = 2  # after the first try, for connection errors and RETRY_STATUSES
RETRY_STATUSES = (429, 502, 503, 504)
RETRY_AFTER_CAP = 30.0  # seconds: longer waits asked for are cut to this
FOLLOWED_SCHEMES = frozenset({"http", "https"})

# A status's outcome: these few by number, the rest by their class (the first digit).
STATUS_OUTCOMES: dict[int, Outcome] = {401: "unreachable", 403: "unreachable", 429: "unreachable"}
CLASS_OUTCOMES: dict[int, Outcome] = {2: "ok", 4: "dead", 5: "unreachable"}
NAME_UNKNOWN = "host name not known"
OFFLINE = "host name not known, and no other link answered either: is this computer offline?"
# getaddrinfo's answers that mean the name does not exist (others: try again later).
NO_SUCH_NAME = frozenset(
    code for code in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", None)) if code is not None
)


class HostSlots:
    """At most ``per_host`` requests at once to each host, whichever thread asks."""

    def __init__(self, per_host: int = PER_HOST) -> None:
        self._per_host = per_host
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = {}

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.Semaphore(self._per_host))
        with semaphore:
            yield


def new_session() -> requests.Session:
    """A session that retries politely and names itself; one per link, so no state is shared
    between threads (requests' sessions are not thread-safe)."""
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.exceptions import InvalidHeader
    from urllib3.util.retry import Retry

    class PoliteRetry(Retry):
        """Retry-After obeyed up to RETRY_AFTER_CAP; a malformed one read as no wait."""

        def parse_retry_after(self, retry_after: str) -> float:
            try:
                seconds = super().parse_retry_after(retry_after)
            except InvalidHeader:
                return 0.0
            return min(seconds, RETRY_AFTER_CAP)

    retry = PoliteRetry(
        total=RETRIES,
        connect=RETRIES,
        read=False,  # a server that did not answer in time gets no second wait (and the
        # timeout is raised as itself, not as a spent retry)
        status=RETRIES,
        other=0,
        backoff_factor=0.5,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=("HEAD", "GET"),
        respect_retry_after_header=True,
        raise_on_status=False,
        redirect=False,
    )
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


def refusal(url: str) -> str | None:
    """Why ``url`` is not requested at all, or None when it may be."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"not a valid address ({exc})"
    if parts.scheme.lower() not in FOLLOWED_SCHEMES:
        scheme = f"{parts.scheme}:" if parts.scheme else "no scheme"
        return f"only http and https links are checked, not {scheme}"
    if not parts.hostname:
        return "no host name"
    return None


def check_links(
    urls: list[str], today: str, timeout: float = DEFAULT_TIMEOUT, slots: HostSlots | None = None
) -> dict[str, LinkResult]:
    """Each url's result, checked side by side (``WORKERS``; ``PER_HOST`` per host)."""
    slots = slots or HostSlots()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        found = pool.map(lambda url: check_link(url, today, timeout, slots), urls)
        results = dict(zip(urls, found, strict=True))
    return offline_adjusted(results)


def check_link(url: str, today: str, timeout: float, slots: HostSlots) -> LinkResult:
    """Follow ``url`` hop by hop; what the last hop gave."""
    import requests

    current, status = url, None
    with new_session() as session:
        for hop in range(MAX_REDIRECTS + 1):
            refused = refusal(current)
            if refused is not None:
                reason = f"redirects to {current}: {refused}" if hop else refused
                return LinkResult("refused", today, reason, status, current)
            try:
                response = ask(session, slots, current, timeout)
            except requests.RequestException as exc:
                outcome, reason = failure(exc, timeout)
                return LinkResult(outcome, today, reason, status, current)
            except ValueError as exc:  # an address the connection cannot read: this link only
                return LinkResult("refused", today, f"not a valid address ({exc})", status, current)
            status = response.status_code
            location = response.headers.get("Location")
            if 300 <= status < 400 and location:
                current = urljoin(current, location)
                continue
            return from_status(status, response.reason, response.headers, current, today)
    return LinkResult("unreachable", today, f"more than {MAX_REDIRECTS} redirects", status, current)


def ask(session: requests.Session, slots: HostSlots, url: str, timeout: float) -> requests.Response:
    """HEAD, then a streamed GET whose body is not read when HEAD did not succeed."""
    import requests

    def limited(call: Callable[[], requests.Response]) -> requests.Response:
        # a connection and an answer each within the timeout, however the server trickles
        try:
            return within(2 * timeout, call)
        except Stalled as exc:
            raise requests.exceptions.ReadTimeout(str(exc)) from exc

    with slots.slot(url):
        try:
            head = limited(
                lambda: session.head(url, allow_redirects=False, timeout=(timeout, timeout))
            )
            head.close()
            if head.status_code < 400 or head.status_code in RETRY_STATUSES:
                return head  # it worked, or the server asked for less: no second request
        except requests.RequestException as exc:
            if never_connected(exc):
                raise
        response = limited(
            lambda: session.get(url, allow_redirects=False, timeout=(timeout, timeout), stream=True)
        )
        response.close()
        return response


def from_status(
    status: int,
    phrase: str | None,
    headers: CaseInsensitiveDict[str],
    url: str,
    today: str,
) -> LinkResult:
    outcome = STATUS_OUTCOMES.get(status) or CLASS_OUTCOMES.get(status // 100, "unreachable")
    try:
        words = phrase or HTTPStatus(status).phrase
    except ValueError:
        words = ""
    reason = f"{status} {words}".strip()
    if 300 <= status < 400:
        reason += " without a Location to go to"
    media = (headers.get("Content-Type") or "").split(";")[0].strip().lower() or None
    return LinkResult(outcome, today, reason, status, url, media)


def causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and what it wraps: requests wraps urllib3's, which wraps the socket's."""
    stack, seen = [exc], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        inner = (current.__cause__, current.__context__, getattr(current, "reason", None))
        stack += [e for e in (*inner, *current.args) if isinstance(e, BaseException)]


def never_connected(exc: BaseException) -> bool:
    """No connection was made (no such name, refused, no answer): a GET would fare no better."""
    import requests
    from urllib3.exceptions import NameResolutionError, NewConnectionError

    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    return any(isinstance(e, NameResolutionError | NewConnectionError) for e in causes(exc))


def failure(exc: BaseException, timeout: float) -> tuple[Outcome, str]:
    """The outcome and reason of a request that got no answer."""
    import requests
    from urllib3.exceptions import (
        ConnectTimeoutError,
        NameResolutionError,
        NewConnectionError,
        ReadTimeoutError,
    )

    chain = list(causes(exc))

    def among(*kinds: type[BaseException]) -> bool:
        return any(isinstance(e, kinds) for e in chain)

    lookups = [e for e in chain if isinstance(e, socket.gaierror)]
    if lookups and lookups[0].errno not in NO_SUCH_NAME:
        return "unreachable", f"host name could not be looked up ({lookups[0].strerror})"
    if lookups or among(NameResolutionError):
        return "dead", NAME_UNKNOWN
    if among(ConnectionRefusedError):
        return "unreachable", "connection refused"
    if among(NewConnectionError):  # urllib3 counts it a connect timeout: check before those
        return "unreachable", "could not connect"
    if among(ConnectTimeoutError, requests.exceptions.ConnectTimeout):
        return "unreachable", f"no connection within {timeout:g} s"
    if among(ReadTimeoutError, requests.exceptions.ReadTimeout):
        return "unreachable", f"no answer within {timeout:g} s"
    if among(requests.exceptions.SSLError):
        return "unreachable", "the secure connection failed (certificate or TLS)"
    if among(requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema):
        return "refused", "not a valid web address"
    return "unreachable", f"the connection failed ({type(exc).__name__})"


def offline(results: dict[str, LinkResult]) -> bool:
    """Whether no link could be asked at all: every one that needs the network failed before
    any answer, for want of a name lookup or a connection. Such a run says nothing about the
    links (this computer is offline), and must not record them as unreachable."""
    asked = [r for r in results.values() if r.outcome != "refused"]
    return bool(asked) and all(
        r.status is None
        and (
            r.reason in (OFFLINE, "could not connect", "connection refused")
            or r.reason.startswith("host name could not be looked up")
        )
        for r in asked
    )


def offline_adjusted(results: dict[str, LinkResult]) -> dict[str, LinkResult]:
    """Names not found count as dead only if some link answered: otherwise nothing could be
    looked up, and the machine is more likely offline than every site gone."""
    if any(r.status is not None for r in results.values()):
        return results
    return {
        url: replace(r, outcome="unreachable", reason=OFFLINE) if r.reason == NAME_UNKNOWN else r
        for url, r in results.items()
    }
