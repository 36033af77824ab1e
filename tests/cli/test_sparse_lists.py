"""Lists whose sources leave much open: persons without birth dates, nationalities, names in
the original script or posts, sources without publishers or dates. Every command runs on them
to the end (issue 26: screening crashed on a list with no full birth date). Random valid
workbooks: the valid rows with a random choice of optional cells left empty."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import workbooks
from tests.conftest import run_cli

# Cells a valid list may leave empty, as sources leave them open.
OPTIONAL: dict[str, tuple[str, ...]] = {
    "persons": (
        "birth_date",
        "nationality",
        "name_original",
        "first_name",
        "last_name",
        "gender",
        "summary",
        "impact",
        "aliases",
    ),
    "positions": ("start_date", "end_date"),
    "incidents": ("place", "victim_activity", "pattern", "victims"),
    "evidence": ("publisher", "published_date", "url", "language"),
}
CELLS = [(sheet, column) for sheet, columns in OPTIONAL.items() for column in columns]
REFERENCE = (
    '{"id": "ofac-1", "schema": "Person", "properties": {"name": ["Arman Testbayev"], '
    '"topics": ["sanction"], "birthDate": ["1970"]}, "datasets": ["us_ofac_sdn"]}\n'
    '{"id": "gb-2", "schema": "Person", "properties": {"name": ["Dana Fiktiyeva"]}, '
    '"datasets": ["gb_fcdo_sanctions"]}\n'
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sets(st.sampled_from(CELLS), min_size=3),
    st.booleans(),  # the second person's post left out
    st.booleans(),  # no relations
)
@example(set(CELLS), False, True)  # every optional cell open at once: validates, and runs
def test_every_command_runs_on_a_list_with_cells_left_empty(emptied, no_posts, no_relations):
    rows = workbooks.valid_rows()
    for sheet, column in emptied:
        for record in rows[sheet]:
            record.pop(column, None)
    if no_posts:  # every person needs a post row: validate says so, the rest is not run
        rows["positions"] = [p for p in rows["positions"] if p["person_id"] != "P002"]
    if no_relations:
        rows["relations"] = []
    with tempfile.TemporaryDirectory() as tmp:
        book = workbooks.write(Path(tmp) / "sparse.xlsx", rows)
        reference = Path(tmp) / "reference.ftm.json"
        reference.write_text(REFERENCE, encoding="utf-8")
        out = str(Path(tmp) / "exports")
        checked = run_cli("validate", str(book))
        assert checked.returncode in (0, 1), checked.stderr
        if checked.returncode == 1 and (no_posts or emptied != set(CELLS)):
            assert "error" in checked.stdout  # a combination the rules refuse: said, not crashed
            return
        assert checked.returncode == 0, checked.stdout
        for args in (
            ("screen", str(book), "--against", str(reference), "--out", out),
            ("export", str(book), "--out", out, "--draft"),
            ("report", str(book), "--exports", out),
            ("status", str(book), "--out", out),
        ):
            proc = run_cli(*args)  # a crash raises here
            assert proc.returncode == 0, (args, proc.stdout, proc.stderr)
