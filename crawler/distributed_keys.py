"""Names of the Redis keys that crawler workers and the ingester share, and the Redis connection."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_PREFIX = "healthclaims"


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


def connect(url: str):
    """A redis-py client for the URL, checked with PING; OSError in one line when unreachable."""
    import redis

    client = redis.Redis.from_url(check_redis_url(url), socket_connect_timeout=5, socket_timeout=30,
                                  retry_on_timeout=True)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise OSError(f"cannot reach Redis at {url}: {exc}") from exc
    return client
