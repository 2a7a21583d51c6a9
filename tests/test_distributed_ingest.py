"""The distributed crawl's one writer: Redis items into the store, none lost, none written twice."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from crawler.distributed_frontier import frontier_status
from crawler.distributed_items import IngesterLock, ItemQueue, encode_item
from crawler.distributed_keys import RedisKeys, connect
from crawler.ingest import StoreWriter, crawl_id_of, ingest, item_hash
from crawler.items import CrawlEvent, FetchedPage
from store import Store

pytestmark = pytest.mark.redis

KEYS = RedisKeys()


def page(n: int, text: str | None = None) -> FetchedPage:
    """A fetched page with an extracted article whose text is unique to n."""
    url = f"http://127.0.0.1:9/articles/{n}.html"
    body = f"<html>{n}</html>".encode()
    words = " ".join(f"word{n}x{i}" for i in range(40))
    return FetchedPage(
        url=url, final_url=url, status=200, content_type="text/html", kind="html", body=body,
        content_hash=hashlib.sha1(body).hexdigest(), warc_file="w.warc.gz", warc_record_id=f"<urn:{n}>",
        warc_offset=n * 100,
        article={"url": url, "title": f"Article {n}", "text": text or f"Article number {n}. {words}",
                 "published": "2024-05-01", "publisher": "Loopback Times", "source_type": "news"},
    )


def push_pages(queue: ItemQueue, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        queue.push(encode_item(page(n), worker="test-worker"))


def counts(db_path) -> dict:
    with Store(db_path, read_only=True) as store:
        found = store.counts()
        found["stored_log"] = store.con.execute("SELECT count(*) FROM crawl_log WHERE outcome = 'stored'").fetchone()[0]
        return found


def test_ingest_stores_pages_events_and_drops_once(redis_url, db_path):
    client = connect(redis_url)
    queue = ItemQueue(client, KEYS)
    push_pages(queue, 5)
    queue.push(encode_item(CrawlEvent("http://127.0.0.1:9/gone", "error", "HTTP 404 Not Found", 404), "w"))
    dropped = page(99)
    dropped.article = None
    queue.push(encode_item(dropped, "w", kind="DroppedPage", reason="no keyword match"))

    summary = ingest(redis_url, str(db_path), idle_exit=0.2)

    assert summary["stored"] == 5 and summary["errors"] == 1 and summary["skipped"] == 1
    found = counts(db_path)
    assert found["articles"] == 5
    assert found["pages"] == 6  # five articles and the dropped HTML page
    with Store(db_path, read_only=True) as store:
        reasons = dict(store.con.execute("SELECT url, reason FROM crawl_log WHERE outcome <> 'stored'").fetchall())
        warc = store.con.execute("SELECT warc_record_id FROM articles WHERE url LIKE '%/3.html'").fetchone()[0]
    assert reasons == {"http://127.0.0.1:9/gone": "HTTP 404 Not Found", dropped.url: "no keyword match"}
    assert warc == "<urn:3>"
    assert queue.waiting() == 0 and queue.unfinished() == 0


def test_leftovers_of_a_killed_ingester_are_requeued_and_not_written_twice(redis_url, db_path):
    client = connect(redis_url)
    queue = ItemQueue(client, KEYS)
    push_pages(queue, 6)
    # A killed ingester took two items; it had committed the first one but not acknowledged it.
    committed, uncommitted = queue.take(0), queue.take(0)
    with Store(db_path) as store:
        writer = StoreWriter(store, crawl_id_of(client, KEYS))
        writer.write(json.loads(committed))
        writer.flush()
        store.mark_ingested({item_hash(committed): "test-worker"})
    assert uncommitted and queue.unfinished() == 2

    summary = ingest(redis_url, str(db_path), idle_exit=0.2)

    assert summary["requeued"] == 2 and summary["redelivered"] == 1 and summary["stored"] == 5
    found = counts(db_path)
    assert found["articles"] == 6 and found["stored_log"] == 6
    assert queue.unfinished() == 0 and queue.waiting() == 0


def test_same_page_fetched_twice_is_one_article(redis_url, db_path):
    queue = ItemQueue(connect(redis_url), KEYS)
    # A worker killed after pushing a page but before finishing its request fetches it again.
    queue.push(encode_item(page(1), "w1"))
    queue.push(encode_item(page(1), "w2"))
    summary = ingest(redis_url, str(db_path), idle_exit=0.2)
    assert summary["stored"] == 1 and summary["unchanged"] == 1
    assert counts(db_path)["articles"] == 1


def test_a_second_ingester_is_refused_in_one_line(redis_url, db_path):
    client = connect(redis_url)
    first = IngesterLock(client, KEYS)
    first.acquire(wait=0)
    with pytest.raises(OSError, match="another ingester is running"):
        ingest(redis_url, str(db_path), idle_exit=0.2, lock_wait=0)
    first.release()
    assert ingest(redis_url, str(db_path), idle_exit=0.2, lock_wait=0)["pages"] == 0


def test_a_lock_left_by_a_dead_local_ingester_is_taken_over_at_once(redis_url, db_path):
    client = connect(redis_url)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    client.set(f"{KEYS.prefix}:ingester", f"{socket.gethostname()}-{int(dead.stdout)}-1", px=60_000)
    assert ingest(redis_url, str(db_path), idle_exit=0.1, lock_wait=0)["pages"] == 0
    # A lock held by a live process is respected.
    client.set(f"{KEYS.prefix}:ingester", f"{socket.gethostname()}-{os.getpid()}-1", px=60_000)
    with pytest.raises(OSError, match="another ingester is running"):
        ingest(redis_url, str(db_path), idle_exit=0.1, lock_wait=0)


def test_sigkilled_ingester_loses_nothing(redis_url, db_path):
    queue = ItemQueue(connect(redis_url), KEYS)
    push_pages(queue, 250)
    exe = [sys.executable, "-m", "cli.main", "ingest", "--redis", redis_url, "--db", str(db_path), "--idle-exit", "0.5"]
    proc = subprocess.Popen(exe, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=os.getcwd())
    deadline = time.monotonic() + 60
    # Killed while it holds a batch it has not acknowledged (written or not).
    while queue.unfinished() == 0 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert queue.unfinished() > 0, "the ingester was not killed in the middle of a batch"

    result = subprocess.run(exe, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    found = counts(db_path)
    assert found["articles"] == 250 and found["stored_log"] == 250
    assert queue.waiting() == 0 and queue.unfinished() == 0


def test_an_item_the_store_refuses_is_set_aside_and_the_rest_stored(redis_url, db_path):
    client = connect(redis_url)
    queue = ItemQueue(client, KEYS)
    push_pages(queue, 3)
    queue.push(encode_item({"url": "http://127.0.0.1:9/x"}, "w", kind="Mystery"))
    queue.push(b"not json at all")
    push_pages(queue, 3, start=3)
    summary = ingest(redis_url, str(db_path), idle_exit=0.2)
    assert summary["stored"] == 6 and summary["failed"] == 2
    assert counts(db_path)["articles"] == 6
    failed = [json.loads(x) for x in client.lrange(KEYS.items_failed, 0, -1)]
    assert [f["error"].split(":")[0] for f in failed] == ["ValueError", "ValueError"]
    assert frontier_status(client, KEYS)["items_failed"] == 2  # shown by `healthclaims seed --status`
    assert queue.unfinished() == 0


def test_bad_redis_url_and_unreachable_server_are_one_line_errors(cli, db_path):
    code, _, err = cli("ingest", "--redis", "http://127.0.0.1:6379", "--db", db_path)
    assert code == 2 and err.strip().count("\n") == 0 and "not a Redis URL" in err
    code, _, err = cli("ingest", "--redis", "redis://127.0.0.1:9/0", "--db", db_path)
    assert code == 2 and "cannot reach Redis at redis://127.0.0.1:9/0" in err
