"""The archived copy of an article (its WARC record), read through the crawler's public archive reader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ArchivedCopy:
    """What the archive holds for an article: the page as fetched, or why it cannot be had."""

    content: bytes | None
    note: str
    mime: str = "text/html"
    fetched: str | None = None


def archived_copy(warc_file: str | None, record_id: str | None, db_folder: Path | None = None) -> ArchivedCopy:
    """The archived page of an article (never rendered: offered as a download), or a one-line reason."""
    if not warc_file or not record_id:
        return ArchivedCopy(None, "This article has no archived copy.")
    try:
        from crawler.archive import read_record
    except ImportError:
        return ArchivedCopy(None, "The archive reader is not installed, so the archived copy cannot be shown.")
    path = Path(warc_file)
    if not path.is_absolute() and db_folder is not None and not path.exists():
        path = db_folder / path  # WARC folders sit beside the database by default
    try:
        headers, body = read_record(path, record_id)
    except (OSError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return ArchivedCopy(None, f"The archived copy could not be read: {reason}")
    mime = (headers.get("Content-Type") or headers.get("content-type") or "text/html").split(";")[0].strip()
    return ArchivedCopy(bytes(body), f"Archived copy: WARC record {record_id} in {path.name}.", mime or "text/html",
                        headers.get("WARC-Date"))
