"""The base of Scrapy components that only need the crawler they were built for."""

from __future__ import annotations


class CrawlerComponent:
    """A pipeline or middleware that keeps its crawler (for settings and the shared store)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        """Built by Scrapy with the running crawler."""
        return cls(crawler)
