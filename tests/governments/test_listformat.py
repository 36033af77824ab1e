"""Each government's target table, field by field, for a fictional person with every
identifier filled. The expected lines are written by hand from the real lists' conventions
(the sources are cited in each jurisdictions/<code>.yaml)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sanctions.governments.registry import codes
from tests import workbooks
from tests.conftest import run_cli

REASONS_START = "Timur Fictionov held the following posts: Head, Example City Police"


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    rows = workbooks.valid_rows()
    rows["persons"] = [
        {"person_id": "P001", "name": "Timur Fictionov", "first_name": "Timur",
         "patronymic": "Eskerovich", "last_name": "Fictionov",
         "name_original": "Фиктионов Тимур Эскерович", "aliases": "Timur Fiktionov",
         "gender": "male", "birth_date": "1968-03-07", "birth_place": "Karaganda, Kazakhstan",
         "nationality": "kz", "id_numbers": "Passport N0000000; National ID 680307300000",
         "status": "proposed"}
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
    book = workbooks.write(tmp / "book.xlsx", rows)
    assert run_cli("export", str(book), "--out", str(tmp / "out")).returncode == 0
    out = {}
    for code in codes():
        path = tmp / "out" / "book" / f"book-{code}" / f"book-{code}-targets.csv"
        with open(path, encoding="utf-8") as fh:
            out[code] = list(csv.DictReader(fh))
    return out


def test_united_states_sdn(tables) -> None:
    (row,) = tables["us"]
    assert list(row) == ["Entry", "ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Remarks"]
    assert row["Entry"] == (
        "FICTIONOV, Timur Eskerovich (a.k.a. FIKTIONOV, Timur); DOB 7 Mar 1968; "
        "POB Karaganda, Kazakhstan; nationality Kazakhstan; Gender Male; Passport N0000000; "
        "National ID No. 680307300000 (individual) [GLOMAG]."
    )
    assert row["SDN_Name"] == "FICTIONOV, Timur Eskerovich" and row["SDN_Type"] == "individual"
    assert row["Title"] == "Former Head, Example City Police"
    assert row["Remarks"].endswith("National ID No. 680307300000.")


def test_united_kingdom_sanctions_list(tables) -> None:
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
    assert row["Names (native script)"] == "Тимур Эскерович ФИКТИОНОВ"
    assert row["Identifying information"] == (
        "DOB: 7.3.1968\nPOB: Karaganda, Kazakhstan\nNationality: Kazakhstan\nGender: male\n"
        "Position: Former Head, Example City Police\nPassport number: N0000000\n"
        "ID number: 680307300000"
    )
    assert row["Date of listing"] == ""


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
    assert (
        row["Schedule line (SOR/2017-233)"] == "Timur Eskerovich FICTIONOV (born on March 7, 1968)"
    )


def test_australia_consolidated_list(tables) -> None:
    primary, alias, original = tables["au"]
    assert [r["Reference"] for r in (primary, alias, original)] == ["D1", "D1a", "D1b"]
    assert [r["Name Type"] for r in (primary, alias, original)] == [
        "Primary Name",
        "Alias",
        "Original Script",
    ]
    assert primary["Name of Individual or Entity"] == "Timur Eskerovich FICTIONOV"
    assert original["Name of Individual or Entity"] == "Фиктионов Тимур Эскерович"
    assert (primary["Date of Birth"], primary["Citizenship"]) == ("07/03/1968", "Kazakhstan")
    assert primary["Additional Information"].startswith(REASONS_START)
    assert primary["Listing Information"] == ""
    assert primary["Committees"] == "Autonomous (Thematic - Human Rights)"
    flags = [primary[c] for c in ("Targeted Financial Sanction", "Travel Ban", "Arms Embargo",
                                  "Maritime Restriction")]  # fmt: skip
    assert flags == ["TRUE", "TRUE", "FALSE", "FALSE"]


def test_estonia_latvia_lithuania(tables) -> None:
    (ee,) = tables["ee"]
    assert ee["Entry"] == "1. FICTIONOV, Timur Eskerovich (also Timur Fiktionov)"
    (lv,) = tables["lv"]
    assert (lv["Original Name"], lv["Name in Brackets"]) == ("Timurs Fiktionovs", "Timur Fictionov")
    assert (lv["Birth Date"], lv["Country"]) == ("1968-03-07", "Kazahstāna")
    (lt,) = tables["lt"]
    expected = {"vardas": "Timur Eskerovich", "pavarde": "Fictionov", "gimimoData": "1968-03-07",
                "lytis": "V", "pilietybes": "Kazachstanas", "priezastis": "UTPĮ 133 str. 4 d.",
                "uzdraustaIki": ""}  # fmt: skip
    assert {k: lt[k] for k in expected} == expected


def test_a_woman_is_m_in_lithuania_and_a_name_without_original_has_no_latvian_form(
    build, tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()  # Dana Fictiyeva is female; no one has an original name
    book = build(rows)
    out = tmp_path / "out"
    assert run_cli("export", str(book), "--out", str(out), "--only", "lt,lv").returncode == 0
    folder = out / book.stem
    with open(folder / f"{book.stem}-lt" / f"{book.stem}-lt-targets.csv", encoding="utf-8") as fh:
        genders = {r["pavarde"]: r["lytis"] for r in csv.DictReader(fh)}
    assert genders == {"Testbayev": "V", "Fictiyeva": "M"}
    notes = (folder / f"{book.stem}-lv" / "notes.txt").read_text(encoding="utf-8")
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
    assert primary["identification-document (other; document-type to be confirmed)"] == (
        "680307300000"
    )
    assert primary["justification"].startswith(REASONS_START)
    # SECO's to give or to judge.
    assert primary["ssid"] == primary["sanctions-set"] == primary["name quality"] == ""


# Each list's columns, in order, as its published list prints them (sources in the
# jurisdiction files): written out here so that a change to a format is a deliberate one.
HEADERS = {
    "gb": [
        "Last Updated", "Unique ID", "OFSI Group ID", "UN Reference Number", "Name 6", "Name 1",
        "Name 2", "Name 3", "Name 4", "Name 5", "Name type", "Alias strength", "Title",
        "Name non-latin script", "Non-latin script type", "Non-latin script language",
        "Regime Name", "Designation Type", "Designation source", "Sanctions Imposed",
        "Other Information", "UK Statement of Reasons", "Address Line 1", "Address Country",
        "Date Designated", "D.O.B", "Nationality(/ies)", "National Identifier number",
        "Passport number", "Position", "Gender", "Town of birth", "Country of birth",
    ],
    "eu": [
        "No.", "Names (Transliteration into Latin script)", "Names (native script)",
        "Identifying information", "Reasons for listing", "Date of listing",
    ],
    "ca": [
        "Country-Pays", "LastName-NomDeFamille", "GivenName-Prenom", "Aliases-Alias",
        "DateOfBirthOrShipBuildDate-DateDeNaissanceOuDateDeConstructionDuNavire",
        "TitleOrShipType-TitreOuTypeDeNavire", "Item-NumeroDarticle",
        "DateOfListing-DateDinscription", "Schedule line (SOR/2017-233)",
    ],
    "au": [
        "Reference", "Name of Individual or Entity", "Type", "Name Type", "Alias Strength",
        "Date of Birth", "Place of Birth", "Citizenship", "Address", "Additional Information",
        "Listing Information", "IMO Number", "Committees", "Control Date",
        "Instrument of Designation", "Targeted Financial Sanction", "Travel Ban", "Arms Embargo",
        "Maritime Restriction",
    ],
    "lv": ["Original Name", "Name in Brackets", "Birth Date", "Country", "Legal ground", "Reason"],
    "lt": [
        "vardas", "pavarde", "gimimoData", "lytis", "pilietybes", "priezastis", "uzdraustaIki",
        "Proposed duration", "Reason",
    ],
    "ch": [
        "target (number in this request)", "ssid", "sanctions-set", "target-type", "sex",
        "name-type", "name quality", "name-part order", "family-name", "given-name",
        "father-name", "whole-name", "family-name spelling-variant",
        "given-name spelling-variant", "father-name spelling-variant",
        "whole-name spelling-variant", "spelling-variant script", "day-month-year (day)",
        "day-month-year (month)", "day-month-year (year)", "place-of-birth", "nationality",
        "nationality (iso-code)", "identification-document (passport)",
        "identification-document (other; document-type to be confirmed)", "justification",
        "other-information",
    ],
}  # fmt: skip


@pytest.mark.parametrize("code", sorted(HEADERS))
def test_each_table_has_the_lists_columns_in_order(tables, code: str) -> None:
    assert list(tables[code][0]) == HEADERS[code]
