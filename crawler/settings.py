"""Scrapy settings for a healthclaims crawl, built from the command's options in one place."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

USER_AGENT = "healthclaims/0.1 (+https://github.com/healthclaims/healthclaims; fact-check research crawler)"

ITEM_PIPELINES = {
    "crawler.pipelines.CheckResponse": 100,
    "crawler.pipelines.SkipUnchanged": 200,
    "crawler.pipelines.ExtractArticle": 300,
    "crawler.pipelines.FilterKeywords": 400,
    "crawler.pipelines.FindDuplicates": 500,
    "crawler.pipelines.StoreArticles": 900,
}

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxt": 100,
    # Scrapy's retry is replaced by one that waits longer before each new attempt.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetry": 550,
    "crawler.middlewares.ConditionalRequests": 560,
    # Above HttpCompression (590) and Redirect (600): every raw response, redirects included, is archived.
    "crawler.middlewares.ArchiveResponses": 950,
}

EXTENSIONS = {
    "crawler.progress.ProgressDisplay": 500,
    "scrapy.extensions.throttle.AutoThrottle": None,
    "crawler.throttle.PoliteThrottle": 0,
}

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def crawl_id(urls: list[str]) -> str:
    """A stable id for a crawl: the same start URLs resume (or re-crawl) the same crawl."""
    return hashlib.sha1(json.dumps(sorted(urls)).encode("utf-8")).hexdigest()[:16]


def is_local(urls: list[str]) -> bool:
    """True when every start URL is on this machine (loopback or file://), where politeness is moot."""
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme == "file":
            continue
        if (parts.hostname or "") not in LOOPBACK_HOSTS:
            return False
    return True


def job_folder(db_path: str, urls: list[str], options: dict) -> Path:
    """Where a crawl keeps its log: --job-dir, else `<db>.jobs/<crawl id>`.

    Resuming does not use Scrapy's JOBDIR: its queue files are only consistent after a graceful
    stop, and its seen-requests file would filter every page of a later re-crawl. The frontier in
    the store (crawl_frontier) survives a SIGKILL instead.
    """
    if options.get("job_dir"):
        return Path(options["job_dir"])
    db = Path(db_path).resolve()
    return db.with_name(db.name + ".jobs") / crawl_id(urls)


def warc_folder(db_path: str, options: dict) -> Path:
    """Where WARC files go: --warc-dir, else a `warc` folder beside the database."""
    if options.get("warc_dir"):
        return Path(options["warc_dir"]).resolve()
    return Path(db_path).resolve().parent / "warc"


def extract_processes(options: dict) -> int:
    """Worker processes for article extraction: cores - 1 (at most 4), so Scrapy keeps a core; 0 = inline.

    On two cores one worker lifted the benchmark from ~0.5 to ~0.9 of a bare spider's rate
    (bench/crawl.py measures both ways).
    """
    if options.get("extract_processes") is not None:
        return max(0, int(options["extract_processes"]))
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def build_settings(urls: list[str], db_path: str, options: dict) -> dict:
    """Every Scrapy setting of one crawl: polite defaults, fast on loopback, our components switched on.

    Options come from the command line (as a dict) plus a few keys tests and benchmarks use:
    `polite` (None = polite unless every start URL is local), `download_timeout`, `retry_times`,
    `max_size` (bytes), `concurrency`, `archive` (False turns WARC writing off), `extract_processes`, `batch_items` (store writes per batch).
    """
    polite = options.get("polite")
    if polite is None:
        polite = not is_local(urls)
    job = job_folder(db_path, urls, options)
    settings = {
        "BOT_NAME": "healthclaims",
        "USER_AGENT": options.get("user_agent") or USER_AGENT,
        "ROBOTSTXT_OBEY": True,
        "ITEM_PIPELINES": dict(ITEM_PIPELINES),
        "DOWNLOADER_MIDDLEWARES": dict(DOWNLOADER_MIDDLEWARES),
        "EXTENSIONS": dict(EXTENSIONS),
        "COOKIES_ENABLED": False,
        # Scrapy starts this many tasks per response to run its output through the pipelines; each
        # page yields one item and a few requests, so the default 100 was pure overhead.
        "CONCURRENT_ITEMS": 8,
        "TELNETCONSOLE_ENABLED": False,
        "DOWNLOAD_TIMEOUT": options.get("download_timeout") or 30,
        "DOWNLOAD_MAXSIZE": options.get("max_size") or 10 * 1024 * 1024,
        # Warn-size would only log; the max size is the rule, logged as a skip.
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_TIMES": 2 if options.get("retry_times") is None else options["retry_times"],
        "RETRY_BACKOFF_BASE": 1.0 if polite else 0.05,
        "RETRY_GIVE_UP_LOG_LEVEL": "INFO",
        "REDIRECT_MAX_TIMES": 10,
        "DEPTH_LIMIT": 0,  # depth is counted by the spider per kind of start point
        "LOG_LEVEL": "INFO",
        # A skipped page is routine (its reason is in crawl_log), not a warning.
        "DEFAULT_DROPITEM_LOG_LEVEL": "INFO",
        "LOG_FILE": str(job / "crawl.log"),
        "LOG_FILE_APPEND": True,
        "HEALTHCLAIMS_DB": str(db_path),
        "HEALTHCLAIMS_WARC_DIR": "" if options.get("archive") is False else str(warc_folder(db_path, options)),
        "HEALTHCLAIMS_CRAWL_ID": crawl_id(urls),
        "HEALTHCLAIMS_DEMO": bool(options.get("demo")),
        "HEALTHCLAIMS_QUIET": bool(options.get("quiet")),
        "HEALTHCLAIMS_PUBLISH_SECONDS": 30,
        "HEALTHCLAIMS_BATCH_ITEMS": options.get("batch_items") or 1000,  # store.batch_writer.BATCH_ITEMS
        "HEALTHCLAIMS_EXTRACT_PROCESSES": extract_processes(options),
        "HEALTHCLAIMS_KEYWORDS": options.get("keywords") or "",
        "HEALTHCLAIMS_KEYWORD_FILE": options.get("keyword_file") or "",
        "HEALTHCLAIMS_NO_KEYWORDS": bool(options.get("no_keywords")),
    }
    if polite:
        settings.update({
            "AUTOTHROTTLE_ENABLED": True,
            "AUTOTHROTTLE_START_DELAY": 1.0,
            "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0,
            "DOWNLOAD_DELAY": 0.5,
            "CONCURRENT_REQUESTS": 16,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
        })
    else:
        concurrency = options.get("concurrency") or 16
        settings.update({
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0,
            "CONCURRENT_REQUESTS": concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        })
    return settings
