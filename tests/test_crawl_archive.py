"""WARC archive: records written as responses arrive are read back by record id or offset."""

from __future__ import annotations

import gzip

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.archive import WarcArchive, read_record


def test_records_read_back_by_id_and_offset_across_rotated_files(tmp_path):
    archive = WarcArchive(tmp_path / "warc", "crawl1", rotate_bytes=2000)
    written = []
    for i in range(6):
        body = f"<html><body><p>page {i} " .encode() + b"x" * 800 + b"</p></body></html>"
        written.append((body, archive.write_response(
            f"https://a.example/{i}", 200, "OK", [("Content-Type", "text/html")], body, [("User-Agent", "t")])))
    archive.close()
    files = {w[1][0] for w in written}
    assert len(files) >= 2  # rotated at the size limit
    for body, (warc_file, record_id, offset) in written:
        assert read_record(warc_file, record_id)[1] == body
        headers, by_offset = read_record(warc_file, offset)
        assert by_offset == body and headers["status"] == "200 OK"
    # Every file is valid WARC: warcinfo first, then a response and its request per page.
    with open(sorted(files)[0], "rb") as stream:
        kinds = [record.rec_type for record in ArchiveIterator(stream)]
    assert kinds[0] == "warcinfo" and kinds[1:3] == ["response", "request"]


def test_compressed_and_chunked_responses_read_back_decoded(tmp_path):
    archive = WarcArchive(tmp_path, "crawl2")
    page = b"<html><body>compressed page</body></html>"
    packed = gzip.compress(page)
    warc_file, gz_id, _ = archive.write_response(
        "https://a.example/gz", 200, "OK",
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Content-Length", str(len(packed)))], packed)
    _, chunked_id, _ = archive.write_response(
        "https://a.example/chunked", 200, "OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
        page)
    archive.close()
    assert read_record(warc_file, gz_id)[1] == page
    headers, body = read_record(warc_file, chunked_id)
    assert body == page and "Transfer-Encoding" not in headers and headers["Content-Length"] == str(len(page))


def test_missing_file_or_record_is_a_one_line_oserror(tmp_path):
    archive = WarcArchive(tmp_path, "crawl3")
    warc_file, _, _ = archive.write_response("https://a.example/", 200, "OK", [], b"<html></html>")
    archive.close()
    with pytest.raises(OSError, match="no record"):
        read_record(warc_file, "<urn:uuid:00000000-0000-0000-0000-000000000000>")
    with pytest.raises(OSError, match="cannot open WARC file"):
        read_record(tmp_path / "missing.warc.gz", "<urn:uuid:x>")
