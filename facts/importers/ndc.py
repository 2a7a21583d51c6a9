"""Importer for the DEA schedule column of the FDA NDC directory (tab-delimited, SUBSTANCENAME + DEASCHEDULE)."""

from __future__ import annotations

import csv
from pathlib import Path

from facts.importers.common import imported_fact
from facts.importers.names import substances_for

SCHEDULES = {"CI": "I", "CII": "II", "CIII": "III", "CIV": "IV", "CV": "V"}


def read_facts(path: Path) -> tuple[list[dict], int]:
    """One legal-class fact per (substance, schedule) listed; labeler listings, so the caveat goes with them."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path.name}: not UTF-8 text (expected the NDC tab-delimited file)") from None
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in ("SUBSTANCENAME", "DEASCHEDULE") if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"{path.name}: lacks column(s) {', '.join(missing)} (expected the NDC product file)")
    seen: dict[tuple[str, str], dict] = {}
    skipped = 0
    for line, row in enumerate(reader, start=2):
        schedule = SCHEDULES.get((row.get("DEASCHEDULE") or "").strip().upper())
        name = (row.get("SUBSTANCENAME") or "").strip()
        substances = substances_for(name) if schedule and name else []
        if not substances:
            skipped += 1
            continue
        for substance in substances:
            key = (substance, schedule)
            if key in seen:
                seen[key]["listings"] += 1
                continue
            seen[key] = imported_fact(
                "ndc", path, f"line {line} {name} C{schedule}",
                fact_id=f"ndc-dea-{substance.replace('+', 'plus').replace(' ', '-')}-c{schedule.lower()}",
                substance=substance, jurisdiction="US", authority="DEA", kind="legal_class",
                legal_status={"regime": "US Controlled Substances Act (as listed in the FDA NDC directory)",
                              "schedule": schedule},
                date=None, reference=f"NDC DEASCHEDULE {name} C{schedule}", listings=1,
                summary=(f"The FDA NDC directory lists {name} with DEA schedule C{schedule}. This is a labeler listing,"
                         " not the legal schedule; the law is 21 CFR 1308.11-1308.15."),
                source_url="https://www.fda.gov/drugs/drug-approvals-and-databases/national-drug-code-directory",
                source_title="FDA National Drug Code Directory (DEASCHEDULE column)",
            )
    return list(seen.values()), skipped
