"""Exports of the store in open formats: JSONL, CSV, Parquet and schema.org ClaimReview."""

from exports.writers import EXPORT_FORMATS, EXPORT_TABLES, export_table

__all__ = ["EXPORT_FORMATS", "EXPORT_TABLES", "export_table"]
