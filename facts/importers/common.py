"""Shared shape of imported facts: stable ids, provenance and the fields every importer fills."""

from __future__ import annotations

from datetime import date
from pathlib import Path


def imported_fact(importer: str, path: Path, record: str, **fields) -> dict:
    """One imported fact with its provenance (importer + file + record) and the import date as `verified`."""
    fact = {
        "origin": "import",
        "importer": importer,
        "provenance": f"import:{importer}:{path.name}:{record}",
        "verified": date.today().isoformat(),
        "data_file": path.name,
        "record": record,
    }
    fact.update(fields)
    return fact


def split_form(form: str) -> tuple[str, str]:
    """Drugs@FDA 'SPRAY;NASAL' -> ('spray', 'nasal')."""
    parts = [p.strip().lower() for p in (form or "").split(";")]
    return (parts[0] if parts else ""), (parts[1] if len(parts) > 1 else "")


ROUTE_WORDS = {"subcutaneous": "subcutaneous", "nasal": "nasal", "oral": "oral", "intravenous": "intravenous",
               "intramuscular": "intramuscular", "topical": "topical", "injection": "injection",
               "transdermal": "transdermal", "sublingual": "sublingual", "buccal": "buccal", "inhalation": "inhaled"}


def route_of(text: str) -> list[str]:
    """Canonical route names found in an official route or form string."""
    low = (text or "").lower()
    return [v for k, v in ROUTE_WORDS.items() if k in low]
