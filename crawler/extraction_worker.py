"""What an extraction worker process runs (crawler.pipelines.ExtractArticle hands pages over in batches).

Kept apart from the pipelines so a spawned worker imports only extraction and simhash, not
Scrapy, pandas and the store (half a second of start-up on the cores the crawl is using).
"""

from __future__ import annotations

import signal

from crawler.duplicates import simhash
from crawler.extraction import extract_article


def ignore_stop_signals() -> None:
    """Pool initializer: leave SIGINT/SIGTERM to the crawl, which stops its workers itself.

    A service manager or Ctrl+C signals the whole process group; a worker dying on it mid-batch
    would break the pool under the crawl while the crawl is still shutting down gracefully.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def warm_up() -> None:
    """Nothing: submitted when the pool opens so the worker starts (and imports) before pages arrive."""


def extract_batch(pages: list[tuple[bytes, str]]) -> list[tuple[str, object]]:
    """("ok", (article, simhash)) or ("error", "Type: message") for each (body, url), in order."""
    out: list[tuple[str, object]] = []
    for body, url in pages:
        try:
            out.append(("ok", extract_with_fingerprint(body, url)))
        except Exception as exc:  # one page's crash must not fail the others in its batch
            out.append(("error", f"{type(exc).__name__}: {exc}"))
    return out


def extract_with_fingerprint(body: bytes, url: str) -> tuple[dict, int | None]:
    """Extraction and the text's simhash together, so a worker process does both off Scrapy's thread."""
    article = extract_article(body, url)
    return article, simhash(article.get("text") or "")
