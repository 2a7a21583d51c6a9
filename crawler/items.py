"""Items the spider yields: a fetched page on its way to the store, or a crawl event to log."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FetchedPage:
    """One fetched page and what the pipelines learn about it, in pipeline order."""

    url: str                      # the URL as scheduled (before redirects): the frontier's key
    final_url: str                # where the page was fetched from in the end
    status: int
    content_type: str
    kind: str                     # html | other (sitemaps and feeds never become pages)
    body: bytes = field(repr=False)
    content_hash: str
    etag: str | None = None
    last_modified: str | None = None
    warc_file: str | None = None
    warc_record_id: str | None = None
    warc_offset: int | None = None
    outcome: str | None = None    # set early when the page is known unchanged (304 or same bytes)
    article: dict | None = None   # the extraction result
    keyword: str | None = None    # the keyword that let the article through the filter
    simhash: int | None = None
    duplicate_of: str | None = None


@dataclass
class CrawlEvent:
    """A URL that produced no page: a listing (sitemap/feed), a skip or a failure, with the reason."""

    url: str
    outcome: str                  # listed | skipped | error
    reason: str
    status: int | None = None
