"""Several crawler workers on one Redis frontier: every page fetched once, stored once, even when one is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.sites import serve_generated_site
from crawler.distributed_frontier import frontier_status, note_start_hosts, push_seeds
from crawler.distributed_keys import RedisKeys, connect
from store import Store

pytestmark = [pytest.mark.redis, pytest.mark.slow]

KEYS = RedisKeys()
REPO = Path(__file__).resolve().parents[1]
STARTED: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test():
    """A failing test must not leave workers running (they would wait on a Redis that is gone)."""
    yield
    while STARTED:
        proc = STARTED.pop()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def healthclaims(*args, **popen) -> subprocess.Popen:
    """Start `healthclaims ARGS` in its own process group (so a kill takes its crawl child too)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", *map(str, args)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            **popen)
    STARTED.append(proc)
    return proc


def worker(redis_url: str, db: Path, name: str, lease: float = 3, urls: tuple = (),
           idle_exit: float = 2) -> subprocess.Popen:
    # Loopback start URLs: no politeness delays. A short lease: a dead worker's pages come back quickly.
    return healthclaims("crawl", *urls, "--redis", redis_url, "--db", db, "--worker-id", name, "--worker-lease",
                        lease, "--idle-exit", idle_exit, "--no-keywords", "--depth", "50", "--quiet")


def finish(proc: subprocess.Popen, timeout: float = 150) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err[-3000:]
    return out


def wait_for_group(pgid: int, timeout: float = 60) -> None:
    """Wait until no process of the group is left."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    left = subprocess.run(["ps", "-o", "pid,etime,stat,args", "-g", str(pgid)], capture_output=True, text=True).stdout
    raise AssertionError(f"process group {pgid} still running:\n{left}")


def stored_urls(db: Path) -> tuple[list[tuple[str, int]], dict[str, int]]:
    """(url, number of articles) for every article URL, and the crawl log's row count per URL."""
    with Store(db, read_only=True) as store:
        articles = store.con.execute("SELECT url, count(*) FROM articles GROUP BY url").fetchall()
        logged = dict(store.con.execute("SELECT url, count(*) FROM crawl_log GROUP BY url").fetchall())
    return articles, logged


def requeued(summary: str) -> int:
    """The `N requeued` figure of a worker's summary line."""
    return int(summary.split(" requeued")[0].rsplit(" ", 1)[-1])


def expected_urls(base: str, n: int) -> set[str]:
    return {f"{base}articles/{i}.html" for i in range(n)}


def test_two_workers_share_the_frontier_and_fetch_each_page_once(redis_url, tmp_path):
    db = tmp_path / "shared.duckdb"
    n = 300
    client = connect(redis_url)
    with serve_generated_site(n) as base:
        note_start_hosts(client, KEYS, [base])  # a loopback crawl: workers need no politeness delays
        # idle_exit: the first one up waits for the second (and the seed) rather than leave.
        workers = [worker(redis_url, db, f"w{i}", idle_exit=5) for i in range(2)]
        # Seeded once both are up, so that each gets a share however slowly the machine starts them.
        deadline = time.monotonic() + 60
        while client.zcard(KEYS.workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        push_seeds(client, KEYS, [base])
        outs = [finish(w) for w in workers]
        ingester = healthclaims("ingest", "--redis", redis_url, "--db", db, "--idle-exit", "0.5")
        finish(ingester)
    articles, logged = stored_urls(db)
    urls = {url for url, _ in articles}
    assert expected_urls(base, n) <= urls
    assert all(count == 1 for _, count in articles)
    # Fetched once: one crawl-log row per URL across both workers.
    assert {url: c for url, c in logged.items() if c != 1} == {}
    with Store(db, read_only=True) as store:
        per_worker = dict(store.con.execute("SELECT worker, count(*) FROM ingested_items GROUP BY worker").fetchall())
    assert set(per_worker) == {"w0", "w1"}, outs
    assert all(count > 0 for count in per_worker.values())


def test_a_killed_worker_loses_nothing_and_a_restarted_one_resumes(redis_url, tmp_path):
    db = tmp_path / "shared.duckdb"
    n = 1000
    client = connect(redis_url)
    with serve_generated_site(n) as base:
        finish(healthclaims("seed", "--redis", redis_url, base))
        ingester = healthclaims("ingest", "--redis", redis_url, "--db", db, "--idle-exit", "2")
        # w0's long lease keeps the others from taking its pages back first: its restart must do it.
        # w1 and w2 are given the start URL too: the shared dupefilter keeps one.
        workers = [worker(redis_url, db, "w0", lease=60), worker(redis_url, db, "w1", urls=(base,)),
                   worker(redis_url, db, "w2", urls=(base,))]
        # Kill w0 midway, while it holds requests in flight.
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            seen = frontier_status(client, KEYS)["seen"]
            held = client.zcard(KEYS.inflight("w0"))
            if seen >= n // 3 and held > 0:
                break
            time.sleep(0.02)
        assert held > 0, "w0 held no requests to lose"
        os.killpg(workers[0].pid, signal.SIGKILL)
        workers[0].wait()
        assert client.zcard(KEYS.inflight("w0")) > 0  # its unfinished requests are still recorded
        # Restarted under the same name, it takes its unfinished requests back at once.
        restarted = worker(redis_url, db, "w0", lease=60)
        # w1 is killed too and never comes back: its pages return when its 3-second lease runs out.
        while client.zcard(KEYS.inflight("w1")) == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(workers[1].pid, signal.SIGKILL)
        workers[1].wait()
        assert client.zcard(KEYS.inflight("w1")) > 0
        outputs = [finish(proc) for proc in (workers[2], restarted)]
        ingested = finish(ingester)
        status = frontier_status(client, KEYS)
    assert status["queued"] == 0 and status["in_flight"] == 0 and status["items_waiting"] == 0
    assert status["items_unfinished"] == 0
    # Both ways back were taken: w0's own restart, and the lease expiry of w1 (by w2 or w0).
    assert requeued(outputs[1]) > 0 and sum(map(requeued, outputs)) >= 2, outputs
    assert client.zscore(KEYS.workers, "w1") is None and client.zcard(KEYS.inflight("w1")) == 0
    assert status["dead_workers"] == 0
    articles, _ = stored_urls(db)
    urls = {url for url, _ in articles}
    assert expected_urls(base, n) <= urls, (ingested, client.lrange(KEYS.items_failed, 0, 2))
    assert all(count == 1 for _, count in articles)
    with Store(db, read_only=True) as store:
        pages = store.con.execute("SELECT count(*), count(DISTINCT canonical_url) FROM pages").fetchone()
    assert pages[0] == pages[1] >= n


def test_a_worker_stopped_gracefully_hands_back_its_work_at_once(redis_url, tmp_path):
    db = tmp_path / "shared.duckdb"
    n = 300
    client = connect(redis_url)
    with serve_generated_site(n) as base:
        finish(healthclaims("seed", "--redis", redis_url, base))
        # Long leases: nothing may come back by expiry, only by the stopping worker's own hand-back.
        stopping, staying = worker(redis_url, db, "w0", lease=60), worker(redis_url, db, "w1", lease=60)
        deadline = time.monotonic() + 90
        while client.zcard(KEYS.inflight("w0")) == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.killpg(stopping.pid, signal.SIGTERM)  # what a service manager sends on stop
        stopping.wait(timeout=60)
        wait_for_group(stopping.pid)  # the crawl child shuts down gracefully after its parent is gone
        assert client.zscore(KEYS.workers, "w0") is None and client.zcard(KEYS.inflight("w0")) == 0
        finish(staying)
        finish(healthclaims("ingest", "--redis", redis_url, "--db", db, "--idle-exit", "0.5"))
    articles, _ = stored_urls(db)
    assert expected_urls(base, n) <= {url for url, _ in articles}
    assert all(count == 1 for _, count in articles)
