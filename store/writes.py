"""All writes to the store: idempotent upserts keyed by stable ids, one transaction per unit of work."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from store import ids
from store.db import connect, publish_snapshot
from store.queries import rows

ARTICLE_FIELDS = (
    "title", "author", "publisher", "published", "modified", "language", "source_type",
    "description", "warc_file", "warc_record_id", "is_demo",
)
PAGE_FIELDS = (
    "final_url", "status", "content_type", "etag", "last_modified", "content_hash",
    "warc_file", "warc_record_id", "warc_offset",
)
CLAIM_FIELDS = (
    "claim_id", "article_id", "text", "span_start", "span_end", "sentence_index", "claimant_name",
    "claimant_role", "claim_type", "substances", "conditions", "doses", "routes", "frequency",
    "hedged", "negated", "stance", "jurisdictions", "cues", "tagged_at",
)
MENTION_FIELDS = ("claim_id", "article_id", "kind", "text", "value", "span_start", "span_end")
FACT_COLUMNS = (
    "fact_id", "substance", "jurisdiction", "authority", "kind", "product", "brand", "form", "route",
    "indication", "population", "conditions_of_use", "date", "summary", "source_url", "source_title",
    "verified", "provenance",
)


def now() -> datetime:
    """The current UTC time without tzinfo, as DuckDB TIMESTAMP columns hold it."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


class Store:
    """A writable (or read-only) handle on one DuckDB file; use as a context manager."""

    def __init__(self, db_path: str | os.PathLike, read_only: bool = False):
        self.path = Path(db_path)
        self.read_only = read_only
        self.con = connect(self.path, read_only=read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (publishing a fresh read snapshot first when writable)."""
        if self.con is None:
            return
        if not self.read_only:
            self.publish()
        self.con.close()
        self.con = None

    def publish(self) -> Path:
        """Refresh the read-only snapshot the dashboard reads."""
        return publish_snapshot(self.con, self.path)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run a block atomically: all of its writes land, or none.

        A block inside another joins the outer one (DuckDB has no nested transactions), so a
        caller can commit many idempotent writes at once; the outer block decides commit or rollback.
        """
        if getattr(self, "_in_transaction", False):
            yield
            return
        self.con.execute("BEGIN")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._in_transaction = False
            self.con.execute("ROLLBACK")
            raise
        self._in_transaction = False
        self.con.execute("COMMIT")

    # -- crawling -------------------------------------------------------------------------

    def log(self, url: str, outcome: str, reason: str | None = None, status: int | None = None,
            crawl_id: str | None = None) -> None:
        """Record what happened to one URL (stored, unchanged, duplicate, skipped, error) and why."""
        self.con.execute(
            "INSERT INTO crawl_log VALUES (?, ?, ?, ?, ?, ?)",
            [url, outcome, reason, status, crawl_id, now()],
        )

    def page_state(self, url: str) -> dict | None:
        """What the store knows of a page from its last fetch (for conditional re-crawls)."""
        row = self.con.execute(
            "SELECT etag, last_modified, content_hash, article_id FROM pages WHERE page_id = ?",
            [ids.page_id(url)],
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("etag", "last_modified", "content_hash", "article_id"), row))

    def save_page(self, url: str, page: dict, article_id: str | None = None) -> None:
        """Upsert the page row for one fetched URL."""
        values = [page.get(f) for f in PAGE_FIELDS]
        self.con.execute(
            "INSERT OR REPLACE INTO pages (page_id, url, canonical_url, "
            + ", ".join(PAGE_FIELDS)
            + ", article_id, fetched_at) VALUES (?, ?, ?, "
            + ", ".join("?" * len(PAGE_FIELDS))
            + ", ?, ?)",
            [ids.page_id(url), url, ids.canonical_url(url), *values, article_id, now()],
        )

    def find_article_by_text(self, text_hash: str) -> str | None:
        """The id of an article already holding exactly this text, if any."""
        row = self.con.execute(
            "SELECT article_id FROM articles WHERE text_hash = ? ORDER BY fetched_at LIMIT 1", [text_hash]
        ).fetchone()
        return row[0] if row else None

    def add_appearance(self, article_id: str, url: str, publisher: str | None) -> None:
        """Note that an article was (also) seen at this URL."""
        self.con.execute(
            "INSERT OR IGNORE INTO appearances VALUES (?, ?, ?, ?)", [article_id, url, publisher, now()]
        )

    def save_article(self, article: dict, page: dict | None = None,
                     duplicate_of: str | None = None) -> tuple[str, str]:
        """Store an extracted article idempotently; returns (outcome, article_id).

        Outcomes: 'stored' (new), 'unchanged' (same text as before), 'revised' (text changed: the
        old text is kept in article_revisions and the article is queued for tagging again), and
        'duplicate' (the same or nearly the same text is already stored under another URL: it
        becomes one more appearance of that article, never a second article).
        """
        url = article["url"]
        canonical = ids.canonical_url(article.get("canonical_url") or url)
        aid = ids.sha1(canonical)
        text = article["text"]
        thash = ids.text_hash(text)
        page = page or {}
        with self.transaction():
            row = self.con.execute(
                "SELECT text_hash, revision FROM articles WHERE article_id = ?", [aid]
            ).fetchone()
            if row is None:
                other = duplicate_of or self.find_article_by_text(thash)
                if other:
                    self.add_appearance(other, url, article.get("publisher"))
                    self.save_page(url, page, other)
                    return "duplicate", other
                self.con.execute(
                    "INSERT INTO articles (article_id, url, canonical_url, "
                    + ", ".join(ARTICLE_FIELDS)
                    + ", text, text_hash, revision, fetched_at) VALUES (?, ?, ?, "
                    + ", ".join("?" * len(ARTICLE_FIELDS))
                    + ", ?, ?, 1, ?)",
                    [aid, url, canonical, *self._article_values(article), text, thash, now()],
                )
                outcome = "stored"
            elif row[0] == thash:
                outcome = "unchanged"
            else:
                self.con.execute(
                    "INSERT OR IGNORE INTO article_revisions SELECT article_id, revision, title, text,"
                    " text_hash, warc_file, warc_record_id, fetched_at FROM articles WHERE article_id = ?",
                    [aid],
                )
                self.con.execute(
                    "UPDATE articles SET "
                    + ", ".join(f"{f} = ?" for f in ARTICLE_FIELDS)
                    + ", text = ?, text_hash = ?, revision = revision + 1, fetched_at = ?,"
                    " tagged_at = NULL, tag_status = NULL WHERE article_id = ?",
                    [*self._article_values(article), text, thash, now(), aid],
                )
                outcome = "revised"
            self.add_appearance(aid, url, article.get("publisher"))
            self.save_page(url, page, aid)
        return outcome, aid

    @staticmethod
    def _article_values(article: dict) -> list:
        values = []
        for field in ARTICLE_FIELDS:
            value = article.get(field)
            if field == "source_type":
                value = value or "unknown"
            if field == "is_demo":
                value = bool(value)
            if field in ("published", "modified"):
                value = _as_date(value)
            values.append(value)
        return values

    # -- crawl state: resumable frontier and near-duplicate fingerprints -------------------

    def start_crawl(self, crawl_id: str, start_urls: list[str]) -> list[dict]:
        """Begin (or resume) a crawl; returns the queued frontier rows of an unfinished earlier run."""
        row = self.con.execute("SELECT status FROM crawls WHERE crawl_id = ?", [crawl_id]).fetchone()
        with self.transaction():
            if row is not None and row[0] == "running":
                return rows(self.con, "SELECT request_url AS url, depth, kind FROM crawl_frontier"
                            " WHERE crawl_id = ? AND state = 'queued' ORDER BY depth", [crawl_id])
            self.con.execute("DELETE FROM crawl_frontier WHERE crawl_id = ?", [crawl_id])
            self.con.execute(
                "INSERT OR REPLACE INTO crawls VALUES (?, ?, 'running', ?, NULL)",
                [crawl_id, _json(start_urls), now()],
            )
        return []

    def finish_crawl(self, crawl_id: str) -> None:
        """Mark a crawl finished, so the next one with the same start URLs starts afresh."""
        self.con.execute(
            "UPDATE crawls SET status = 'finished', finished_at = ? WHERE crawl_id = ?", [now(), crawl_id]
        )

    def frontier_urls(self, crawl_id: str) -> list[str]:
        """Canonical URLs this crawl has already scheduled (queued or done)."""
        found = self.con.execute("SELECT url FROM crawl_frontier WHERE crawl_id = ?", [crawl_id])
        return [r[0] for r in found.fetchall()]

    def frontier_add(self, crawl_id: str, entries: Iterable[tuple[str, int, str]]) -> None:
        """Queue (url, depth, kind) entries; URLs already in the frontier are left as they are."""
        batch = [[crawl_id, ids.canonical_url(u), u, d, k, "queued"] for u, d, k in entries]
        if batch:
            self.con.executemany("INSERT OR IGNORE INTO crawl_frontier VALUES (?, ?, ?, ?, ?, ?)", batch)

    def frontier_done(self, crawl_id: str, url: str) -> None:
        """Mark one scheduled URL as handled (stored, skipped or failed alike)."""
        self.con.execute(
            "UPDATE crawl_frontier SET state = 'done' WHERE crawl_id = ? AND url = ?",
            [crawl_id, ids.canonical_url(url)],
        )

    def save_fingerprint(self, article_id: str, simhash: int) -> None:
        """Keep an article's 64-bit simhash and its four 16-bit bands for near-duplicate lookups."""
        bands = [(simhash >> (16 * i)) & 0xFFFF for i in range(4)]
        self.con.execute(
            "INSERT OR REPLACE INTO article_fingerprints VALUES (?, ?, ?, ?, ?, ?)", [article_id, simhash, *bands]
        )

    def fingerprint_candidates(self, simhash: int, exclude: str | None = None) -> list[tuple[str, int]]:
        """(article_id, simhash) of stored articles sharing a 16-bit band with this simhash."""
        bands = [(simhash >> (16 * i)) & 0xFFFF for i in range(4)]
        found = self.con.execute(
            "SELECT article_id, simhash FROM article_fingerprints WHERE (band0 = ? OR band1 = ? OR band2 = ?"
            " OR band3 = ?) AND article_id IS DISTINCT FROM ?",
            [*bands, exclude],
        )
        return [(r[0], int(r[1])) for r in found.fetchall()]

    # -- tagging --------------------------------------------------------------------------

    def articles_for_tagging(self, all_articles: bool = False) -> list[dict]:
        """Articles with no claims pass yet (or all of them), oldest first."""
        where = "" if all_articles else "WHERE tagged_at IS NULL"
        return rows(
            self.con,
            f"SELECT article_id, url, title, publisher, source_type, language, text FROM articles {where}"
            " ORDER BY fetched_at, article_id",
        )

    def save_claims(self, article_id: str, claims: Iterable[dict], mentions: Iterable[dict] = (),
                    status: str = "tagged") -> int:
        """Replace an article's claims, mentions and verdicts with a new tagging result."""
        stamp = now()
        claims = list(claims)
        with self.transaction():
            for table in ("verdicts",):
                self.con.execute(
                    f"DELETE FROM {table} WHERE claim_id IN (SELECT claim_id FROM claims WHERE article_id = ?)",
                    [article_id],
                )
            self.con.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
            self.con.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
            claim_rows = []
            for claim in claims:
                row = dict(claim)
                row["article_id"] = article_id
                row.setdefault("claim_id", ids.claim_id(article_id, row["span_start"], row["span_end"]))
                row["tagged_at"] = stamp
                row["doses"] = _json(row.get("doses") or [])
                row["cues"] = _json(row.get("cues") or {})
                for list_field in ("substances", "conditions", "routes", "jurisdictions"):
                    row[list_field] = list(row.get(list_field) or [])
                row.setdefault("claimant_role", "unknown")
                row.setdefault("claim_type", "other")
                row.setdefault("stance", "neutral")
                row["hedged"] = bool(row.get("hedged"))
                row["negated"] = bool(row.get("negated"))
                claim_rows.append({f: row.get(f) for f in CLAIM_FIELDS})
            self._bulk_insert("claims", CLAIM_FIELDS, claim_rows, _claim_arrow_types(), replace=True)
            mention_rows = [
                {"claim_id": m["claim_id"], "article_id": article_id, "kind": m["kind"], "text": m["text"],
                 "value": m.get("value"), "span_start": m["span_start"], "span_end": m["span_end"]}
                for m in mentions
            ]
            self._bulk_insert("mentions", MENTION_FIELDS, mention_rows, _mention_arrow_types())
            self.con.execute(
                "UPDATE articles SET tagged_at = ?, tag_status = ? WHERE article_id = ?",
                [stamp, status, article_id],
            )
        return len(claims)

    def _bulk_insert(self, table: str, fields: tuple, records: list[dict], types: dict, replace: bool = False) -> None:
        """Insert many rows in one statement through Arrow (row-by-row inserts cost about 1 ms each)."""
        if not records:
            return
        import pyarrow as pa

        schema = pa.schema([(f, types.get(f, pa.string())) for f in fields])
        self.con.register("_bulk_rows", pa.Table.from_pylist(records, schema=schema))
        try:
            columns = ", ".join(fields)
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            self.con.execute(f"{verb} INTO {table} ({columns}) SELECT {columns} FROM _bulk_rows")
        finally:
            self.con.unregister("_bulk_rows")

    def mark_skipped(self, article_id: str, reason: str) -> None:
        """Note that the NLP pass skipped an article, and why (non-English, empty, ...)."""
        self.save_claims(article_id, [], [], status=f"skipped: {reason}")

    # -- facts and verdicts ---------------------------------------------------------------

    def save_facts(self, facts: Iterable[dict]) -> int:
        """Upsert regulatory facts by fact_id; the whole fact is kept as JSON beside its columns."""
        rows = []
        for fact in facts:
            values = []
            for col in FACT_COLUMNS:
                value = fact.get(col)
                if col in ("date", "verified"):
                    value = _as_date(value)
                elif isinstance(value, (list, dict)):
                    value = _json(value)
                values.append(value)
            rows.append([*values, _json(fact)])
        if not rows:
            return 0
        with self.transaction():
            self.con.executemany(
                "INSERT OR REPLACE INTO facts (" + ", ".join(FACT_COLUMNS) + ", data) VALUES ("
                + ", ".join("?" * (len(FACT_COLUMNS) + 1)) + ")",
                rows,
            )
        return len(rows)

    def claims_for_checking(self) -> list[dict]:
        """Every claim with the article fields the checker reads (publisher, source type, date)."""
        out = rows(
            self.con,
            "SELECT c.*, a.url AS article_url, a.publisher, a.source_type, a.published, a.title AS article_title"
            " FROM claims c JOIN articles a USING (article_id) ORDER BY c.claim_id",
        )
        for item in out:
            for key in ("doses", "cues"):
                if isinstance(item.get(key), str):
                    item[key] = json.loads(item[key])
        return out

    def load_facts(self) -> list[dict]:
        """Every fact in the store, as the dicts that were saved."""
        return [json.loads(r[0]) for r in self.con.execute("SELECT data FROM facts ORDER BY fact_id").fetchall()]

    def remove_facts(self, fact_ids: Iterable[str]) -> int:
        """Delete facts by id (a curated fact withdrawn from the fact files); returns how many were removed."""
        ids = list(fact_ids)
        if not ids:
            return 0
        with self.transaction():
            self.con.executemany("DELETE FROM facts WHERE fact_id = ?", [[i] for i in ids])
        return len(ids)

    def save_verdicts(self, verdicts_by_claim: dict[str, list[dict]]) -> int:
        """Replace the verdicts of the given claims (fact_id '' marks not_covered)."""
        stamp = now()
        rows = []
        for claim, verdicts in verdicts_by_claim.items():
            for v in verdicts:
                rows.append([claim, v.get("fact_id") or "", v.get("substance"), v.get("jurisdiction"),
                             v["verdict"], v["rationale"], v.get("source_url"), stamp])
        with self.transaction():
            # One set-based DELETE and one bulk INSERT: per-row statements took seconds per thousand claims.
            self.con.execute("DELETE FROM verdicts WHERE claim_id IN (SELECT unnest(?::VARCHAR[]))",
                             [list(verdicts_by_claim)])
            if rows:
                import pyarrow

                columns = list(zip(*rows))
                batch = pyarrow.table({f"c{i}": list(col) for i, col in enumerate(columns)})
                self.con.register("_verdict_batch", batch)
                try:
                    self.con.execute("INSERT OR REPLACE INTO verdicts SELECT * FROM _verdict_batch")
                finally:
                    self.con.unregister("_verdict_batch")
        return len(rows)

    # -- distributed crawling: the ingester's record of items written --------------------

    def ingested(self, item_hashes: list[str]) -> set[str]:
        """Which of these items the ingester already wrote (redeliveries after a crash)."""
        found = self.con.execute(
            "SELECT item_hash FROM ingested_items WHERE item_hash IN (SELECT unnest(?::VARCHAR[]))", [item_hashes]
        )
        return {row[0] for row in found.fetchall()}

    def mark_ingested(self, items: dict[str, str | None]) -> None:
        """Remember items from Redis as written ({item hash: worker}), in one statement."""
        if items:
            self.con.execute(
                "INSERT OR IGNORE INTO ingested_items SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), ?",
                [list(items), list(items.values()), now()],
            )

    # -- bookkeeping ----------------------------------------------------------------------

    def record_run(self, stage: str, started_at: datetime, summary: dict) -> None:
        """Note that a stage ran, when, and what it did (the dashboard shows the last update)."""
        self.con.execute("INSERT INTO runs VALUES (?, ?, ?, ?)", [stage, started_at, now(), _json(summary)])

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        tables = ("pages", "articles", "appearances", "claims", "mentions", "facts", "verdicts", "crawl_log")
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _claim_arrow_types() -> dict:
    """Arrow types of the claim columns that are not plain text."""
    import pyarrow as pa

    texts = pa.list_(pa.string())
    return {"span_start": pa.int32(), "span_end": pa.int32(), "sentence_index": pa.int32(),
            "substances": texts, "conditions": texts, "routes": texts, "jurisdictions": texts,
            "hedged": pa.bool_(), "negated": pa.bool_(), "tagged_at": pa.timestamp("us")}


def _mention_arrow_types() -> dict:
    """Arrow types of the mention columns that are not plain text."""
    import pyarrow as pa

    return {"span_start": pa.int32(), "span_end": pa.int32()}


def _as_date(value: Any) -> date | None:
    """A date from a date, datetime or ISO string (only its YYYY-MM-DD part); None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
