"""The substance lexicon (canonical ids, synonyms, parent/child links), shared with the checker."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def load_substances() -> dict[str, dict]:
    """Every substance: {canonical_id: {"parent": id|None, "kind": str, "synonyms": [...]}}."""
    text = resources.files("nlp.resources").joinpath("substances.json").read_text(encoding="utf-8")
    return json.loads(text)


def lineage(substance: str) -> list[str]:
    """The substance and its ancestors, nearest first: esketamine -> [esketamine, ketamine]."""
    table = load_substances()
    chain, seen = [], set()
    current: str | None = substance
    while current and current not in seen:
        chain.append(current)
        seen.add(current)
        current = (table.get(current) or {}).get("parent")
    return chain


def family(substance: str) -> set[str]:
    """The substance, its ancestors and its descendants: every id a fact about it may bear on."""
    table = load_substances()
    related = set(lineage(substance))
    for other in table:
        if substance in lineage(other):
            related.add(other)
    return related
