"""Release versions: which strings may name a release folder, and how versions are ordered.

A version becomes a folder name (``exports/releases/<list>/<version>/``), so only letters,
digits, ``.``, ``-`` and ``_`` are allowed, starting with a letter or digit, and never a name
Windows reserves for a device. Versions sort as versions, not as strings (``1.10`` after
``1.9``, ``2026.2`` after ``2026.1``): two versions that both parse under PEP 440 are compared
by ``packaging.version.Version`` (which also knows that ``1.0rc1`` comes before ``1.0``); two
that do not, by a natural key in which runs of digits are numbers; and a PEP 440 version
comes before one in another style, so that the order is an order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from packaging.version import InvalidVersion, Version

from sanctions.common.errors import InputError

VERSION_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
MAX_LENGTH = 64
# Names Windows gives to devices: a folder called so cannot be opened there.
DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)
_RUNS = re.compile(r"\d+|\D+")


class BadVersion(InputError, ValueError):
    """A string that cannot name a release; the message says why, in one line."""


def check_version(version: str) -> str:
    """The version if it may name a release folder; ``BadVersion`` saying why if not."""
    if not VERSION_RE.fullmatch(version):
        raise BadVersion(
            f"{version!r} is not a version: use letters, digits, '.', '-' and '_', "
            "starting with a letter or digit (e.g. 1.0 or 2026.1)"
        )
    if len(version) > MAX_LENGTH:
        raise BadVersion(f"version {version!r} is longer than {MAX_LENGTH} characters")
    if re.search(r"[._-]{2}", version):
        raise BadVersion(f"version {version!r} has two separators in a row")
    if version.endswith("."):
        raise BadVersion(f"version {version!r} ends with '.', which Windows drops from names")
    if version.split(".")[0].lower() in DEVICE_NAMES:
        raise BadVersion(f"version {version!r} is a name Windows keeps for a device")
    return version


def _parsed(version: str) -> Version | None:
    try:
        return Version(version)
    except InvalidVersion:
        return None


def natural_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """``1.10`` -> ((0, 1, ''), (1, 0, '.'), (0, 10, '')): digit runs compare as numbers and
    before any text at the same place; text compares without case."""
    return tuple(
        (0, int(run), "") if run.isdecimal() else (1, 0, run.lower())
        for run in _RUNS.findall(version)
    )


def compare(a: str, b: str) -> int:
    """-1, 0 or 1 as ``a`` comes before, with, or after ``b``. Equal means the same release
    (``1.0`` and ``1.0.0``), not the same string. A PEP 440 version comes before one in
    another style (``2026-spring``): comparing across styles pair by pair would not be an
    order at all (``1.0rc1 < 1.0 < 1.0-x < 1.0rc1``)."""
    first, second = _parsed(a), _parsed(b)
    if first is not None and second is not None:
        return (first > second) - (first < second)
    if (first is None) != (second is None):
        return 1 if first is None else -1
    key_a, key_b = natural_key(a), natural_key(b)
    return (key_a > key_b) - (key_a < key_b)


def _total(a: str, b: str) -> int:
    """``compare``, with the string itself deciding between equal versions, so that sorting
    never depends on the order the folder listing gave."""
    return compare(a, b) or (a > b) - (a < b)


sort_key = functools.cmp_to_key(_total)


def ordered(versions: Iterable[str]) -> list[str]:
    """Versions from the lowest to the highest."""
    return sorted(versions, key=sort_key)


def latest(versions: Iterable[str]) -> str | None:
    """The highest version, None when there is none."""
    found = ordered(versions)
    return found[-1] if found else None
