"""The dashboard's data layer: a cached read-only connection that follows the snapshot, and cached queries."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

from dashboard.source import ReadOnlyStore, Source, current_source, database_path
from store import queries


def db_path() -> Path:
    """The store this app session was started on."""
    return database_path(sys.argv[1:])


@st.cache_resource(max_entries=3, show_spinner=False)
def _reader(path: str, mtime_ns: int, is_snapshot: bool) -> ReadOnlyStore:
    """The reader of one published file version (cached: one per file and modification time)."""
    # Keyed by modification time: a newly published snapshot gets a new reader, old ones age out.
    return ReadOnlyStore(Source(Path(path), is_snapshot, mtime_ns))


def source() -> Source:
    """The file being read right now (StoreError when there is no store)."""
    return current_source(db_path())


def _key(src: Source) -> tuple[str, int, bool]:
    """The cache key of a file version: path, modification time, and whether it is a snapshot."""
    return (str(src.path), src.mtime_ns, src.is_snapshot)


@st.cache_data(max_entries=512, ttl=3600, show_spinner=False)
def _cached(name: str, key: tuple[str, int, bool], args: tuple, kwargs: dict):
    """Run a named query on one file version; results are cached per version and arguments."""
    path, mtime_ns, is_snapshot = key
    if not is_snapshot:
        # No snapshot yet: the database file itself is read, and only for the moment of one query,
        # because a reader holding it open would stop the next crawl or tagging run from writing.
        reader = ReadOnlyStore(Source(Path(path), False, mtime_ns))
        try:
            return getattr(queries, name)(reader.cursor(), *args, **kwargs)
        finally:
            reader.close()
    cur = _reader(*key).cursor()
    try:
        return getattr(queries, name)(cur, *args, **kwargs)
    finally:
        cur.close()


def query(name: str, *args, **kwargs):
    """Run the named query `store.queries.<name>` on the current data, cached until the data changes."""
    if not hasattr(queries, name) or name.startswith("_"):
        raise ValueError(f"no named query {name!r}")
    return _cached(name, _key(source()), args, kwargs)
