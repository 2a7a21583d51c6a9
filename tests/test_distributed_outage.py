"""Redis going away: quick one-line errors at start, bounded retries mid-crawl, nothing lost or stored twice."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bench.sites import serve_generated_site
from crawler.distributed_frontier import frontier_status
from crawler.distributed_items import ItemQueue, encode_item
from crawler.distributed_keys import OutageRetry, RedisKeys, RedisLost, connect, redis_timeout
from crawler.distributed_server import _wait_until_listening, free_port, redis_server_path
from store import Store
from tests.test_distributed_ingest import page

pytestmark = pytest.mark.redis

KEYS = RedisKeys()
REPO = Path(__file__).resolve().parents[1]
STARTED: list[subprocess.Popen] = []


class PersistentRedis:
    """redis-server with its append-only file in a folder: killed and restarted, it keeps its data."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        """Start (or restart) the server on the same port and folder, and wait until it answers."""
        self.proc = subprocess.Popen(
            [redis_server_path(), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--dir", str(self.folder), "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_until_listening(self.port, self.proc, 20)

    def kill(self) -> None:
        """Die as a crashed server does (SIGKILL: no goodbye to clients)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def server(tmp_path: Path):
    if redis_server_path() is None:
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    folder = tmp_path / "redis"
    folder.mkdir()
    redis = PersistentRedis(folder)
    redis.start()
    yield redis
    redis.kill()


@pytest.fixture(autouse=True)
def no_process_outlives_its_test():
    """A failing test must not leave workers or ingesters running."""
    yield
    while STARTED:
        proc = STARTED.pop()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def healthclaims(*args, timeout: float | None = None) -> subprocess.Popen:
    """`healthclaims ARGS` in its own process group; `timeout` sets $HEALTHCLAIMS_REDIS_TIMEOUT."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    if timeout is not None:
        env["HEALTHCLAIMS_REDIS_TIMEOUT"] = str(timeout)
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", *map(str, args)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    STARTED.append(proc)
    return proc


def one_line_error(proc: subprocess.Popen, command: str, timeout: float) -> tuple[str, float]:
    """Wait for a command that must fail: its one stderr line and how long it took to end."""
    started = time.monotonic()
    _, err = proc.communicate(timeout=timeout)
    took = time.monotonic() - started
    assert proc.returncode == 2, err[-3000:]
    assert err.strip().count("\n") == 0 and err.startswith(f"healthclaims {command}: error: "), err[-3000:]
    return err.strip(), took


# -- unreachable at start ------------------------------------------------------------------------


@pytest.fixture
def not_redis():
    """Two loopback servers that are not Redis: one answers in HTTP, one accepts and never answers."""
    from http.server import HTTPServer, SimpleHTTPRequestHandler

    http = HTTPServer(("127.0.0.1", 0), SimpleHTTPRequestHandler)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    yield {"http": f"redis://127.0.0.1:{http.server_address[1]}/0",
           "silent": f"redis://127.0.0.1:{silent.getsockname()[1]}/0"}
    http.shutdown()
    http.server_close()
    silent.close()


@pytest.mark.parametrize("command", ["crawl", "ingest", "seed"])
def test_unreachable_redis_at_start_is_a_quick_one_line_error(command, not_redis, tmp_path):
    cases = {
        f"redis://127.0.0.1:{free_port()}/0": "Connection refused",  # nobody listening
        "redis://nohost:1/0": "nohost",  # no such host
        not_redis["http"]: "Connection closed by server",  # a web server
        not_redis["silent"]: "Timeout",  # accepts, never answers
    }
    extra = {"crawl": ("--db", tmp_path / "c.duckdb", "--quiet"), "ingest": ("--db", tmp_path / "i.duckdb"),
             "seed": ("http://127.0.0.1:9/",)}[command]
    for url, cause in cases.items():
        line, took = one_line_error(healthclaims(command, "--redis", url, *extra, timeout=60), command, 60)
        assert f"cannot reach Redis at {url}: " in line and cause in line, line
        assert took < 20, (url, took)  # not the 60 s retry budget: nothing is at stake yet
    line, _ = one_line_error(healthclaims(command, "--redis", "http://127.0.0.1:6379/0", *extra), command, 60)
    assert "not a Redis URL: 'http://127.0.0.1:6379/0'" in line
    assert not (tmp_path / "i.duckdb").exists()  # the ingester opened no store


def test_redis_timeout_setting_is_checked(monkeypatch):
    monkeypatch.delenv("HEALTHCLAIMS_REDIS_TIMEOUT", raising=False)
    assert redis_timeout() == 60 and redis_timeout(2.5) == 2.5
    monkeypatch.setenv("HEALTHCLAIMS_REDIS_TIMEOUT", "7")
    assert redis_timeout() == 7
    for bad in ("soon", "-1", "nan"):
        with pytest.raises(ValueError, match="Redis timeout must be"):
            redis_timeout(bad)


# -- lost mid-way ------------------------------------------------------------------------------------


def test_a_command_waits_for_redis_to_come_back_within_the_timeout_and_gives_up_after_it(server):
    client = connect(server.url, timeout=30)
    client.set("kept", "yes")
    server.kill()
    restarter = threading.Timer(1.5, server.start)
    restarter.start()
    started = time.monotonic()
    assert client.get("kept") == b"yes"  # retried until the restarted server had loaded its data
    assert time.monotonic() - started >= 1.4
    restarter.join()

    policy = OutageRetry(server.url, timeout=1.0)
    client = connect(server.url, policy=policy)
    server.kill()
    started = time.monotonic()
    with pytest.raises(RedisLost, match=f"lost Redis at {server.url}: .*gave up after retrying for 1 s"):
        client.get("kept")
    assert 1.0 <= time.monotonic() - started < 3.0
    server.start()
    started = time.monotonic()
    with pytest.raises(RedisLost):  # given up for good: a process winding down does not wait again
        client.get("kept")
    assert time.monotonic() - started < 0.5


def test_an_ingester_whose_redis_dies_stops_in_one_line_and_the_next_stores_everything_once(server, tmp_path):
    db = tmp_path / "ingest.duckdb"
    n = 3000
    queue = ItemQueue(connect(server.url), KEYS)
    for start in range(0, n, 500):
        with queue.client.pipeline(transaction=False) as pipe:
            for i in range(start, start + 500):
                pipe.rpush(KEYS.items, encode_item(page(i), worker="w"))
            pipe.execute()
    ingester = healthclaims("ingest", "--redis", server.url, "--db", db, "--follow", timeout=2)
    deadline = time.monotonic() + 60
    while queue.unfinished() == 0 and time.monotonic() < deadline:  # killed in the middle of a batch
        time.sleep(0.005)
    server.kill()
    killed = time.monotonic()
    line, _ = one_line_error(ingester, "ingest", 60)
    assert time.monotonic() - killed < 2 + 15, line
    assert f"lost Redis at {server.url}" in line and "gave up after retrying for 2 s" in line

    server.start()
    assert queue.waiting() + queue.unfinished() > 0  # the queue outlived the server
    done = healthclaims("ingest", "--redis", server.url, "--db", db, "--idle-exit", "0.5")
    out, err = done.communicate(timeout=180)
    assert done.returncode == 0, err[-3000:]
    with Store(db, read_only=True) as store:
        articles = store.con.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
        logged = store.con.execute("SELECT count(*) FROM crawl_log WHERE outcome = 'stored'").fetchone()[0]
    assert articles == (n, n) and logged == n, out
    assert queue.waiting() == 0 and queue.unfinished() == 0


@pytest.mark.slow
def test_a_worker_whose_redis_dies_stops_in_one_line_and_resumes_once_redis_is_back(server, tmp_path):
    db = tmp_path / "shared.duckdb"
    n = 600
    client = connect(server.url)
    worker = ("crawl", "--redis", server.url, "--db", db, "--worker-id", "w0", "--idle-exit", "2",
              "--no-keywords", "--depth", "50", "--quiet")
    with serve_generated_site(n) as base:
        seeded = healthclaims("seed", "--redis", server.url, base)
        assert seeded.wait(timeout=60) == 0, seeded.stderr.read()
        first = healthclaims(*worker, timeout=3)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:  # killed midway, while the worker holds requests
            if frontier_status(client, KEYS)["seen"] >= n // 3 and client.zcard(KEYS.inflight("w0")) > 0:
                break
            time.sleep(0.01)
        server.kill()
        killed = time.monotonic()
        line, _ = one_line_error(first, "crawl", 60)
        assert time.monotonic() - killed < 3 + 20, line
        assert f"lost Redis at {server.url}" in line and "gave up after retrying for 3 s" in line

        server.start()  # same port, same folder: the shared crawl is still there
        status = frontier_status(client, KEYS)
        assert status["queued"] > 0 and status["in_flight"] > 0, status  # kept, its requests still held by w0
        resumed = healthclaims(*worker, timeout=3)
        ingester = healthclaims("ingest", "--redis", server.url, "--db", db, "--idle-exit", "2")
        for proc in (resumed, ingester):
            out, err = proc.communicate(timeout=180)
            assert proc.returncode == 0, err[-3000:]
        status = frontier_status(client, KEYS)
    assert status["queued"] == 0 and status["in_flight"] == 0 and status["items_waiting"] == 0
    assert status["items_unfinished"] == 0 and status["items_failed"] == 0
    with Store(db, read_only=True) as store:
        articles = dict(store.con.execute("SELECT url, count(*) FROM articles GROUP BY url").fetchall())
        pages = store.con.execute("SELECT count(*), count(DISTINCT canonical_url) FROM pages").fetchone()
    assert {f"{base}articles/{i}.html" for i in range(n)} <= set(articles)
    assert set(articles.values()) == {1}
    assert pages[0] == pages[1] >= n


def test_an_item_left_in_the_processing_list_while_the_ingester_runs_is_put_back(redis_url, db_path):
    # A take whose reply was lost (Redis restarting) and was retried leaves an item in the
    # processing list that the ingester does not hold; an idle ingester puts it back and stores it.
    from crawler.ingest import ingest

    client = connect(redis_url)
    orphan = threading.Timer(0.5, client.rpush, (KEYS.items_processing, encode_item(page(7), worker="w")))
    orphan.start()
    summary = ingest(redis_url, str(db_path), idle_exit=2)
    orphan.join()
    assert summary["requeued"] == 1 and summary["stored"] == 1
    assert ItemQueue(client, KEYS).unfinished() == 0


def crawl_and_ingest(server, db: Path, n: int, during) -> tuple[str, set[str], dict[str, int], tuple]:
    """Seed a generated site, run worker w0 and the ingester, call `during(client, base)` meanwhile.

    Returns the base URL, the expected article URLs, the article count per URL and (pages, distinct pages).
    """
    client = connect(server.url)
    with serve_generated_site(n) as base:
        seeded = healthclaims("seed", "--redis", server.url, base)
        assert seeded.wait(timeout=60) == 0, seeded.stderr.read()
        procs = [healthclaims("crawl", "--redis", server.url, "--db", db, "--worker-id", "w0", "--idle-exit", "3",
                              "--no-keywords", "--depth", "50", "--quiet", timeout=30),
                 healthclaims("ingest", "--redis", server.url, "--db", db, "--idle-exit", "3", timeout=30)]
        during(client, base)
        for proc in procs:
            out, err = proc.communicate(timeout=180)
            assert proc.returncode == 0, err[-3000:]
        status = frontier_status(client, KEYS)
    assert status["queued"] == status["in_flight"] == status["items_waiting"] == status["items_unfinished"] == 0
    with Store(db, read_only=True) as store:
        articles = dict(store.con.execute("SELECT url, count(*) FROM articles GROUP BY url").fetchall())
        pages = store.con.execute("SELECT count(*), count(DISTINCT canonical_url) FROM pages").fetchone()
    return base, {f"{base}articles/{i}.html" for i in range(n)}, articles, pages


@pytest.mark.slow
def test_a_worker_and_ingester_ride_out_a_redis_restart_within_the_timeout(server, tmp_path):
    def restart_midway(client, base):
        deadline = time.monotonic() + 90
        while frontier_status(client, KEYS)["seen"] < 200 and time.monotonic() < deadline:
            time.sleep(0.01)
        server.kill()
        time.sleep(2)  # both are retrying now
        server.start()

    _, expected, articles, pages = crawl_and_ingest(server, tmp_path / "ride.duckdb", 600, restart_midway)
    assert expected <= set(articles) and set(articles.values()) == {1}
    assert pages[0] == pages[1] >= 600


@pytest.mark.slow
def test_a_request_left_in_a_workers_in_flight_set_that_it_does_not_hold_is_put_back(server, tmp_path):
    def orphan_one(client, base):
        # What a take whose reply was lost, then retried, leaves: a request in w0's set, unknown to w0.
        deadline = time.monotonic() + 90
        while client.zcard(KEYS.requests) < 5 and time.monotonic() < deadline:
            time.sleep(0.005)
        member, score = client.zpopmax(KEYS.requests)[0]
        client.zadd(KEYS.inflight("w0"), {member: score})

    _, expected, articles, _ = crawl_and_ingest(server, tmp_path / "orphan.duckdb", 300, orphan_one)
    assert expected <= set(articles) and set(articles.values()) == {1}
