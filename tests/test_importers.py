"""Importers read the real official samples, keep provenance, merge with curated facts without duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from facts.checker import merge_facts
from facts.curated import load_curated
from facts.importers import drugsatfda, ema, ndc, openfda
from facts.importers.names import substance_for
from store import Store

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "regulatory-samples"
DAF_ZIP = SAMPLES / "fda-drugsatfda" / "drugsatfda_2019-07-02.zip"
EMA_XLSX = SAMPLES / "ema-epar" / "Medicines_output_european_public_assessment_reports_2018-12-23.xlsx"
NDC_PAIRS = SAMPLES / "fda-ndc-deaschedule" / "substance_deaschedule_pairs_2018-06-25.tsv"
NDC_ROWS = SAMPLES / "fda-ndc-deaschedule" / "ndc_unfinished_product_controlled_rows_2018-06-25.tsv"
OPENFDA = Path(__file__).parent / "fixtures" / "openfda_drugsfda" / "spravato_ketalar.json"

pytestmark = pytest.mark.skipif(not SAMPLES.exists(), reason="regulatory samples not present")


@pytest.fixture(scope="module")
def daf_facts():
    facts, skipped = drugsatfda.read_facts(DAF_ZIP)
    return {f["fact_id"]: f for f in facts}, skipped


def test_ingredient_names_map_through_the_lexicon():
    assert substance_for("ESKETAMINE HYDROCHLORIDE") == "esketamine"
    assert substance_for("KETAMINE HYDROCHLORIDE") == "ketamine"
    assert substance_for("SODIUM OXYBATE") == "sodium oxybate"
    assert substance_for("TESTOSTERONE CYPIONATE") == "testosterone"
    assert substance_for("ACETAMINOPHEN") is None


def test_drugsatfda_zip_gives_spravato_and_ketalar(daf_facts):
    facts, skipped = daf_facts
    spravato = facts["fda-nda-211243-orig"]
    assert spravato["substance"] == "esketamine" and spravato["date"] == "2019-03-05"
    assert spravato["brand"] == "Spravato" and spravato["route"] == "nasal" and spravato["reference"] == "NDA 211243"
    assert spravato["provenance"] == "import:drugsatfda:drugsatfda_2019-07-02.zip:Submissions.txt ApplNo=211243 SubmissionNo=1"
    ketalar = facts["fda-nda-016812-orig"]
    assert ketalar["substance"] == "ketamine" and ketalar["date"] == "1970-02-19"
    assert facts["fda-nda-209637-orig"]["date"] == "2017-12-05"  # Ozempic
    assert not any(f["reference"].startswith("ANDA") for f in facts.values())  # generics are skipped
    assert skipped > 10000


def test_openfda_json_fixture(tmp_path):
    facts, skipped = openfda.read_facts(OPENFDA)
    by_id = {f["fact_id"]: f for f in facts}
    assert set(by_id) == {"fda-nda-211243-orig", "fda-nda-016812-orig"} and skipped == 1
    assert by_id["fda-nda-211243-orig"]["date"] == "2019-03-05"
    assert by_id["fda-nda-211243-orig"]["provenance"].endswith("results[0] application_number=NDA211243")


def test_ema_export_gives_ozempic():
    facts, skipped = ema.read_facts(EMA_XLSX)
    by_id = {f["fact_id"]: f for f in facts}
    ozempic = by_id["ema-emea-h-c-004174"]
    assert ozempic["brand"] == "Ozempic" and ozempic["substance"] == "semaglutide"
    assert ozempic["date"] == "2018-02-08" and ozempic["jurisdiction"] == "EU" and ozempic["reference"] == "EMEA/H/C/004174"
    assert ozempic["provenance"].startswith("import:ema:Medicines_output_european_public_assessment_reports_2018-12-23.xlsx:row ")
    assert by_id["ema-emea-h-c-000695"]["brand"] == "Circadin"
    assert skipped > 1000


def test_ndc_schedule_column_gives_ketamine_ciii():
    facts, _ = ndc.read_facts(NDC_PAIRS)
    by_id = {f["fact_id"]: f for f in facts}
    assert by_id["ndc-dea-ketamine-ciii"]["legal_status"]["schedule"] == "III"
    assert by_id["ndc-dea-esketamine-ciii"]["substance"] == "esketamine"
    assert "labeler listing" in by_id["ndc-dea-ketamine-ciii"]["summary"]
    rows, _ = ndc.read_facts(NDC_ROWS)
    ketamine = {f["fact_id"]: f for f in rows}["ndc-dea-ketamine-ciii"]
    assert ketamine["listings"] > 1  # many labelers list it; one fact


def test_import_command_is_idempotent_and_links_to_curated(cli, db_path):
    code, out, err = cli("facts", "--db", db_path, "import", "--source", "ema", EMA_XLSX)
    assert code == 0 and "linked_to_curated=9" in out  # Ozempic, Circadin, Slenyto, Saxenda, Victoza, ...
    code, out, err = cli("facts", "--db", db_path, "import", "--source", "ema", EMA_XLSX)
    assert code == 0
    code, out, err = cli("facts", "--db", db_path, "import", "--source", "openfda", OPENFDA)
    assert code == 0
    with Store(db_path, read_only=True) as store:
        stored = store.load_facts()
        ids = [f["fact_id"] for f in stored]
        assert len(ids) == len(set(ids))
        assert ids.count("ema-emea-h-c-004174") == 1
        imported = {f["fact_id"]: f for f in stored}
    assert imported["ema-emea-h-c-004174"]["linked_to"] == "semaglutide-eu-ec-ozempic-authorisation"
    assert imported["fda-nda-211243-orig"]["linked_to"] == "esketamine-us-fda-spravato-approval"
    merged = {f["fact_id"] for f in merge_facts(load_curated(), stored)}
    # the curated fact wins; the import of the same record stays stored but is not checked twice
    assert "esketamine-us-fda-spravato-approval" in merged and "fda-nda-211243-orig" not in merged
    assert "ema-emea-h-c-000695" not in merged and "ema-emea-h-c-002647" in merged  # Circadin curated; Xultophy imported
    # a combination product's other ingredient is not linked to the curated fact of the first
    assert "ema-emea-h-c-003687-bupropion" in merged and "ema-emea-h-c-003687-naltrexone" not in merged


@pytest.mark.parametrize("source, name, text", [
    ("drugsatfda", "x.zip", "not a zip"),
    ("ema", "x.xlsx", "not an xlsx"),
    ("openfda", "x.json", "{not json"),
    ("ndc", "x.tsv", "A\tB\n1\t2\n"),
])
def test_malformed_import_files_give_one_line_errors(cli, db_path, tmp_path, source, name, text):
    bad = tmp_path / name
    bad.write_text(text)
    code, out, err = cli("facts", "--db", db_path, "import", "--source", source, bad)
    assert code == 2
    assert err.startswith("healthclaims facts: error: ") and err.strip().count("\n") == 0
    assert "Traceback" not in err


def test_unknown_source_and_missing_file(cli, db_path, tmp_path):
    code, _, err = cli("facts", "--db", db_path, "import", "--source", "fax", OPENFDA)
    assert code == 2 and "unknown source 'fax'" in err
    code, _, err = cli("facts", "--db", db_path, "import", "--source", "ema", tmp_path / "none.xlsx")
    assert code == 2 and "no such file" in err


def test_imported_ema_facts_answer_claims_through_their_therapeutic_area():
    from facts.checker import check_claims

    facts, _ = ema.read_facts(EMA_XLSX)
    by_id = {f["fact_id"]: f for f in facts}
    assert by_id["ema-emea-h-c-003780"]["indications"] == ["obesity"]  # Saxenda: "Obesity, Overweight"
    xultophy = by_id["ema-emea-h-c-002647"]
    assert xultophy["substance"] == "liraglutide" and xultophy["indications"] == ["diabetes"]
    claim = {"claim_id": "s", "text": "Xultophy is approved in Europe for type 2 diabetes.", "substances": ["liraglutide"],
             "conditions": ["type 2 diabetes"], "claim_type": "regulatory", "jurisdictions": ["EU"]}
    got = {v["fact_id"]: v for v in check_claims([claim], merge_facts(load_curated(), facts))["s"]}
    assert got["ema-emea-h-c-002647"]["verdict"] == "consistent"
    assert got["ema-emea-h-c-002647"]["source_url"].startswith("https://www.ema.europa.eu/")
