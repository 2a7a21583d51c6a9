"""The store: migrations, stable ids, idempotent writes, revisions, duplicates, snapshots."""

from __future__ import annotations

import json

import duckdb
import pytest

from store import Store, StoreError, ids, snapshot_path
from store.db import migrations
from tests.lock_holder import database_held_by_another_process
from tests.store_samples import ARTICLE, FACT, claims_for


def test_canonical_url_strips_tracking_and_fragment():
    assert ids.canonical_url("HTTP://Example.COM:80/a?utm_source=x&b=2&a=1&fbclid=z#frag") == "http://example.com/a?a=1&b=2"
    assert ids.page_id("https://x.org/p?utm_medium=rss") == ids.page_id("https://x.org/p")


def test_migrations_apply_once(db_path):
    with Store(db_path) as store:
        versions = [v for (v,) in store.con.execute("SELECT version FROM schema_migrations").fetchall()]
    assert versions == [number for number, _, _ in migrations()]
    with Store(db_path) as store:  # reopening applies nothing twice
        again = store.con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
    assert again == len(versions)


def test_save_article_is_idempotent_and_keeps_revisions(db_path):
    with Store(db_path) as store:
        outcome, aid = store.save_article(dict(ARTICLE))
        assert outcome == "stored"
        assert store.save_article(dict(ARTICLE)) == ("unchanged", aid)
        changed = dict(ARTICLE, text=ARTICLE["text"] + " A new paragraph was added.")
        assert store.save_article(changed) == ("revised", aid)
        counts = store.counts()
        revision = store.con.execute("SELECT revision FROM articles").fetchone()[0]
        old = store.con.execute("SELECT text FROM article_revisions WHERE article_id = ?", [aid]).fetchone()[0]
    assert counts["articles"] == 1 and counts["pages"] == 1
    assert revision == 2 and old == ARTICLE["text"]


def test_same_text_at_another_url_is_an_appearance(db_path):
    with Store(db_path) as store:
        _, aid = store.save_article(dict(ARTICLE))
        outcome, other = store.save_article(dict(ARTICLE, url="http://127.0.0.1:9/syndicated/copy"))
        appearances = store.con.execute("SELECT count(*) FROM appearances WHERE article_id = ?", [aid]).fetchone()[0]
        articles = store.counts()["articles"]
    assert (outcome, other) == ("duplicate", aid)
    assert appearances == 2 and articles == 1


def test_claims_replace_not_duplicate(db_path):
    with Store(db_path) as store:
        _, aid = store.save_article(dict(ARTICLE))
        claims = claims_for(ARTICLE["text"])
        store.save_claims(aid, claims)
        store.save_claims(aid, claims)
        rows = store.con.execute("SELECT text, substances, doses FROM claims ORDER BY span_start").fetchall()
        tagged = store.con.execute("SELECT tag_status FROM articles").fetchone()[0]
    assert len(rows) == 2
    assert rows[0][0] == ARTICLE["text"][: ARTICLE["text"].index(".") + 1]
    assert rows[0][1] == ["ketamine"] and json.loads(rows[0][2])[0]["unit"] == "mg/kg"
    assert tagged == "tagged"


def test_facts_and_verdicts_upsert(db_path):
    with Store(db_path) as store:
        _, aid = store.save_article(dict(ARTICLE))
        store.save_claims(aid, claims_for(ARTICLE["text"]))
        store.save_facts([FACT, FACT])
        claim = store.claims_for_checking()[1]
        verdict = {"fact_id": FACT["fact_id"], "verdict": "consistent", "rationale": "r", "source_url": FACT["source_url"]}
        store.save_verdicts({claim["claim_id"]: [verdict]})
        store.save_verdicts({claim["claim_id"]: [verdict]})
        assert store.counts()["facts"] == 1
        assert store.counts()["verdicts"] == 1
        assert store.load_facts()[0]["product"] == "Spravato nasal spray"


def test_close_publishes_a_readable_snapshot(db_path):
    with Store(db_path) as store:
        store.save_article(dict(ARTICLE))
    snap = snapshot_path(db_path)
    con = duckdb.connect(str(snap), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    con.close()


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="folder does not exist"):
        Store(tmp_path / "nope" / "x.duckdb")


def test_locked_database_is_a_clear_error(db_path):
    Store(db_path).close()
    with database_held_by_another_process(db_path):
        with pytest.raises(StoreError, match="locked by another process"):
            Store(db_path)
