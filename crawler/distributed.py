"""A crawler worker sharing one frontier in Redis with any number of others (scrapy-redis).

Each worker runs the ordinary article spider mixed into a scrapy-redis RedisSpider, with the
scrapy-redis scheduler (priority queue + RFPDupeFilter, persistent) over one Redis database. Two
things are added to make the shared crawl lose nothing when a worker is killed:

- Reliable takes: a request leaves the shared queue only by moving, atomically, into the worker's
  in-flight set, and leaves that set only when Scrapy has completely finished with it (its page
  and links are in Redis). A worker restarted under the same id, or any worker once the dead
  one's heartbeat lease expires, moves its in-flight requests back to the queue.
- No store access: the worker pushes pages and events to a Redis list; `healthclaims ingest`, the
  one DuckDB writer, stores them (crawler/ingest.py).

Redis going away: every Redis client of the worker shares one `OutageRetry` policy, which retries
for `--redis-timeout` seconds and then gives Redis up. The worker then stops without acknowledging
anything more (its unfinished requests stay in its in-flight set in Redis, taken back when it is
restarted) and `run_worker` ends in a one-line `RedisLost` error.
"""

from __future__ import annotations

import os
import socket
import time

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from scrapy_redis.spiders import RedisMixin

from crawler.distributed_frontier import (
    Frontier,
    crawl_finished,
    crawl_is_local,
    frontier_status,
    note_start_hosts,
    push_seeds,
)
from crawler.distributed_items import ItemQueue, encode_item
from crawler.distributed_keys import (
    DEFAULT_PREFIX,
    OutageRetry,
    RedisKeys,
    RedisLost,
    check_redis_url,
    client_options,
    connect,
    redis_timeout,
)
from crawler.items import CrawlEvent, FetchedPage
from crawler.spiders import ArticleCrawling, is_site_root, site_of
from store import ids

# The store-side pipelines run in the ingester, the one process that opens the store.
STORE_PIPELINES = ("crawler.pipelines.SkipUnchanged", "crawler.pipelines.FindDuplicates",
                   "crawler.pipelines.StoreArticles")
# The worker's summary; pages, skipped and errors share their names with a one-process crawl's
# counters, so the live progress display reads them unchanged.
WORKER_COUNTERS = ("healthclaims/pages", "healthclaims/skipped", "healthclaims/errors",
                   "healthclaims/worker/sent_to_ingester", "healthclaims/worker/requeued")
DEFAULT_LEASE = 30.0
DEFAULT_IDLE_EXIT = 5.0


def default_worker_id() -> str:
    """A worker id unique on the network: host name and process id."""
    return f"{socket.gethostname()}-{os.getpid()}"


def worker_settings(urls: list[str], db_path: str, options: dict) -> dict:
    """The crawl's ordinary settings, turned into a worker's: Redis scheduler, dupefilter, item push."""
    from crawler.ingest import crawl_id_of
    from crawler.settings import build_settings

    redis_url = check_redis_url(options["redis"])
    keys = RedisKeys(options.get("redis_prefix") or DEFAULT_PREFIX)
    worker = options.get("worker_id") or default_worker_id()
    policy = OutageRetry(redis_url, redis_timeout(options.get("redis_timeout")))
    client = connect(redis_url, policy=policy)
    note_start_hosts(client, keys, urls)
    if options.get("polite") is None:
        # Politeness follows the whole shared crawl, not this worker's own (maybe empty) URL list.
        options = dict(options, polite=not crawl_is_local(client, keys))
    settings = build_settings(urls, db_path, options)
    pipelines = {k: v for k, v in settings["ITEM_PIPELINES"].items() if k not in STORE_PIPELINES}
    pipelines["crawler.distributed.PushItems"] = 900
    crawl_id = crawl_id_of(client, keys)
    log_file = os.path.join(os.path.dirname(settings["LOG_FILE"]), f"worker-{worker}.log")
    settings.update({
        "ITEM_PIPELINES": pipelines,
        "SCHEDULER": "crawler.distributed.ReliableScheduler",
        "SCHEDULER_QUEUE_CLASS": "crawler.distributed.ReliableQueue",
        "SCHEDULER_QUEUE_KEY": keys.requests,
        "DUPEFILTER_CLASS": "crawler.distributed.CanonicalDupeFilter",
        "SCHEDULER_DUPEFILTER_KEY": keys.dupefilter,
        # The frontier outlives every worker: that is what lets any of them stop and resume.
        "SCHEDULER_PERSIST": True,
        "REDIS_URL": redis_url,
        # Every client (scrapy-redis's too) retries through the one policy: lost for one is lost for all.
        "REDIS_PARAMS": client_options(policy),
        "HEALTHCLAIMS_REDIS_POLICY": policy,
        "REDIS_START_URLS_KEY": keys.seeds,
        "HEALTHCLAIMS_REDIS_PREFIX": keys.prefix,
        "HEALTHCLAIMS_WORKER_ID": worker,
        "HEALTHCLAIMS_WORKER_LEASE": float(options.get("worker_lease") or DEFAULT_LEASE),
        "HEALTHCLAIMS_IDLE_EXIT": float(DEFAULT_IDLE_EXIT if options.get("idle_exit") is None
                                        else options["idle_exit"]),
        "HEALTHCLAIMS_KEEP_RUNNING": bool(options.get("keep_running")),
        # One crawl id for all workers, kept in Redis, so the store logs them as one crawl.
        "HEALTHCLAIMS_CRAWL_ID": crawl_id,
        "LOG_FILE": log_file,
    })
    return settings


def run_worker(urls: list[str], db_path: str, options: dict) -> dict:
    """Run one worker until the shared crawl is finished (in this process); returns its counts."""
    from pathlib import Path

    from scrapy.crawler import CrawlerProcess

    settings = worker_settings(urls, db_path, options)
    Path(settings["LOG_FILE"]).parent.mkdir(parents=True, exist_ok=True)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(DistributedSpider)
    process.crawl(crawler, start_urls=urls, max_pages=options.get("max_pages"), depth=options.get("depth", 2))
    process.start()
    policy = settings["HEALTHCLAIMS_REDIS_POLICY"]
    if policy.lost:
        raise RedisLost(policy.lost)
    stats = crawler.stats.get_stats()
    return {name.rsplit("/", 1)[-1]: int(stats.get(name, 0) or 0) for name in WORKER_COUNTERS}


def seed_urls(redis_url: str, urls: list[str], prefix: str = DEFAULT_PREFIX) -> dict:
    """Queue start URLs for the workers of a shared crawl; returns the crawl's status afterwards."""
    from crawler.run import check_start_url

    checked = [check_start_url(u) for u in urls]
    client = connect(redis_url)
    keys = RedisKeys(prefix)
    push_seeds(client, keys, checked)
    return frontier_status(client, keys)


# -- Scrapy components ----------------------------------------------------------------------


def redis_lost(crawler) -> bool:
    """True once this worker has given Redis up (then it must acknowledge nothing more)."""
    policy = crawler.settings.get("HEALTHCLAIMS_REDIS_POLICY")
    return bool(policy is not None and policy.lost)


def _engine_slot(engine):
    """The engine's slot: its set of requests in progress and its wake-up call.

    Scrapy has no public signal for "this request is completely handled" (downloaded, parsed,
    its items through the pipelines and its links scheduled); the engine drops the request from
    `slot.inprogress` exactly then. Read here, in one place, so a Scrapy change shows up in one spot.
    """
    slot = getattr(engine, "_slot", None) or getattr(engine, "slot", None)
    if slot is None or not hasattr(slot, "inprogress"):
        raise RuntimeError("this Scrapy version hides the engine's requests in progress")
    return slot


class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop moves the request into this worker's in-flight set."""

    def __init__(self, server, spider, key, serializer=None):
        super().__init__(server, spider, key, serializer)
        settings = spider.crawler.settings
        keys = RedisKeys(settings.get("HEALTHCLAIMS_REDIS_PREFIX") or DEFAULT_PREFIX)
        self.frontier = Frontier(server, keys, settings.get("HEALTHCLAIMS_WORKER_ID") or default_worker_id(),
                                 lease=settings.getfloat("HEALTHCLAIMS_WORKER_LEASE", DEFAULT_LEASE))
        self.taken: dict[scrapy.Request, bytes] = {}

    def encode(self, request) -> bytes:
        """The request as scrapy-redis stores it."""
        return self._encode_request(request)

    def pop(self, timeout=0):
        """The best queued request, now held by this worker until acknowledged."""
        member = self.frontier.take()
        if member is None:
            return None
        request = self._decode_request(member)
        self.taken[request] = member
        return request

    def acknowledge(self, in_progress) -> int:
        """Release every taken request the engine no longer holds; returns how many."""
        done = [request for request in self.taken if request not in in_progress]
        if done:
            self.frontier.ack([self.taken.pop(request) for request in done])
        return len(done)


class ReliableScheduler(Scheduler):
    """The scrapy-redis scheduler plus in-flight acknowledgement, heartbeats and dead-worker recovery."""

    TICK_SECONDS = 0.5

    @classmethod
    def from_crawler(cls, crawler):
        """Built by Scrapy; keeps the crawler to watch its engine."""
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        return scheduler

    def open(self, spider):
        """Take back this worker's own unfinished work (a restart), say hello, recover dead workers."""
        result = super().open(spider)
        frontier = self.queue.frontier
        requeued = max(0, frontier.recover(frontier.worker, force=True))
        frontier.heartbeat()
        requeued += frontier.recover_dead()
        if self.stats and requeued:
            self.stats.inc_value("healthclaims/worker/requeued", requeued)
        self._last_recovery = time.monotonic()
        from twisted.internet import task

        self._ticker = task.LoopingCall(self.tick)
        self._ticker.start(self.TICK_SECONDS, now=False)
        return result

    def tick(self) -> None:
        """Twice a second: acknowledge finished requests, heartbeat, wake the engine; now and then recover.

        Stops the crawl once Redis is given up: requests still in progress are not acknowledged,
        so they stay in this worker's in-flight set in Redis for its restart.
        """
        if redis_lost(self.crawler):
            self._stop_for_lost_redis()
            return
        try:
            frontier = self.queue.frontier
            slot = _engine_slot(self.crawler.engine)
            self.queue.acknowledge(slot.inprogress)
            frontier.heartbeat()
            if time.monotonic() - self._last_recovery >= frontier.lease / 3:
                self._last_recovery = time.monotonic()
                moved = frontier.recover_dead()
                if self.stats and moved:
                    self.stats.inc_value("healthclaims/worker/requeued", moved)
            # An idle engine looks at the queue only every few seconds; other workers may have filled it.
            slot.nextcall.schedule()
        except Exception:  # a Redis hiccup must not kill the ticker; the next tick tries again
            self.spider.logger.exception("distributed scheduler tick failed")

    def _stop_for_lost_redis(self) -> None:
        """Close the spider, once; `run_worker` then reports the lost Redis."""
        if getattr(self, "_stopping", False):
            return
        self._stopping = True
        from scrapy.utils.defer import deferred_from_coro

        self.spider.logger.error("giving Redis up: %s", self.crawler.settings["HEALTHCLAIMS_REDIS_POLICY"].lost)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="redis_lost"))

    def reclaim_orphans(self) -> int:
        """Requeue requests in this worker's in-flight set that it does not hold; returns how many.

        Only an idle worker calls this: it holds nothing, so anything in its set got there by a
        take whose reply was lost (Redis restarting) and the retried take; left there, it would
        keep the shared crawl unfinished for ever.
        """
        frontier = self.queue.frontier
        self.queue.acknowledge(_engine_slot(self.crawler.engine).inprogress)
        if self.queue.taken or not frontier.in_flight():
            return 0
        moved = max(0, frontier.recover(frontier.worker, force=True))
        frontier.heartbeat()
        self.spider.logger.warning("requeued %d requests left in this worker's in-flight set", moved)
        return moved

    def enqueue_request(self, request):
        """Mark the request seen and queue it in one atomic step (scrapy-redis does two).

        Two steps leave a gap: a worker killed between them has marked a link seen that nobody
        will fetch, and the page holding the link, fetched again, cannot schedule it any more.
        With Redis given up the link is left out: the page holding it is never acknowledged, so it
        is fetched again, and its links scheduled, after the worker's restart.
        """
        fingerprint = None if request.dont_filter else self.df.request_fingerprint(request)
        try:
            added = self.queue.frontier.add(fingerprint, self.queue.encode(request), -request.priority)
        except RedisLost:
            return False
        if not added:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis", spider=self.spider)
        return True

    def next_request(self):
        """Acknowledge what is finished, then take the next request from the shared queue (none once
        Redis is given up)."""
        try:
            self.queue.acknowledge(_engine_slot(self.crawler.engine).inprogress)
            return super().next_request()
        except RedisLost:
            return None

    def has_pending_requests(self) -> bool:
        """Whether the shared queue holds requests (none that this worker can take once Redis is given up)."""
        try:
            return super().has_pending_requests()
        except RedisLost:
            return False

    def close(self, reason):
        """Acknowledge, hand back anything unfinished and leave; the shared queue itself stays."""
        ticker = getattr(self, "_ticker", None)
        if ticker is not None and ticker.running:
            ticker.stop()
        if redis_lost(self.crawler):  # acknowledge nothing: the in-flight set is this worker's restart point
            return super().close(reason)
        frontier = self.queue.frontier
        # The engine has drained its requests by now; any left are handed back, not dropped.
        self.queue.acknowledge(_engine_slot(self.crawler.engine).inprogress)
        frontier.leave()
        return super().close(reason)


class DistributedSpider(RedisMixin, ArticleCrawling, scrapy.Spider):
    """The article spider as a scrapy-redis RedisSpider: start URLs from Redis, taken reliably."""

    use_store_frontier = False  # the frontier is in Redis

    def __init__(self, start_urls: list[str] | None = None, max_pages: int | None = None, depth: int = 2,
                 **kwargs):
        super().__init__(**kwargs)
        self.setup_crawl(start_urls or [], max_pages, depth)
        self._finished_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        """Built by Scrapy; connects to Redis (scrapy-redis setup_redis)."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.setup_redis(crawler)
        settings = crawler.settings
        spider.keys = RedisKeys(settings.get("HEALTHCLAIMS_REDIS_PREFIX") or DEFAULT_PREFIX)
        spider.frontier = Frontier(spider.server, spider.keys, settings.get("HEALTHCLAIMS_WORKER_ID"))
        spider.idle_exit = settings.getfloat("HEALTHCLAIMS_IDLE_EXIT", DEFAULT_IDLE_EXIT)
        spider.keep_running = settings.getbool("HEALTHCLAIMS_KEEP_RUNNING")
        return spider

    def make_request(self, *args, **kwargs):
        """The ordinary request, but filtered: the shared dupefilter is what keeps workers from refetching."""
        return super().make_request(*args, **kwargs).replace(dont_filter=False)

    def next_requests(self):
        """Requests for waiting start URLs; each URL stays in this worker's hands until they are queued."""
        for _ in range(max(1, self.redis_batch_size)):
            data = self.frontier.take_seed()
            if data is None:
                return
            request = self.request_for_seed(data)
            if request is not None:
                yield request
            # Resumed only after the engine has queued the request above (engine.crawl is synchronous).
            self.frontier.seed_done(data)

    def request_for_seed(self, data: bytes):
        """The start request for one seed entry ({"url": ...} JSON, or a bare URL as scrapy-redis allows)."""
        import json

        text = data.decode("utf-8") if isinstance(data, bytes) else data
        try:
            url = json.loads(text)["url"] if text.lstrip().startswith("{") else text.strip()
        except (ValueError, KeyError):
            self.logger.warning("ignored a start URL entry that is not {\"url\": ...}: %r", text[:200])
            return None
        return self.schedule(url, 0, "start", site_of(url), follow=is_site_root(url), counts=False)

    def spider_idle(self):
        """Take waiting start URLs; stop only once the whole shared crawl has been finished a while."""
        if redis_lost(self.crawler):
            return  # let the spider close; run_worker reports why
        self.schedule_next_requests()
        _engine_slot(self.crawler.engine).scheduler.reclaim_orphans()
        if self.keep_running:
            raise DontCloseSpider
        if crawl_finished(frontier_status(self.server, self.keys)):
            self._finished_since = self._finished_since or time.monotonic()
            if time.monotonic() - self._finished_since >= self.idle_exit:
                return
        else:
            self._finished_since = None
        raise DontCloseSpider


class CanonicalDupeFilter(RFPDupeFilter):
    """scrapy-redis's shared dupefilter, keyed by the store's canonical URL (tracking parameters dropped)."""

    def request_fingerprint(self, request) -> str:
        """The same fingerprint for two URLs the store would file as one page."""
        body = (request.body or b"").hex()
        return ids.sha1(request.method, ids.canonical_url(request.url), body)


class PushItems:
    """The worker's last pipeline: sends each page, dropped page and crawl event to Redis for the ingester."""

    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.redis_url = settings.get("REDIS_URL")
        self.keys = RedisKeys(settings.get("HEALTHCLAIMS_REDIS_PREFIX") or DEFAULT_PREFIX)
        self.worker = settings.get("HEALTHCLAIMS_WORKER_ID") or default_worker_id()
        self.queue: ItemQueue | None = None

    @classmethod
    def from_crawler(cls, crawler):
        """Built by Scrapy; NotConfigured outside a Redis crawl; listens for dropped pages."""
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("not a distributed crawl")
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def open_spider(self, spider=None):
        """Connect to Redis (through the worker's shared retry policy)."""
        policy = self.crawler.settings.get("HEALTHCLAIMS_REDIS_POLICY")
        self.queue = ItemQueue(connect(self.redis_url, policy=policy), self.keys)

    def process_item(self, item):
        """Push the item (synchronously: the request counts as finished only after this returns).

        With Redis given up the item is not sent, quietly (the log has said why once): its request
        is never acknowledged, so it is fetched again after the worker's restart.
        """
        try:
            self.queue.push(encode_item(item, self.worker))
        except RedisLost:
            return item
        self._count("worker/sent_to_ingester")
        if isinstance(item, FetchedPage):
            self._count("pages")
        elif isinstance(item, CrawlEvent) and item.outcome in ("error", "skipped"):
            self._count({"error": "errors", "skipped": "skipped"}[item.outcome])
        return item

    def item_dropped(self, item, response, exception, spider=None):
        """A page an earlier pipeline dropped is still logged in the store, with the reason."""
        if self.queue is not None and isinstance(item, FetchedPage):
            try:
                self.queue.push(encode_item(item, self.worker, kind="DroppedPage", reason=str(exception)))
            except RedisLost:  # as in process_item: fetched again after a restart
                return
            for name in ("worker/sent_to_ingester", "pages", "skipped"):
                self._count(name)

    def _count(self, name: str) -> None:
        self.crawler.stats.inc_value(f"healthclaims/{name}")
