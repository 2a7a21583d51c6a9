"""Article language: the page's declaration checked against a cheap script and stop-word test of the text."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

_RESOURCE = Path(__file__).with_name("resources") / "languages.json"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE_CHARS = 3000
_MIN_WORDS = 8  # below this a stop-word count says nothing
_MIN_SHARE = 0.15  # clear cases: prose is 25-45 % these function words in its own language
_MIN_MARGIN = 1.5  # and the winner must clearly beat the runner-up (es/pt/ca share many words)


@lru_cache(maxsize=1)
def _resources() -> tuple[list[tuple[str, re.Pattern, float]], dict[str, frozenset[str]]]:
    """Script rules and stop-word sets, loaded once."""
    data = json.loads(_RESOURCE.read_text(encoding="utf-8"))
    scripts = [(rule["language"], re.compile(rule["pattern"]), rule["share"]) for rule in data["scripts"]]
    stoplists = {code: frozenset(words.split()) for code, words in data["function_words"].items()}
    return scripts, stoplists


@lru_cache(maxsize=1)
def _any_script() -> re.Pattern:
    """One pattern for all script rules: most texts have none of those letters, and one scan says so."""
    scripts, _ = _resources()
    return re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern, _ in scripts) or "(?!)")


@lru_cache(maxsize=1)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """Function word -> the languages that list it, so a text's words are looked up once each."""
    _, stoplists = _resources()
    languages: dict[str, list[str]] = {}
    for code, stops in stoplists.items():
        for word in stops:
            languages.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in languages.items()}


def normalise_language(value: str | None) -> str | None:
    """ISO 639-1 code from a declaration like 'en-US', 'en_GB', 'EN' or 'pt-br'; None if not one."""
    if not value:
        return None
    code = re.split(r"[-_;,\s]", value.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def detect_language(text: str) -> tuple[str | None, bool]:
    """(language code or None, whether the evidence is clear) from the text alone."""
    sample = text[:_SAMPLE_CHARS]
    found = _WORD.findall(sample)
    letters = sum(map(len, found))  # words are runs of letters, so this counts every letter once
    if not letters:
        return None, False
    scripts, stoplists = _resources()
    if _any_script().search(sample):
        for language, pattern, share in scripts:
            if len(pattern.findall(sample)) >= share * letters:
                return language, letters >= 20
    words = Counter(map(str.lower, found))
    total = sum(words.values())
    if not total:
        return None, False
    scores, languages_of = dict.fromkeys(stoplists, 0), _languages_of_word()
    for word in words.keys() & languages_of.keys():
        for code in languages_of[word]:
            scores[code] += words[word]
    counts = sorted(((score, code) for code, score in scores.items()), reverse=True)
    (best, language), (second, _) = counts[0], counts[1]
    if best == 0:
        return None, False
    clear = total >= _MIN_WORDS and best >= _MIN_SHARE * total and best >= _MIN_MARGIN * second
    return language, clear


def choose_language(declared: str | None, text: str) -> tuple[str | None, str | None]:
    """(language, where it came from): the declaration unless the text clearly says otherwise."""
    declared_code = normalise_language(declared)
    detected, clear = detect_language(text)
    if declared_code and (not clear or detected == declared_code):
        return declared_code, "declared"
    if detected and (clear or not declared_code):
        return detected, "text"
    return None, None
