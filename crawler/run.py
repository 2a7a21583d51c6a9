"""Entry point the CLI calls: validate start URLs, run the crawl in a child process, return its summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from store import StoreError

OPTION_KEYS = (
    "max_pages", "depth", "keywords", "keyword_file", "no_keywords", "user_agent", "warc_dir", "job_dir",
    "quiet", "demo", "polite", "download_timeout", "retry_times", "max_size", "concurrency", "archive",
    "extract_processes", "batch_items",
    # distributed crawling (crawler/distributed.py)
    "redis", "worker_id", "worker_lease", "idle_exit", "keep_running", "redis_timeout",
)


def check_start_url(url: str) -> str:
    """The URL if it is one the crawler can fetch (http, https, file); ValueError in one line otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") and parts.hostname:
        return url.strip()
    if parts.scheme == "file" and parts.path:
        if not Path(url2pathname(parts.path)).exists():
            raise ValueError(f"file not found: {url}")
        return url.strip()
    raise ValueError(f"not a URL the crawler can fetch (http, https or file): {url!r}")


def crawl_urls(urls: list[str], db_path: str, options: dict | None = None) -> dict:
    """Crawl the start URLs into the store at db_path; returns {pages, stored, unchanged, ...}.

    The crawl runs in a child process (the Twisted reactor cannot restart); its terminal output
    (the live progress display) passes through. Errors come back as one-line exceptions.
    """
    options = {k: v for k, v in (options or {}).items() if k in OPTION_KEYS}
    urls = [check_start_url(u) for u in urls]
    if not urls and not options.get("redis"):  # a Redis worker may take all its start URLs from Redis
        raise ValueError("give at least one URL to crawl")
    if not Path(db_path).resolve().parent.exists():
        raise StoreError(f"database folder does not exist: {Path(db_path).resolve().parent}")
    with tempfile.TemporaryDirectory(prefix="healthclaims-crawl-") as tmp:
        request_path = Path(tmp) / "request.json"
        result_path = Path(tmp) / "result.json"
        request = {"urls": urls, "db_path": str(Path(db_path).resolve()), "options": options,
                   "result_path": str(result_path)}
        request_path.write_text(json.dumps(request), encoding="utf-8")
        env = dict(os.environ)
        # The child must import this checkout's packages even when run from another folder.
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        proc = subprocess.Popen([sys.executable, "-m", "crawler.process", str(request_path)], env=env)
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            # The child got the same Ctrl-C and is stopping cleanly (writing its last batch); let it,
            # unless a second Ctrl-C asks to force. What it stored is kept; the next run resumes.
            try:
                proc.wait(timeout=60)
            except (KeyboardInterrupt, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
            raise
        if not result_path.exists():
            raise OSError(f"the crawl process stopped without a result (exit code {code}); see the crawl log")
        result = json.loads(result_path.read_text(encoding="utf-8"))
    if "error" in result:
        kind = {"StoreError": StoreError, "ValueError": ValueError}.get(result.get("kind"), OSError)
        raise kind(result["error"])
    return result["summary"]
