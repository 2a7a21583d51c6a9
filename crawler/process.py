"""The crawl's child process: `python -m crawler.process REQUEST.json` runs one Scrapy crawl and exits.

Twisted's reactor cannot be restarted in a process, and the CLI (and the tests) crawl many times,
so every crawl runs here, in a fresh interpreter, and hands its summary back in a JSON file.
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

from crawler.settings import build_settings, job_folder


def run_crawl(urls: list[str], db_path: str, options: dict, stats_out: dict | None = None) -> dict:
    """Run one crawl to the end in this process; returns the summary counts (stats_out gets Scrapy's stats)."""
    from scrapy.crawler import CrawlerProcess

    from crawler.keywords import KeywordFilter
    from crawler.pipelines import summary_from_stats
    from crawler.spiders import ArticleSpider
    from store.db import connect

    # Fail early, in one line, on what would otherwise surface as a Scrapy traceback in the log.
    KeywordFilter.from_options(options.get("keywords") or "", options.get("keyword_file") or "",
                               bool(options.get("no_keywords")))
    if options.get("redis"):  # a worker of a shared crawl: never opens the store (crawler/distributed.py)
        from crawler.distributed import run_worker

        return run_worker(urls, db_path, options)
    connect(db_path).close()
    job_folder(db_path, urls, options).mkdir(parents=True, exist_ok=True)
    settings = build_settings(urls, db_path, options)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(ArticleSpider)
    process.crawl(crawler, start_urls=urls, max_pages=options.get("max_pages"), depth=options.get("depth", 2))
    # Everything imported and built so far lives as long as the process: exempt it from the
    # collector, whose full passes over it cost ~0.1 s each on Scrapy's thread (bench/crawl.py).
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()  # collectable again at exit, as extension modules (DuckDB) expect
    stats = crawler.stats.get_stats()
    if stats_out is not None:
        stats_out.update(stats)
    return summary_from_stats(stats)


def main(argv: list[str]) -> int:
    """Read the request file, crawl, write `{"summary": ...}` or `{"error": ..., "kind": ...}` beside it."""
    request_path = Path(argv[0])
    request = json.loads(request_path.read_text(encoding="utf-8"))
    result_path = Path(request["result_path"])
    try:
        summary = run_crawl(request["urls"], request["db_path"], request["options"])
        result = {"summary": summary}
    except (OSError, ValueError) as exc:
        result = {"error": str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__,
                  "kind": "OSError" if isinstance(exc, OSError) else "ValueError"}
    except Exception as exc:
        from store import StoreError

        if not isinstance(exc, StoreError):
            raise
        result = {"error": str(exc).splitlines()[0], "kind": "StoreError"}
    result_path.write_text(json.dumps(result), encoding="utf-8")
    return 0 if "summary" in result else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
