"""Extraction in worker processes: pages go in batches, each page gets its own result or error."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future

import pytest
from scrapy.exceptions import DropItem

from bench.sites import generated_page
from crawler.extraction_worker import extract_batch, extract_with_fingerprint
from crawler.items import FetchedPage
from crawler.pipelines import ExtractArticle


def page(index: int) -> FetchedPage:
    """A fetched page of the generated benchmark site."""
    body = generated_page(index, 50)
    return FetchedPage(url=f"http://127.0.0.1/articles/{index}.html", final_url=f"http://127.0.0.1/articles/{index}.html",
                       status=200, content_type="text/html", kind="html", body=body, content_hash=str(index))


def test_a_batch_gives_what_one_page_at_a_time_gives():
    pages = [page(i) for i in range(3)]
    batch = extract_batch([(p.body, p.final_url) for p in pages])
    assert batch == [("ok", extract_with_fingerprint(p.body, p.final_url)) for p in pages]


class FakePool:
    """An executor that runs a batch at once in this process, failing the pages whose URL says so."""

    def __init__(self):
        self.batches: list[int] = []

    def submit(self, fn, pages):
        self.batches.append(len(pages))
        future: Future = Future()
        results = fn([(b, u) for b, u in pages if "boom" not in u])
        out = [("error", "ValueError: boom") if "boom" in u else results.pop(0) for _, u in pages]
        future.set_result(out)
        return future

    def shutdown(self, **kwargs):
        """Nothing to stop."""


def test_pages_waiting_for_busy_workers_go_in_one_batch_and_errors_stay_with_their_page():
    stage = ExtractArticle(processes=1)
    stage.pool = FakePool()
    items = [page(i) for i in range(6)]
    items[4].final_url += "?boom"

    async def run():
        return await asyncio.gather(*(stage.process_item(item) for item in items), return_exceptions=True)

    results = asyncio.run(run())
    # Two batches may be out at once per worker; the pages arriving meanwhile wait and go together.
    assert sum(stage.pool.batches) == 6 and len(stage.pool.batches) < 6
    assert isinstance(results[4], DropItem) and str(results[4]) == "extraction failed: ValueError: boom"
    for i in (0, 1, 2, 3, 5):
        assert results[i] is items[i] and items[i].article["title"] and items[i].simhash is not None
    assert stage.in_flight == 0 and not stage.waiting


@pytest.mark.parametrize("processes", [1])
def test_a_real_worker_process_extracts_a_burst_of_pages(processes):
    stage = ExtractArticle(processes=processes)
    stage.open_spider()
    items = [page(i) for i in range(8)]

    async def run():
        return await asyncio.gather(*(stage.process_item(item) for item in items))

    try:
        results = asyncio.run(run())
    finally:
        stage.close_spider()
    for item in results:
        article, fingerprint = extract_with_fingerprint(item.body, item.final_url)
        assert item.article == article and item.simhash == fingerprint


def test_pages_survive_a_worker_killed_under_the_crawl():
    """A signal that kills the pool's worker must not drop the pages waiting on it as failed."""
    import os
    import signal

    stage = ExtractArticle(processes=1)
    stage.open_spider()
    stage.pool.submit(extract_batch, []).result(timeout=120)  # the worker is up
    for pid in list(stage.pool._processes):  # no public handle on the workers' pids
        os.kill(pid, signal.SIGKILL)
    items = [page(i) for i in range(3)]

    async def run():
        return await asyncio.gather(*(stage.process_item(item) for item in items))

    try:
        results = asyncio.run(run())
    finally:
        stage.close_spider()
    for item in results:
        article, fingerprint = extract_with_fingerprint(item.body, item.final_url)
        assert item.article == article and item.simhash == fingerprint
