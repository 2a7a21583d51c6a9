"""The crawl's write path: decides each page's outcome at once, writes in batches with bulk statements.

DuckDB is built for columns, not rows: one autocommitted INSERT costs about 10 ms and an
executemany row as much, so saving a page row by row (article, appearance, page, log, frontier)
cost ~100 ms a page, ten times the fetch itself. Here each outcome is decided in memory, with the
same rules as `Store.save_article` (stored / unchanged / revised / duplicate), and the rows are
written every BATCH_ITEMS items (or when the crawl asks) in one transaction of bulk statements.

A batch is all-or-nothing: the frontier 'done' marks go in the same transaction as the articles,
so a crawl killed before a flush fetches those pages again on resume, and stores each once.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from store import Store, ids
from store.writes import ARTICLE_FIELDS, PAGE_FIELDS, now

# Buffered changes (about three a page) per write. Each bulk write has a fixed cost of ~50 ms on
# Scrapy's thread whatever its size: 200 made it a fifth of a fast crawl's time. A slow crawl still
# writes every 2 s (pipelines.FLUSH_SECONDS); a kill loses at most that much, fetched again on resume.
BATCH_ITEMS = 1000
TEXT_FIELDS = {"title", "author", "publisher", "language", "source_type", "description", "warc_file",
               "warc_record_id"}
ARTICLE_COLUMNS = ("article_id", "url", "canonical_url", *ARTICLE_FIELDS, "text", "text_hash", "revision",
                   "fetched_at")
# What a re-crawl needs of a page's last fetch: validators, hash, article, and where its copy is archived.
PAGE_STATE = ("etag", "last_modified", "content_hash", "article_id", "warc_file", "warc_record_id", "warc_offset")
PAGE_COLUMNS = ("page_id", "url", "canonical_url", *PAGE_FIELDS, "article_id", "fetched_at")
# A crawled URL is looked up and written several times (frontier, page state, page row, log):
# its canonical form and page id are computed once.
_canonical_url = lru_cache(maxsize=1 << 16)(ids.canonical_url)
_page_id = lru_cache(maxsize=1 << 16)(ids.page_id)


class BatchWriter:
    """Wraps the crawl's one Store: in-memory state for lookups, buffered rows for writes."""

    def __init__(self, store: Store, crawl_id: str, batch_items: int = BATCH_ITEMS):
        self.store = store
        self.crawl_id = crawl_id
        self.batch_items = batch_items
        con = store.con
        # What the store already holds, loaded once: every lookup during the crawl is a dict read.
        self.pages = {
            r[0]: dict(zip(PAGE_STATE, r[1:]))
            for r in con.execute("SELECT page_id, " + ", ".join(PAGE_STATE) + " FROM pages").fetchall()
        }
        self.articles = {
            r[0]: (r[1], r[2]) for r in con.execute("SELECT article_id, text_hash, revision FROM articles").fetchall()
        }
        self.by_text: dict[str, str] = {}
        for aid, thash in con.execute("SELECT article_id, text_hash FROM articles ORDER BY fetched_at").fetchall():
            self.by_text.setdefault(thash, aid)
        self.before_commit: list = []  # callables run before each batch is written (the WARC buffer)
        self.bands: list[dict[int, list[tuple[str, int]]]] = [{}, {}, {}, {}]
        for aid, value in con.execute("SELECT article_id, simhash FROM article_fingerprints").fetchall():
            self._index_fingerprint(aid, int(value))
        self._reset()

    def _reset(self) -> None:
        """Empty the buffers (after a flush)."""
        self.new_articles: dict[str, list] = {}
        self.revised_articles: dict[str, list] = {}
        self.appearances: dict[tuple[str, str], list] = {}
        self.page_rows: dict[str, list] = {}
        self.fingerprints: dict[str, int] = {}
        self.log_rows: list[list] = []
        self.frontier_new: list[list] = []
        self.frontier_finished: list[str] = []
        self.pending = 0

    # -- reads ----------------------------------------------------------------------------

    def page_state(self, url: str) -> dict | None:
        """The page's validators and content hash from its last fetch (or None)."""
        return self.pages.get(_page_id(url))

    def fingerprint_candidates(self, simhash: int, exclude: str | None = None) -> list[tuple[str, int]]:
        """(article_id, simhash) pairs sharing a 16-bit band with this simhash."""
        found = {}
        for i, band in enumerate(self.bands):
            for aid, value in band.get((simhash >> (16 * i)) & 0xFFFF, ()):
                if aid != exclude:
                    found[aid] = value
        return list(found.items())

    # -- crawl bookkeeping (passed through: rare) -----------------------------------------

    def start_crawl(self, crawl_id: str, start_urls: list[str]) -> list[dict]:
        """See Store.start_crawl."""
        return self.store.start_crawl(crawl_id, start_urls)

    def finish_crawl(self, crawl_id: str) -> None:
        """Flush, then mark the crawl finished."""
        self.flush()
        self.store.finish_crawl(crawl_id)

    def frontier_urls(self, crawl_id: str) -> list[str]:
        """See Store.frontier_urls."""
        return self.store.frontier_urls(crawl_id)

    # -- buffered writes ------------------------------------------------------------------

    def frontier_add(self, crawl_id: str, entries) -> None:
        """Queue newly scheduled (url, depth, kind) entries."""
        for url, depth, kind in entries:
            self.frontier_new.append([crawl_id, _canonical_url(url), url, depth, kind, "queued"])
        self._count()

    def frontier_done(self, crawl_id: str, url: str) -> None:
        """Mark a scheduled URL handled (in the same batch as what was stored for it)."""
        self.frontier_finished.append(_canonical_url(url))

    def log(self, url: str, outcome: str, reason: str | None = None, status: int | None = None,
            crawl_id: str | None = None) -> None:
        """Buffer one crawl_log row."""
        self.log_rows.append([url, outcome, reason, status, crawl_id or self.crawl_id, now()])
        self._count()

    def save_page(self, url: str, page: dict, article_id: str | None = None) -> None:
        """Buffer the page row for one fetched URL (and update the in-memory state)."""
        pid = _page_id(url)
        self.page_rows[pid] = [pid, url, _canonical_url(url), *(page.get(f) for f in PAGE_FIELDS),
                               article_id, now()]
        self.pages[pid] = {**{k: page.get(k) for k in PAGE_STATE}, "article_id": article_id}

    def save_fingerprint(self, article_id: str, simhash: int) -> None:
        """Buffer an article's simhash and index it for the rest of the crawl."""
        self.fingerprints[article_id] = simhash
        self._index_fingerprint(article_id, simhash)

    def save_article(self, article: dict, page: dict | None = None,
                     duplicate_of: str | None = None) -> tuple[str, str]:
        """Decide the outcome as Store.save_article does, buffer the rows; returns (outcome, article_id)."""
        url = article["url"]
        aid = ids.sha1(_canonical_url(article.get("canonical_url") or url))
        thash = ids.text_hash(article["text"])
        if aid in self.new_articles or aid in self.revised_articles:
            self.flush()  # the bulk statements assume one change per article per batch
        page = page or {}
        known = self.articles.get(aid)
        if known is None:
            other = duplicate_of or self.by_text.get(thash)
            if other:
                self._appearance(other, url, article.get("publisher"))
                self.save_page(url, page, other)
                self._count()
                return "duplicate", other
            self.new_articles[aid] = self._article_row(aid, article, thash, 1)
            self.articles[aid] = (thash, 1)
            self.by_text.setdefault(thash, aid)
            outcome = "stored"
        elif known[0] == thash:
            outcome = "unchanged"
        else:
            revision = known[1] + 1
            self.revised_articles[aid] = self._article_row(aid, article, thash, revision)
            self.articles[aid] = (thash, revision)
            self.by_text.setdefault(thash, aid)
            outcome = "revised"
        self._appearance(aid, url, article.get("publisher"))
        self.save_page(url, page, aid)
        self._count()
        return outcome, aid

    def _article_row(self, aid: str, article: dict, thash: str, revision: int) -> list:
        """The articles-table row of an extracted article, in ARTICLE_COLUMNS order."""
        canonical = _canonical_url(article.get("canonical_url") or article["url"])
        values = [_as_text(v) if f in TEXT_FIELDS else v for f, v in zip(ARTICLE_FIELDS, Store._article_values(article))]
        return [aid, article["url"], canonical, *values, article["text"], thash, revision, now()]

    def _appearance(self, aid: str, url: str, publisher: str | None) -> None:
        """Buffer one (article, URL) appearance; the first seen is kept."""
        self.appearances.setdefault((aid, url), [aid, url, publisher, now()])

    def _index_fingerprint(self, aid: str, value: int) -> None:
        """Add a simhash to the four in-memory band indexes."""
        for i, band in enumerate(self.bands):
            band.setdefault((value >> (16 * i)) & 0xFFFF, []).append((aid, value))

    def _count(self) -> None:
        """Count one buffered change; flush when the batch is full."""
        self.pending += 1
        if self.pending >= self.batch_items:
            self.flush()

    # -- the bulk write -------------------------------------------------------------------

    def flush(self) -> None:
        """Write everything buffered in one transaction."""
        if not (self.pending or self.frontier_finished or self.page_rows):
            return
        for hook in self.before_commit:
            hook()
        con = self.store.con
        with self.store.transaction():
            self._insert("crawl_frontier", ("crawl_id", "url", "request_url", "depth", "kind", "state"),
                         _unique(self.frontier_new, key=lambda r: r[1]), "INSERT OR IGNORE")
            self._insert("articles", ARTICLE_COLUMNS, list(self.new_articles.values()))
            if self.revised_articles:
                revised = list(self.revised_articles)
                # Keep the text being replaced, as Store.save_article does.
                con.execute(
                    "INSERT OR IGNORE INTO article_revisions SELECT article_id, revision, title, text, text_hash,"
                    " warc_file, warc_record_id, fetched_at FROM articles WHERE article_id IN (SELECT unnest(?))",
                    [revised],
                )
                frame = _frame(ARTICLE_COLUMNS, list(self.revised_articles.values()))
                con.register("revised_batch", frame)
                try:
                    columns = [c for c in ARTICLE_COLUMNS if c not in ("article_id", "url", "canonical_url")]
                    con.execute(
                        "UPDATE articles SET " + ", ".join(f"{c} = r.{c}" for c in columns)
                        + ", tagged_at = NULL, tag_status = NULL FROM revised_batch r"
                        " WHERE articles.article_id = r.article_id"
                    )
                finally:
                    con.unregister("revised_batch")
            self._insert("appearances", ("article_id", "url", "publisher", "first_seen"),
                         list(self.appearances.values()), "INSERT OR IGNORE")
            self._insert("pages", PAGE_COLUMNS, list(self.page_rows.values()), "INSERT OR REPLACE")
            fingerprints = [[aid, value, *[(value >> (16 * i)) & 0xFFFF for i in range(4)]]
                            for aid, value in self.fingerprints.items()]
            self._insert("article_fingerprints", ("article_id", "simhash", "band0", "band1", "band2", "band3"),
                         fingerprints, "INSERT OR REPLACE")
            self._insert("crawl_log", ("url", "outcome", "reason", "status", "crawl_id", "logged_at"), self.log_rows)
            if self.frontier_finished:
                con.execute(
                    "UPDATE crawl_frontier SET state = 'done' WHERE crawl_id = ? AND url IN (SELECT unnest(?))",
                    [self.crawl_id, sorted(set(self.frontier_finished))],
                )
        self._reset()

    def _insert(self, table: str, columns: tuple, rows: list[list], verb: str = "INSERT") -> None:
        """One bulk INSERT of rows (a DataFrame scan: ~30x faster than executemany in DuckDB)."""
        if not rows:
            return
        name = f"{table}_batch"
        self.store.con.register(name, _frame(columns, rows))
        try:
            cols = ", ".join(columns)
            self.store.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM {name}")
        finally:
            self.store.con.unregister(name)

    def close(self) -> None:
        """Flush what is left and close the store (which publishes a snapshot)."""
        self.flush()
        self.store.close()

    def publish(self) -> None:
        """Flush, then refresh the dashboard's read snapshot."""
        self.flush()
        self.store.publish()


def _as_text(value):
    """A text column's value as text: one odd value (a list of authors) must not fail a whole batch."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _frame(columns: tuple, rows: list[list]) -> pd.DataFrame:
    """Rows as a DataFrame of Python objects, so DuckDB casts each value to its column's type."""
    return pd.DataFrame(rows, columns=list(columns), dtype=object)


def _unique(rows: list[list], key) -> list[list]:
    """Rows with the first of each key kept (a bulk INSERT OR IGNORE must not repeat a key)."""
    seen = set()
    out = []
    for row in rows:
        k = key(row)
        if k not in seen:
            seen.add(k)
            out.append(row)
    return out
