"""The current selection as a downloadable file, written by the same writers as `healthclaims export`."""

from __future__ import annotations

import tempfile
from pathlib import Path

from exports.records import claim_record
from exports.writers import write_records

# format -> (button label, file extension, MIME type)
FORMATS = {
    "csv": ("CSV (spreadsheet)", "csv", "text/csv"),
    "jsonl": ("JSON (one claim a line)", "jsonl", "application/x-ndjson"),
    "parquet": ("Parquet (data analysis)", "parquet", "application/vnd.apache.parquet"),
    "claimreview": ("ClaimReview JSON-LD (schema.org)", "claimreview.json", "application/ld+json"),
}


def selection_file(rows: list[dict], fmt: str) -> bytes:
    """The bytes of an export of these claim rows (claims_selection's shape) in one format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    records = [claim_record(row) for row in rows]
    with tempfile.TemporaryDirectory(prefix="healthclaims-download-") as folder:
        out = Path(folder) / f"claims.{FORMATS[fmt][1]}"
        write_records(records, "claims", fmt, out)
        return out.read_bytes()


def file_name(fmt: str, stem: str = "healthclaims-claims") -> str:
    """The file name a download is saved under."""
    return f"{stem}.{FORMATS[fmt][1]}"
