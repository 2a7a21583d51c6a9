"""Importer for EMA's 'Medicines output: European public assessment reports' xlsx export."""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from facts import conditions
from facts.importers.common import imported_fact
from facts.importers.names import substances_for

COLUMNS = ("Category", "Medicine name", "Active substance", "Product number", "Authorisation status",
           "Marketing authorisation date")


def _day(value) -> str | None:
    """A date cell (datetime, or 'dd/mm/yyyy' text) as YYYY-MM-DD."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", str(value or ""))
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    return None


def _rows(path: Path):


    """The export's rows after its header row, numbered as in the spreadsheet."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, InvalidFileException) as exc:
        raise ValueError(f"{path.name}: not an xlsx workbook ({type(exc).__name__})") from None
    sheet = book.worksheets[0]
    header = None
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [str(c).strip() if c is not None else "" for c in row]
        if header is None:
            # EMA puts an address block above the header (row 9 in the 2018 export); find it by its names.
            if "Medicine name" in cells and "Product number" in cells:
                header = cells
                missing = [c for c in COLUMNS if c not in header]
                if missing:
                    raise ValueError(f"{path.name}: header on row {number} lacks {', '.join(missing)}")
            elif number > 30:
                break
            continue
        yield number, dict(zip(header, row))
    book.close()
    if header is None:
        raise ValueError(f"{path.name}: no EMA header row ('Medicine name', 'Product number') in the first 30 rows")


def area_conditions(area: str) -> list[str]:
    """Condition ids of an EMA therapeutic area; "Pain, Cancer" is cancer pain (MeSH), not cancer."""
    found = conditions.named_in(area)
    return ["pain"] if "pain" in found else found


def read_facts(path: Path) -> tuple[list[dict], int]:
    """One fact per human medicine whose active substance the lexicon knows: authorised, withdrawn or refused."""
    facts, skipped = [], 0
    for row_number, row in _rows(path):
        if str(row.get("Category") or "").strip().lower() != "human":
            skipped += 1
            continue
        number = str(row.get("Product number") or "").strip()
        substances = substances_for(str(row.get("Active substance") or "").replace(",", ";")) or \
            substances_for(str(row.get("INN/common name") or ""))
        status = str(row.get("Authorisation status") or "").strip()
        refused = status.lower() == "refused"
        day = _day(row.get("Date of refusal") if refused else row.get("Marketing authorisation date"))
        if not number or not substances or not day:
            skipped += 1
            continue
        name = str(row.get("Medicine name") or "").strip()
        indication = " ".join(str(row.get("Condition / indication") or row.get("Condition/indication") or "").split())
        area = " ".join(str(row.get("Therapeutic area") or "").split())
        # The therapeutic area (MeSH terms such as "Obesity, Overweight") names the conditions cleanly.
        slug = re.sub(r"[^a-z0-9]+", "-", number.lower()).strip("-")
        for substance in substances:
            facts.append(imported_fact(
                "ema", path, f"row {row_number} {number}",
                fact_id=f"ema-{slug}" + (f"-{substance}" if len(substances) > 1 else ""),
                substance=substance, jurisdiction="EU", authority="European Commission",
                kind="rejection" if refused else "approval", finding="not_approved" if refused else None,
                product=f"{name} ({str(row.get('Active substance') or '').strip().lower()})", brand=name,
                indication=(indication[:400] + ("..." if len(indication) > 400 else "")) or None,
                indications=area_conditions(area), therapeutic_area=area or None, date=day, reference=number,
                status=status,
                summary=(f"{name} ({str(row.get('Active substance') or '').strip().lower()}): EU marketing authorisation "
                         f"{'refused' if refused else 'granted'} on {day} ({number}); status in the export: {status}."),
                source_url=str(row.get("URL") or "").strip() or "https://www.ema.europa.eu/en/medicines",
                source_title=f"EMA: {name}, EPAR ({number})",
            ))
    return facts, skipped
