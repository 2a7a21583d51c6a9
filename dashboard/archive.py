"""The archived copy of an article (its WARC record), read through the crawler's public archive reader."""

from __future__ import annotations


def archived_copy(warc_file: str | None, record_id: str | None) -> tuple[bytes | None, str]:
    """The archived record's content and a one-line note; (None, why) when it cannot be read."""
    if not warc_file or not record_id:
        return None, "This article has no archived copy."
    try:
        from crawler.archive import read_record
    except ImportError:
        return None, "The archive reader is not installed, so the archived copy cannot be shown."
    try:
        record = read_record(warc_file, record_id)
    except (OSError, ValueError, KeyError) as exc:
        return None, f"The archived copy could not be read: {str(exc).splitlines()[0] if str(exc) else exc}"
    if record is None:
        return None, "The archived copy was not found in its WARC file."
    if isinstance(record, str):
        record = record.encode("utf-8")
    elif isinstance(record, dict):
        record = record.get("content") or record.get("body") or b""
        record = record.encode("utf-8") if isinstance(record, str) else record
    return bytes(record), f"Archived copy: record {record_id} in {warc_file}."
