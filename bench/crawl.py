"""Crawl benchmark: our crawl (extraction, keyword filter, dedupe, WARC, store) against a bare Scrapy spider.

Both crawl the same generated loopback site of N_PAGES article pages with the same concurrency;
each runs in its own process (a Twisted reactor starts once per process). The figure is pages
per second over the spider's own open-to-close time, so interpreter start-up is left out of both.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.sites import serve_generated_site

N_PAGES = 2000
CONCURRENCY = 16
GOAL_RATIO = 0.6
REPO = Path(__file__).resolve().parent.parent


def bare_crawl(base_url: str) -> dict:
    """A minimal Scrapy spider following every link on the site, no pipelines: Scrapy's raw fetch rate."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    class BareSpider(scrapy.Spider):
        """Follows links; yields nothing."""

        name = "bare"
        start_urls = [base_url]

        def parse(self, response):
            """Follow every link on the page."""
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, callback=self.parse)

    process = CrawlerProcess({
        "LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": False, "TELNETCONSOLE_ENABLED": False,
        "CONCURRENT_REQUESTS": CONCURRENCY, "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY, "DOWNLOAD_DELAY": 0,
        "COOKIES_ENABLED": False,
    })
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler)
    process.start()
    stats = crawler.stats.get_stats()
    return {"pages": stats.get("response_received_count", 0), "seconds": stats["elapsed_time_seconds"]}


def full_crawl(base_url: str, db_path: str, extract_processes: int = 0) -> dict:
    """Our crawl with every pipeline and WARC archiving on, in this process."""
    from crawler.process import run_crawl

    stats: dict = {}
    summary = run_crawl([base_url], db_path, {"quiet": True, "depth": 1000, "concurrency": CONCURRENCY,
                                              "polite": False, "extract_processes": extract_processes},
                        stats_out=stats)
    return {"pages": summary["pages"], "stored": summary["stored"], "duplicates": summary["duplicates"],
            "seconds": stats["elapsed_time_seconds"], "warc_bytes": sum(
                p.stat().st_size for p in (Path(db_path).parent / "warc").glob("*.warc.gz"))}


def measure(mode: str, base_url: str, db_path: str = "", extract_processes: int = 0) -> dict:
    """Run one crawl in a child process and return its figures."""
    out = subprocess.run([sys.executable, "-m", "bench.crawl", mode, base_url, db_path, str(extract_processes)],
                         cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(n_pages: int = N_PAGES) -> list[str]:
    """Crawl the generated site with a bare spider and with ours (extraction inline, then in a worker process)."""
    import os

    with serve_generated_site(n_pages) as base_url, tempfile.TemporaryDirectory() as tmp:
        # The reference is measured before and after ours, so a change in machine load shows.
        bare_before = measure("bare", base_url)
        (Path(tmp) / "inline").mkdir()
        (Path(tmp) / "pooled").mkdir()
        inline = measure("full", base_url, str(Path(tmp) / "inline" / "bench.duckdb"), 0)
        pooled = measure("full", base_url, str(Path(tmp) / "pooled" / "bench.duckdb"), 1)
        bare_after = measure("bare", base_url)
    rates = [b["pages"] / b["seconds"] for b in (bare_before, bare_after)]
    bare_rate = sum(rates) / 2
    lines = [
        f"generated loopback site: {n_pages} article pages + home page, concurrency {CONCURRENCY},"
        f" {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end",
        f"bare Scrapy spider (follow links, no pipelines): {bare_before['pages']} pages,"
        f" {rates[0]:.0f} pages/s before and {rates[1]:.0f} after ours: reference {bare_rate:.0f} pages/s",
    ]
    for label, ours in (("extraction inline", inline), ("extraction in 1 worker process", pooled)):
        rate = ours["pages"] / ours["seconds"]
        ratio = rate / bare_rate
        lines.append(
            f"healthclaims crawl, {label} (extract, filter, dedupe, WARC, DuckDB): {ours['pages']} pages in"
            f" {ours['seconds']:.1f} s = {rate:.0f} pages/s ({ours['stored']} stored, {ours['duplicates']} duplicates,"
            f" {ours['warc_bytes'] / 1e6:.1f} MB WARC); ratio to bare {ratio:.2f} (goal >= {GOAL_RATIO})"
            + ("" if ratio >= GOAL_RATIO else "  BELOW GOAL")
        )
    return lines


if __name__ == "__main__":
    mode, url = sys.argv[1], sys.argv[2]
    result = bare_crawl(url) if mode == "bare" else full_crawl(url, sys.argv[3], int(sys.argv[4]))
    print(json.dumps(result))
