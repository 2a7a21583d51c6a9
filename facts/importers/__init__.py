"""Importers of official bulk regulatory data (Drugs@FDA, openFDA, EMA, NDC DEA schedules) into the store."""

from __future__ import annotations

from pathlib import Path

from facts.curated import load_curated
from facts.importers import drugsatfda, ema, ndc, openfda

IMPORTERS = {
    "drugsatfda": drugsatfda.read_facts,
    "openfda": openfda.read_facts,
    "ema": ema.read_facts,
    "ndc": ndc.read_facts,
}


def link_to_curated(facts: list[dict]) -> int:
    """Mark imported facts that describe the same record as a curated fact (`linked_to`); returns how many."""
    by_ref = {}
    for cur in load_curated():
        if cur.get("reference"):
            by_ref[(cur["substance"], cur["kind"], _ref(cur["reference"]))] = cur["fact_id"]
    linked = 0
    for fact in facts:
        key = (fact["substance"], fact["kind"], _ref(fact.get("reference") or ""))
        if key in by_ref:
            fact["linked_to"] = by_ref[key]
            linked += 1
    return linked


def _ref(reference: str) -> str:


    """A reference compared loosely (upper case, single spaces)."""
    return " ".join(str(reference).upper().split())


def import_file(store, source: str, path: str | Path) -> dict:
    """Read one bulk file with the named importer and upsert its facts; returns counts."""
    if source not in IMPORTERS:
        raise ValueError(f"unknown source '{source}' (choose from {', '.join(IMPORTERS)})")
    path = Path(path)
    if not path.is_file():
        raise OSError(f"no such file: {path}")
    facts, skipped = IMPORTERS[source](path)
    linked = link_to_curated(facts)
    saved = store.save_facts(facts)
    return {"source": source, "facts": saved, "linked_to_curated": linked, "records_skipped": skipped}
