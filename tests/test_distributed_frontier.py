"""The shared frontier's Redis operations: atomic takes, acknowledgements, leases, recovery, status, seeding."""

from __future__ import annotations

import json
import time

import pytest

from crawler.distributed_frontier import Frontier, crawl_finished, frontier_status, push_seeds
from crawler.distributed_keys import RedisKeys, check_redis_url, connect

pytestmark = pytest.mark.redis

KEYS = RedisKeys()


@pytest.fixture
def client(redis_url):
    return connect(redis_url)


def queue(client, **members: float) -> None:
    client.zadd(KEYS.requests, {name: score for name, score in members.items()})


def test_take_moves_the_best_request_into_the_workers_in_flight_set(client):
    queue(client, low=5, best=-10, mid=0)
    worker = Frontier(client, KEYS, "a")
    assert worker.take() == b"best"
    assert client.zscore(KEYS.inflight("a"), "best") == -10  # the score travels with it
    assert client.zcard(KEYS.requests) == 2
    worker.ack([b"best"])
    assert worker.in_flight() == 0
    assert [worker.take(), worker.take(), worker.take()] == [b"mid", b"low", None]


def test_a_dead_workers_requests_go_back_once_its_lease_expires(client):
    queue(client, r1=1, r2=2, r3=3)
    dead, alive = Frontier(client, KEYS, "dead", lease=0.3), Frontier(client, KEYS, "alive", lease=30)
    dead.heartbeat()
    alive.heartbeat()
    dead.take()
    dead.take()
    alive.take()
    assert alive.recover_dead() == 0  # lease not over yet: nothing moves
    assert alive.recover("dead") == -1
    time.sleep(0.4)
    assert alive.recover_dead() == 2
    assert {m.decode(): s for m, s in client.zrange(KEYS.requests, 0, -1, withscores=True)} == {"r1": 1, "r2": 2}
    assert client.zscore(KEYS.workers, "dead") is None and client.zscore(KEYS.workers, "alive") is not None
    assert alive.in_flight() == 1  # a live worker's own requests stay with it
    assert alive.recover_dead() == 0  # moved once only


def test_a_restarted_worker_takes_back_its_requests_and_start_urls_at_once(client):
    queue(client, r1=1)
    push_seeds(client, KEYS, ["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"])
    before = Frontier(client, KEYS, "w", lease=30)
    before.heartbeat()
    before.take()
    seed = before.take_seed()
    assert json.loads(seed)["url"] == "http://127.0.0.1:9/a"
    status = frontier_status(client, KEYS)
    assert status["in_flight"] == 1 and status["start_urls"] == 2 and status["queued"] == 0
    # Killed here; the new process under the same id recovers without waiting for the lease.
    after = Frontier(client, KEYS, "w", lease=30)
    assert after.recover("w", force=True) == 2
    assert client.zcard(KEYS.requests) == 1
    assert json.loads(client.lindex(KEYS.seeds, 0))["url"] == "http://127.0.0.1:9/a"  # back at the head


def test_the_crawl_is_finished_only_when_nothing_is_queued_or_held(client):
    worker = Frontier(client, KEYS, "w")
    worker.heartbeat()
    assert crawl_finished(frontier_status(client, KEYS))
    queue(client, r1=1)
    assert not crawl_finished(frontier_status(client, KEYS))
    member = worker.take()
    status = frontier_status(client, KEYS)
    assert status["queued"] == 0 and status["in_flight"] == 1 and not crawl_finished(status)
    worker.ack([member])
    seed = (push_seeds(client, KEYS, ["http://127.0.0.1:9/"]), worker.take_seed())[1]
    assert not crawl_finished(frontier_status(client, KEYS))
    worker.seed_done(seed)
    status = frontier_status(client, KEYS)
    assert crawl_finished(status) and status["live_workers"] == 1


@pytest.mark.parametrize("url", ["http://127.0.0.1:6379", "redis://", "redis://host:6379/zero", ""])
def test_bad_redis_urls_are_refused(url):
    with pytest.raises(ValueError, match="Redis"):
        check_redis_url(url)


def test_seed_command_queues_urls_and_shows_the_crawl(cli, redis_url, tmp_path, client):
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("# outlets\nhttp://127.0.0.1:9/feed.xml\n\n", encoding="utf-8")
    code, out, err = cli("seed", "--redis", redis_url, "http://127.0.0.1:9/", "--seeds", seeds)
    assert code == 0, err
    assert "2 start URLs queued" in out and "2 start urls" in out
    assert [json.loads(x)["url"] for x in client.lrange(KEYS.seeds, 0, -1)] == [
        "http://127.0.0.1:9/", "http://127.0.0.1:9/feed.xml"]
    code, out, _ = cli("seed", "--redis", redis_url, "--status")
    assert code == 0 and "0 queued" in out
    code, _, err = cli("seed", "--redis", redis_url, "ftp://example.org/x")
    assert code == 2 and err.count("\n") == 1 and "not a URL the crawler can fetch" in err
    assert client.llen(KEYS.seeds) == 2  # nothing queued by the refused command


def test_workers_are_polite_unless_every_start_url_is_local(redis_url, client, tmp_path):
    from crawler.distributed import STORE_PIPELINES, worker_settings

    db = str(tmp_path / "w.duckdb")
    # No start URL known yet: polite, the safe default.
    settings = worker_settings([], db, {"redis": redis_url})
    assert settings["AUTOTHROTTLE_ENABLED"] is True
    assert settings["SCHEDULER_PERSIST"] is True and settings["SCHEDULER"] == "crawler.distributed.ReliableScheduler"
    assert "crawler.distributed.PushItems" in settings["ITEM_PIPELINES"]
    assert not set(STORE_PIPELINES) & set(settings["ITEM_PIPELINES"])
    push_seeds(client, KEYS, ["http://127.0.0.1:9/"])
    assert worker_settings([], db, {"redis": redis_url})["AUTOTHROTTLE_ENABLED"] is False
    # One outside site anywhere in the shared crawl makes every worker polite.
    settings = worker_settings(["https://example.org/"], db, {"redis": redis_url})
    assert settings["AUTOTHROTTLE_ENABLED"] is True
    assert worker_settings([], db, {"redis": redis_url})["AUTOTHROTTLE_ENABLED"] is True


def test_add_marks_seen_and_queues_in_one_step(client):
    worker = Frontier(client, KEYS, "w")
    assert worker.add("fp1", b"request-1", -5)
    assert not worker.add("fp1", b"request-1-again", -5)  # seen: not queued
    assert worker.add(None, b"unfiltered", 0) and worker.add(None, b"unfiltered-2", 0)  # dont_filter
    assert client.sismember(KEYS.dupefilter, "fp1") and client.scard(KEYS.dupefilter) == 1
    assert client.zrange(KEYS.requests, 0, -1, withscores=True) == [
        (b"request-1", -5.0), (b"unfiltered", 0.0), (b"unfiltered-2", 0.0)]
