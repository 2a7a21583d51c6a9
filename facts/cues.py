"""Reads what a claim's text says (approval, legal status, route, population, years) from cue lists."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from facts.loader import read_yaml_data

# A year, unless it is part of a law's name ("Misuse of Drugs Act 1971", "Regulations 2001").
YEAR = re.compile(r"(?<!Act )(?<!Act of )(?<!Regulations )(?<!Order )\b(19[4-9]\d|20[0-4]\d)\b")
SCHEDULE = re.compile(r"\bschedule\s+(i{1,3}|iv|v|[1-5])\b", re.I)
UK_CLASS = re.compile(r"\bclass\s+([abc])\b", re.I)
ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}


@cache
def rules() -> dict:
    """The cue lists of facts/data/rules.yaml."""
    return read_yaml_data("rules.yaml")


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    """One regular expression matching any of the cue words, longest first, on word boundaries."""
    alternatives = sorted((re.escape(w.lower()) for w in words), key=len, reverse=True)
    # A hyphen may follow a cue ("FDA-approved") but not precede it ("non-addictive" is not "addictive").
    return re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?!\w)")


# Compiled patterns by the identity of the (long-lived) word list, so a lookup does not rebuild and hash
# a tuple of every cue on each call; the list is kept in the entry so its id cannot be reused.
_BY_LIST: dict[int, tuple[list, re.Pattern]] = {}


def find(text: str, words: list[str]) -> list[str]:
    """The cue words (from `words`) found in text, in order of appearance."""
    if not text or not words:
        return []
    entry = _BY_LIST.get(id(words))
    if entry is None or entry[0] is not words:
        if len(_BY_LIST) > 512:  # short-lived lists ([brand]) must not pile up
            _BY_LIST.clear()
        entry = _BY_LIST[id(words)] = (words, _pattern(tuple(words)))
    return [m.group(1) for m in entry[1].finditer(_lower(text))]


@lru_cache(maxsize=64)
def _lower(text: str) -> str:
    """Lower-cased text, cached because one claim's text is searched for many cue lists."""
    return text.lower()


def has(text: str, words: list[str]) -> bool:
    """Whether any cue word occurs in text."""
    return bool(find(text, words))


def years(text: str) -> list[int]:
    """Four-digit years named in text."""
    return [int(y) for y in YEAR.findall(text or "")]


def schedule_named(text: str) -> str | None:
    """A US schedule named in text ('schedule 3' -> 'III'), if any."""
    m = SCHEDULE.search(text or "")
    if not m:
        return None
    value = m.group(1).upper()
    return ROMAN.get(value, value)


def uk_class_named(text: str) -> str | None:
    """A UK Misuse of Drugs Act class named in text ('Class B' -> 'B'), if any."""
    m = UK_CLASS.search(text or "")
    return m.group(1).upper() if m else None


def legal_words(text: str) -> list[str]:
    """The legal statuses the text asserts (illegal, legal, controlled, prescription), in order."""
    found = []
    for status, words in rules()["legal_status"].items():
        if has(text, words):
            found.append(status)
    # "illegal" contains no separate "legal" word match (boundaries), but "not illegal" must not read as illegal.
    return found


def routes(text: str, named: list[str] | None = None) -> set[str]:
    """Routes of administration named by the claim (tagger's routes plus text cues)."""
    found = {r.lower() for r in (named or [])}
    for route, words in rules()["routes"].items():
        if has(text, words):
            found.add(route)
    return found


def jurisdictions_named(text: str) -> set[str]:
    """Jurisdictions the text points to (FDA -> US, NICE -> UK ...)."""
    return {j for j, words in rules()["jurisdiction_cues"].items() if has(text, words)}
