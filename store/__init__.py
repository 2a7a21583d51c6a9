"""The DuckDB store: every stage reads and writes through this package only."""

from store.db import StoreError, connect, default_db_path, publish_snapshot, snapshot_path
from store.writes import Store

__all__ = ["Store", "StoreError", "connect", "default_db_path", "publish_snapshot", "snapshot_path"]
