"""Serve the bundled demo site over HTTP on 127.0.0.1, so the real crawler can crawl it offline."""

from __future__ import annotations

import mimetypes
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:  # only for annotations; its module moved between Python 3.10 and 3.11
    from importlib.resources.abc import Traversable

# Pages name their own absolute URLs (canonical links, og:url, sitemap <loc>) with this origin.
# `.invalid` never resolves (RFC 2606), so a copy of the site read off disk cannot send traffic
# anywhere; the server swaps it for its real loopback origin as it serves each text file.
PLACEHOLDER_ORIGIN = "http://demo.healthclaims.invalid"

TEXT_TYPES = {".html": "text/html", ".xml": "application/xml", ".txt": "text/plain",
              ".css": "text/css", ".json": "application/json", ".js": "text/javascript"}
FEED_TYPES = {"feed.xml": "application/rss+xml", "atom.xml": "application/atom+xml"}

# The store keys pages by URL, port included, so every `healthclaims run` serves the demo on the same
# port when it can: running twice then finds the same pages instead of adding a second copy of each.
DEFAULT_PORT = 18742
PORT_ENV = "HEALTHCLAIMS_DEMO_PORT"


def site_root() -> Traversable:
    """The packaged demo site folder (works from a checkout, an editable install and a wheel)."""
    try:
        root = resources.files("demo_corpus").joinpath("site")
        if root.is_dir():
            return root
    except (NotADirectoryError, TypeError):
        # An editable install made while the package had no __init__.py maps it as a namespace
        # package, which importlib.resources cannot read; the folder beside this file is the same.
        pass
    return Path(__file__).resolve().parent / "site"


def resolve(root: Traversable, url_path: str) -> Traversable | None:
    """The file a URL path names under root, or None; `..` and hidden names never escape the site."""
    parts = [p for p in unquote(urlsplit(url_path).path).split("/") if p]
    if any(p in (".", "..") or p.startswith(".") or "\\" in p for p in parts):
        return None
    node = root
    for part in parts:
        node = node.joinpath(part)
    if node.is_dir():
        node = node.joinpath("index.html")
    return node if node.is_file() else None


def content_type(name: str) -> str:
    """The Content-Type header for a file name."""
    if name in FEED_TYPES:
        return FEED_TYPES[name] + "; charset=utf-8"
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    base = TEXT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"{base}; charset=utf-8" if suffix in TEXT_TYPES else base


class DemoSiteHandler(BaseHTTPRequestHandler):
    """Answers GET and HEAD from the packaged site, with the placeholder origin rewritten."""

    server_version = "healthclaims-demo/1.0"

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        """Send the file (or a 404 page)."""
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        """Send the headers only."""
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        """Look the path up, rewrite the origin in text files, and write the response."""
        node = resolve(self.server.site, self.path)
        if node is None:
            status, ctype = 404, "text/html; charset=utf-8"
            body = b"<!doctype html><title>Not found</title><p>Not found on the healthclaims demo site.</p>"
        else:
            status, ctype = 200, content_type(node.name)
            body = node.read_bytes()
            if ctype.endswith("charset=utf-8"):
                body = body.replace(PLACEHOLDER_ORIGIN.encode(), self.server.base_url.encode())
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature fixed by http.server
        """Stay quiet: the crawler logs what it fetches."""


class DemoHTTPServer(ThreadingHTTPServer):
    """A threaded loopback server that knows its site folder and its own base URL."""

    daemon_threads = True

    def __init__(self, site: Traversable, host: str = "127.0.0.1", port: int = 0, share_port: bool = False):
        self.share_port = share_port
        super().__init__((host, port), DemoSiteHandler)
        self.site = site
        self.base_url = f"http://{host}:{self.server_address[1]}"

    def server_bind(self) -> None:
        """Bind; on the stable port, alongside any other demo server of the same user (SO_REUSEPORT).

        Two runs at once (two people on one machine, or tests beside a run) then both get the stable
        origin; they serve the same packaged files, so whichever answers a request answers it the same.
        """
        if self.share_port and hasattr(socket, "SO_REUSEPORT"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        super().server_bind()


@dataclass
class DemoSite:
    """A running demo site: where it is and where a crawl of it starts."""

    base_url: str
    start_urls: list[str] = field(default_factory=list)


def bind_demo_server(port: int | None) -> DemoHTTPServer:
    """A server on the given port (0: any free one), or on the stable demo port, else on a free one."""
    if port is not None:
        return DemoHTTPServer(site_root(), port=port)
    preferred = os.environ.get(PORT_ENV, "").strip()
    if preferred and not preferred.isdigit():
        raise ValueError(f"{PORT_ENV} must be a port number, not {preferred!r}")
    try:
        return DemoHTTPServer(site_root(), port=int(preferred or DEFAULT_PORT), share_port=True)
    except OSError:
        # Taken by something that is not a demo server: a free port still works, at the cost of
        # this run's pages being stored under other URLs than the last run's.
        return DemoHTTPServer(site_root(), port=0)


@contextmanager
def serve_demo(port: int | None = None) -> Iterator[DemoSite]:
    """Serve the demo site on 127.0.0.1 until the block ends.

    With no port, on the stable demo port (HEALTHCLAIMS_DEMO_PORT, default 18742) if free, so repeated
    runs store the same URLs; pass port=0 for any free port (tests do, to leave the stable one alone).
    """
    server = bind_demo_server(port)
    thread = threading.Thread(target=server.serve_forever, name="healthclaims-demo-site", daemon=True)
    thread.start()
    try:
        base = server.base_url
        yield DemoSite(base_url=base, start_urls=[base + "/sitemap.xml", base + "/feed.xml"])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
