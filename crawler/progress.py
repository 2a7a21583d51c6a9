"""The live progress line on the terminal: pages fetched, articles kept, skipped, errors."""

from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from crawler.pipelines import summary_from_stats


class ProgressDisplay:
    """A rich live display on stderr, refreshed twice a second; off with --quiet or when not a terminal."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.live = None
        self.loop = None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        """Built by Scrapy; NotConfigured when quiet or when stderr is not a terminal."""
        if crawler.settings.getbool("HEALTHCLAIMS_QUIET") or not sys.stderr.isatty():
            raise NotConfigured("no progress display")
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def render(self):
        """The current line: counts from the crawl's stats."""
        from rich.text import Text

        counts = summary_from_stats(self.crawler.stats.get_stats())
        kept = counts["stored"] + counts["revised"]
        elapsed = max(time.monotonic() - self.started, 1e-6)
        line = Text()
        line.append("crawling ", style="bold")
        line.append(f"{counts['pages']} pages fetched ({counts['pages'] / elapsed:.1f}/s), ")
        line.append(f"{kept} articles kept", style="green")
        line.append(f", {counts['unchanged']} unchanged, {counts['duplicates']} duplicates, ")
        line.append(f"{counts['skipped']} skipped", style="yellow")
        line.append(", ")
        line.append(f"{counts['errors']} errors", style="red" if counts["errors"] else None)
        return line

    def spider_opened(self, spider=None):
        """Start the live display."""
        from rich.console import Console
        from rich.live import Live

        self.started = time.monotonic()
        self.live = Live(self.render(), console=Console(stderr=True), transient=True, auto_refresh=False)
        self.live.start()
        self.loop = task.LoopingCall(self.refresh)
        self.loop.start(0.5, now=False)

    def refresh(self):
        """Redraw with the latest counts."""
        if self.live is not None:
            self.live.update(self.render(), refresh=True)

    def spider_closed(self, spider=None, reason=None):
        """Stop the display; the command prints its own one-line summary after."""
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.live is not None:
            self.live.stop()
            self.live = None
