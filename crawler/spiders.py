"""The article spider: start points of every kind, link following within a site, failures as events."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import get_base_url

from crawler.feeds import parse_feed
from crawler.items import CrawlEvent, FetchedPage
from crawler.kinds import detect_kind
from crawler.sitemaps import parse_sitemap
from store import ids


def is_site_root(url: str) -> bool:
    """A URL whose links should be followed: a folder (`/`, `/news/`) or an index page."""
    path = urlsplit(url).path or "/"
    return path.endswith("/") or path.rsplit("/", 1)[-1].lower() in ("index.html", "index.htm", "index.php")


def site_of(url: str) -> str:
    """The part of a URL links must share to count as the same site: host without www., or a file folder."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "file:" + parts.path.rsplit("/", 1)[0] + "/"
    host = (parts.hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


_SKIPPED_EXTENSIONS = {f".{ext}" for ext in IGNORED_EXTENSIONS}
# Plain strings straight from lxml: parsel would wrap every href in a Selector object first.
_HREFS = etree.XPath("//a/@href", smart_strings=False)
# Every page links to pages already seen; their canonical form is looked up, not recomputed.
canonical_url = lru_cache(maxsize=1 << 16)(ids.canonical_url)


def page_links(response) -> list[str]:
    """Absolute http(s)/file URLs of a page's <a href> links, without images, media and documents.

    A plain XPath over the parsed page: Scrapy's LinkExtractor does the same and more, at three
    times the cost per page, which showed in the crawl benchmark.
    """
    if not hasattr(response, "xpath"):  # HTML served as application/octet-stream: parse it anyway
        response = HtmlResponse(url=response.url, body=response.body)
    base = get_base_url(response)
    out = []
    for href in _HREFS(response.selector.root):
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
            continue
        url = urljoin(base, href)
        if not url.startswith(("http://", "https://", "file:")):
            continue
        path = urlsplit(url).path.lower()
        dot = path.rfind(".")
        if dot > path.rfind("/") and path[dot:] in _SKIPPED_EXTENSIONS:
            continue
        out.append(url)
    return out


def feed_links(response) -> list[str]:
    """Absolute URLs of the RSS/Atom feeds a page announces in <link rel="alternate" type=...>."""
    if not hasattr(response, "xpath"):
        response = HtmlResponse(url=response.url, body=response.body)
    hrefs = response.xpath(
        "//link[contains(concat(' ', normalize-space(@rel), ' '), ' alternate ')]"
        "[contains(@type, 'rss') or contains(@type, 'atom')]/@href").getall()
    return [response.urljoin(h.strip()) for h in hrefs if h.strip()]


class ArticleCrawling:
    """Spider logic, kept apart from scrapy.Spider so a RedisSpider can mix it in.

    Every request carries `healthclaims_depth`, `healthclaims_kind` (start | link | listed | listing),
    `healthclaims_follow` and `healthclaims_site` in its meta. The crawl frontier (what has been
    scheduled, what is done) is kept in the store so a killed crawl resumes; a subclass sharing a
    frontier elsewhere (Redis) sets `use_store_frontier = False`.
    """

    name = "healthclaims"
    use_store_frontier = True

    def setup_crawl(self, start_urls: list[str], max_pages: int | None = None, depth: int = 2) -> None:
        """Remember the crawl's start points and limits (called from __init__)."""
        self.start_urls = list(start_urls)
        self.max_pages = max_pages
        self.max_depth = max(0, int(depth if depth is not None else 2))
        self.known: set[str] = set()
        self.page_budget_used = 0

    # -- scheduling -----------------------------------------------------------------------

    def store(self):
        """The store the StoreArticles pipeline opened (None in a crawl without it)."""
        return getattr(self.crawler, "store", None)

    @property
    def crawl_id(self) -> str:
        """The id the store files this crawl's log and frontier under."""
        return self.crawler.settings.get("HEALTHCLAIMS_CRAWL_ID") or "crawl"

    async def start(self):
        """Start URLs, or on resume the URLs a killed run had queued but not handled."""
        store = self.store()
        pending: list[dict] = []
        if store is not None and self.use_store_frontier:
            pending = store.start_crawl(self.crawl_id, self.start_urls)
            if pending:
                self.known.update(store.frontier_urls(self.crawl_id))
                self.page_budget_used = len(self.known)
                self.logger.info("resuming crawl %s: %d URLs still queued", self.crawl_id, len(pending))
                for row in pending:
                    yield self.make_request(row["url"], row["depth"], row["kind"], site_of(row["url"]),
                                            follow=row["kind"] == "link" or (row["kind"] == "start"
                                                                           and is_site_root(row["url"])))
                return
        requests = [
            self.schedule(url, 0, "start", site_of(url), follow=is_site_root(url), counts=False) for url in self.start_urls
        ]
        self.flush_frontier(requests)
        for request in requests:
            if request is not None:
                yield request

    def schedule(self, url: str, depth: int, kind: str, site: str, follow: bool, counts: bool = True):
        """A request for a URL not seen before in this crawl and within --max-pages, else None."""
        key = canonical_url(url)
        if key in self.known:
            return None
        if counts and self.max_pages is not None and self.page_budget_used >= self.max_pages:
            return None
        self.known.add(key)
        if counts:
            self.page_budget_used += 1
        return self.make_request(url, depth, kind, site, follow)

    def make_request(self, url: str, depth: int, kind: str, site: str, follow: bool):
        """The Scrapy request for one frontier entry, with our bookkeeping in meta."""
        meta = {
            "healthclaims_depth": depth,
            "healthclaims_kind": kind,
            "healthclaims_follow": follow,
            "healthclaims_site": site,
            "healthclaims_frontier_url": url,
        }
        # dont_filter: the frontier already dedupes by canonical URL, and Scrapy's dupefilter would
        # silently drop the second hop of a redirect loop instead of letting it fail with a reason.
        return scrapy.Request(url, callback=self.parse, errback=self.failed, meta=meta, dont_filter=True)

    def flush_frontier(self, requests: list) -> None:
        """Write newly scheduled requests to the store frontier before they are fetched."""
        store = self.store()
        if store is None or not self.use_store_frontier:
            return
        entries = [(r.url, r.meta["healthclaims_depth"], r.meta["healthclaims_kind"]) for r in requests if r is not None]
        store.frontier_add(self.crawl_id, entries)

    # -- responses ------------------------------------------------------------------------

    def parse(self, response):
        """Route a response by what it is: sitemap and feed entries are scheduled, pages go to the pipelines."""
        meta = response.meta
        url = meta.get("healthclaims_frontier_url", response.url)
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if response.status == 304:
            yield self.page_item(response, url, content_type, "html", outcome="unchanged")
            return
        kind = detect_kind(response.body, content_type)
        if kind in ("sitemap", "feed"):
            yield from self.follow_listing(response, url, kind)
            return
        yield self.page_item(response, url, content_type, kind)
        if (kind == "html" and meta.get("healthclaims_kind") == "start" and meta.get("healthclaims_follow")
                and self.max_depth > 0):
            yield from self.follow_feeds(response)
        if kind == "html" and meta.get("healthclaims_follow") and meta.get("healthclaims_depth", 0) < self.max_depth:
            yield from self.follow_links(response)

    def follow_feeds(self, response):
        """Schedule the RSS/Atom feeds a site root announces (<link rel="alternate">): its latest articles."""
        depth = response.meta.get("healthclaims_depth", 0)
        requests = [self.schedule(url, depth, "listing", site_of(url), follow=False) for url in feed_links(response)]
        self.flush_frontier(requests)
        yield from (r for r in requests if r is not None)

    def page_item(self, response, url: str, content_type: str, kind: str, outcome: str | None = None) -> FetchedPage:
        """The item for one fetched page, with its validators and archive location."""
        warc = response.meta.get("warc") or {}
        etag = response.headers.get("ETag")
        modified = response.headers.get("Last-Modified")
        return FetchedPage(
            url=url,
            final_url=response.url,
            status=response.status,
            content_type=content_type,
            kind=kind,
            body=response.body,
            content_hash=hashlib.sha1(response.body).hexdigest(),
            etag=etag.decode("latin-1") if etag else None,
            last_modified=modified.decode("latin-1") if modified else None,
            warc_file=warc.get("warc_file"),
            warc_record_id=warc.get("warc_record_id"),
            warc_offset=warc.get("warc_offset"),
            outcome=outcome,
        )

    def follow_listing(self, response, url: str, kind: str):
        """Schedule what a sitemap (index) or feed lists, and log the listing itself."""
        depth = response.meta.get("healthclaims_depth", 0)
        try:
            if kind == "sitemap":
                entries = parse_sitemap(response.body)
                pages, sitemaps = entries.pages, entries.sitemaps
            else:
                pages, sitemaps = parse_feed(response.body, response.url), []
        except ValueError as exc:
            yield CrawlEvent(url, "error", str(exc), response.status)
            return
        requests = [self.schedule(s, depth, "listing", site_of(s), follow=False) for s in sitemaps]
        requests += [self.schedule(p, depth, "listed", site_of(p), follow=False) for p in pages]
        self.flush_frontier(requests)
        listed = f"{len(sitemaps)} sitemaps" if sitemaps else f"{len(pages)} pages"
        yield CrawlEvent(url, "listed", f"{kind} listing {listed}", response.status)
        yield from (r for r in requests if r is not None)

    def follow_links(self, response):
        """Schedule the page's links that stay on the same site, one level deeper."""
        site = response.meta.get("healthclaims_site") or site_of(response.url)
        depth = response.meta.get("healthclaims_depth", 0) + 1
        requests = []
        for url in page_links(response):
            if site_of(url) != site and not (site.startswith("file:") and url.startswith(site[5:])):
                continue
            requests.append(self.schedule(url, depth, "link", site, follow=True))
        self.flush_frontier(requests)
        yield from (r for r in requests if r is not None)

    # -- failures -------------------------------------------------------------------------

    def failed(self, failure):
        """Turn a failed request into a logged event with a reason a person can read."""
        request = failure.request
        url = request.meta.get("healthclaims_frontier_url", request.url)
        outcome, reason, status = describe_failure(failure, request)
        yield CrawlEvent(url, outcome, reason, status)


class ArticleSpider(ArticleCrawling, scrapy.Spider):
    """The spider `healthclaims crawl` runs."""

    def __init__(self, start_urls: list[str], max_pages: int | None = None, depth: int = 2, **kwargs):
        super().__init__(**kwargs)
        self.setup_crawl(start_urls, max_pages, depth)


def describe_failure(failure, request) -> tuple[str, str, int | None]:
    """(outcome, reason, status) for a failed fetch: 'skipped' for our own rules, 'error' for the web's."""
    exc = failure.value
    name = type(exc).__name__
    if isinstance(exc, HttpError):
        status = exc.response.status
        from http import HTTPStatus

        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = ""
        # Retries are worth naming only for statuses that are retried (5xx, 429, 408), not for a
        # 404 whose first attempt happened to hit a dropped keep-alive connection.
        retries = request.meta.get("retry_times") if status >= 500 or status in (408, 429) else None
        extra = f" (after {retries} retries)" if retries else ""
        return "error", f"HTTP {status} {phrase}{extra}".replace("  ", " ").strip(), status
    message = str(exc).strip()
    if isinstance(exc, IgnoreRequest):
        if "robots.txt" in message:
            return "skipped", "forbidden by robots.txt", None
        if "max redirections" in message:
            return "error", "redirect loop (too many redirects)", None
        return "skipped", f"ignored: {message or name}", None
    if name == "DownloadCancelledError" or "max size" in message.lower() or "download max size" in message:
        return "skipped", f"page too large: {message}", None
    if name in ("DownloadTimeoutError", "TimeoutError", "TCPTimedOutError", "DNSLookupTimeoutError"):
        timeout = request.meta.get("download_timeout")
        return "error", f"timed out{f' after {timeout:g} s' if timeout else ''}", None
    if name in ("DownloadConnectionRefusedError", "ConnectionRefusedError"):
        return "error", "connection refused (host down or not listening)", None
    if name in ("CannotResolveHostError", "DNSLookupError", "NoRouteError"):
        return "error", f"host not found: {message or name}", None
    if name in ("DownloadFailedError", "ResponseDataLossError", "ResponseNeverReceived", "ConnectionLost",
                "ConnectionDone", "ResponseFailed"):
        return "error", f"connection lost: {message or name}", None
    if isinstance(exc, FileNotFoundError) or name == "FileNotFoundError":
        return "error", "file not found", None
    return "error", f"{name}: {message}" if message else name, None
