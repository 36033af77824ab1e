"""Each government's target table, field by field, for a fictional person with every
identifier filled. The expected headers, lines and empty markers are written by hand from the
real lists' files (the sources are cited in each jurisdictions/<code>.yaml): the table must be
one that could be appended to the real file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sanctions.governments.reasons import withhold
from sanctions.governments.registry import codes
from tests import workbooks
from tests.conftest import run_cli

REASONS_START = "Timur Fictionov has held the following post: Head, Example City Police"


def send(out: Path, code: str) -> Path:
    return out / "book" / f"book-{code}" / "send"


def proposal(out: Path, code: str) -> list[dict[str, object]]:
    """The second sheet of a table: what the authority needs that its list does not hold."""
    book = load_workbook(send(out, code) / f"book-{code}-targets.xlsx", read_only=True)
    header, *rows = book["proposal"].iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    rows = workbooks.valid_rows()
    rows["persons"] = [
        {"person_id": "P001", "name": "Timur Fictionov", "first_name": "Timur",
         "patronymic": "Eskerovich", "last_name": "Fictionov",
         "name_original": "Фиктионов Тимур Эскерович", "aliases": "Timur Fiktionov",
         "gender": "male", "birth_date": "1968-03-07", "birth_place": "Karaganda, Kazakhstan",
         "nationality": "kz", "id_numbers": "Passport N0000000; National ID 680307300000",
         "status": "proposed", "impact": "His assets abroad would be frozen.",
         "offence": "Torture is a very serious crime in Lithuanian law."}
    ]  # fmt: skip
    rows["positions"] = [
        {"person_id": "P001", "org_id": "O002", "title": "Head", "start_date": "2015",
         "end_date": "2021-05", "evidence_ids": "E001"}
    ]  # fmt: skip
    rows["incidents"][0].update(violation_types="torture", victims_confidential="no")
    rows["involvement"] = [
        {"person_id": "P001", "incident_id": "I001", "role": "perpetrated",
         "description": "Beat the detainees.", "evidence_ids": "E001"}
    ]  # fmt: skip
    rows["relations"] = []
    tmp = tmp_path_factory.mktemp("formats")
    book = workbooks.write(tmp / "book.xlsx", workbooks.with_eu_decisions(rows))
    out = tmp / "out"
    assert run_cli("export", str(book), "--out", str(out), "--date", "2026-12-01").returncode == 0
    tables: dict[str, list[dict[str, str]]] = {"_out": out}  # type: ignore[dict-item]
    for code in codes():
        raw = (send(out, code) / f"book-{code}-targets.csv").read_bytes().decode("utf-8")
        tables[f"_raw_{code}"] = raw  # type: ignore[assignment]
        text = raw.split("\n", 1)[1] if code == "gb" else raw  # the UK's Report Date line
        if code == "us":
            text = ",".join(COLUMNS_US) + "\r\n" + text
        elif code == "ee":
            text = "Entry\n" + text
        tables[code] = list(csv.DictReader(io.StringIO(text)))
    return tables


# OFAC's sdn.csv has no header row: these are the names of its 12 fields in OFAC's
# specification.
COLUMNS_US = ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type",
              "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"]  # fmt: skip


def test_united_states_sdn(tables) -> None:
    """As OFAC writes sdn.csv: no header, every field quoted but -0- (with its space), CRLF."""
    assert tables["_raw_us"] == (
        '-0- ,"FICTIONOV, Timur Eskerovich","individual","GLOMAG",'
        '"Former Head, Example City Police",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        '"DOB 07 Mar 1968; POB Karaganda, Kazakhstan; nationality Kazakhstan; Gender Male; '
        'Passport N0000000; National ID No. 680307300000."\r\n'
    )
    (entry,) = proposal(tables["_out"], "us")
    assert entry["Entry as the SDN list prints it"] == (
        "FICTIONOV, Timur Eskerovich (a.k.a. FIKTIONOV, Timur); DOB 07 Mar 1968; "
        "POB Karaganda, Kazakhstan; nationality Kazakhstan; Gender Male; Passport N0000000; "
        "National ID No. 680307300000 (individual) [GLOMAG]."
    )
    assert entry["Criterion"] == "E.O. 13818 § 1(a)(ii)(A)"


def test_united_kingdom_sanctions_list(tables) -> None:
    assert tables["_raw_gb"].startswith("Report Date: 01-Dec-2026\nLast Updated,Unique ID,")
    primary, alias = tables["gb"]
    assert list(primary)[:6] == ["Last Updated", "Unique ID", "OFSI Group ID",
                                 "UN Reference Number", "Name 6", "Name 1"]  # fmt: skip
    expected = {
        "Name 6": "FICTIONOV", "Name 1": "Timur", "Name 2": "Eskerovich",
        "Name type": "Primary Name", "Name non-latin script": "Фиктионов Тимур Эскерович",
        "Non-latin script type": "Cyrillic",
        "Regime Name": "The Global Human Rights Sanctions Regulations 2020",
        "Designation Type": "Individual", "Designation source": "UK",
        "Sanctions Imposed": "Asset freeze|Travel Ban", "D.O.B": "07/03/1968",
        "Nationality(/ies)": "Kazakhstan", "National Identifier number": "680307300000",
        "Passport number": "N0000000", "Position": "Former Head, Example City Police",
        "Gender": "Male", "Town of birth": "Karaganda", "Country of birth": "Kazakhstan",
        "Unique ID": "", "Date Designated": "",
    }  # fmt: skip
    assert {k: primary[k] for k in expected} == expected
    assert primary["UK Statement of Reasons"].startswith(REASONS_START)
    assert (alias["Name 6"], alias["Name 1"], alias["Name type"]) == ("FIKTIONOV", "Timur", "Alias")
    assert alias["Name non-latin script"] == ""


def test_european_union_annex(tables) -> None:
    (row,) = tables["eu"]
    assert row["Names (Transliteration into Latin script)"] == (
        "Timur Eskerovich FICTIONOV\na.k.a. Timur Fiktionov"
    )
    assert row["Names"] == "Тимур Эскерович ФИКТИОНОВ"
    assert row[""] == "1."
    assert row["Identifying information"] == (
        "DOB: 7.3.1968\nPOB: Karaganda, Kazakhstan\nNationality: Kazakhstan\nGender: male\n"
        "Position: Former Head, Example City Police\nPassport number: N0000000\n"
        "ID number: 680307300000"
    )
    assert row["Date of listing"] == "-"  # the Annex's mark of an empty cell


def test_canada_consolidated_list(tables) -> None:
    (row,) = tables["ca"]
    assert row["Country-Pays"].startswith("Justice for Victims of Corrupt Foreign Officials")
    assert (row["LastName-NomDeFamille"], row["GivenName-Prenom"]) == (
        "FICTIONOV",
        "Timur Eskerovich",
    )
    assert row["DateOfBirthOrShipBuildDate-DateDeNaissanceOuDateDeConstructionDuNavire"] == (
        "1968-03-07"
    )
    assert row["Item-NumeroDarticle"] == ""  # Canada numbers its items; ours would collide
    assert row["Schedule-Annexe"] == ""  # a JVCFOR record has none
    (entry,) = proposal(tables["_out"], "ca")
    assert entry["Schedule line (SOR/2017-233)"] == (
        "Timur Eskerovich FICTIONOV (born on March 7, 1968)"
    )


def test_australia_consolidated_list(tables) -> None:
    primary, alias, original = tables["au"]
    # Numbers, as DFAT's are: a further name of the same person takes a letter (8577a).
    assert [r["Reference"] for r in (primary, alias, original)] == ["1", "1a", "1b"]
    assert [r["Name Type"] for r in (primary, alias, original)] == [
        "Primary Name",
        "Alias",
        "Original Script",
    ]
    assert primary["Name of Individual or Entity"] == "Timur Eskerovich FICTIONOV"
    assert original["Name of Individual or Entity"] == "Фиктионов Тимур Эскерович"
    assert (primary["Date of Birth"], primary["Citizenship"]) == ("7/03/1968", "Kazakhstan")
    assert primary["Additional Information"].startswith(REASONS_START)
    assert primary["Listing Information"] == ""
    assert primary["Committees"] == "Autonomous (Thematic - Human Rights)"
    flags = [primary[c] for c in ("Targeted Financial Sanction", "Travel Ban", "Arms Embargo",
                                  "Maritime Restriction")]  # fmt: skip
    assert flags == ["TRUE", "TRUE", "FALSE", "FALSE"]
    # In the .xlsx they are TRUE/FALSE cells, as in DFAT's: a reader testing a cell for truth
    # reads FALSE as false, not as a non-empty text.
    book = load_workbook(send(tables["_out"], "au") / "book-au-targets.xlsx", read_only=True)
    header, first, *_ = book["Consolidated List"].iter_rows(values_only=True)
    cells = dict(zip(header, first, strict=True))
    assert [cells[c] for c in ("Targeted Financial Sanction", "Arms Embargo")] == [True, False]
    assert cells["Reference"] == "1"


def test_estonia_latvia_lithuania(tables) -> None:
    """Estonia's list is numbered lines and nothing else; the Baltic tables add no column of
    their own: the legal ground, reasons and duration are on the proposal sheet, in English."""
    assert tables["_raw_ee"] == '"1. FICTIONOV, Timur Eskerovich (also Timur Fiktionov)"\n'
    (ee,) = proposal(tables["_out"], "ee")
    assert (ee["Gender"], ee["Citizenship"]) == ("male", "Kazakhstan")
    assert ee["Legal ground"] and ee["Reason"].startswith(REASONS_START)
    (lv,) = tables["lv"]
    assert (lv["Original Name"], lv["Name in Brackets"]) == ("Timurs Fiktionovs", "Timur Fictionov")
    assert (lv["Birth Date"], lv["Country"], lv["Source URL"]) == ("1968-03-07", "Kazahstāna", "")
    (lt,) = tables["lt"]
    expected = {"vardas": "Timur Eskerovich", "pavarde": "Fictionov", "gimimoData": "1968-03-07",
                "lytis": "V", "pilietybes": "KZ", "priezastis": "UTPĮ 133 str. 4 d.",
                "uzdraustaIki": ""}  # fmt: skip
    assert lt == expected
    (entry,) = proposal(tables["_out"], "lt")
    assert entry["Proposed duration"].startswith("up to 5 years")


def test_a_woman_is_m_in_lithuania_and_a_name_without_original_has_no_latvian_form(
    build, tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()  # Dana Fictiyeva is female; no one has an original name
    book = build(rows)
    out = tmp_path / "out"
    assert run_cli("export", str(book), "--out", str(out), "--only", "lt,lv").returncode == 0
    folder = out / book.stem
    table = folder / f"{book.stem}-lt" / "send" / f"{book.stem}-lt-targets.csv"
    with open(table, encoding="utf-8") as fh:
        genders = {r["pavarde"]: r["lytis"] for r in csv.DictReader(fh)}
    assert genders == {"Testbayev": "V", "Fictiyeva": "M"}
    notes = (folder / f"{book.stem}-lv" / "internal" / "notes.txt").read_text(encoding="utf-8")
    assert "The Latvian form of the name (column Original Name), for 2 target(s)" in notes


def test_switzerland_sesam(tables) -> None:
    """SECO's SESAM: a row per name of one target, each name in its typed parts with their order
    and their spelling in the original script; whole-name only for a name without parts."""
    primary, alias = tables["ch"]
    assert primary["target (number in this request)"] == alias["target (number in this request)"]
    assert (primary["name-type"], alias["name-type"]) == ("primary-name", "alias")
    assert primary["target-type"] == "individual" and primary["sex"] == "male"
    parts = ("family-name", "given-name", "father-name", "whole-name")
    assert [primary[p] for p in parts] == ["Fictionov", "Timur", "Eskerovich", ""]
    assert primary["name-part order"] == "given-name 1, father-name 2, family-name 3"
    assert [primary[f"{p} spelling-variant"] for p in parts] == [
        "Фиктионов", "Тимур", "Эскерович", ""
    ]  # fmt: skip
    assert primary["spelling-variant script"] == "Cyrillic"
    assert [alias[p] for p in parts] == ["Fiktionov", "Timur", "", ""]
    assert alias["name-part order"] == "given-name 1, family-name 2"
    assert alias["family-name spelling-variant"] == alias["spelling-variant script"] == ""
    assert [primary[f"day-month-year ({p})"] for p in ("day", "month", "year")] == [
        "7",
        "3",
        "1968",
    ]
    assert (primary["nationality"], primary["nationality (iso-code)"]) == ("Kazakhstan", "KZ")
    assert primary["identification-document (passport)"] == "N0000000"
    assert primary["identification-document (other)"] == ("680307300000")
    assert primary["justification"].startswith(REASONS_START)
    # SECO's to give or to judge.
    assert primary["ssid"] == primary["sanctions-set"] == primary["name quality"] == ""


# Each list's columns, in order, as its published file prints them (sources in the
# jurisdiction files): written out by hand here, so that a change to a format is a deliberate
# one. The UK's is the header of UK-Sanctions-List.csv; the US's sdn.csv has none (COLUMNS_US).
HEADERS = {
    "gb": [
        "Last Updated", "Unique ID", "OFSI Group ID", "UN Reference Number", "Name 6", "Name 1",
        "Name 2", "Name 3", "Name 4", "Name 5", "Name type", "Alias strength", "Title",
        "Name non-latin script", "Non-latin script type", "Non-latin script language",
        "Regime Name", "Designation Type", "Designation source", "Sanctions Imposed",
        "Other Information", "UK Statement of Reasons", "Address Line 1", "Address Line 2",
        "Address Line 3", "Address Line 4", "Address Line 5", "Address Line 6",
        "Address Postal Code", "Address Country", "Phone number", "Website", "Email address",
        "Date Designated", "D.O.B", "Nationality(/ies)", "National Identifier number",
        "National Identifier additional information", "Passport number",
        "Passport additional information", "Position", "Gender", "Town of birth",
        "Country of birth", "Type of entity", "Subsidiaries", "Parent company",
        "Business registration number (s)", "IMO number", "Current owner/operator (s)",
        "Previous owner/operator (s)", "Current believed flag of ship", "Previous flags",
        "Type of ship", "Tonnage of ship", "Length of ship", "Year Built",
        "Hull identification number (HIN)",
    ],
    "eu": [
        "", "Names (Transliteration into Latin script)", "Names", "Identifying information",
        "Reasons for listing", "Date of listing",
    ],
    "ca": [
        "Country-Pays", "LastName-NomDeFamille", "GivenName-Prenom",
        "EntityOrShip-EntiteOuNavire", "Aliases-Alias", "TitleOrShipType-TitreOuTypeDeNavire",
        "ShipIMONumber-NumeroOMIDuNavire",
        "DateOfBirthOrShipBuildDate-DateDeNaissanceOuDateDeConstructionDuNavire",
        "Schedule-Annexe", "Item-NumeroDarticle", "DateOfListing-DateDinscription",
    ],
    "au": [
        "Reference", "Name of Individual or Entity", "Type", "Name Type", "Alias Strength",
        "Date of Birth", "Place of Birth", "Citizenship", "Address", "Additional Information",
        "Listing Information", "IMO Number", "Committees", "Control Date",
        "Instrument of Designation", "Targeted Financial Sanction", "Travel Ban", "Arms Embargo",
        "Maritime Restriction",
    ],
    "lv": ["Original Name", "Name in Brackets", "Birth Date", "Country", "Source URL"],
    "lt": ["vardas", "pavarde", "gimimoData", "lytis", "pilietybes", "priezastis", "uzdraustaIki"],
    "ch": [
        "target (number in this request)", "ssid", "sanctions-set", "target-type", "sex",
        "name-type", "name quality", "name-part order", "family-name", "given-name",
        "father-name", "whole-name", "family-name spelling-variant",
        "given-name spelling-variant", "father-name spelling-variant",
        "whole-name spelling-variant", "spelling-variant script", "day-month-year (day)",
        "day-month-year (month)", "day-month-year (year)", "place-of-birth", "nationality",
        "nationality (iso-code)", "identification-document (passport)",
        "identification-document (other)", "justification",
        "other-information",
    ],
}  # fmt: skip
# What each real file writes in an empty field.
EMPTY = {"us": "-0- ", "eu": "-", "gb": "", "ca": "", "au": "", "lv": "", "lt": "", "ch": ""}


@pytest.mark.parametrize("code", sorted(HEADERS))
def test_each_table_has_the_lists_columns_in_order(tables, code: str) -> None:
    assert list(tables[code][0]) == HEADERS[code]


def test_every_government_has_its_header_and_empty_marker_written_here() -> None:
    assert set(HEADERS) | {"us", "ee"} == set(codes())
    assert set(EMPTY) | {"ee"} == set(codes())


@pytest.mark.parametrize("code", sorted(EMPTY))
def test_an_empty_field_is_written_as_the_real_list_writes_it(tables, code: str) -> None:
    """The fictional person has no Unique ID, item number, address…: every list has some field
    left for the government, written with its own mark."""
    rows = tables[code]
    values = [v for row in rows for v in row.values()]
    marker = EMPTY[code]
    assert marker in values
    if marker:
        assert "" not in values


def test_a_reason_ends_once_when_its_quotation_ends_a_sentence(build, tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0]["victims_confidential"] = "no"
    rows["involvement"][0].update(
        quote="Minister Testbayev ordered the police to detain the protesters; "
        "in the central square. Two of them were held for three days."
    )
    book = build(rows)
    out = tmp_path / "out"
    assert run_cli("export", str(book), "--out", str(out), "--only", "eu").returncode == 0
    (row, *_) = workbooks.target_rows(out / book.stem / f"{book.stem}-eu")
    assert row["Reasons for listing"].endswith("Two of them were held for three days.”")


def test_a_confidential_victims_name_is_withheld_in_any_case_and_by_its_parts() -> None:
    text = "ORAZOV was pushed; Serik Orazov died; the S. Orazov case; serik orazov"
    assert withhold(text, ["Serik Orazov"]) == (
        "[name withheld] was pushed; [name withheld] died; the S. [name withheld] case; "
        "[name withheld]"
    )


def test_a_confidential_victims_name_is_withheld_in_any_script_or_romanisation() -> None:
    text = "Оразов Серик was beaten; Orasov's lawyer; Serik Orazow; the Oraz family"
    assert withhold(text, ["Serik Orazov"]) == (
        "[name withheld] was beaten; [name withheld]'s lawyer; [name withheld]; the Oraz family"
    )


def test_a_belarusian_original_is_not_read_as_russian_for_the_latvian_form(build, tmp_path):
    """Issue 27: "Алена Вымыслава" (a Belarusian's name, in letters Russian shares) was given
    a Latvian form as if Russian. It gets none now, and the notes say why; a Russian original
    of a Kazakh official still gets one; ў marks Belarusian whatever the nationality."""
    from sanctions.check.validate import validate
    from sanctions.governments.latvian import original_language
    from sanctions.model.targets import load_targets

    rows = workbooks.valid_rows()
    rows["persons"][1].update(name_original="Алена Вымыслава", nationality="by")
    rows["persons"][0].update(name_original="Тестбаев Арман", nationality="kz")
    book = build(rows)
    first, second = load_targets(validate(book))
    assert (original_language(first), original_language(second)) == ("ru", "be")
    second.nationality = []
    second.name_original = ["Алена Ўымыслава"]
    assert original_language(second) == "be"
    out = tmp_path / "out"
    assert run_cli("export", str(book), "--out", str(out), "--only", "lv").returncode == 0
    folder = out / book.stem / f"{book.stem}-lv"
    notes = (folder / "internal" / "notes.txt").read_text(encoding="utf-8")
    assert (
        "for 1 target(s): Dana Fictiyeva (the original may be Belarusian, which Latvian spells "
        "by its own rules)" in notes
    )
    table = (folder / "send" / f"{book.stem}-lv-targets.csv").read_text(encoding="utf-8")
    assert "Armans Testbajevs" in table and "Alena" not in table.split("Вымыслава")[0]
