"""Opening the DuckDB store: path resolution, numbered migrations, one-line errors, read snapshots."""

from __future__ import annotations

import os
import shutil
import time
from importlib import resources
from pathlib import Path

import duckdb

DEFAULT_DB = "healthclaims.duckdb"


class StoreError(Exception):
    """A store problem worth one line to the user (missing folder, locked file, bad path)."""


def default_db_path() -> str:
    """The database a command uses when no --db is given."""
    return os.environ.get("HEALTHCLAIMS_DB") or DEFAULT_DB


def migrations() -> list[tuple[int, str, str]]:
    """Every migration shipped with the package, as (number, name, sql), in order."""
    found = []
    for entry in resources.files("store.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), name[:-4], entry.read_text(encoding="utf-8")))
    return sorted(found)


def snapshot_path(db_path: str | os.PathLike) -> Path:
    """Where the read-only copy the dashboard reads lives, beside the database."""
    path = Path(db_path)
    return path.with_name(path.name + ".snapshot")


def connect(db_path: str | os.PathLike, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store, creating and migrating it when writable; StoreError on any open failure."""
    path = Path(db_path)
    if not path.parent.exists():
        raise StoreError(f"database folder does not exist: {path.parent}")
    if read_only and not path.exists():
        raise StoreError(f"database not found: {path}")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc).splitlines()[0]
        if "lock" in message.lower():
            raise StoreError(f"database is locked by another process: {path}") from exc
        raise StoreError(f"cannot open database {path}: {message}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database {path}: {str(exc).splitlines()[0]}") from exc
    if not read_only:
        apply_migrations(con)
    return con


def apply_migrations(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations this database has not seen yet, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations"
        " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for number, name, sql in migrations():
        if number in done:
            continue
        con.execute("BEGIN")
        try:
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)", [number, name]
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied


def publish_snapshot(con: duckdb.DuckDBPyConnection, db_path: str | os.PathLike) -> Path:
    """Copy the database to its snapshot file atomically, so readers never wait on the writer.

    DuckDB allows one writing process and no readers beside it; the dashboard reads this copy,
    which is replaced whole (rename) after each stage, so a reader sees the old or the new state.
    """
    path = Path(db_path)
    target = snapshot_path(path)
    con.execute("CHECKPOINT")
    tmp = target.with_name(f"{target.name}.{os.getpid()}.{time.time_ns()}.tmp")
    shutil.copyfile(path, tmp)
    os.replace(tmp, target)
    return target
