"""Importer for the Drugs@FDA data files (a zip of tab-delimited Applications/Products/Submissions)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from facts.importers.common import imported_fact, route_of, split_form
from facts.importers.names import substances_for

REQUIRED = {
    "Applications.txt": ("ApplNo", "ApplType", "SponsorName"),
    "Products.txt": ("ApplNo", "ProductNo", "Form", "Strength", "DrugName", "ActiveIngredient"),
    "Submissions.txt": ("ApplNo", "SubmissionType", "SubmissionNo", "SubmissionStatus", "SubmissionStatusDate"),
}
# Generic copies (ANDA) repeat an approval already on record; the first approval of each NDA/BLA is the fact.
APPLICATION_TYPES = ("NDA", "BLA")


def _table(archive: zipfile.ZipFile, name: str, path: Path) -> list[dict]:


    """One tab-delimited file of the zip as dicts, after checking its columns."""
    try:
        raw = archive.read(name)
    except KeyError:
        raise ValueError(f"{path.name}: not a Drugs@FDA zip (no {name} inside)") from None
    text = raw.decode("utf-8", errors="replace") if b"\xef\xbb\xbf" not in raw[:3] else raw.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in REQUIRED[name] if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"{path.name}: {name} lacks column(s) {', '.join(missing)}")
    return list(reader)


def read_facts(path: Path) -> tuple[list[dict], int]:
    """Approval facts (first approval of each NDA/BLA whose ingredient the lexicon knows); and how many were skipped."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ValueError(f"{path.name}: not a zip file (expected the Drugs@FDA data files zip)") from None
    with archive:
        apps = {r["ApplNo"]: r for r in _table(archive, "Applications.txt", path)}
        products: dict[str, list[dict]] = {}
        for row in _table(archive, "Products.txt", path):
            products.setdefault(row["ApplNo"], []).append(row)
        approvals: dict[str, dict] = {}
        for row in _table(archive, "Submissions.txt", path):
            if row["SubmissionType"] == "ORIG" and row["SubmissionStatus"] == "AP":
                approvals.setdefault(row["ApplNo"], row)
    facts, skipped = [], 0
    for appl_no, products_of in sorted(products.items()):
        app = apps.get(appl_no) or {}
        appl_type = (app.get("ApplType") or "").strip()
        approval = approvals.get(appl_no)
        substances = substances_for(products_of[0]["ActiveIngredient"])
        if appl_type not in APPLICATION_TYPES or not approval or not substances:
            skipped += 1
            continue
        first = products_of[0]
        form, route = split_form(first["Form"])
        brand = first["DrugName"].strip().title()
        strengths = sorted({p["Strength"].strip() for p in products_of})
        day = approval["SubmissionStatusDate"][:10]
        for substance in substances:
            fid = f"fda-{appl_type.lower()}-{appl_no}-orig" + (f"-{substance}" if len(substances) > 1 else "")
            facts.append(imported_fact(
                "drugsatfda", path, f"Submissions.txt ApplNo={appl_no} SubmissionNo={approval['SubmissionNo']}",
                fact_id=fid, substance=substance, jurisdiction="US", authority="FDA", kind="approval",
                product=f"{brand} ({first['ActiveIngredient'].strip().lower()}) {form}".strip(),
                brand=brand, form=form, route=route, routes=route_of(route),
                indication=None, indications=[], population=None, conditions_of_use=None,
                date=day, reference=f"{appl_type} {appl_no}", sponsor=(app.get("SponsorName") or "").strip(),
                strengths=strengths,
                summary=(f"FDA approved {brand} ({first['ActiveIngredient'].strip().lower()}, {first['Form'].strip().lower()})"
                         f" under {appl_type} {appl_no} on {day} (original approval; the data files do not give the indication)."),
                source_url=f"https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo={appl_no}",
                source_title=f"Drugs@FDA: {first['DrugName'].strip()}, {appl_type} {appl_no}",
            ))
    return facts, skipped
