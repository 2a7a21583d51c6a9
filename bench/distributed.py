"""Distributed crawl benchmark: pages/s of 1 and 2 Redis workers on one generated loopback site, and the ingester."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.sites import serve_generated_site
from crawler.distributed_frontier import crawl_finished, frontier_status
from crawler.distributed_keys import RedisKeys, connect
from crawler.distributed_server import local_redis

PAGES = int(os.environ.get("HEALTHCLAIMS_BENCH_DISTRIBUTED_PAGES", "800"))
REPO = Path(__file__).resolve().parents[1]
KEYS = RedisKeys()


def _healthclaims(*args: object) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-m", "cli.main", *map(str, args)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait(proc: subprocess.Popen, what: str) -> None:
    _, err = proc.communicate(timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"{what} failed: {err.strip().splitlines()[-1] if err.strip() else proc.returncode}")


def crawl_rate(workers: int, base_url: str, folder: Path) -> tuple[float, int, float]:
    """(pages/s, pages, ingest items/s) for `workers` workers crawling the site into a fresh Redis and store.

    The clock runs from the first request scheduled to the moment the shared frontier is empty with
    nothing in flight, so interpreter start-up and the workers' idle wait before exiting are left out.
    """
    db = folder / f"bench-{workers}.duckdb"
    with local_redis() as url:
        client = connect(url)
        _wait(_healthclaims("seed", "--redis", url, base_url), "seed")
        procs = [
            _healthclaims("crawl", "--redis", url, "--db", db, "--worker-id", f"bench{i}", "--idle-exit", "0.5",
                          "--no-keywords", "--depth", "60", "--quiet")
            for i in range(workers)
        ]
        started = finished = None
        while finished is None:
            status = frontier_status(client, KEYS)
            now = time.perf_counter()
            if started is None and status["seen"] > 0:
                started = now
            if started is not None and status["seen"] > PAGES and crawl_finished(status):
                finished = now
            if any(p.poll() not in (None, 0) for p in procs):
                break
            time.sleep(0.01)
        for i, proc in enumerate(procs):
            _wait(proc, f"worker {i}")
        pages = frontier_status(client, KEYS)["items_waiting"]
        ingest_started = time.perf_counter()
        _wait(_healthclaims("ingest", "--redis", url, "--db", db, "--idle-exit", "0"), "ingest")
        ingest_seconds = time.perf_counter() - ingest_started
    if started is None or finished is None:
        raise RuntimeError("the crawl did not finish")
    return pages / (finished - started), pages, pages / ingest_seconds


def run() -> list[str]:
    """Pages per second with 1 worker (the reference) and with 2, on the same site, in this run."""
    with tempfile.TemporaryDirectory(prefix="healthclaims-bench-distributed-") as tmp, \
            serve_generated_site(PAGES) as base:
        folder = Path(tmp)
        one, pages_one, ingest_one = crawl_rate(1, base, folder)
        two, pages_two, _ = crawl_rate(2, base, folder)
    cores = os.cpu_count() or 1
    return [
        f"generated loopback site: {PAGES + 1} pages; machine: {cores} cores (workers, server and Redis share them)",
        f"1 worker  (reference): {one:7.1f} pages/s ({pages_one} pages)",
        f"2 workers            : {two:7.1f} pages/s ({pages_two} pages)  = {two / one:.2f} x one worker",
        f"ingester (one DuckDB writer, run after the crawl, start-up included): {ingest_one:7.1f} items/s",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
