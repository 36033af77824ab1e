"""Every finding code, its severity and what it means. docs/workbook.md lists them from here."""

from __future__ import annotations

from sanctions.check.findings import Finding, Severity

CODES: dict[str, tuple[Severity, str]] = {
    # The workbook's structure
    "sheet.missing": ("error", "A sheet the layout requires is not in the workbook."),
    "sheet.unknown": ("warning", "A sheet the layout does not know; it is not read."),
    "sheet.hidden": ("warning", "A known sheet is hidden; it is still validated."),
    "sheet.duplicate": (
        "error",
        "Two sheets whose names differ only in case or spaces; which one holds the list is unclear.",
    ),
    "row.hidden": ("warning", "A hidden row with values; it is validated and exported."),
    "column.hidden": ("warning", "A hidden column with a header; it is validated and exported."),
    "column.missing": ("error", "A required column is missing from a sheet's header row."),
    "column.unknown": ("warning", "A column the layout does not know; it is not read."),
    "column.duplicate": ("error", "Two columns in one sheet have the same header."),
    "column.no_header": ("warning", "A column holds values but has no header."),
    # Cells
    "cell.error_value": ("error", "A formula error value such as #REF! or #N/A."),
    "cell.formula": ("warning", "A formula; the result Excel last saved is used."),
    "value.missing": ("error", "A required cell is empty."),
    "id.invalid": ("error", "An identifier with characters other than letters, digits, . _ -"),
    "id.invisible": ("error", "An identifier containing an invisible character."),
    "id.duplicate": ("error", "An identifier used on more than one row."),
    "date.invalid": ("error", "Not a date in the form 1965, 1965-06 or 1965-06-15."),
    "date.future": ("error", "A date in the future where only past dates make sense."),
    "date.implausible_birth": ("error", "A birth date before 1900 or less than 14 years ago."),
    "date.order": ("error", "An end date before its start date."),
    "country.unknown": ("error", "Not an ISO 3166 country code or a country name."),
    "language.unknown": ("error", "Not an ISO 639 language code."),
    "url.invalid": ("error", "Not a well-formed http:// or https:// address."),
    "vocab.invalid": ("error", "Not one of the values allowed in this column."),
    "sha256.invalid": ("error", "Not a SHA-256 hash (64 hexadecimal characters)."),
    "text.whitespace": ("warning", "Leading, trailing or doubled spaces."),
    "text.invisible": ("warning", "An invisible character (zero-width or non-breaking space)."),
    "text.control": (
        "error",
        "A control character (Excel writes a pasted one as _x0001_); no workbook can hold it.",
    ),
    "text.mixed_script": (
        "error",
        "A word mixing Latin with Cyrillic or Greek letters, usually a look-alike letter.",
    ),
    "name.not_latin": ("warning", "A name column that should be in Latin script is not."),
    # Links between sheets
    "ref.unknown_person": ("error", "A person_id that is not on the persons sheet."),
    "ref.unknown_org": ("error", "An org_id that is not on the organizations sheet."),
    "ref.unknown_incident": ("error", "An incident_id that is not on the incidents sheet."),
    "ref.unknown_evidence": ("error", "An evidence_id that is not on the evidence sheet."),
    "ref.org_cycle": ("error", "Organisations whose parents form a loop."),
    "ref.self": ("error", "A row that points at itself (an organisation its own parent)."),
    "person.no_position": ("error", "A person with no row on the positions sheet."),
    "person.no_involvement": ("error", "A person with no row on the involvement sheet."),
    "person.no_birth_date": ("warning", "A person without a birth date."),
    "person.no_nationality": ("warning", "A person without a nationality."),
    "person.confidential_evidence_only": (
        "warning",
        "Every evidence item cited for this person is confidential, so nothing public supports it.",
    ),
    "person.near_duplicate": (
        "warning",
        "Two persons whose names are probably spellings of one name.",
    ),
    "person.collective_only": (
        "warning",
        "A proposed person tied only to incidents shared by many persons, with a role that names "
        "no act of their own: the case rests on a collective mention.",
    ),
    "person.posts_undated": (
        "warning",
        "A proposed person none of whose posts has a date: documents cannot say when they held it.",
    ),
    "person.no_public_conduct": (
        "warning",
        "A proposed person whose conduct is all confidential; left off the public list.",
    ),
    "victim.named_elsewhere": (
        "error",
        "A victim whose identity is confidential is named in a cell that reaches public outputs.",
    ),
    "evidence.uncheckable": (
        "warning",
        "Evidence with no url, archive_url or file (nor known_through one that has): the "
        "recipient cannot check it.",
    ),
    "relation.no_target": ("error", "A relation with neither related_person_id nor related_name."),
    "evidence.uncited": ("warning", "An evidence item no row cites."),
    "submitter.missing": ("warning", "A key the exports need is missing from the submitter sheet."),
    # Submissions already made
    "submission.order": (
        "error",
        "A submission outcome (acknowledged, designated, rejected) dated before the target was "
        "submitted to that government, or with no submission at all.",
    ),
    # Evidence files kept beside the workbook, and evidence links as last checked
    "evidence.file_missing": (
        "error",
        "The file named in the file column is not in the list's evidence folder.",
    ),
    "evidence.file_changed": (
        "error",
        "The file's SHA-256 is not the one recorded: it is not the copy that was cited.",
    ),
    "evidence.file_outside": (
        "error",
        "A file path that leaves the evidence folder, or a symbolic link: refused.",
    ),
    "evidence.file_unhashed": (
        "warning",
        "A file with no SHA-256 recorded; `sanctions evidence hash` writes it into a copy.",
    ),
    "evidence.link_dead": (
        "error",
        "The url no longer works (last check) and no archive_url is recorded.",
    ),
    "evidence.link_dead_archived": (
        "warning",
        "The url no longer works (last check); the recorded archive_url stands in for it.",
    ),
    "evidence.link_unreachable": (
        "warning",
        "The url could not be reached at the last check (timeout, server error): check again.",
    ),
    "evidence.links_unreadable": (
        "warning",
        "The link-check file beside the workbook is damaged: the last check's results are not shown.",
    ),
    "evidence.link_refused": (
        "error",
        "The url leads (itself or by a redirect) somewhere other than an http(s) web page.",
    ),
}


def severity(code: str) -> Severity:
    return CODES[code][0]


def finding(
    code: str,
    file: str,
    sheet: str | None,
    message: str,
    *,
    cell: str | None = None,
    row: int | None = None,
    column: str | None = None,
    value: str | None = None,
) -> Finding:
    """A Finding whose severity is the one its code carries."""
    return Finding(severity(code), code, file, sheet, cell, row, column, value, message)
