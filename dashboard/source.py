"""Where the dashboard reads from: the store's read snapshot (or the database itself), opened read-only."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from store import StoreError, default_db_path, snapshot_path

# Environment variable the launcher sets, so the app finds its store whatever argv Streamlit passes on.
DB_ENV = "HEALTHCLAIMS_DASHBOARD_DB"


def database_path(argv: list[str] | None = None) -> Path:
    """The store the app was started on: `-- --db PATH` after the script, else the environment, else default."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", default=None)
    known, _ = parser.parse_known_args(argv if argv is not None else [])
    return Path(known.db or os.environ.get(DB_ENV) or default_db_path())


@dataclass(frozen=True)
class Source:
    """The file the dashboard reads, and its modification time (a new time means new data)."""

    path: Path
    is_snapshot: bool
    mtime_ns: int

    @property
    def modified(self) -> datetime:
        """When the file was last written (UTC), to show how fresh the data is."""
        return datetime.fromtimestamp(self.mtime_ns / 1e9, tz=timezone.utc).replace(tzinfo=None)


def current_source(db_path: str | os.PathLike) -> Source:
    """The snapshot writers publish if there is one, else the database file; StoreError if neither exists."""
    db_path = Path(db_path)
    for path, is_snapshot in ((snapshot_path(db_path), True), (db_path, False)):
        try:
            return Source(path, is_snapshot, path.stat().st_mtime_ns)
        except FileNotFoundError:
            continue
    raise StoreError(f"no store at {db_path}: run `healthclaims run --db {db_path}` first")


class ReadOnlyStore:
    """A read-only view of one store file, private to this process (safe to reopen when the file changes)."""

    ALIAS = "store"

    def __init__(self, source: Source):
        """Attach the file read-only; StoreError in one line when it cannot be read."""
        self.source = source
        # DuckDB shares one instance per path within a process, so reopening a replaced snapshot by
        # path could return the old data; attaching it to a fresh in-memory database never does.
        self._con = duckdb.connect(":memory:")
        try:
            self._con.execute(f"ATTACH ? AS {self.ALIAS} (READ_ONLY)", [str(source.path)])
        except duckdb.Error as exc:
            self._con.close()
            first = str(exc).splitlines()[0]
            if "lock" in first.lower() or "conflict" in first.lower():
                raise StoreError(
                    f"the store {source.path} is being written and has no read snapshot yet; "
                    "try again when the current stage finishes"
                ) from exc
            raise StoreError(f"cannot read {source.path}: {first}") from exc

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for one query (each Streamlit session thread needs its own)."""
        cur = self._con.cursor()
        cur.execute(f"USE {self.ALIAS}")
        return cur

    def close(self) -> None:
        """Let go of the file."""
        self._con.close()
