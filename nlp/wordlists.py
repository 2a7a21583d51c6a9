"""Loads the data files in nlp/resources (word lists, cue lists, patterns) once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def load(name: str) -> dict:
    """The parsed JSON resource nlp/resources/<name>.json (keys starting with '_' are notes)."""
    text = resources.files("nlp.resources").joinpath(f"{name}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def is_short_caps(term: str) -> bool:
    """True for acronyms such as 'K', 'CBD', 'MDMA' that must match case-sensitively to stay precise."""
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and len(term) <= 4 and all(c.isupper() for c in letters)
