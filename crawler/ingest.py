"""The one writer of a distributed crawl: takes items from Redis and stores them through the crawler's pipelines.

DuckDB allows one writing process, so crawler workers never open the store: they push each page
(extracted article, validators, WARC pointer) or crawl event to a Redis list, and this ingester
writes them with the same store-side pipelines a single-process crawl uses (skip unchanged, find
near-duplicates, save and log). Items are taken with LMOVE into a processing list and removed
from it only after the store has committed them, so a killed ingester loses nothing: the next one
puts the leftovers back first. A leftover that had in fact been committed is recognised by its
hash (table `ingested_items`) and not written twice.

Redis going away: every command retries for `redis_timeout` seconds (crawler/distributed_keys.py),
then the ingester stops with a one-line `RedisLost` error. What it had committed stays in the store;
what it had taken but not committed stays in the processing list, for the next ingester to put back.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import fields

from scrapy.exceptions import DropItem
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from crawler.distributed_frontier import crawl_finished, frontier_status
from crawler.distributed_items import IngesterLock, ItemQueue, decode_item
from crawler.distributed_keys import DEFAULT_PREFIX, OutageRetry, RedisKeys, connect
from crawler.distributed_keys import redis_timeout as timeout_setting
from crawler.items import CrawlEvent, FetchedPage
from crawler.pipelines import FindDuplicates, SkipUnchanged, StoreArticles, summary_from_stats
from store import Store
from store.batch_writer import BatchWriter
from store.writes import now

BATCH_SIZE = 200
PUBLISH_SECONDS = 30.0  # how often the dashboard's snapshot is refreshed during a long ingest


class PipelineHost:
    """What the crawler's store-side pipelines read from a Scrapy crawler: settings, stats, the store."""

    def __init__(self, db_path: str, crawl_id: str, demo: bool = False):
        self.settings = Settings({
            "HEALTHCLAIMS_DB": db_path,
            "HEALTHCLAIMS_CRAWL_ID": crawl_id,
            "HEALTHCLAIMS_DEMO": demo,
            # The ingester publishes between batches itself: never inside a batch's transaction.
            "HEALTHCLAIMS_PUBLISH_SECONDS": 0,
            "STATS_DUMP": False,
        })
        self.stats = MemoryStatsCollector(self)
        self.store: BatchWriter | None = None


class StoreWriter:
    """Writes decoded items: the pipelines a single-process crawl runs after extraction, in order.

    The pipelines write through the crawler's BatchWriter (outcomes decided in memory, rows
    written in bulk); `flush` writes what is buffered, inside the caller's transaction.
    """

    def __init__(self, store: Store, crawl_id: str):
        self.store = store
        self.crawl_id = crawl_id
        self.host = PipelineHost(str(store.path), crawl_id)
        self.skip_unchanged = SkipUnchanged(self.host)
        self.find_duplicates = FindDuplicates(self.host)
        self.store_articles = StoreArticles(self.host)
        self.reload()

    def reload(self) -> None:
        """Start from what the store holds (after a rolled-back batch the in-memory state is stale)."""
        batch = BatchWriter(self.store, self.crawl_id, batch_items=10**9)
        self.host.store = batch
        self.store_articles.store = batch
        self.store_articles.crawl_id = self.crawl_id

    def flush(self) -> None:
        """Write every buffered row (joins the caller's transaction)."""
        self.host.store.flush()

    def write(self, envelope: dict) -> None:
        """Store a page, a dropped page (logged as skipped, with the reason) or a crawl event."""
        kind, data = envelope["kind"], envelope["item"]
        if kind == "CrawlEvent":
            self.store_articles.process_item(CrawlEvent(**_known(CrawlEvent, data)))
            return
        if kind not in ("FetchedPage", "DroppedPage"):
            raise ValueError(f"unknown item kind {kind!r}")
        # The body stays with the worker (it is in the WARC file); the store-side steps need only hashes.
        page = FetchedPage(body=b"", **_known(FetchedPage, data))
        if kind == "DroppedPage":
            self.store_articles.item_dropped(page, None, DropItem(envelope.get("reason") or "dropped"))
            return
        item = self.skip_unchanged.process_item(page)
        item = self.find_duplicates.process_item(item)
        self.store_articles.process_item(item)

    def summary(self) -> dict:
        """Pages, stored, unchanged, revised, duplicates, skipped, errors written so far."""
        return summary_from_stats(self.host.stats.get_stats())


def _known(cls, data: dict) -> dict:
    """The fields of data the dataclass has (a newer worker may send more)."""
    names = {f.name for f in fields(cls)} - {"body"}
    return {k: v for k, v in data.items() if k in names}


def item_hash(data: bytes) -> str:
    """The identity of one item as it travelled through Redis."""
    return hashlib.sha1(data).hexdigest()


def ingest(redis_url: str, db_path: str, follow: bool = False, idle_exit: float = 5.0,
           prefix: str = DEFAULT_PREFIX, lock_wait: float = 15.0, batch_size: int = BATCH_SIZE,
           publish_seconds: float = PUBLISH_SECONDS, redis_timeout: float | None = None) -> dict:
    """Store items from Redis until the crawl is finished and drained (or forever with follow).

    Returns the summary counters plus `requeued` (items a killed ingester left), `redelivered`
    (items already in the store, acknowledged without writing) and `failed` (set aside, see
    the `<prefix>:items:failed` list). Redis unreachable at start, or gone for longer than
    `redis_timeout` seconds (default $HEALTHCLAIMS_REDIS_TIMEOUT, else 60), raises RedisLost (an OSError).
    """
    started = now()
    policy = OutageRetry(redis_url, timeout_setting(redis_timeout))
    client = connect(redis_url, policy=policy)
    keys = RedisKeys(prefix)
    queue = ItemQueue(client, keys)
    lock = IngesterLock(client, keys)
    lock.acquire(wait=lock_wait)
    extra = {"requeued": 0, "redelivered": 0, "failed": 0}
    try:
        extra["requeued"] = queue.requeue_unfinished()
        with Store(db_path) as store:
            writer = StoreWriter(store, crawl_id_of(client, keys))
            finished_since: float | None = None
            last_publish = time.monotonic()
            while True:
                lock.refresh()
                batch = queue.take_batch(batch_size, timeout=1.0)
                if batch:
                    finished_since = None
                    write_batch(store, writer, queue, batch, extra)
                    if time.monotonic() - last_publish >= publish_seconds:
                        store.publish()
                        last_publish = time.monotonic()
                    continue
                if queue.unfinished():
                    # Holding no batch, nothing may be in the processing list: a take whose reply was
                    # lost (Redis restarting) and was retried leaves one there. Back into the queue.
                    extra["requeued"] += queue.requeue_unfinished()
                if follow:
                    continue
                if crawl_finished(frontier_status(client, keys)) and queue.waiting() == 0:
                    finished_since = finished_since or time.monotonic()
                    if time.monotonic() - finished_since >= idle_exit:
                        break
                else:
                    finished_since = None
            summary = {**writer.summary(), **extra}
            store.record_run("ingest", started, summary)
    finally:
        if not policy.lost:  # a lost Redis: the lock expires by itself
            lock.release()
    return summary


def write_batch(store: Store, writer: StoreWriter, queue: ItemQueue, batch: list[bytes], extra: dict) -> None:
    """Write a batch in one store transaction, then acknowledge it; on failure, item by item.

    The items' rows and their `ingested_items` marks commit together, so an item is either
    fully stored and marked, or neither; every write is idempotent besides.
    """
    stats_before = dict(writer.host.stats.get_stats())
    extra_before = dict(extra)
    try:
        _write_many(store, writer, batch, extra)
    except Exception:
        # Undo the counts and the in-memory state of the rolled-back batch, then find the item at fault.
        writer.host.stats.set_stats(stats_before)
        extra.update(extra_before)
        writer.reload()
        for data in batch:
            try:
                _write_many(store, writer, [data], extra)
            except Exception as exc:
                writer.reload()
                extra["failed"] += 1
                queue.set_aside(data, f"{type(exc).__name__}: {exc}")
                continue
            queue.ack(data)
        return
    queue.ack(*batch)


def _write_many(store: Store, writer: StoreWriter, batch: list[bytes], extra: dict) -> None:
    """Write the items the store does not have yet, and mark them written, in one transaction."""
    hashes = [item_hash(data) for data in batch]
    with store.transaction():
        done = store.ingested(hashes)
        written: dict[str, str | None] = {}
        for data, digest in zip(batch, hashes):
            if digest in done or digest in written:
                extra["redelivered"] += 1
                continue
            envelope = decode_item(data)
            writer.write(envelope)
            written[digest] = envelope.get("worker")
        writer.flush()
        store.mark_ingested(written)


def crawl_id_of(client, keys: RedisKeys) -> str:
    """The id the store files this shared crawl's log under: made once, kept in Redis."""
    import uuid

    key = f"{keys.prefix}:crawl_id"
    client.set(key, f"redis-{uuid.uuid4().hex[:12]}", nx=True)
    value = client.get(key)
    return value.decode() if isinstance(value, bytes) else value
