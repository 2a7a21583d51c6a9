"""The condition vocabulary (facts/data/conditions.yaml): canonical ids, synonyms and parent links."""

from __future__ import annotations

import re
from functools import cache

from facts.loader import read_yaml_data


@cache
def normal(name: str) -> str:
    """A condition name compared loosely: lower case, '_' and '-' as spaces, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[_\-]", " ", str(name).lower())).strip()


@cache
def _umbrellas() -> frozenset[str]:
    """Conditions that only group others (parasitic infection): a claim naming one is met by any member."""
    data = read_yaml_data("conditions.yaml")["conditions"]
    return frozenset(cid for cid, entry in data.items() if (entry or {}).get("umbrella"))


@cache
def _table() -> tuple[dict[str, str | None], dict[str, str]]:
    """(parent of each canonical id, canonical id of each normalised name or synonym)."""
    data = read_yaml_data("conditions.yaml")["conditions"]
    parents: dict[str, str | None] = {}
    names: dict[str, str] = {}
    for cid, entry in data.items():
        parents[cid] = (entry or {}).get("parent")
        names[normal(cid)] = cid
    for cid, entry in data.items():
        for synonym in (entry or {}).get("synonyms") or []:
            names.setdefault(normal(synonym), cid)
    return parents, names


@cache
def canonical(name: str) -> str:
    """The canonical id of a condition name or synonym; an unknown name is kept (normalised)."""
    return _table()[1].get(normal(name), normal(name))


@cache
def lineage(condition: str) -> tuple[str, ...]:
    """The condition and its broader conditions, nearest first: trd -> [trd, mdd, depression, ...]."""
    parents = _table()[0]
    chain, current = [], canonical(condition)
    while current and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return tuple(chain)


@cache
def relation(claimed: str, indication: str) -> str | None:
    """How a claimed condition meets an indication: 'same', 'narrower' (claim within it), 'broader', or None.

    'broader' means the claim names a wider condition than the one approved (depression vs
    treatment-resistant depression): the approval covers only part of what the claim says.
    """
    claimed, indication = canonical(claimed), canonical(indication)
    if claimed == indication:
        return "same"
    if indication in lineage(claimed):
        return "narrower"
    if claimed in lineage(indication) and claimed != "mental health":
        return "same" if claimed in _umbrellas() else "broader"
    return None


def named_in(text: str) -> list[str]:
    """Canonical ids of the conditions whose names or synonyms occur in text (longest names first)."""
    from facts import cues

    names = _table()[1]
    found: list[str] = []
    for name in cues.find(normal(text), [n for n in names if len(n) >= 4]):
        cid = names.get(normal(name))
        if cid and cid not in found:
            found.append(cid)
    return found


@cache
def _not_diseases() -> frozenset[str]:
    """Conditions marked `disease: false`: wellness goals such as energy or immunity, not diseases."""
    data = read_yaml_data("conditions.yaml")["conditions"]
    return frozenset(cid for cid, entry in data.items() if (entry or {}).get("disease") is False)


def is_disease(condition: str) -> bool:
    """Whether a claim about the condition is a disease claim (supplements may make only the other kind)."""
    return canonical(condition) not in _not_diseases()  # obesity is a disease though weight management is not


@cache
def display(condition: str) -> str:
    """How a condition is written in a rationale: its `name` in conditions.yaml (COVID-19, PTSD), else its id."""
    cid = canonical(condition)
    entry = read_yaml_data("conditions.yaml")["conditions"].get(cid) or {}
    return entry.get("name") or cid
