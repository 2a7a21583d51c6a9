"""The curated fact base: validated fact files turned into the fact dicts the store and checker use."""

from __future__ import annotations

from pathlib import Path

from facts.loader import FactFileError, LoadedFact
from facts.validate import validate_files

REPO_ROOT = Path(__file__).resolve().parent.parent


def as_store_fact(loaded: LoadedFact) -> dict:
    """One validated fact as a store row: `id` becomes `fact_id`, lists become text, provenance is added."""
    fact = dict(loaded.data)
    fact["fact_id"] = fact.pop("id")
    for key in ("date", "verified", "date_effective"):
        if fact.get(key) is not None:
            fact[key] = str(fact[key])
    route = fact.get("route")
    fact["routes"] = [route] if isinstance(route, str) else list(route or [])
    if isinstance(route, list):
        fact["route"] = ", ".join(route)
    try:
        where = Path(loaded.path).resolve().relative_to(REPO_ROOT)
    except ValueError:
        where = Path(loaded.path)
    fact["provenance"] = f"curated:{where.as_posix()}:{loaded.line}"
    fact["origin"] = "curated"
    return fact


def load_curated(paths: list[str | Path] | None = None) -> list[dict]:
    """Every curated fact, validated; raises FactFileError (file:line: problem) on the first bad one."""
    facts, problems = validate_files(paths)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise FactFileError(first.path, first.line, first.message + more)
    return [as_store_fact(f) for f in facts]
