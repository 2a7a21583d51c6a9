"""Stable identifiers: canonical URLs and the hashes that make every write idempotent."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that only track a visit; two URLs differing in them are the same page.
TRACKING_PARAMS = {
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_gl",
    "ref", "ref_src", "ref_url", "cmpid", "ito", "ncid", "sr_share", "share", "smid", "utm",
}


def canonical_url(url: str) -> str:
    """The URL with scheme and host lower-cased, default port, fragment and tracking parameters removed."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
    ]
    query.sort()
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def sha1(*parts: object) -> str:
    """A short hex digest of the parts joined by a separator no part contains."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def page_id(url: str) -> str:
    """Id of a page: hash of its canonical URL."""
    return sha1(canonical_url(url))


def article_id(url: str) -> str:
    """Id of an article: hash of its canonical URL (the first URL it was kept under)."""
    return sha1(canonical_url(url))


def claim_id(article: str, start: int, end: int) -> str:
    """Id of a claim: hash of its article id and character span."""
    return sha1(article, start, end)


def text_hash(text: str) -> str:
    """Hash of a text with white space folded, to tell unchanged pages from changed ones."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()
