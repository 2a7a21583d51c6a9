"""The shared frontier in Redis: reliable takes into per-worker in-flight sets, heartbeats, recovery, seeds."""

from __future__ import annotations

import json

from crawler.distributed_keys import RedisKeys

# Take the best request (lowest score, as scrapy-redis's PriorityQueue) and keep it in this worker's
# in-flight set with the same score, in one atomic step: a request is always in one of the two.
_TAKE = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return false end
redis.call('ZREM', KEYS[1], found[1])
redis.call('ZADD', KEYS[2], found[2], found[1])
return found[1]
"""

# Queue a request unless its fingerprint was seen before, in one atomic step (ARGV[1] '' = no filter).
_ADD = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
return 1
"""

# Give a worker's unfinished requests and start URLs back to everyone, and forget the worker.
# ARGV[1] is 'force' (the worker itself restarting) or a time: then only if its lease has expired,
# checked inside the script so two workers recovering the same dead one cannot both move its work.
_RECOVER = """
if ARGV[1] ~= 'force' then
  local expires = redis.call('ZSCORE', KEYS[5], ARGV[2])
  if expires and tonumber(expires) >= tonumber(ARGV[1]) then return -1 end
end
local moved = 0
local taken = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #taken, 2 do
  redis.call('ZADD', KEYS[2], taken[i + 1], taken[i])
  moved = moved + 1
end
redis.call('DEL', KEYS[1])
while redis.call('LMOVE', KEYS[3], KEYS[4], 'RIGHT', 'LEFT') do moved = moved + 1 end
redis.call('ZREM', KEYS[5], ARGV[2])
return moved
"""


def server_time(client) -> float:
    """Seconds since the epoch on the Redis server: one clock for workers on many machines."""
    seconds, micros = client.time()
    return seconds + micros / 1e6


class Frontier:
    """One worker's view of the shared frontier: take, acknowledge, heartbeat, recover dead workers."""

    def __init__(self, client, keys: RedisKeys, worker: str, lease: float = 30.0):
        self.client = client
        self.keys = keys
        self.worker = worker
        self.lease = lease
        self.inflight_key = keys.inflight(worker)
        self._take = client.register_script(_TAKE)
        self._recover = client.register_script(_RECOVER)
        self._add = client.register_script(_ADD)

    # -- requests --------------------------------------------------------------------------

    def add(self, fingerprint: str | None, member: bytes, score: float) -> bool:
        """Queue an encoded request unless its fingerprint is already in the dupefilter; True if queued."""
        return bool(self._add(keys=[self.keys.dupefilter, self.keys.requests], args=[fingerprint or "", member, score]))

    def take(self) -> bytes | None:
        """The next request (as scrapy-redis encoded it), now held in this worker's in-flight set."""
        return self._take(keys=[self.keys.requests, self.inflight_key]) or None

    def ack(self, members: list[bytes]) -> None:
        """Forget requests this worker has finished (their pages and links are safely in Redis)."""
        if members:
            self.client.zrem(self.inflight_key, *members)

    def in_flight(self) -> int:
        """How many requests this worker holds."""
        return int(self.client.zcard(self.inflight_key))

    # -- start URLs ------------------------------------------------------------------------

    def take_seed(self) -> bytes | None:
        """The next start URL (JSON), held in this worker's in-flight list until `seed_done`."""
        return self.client.lmove(self.keys.seeds, self.keys.seeds_inflight(self.worker), "LEFT", "RIGHT")

    def seed_done(self, data: bytes) -> None:
        """Forget a start URL whose requests are all in the shared frontier."""
        self.client.lrem(self.keys.seeds_inflight(self.worker), 1, data)

    # -- liveness ----------------------------------------------------------------------------

    def heartbeat(self) -> None:
        """Say this worker is alive for another lease period."""
        self.client.zadd(self.keys.workers, {self.worker: server_time(self.client) + self.lease})

    def leave(self) -> None:
        """Hand back anything unfinished and deregister (a worker stopping cleanly)."""
        self.recover(self.worker, force=True)

    def recover(self, worker: str, force: bool = False) -> int:
        """Requeue a worker's unfinished requests and start URLs; -1 if it is still alive (not forced)."""
        keys = [self.keys.inflight(worker), self.keys.requests, self.keys.seeds_inflight(worker),
                self.keys.seeds, self.keys.workers]
        now = "force" if force else repr(server_time(self.client))
        return int(self._recover(keys=keys, args=[now, worker]))

    def recover_dead(self) -> int:
        """Requeue the work of every worker whose lease has expired; returns how many entries moved."""
        now = server_time(self.client)
        moved = 0
        for worker in self.client.zrangebyscore(self.keys.workers, "-inf", now):
            worker = worker.decode() if isinstance(worker, bytes) else worker
            if worker != self.worker:
                moved += max(0, self.recover(worker))
        return moved


def note_start_hosts(client, keys: RedisKeys, urls: list[str]) -> None:
    """Count the crawl's start URLs on this machine and elsewhere (politeness is decided from this)."""
    from crawler.settings import is_local

    for url in urls:
        client.incr(keys.local_starts if is_local([url]) else keys.remote_starts)


def crawl_is_local(client, keys: RedisKeys) -> bool:
    """True only if start URLs were given and every one of them is on loopback or a file.

    A worker may start before any start URL is known; it is then polite, which is always safe.
    """
    return int(client.get(keys.local_starts) or 0) > 0 and int(client.get(keys.remote_starts) or 0) == 0


def push_seeds(client, keys: RedisKeys, urls: list[str], meta: dict | None = None) -> int:
    """Queue start URLs for whichever worker is free next; returns how many were queued."""
    if not urls:
        return 0
    entries = [json.dumps({"url": url, "meta": meta or {}}, sort_keys=True) for url in urls]
    note_start_hosts(client, keys, urls)
    client.rpush(keys.seeds, *entries)
    return len(entries)


# Every count in one atomic step: a request moving from the frontier to a worker's in-flight set
# between two separate reads could otherwise be counted nowhere, and a crawl seem finished too soon.
_STATUS = """
local inflight, seeds_taken, live, dead = 0, 0, 0, 0
local workers = redis.call('ZRANGE', KEYS[4], 0, -1, 'WITHSCORES')
for i = 1, #workers, 2 do
  inflight = inflight + redis.call('ZCARD', ARGV[1] .. ':inflight:' .. workers[i])
  seeds_taken = seeds_taken + redis.call('LLEN', ARGV[1] .. ':seeds:inflight:' .. workers[i])
  if tonumber(workers[i + 1]) >= tonumber(ARGV[2]) then live = live + 1 else dead = dead + 1 end
end
return {redis.call('ZCARD', KEYS[1]), redis.call('LLEN', KEYS[2]) + seeds_taken, inflight,
        redis.call('SCARD', KEYS[3]), live, dead, redis.call('LLEN', KEYS[5]), redis.call('LLEN', KEYS[6]),
        redis.call('LLEN', KEYS[7])}
"""
STATUS_FIELDS = ("queued", "start_urls", "in_flight", "seen", "live_workers", "dead_workers", "items_waiting",
                 "items_unfinished", "items_failed")


def frontier_status(client, keys: RedisKeys) -> dict:
    """Counts a person can read: queued, start URLs, in flight, seen, live and dead workers, items."""
    keys_list = [keys.requests, keys.seeds, keys.dupefilter, keys.workers, keys.items, keys.items_processing,
                 keys.items_failed]
    values = client.eval(_STATUS, len(keys_list), *keys_list, keys.prefix, repr(server_time(client)))
    return dict(zip(STATUS_FIELDS, (int(v) for v in values)))


def crawl_finished(status: dict) -> bool:
    """True when no request or start URL is queued or in anyone's hands: no more items can come."""
    return status["queued"] == 0 and status["start_urls"] == 0 and status["in_flight"] == 0
