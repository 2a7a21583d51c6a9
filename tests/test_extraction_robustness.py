"""Bad input never raises: wrong encodings, broken markup, empty, huge and non-HTML pages."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from crawler.encoding import binary_kind, declared_charset, decode_html
from crawler.extraction import FIELDS, extract_article

ARTICLE = (
    "<p>The fictional actor Bram Kessler said that a caf\u00e9 owner\u2019s \u201cherbal tonic\u201d cured his "
    "insomnia within a week, and his post was shared thousands of times before doctors responded.</p>"
    "<p>Sleep specialists said that no herbal tonic has been shown to cure insomnia, and that the "
    "best-studied treatment is a course of cognitive behavioural therapy delivered by a trained clinician.</p>"
    "<p>They added that some herbal products interact with prescribed medicines, so anyone taking other "
    "drugs should speak to a pharmacist before trying them.</p>"
)


def page(charset_meta: str = "utf-8", body: str = ARTICLE) -> str:
    """A small article page with a given charset declaration."""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset_meta}"><title>Tonic claims</title>'
            f"</head><body><article><h1>Tonic claims</h1>{body}</article></body></html>")


def assert_well_formed(result: dict) -> None:
    """Every contract field is present and text is a string."""
    assert set(FIELDS) <= set(result)
    assert isinstance(result["text"], str)


def test_utf8_page_declared_latin1_is_read_as_utf8():
    """A page whose meta charset lies (says latin-1, bytes are UTF-8) keeps its accents and quotes."""
    result = extract_article(page("iso-8859-1").encode("utf-8"))
    assert "caf\u00e9 owner\u2019s \u201cherbal tonic\u201d" in result["text"]
    assert result["encoding"] == "utf-8"


def test_cp1252_page_declared_utf8_is_read_as_cp1252():
    """Windows-1252 bytes under a UTF-8 declaration decode to the right characters, not U+FFFD."""
    result = extract_article(page("utf-8").encode("cp1252"))
    assert "caf\u00e9 owner\u2019s \u201cherbal tonic\u201d" in result["text"]
    assert "\ufffd" not in result["text"]


def test_cp1252_bytes_pasted_into_utf8_page():
    """A UTF-8 page with a stray Windows-1252 paragraph keeps both parts readable."""
    head, tail = page("utf-8").split("<p>They added")
    raw = head.encode("utf-8") + b"<p>They added" + tail.replace(
        "pharmacist", "pharmacist \u2013 or \u201cchemist\u201d \u2013").encode("cp1252")
    result = extract_article(raw)
    assert "caf\u00e9 owner\u2019s" in result["text"]
    assert "\u201cchemist\u201d" in result["text"]
    assert result["encoding"] == "utf-8+cp1252"


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                         (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(bom, codec):
    """BOMs pick the encoding and do not leak into the text."""
    result = extract_article(bom + page().encode(codec))
    assert result["text"].startswith("The fictional actor Bram Kessler")
    assert "\ufeff" not in result["text"]


def test_utf16_without_bom():
    """BOM-less UTF-16 markup is recognised by its NUL pattern."""
    result = extract_article(page().encode("utf-16-le"))
    assert "herbal tonic" in result["text"]


def test_str_input_and_url():
    """A str page works as well as bytes, and the URL is echoed back."""
    result = extract_article(page(), url="https://example.org/tonic")
    assert "herbal tonic" in result["text"] and result["url"] == "https://example.org/tonic"


def test_broken_html_still_yields_text():
    """Unclosed tags, stray end tags and junk do not stop extraction."""
    broken = ("<html><head><title>Tonic claims<body><div><article><h1>Tonic claims</h2>"
              + ARTICLE.replace("</p>", "", 2) + "</span></table><p>unfinished <b>bold")
    result = extract_article(broken.encode("utf-8"))
    assert_well_formed(result)
    assert "cognitive behavioural therapy" in result["text"]


@pytest.mark.parametrize("raw", [b"", b"   \n\t ", ""])
def test_empty_input_is_skipped(raw):
    """An empty body gives text '' and a 'skipped' reason."""
    result = extract_article(raw)
    assert_well_formed(result)
    assert result["text"] == "" and result["skipped"] == "empty page"


def test_page_without_article_text():
    """A page with markup but no article gives text '' and says so."""
    result = extract_article(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert_well_formed(result)
    assert result["text"] == "" and "skipped" in result


@pytest.mark.parametrize("raw, kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (bytes(range(256)) * 20, "binary"),
])
def test_non_html_bytes_are_skipped(raw, kind):
    """Binary formats are named in the skip reason instead of being 'extracted'."""
    result = extract_article(raw)
    assert_well_formed(result)
    assert result["text"] == ""
    assert kind in result["skipped"]


def test_plain_text_is_not_html():
    """Bytes with no markup at all are skipped, not guessed at."""
    result = extract_article(b"just a line of plain text, no tags here\n" * 20)
    assert result["text"] == "" and result["skipped"] == "not HTML: no markup found"


def test_gzip_body_is_decompressed():
    """A gzip-compressed page (a saved .html.gz body) is read like the page itself."""
    result = extract_article(gzip.compress(page().encode("utf-8")))
    assert "herbal tonic" in result["text"]


def test_wrong_input_type_is_an_error_not_a_raise():
    """A non-bytes, non-str argument gives an 'error' field."""
    result = extract_article(12345)  # type: ignore[arg-type]
    assert result["text"] == "" and "expected HTML as bytes or str" in result["error"]


def test_five_megabyte_page():
    """A 5 MB page (article plus a huge comment section) is handled and the article found."""
    filler = "<div class='comment'><p>" + ("spam comment text " * 30) + "</p></div>"
    big = page(body=ARTICLE + filler * (5_000_000 // len(filler)))
    assert len(big) > 5_000_000
    result = extract_article(big.encode("utf-8"))
    assert_well_formed(result)
    assert "error" not in result
    assert "cognitive behavioural therapy" in result["text"]


def test_deeply_nested_markup():
    """Pathological nesting (10,000 levels) does not raise."""
    nested = "<div>" * 10_000 + ARTICLE + "</div>" * 10_000
    result = extract_article(page(body=nested).encode("utf-8"))
    assert_well_formed(result)


def test_decoder_parts():
    """The decoding helpers: declared charset lookup, binary sniffing, str passthrough."""
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=Windows-1252">') == "cp1252"
    assert declared_charset(b'<meta charset="no-such-charset">') is None
    assert binary_kind(b"<html>") is None
    assert decode_html("\ufeff<p>x</p>") == ("<p>x</p>", "str")


def test_cli_extract_reads_gzip_files(cli, tmp_path: Path):
    """`healthclaims extract FILE.html.gz` prints one JSON line with the article text."""
    import json

    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page().encode("utf-8")))
    code, out, _ = cli("extract", str(path), "--url", "https://example.org/tonic")
    assert code == 0
    record = json.loads(out.strip().splitlines()[0])
    assert record["path"] == str(path) and "herbal tonic" in record["text"]
    assert record["url"] == "https://example.org/tonic"


def test_page_over_the_size_limit_is_skipped():
    """A page past MAX_HTML_CHARS is skipped with its size, before any parsing."""
    from crawler.extraction import MAX_HTML_CHARS

    huge = "<html><body>" + "x" * (MAX_HTML_CHARS + 1) + "</body></html>"
    result = extract_article(huge)
    assert result["text"] == "" and result["skipped"].startswith("page too large")


def test_unclosed_title_does_not_swallow_the_page():
    """An unclosed <title> (the parser would read the whole page as title text) is closed for us."""
    result = extract_article(f"<html><head><title>Tonic claims<body><article>{ARTICLE}</article></body></html>")
    assert "cognitive behavioural therapy" in result["text"]
    assert result["title"] and "<" not in result["title"]


def test_internal_failure_becomes_an_error_field(monkeypatch):
    """If a library deep inside fails on some page, the caller gets text '' and a one-line error."""
    import crawler.extraction as extraction

    def explode(*args, **kwargs):
        """Stand-in for a library that fails deep inside."""
        raise RecursionError("maximum recursion depth exceeded\nwhile walking the tree")

    monkeypatch.setattr(extraction, "extract_main_text", explode)
    result = extract_article(page().encode("utf-8"), url="https://example.org/x")
    assert_well_formed(result)
    assert result["text"] == ""
    assert result["error"] == "extraction failed: RecursionError: maximum recursion depth exceeded"
    assert result["url"] == "https://example.org/x"


def test_page_with_too_many_elements_is_skipped():
    """A page of 120,000 elements (a generated link farm) is skipped with a reason, not ground through."""
    farm = "<html><body>" + "<span>x</span>" * 120_000 + "</body></html>"
    result = extract_article(farm)
    assert result["text"] == "" and result["skipped"].startswith("page too complex: 120,")


def test_large_page_gets_the_lean_extraction():
    """Past LEAN_ELEMENTS the article is still found, by the fast pass alone."""
    from crawler.extraction import LEAN_ELEMENTS

    clutter = "<div class='widget'><span>menu</span></div>" * (LEAN_ELEMENTS // 2 + 100)
    result = extract_article(page(body=ARTICLE + clutter))
    assert "cognitive behavioural therapy" in result["text"]
    assert result["extraction_method"] == "trafilatura-precision"


def test_latin1_label_means_windows_1252():
    """A page labelled iso-8859-1 is read as Windows-1252, as browsers do, so its curly quotes survive."""
    raw = page("iso-8859-1").encode("cp1252")
    assert declared_charset(raw) == "cp1252"
    result = extract_article(raw)
    assert "\u201cherbal tonic\u201d" in result["text"] and "\x93" not in result["text"]


@pytest.mark.parametrize("url, echoed", [(None, None), ("", None), (" https://a.example/x ", "https://a.example/x"),
                                         (b"https://b.example/y", "https://b.example/y"), (42, None)])
def test_odd_url_arguments(url, echoed):
    """Blank, padded, bytes or non-string URLs never break extraction; the URL echoed is cleaned."""
    result = extract_article(page(), url=url)  # type: ignore[arg-type]
    assert result["url"] == echoed and "error" not in result
    assert "herbal tonic" in result["text"]
