"""A second process holding a DuckDB file open for writing, as a running crawl would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def database_held_by_another_process(path: Path) -> Iterator[None]:
    """Keep a DuckDB file open for writing in a second process, as a running crawl would."""
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(60)",
         str(path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        yield
    finally:
        holder.kill()
        holder.wait()
