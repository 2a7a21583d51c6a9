"""The substance and condition lexicons (canonical ids, synonyms, parent/child links), shared with the checker.

Each has one data file in nlp/resources: substances.json and conditions.json. The tagger matches their names;
the fact checker (facts/) reads the same ids, parents and, for conditions, its own attributes (umbrella,
disease, name) through the functions here.
"""

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


@cache
def load_conditions() -> dict[str, dict]:
    """Every condition: {canonical_id: {"parent": id|None, "synonyms": [...], optional "name", "umbrella", ...}}.

    The "_about" note in conditions.json says what each key means ("disease": false, "loose" words ...).
    """
    text = resources.files("nlp.resources").joinpath("conditions.json").read_text(encoding="utf-8")
    return {cid: entry for cid, entry in json.loads(text).items() if not cid.startswith("_")}


def condition_lineage(condition: str) -> list[str]:
    """The condition and its broader conditions, nearest first: ptsd -> [ptsd, trauma, mental health]."""
    table = load_conditions()
    chain: list[str] = []
    current: str | None = condition
    while current and current not in chain:
        chain.append(current)
        current = (table.get(current) or {}).get("parent")
    return chain


def condition_terms(condition: str) -> list[str]:
    """The names the tagger matches for a condition: its id and synonyms, never its loose words."""
    entry = load_conditions().get(condition) or {}
    loose = set(entry.get("loose") or [])
    return [t for t in [condition, *entry.get("synonyms", [])] if t not in loose]
