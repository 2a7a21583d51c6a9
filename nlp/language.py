"""Decides whether an article can be tagged: not empty, and in English (by its metadata or its words)."""

from __future__ import annotations

import re

# The commonest English function words; real English prose is full of them, other languages are not.
ENGLISH_WORDS = frozenset(
    "the of and to a in is it that was for on are with as be by this have from or at not but an they "
    "which you he she his her were has been their will more can also one its all we there who would "
    "about what so said when up out if into than other some had them these may".split()
)
UNDETERMINED = {"und", "mul", "zxx", "x", "unknown", "none", "null"}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def skip_reason(article: dict) -> str | None:
    """Why an article must be skipped ('empty text', 'not English (de)'), or None to tag it."""
    text = article.get("text") or ""
    if not text.strip():
        return "empty text"
    language = (article.get("language") or "").strip().lower()
    # "und", "mul" and the like say nothing: judge those by the words.
    if language and language.split("-")[0].split("_")[0] not in UNDETERMINED and not language.startswith("en"):
        return f"not English ({language})"
    words = WORD.findall(text[:5000])
    if len(words) < 3:
        return "too little text"
    if len(words) >= 20:
        latin = sum(1 for w in words if w.isascii())
        english = sum(1 for w in words if w.lower() in ENGLISH_WORDS)
        if latin / len(words) < 0.5 or english / len(words) < 0.15:
            return "not English (detected)"
    return None
