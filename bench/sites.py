"""Loopback web sites for crawl tests and benchmarks: a folder server with fault routes, and a generated site."""

from __future__ import annotations

import asyncio
import hashlib
import mimetypes
import random
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Response:
    """What a route answers: status, headers and body."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0         # seconds to wait before answering (timeouts)
    streamed: bool = False     # no Content-Length: the body runs until the connection closes


@dataclass
class LoopbackSite:
    """A running loopback site: its base URL, mutable pages and a log of requested paths."""

    base_url: str
    pages: dict[str, Response]
    requested: list[str]
    times: dict[str, list[float]] = field(default_factory=dict)  # path -> time.monotonic() of each request

    def url(self, path: str) -> str:
        """The absolute URL of a path on this site."""
        return self.base_url + path.lstrip("/")


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on right now (for dead-host tests)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def folder_pages(folder: str | Path) -> dict[str, Response]:
    """Every file under a folder as a page keyed by its URL path (index.html also served as the folder)."""
    root = Path(folder)
    pages: dict[str, Response] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.startswith(".") or path.suffix == ".py":
            continue
        rel = "/" + path.relative_to(root).as_posix()
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype.endswith("xml"):
            ctype += "; charset=utf-8"
        pages[rel] = Response(200, path.read_bytes(), {"Content-Type": ctype})
        if path.name == "index.html":
            pages[rel[: -len("index.html")]] = pages[rel]
    return pages


def with_validators(response: Response, etag: bool = True) -> Response:
    """The response with an ETag (hash of the body) and a Last-Modified header, as real servers send."""
    headers = dict(response.headers)
    if etag:
        headers.setdefault("ETag", '"' + hashlib.sha1(response.body).hexdigest()[:16] + '"')
    headers.setdefault("Last-Modified", formatdate(1_700_000_000, usegmt=True))
    return Response(response.status, response.body, headers, response.delay)


class _Handler(BaseHTTPRequestHandler):
    """Serves the site's pages dict; honours If-None-Match; answers 404 for anything else."""

    protocol_version = "HTTP/1.1"
    site: LoopbackSite

    def log_message(self, *args):  # keep test output clean
        """Silence the per-request log line."""

    def do_GET(self):  # noqa: N802 - http.server's naming
        """Answer one GET from the pages dict."""
        self.site.requested.append(self.path)
        self.site.times.setdefault(self.path, []).append(time.monotonic())
        page = self.site.pages.get(self.path.split("?", 1)[0])
        if callable(page):
            page = page(self)
        if page is None:
            page = Response(404, b"<html><body>not found</body></html>", {"Content-Type": "text/html"})
        if page.delay:
            time.sleep(page.delay)
        etag, modified = page.headers.get("ETag"), page.headers.get("Last-Modified")
        # Validators as RFC 9110 orders them: If-None-Match first, If-Modified-Since only without it.
        if etag and "If-None-Match" in self.headers:
            not_modified = self.headers["If-None-Match"] == etag
        else:
            not_modified = bool(modified) and self.headers.get("If-Modified-Since") == modified
        if not_modified and page.status == 200:
            self.send_response(304)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        try:
            self.send_response(page.status)
            for key, value in page.headers.items():
                self.send_header(key, value)
            if page.streamed:
                self.send_header("Connection", "close")
                self.close_connection = True
            elif "Content-Length" not in page.headers:
                self.send_header("Content-Length", str(len(page.body)))
            self.end_headers()
            for start in range(0, len(page.body), 65536):
                self.wfile.write(page.body[start:start + 65536])
        except (BrokenPipeError, ConnectionResetError):  # the crawler gave up (size limit, timeout)
            pass


class _QuietServer(ThreadingHTTPServer):
    """A threaded HTTP server that does not print a traceback when a client hangs up early."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        """Ignore: crawlers drop connections on purpose (size limits, timeouts)."""


@contextmanager
def serve_pages(pages: dict[str, Response | Callable]) -> Iterator[LoopbackSite]:
    """Serve a dict of URL path -> Response on 127.0.0.1 in a thread; yields the running site."""
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    site = LoopbackSite(f"http://127.0.0.1:{server.server_address[1]}/", pages, [])
    server.RequestHandlerClass = type("SiteHandler", (_Handler,), {"site": site})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


# -- the generated site (benchmarks) ------------------------------------------------------

# Fictional people only: generated pages must never put words in a real person's mouth.
_PEOPLE = ["Jordan Vale", "Mira Castell", "Theo Brandt", "Ava Linwood", "Rafael Oduya", "Lena Korsgaard",
           "Sam Whitfield", "Noor Haddad", "Dex Morrow", "Iris Tanaka", "Cal Ferreira", "Bea Okafor"]
_ROLES = ["actor", "pop singer", "tech founder", "reality TV star", "football player", "podcast host",
          "film director", "rapper", "model", "talk show host"]
_SUBSTANCES = ["ketamine", "psilocybin", "CBD oil", "melatonin", "vitamin D", "ashwagandha", "semaglutide",
               "creatine", "magnesium", "fish oil", "ayahuasca", "MDMA"]
_CONDITIONS = ["depression", "anxiety", "insomnia", "chronic pain", "PTSD", "migraine", "weight loss",
               "ADHD", "inflammation", "jet lag"]
_SENTENCES = [
    "{person}, the {role}, told an interviewer that {substance} helped with {condition}.",
    "In a podcast this week {person} said a daily dose of {n} mg of {substance} changed everything.",
    "Doctors quoted by the magazine warned that {substance} is not approved for {condition}.",
    "A psychiatrist at a London clinic said the evidence on {substance} for {condition} is still thin.",
    "Fans of the {role} have asked whether {substance} is safe to take every day.",
    "The regulator has not reviewed {substance} as a treatment for {condition}, a spokesperson said.",
    "{person} described a month of {substance} as a reset after years of {condition}.",
    "Clinical trials of {substance} for {condition} have enrolled about {n} patients so far.",
    "Pharmacists say people should talk to their doctor before trying {substance}.",
    "The {role} later added that {substance} was only part of a wider routine of sleep and exercise.",
    "Critics said the post promoted {substance} without mentioning side effects.",
    "Sales of {substance} supplements rose by {n} percent after the interview, a retailer said.",
    "Researchers cautioned that a single celebrity story is not evidence that {substance} works.",
    "{person} said the treatment was supervised by a physician at a private clinic.",
    "Health writers pointed out that the dose mentioned, {n} mg, is higher than in most studies.",
    "The episode drew comments from listeners who live with {condition}.",
    "An earlier interview with the {role} focused on diet, fasting and training.",
    "Some viewers said they would ask their own doctor about {substance} for {condition}.",
    "The agency's guidance on {substance} has not changed since {year}.",
    "{person} has spoken before about {condition} and about therapy.",
]


def generated_page(index: int, n_pages: int) -> bytes:
    """Page `index` of a generated news site: a headline, a byline, a few paragraphs and links."""
    rng = random.Random(index)
    person, role = rng.choice(_PEOPLE), rng.choice(_ROLES)
    substance, condition = rng.choice(_SUBSTANCES), rng.choice(_CONDITIONS)
    paragraphs = []
    for _ in range(rng.randint(4, 6)):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            template = rng.choice(_SENTENCES)
            sentences.append(template.format(
                person=rng.choice(_PEOPLE), role=rng.choice(_ROLES), substance=rng.choice(_SUBSTANCES),
                condition=rng.choice(_CONDITIONS), n=rng.randint(2, 400), year=rng.randint(2015, 2024)))
        paragraphs.append("<p>" + " ".join(sentences) + "</p>")
    # A binary tree (short paths from the root) plus two cross links, like related-article boxes.
    targets = [t for t in (2 * index + 1, 2 * index + 2, (index * 37 + 11) % n_pages, (index * 101 + 3) % n_pages)
               if t < n_pages and t != index]
    links = "".join(f'<li><a href="/articles/{t}.html">Related story {t}</a></li>' for t in targets)
    title = f"{person} ({role}) on {substance} and {condition}"
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title} | Example Health Desk</title>"
        f'<meta property="og:title" content="{title}"><meta name="author" content="Staff Reporter {index % 17}">'
        f'<meta property="article:published_time" content="2024-{index % 12 + 1:02d}-{index % 28 + 1:02d}">'
        "</head><body><header><nav><a href=\"/\">Home</a> | <a href=\"/articles/0.html\">Top story</a></nav></header>"
        f"<main><article><h1>{title}</h1><p class=\"byline\">By Staff Reporter {index % 17}</p>"
        + "".join(paragraphs)
        + f"</article><aside><h2>Related</h2><ul>{links}</ul></aside></main>"
        "<footer><p>Example Health Desk is a generated test site.</p></footer></body></html>"
    ).encode("utf-8")


@contextmanager
def serve_generated_site(n_pages: int, delay: float = 0.0, log: list[str] | None = None) -> Iterator[str]:
    """Serve a generated site of n_pages article pages (plus a home page) with aiohttp; yields the base URL.

    `delay` slows every page down (to kill a crawl midway in a test); `log`, if given, collects
    every requested path.

    aiohttp in its own thread answers several thousand small pages a second, so the crawler,
    not the server, sets the pace of a benchmark.
    """
    from aiohttp import web

    pages = {f"/articles/{i}.html": generated_page(i, n_pages) for i in range(n_pages)}
    home = ("<!DOCTYPE html><html><head><title>Example Health Desk</title></head><body><h1>Latest</h1><ul>"
            + "".join(f'<li><a href="/articles/{i}.html">Story {i}</a></li>' for i in range(min(n_pages, 20)))
            + "</ul></body></html>").encode("utf-8")
    pages["/"] = home
    robots = b"User-agent: *\nAllow: /\n"

    async def handle(request):
        """Answer one request from the generated pages."""
        if log is not None:
            log.append(request.path)
        if delay:
            await asyncio.sleep(delay)
        if request.path == "/robots.txt":
            return web.Response(body=robots, content_type="text/plain")
        body = pages.get(request.path)
        if body is None:
            return web.Response(status=404, text="not found")
        return web.Response(body=body, content_type="text/html", charset="utf-8")

    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_get("/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    loop.run_until_complete(runner.setup())
    port = free_port()
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", port).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
        loop.run_until_complete(runner.cleanup())
        loop.close()
