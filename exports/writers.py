"""Writing a table to a file in one of the export formats, atomically (a temp file renamed)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import duckdb

from exports.claimreview import claim_review
from exports.records import claim_csv_row, claim_record
from store import queries

EXPORT_TABLES = ("claims", "articles", "facts")
EXPORT_FORMATS = ("jsonl", "csv", "parquet", "claimreview")


def table_records(con: duckdb.DuckDBPyConnection, table: str) -> list[dict]:
    """The rows of an export table in their published shape."""
    if table == "claims":
        return [claim_record(row) for row in queries.claims_with_verdicts(con)]
    if table == "articles":
        records = queries.rows(con, queries.ARTICLES)
    elif table == "facts":
        records = queries.rows(con, queries.FACTS)
    else:
        raise ValueError(f"unknown table {table!r}; choose from {', '.join(EXPORT_TABLES)}")
    return [{k: _plain(v) for k, v in r.items()} for r in records]


def export_table(con: duckdb.DuckDBPyConnection, table: str, fmt: str, out: str | os.PathLike) -> int:
    """Write one table to `out` in `fmt`; returns how many records were written."""
    records = table_records(con, table)
    return write_records(records, table, fmt, out)


def write_records(records: list[dict], table: str, fmt: str, out: str | os.PathLike) -> int:
    """Write already-shaped records (the dashboard passes its current selection here)."""
    writers: dict[str, Callable[[list[dict], str, Path], None]] = {
        "jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet, "claimreview": _write_claimreview,
    }
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
    if fmt == "claimreview" and table != "claims":
        raise ValueError("the claimreview format exports the claims table only")
    if fmt == "claimreview":
        # A review is published only for claims the checker has compared with the fact base.
        records = [r for r in records if r["verdicts"]]
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        writers[fmt](records, table, tmp)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OSError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return len(records)


def _write_jsonl(records: list[dict], table: str, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def _write_csv(records: list[dict], table: str, path: Path) -> None:
    rows = [claim_csv_row(r) for r in records] if table == "claims" else [
        {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in r.items()}
        for r in records
    ]
    # utf-8-sig so spreadsheet programs read accents and µ correctly.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        if not rows:
            return
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _write_parquet(records: list[dict], table: str, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if table == "claims":
        # Free-form maps become JSON text so every row shares one schema.
        records = [dict(r, cues=json.dumps(r["cues"], ensure_ascii=False),
                        doses=json.dumps(r["doses"], ensure_ascii=False)) for r in records]
    pq.write_table(pa.Table.from_pylist(records), path)


def _write_claimreview(records: list[dict], table: str, path: Path) -> None:
    reviews = [claim_review(r) for r in records]
    with path.open("w", encoding="utf-8") as fh:
        json.dump(reviews, fh, ensure_ascii=False, indent=1)


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value
