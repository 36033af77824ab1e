"""Which cells of a list reach a public output: one definition, which the conversion follows
for what it withholds and the check for confidential victims searches.

The public outputs are the publishable entities (``entities.ftm.json``), the public list
(``public/index.html`` and ``list.xlsx``) and each government's target table, which that
government publishes as its list's rows (names, posts, reasons). A row that is itself left out
of them (a confidential incident or source, an act in a confidential incident, a post or act
only confidential sources support, a person who is not proposed and their posts and acts)
shows none of its cells. Of a row that is published, public outputs show the cells in
``SHOWN``, except those ``WITHHELD`` from an incident whose victims are confidential and from
the acts in it, since any of them may name those victims, and with those victims' names
withheld from the cells in ``NAMES_WITHHELD``.

``tests/model/test_public_cells.py`` holds the outputs to this: it writes a confidential
victim's name into every text cell of a list, and every cell in which the check does not find
it must be one that no public output shows.
"""

from __future__ import annotations

# (sheet, column): the cells public outputs show of a published row. A person's own names are
# among them, but they are the list's officials' names, not a victim's (``check/content``
# reads them as the names of other people). A teller (``account_by``) is shown only beside an
# account that is not the source's own finding (``attribution.who``).
SHOWN: tuple[tuple[str, str], ...] = (
    ("persons", "person_id"),  # the public page's anchor for the person
    ("persons", "summary"),
    ("persons", "exculpatory"),
    ("persons", "birth_place"),
    ("persons", "id_numbers"),
    ("organizations", "name"),
    ("organizations", "name_original"),
    ("positions", "title"),
    ("positions", "account_by"),
    ("incidents", "title"),
    ("incidents", "place"),
    ("incidents", "summary"),
    ("incidents", "victims"),
    ("involvement", "description"),
    ("involvement", "quote"),
    ("involvement", "locator"),
    ("involvement", "account_by"),
    ("evidence", "evidence_id"),  # a document's file name where it has no file or address
    ("evidence", "title"),
    ("evidence", "publisher"),
    ("evidence", "url"),
    ("evidence", "archive_url"),
    ("evidence", "file"),
)

# The submitter's values the public list prints: who publishes it, their web site, and where
# to send corrections.
PUBLISHER, WEBSITE, PUBLIC_CONTACT = "organisation", "website", "public_contact"
SHOWN_SUBMITTER_KEYS: tuple[str, ...] = (PUBLISHER, WEBSITE, PUBLIC_CONTACT)

# The cells left out of public outputs for an incident whose victims are confidential, and for
# every act in it: public outputs tell such an incident by its date, place and kinds of abuse,
# and each act by its role and what its teller is, whoever the victims are.
WITHHELD: dict[str, frozenset[str]] = {
    "incidents": frozenset({"title", "summary", "victims"}),
    "involvement": frozenset({"description", "locator", "account_by"}),
}
# The cells of such an act published with the incident's own victims' names withheld from
# them ("[name withheld]", in any form): the words quoted for it, in the reasons a government
# publishes (``governments/reasons``). Any other confidential victim they name is named.
NAMES_WITHHELD: dict[str, frozenset[str]] = {"involvement": frozenset({"quote"})}
