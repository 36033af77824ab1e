"""Whose statement a quoted passage can be: ``schemas/accounts.yaml`` read once. The source's
own finding is cited plainly; every other account is attributed to whoever gives it
(``attribution.py`` writes the sentences).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sanctions.common.data import SpecError, read_yaml, schemas_dir
from sanctions.workbook.layout import ACCOUNTS_FILE


@dataclass(frozen=True)
class Account:
    code: str
    description: str
    finding: bool  # the source's own finding: cited plainly, not attributed
    who: str  # how documents name the one who gives it, when account_by is empty


@cache
def accounts() -> dict[str, Account]:
    raw = read_yaml(schemas_dir() / ACCOUNTS_FILE)["accounts"]
    found = {}
    for code, entry in raw.items():
        absent = [k for k in ("description", "finding", "who") if k not in (entry or {})]
        if absent:
            raise SpecError(f"schemas/{ACCOUNTS_FILE}: accounts: {code}: no {', '.join(absent)}")
        found[code] = Account(
            code, str(entry["description"]), bool(entry["finding"]), str(entry["who"])
        )
    return found


def is_finding(code: str | None) -> bool:
    """The passage is the source's own finding (or the row does not say whose it is)."""
    account = accounts().get(code or "")
    return account is None or account.finding


def teller(code: str | None, by: str | None) -> str | None:
    """Who gives the account, as a sentence names them (``by``, or what they are: "a
    witness"); None for the source's own finding."""
    if is_finding(code):
        return None
    return by or accounts()[code or ""].who
