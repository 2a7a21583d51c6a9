"""Item pipelines, one concern each: check, skip unchanged, extract, filter, dedupe, store (see settings)."""

from __future__ import annotations

import time
from concurrent.futures.process import BrokenProcessPool
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import DropItem, NotConfigured

from crawler.components import CrawlerComponent
from crawler.duplicates import nearest, simhash
from crawler.extraction import extract_article
from crawler.extraction_worker import extract_batch, extract_with_fingerprint, ignore_stop_signals, warm_up
from crawler.items import CrawlEvent, FetchedPage
from crawler.keywords import KeywordFilter
from store import Store, ids
from store.batch_writer import BATCH_ITEMS, BatchWriter

# Fewer words than this is a home page, a section list or a stub, not an article worth checking.
MIN_ARTICLE_WORDS = 40
FLUSH_SECONDS = 2.0
COUNTERS = ("pages", "stored", "unchanged", "revised", "duplicates", "skipped", "errors")


def _store(crawler) -> BatchWriter:
    """The crawl's batched store writer, opened by the StoreArticles pipeline."""
    store = getattr(crawler, "store", None)
    if store is None:
        raise RuntimeError("the StoreArticles pipeline must be enabled: it owns the store connection")
    return store


class CheckResponse:
    """Drops what is not an HTML page with a body: PDFs, images, JSON, empty responses."""

    def process_item(self, item):
        """Pass HTML pages and events; drop the rest with the reason."""
        if not isinstance(item, FetchedPage) or item.outcome:
            return item
        if item.kind != "html":
            raise DropItem(f"not HTML ({item.content_type.split(';')[0].strip() or 'unknown content type'})")
        if not item.body.strip():
            raise DropItem("empty body")
        return item


class SkipUnchanged(CrawlerComponent):
    """Marks a page whose bytes are exactly those stored last time as unchanged (no extraction needed)."""

    def process_item(self, item):
        """Compare the body's hash with the page's last stored hash."""
        if isinstance(item, FetchedPage) and not item.outcome:
            state = _store(self.crawler).page_state(item.final_url)
            if state and state.get("article_id") and state.get("content_hash") == item.content_hash:
                item.outcome = "unchanged"
        return item


class ExtractArticle:
    """Runs article extraction (crawler.extraction) on each new or changed page.

    Extraction is the costliest step of a page, and Scrapy runs in one thread: with
    HEALTHCLAIMS_EXTRACT_PROCESSES > 0 it runs in that many worker processes, so fetching and
    extracting use different cores. 0 runs it inline.

    Pages go to the workers in batches: each hand-off costs Scrapy's thread a pipe write and the
    pool's feeder thread a pickle and a wake-up (competing for the GIL), so pages arriving while
    the workers are busy wait and go together. At most two batches per worker are out at once
    (one running, one queued), so a worker never idles while pages wait.
    """

    def __init__(self, processes: int = 0):
        self.processes = processes
        self.pool = None
        self.waiting: list[tuple[bytes, str, object]] = []  # (body, url, asyncio future) not yet sent
        self.in_flight = 0

    @classmethod
    def from_crawler(cls, crawler):
        """Reads how many extraction processes to use."""
        return cls(crawler.settings.getint("HEALTHCLAIMS_EXTRACT_PROCESSES", 0))

    def open_spider(self, spider=None):
        """Start the worker processes (spawned: forking a process running a reactor is unsafe)."""
        if self.processes > 0:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=ignore_stop_signals)
            for _ in range(self.processes):  # start the workers now, not when the first page is waiting
                self.pool.submit(warm_up)

    def close_spider(self, spider=None):
        """Stop the worker processes."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def process_item(self, item):
        """Fill item.article; drop pages with no article text."""
        if not isinstance(item, FetchedPage) or item.outcome:
            return item
        try:
            if self.pool is not None:
                try:
                    article, item.simhash = await self.extract_in_worker(item.body, item.final_url)
                except BrokenProcessPool:
                    # A worker died (a signal to the whole process group while it started): the page
                    # is fine, so extract it here rather than drop it as failed and lose it.
                    article, item.simhash = extract_with_fingerprint(item.body, item.final_url)
            else:
                article = extract_article(item.body, item.final_url)
        except ExtractionError as exc:
            raise DropItem(f"extraction failed: {exc}") from exc
        except Exception as exc:  # a parser crash on one malformed page must not stop the crawl
            raise DropItem(f"extraction failed: {type(exc).__name__}: {exc}") from exc
        if article.get("error"):
            reason = article["error"]
            raise DropItem(reason if reason.startswith("extraction failed") else f"extraction failed: {reason}")
        if article.get("skipped"):
            raise DropItem(article["skipped"])
        words = len((article.get("text") or "").split())
        if not words:
            raise DropItem("no article text found")
        if words < MIN_ARTICLE_WORDS:
            raise DropItem(f"too little text for an article ({words} words)")
        item.article = article
        return item

    def extract_in_worker(self, body: bytes, url: str):
        """An asyncio future of (article, simhash), computed by a worker in the next batch sent."""
        import asyncio

        future = asyncio.get_running_loop().create_future()
        self.waiting.append((body, url, future))
        self._send()
        return future

    def _send(self) -> None:
        """Hand the waiting pages to the pool as one batch, unless every worker has two batches."""
        if not self.waiting or self.pool is None or self.in_flight >= 2 * self.processes:
            return
        import asyncio

        batch, self.waiting = self.waiting, []
        try:
            submitted = self.pool.submit(extract_batch, [(body, url) for body, url, _ in batch])
        except Exception as exc:  # a broken pool: fail these pages now rather than leave them waiting forever
            for _, _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        self.in_flight += 1
        done = asyncio.wrap_future(submitted)
        done.add_done_callback(lambda d: self._settle([f for _, _, f in batch], d))

    def _settle(self, futures: list, done) -> None:
        """Pass a batch's results (or the pool's failure) to the waiting pages; send what waits next."""
        self.in_flight -= 1
        failure = done.exception() if not done.cancelled() else RuntimeError("extraction cancelled")
        results = [] if failure else done.result()
        for i, future in enumerate(futures):
            if future.done():  # the item was cancelled (crawl stopping)
                continue
            if failure:
                future.set_exception(failure)
            elif results[i][0] == "error":
                future.set_exception(ExtractionError(results[i][1]))
            else:
                future.set_result(results[i][1])
        self._send()


class ExtractionError(Exception):
    """A worker's extraction of one page raised; the message is '<exception type>: <message>'."""


class FilterKeywords:
    """Keeps only articles mentioning a keyword (health terms by default); off with --no-keywords."""

    def __init__(self, keyword_filter: KeywordFilter):
        self.filter = keyword_filter

    @classmethod
    def from_crawler(cls, crawler):
        """Reads the keyword options; NotConfigured when every article is kept."""
        s = crawler.settings
        keyword_filter = KeywordFilter.from_options(
            s.get("HEALTHCLAIMS_KEYWORDS"), s.get("HEALTHCLAIMS_KEYWORD_FILE"), s.getbool("HEALTHCLAIMS_NO_KEYWORDS")
        )
        if keyword_filter is None:
            raise NotConfigured("--no-keywords: every article is kept")
        return cls(keyword_filter)

    def process_item(self, item):
        """Drop an article whose title and text mention no keyword."""
        if not isinstance(item, FetchedPage) or item.article is None:
            return item
        found = self.filter.match(f"{item.article.get('title') or ''}\n{item.article.get('text') or ''}")
        if not found:
            raise DropItem("no keyword match")
        item.keyword = found
        return item


class FindDuplicates(CrawlerComponent):
    """Finds a stored article this one is a near-copy of (syndication), by simhash of word shingles."""

    def process_item(self, item):
        """Set item.simhash, and item.duplicate_of when a close enough article is already stored."""
        if not isinstance(item, FetchedPage) or item.article is None:
            return item
        if item.simhash is None:  # not yet computed by an extraction worker
            item.simhash = simhash(item.article["text"])
        if item.simhash is not None:
            own = ids.article_id(article_url(item))
            candidates = _store(self.crawler).fingerprint_candidates(item.simhash, exclude=own)
            item.duplicate_of = nearest(item.simhash, candidates)
        return item


def article_url(item: FetchedPage) -> str:
    """The URL an article is filed under: its canonical link when on the same site, else the page URL.

    A canonical link to another site is a syndication credit; trusting it would file the copy as a
    revision of the original, so such copies are kept apart and matched as duplicates instead.
    """
    canonical = (item.article or {}).get("canonical_url")
    if canonical and urlsplit(canonical).hostname == urlsplit(item.final_url).hostname:
        return canonical
    return item.final_url


class StoreArticles:
    """Owns the crawl's one store connection: saves articles and pages, logs every outcome, publishes."""

    def __init__(self, crawler):
        self.crawler = crawler
        s = crawler.settings
        self.db_path = s.get("HEALTHCLAIMS_DB")
        self.crawl_id = s.get("HEALTHCLAIMS_CRAWL_ID")
        self.demo = s.getbool("HEALTHCLAIMS_DEMO")
        # 0 = never mid-crawl (a host that writes in its own transactions publishes between them).
        self.publish_seconds = s.getfloat("HEALTHCLAIMS_PUBLISH_SECONDS", 0.0)
        self.store: BatchWriter | None = None
        self.last_publish = time.monotonic()
        self.flusher = None
        self.ran_dry = False

    @classmethod
    def from_crawler(cls, crawler):
        """Built by Scrapy; listens for dropped items so every skip is logged with its reason."""
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.spider_idle, signal=signals.spider_idle)
        return pipeline

    def spider_idle(self, spider=None):
        """Note that the frontier ran dry: the crawl is complete, not cut short by Ctrl-C."""
        self.ran_dry = True

    def open_spider(self, spider=None):
        """Open the store (the one writer of this process) and share it with the other components."""
        from twisted.internet import task

        self.store = BatchWriter(Store(self.db_path), self.crawl_id,
                                 self.crawler.settings.getint("HEALTHCLAIMS_BATCH_ITEMS", BATCH_ITEMS))
        self.crawler.store = self.store
        for name in COUNTERS:
            self.crawler.stats.set_value(f"healthclaims/{name}", 0)
        # A slow, polite crawl still lands in the store (and survives a kill) every few seconds.
        self.flusher = task.LoopingCall(self.store.flush)
        self.flusher.start(FLUSH_SECONDS, now=False)

    def close_spider(self, spider=None):
        """Mark the crawl finished unless it was cut short, then close (which publishes a snapshot)."""
        if self.store is None:
            return
        if self.flusher is not None and self.flusher.running:
            self.flusher.stop()
        # Scrapy sets finish_reason only after pipelines close; idleness tells a finished crawl apart.
        if self.ran_dry:
            self.store.finish_crawl(self.crawl_id)
        self.crawler.store = None
        self.store.close()
        self.store = None

    def count(self, name: str) -> None:
        """Add one to a summary counter (read by the progress display and the final summary)."""
        self.crawler.stats.inc_value(f"healthclaims/{name}")

    def process_item(self, item):
        """Save a page's article (or note it unchanged), or log an event; always mark the URL done."""
        if isinstance(item, CrawlEvent):
            self.finish(item.url, item.outcome, item.reason, item.status)
            return item
        if not isinstance(item, FetchedPage):
            return item
        self.count("pages")
        page = self.page_row(item)
        if item.outcome == "unchanged":
            state = self.store.page_state(item.final_url) or {}
            if item.status == 304:  # keep the validators, hash and archived copy of the page we hold
                kept = ("etag", "last_modified", "content_hash", "warc_file", "warc_record_id", "warc_offset")
                page.update({k: state[k] for k in kept if k in state})
            self.store.save_page(item.final_url, page, state.get("article_id"))
            self.finish(item.url, "unchanged", "not modified (304)" if item.status == 304 else "same content",
                        item.status)
            return item
        article = dict(item.article)
        article.update(
            url=ids.canonical_url(item.final_url),  # without tracking parameters or fragment
            canonical_url=article_url(item),
            warc_file=item.warc_file,
            warc_record_id=item.warc_record_id,
            is_demo=self.demo,
        )
        prior = self.store.page_state(item.final_url)
        outcome, article_id = self.store.save_article(article, page, duplicate_of=item.duplicate_of)
        if outcome == "unchanged" and (prior is None or prior.get("article_id") != article_id):
            # A new URL whose canonical link names an article already stored: a copy, not a re-visit.
            outcome = "duplicate"
        if item.simhash is not None and outcome in ("stored", "revised"):
            self.store.save_fingerprint(article_id, item.simhash)
        reason = {
            "stored": f"new article (keyword: {item.keyword})" if item.keyword else "new article",
            "unchanged": "same text",
            "revised": "text changed: new revision",
            "duplicate": f"copy of article {article_id}",
        }[outcome]
        self.finish(item.url, outcome, reason, item.status)
        return item

    def item_dropped(self, item, response, exception, spider=None):
        """Log a page a pipeline dropped (not HTML, empty, no text, no keyword) with the reason."""
        if self.store is None or not isinstance(item, FetchedPage):
            return
        self.count("pages")
        if item.kind == "html":
            self.store.save_page(item.final_url, self.page_row(item), None)
        self.finish(item.url, "skipped", str(exception), item.status)

    def finish(self, url: str, outcome: str, reason: str, status: int | None) -> None:
        """Log the outcome, mark the frontier entry done, count it, and publish now and then."""
        self.store.log(url, outcome, reason, status, self.crawl_id)
        self.store.frontier_done(self.crawl_id, url)
        counter = {"duplicate": "duplicates", "error": "errors", "listed": None}.get(outcome, outcome)
        if counter:
            self.count(counter)
        # A snapshot copies the whole file: by the clock, not per page, so big stores stay cheap.
        if self.publish_seconds and time.monotonic() - self.last_publish >= self.publish_seconds:
            self.last_publish = time.monotonic()
            self.store.publish()

    @staticmethod
    def page_row(item: FetchedPage) -> dict:
        """The pages-table fields of a fetched page."""
        return {
            "final_url": item.final_url,
            "status": item.status,
            "content_type": item.content_type,
            "etag": item.etag,
            "last_modified": item.last_modified,
            "content_hash": item.content_hash,
            "warc_file": item.warc_file,
            "warc_record_id": item.warc_record_id,
            "warc_offset": item.warc_offset,
        }


def summary_from_stats(stats: dict) -> dict:
    """The crawl summary a person reads: pages fetched, articles stored, unchanged, ... from Scrapy stats."""
    return {name: int(stats.get(f"healthclaims/{name}", 0) or 0) for name in COUNTERS}

