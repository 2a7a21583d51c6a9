"""The whole pipeline on the bundled demo corpus: `healthclaims run`, twice, then the claims export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import Store

VERDICTS = {"consistent", "partly_consistent", "inconsistent", "unapproved_use", "not_covered"}
CONTRACT_KEYS = {"claim_id", "text", "article", "span", "claimant", "claim_type", "substances", "conditions",
                 "doses", "hedged", "negated", "verdicts"}

pytestmark = pytest.mark.slow


def healthclaims(*args) -> subprocess.CompletedProcess:
    """Run the installed console script as a user would."""
    exe = Path(sys.executable).with_name("healthclaims")
    return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> tuple[Path, dict, dict]:
    """The demo corpus run twice into one store, with the table counts after each run."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    first = healthclaims("run", "--quiet", "--db", db)
    assert first.returncode == 0, first.stderr[-2000:]
    with Store(db, read_only=True) as store:
        counts_once = store.counts()
    second = healthclaims("run", "--quiet", "--db", db)
    assert second.returncode == 0, second.stderr[-2000:]
    with Store(db, read_only=True) as store:
        counts_twice = store.counts()
    return db, counts_once, counts_twice


def test_running_twice_adds_nothing_twice(demo_db):
    _, once, twice = demo_db
    for table in ("pages", "articles", "appearances", "claims", "mentions", "facts", "verdicts"):
        assert once[table] == twice[table], table
    assert once["articles"] >= 30


def test_demo_export_meets_the_contract(demo_db, tmp_path):
    db, _, _ = demo_db
    out = tmp_path / "claims.jsonl"
    result = healthclaims("export", "--table", "claims", "--format", "jsonl", "--out", out, "--db", db)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 20
    for record in records:
        assert CONTRACT_KEYS <= set(record)
        assert {"url", "title", "publisher", "published", "source_type"} <= set(record["article"])
        assert record["claimant"]["role"] in {"celebrity", "expert", "author", "organisation", "unknown"}
        for verdict in record["verdicts"]:
            assert verdict["verdict"] in VERDICTS
            if verdict["verdict"] != "not_covered":
                assert verdict["source_url"].startswith("https://"), verdict
    celebrities = {r["claimant"]["name"] for r in records if r["claimant"]["role"] == "celebrity"}
    assert len(celebrities) >= 5, celebrities
    labels = {v["verdict"] for r in records for v in r["verdicts"]}
    assert len(labels - {"not_covered"}) >= 3, labels


def test_demo_run_shows_all_five_verdicts(demo_db):
    db, _, _ = demo_db
    with Store(db, read_only=True) as store:
        labels = {label for (label,) in store.con.execute("SELECT DISTINCT verdict FROM verdicts").fetchall()}
    assert labels == VERDICTS


def test_spans_point_into_the_stored_text(demo_db):
    db, _, _ = demo_db
    with Store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT c.text, a.text, c.span_start, c.span_end FROM claims c JOIN articles a USING (article_id)"
        ).fetchall()
    assert rows
    for claim_text, article_text, start, end in rows:
        assert article_text[start:end] == claim_text
