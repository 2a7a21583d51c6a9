"""Names of the Redis keys that crawler workers and the ingester share, and the Redis connection.

Redis going away is handled here, for every client of a process: a command that meets a dropped
connection is retried with backoff for up to `timeout` seconds (Redis restarting, a network blip),
then the process gives Redis up for good (`RedisLost`, an OSError, so the CLI reports it in one
line). Unreachable at start is an error at once: nothing has been taken yet, so nothing can be lost.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

DEFAULT_PREFIX = "healthclaims"
# How long a worker or the ingester keeps retrying a Redis that went away before it stops.
DEFAULT_REDIS_TIMEOUT = 60.0
REDIS_TIMEOUT_ENV = "HEALTHCLAIMS_REDIS_TIMEOUT"
CONNECT_SECONDS = 3.0  # to open a connection (a host that does not answer at all)
COMMAND_SECONDS = 5.0  # for one reply (a server that accepts but never answers); BLMOVE waits 1 s

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RedisKeys:
    """Every key of one shared crawl; a crawl is one Redis database (the /DB of the URL) and prefix."""

    prefix: str = DEFAULT_PREFIX

    @property
    def requests(self) -> str:
        """Sorted set: the shared frontier (scrapy-redis PriorityQueue)."""
        return f"{self.prefix}:requests"

    @property
    def dupefilter(self) -> str:
        """Set: fingerprints of every request ever scheduled (scrapy-redis RFPDupeFilter)."""
        return f"{self.prefix}:dupefilter"

    @property
    def seeds(self) -> str:
        """List: start URLs (JSON) waiting for a worker to turn them into requests."""
        return f"{self.prefix}:start_urls"

    @property
    def items(self) -> str:
        """List: pages and crawl events (JSON) waiting for the ingester to store them."""
        return f"{self.prefix}:items"

    @property
    def items_processing(self) -> str:
        """List: items the ingester has taken but not yet committed to the store."""
        return f"{self.prefix}:items:processing"

    @property
    def items_failed(self) -> str:
        """List: items the ingester could not store (JSON with the error), kept for a person to look at."""
        return f"{self.prefix}:items:failed"

    @property
    def workers(self) -> str:
        """Sorted set: worker id -> time of its last heartbeat (Redis server clock)."""
        return f"{self.prefix}:workers"

    @property
    def local_starts(self) -> str:
        """Counter: start URLs on loopback (or files)."""
        return f"{self.prefix}:starts:local"

    @property
    def remote_starts(self) -> str:
        """Counter: start URLs on other hosts; one is enough to make every worker polite."""
        return f"{self.prefix}:starts:remote"

    def inflight(self, worker: str) -> str:
        """Sorted set: requests this worker took from the frontier and has not finished (same scores)."""
        return f"{self.prefix}:inflight:{worker}"

    def seeds_inflight(self, worker: str) -> str:
        """List: start URLs this worker took and has not yet turned into scheduled requests."""
        return f"{self.prefix}:seeds:inflight:{worker}"


def check_redis_url(url: str) -> str:
    """The URL itself if it is a redis:// (or rediss://, unix://) URL; ValueError in one line otherwise."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("redis", "rediss", "unix"):
        raise ValueError(f"not a Redis URL: {url!r} (expected redis://HOST:PORT/DB)")
    if parts.scheme != "unix" and not parts.hostname:
        raise ValueError(f"Redis URL has no host: {url!r} (expected redis://HOST:PORT/DB)")
    db = parts.path.strip("/")
    if db and not db.isdigit():
        raise ValueError(f"Redis database must be a number: {url!r} (expected redis://HOST:PORT/DB)")
    return url


def redis_timeout(value: float | str | None = None) -> float:
    """Seconds to keep retrying a lost Redis: the value given, else $HEALTHCLAIMS_REDIS_TIMEOUT, else 60."""
    raw = os.environ.get(REDIS_TIMEOUT_ENV) if value is None else value
    if raw is None or raw == "":
        return DEFAULT_REDIS_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        raise ValueError(f"Redis timeout must be a number of seconds, not {raw!r}") from None
    if not seconds >= 0:
        raise ValueError(f"Redis timeout must be 0 seconds or more, not {raw!r}")
    return seconds


class RedisLost(OSError):
    """Redis could not be reached, or stopped answering for longer than the timeout."""


class OutageRetry(Retry):
    """redis-py's retry policy for every client of one process: patient for a while, then final.

    A command that fails on a dropped or refused connection (or a server still loading its data
    after a restart) is retried with exponential backoff until `timeout` seconds have passed since
    it first failed; then Redis is given up: `lost` says why, and every later command of every
    client sharing this policy fails at once, so a process winding down does not wait again.
    Clients copy their policy (deepcopy); this one is shared on purpose and never copied.
    """

    def __init__(self, url: str, timeout: float = DEFAULT_REDIS_TIMEOUT):
        super().__init__(backoff=None, retries=1_000_000,
                         supported_errors=(RedisConnectionError, RedisTimeoutError, socket.timeout))
        self.url = url
        self.timeout = timeout
        self.lost: str | None = None
        self.first_try = False  # set by `connect` for its first PING: no retry, no warning

    def __deepcopy__(self, memo):
        return self

    def __eq__(self, other) -> bool:
        return self is other

    __hash__ = object.__hash__

    def call_with_retry(self, do, fail, is_retryable=None, with_failure_count=False):
        """Run `do` until it succeeds, retrying connection failures for up to `timeout` seconds."""
        if self.lost:
            raise RedisLost(self.lost)
        failures, deadline = 0, None
        while True:
            try:
                return do()
            except self._supported_errors as error:
                if is_retryable and not is_retryable(error):
                    raise
                failures += 1
                fail(error, failures) if with_failure_count else fail(error)
                if self.first_try:
                    raise
                now = time.monotonic()
                if deadline is None:
                    deadline = now + self.timeout
                    # INFO: in a worker's log file; never a second line beside the CLI's one-line error.
                    log.info("Redis at %s is not answering (%s); retrying for %g s", self.url, error, self.timeout)
                if now >= deadline:
                    self.lost = (f"lost Redis at {self.url}: {_cause(error)} (gave up after retrying for"
                                 f" {self.timeout:g} s; what it holds is kept: restart once it is back)")
                    raise RedisLost(self.lost) from error
                time.sleep(min(0.1 * 2 ** min(failures - 1, 5), 2.0, deadline - now))


def _cause(error: Exception) -> str:
    """An exception as one short line."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text.rstrip(".")


def connect(url: str, timeout: float | None = None, policy: OutageRetry | None = None):
    """A redis-py client for the URL, checked with PING; RedisLost (an OSError) in one line when unreachable.

    The first PING is not retried: a Redis that is not there at start is an error at once. Later
    commands retry for `timeout` seconds (default: `redis_timeout()`) through `policy`, which
    several clients of one process may share (see `client_options`).
    """
    import redis

    check_redis_url(url)
    policy = policy or OutageRetry(url, redis_timeout(timeout))
    client = redis.Redis.from_url(url, **client_options(policy))
    policy.first_try = True
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        raise RedisLost(f"cannot reach Redis at {url}: {_cause(exc)}") from exc
    finally:
        policy.first_try = False
    return client


def client_options(policy: OutageRetry) -> dict:
    """redis-py client arguments: short socket timeouts, and the shared retry policy."""
    return {"socket_connect_timeout": CONNECT_SECONDS, "socket_timeout": COMMAND_SECONDS, "retry": policy,
            "retry_on_timeout": True}
