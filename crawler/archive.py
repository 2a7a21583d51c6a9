"""WARC archiving with warcio: every response written as it arrives, and read back by record id or offset."""

from __future__ import annotations

import base64
import hashlib
import os
import uuid
import zlib
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROTATE_BYTES = 1024 * 1024 * 1024  # start a new file after 1 GB, the usual WARC file size
# Scrapy has already undone chunking; a Transfer-Encoding header would make the record unreadable.
_DROPPED_HEADERS = {"transfer-encoding"}
# zlib's default level: warcio's 9 cost ~40% more time per record for ~1% smaller pages.
GZIP_LEVEL = 6


class WarcArchive:
    """Appends gzipped WARC records to `<folder>/healthclaims-<crawl>-<time>-<pid>-<n>.warc.gz` files."""

    def __init__(self, folder: str | os.PathLike, crawl_id: str, rotate_bytes: int = ROTATE_BYTES):
        self.folder = Path(folder)
        self.crawl_id = crawl_id
        self.rotate_bytes = rotate_bytes
        self._file = None
        self._writer: WARCWriter | None = None
        self._path: Path | None = None
        self._serial = 0

    def _open(self) -> None:
        """Start a new WARC file with its warcinfo record."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._serial += 1
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        self._path = self.folder / f"healthclaims-{self.crawl_id}-{stamp}-{os.getpid()}-{self._serial:05d}.warc.gz"
        self._file = open(self._path, "ab", buffering=1024 * 1024)  # noqa: SIM115 - closed in close()
        # warcio flushes after every record (a system call each); records wait in the buffer until
        # sync(), which the store calls before each commit, so no stored row points past the file's end.
        self._writer = WARCWriter(_NoFlush(self._file), gzip=True)
        info = self._writer.create_warcinfo_record(
            self._path.name, {"software": "healthclaims crawler (Scrapy, warcio)", "format": "WARC File Format 1.0"}
        )
        self._writer.write_record(info)

    def write_response(self, url: str, status: int, reason: str, headers: list[tuple[str, str]],
                       body: bytes, request_headers: list[tuple[str, str]] | None = None) -> tuple[str, str, int]:
        """Archive one HTTP response (and its request); returns (warc file, record id, offset)."""
        if self._file is None or self._file.tell() >= self.rotate_bytes:
            self.close()
            self._open()
        kept = [(k, v) for k, v in headers if k.lower() not in _DROPPED_HEADERS]
        if any(k.lower() == "transfer-encoding" for k, _ in headers):
            kept = [(k, v) for k, v in kept if k.lower() != "content-length"]
            kept.append(("Content-Length", str(len(body))))
        if url.startswith("file:"):
            record = self._writer.create_warc_record(url, "resource", payload=BytesIO(body),
                                                     warc_content_type=_header(kept, "content-type") or "text/html")
            offset = self._file.tell()
            self._writer.write_record(record)
            return str(self._path), record.rec_headers.get_header("WARC-Record-ID"), offset
        date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        http = StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1").to_ascii_bytes()
        record_id, data = _http_record("response", url, date, http, body)
        if request_headers is not None:
            request = StatusAndHeaders(f"GET {_path_of(url)} HTTP/1.1", request_headers,
                                       is_http_request=True).to_ascii_bytes()
            data += _http_record("request", url, date, request, b"", concurrent_to=record_id)[1]
        offset = self._file.tell()
        self._file.write(data)
        return str(self._path), record_id, offset

    def sync(self) -> None:
        """Write buffered records to the file (before the store commits rows that point at them)."""
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Flush and close the current file."""
        if self._file is not None:
            self._file.close()
            self._file = None
            self._writer = None


class _NoFlush:
    """A file wrapper whose flush() does nothing: WarcArchive.sync() decides when bytes reach the file."""

    def __init__(self, file):
        self._file = file

    def write(self, data: bytes) -> int:
        """Write to the buffered file."""
        return self._file.write(data)

    def tell(self) -> int:
        """The position in the file."""
        return self._file.tell()

    def flush(self) -> None:
        """Nothing: see WarcArchive.sync."""


def read_record(warc_file: str | os.PathLike, record_id: str | int) -> tuple[dict, bytes]:
    """The archived response as (headers, body) by WARC-Record-ID or byte offset; OSError if absent.

    Headers hold the HTTP headers plus `status` (e.g. '200 OK'), `WARC-Target-URI` and `WARC-Date`;
    the body is decoded (gzip/deflate undone) as a browser would see it.
    """
    path = Path(warc_file)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise OSError(f"cannot open WARC file {path}: {exc.strerror}") from exc
    with stream:
        by_offset = isinstance(record_id, int)
        if by_offset:
            stream.seek(record_id)
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                if by_offset:
                    break
                continue
            if by_offset or record.rec_headers.get_header("WARC-Record-ID") == record_id:
                headers = {
                    "WARC-Target-URI": record.rec_headers.get_header("WARC-Target-URI"),
                    "WARC-Date": record.rec_headers.get_header("WARC-Date"),
                }
                if record.http_headers is not None:
                    headers["status"] = record.http_headers.statusline
                    headers.update({k: v for k, v in record.http_headers.headers})
                else:
                    headers["status"] = "200 OK"
                    headers["Content-Type"] = record.rec_headers.get_header("Content-Type")
                return headers, record.content_stream().read()
    raise OSError(f"no record {record_id} in WARC file {path}")


def _http_record(rec_type: str, url: str, date: str, http: bytes, payload: bytes,
                 concurrent_to: str | None = None) -> tuple[str, bytes]:
    """(record id, gzip member) of one WARC response or request record, as warcio's WARCWriter writes it.

    Built here rather than with warcio's record objects (streams, digesters, header lists), which
    cost more of the crawl's one thread than fetching the page did.
    """
    record_id = f"<urn:uuid:{uuid.uuid4()}>"
    fields = [("WARC-Concurrent-To", concurrent_to)] if concurrent_to else []
    fields += [
        ("WARC-Type", rec_type), ("WARC-Record-ID", record_id), ("WARC-Target-URI", url), ("WARC-Date", date),
        ("WARC-Payload-Digest", _digest(payload)), ("WARC-Block-Digest", _digest(http, payload)),
        ("Content-Type", f"application/http; msgtype={rec_type}"), ("Content-Length", str(len(http) + len(payload))),
    ]
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields) + "\r\n"
    gz = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)  # one gzip member per record
    return record_id, gz.compress(b"".join((head.encode("utf-8"), http, payload, b"\r\n\r\n"))) + gz.flush()


def _digest(*parts: bytes) -> str:
    """A WARC digest field: 'sha1:' and the base-32 SHA-1 of the parts."""
    sha = hashlib.sha1()
    for part in parts:
        sha.update(part)
    return "sha1:" + base64.b32encode(sha.digest()).decode("ascii")


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    """The first value of a header (name in lower case), or None."""
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def _path_of(url: str) -> str:
    """The request-target of a GET for this URL (path and query)."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

