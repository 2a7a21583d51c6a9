"""One name per person and per organisation across an article: surnames, first names and acronyms."""

from __future__ import annotations

import re
from functools import cache

from nlp.wordlists import load

SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Small words left out of an organisation's initials ("Allied Council on Drug Safety" is ACDS).
FUNCTION_WORDS = {"of", "on", "and", "for", "the", "in", "&", "to", "at"}


def name_words(name: str) -> list[str]:
    """The words of a person's name, lower case, without 'Jr.' and the like."""
    return [w for w in name.lower().split() if w not in SUFFIXES]


def full_name(name: str, earlier: list[str], figures: list[str] = ()) -> str:
    """The full name a short name stands for, else the name as it is.

    A short name is the end of one full name used earlier in the article ('Rogan' after 'Joe Rogan',
    'Pinkett Smith') or, said alone, its first word ('Elon'); failing that, the surname of one known
    public figure the article names anywhere. Two fitting names ('Smith' beside Will and Jada Pinkett
    Smith) leave the short name alone: a guess would put words in the wrong mouth.
    """
    short = name_words(name)
    if not short:
        return name
    longer = {n: name_words(n) for n in earlier if len(name_words(n)) > len(short)}
    by_surname = {n for n, words in longer.items() if words[-len(short):] == short}
    if len({n.lower() for n in by_surname}) == 1:
        return by_surname.pop()
    if by_surname:
        return name
    if len(short) == 1:
        by_first = {n for n, words in longer.items() if words[0] == short[0]}
        if len({n.lower() for n in by_first}) == 1:
            return by_first.pop()
        if by_first:
            return name
        known = {f for f in figures if len(name_words(f)) > 1 and name_words(f)[-1] == short[0]}
        if len(known) == 1:
            return known.pop()
    return name


def initials(name: str) -> str:
    """The capital initials of an organisation's name, without its small words."""
    return "".join(w[0] for w in name.split() if w.lower() not in FUNCTION_WORDS and w[0].isupper())


def full_organisation_name(name: str, earlier: list[str]) -> str:
    """The one earlier full name an acronym abbreviates ('NMA' after 'Northland Medicines Agency'), else the name."""
    letters = name.replace(".", "")
    if not (2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()):
        return name
    matches = {o for o in earlier if len(o.split()) > 1 and initials(o) == letters}
    return matches.pop() if len(matches) == 1 else name


@cache
def known_figures() -> tuple[str, ...]:
    """The public figures' names from people.json."""
    return tuple(p["name"] for p in load("people")["people"])


def figures_in(text: str) -> list[str]:
    """The known public figures an article names in full, anywhere in its text or title."""
    return [name for name in known_figures() if name in text and re.search(rf"\b{re.escape(name)}(?!\w)", text)]
