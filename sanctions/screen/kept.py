"""Scores kept between screenings: a screening asked again scores only the pairs that changed.

Scoring is most of a small screening's wait. The first score of a process builds rigour's
person-name tagger, six to eight seconds on a small machine (``ahead``). An editor asks the
same question many times a day, after each edit and each new file of sanctions data, and
nearly every pair (a workbook person, a record of the data) is a pair scored before, with the
same score. So every pair scored is kept here, and a screening whose pairs were all scored
before never waits for the scorer.

A pair is kept under a digest of both sides as the scorer reads them, and nothing else
(``Query.scored``, ``reference.as_scored``): the person's names, birth date, nationalities and
gender, and the record's schema and the properties the scorer reads. The code that scores is
in the file's name (``fingerprint``): the tool's own modules and data files, the libraries on
the scoring path with their versions (and ICU's), and Python's version. Any change there opens
a new file, and the files of other fingerprints are removed. A kept score is the score the
scorer gives, byte for byte, and the outputs are the same whether or not it was kept. Scores
are kept only in a process whose string hashing seed is the command's (``entry``): logic-v2
explains a match by the first of several equal name pairs in set order, so that a library call
from a process of another seed could explain it otherwise.

The file is SQLite, so two screenings at once and a screening stopped halfway leave it whole.
It lives in the cache folder (``download.cache_dir``, or ``--cache``), never beside an output.
Its keys are digests, but its values are what screening.json shows of a match (the score, the
record's name, the explanation, which quotes names of both sides), for every pair scored. A
score used is dated that day; one not used for ``KEPT_DAYS`` days is dropped at the end of the
next screening, so that the file holds only what was screened lately. A cache that cannot be
read or written is passed over: the pairs are scored as if nothing was kept, and ``problem``
says why for the command to warn; a file that is not a database (cut short by a full disk, say)
is made anew.
"""

from __future__ import annotations

import datetime
import hashlib
import sqlite3
import sys
from collections.abc import Iterable
from contextlib import suppress
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from sanctions.common.data import schemas_dir
from sanctions.screen.download import DownloadError, cache_dir
from sanctions.screen.reference import as_scored
from sanctions.screen.score import Score

if TYPE_CHECKING:
    from sanctions.screen.matching import Query

FOLDER = "scores"
KEPT_DAYS = 90  # a score not used for this long is dropped
WAIT_S = 2.0  # for another screening writing to the same file
# The libraries a score passes through, besides the tool's own code.
LIBRARIES = (
    "followthemoney",
    "fingerprints",
    "nomenklatura",
    "normality",
    "numpy",
    "prefixdate",
    "pyarrow",
    "PyICU",
    "rapidfuzz",
    "rigour",
    "scipy",
)
SCHEMA = """
CREATE TABLE IF NOT EXISTS scores (
    query BLOB NOT NULL,
    record BLOB NOT NULL,
    score REAL,
    name TEXT,
    explanation TEXT,
    scored INTEGER NOT NULL,
    PRIMARY KEY (query, record)
) WITHOUT ROWID
"""
# A pair whose sides cannot be the same kind of thing (a person against a vessel) is kept as
# never scored: its score is NULL.
Kept = dict[tuple[bytes, bytes], Score | None]


def seed() -> str | None:
    """The string hashing seed this process runs with, when it is the command's (``entry``):
    ``PYTHONHASHSEED=0`` is the one seed a process can tell it was started with."""
    return None if sys.flags.hash_randomization else "0"


@cache
def fingerprint() -> str:
    """What scored: the tool's modules and data files, the libraries (and the ICU library
    that normality's transliteration runs on) and Python."""
    digest = hashlib.sha256(sys.version.encode())
    for library in LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"\n{library}={version}".encode())
    with suppress(ImportError):  # normality transliterates with the system's ICU, if there
        import icu  # type: ignore[import-untyped]

        digest.update(f"\nICU={icu.ICU_VERSION}".encode())
    package = Path(__file__).resolve().parent.parent
    data = schemas_dir()
    files = [(p.relative_to(package).as_posix(), p) for p in sorted(package.rglob("*.py"))]
    files += [(f"schemas/{p.relative_to(data).as_posix()}", p) for p in sorted(data.rglob("*"))]
    for name, path in files:
        if path.is_file():
            digest.update(f"\n{name}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def query_key(query: Query) -> bytes:
    """A workbook person as the scorer reads them (``Query.scored``)."""
    return _digest(query.scored())


def record_key(record: dict[str, Any]) -> bytes:
    """A record of the sanctions data as the scorer reads it (``reference.as_scored``)."""
    return _digest(as_scored(record))


def _digest(side: object) -> bytes:
    return hashlib.sha256(orjson.dumps(side, option=orjson.OPT_SORT_KEYS)).digest()[:16]


class KeptScores:
    """The scores kept in one cache folder, for this fingerprint."""

    def __init__(self, folder: Path | None = None, today: datetime.date | None = None) -> None:
        """``folder``: the cache folder (``--cache``); by default the user's (``cache_dir``)."""
        self.today = (today or datetime.date.today()).toordinal()
        self.path: Path | None = None
        self.problem: str | None = None
        self._db: sqlite3.Connection | None = None
        self._used: list[tuple[bytes, bytes]] = []  # found, and dated before today
        if seed() is None:
            return
        try:
            self.path = cache_dir(folder) / FOLDER / f"scores-{fingerprint()}.sqlite3"
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open(self.path)
        except (sqlite3.Error, OSError, DownloadError) as exc:  # DownloadError: no folder
            self._fail(exc)
            return
        self._remove_others(self.path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        """The file, made anew where it is not a database (cut short by a full disk, say)."""
        for attempt in range(2):
            db = sqlite3.connect(path, timeout=WAIT_S, isolation_level=None)
            try:
                db.execute(SCHEMA)
                return db
            except sqlite3.DatabaseError as exc:
                db.close()
                if isinstance(exc, sqlite3.OperationalError) or attempt:  # locked: not ours
                    raise
                path.unlink()
        raise AssertionError("unreachable")

    def _fail(self, exc: Exception, what: str = "scores not kept") -> None:
        self.problem = f"{self.path or 'the cache folder'}: {what} ({exc})"
        if self._db is not None:
            self._db.close()
        self._db = None
        broken = isinstance(exc, sqlite3.DatabaseError) and not isinstance(
            exc, sqlite3.OperationalError
        )
        if broken and self.path is not None:  # the next screening starts afresh
            with suppress(OSError):
                self.path.unlink()

    @staticmethod
    def _remove_others(path: Path) -> None:
        """The files of other fingerprints: scores no code here would give any more."""
        for other in path.parent.glob("scores-*.sqlite3*"):
            if not other.name.startswith(path.name):
                with suppress(OSError):  # in use elsewhere, or not ours: left as it is
                    other.unlink()

    def find(self, pairs: Iterable[tuple[bytes, bytes]]) -> Kept:
        """The pairs of ``pairs`` kept here, with their scores."""
        if self._db is None:
            return {}
        wanted: dict[bytes, set[bytes]] = {}
        for query, record in pairs:
            wanted.setdefault(query, set()).add(record)
        found: Kept = {}
        try:
            for query, records in wanted.items():
                rows = self._db.execute(
                    "SELECT record, score, name, explanation, scored FROM scores WHERE query = ?",
                    (query,),
                )
                for record, score, name, explanation, scored in rows:
                    if record in records:
                        kept = None if score is None else Score(score, name, explanation)
                        found[query, record] = kept
                        if scored < self.today:
                            self._used.append((query, record))
        except sqlite3.Error as exc:
            self._fail(exc)
            return {}
        return found

    def keep(self, scored: Kept) -> None:
        """Keep these scores, dated today."""
        if self._db is None or not scored:
            return
        rows = [
            (q, r, None, None, None, self.today)
            if s is None
            else (q, r, s.score, s.name, s.explanation, self.today)
            for (q, r), s in scored.items()
        ]
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "INSERT OR REPLACE INTO scores VALUES (?, ?, ?, ?, ?, ?)", rows
                )
        except sqlite3.Error as exc:
            self._fail(exc)

    def close(self) -> None:
        """Done: the scores used dated today, and those not used for ``KEPT_DAYS`` days
        dropped."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "UPDATE scores SET scored = ? WHERE query = ? AND record = ?",
                    [(self.today, q, r) for q, r in self._used],
                )
                self._db.execute("DELETE FROM scores WHERE scored < ?", (self.today - KEPT_DAYS,))
        except sqlite3.Error as exc:
            self._fail(exc, "scores in use not dated, old ones not dropped")
            return
        self._db.close()
        self._db = None
