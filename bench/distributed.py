"""Distributed crawl benchmark: pages/s of 1 and 2 Redis workers on one generated loopback site, and the ingester."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.sites import serve_generated_site
from crawler.distributed_frontier import crawl_finished, frontier_status, note_start_hosts, push_seeds
from crawler.distributed_keys import RedisKeys, connect
from crawler.distributed_server import local_redis

PAGES = int(os.environ.get("HEALTHCLAIMS_BENCH_DISTRIBUTED_PAGES", "600"))
ROUNDS = 2
REPO = Path(__file__).resolve().parents[1]
KEYS = RedisKeys()


def _healthclaims(*args: object) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    # Own process group: a SIGTERM to the group reaches the crawl's child process too.
    return subprocess.Popen([sys.executable, "-m", "cli.main", *map(str, args)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait(proc: subprocess.Popen, what: str, ok=(0,)) -> None:
    _, err = proc.communicate(timeout=600)
    if proc.returncode not in ok:
        raise RuntimeError(f"{what} failed: {err.strip().splitlines()[-1] if err.strip() else proc.returncode}")


def crawl_rate(workers: int, base_url: str, folder: Path) -> tuple[float, int, float]:
    """(pages/s, pages, ingest items/s) for `workers` workers crawling the site into a fresh Redis and store.

    The workers start first and wait, registered and idle; the clock runs from the moment the start
    URL is queued to the moment the shared frontier is empty with nothing in flight, so neither
    interpreter start-up nor the ingester (timed on its own, after) is in the pages/s figure.
    """
    db = folder / f"bench-{workers}.duckdb"
    with local_redis() as url:
        client = connect(url)
        note_start_hosts(client, KEYS, [base_url])  # a loopback crawl: no politeness delays
        procs = [
            _healthclaims("crawl", "--redis", url, "--db", db, "--worker-id", f"bench{i}", "--keep-running",
                          "--no-keywords", "--depth", "60", "--quiet")
            for i in range(workers)
        ]
        deadline = time.monotonic() + 120
        while client.zcard(KEYS.workers) < workers:
            if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                raise RuntimeError("the workers did not start")
            time.sleep(0.05)
        time.sleep(1.0)  # let the last one finish opening
        started = time.perf_counter()
        push_seeds(client, KEYS, [base_url])
        finished = None
        while finished is None:
            status = frontier_status(client, KEYS)
            if status["seen"] > PAGES and crawl_finished(status):
                finished = time.perf_counter()
            elif any(p.poll() is not None for p in procs):
                raise RuntimeError("a worker stopped during the crawl")
            time.sleep(0.01)
        for proc in procs:
            os.killpg(proc.pid, signal.SIGTERM)
        for i, proc in enumerate(procs):
            _wait(proc, f"worker {i}", ok=(0, -signal.SIGTERM, 130, 143))
        pages = frontier_status(client, KEYS)["items_waiting"]
        ingest_started = time.perf_counter()
        _wait(_healthclaims("ingest", "--redis", url, "--db", db, "--idle-exit", "0"), "ingest")
        ingest_seconds = time.perf_counter() - ingest_started
    return pages / (finished - started), pages, pages / ingest_seconds


def run() -> list[str]:
    """Pages per second with 1 worker (the reference) and with 2, on the same site, in this run."""
    with tempfile.TemporaryDirectory(prefix="healthclaims-bench-distributed-") as tmp, \
            serve_generated_site(PAGES) as base:
        folder = Path(tmp)
        # Alternated and best of ROUNDS: the machine is shared, and a busy moment should not decide.
        runs = {1: [], 2: []}
        for _ in range(ROUNDS):
            for workers in (1, 2):
                runs[workers].append(crawl_rate(workers, base, folder))
        one, pages_one, ingest_one = max(runs[1])
        two, pages_two, _ = max(runs[2])
    cores = os.cpu_count() or 1
    return [
        f"generated loopback site: {PAGES + 1} pages; machine: {cores} cores (workers, server and Redis share them)",
        f"1 worker  (reference): {one:7.1f} pages/s ({pages_one} pages; best of {ROUNDS})",
        f"2 workers            : {two:7.1f} pages/s ({pages_two} pages; best of {ROUNDS})  = {two / one:.2f} x one worker",
        f"ingester (one DuckDB writer, run after the crawl, start-up included): {ingest_one:7.1f} items/s",
        "on 2 cores the workers share CPU with each other and the site: the ratio shows the overhead of"
        " sharing, not the gain on separate machines",
    ]


if __name__ == "__main__":
    print("\n".join(run()))
