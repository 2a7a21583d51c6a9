"""Remove page furniture that survives main-text extraction: headline repeats, newsletter and share
lines, 'related articles' lists. Cue patterns are data (resources/boilerplate.json)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_RESOURCE = Path(__file__).with_name("resources") / "boilerplate.json"
_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
_LIST_MARK = re.compile(r"^[-•*·]\s+")
_ANYWHERE = "^.*\\b"  # how a cue that may stand anywhere in a line begins


@lru_cache(maxsize=1)
def _strip_pattern() -> re.Pattern | None:
    """One pattern for the pieces to cut out of lines (e.g. 'Click To Tweet' buttons glued to quotes)."""
    pieces = json.loads(_RESOURCE.read_text(encoding="utf-8")).get("strip", [])
    return re.compile("|".join(f"(?:{piece})" for piece in pieces), re.I) if pieces else None


def _either(patterns: list[str]) -> re.Pattern | None:
    """One case-blind regex matching any of the patterns (one pass per line instead of one per cue).

    Cues that may sit anywhere in a line ('^.*\\b...') share one scan of it: '^.*\\b(?:a|b)' matches
    where '^.*\\ba' or '^.*\\bb' does, while each on its own walks the whole line again."""
    floating = [pattern[len(_ANYWHERE):] for pattern in patterns if pattern.startswith(_ANYWHERE)]
    patterns = [pattern for pattern in patterns if not pattern.startswith(_ANYWHERE)]
    if floating:
        patterns.append(_ANYWHERE + "(?:" + "|".join(f"(?:{pattern})" for pattern in floating) + ")")
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.I) if patterns else None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None, int, int]:
    """(drop-any-line regex, drop-short-line regex, list-heading regex, short-line and item word limits)."""
    data = json.loads(_RESOURCE.read_text(encoding="utf-8"))
    always, short = [], []
    for pattern in data["drop"]:
        text, _, flag = pattern.partition("::")
        (short if flag == "short" else always).append(text)
    return (_either(always), _either(short), _either(data["list_heading"]), data["short_words"],
            data["list_item_max_words"])


def _tokens(text: str) -> list[str]:
    """Lower-case word tokens."""
    return _TOKEN.findall(text.lower())


def is_title_repeat(line: str, titles: list[str]) -> bool:
    """Whether a line repeats the headline (exactly, or as a 4+ word piece of a 'headline | site' title)."""
    words = _tokens(line)
    if not words:
        return False
    joined = " ".join(words)
    for title in titles:
        title_words = _tokens(title)
        if not title_words:
            continue
        if words == title_words:
            return True
        if len(words) >= 4 and f" {joined} " in f" {' '.join(title_words)} ":
            return True
    return False


def is_boilerplate(line: str) -> bool:
    """Whether one line of text is page furniture by the cue list."""
    always, short, _, short_words, _ = _patterns()
    stripped = _LIST_MARK.sub("", line.strip())
    if always and always.match(stripped):
        return True
    # split at most short_words times: a paragraph needs no full split to be ruled out
    return bool(short and len(stripped.split(None, short_words)) <= short_words and short.match(stripped))


def _is_list_heading(line: str) -> bool:
    """Whether a line introduces a list of links to other articles."""
    _, _, headings, _, _ = _patterns()
    return bool(headings and headings.match(line.strip()))


def _is_headline_like(line: str) -> bool:
    """Whether a line reads like a link to another article: short, no sentence ending, or a bullet."""
    *_, max_words = _patterns()
    stripped = line.strip()
    if _LIST_MARK.match(stripped):
        return len(stripped.split()) <= max_words + 5
    return len(stripped.split()) <= max_words and not _SENTENCE_END.search(stripped)


def remove_boilerplate(text: str, titles: list[str] | None = None) -> str:
    """The text without headline repeats at the top, furniture lines and 'related' link lists."""
    strip = _strip_pattern()
    lines = [(strip.sub("", line) if strip else line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    titles = [title for title in titles or [] if title]
    # The headline belongs in the title field, not the body; it appears among the first lines only.
    start = 0
    while start < min(3, len(lines)) and is_title_repeat(lines[start], titles):
        start += 1
    kept, in_list = [], False
    exact_titles = {" ".join(_tokens(title)) for title in titles}
    for line in lines[start:]:
        if " ".join(_tokens(line)) in exact_titles:  # the headline repeated after a lead image or box
            continue
        if _is_list_heading(line):
            in_list = True
            continue
        if in_list and _is_headline_like(line):
            continue
        in_list = False
        if not is_boilerplate(line):
            kept.append(line)
    return "\n".join(kept)
