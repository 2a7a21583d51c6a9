"""Downloader middlewares: retries with backoff, conditional re-crawl requests, WARC archiving."""

from __future__ import annotations

import asyncio

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from crawler.archive import WarcArchive
from crawler.components import CrawlerComponent

MAX_RETRY_AFTER = 120.0  # seconds; a longer wait is not worth holding a crawl for
MAX_CRAWL_DELAY = 30.0  # seconds; robots.txt files asking for more are honoured at this pace


def retry_after_seconds(response: Response) -> float | None:
    """The Retry-After header in seconds (delta-seconds form), or None."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value.decode("latin-1").strip()))
    except ValueError:  # an HTTP date: rare enough to fall back to our own backoff
        return None


class BackoffRetry(RetryMiddleware):
    """Scrapy's retry, waiting RETRY_BACKOFF_BASE * 2**(n-1) seconds before the n-th new attempt.

    An overloaded server (500, 503, timeouts) gets breathing room instead of an instant second hit.
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)

    async def _after_backoff(self, result, retry_after: float | None = None):
        """Wait before handing back a retry request; other results pass at once."""
        if isinstance(result, Request):
            attempt = result.meta.get("retry_times", 1)
            wait = self.backoff_base * 2 ** (attempt - 1)
            # A server that says when to come back (429, 503) is obeyed, within reason.
            if retry_after is not None:
                wait = max(wait, min(retry_after, MAX_RETRY_AFTER))
            await asyncio.sleep(wait)
        return result

    async def process_response(self, request, response):
        """Retry a retryable status after a pause (Retry-After if the server sent one); others pass."""
        return await self._after_backoff(super().process_response(request, response), retry_after_seconds(response))

    async def process_exception(self, request, exception):
        """Retry a retryable network failure after a pause."""
        return await self._after_backoff(super().process_exception(request, exception))


class RobotsTxt(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, made to obey robots.txt for every request that waited on it.

    In Scrapy 2.19 requests that arrive while a host's robots.txt is still downloading all await
    one Deferred; the first waiter's callback returns None, so every later waiter gets None for
    the parser and is let through unchecked. The parser is stored once parsed, so read it there.
    """

    async def robot_parser(self, request):
        """The host's parsed robots.txt (None only when it could not be fetched)."""
        parser = await super().robot_parser(request)
        if parser is None:
            stored = self._parsers.get(urlparse_cached(request).netloc)
            if stored is not None and not isinstance(stored, Deferred):
                parser = stored
        if parser is not None:
            self.apply_crawl_delay(request, parser)
        return parser

    def apply_crawl_delay(self, request, parser) -> None:
        """Space requests to a host by its robots.txt Crawl-delay (capped), once per host.

        Scrapy reads robots.txt only for Allow/Disallow; the delay is set on the host's download
        slot here and kept as a floor AutoThrottle may not go under (crawler.throttle).
        """
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        delays = crawl_delays(self.crawler)
        if key in delays:
            return
        agent = self._robotstxt_useragent or self._default_useragent
        try:
            delay = float(parser.crawl_delay(agent) or 0)
        except (TypeError, ValueError):
            delay = 0.0
        delay = min(max(delay, 0.0), MAX_CRAWL_DELAY)
        delays[key] = delay
        if delay:
            # No jitter: Scrapy's ±50% would make half the gaps shorter than the site asked for.
            settings = downloader.per_slot_settings.setdefault(key, {})
            settings.update(delay=max(settings.get("delay", 0.0), delay), jitter=0.0)
            slot = downloader.slots.get(key)  # usually there already: robots.txt came through it
            if slot is not None:
                slot.delay = max(slot.delay, delay)
                slot.jitter = 0.0


def crawl_delays(crawler) -> dict[str, float]:
    """Crawl-delay per download slot (host) found in robots.txt files so far, kept on the crawler."""
    if not hasattr(crawler, "crawl_delays"):
        crawler.crawl_delays = {}
    return crawler.crawl_delays


class ConditionalRequests(CrawlerComponent):
    """Adds If-None-Match / If-Modified-Since to pages already stored, so unchanged ones come back 304."""

    def process_request(self, request):
        """Add validators from the page's last fetch; nothing for pages never stored."""
        store = getattr(self.crawler, "store", None)
        if store is None or request.meta.get("healthclaims_conditional") is not None:
            return None
        state = store.page_state(request.url)
        request.meta["healthclaims_conditional"] = False
        # Only article pages: a sitemap or feed answered 304 would hide the new pages it lists.
        if not state or not state.get("article_id"):
            return None
        if state.get("etag"):
            request.headers.setdefault("If-None-Match", state["etag"])
        if state.get("last_modified"):
            request.headers.setdefault("If-Modified-Since", state["last_modified"])
        if state.get("etag") or state.get("last_modified"):
            request.meta["healthclaims_conditional"] = True
            request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", []), 304]
        return None


class ArchiveResponses:
    """Writes every response (redirects and errors too) to WARC and notes where in request.meta['warc']."""

    def __init__(self, folder: str, crawl_id: str):
        self.folder = folder
        self.crawl_id = crawl_id
        self.archive: WarcArchive | None = None
        self.sync_each = True

    @classmethod
    def from_crawler(cls, crawler):
        """Switched off (NotConfigured) when HEALTHCLAIMS_WARC_DIR is empty."""
        folder = crawler.settings.get("HEALTHCLAIMS_WARC_DIR")
        if not folder:
            raise NotConfigured("WARC archiving is off")
        mw = cls(folder, crawler.settings.get("HEALTHCLAIMS_CRAWL_ID", "crawl"))
        mw.crawler = crawler
        from scrapy import signals

        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def process_response(self, request: Request, response: Response):
        """Archive the response as received (still compressed, as the server sent it)."""
        if request.url.endswith("/robots.txt") and "healthclaims_depth" not in request.meta:
            return response
        if self.archive is None:
            self.archive = WarcArchive(self.folder, self.crawl_id)
            # The store writes its batch only after the archive's buffer is on disk. Without such a
            # store in this process (a distributed worker), every record is written out at once.
            store = getattr(getattr(self, "crawler", None), "store", None)
            self.sync_each = not hasattr(store, "before_commit")
            if not self.sync_each:
                store.before_commit.append(self.archive.sync)
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in response.headers.items() for v in vs]
        request_headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in request.headers.items() for v in vs]
        reason = _reason(response.status)
        warc_file, record_id, offset = self.archive.write_response(
            response.url, response.status, reason, headers, response.body, request_headers
        )
        if self.sync_each:
            self.archive.sync()
        request.meta["warc"] = {"warc_file": warc_file, "warc_record_id": record_id, "warc_offset": offset}
        return response

    def spider_closed(self):
        """Close the open WARC file."""
        if self.archive is not None:
            self.archive.close()


def _reason(status: int) -> str:
    """The standard reason phrase of an HTTP status ('OK', 'Not Found'), '' if unknown."""
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
