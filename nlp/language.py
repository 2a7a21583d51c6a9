"""Decides whether an article can be tagged: not empty, and in English (by its metadata or its words)."""

from __future__ import annotations

import re

# The commonest English function words; real English prose is full of them, other languages are not.
ENGLISH_WORDS = frozenset(
    "the of and to a in is it that was for on are with as be by this have from or at not but an they "
    "which you he she his her were has been their will more can also one its all we there who would "
    "about what so said when up out if into than other some had them these may".split()
)
# Common function words of other Latin-script languages (German, French, Spanish, Portuguese, Italian,
# Dutch, Indonesian) that are not English words.
OTHER_WORDS = frozenset(
    "der das und ist nicht mit von zu den dem ein eine auf für sich auch wird le la les et est une des du pour "
    "dans que qui sur pas au el los las y es por con una del se lo como más pero na não do da os em um uma é "
    "mais ao il di che per non sono della nel alla gli het een van ik niet dat zijn dan yang ini itu dengan "
    "untuk tidak dari akan ada jang kita".split()
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
        other = sum(1 for w in words if w.lower() in OTHER_WORDS)
        if latin / len(words) < 0.5 or other > english:
            return "not English (detected)"
        if english / len(words) < 0.05:
            return "no English prose (a table or list?)"
    return None
