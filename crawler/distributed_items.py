"""The Redis list of crawled items between workers and the one ingester, with a reliable pop."""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import time
from typing import Any

from crawler.distributed_keys import RedisKeys

# Moves every leftover of a killed ingester back to the head of the items list, in their order,
# in one step (a Lua script runs atomically), so no item is ever in neither list.
_REQUEUE = """
local moved = 0
while redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT') do moved = moved + 1 end
return moved
"""


def encode_item(item: Any, worker: str, kind: str | None = None, **extra: Any) -> bytes:
    """JSON for one item (a dataclass or dict); page bodies stay behind, in the worker's WARC file."""
    if dataclasses.is_dataclass(item):
        data = {f.name: getattr(item, f.name) for f in dataclasses.fields(item) if f.name != "body"}
    else:
        data = dict(item)
    # time_ns and worker make two fetches of one page two messages, and a redelivery one message.
    envelope = {"kind": kind or type(item).__name__, "worker": worker, "sent_ns": time.time_ns(),
                "item": data, **extra}
    return json.dumps(envelope, ensure_ascii=False, default=str, sort_keys=True).encode("utf-8")


def decode_item(data: bytes) -> dict:
    """The envelope of one item: {kind, worker, sent_ns, item}; ValueError if it is not one."""
    try:
        envelope = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a healthclaims item: {exc}") from exc
    if not isinstance(envelope, dict) or not {"kind", "item"} <= set(envelope):
        raise ValueError("not a healthclaims item: no kind or item field")
    return envelope


class ItemQueue:
    """Items on their way to the store: workers push, the ingester takes, then acks after its commit."""

    def __init__(self, client, keys: RedisKeys):
        self.client = client
        self.keys = keys
        self._requeue = client.register_script(_REQUEUE)

    def push(self, data: bytes) -> None:
        """Add one encoded item at the tail."""
        self.client.rpush(self.keys.items, data)

    def take(self, timeout: float = 1.0) -> bytes | None:
        """Move the oldest item into the processing list and return it (None after timeout seconds)."""
        if timeout > 0:
            return self.client.blmove(self.keys.items, self.keys.items_processing, timeout, "LEFT", "RIGHT")
        return self.client.lmove(self.keys.items, self.keys.items_processing, "LEFT", "RIGHT")

    def take_batch(self, size: int, timeout: float = 1.0) -> list[bytes]:
        """Up to `size` items (waiting up to timeout seconds for the first), all into the processing list."""
        first = self.take(timeout)
        if first is None:
            return []
        batch = [first]
        while len(batch) < size:
            data = self.take(0)
            if data is None:
                break
            batch.append(data)
        return batch

    def ack(self, *items: bytes) -> None:
        """Forget items for good: call only once what they carry is committed to the store."""
        with self.client.pipeline(transaction=False) as pipe:
            for data in items:
                pipe.lrem(self.keys.items_processing, 1, data)
            pipe.execute()

    def set_aside(self, data: bytes, error: str) -> None:
        """Move an item the store refused to the failed list, with the error, and forget it."""
        record = json.dumps({"error": error, "item": data.decode("utf-8", "replace")}, ensure_ascii=False)
        with self.client.pipeline(transaction=True) as pipe:
            pipe.rpush(self.keys.items_failed, record)
            pipe.lrem(self.keys.items_processing, 1, data)
            pipe.execute()

    def requeue_unfinished(self) -> int:
        """Put items a killed ingester had taken back at the head of the list; returns how many."""
        return int(self._requeue(keys=[self.keys.items_processing, self.keys.items]))

    def waiting(self) -> int:
        """Items not yet taken."""
        return int(self.client.llen(self.keys.items))

    def unfinished(self) -> int:
        """Items taken but not yet acked."""
        return int(self.client.llen(self.keys.items_processing))


class IngesterLock:
    """Only one ingester per shared crawl: a Redis key with a short expiry, refreshed while it runs."""

    def __init__(self, client, keys: RedisKeys, ttl: float = 10.0):
        self.client = client
        self.key = f"{keys.prefix}:ingester"
        self.ttl_ms = int(ttl * 1000)
        self.owner = f"{socket.gethostname()}-{os.getpid()}-{time.time_ns()}"

    def acquire(self, wait: float) -> None:
        """Take the lock, waiting up to `wait` seconds for a killed ingester's lock to expire.

        A lock left by a dead process on this same machine is taken over at once.
        """
        deadline = time.monotonic() + wait
        while not self.client.set(self.key, self.owner, nx=True, px=self.ttl_ms):
            holder = self.client.get(self.key)
            if holder is not None and _dead_here(holder.decode()):
                self._take_over(holder)
                return
            if time.monotonic() >= deadline:
                holder = self.client.get(self.key)
                holder = holder.decode() if isinstance(holder, bytes) else holder
                raise OSError(f"another ingester is running on this crawl ({holder}); only one may write")
            time.sleep(0.2)

    def _take_over(self, holder: bytes) -> None:
        """Replace the dead holder's lock with ours, unless someone else got there first."""
        swapped = self.client.eval(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then"
            " return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) else return false end",
            1, self.key, holder, self.owner, self.ttl_ms,
        )
        if not swapped:
            raise OSError("another ingester started at the same moment; only one may write")

    def refresh(self) -> None:
        """Extend the lock; OSError if it was lost (expired and taken by another ingester)."""
        holder = self.client.get(self.key)
        if holder is not None and holder.decode() != self.owner:
            raise OSError("the ingester lock was taken by another ingester; stopping")
        self.client.set(self.key, self.owner, px=self.ttl_ms)

    def release(self) -> None:
        """Give the lock up (only if still ours)."""
        holder = self.client.get(self.key)
        if holder is not None and holder.decode() == self.owner:
            self.client.delete(self.key)


def _dead_here(owner: str) -> bool:
    """True if a lock owner (`host-pid-time`) was a process on this machine that no longer runs."""
    host, _, rest = owner.rpartition("-")[0].rpartition("-")
    if host != socket.gethostname() or not rest.isdigit():
        return False
    try:
        os.kill(int(rest), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, owned by another user
        return False
    return False
