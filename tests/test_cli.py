"""The command line: exports in the contract shape, and one-line errors for bad input."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pytest

from store import Store
from tests.lock_holder import database_held_by_another_process
from tests.store_samples import ARTICLE, FACT, claims_for

CONTRACT_KEYS = {"claim_id", "text", "article", "span", "claimant", "claim_type", "substances", "conditions",
                 "doses", "hedged", "negated", "verdicts"}


@pytest.fixture
def filled_db(db_path):
    """A store with one article, two claims, one fact and a verdict for each claim."""
    with Store(db_path) as store:
        _, aid = store.save_article(dict(ARTICLE))
        store.save_claims(aid, claims_for(ARTICLE["text"]))
        store.save_facts([FACT])
        first, second = sorted(store.claims_for_checking(), key=lambda c: c["span_start"])
        store.save_verdicts({
            first["claim_id"]: [{"fact_id": "", "verdict": "not_covered", "rationale": "No fact bears on it."}],
            second["claim_id"]: [{"fact_id": FACT["fact_id"], "substance": "esketamine", "jurisdiction": "US",
                                  "verdict": "consistent", "rationale": "Approved 2019-03-05.",
                                  "source_url": FACT["source_url"]}],
        })
    return db_path


def test_claims_jsonl_has_every_contract_key(cli, filled_db, tmp_path):
    out = tmp_path / "claims.jsonl"
    code, stdout, _ = cli("export", "--table", "claims", "--format", "jsonl", "--out", out, "--db", filled_db)
    assert code == 0 and "exported 2 claims" in stdout
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    for record in records:
        assert CONTRACT_KEYS <= set(record)
        assert {"url", "title", "publisher", "published", "source_type"} <= set(record["article"])
        assert set(record["claimant"]) >= {"name", "role"}
        start, end = record["span"]
        assert ARTICLE["text"][start:end] == record["text"]
    by_role = {r["claimant"]["role"]: r for r in records}
    assert by_role["celebrity"]["claimant"]["name"] == "Ana Vega"
    assert by_role["celebrity"]["doses"][0] == {"value": 0.5, "unit": "mg/kg", "text": "0.5 mg/kg"}
    assert by_role["celebrity"]["verdicts"][0]["fact_id"] is None
    assert by_role["author"]["verdicts"][0]["source_url"] == FACT["source_url"]
    assert by_role["author"]["article"]["published"] == "2024-03-18"


def test_csv_parquet_and_articles_exports(cli, filled_db, tmp_path):
    code, _, _ = cli("export", "--table", "claims", "--format", "csv", "--out", tmp_path / "c.csv", "--db", filled_db)
    assert code == 0
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["verdicts"] for r in rows} == {"not_covered", "consistent"}
    code, _, _ = cli("export", "--table", "articles", "--format", "parquet", "--out", tmp_path / "a.parquet",
                     "--db", filled_db)
    assert code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "a.parquet")
    assert table.num_rows == 1 and {"url", "title", "publisher", "published", "source_type", "text"} <= set(
        table.column_names)
    code, _, _ = cli("export", "--table", "facts", "--format", "jsonl", "--out", tmp_path / "f.jsonl", "--db", filled_db)
    fact = json.loads((tmp_path / "f.jsonl").read_text().splitlines()[0])
    assert code == 0 and fact["source_url"] == FACT["source_url"] and fact["date"] == "2019-03-05"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--table", "people", "--format", "jsonl"], "unknown table 'people'"),
        (["--table", "claims", "--format", "xml"], "unknown format 'xml'"),
        (["--table", "facts", "--format", "claimreview"], "claims table only"),
    ],
)
def test_export_rejects_unknown_table_or_format(cli, filled_db, tmp_path, args, message):
    code, _, err = cli("export", *args, "--out", tmp_path / "x", "--db", filled_db)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_export_to_missing_folder_or_unwritable_path(cli, filled_db, tmp_path):
    code, _, err = cli("export", "--table", "claims", "--format", "jsonl", "--out", tmp_path / "no" / "x.jsonl",
                       "--db", filled_db)
    assert code == 2 and "export folder does not exist" in err
    locked = tmp_path / "ro"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write to read-only folders (root)")
        code, _, err = cli("export", "--table", "claims", "--format", "jsonl", "--out", locked / "x.jsonl",
                           "--db", filled_db)
        assert code == 2 and "cannot write" in err
    finally:
        os.chmod(locked, 0o700)


def test_export_onto_a_directory_is_one_line(cli, filled_db, tmp_path):
    target = tmp_path / "adir"
    target.mkdir()
    code, _, err = cli("export", "--table", "claims", "--format", "jsonl", "--out", target, "--db", filled_db)
    assert code == 2 and "cannot write" in err and len(err.strip().splitlines()) == 1


def test_database_in_missing_folder(cli, tmp_path):
    code, _, err = cli("tag", "--db", tmp_path / "missing" / "x.duckdb")
    assert code == 2 and "database folder does not exist" in err


def test_locked_database_keeps_its_data(cli, filled_db):
    with database_held_by_another_process(filled_db):
        code, _, err = cli("check", "--db", filled_db)
        assert code == 2 and "locked by another process" in err
    with Store(filled_db, read_only=True) as store:
        assert store.counts()["claims"] == 2 and store.counts()["verdicts"] == 2


def test_console_script_prints_one_line_error_not_traceback(tmp_path):
    exe = os.path.join(os.path.dirname(sys.executable), "healthclaims")
    result = subprocess.run([exe, "export", "--table", "claims", "--format", "jsonl", "--out", str(tmp_path / "x"),
                             "--db", str(tmp_path / "absent.duckdb")], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert "database not found" in result.stderr


def test_seeds_file_missing_is_one_line(cli, tmp_path):
    code, _, err = cli("crawl", "--seeds", tmp_path / "none.txt", "--db", tmp_path / "x.duckdb")
    assert code == 2 and "cannot read seeds file" in err


def test_tag_then_check_through_the_cli_and_again_adds_nothing(cli, db_path):
    with Store(db_path) as store:
        store.save_article(dict(ARTICLE))
    code, out, _ = cli("tag", "--db", db_path)
    assert code == 0 and out.startswith("tag: 1 articles")
    code, out, _ = cli("check", "--db", db_path)
    assert code == 0 and out.startswith("check:")
    with Store(db_path, read_only=True) as store:
        first = store.counts()
        claims = store.con.execute("SELECT claimant_name, substances FROM claims ORDER BY span_start").fetchall()
        labels = {v for (v,) in store.con.execute("SELECT verdict FROM verdicts").fetchall()}
    assert ("Ana Vega", ["ketamine"]) in claims
    assert labels and labels <= {"consistent", "partly_consistent", "inconsistent", "unapproved_use", "not_covered"}
    code, out, _ = cli("tag", "--db", db_path)
    assert code == 0 and out.startswith("tag: 0 articles")
    assert cli("check", "--db", db_path)[0] == 0
    with Store(db_path, read_only=True) as store:
        assert store.counts() == first


def test_redis_timeout_option_reaches_crawl_and_ingest():
    from cli.main import build_parser

    parser = build_parser()
    crawl = parser.parse_args(["crawl", "--redis", "redis://127.0.0.1:1/0", "--redis-timeout", "2.5"])
    ingest = parser.parse_args(["ingest", "--redis", "redis://127.0.0.1:1/0"])
    assert crawl.redis_timeout == 2.5 and ingest.redis_timeout is None
