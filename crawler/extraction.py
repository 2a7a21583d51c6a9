"""Article extraction: main text by trafilatura, with title and date metadata."""

from __future__ import annotations

import trafilatura


def extract_article(html: bytes | str, url: str | None = None) -> dict:
    """Main text and metadata of one HTML page: title, text, published date, author, publisher."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=False)
    if doc is None:
        return {"url": url, "title": None, "text": "", "published": None}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {
        "url": url,
        "title": data.get("title"),
        "text": data.get("text") or "",
        "published": data.get("date"),
        "author": data.get("author"),
        "publisher": data.get("sitename"),
        "language": data.get("language"),
        "canonical_url": data.get("url"),
        "description": data.get("description"),
        "source_type": "unknown",
    }
