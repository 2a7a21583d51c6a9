"""Importer for openFDA drugsfda JSON (api.fda.gov/drug/drugsfda.json results, or a download of them)."""

from __future__ import annotations

import json
from pathlib import Path

from facts.importers.common import imported_fact, route_of
from facts.importers.names import substances_for


def _records(path: Path) -> list[dict]:


    """The application records of an openFDA drugsfda JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValueError(f"{path.name}: not UTF-8 JSON text") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path.name}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if isinstance(data, dict) and "results" in data:
        data = data["results"]
    elif isinstance(data, dict) and "application_number" in data:
        data = [data]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ValueError(f"{path.name}: expected openFDA drugsfda JSON ({{'results': [...]}} or a list of applications)")
    return data


def _day(value: str) -> str | None:


    """An openFDA YYYYMMDD date as YYYY-MM-DD, or None."""
    value = str(value or "").strip()
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def read_facts(path: Path) -> tuple[list[dict], int]:
    """Approval facts from each application's ORIG/AP submission; and how many records were skipped."""
    facts, skipped = [], 0
    for index, record in enumerate(_records(path)):
        number = str(record.get("application_number") or "").upper()
        appl_type = "".join(ch for ch in number if ch.isalpha())
        appl_no = number[len(appl_type):]
        products = record.get("products") or []
        origs = [s for s in record.get("submissions") or []
                 if s.get("submission_type") == "ORIG" and s.get("submission_status") == "AP"]
        if appl_type not in ("NDA", "BLA") or not appl_no or not products or not origs:
            skipped += 1
            continue
        first = products[0]
        ingredients = "; ".join(i.get("name", "") for i in first.get("active_ingredients") or [])
        substances = substances_for(ingredients)
        day = _day(origs[0].get("submission_status_date"))
        if not substances or not day:
            skipped += 1
            continue
        brand = str(first.get("brand_name") or "").strip().title()
        form = str(first.get("dosage_form") or "").strip().lower()
        route = str(first.get("route") or "").strip().lower()
        for substance in substances:
            fid = f"fda-{appl_type.lower()}-{appl_no}-orig" + (f"-{substance}" if len(substances) > 1 else "")
            facts.append(imported_fact(
                "openfda", path, f"results[{index}] application_number={number}",
                fact_id=fid, substance=substance, jurisdiction="US", authority="FDA", kind="approval",
                product=f"{brand} ({ingredients.lower()}) {form}".strip(), brand=brand, form=form, route=route,
                routes=route_of(route), indication=None, indications=[], date=day,
                reference=f"{appl_type} {appl_no}", sponsor=record.get("sponsor_name"),
                summary=(f"FDA approved {brand} ({ingredients.lower()}, {form}, {route}) under {appl_type} {appl_no}"
                         f" on {day} (original approval; openFDA does not give the indication)."),
                source_url=f"https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo={appl_no}",
                source_title=f"Drugs@FDA: {brand.upper()}, {appl_type} {appl_no}",
            ))
    return facts, skipped
