"""How the checker reads conditions: names to canonical ids, and how a claimed condition meets an indication.

The vocabulary itself (ids, synonyms, parents, and the checker's attributes `umbrella`, `disease` and
`name`) is the tagger's, nlp/resources/conditions.json, read through `nlp.lexicon`; so every id the
tagger writes is an id here. Names are compared after lower-casing and treating '_' and '-' as spaces.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.lexicon import condition_lineage, load_conditions


@cache
def normal(name: str) -> str:
    """A condition name compared loosely: lower case, '_' and '-' as spaces, single spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[_\-]", " ", str(name).lower())).strip()


@cache
def _umbrellas() -> frozenset[str]:
    """Conditions that only group others (parasitic infection): a claim naming one is met by any member."""
    return frozenset(cid for cid, entry in load_conditions().items() if entry.get("umbrella"))


@cache
def _names() -> dict[str, str]:
    """The canonical id of each normalised id, synonym and loose word (an id wins over another's synonym)."""
    table = load_conditions()
    names = {normal(cid): cid for cid in table}
    for cid, entry in table.items():
        for name in [*entry.get("synonyms", []), *entry.get("loose", [])]:
            names.setdefault(normal(name), cid)
    return names


@cache
def canonical(name: str) -> str:
    """The canonical id of a condition name or synonym; an unknown name is kept (normalised)."""
    return _names().get(normal(name), normal(name))


@cache
def lineage(condition: str) -> tuple[str, ...]:
    """The condition and its broader conditions, nearest first: trd -> [trd, mdd, depression, mental health]."""
    return tuple(condition_lineage(canonical(condition)))


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
    """Canonical ids of the conditions whose names, synonyms or loose words occur in text (longest first)."""
    from facts import cues

    names = _names()
    found: list[str] = []
    for name in cues.find(normal(text), [n for n in names if len(n) >= 4]):
        cid = names.get(normal(name))
        if cid and cid not in found:
            found.append(cid)
    return found


@cache
def _not_diseases() -> frozenset[str]:
    """Conditions marked `disease: false`: wellness goals such as energy or immunity, not diseases."""
    return frozenset(cid for cid, entry in load_conditions().items() if entry.get("disease") is False)


def is_disease(condition: str) -> bool:
    """Whether a claim about the condition is a disease claim (supplements may make only the other kind)."""
    return canonical(condition) not in _not_diseases()  # obesity is a disease though weight management is not


@cache
def display(condition: str) -> str:
    """How a condition is written in a rationale: its `name` (COVID-19, PTSD), else its id."""
    cid = canonical(condition)
    return (load_conditions().get(cid) or {}).get("name") or cid
