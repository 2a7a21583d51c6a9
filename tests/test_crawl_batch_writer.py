"""The crawl's batched writer gives the same store as Store.save_article called row by row."""

from __future__ import annotations

import pytest

from store import Store
from store.batch_writer import BatchWriter


def article(url: str, text: str, **extra) -> dict:
    """An extracted article as crawler.extraction returns it."""
    return {"url": url, "title": extra.pop("title", "T " + url[-1]), "text": text, "publisher": "Pub",
            "published": "2024-03-14", **extra}


SEQUENCE = [
    (article("https://a.example/1", "first text about ketamine"), None),
    (article("https://a.example/2", "second text about melatonin"), None),
    (article("https://a.example/1", "first text about ketamine"), None),                 # unchanged
    (article("https://a.example/1", "first text about ketamine, corrected"), None),      # revised
    (article("https://b.example/copy", "second text about melatonin"), None),            # same text: duplicate
    (article("https://c.example/near", "first text, syndicated"), "FIRST"),               # near copy: duplicate_of
    (article("https://a.example/1", "first text, corrected twice"), None),               # revised again
    (article("https://a.example/3?utm_source=x", "third", author=["A. One", "B. Two"],
             canonical_url="https://a.example/3"), None),
]


def outcomes_and_rows(store: Store, save) -> tuple[list, dict]:
    """Run the sequence through `save`, then read back what the store holds (timestamps left out)."""
    first_id = None
    outcomes = []
    for item, duplicate_of in SEQUENCE:
        outcome, aid = save(item, {"status": 200, "content_hash": item["text"]},
                            first_id if duplicate_of == "FIRST" else None)
        first_id = first_id or aid
        outcomes.append(outcome)
    return outcomes, table_rows(store)


def table_rows(store: Store) -> dict:
    """The rows that matter of every table the writers touch."""
    con = store.con
    return {
        "articles": con.execute("SELECT article_id, url, canonical_url, title, author, publisher, published, text,"
                                " text_hash, revision FROM articles ORDER BY article_id").fetchall(),
        "revisions": con.execute("SELECT article_id, revision, text FROM article_revisions ORDER BY 1, 2").fetchall(),
        "appearances": con.execute("SELECT article_id, url FROM appearances ORDER BY 1, 2").fetchall(),
        "pages": con.execute("SELECT page_id, url, article_id, status, content_hash FROM pages ORDER BY 1").fetchall(),
    }


@pytest.mark.parametrize("batch_items", [1, 3, 1000])
def test_batched_writes_equal_row_by_row_writes(tmp_path, batch_items):
    with Store(tmp_path / "rows.duckdb") as plain:
        expected_outcomes, expected = outcomes_and_rows(
            plain, lambda a, p, d: plain.save_article(dict(a, author=_joined(a.get("author"))), p, duplicate_of=d))
    with Store(tmp_path / "batch.duckdb") as store:
        writer = BatchWriter(store, "crawl", batch_items=batch_items)
        outcomes, _ = outcomes_and_rows(store, lambda a, p, d: writer.save_article(a, p, duplicate_of=d))
        writer.flush()
        found = table_rows(store)
    assert outcomes == expected_outcomes == ["stored", "stored", "unchanged", "revised", "duplicate", "duplicate",
                                             "revised", "stored"]
    assert found == expected
    assert [r[1] for r in found["revisions"]] == [1, 2]


def test_state_is_reloaded_and_frontier_marked_in_the_same_batch(tmp_path):
    db = tmp_path / "state.duckdb"
    with Store(db) as store:
        store.start_crawl("crawl", ["https://a.example/"])
        writer = BatchWriter(store, "crawl")
        writer.frontier_add("crawl", [("https://a.example/1", 1, "link")])
        writer.save_article(article("https://a.example/1", "text"), {"etag": '"e1"', "content_hash": "h"})
        writer.frontier_done("crawl", "https://a.example/1")
        writer.save_fingerprint(writer.page_state("https://a.example/1")["article_id"], 0xABCD_0000_0000_1234)
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # nothing written yet
        writer.flush()
        assert store.con.execute("SELECT state FROM crawl_frontier").fetchall() == [("done",)]
    with Store(db) as store:  # a new crawl starts from what the store holds
        writer = BatchWriter(store, "crawl")
        assert writer.page_state("https://a.example/1?utm_source=feed")["etag"] == '"e1"'
        aid = writer.page_state("https://a.example/1")["article_id"]
        assert writer.fingerprint_candidates(0xABCD_0000_0000_1235) == [(aid, 0xABCD_0000_0000_1234)]
        assert writer.fingerprint_candidates(0x1111_2222_3333_4444) == []


def _joined(value):
    """What the batch writer stores for a list-valued text field."""
    return ", ".join(value) if isinstance(value, list) else value
