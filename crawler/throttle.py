"""AutoThrottle that never spaces a host's requests closer than its robots.txt Crawl-delay."""

from __future__ import annotations

from scrapy.extensions.throttle import AutoThrottle

from crawler.middlewares import crawl_delays


class PoliteThrottle(AutoThrottle):
    """Scrapy's AutoThrottle, with the host's Crawl-delay (set by crawler.middlewares.RobotsTxt) as a floor."""

    def _response_downloaded(self, response, request, spider=None):
        """Adjust the delay from latency as AutoThrottle does, then lift it back to the Crawl-delay."""
        super()._response_downloaded(response, request, spider)
        key, slot = self._get_slot(request, spider)
        floor = crawl_delays(self.crawler).get(key or "", 0.0)
        if slot is not None and floor and slot.delay < floor:
            slot.delay = floor
