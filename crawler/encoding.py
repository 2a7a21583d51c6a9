"""Turn raw page bytes into text: BOMs, lying charset declarations, cp1252 mixed into UTF-8, non-HTML."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

# Magic numbers of formats a crawler meets by mistake; extracting "text" from them gives garbage.
_BINARY_SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or office document)",
    b"RIFF": "a RIFF media file",
    b"\x00\x00\x00\x18ftyp": "an MP4 video",
    b"\x00\x00\x00\x20ftyp": "an MP4 video",
    b"OggS": "an Ogg media file",
    b"ID3": "an MP3 audio file",
    b"\x7fELF": "an executable",
    b"wOFF": "a web font",
    b"wOF2": "a web font",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
# Multi-byte UTF-8 sequences (lead byte + continuation bytes): evidence that a page really is UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL_BYTES = bytes([b for b in range(32) if b not in (9, 10, 12, 13)] + [127])
_MAX_GUNZIP = 50 * 1024 * 1024
# Browsers read these labels as the larger Windows encodings (WHATWG Encoding Standard), and pages
# rely on it: "iso-8859-1" pages are full of Windows-1252 curly quotes.
_BROWSER_SUPERSETS = {
    "iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "tis-620": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949", "shift_jis": "cp932",
}
_LATIN_GUESSES = {"cp1250", "cp1252", "latin_1", "iso8859_15", "iso8859_2", "iso8859_9", "cp1254", "mac_roman"}


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (latin-1 for its five unassigned bytes)."""
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("healthclaims_cp1252", _cp1252_fallback)


def declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> declares in its first few KB, as a Python codec name, or None."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii", "ignore")).name
    except LookupError:  # a made-up or misspelt charset name is no evidence at all
        return None
    return _BROWSER_SUPERSETS.get(name, name)


def binary_kind(data: bytes) -> str | None:
    """What non-HTML format these bytes are (e.g. 'a PDF document'), or None if they may be text."""
    head = data[:16].lstrip()
    for signature, kind in _BINARY_SIGNATURES.items():
        if head.startswith(signature):
            return kind
    sample = data[:4096]
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return None
    # Text never has many control bytes; UTF-16 without a BOM has NULs, but starts with '<' too.
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) // 20 and not _looks_utf16(sample):
        return "binary data"
    return None


def _looks_utf16(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' if the bytes look like BOM-less UTF-16 markup, else None."""
    if sample.startswith(b"<\x00") and sample.count(b"\x00") >= len(sample) // 3:
        return "utf-16-le"
    if sample.startswith(b"\x00<") and sample.count(b"\x00") >= len(sample) // 3:
        return "utf-16-be"
    return None


def maybe_gunzip(data: bytes) -> bytes:
    """The decompressed bytes if data is gzip (a saved .gz body), else data unchanged."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return decompressor.decompress(data, _MAX_GUNZIP)
    except (zlib.error, gzip.BadGzipFile, EOFError):
        return data


def decode_html(data: bytes | str) -> tuple[str, str]:
    """(text, encoding used) for page bytes; never raises, whatever the bytes."""
    if isinstance(data, str):
        return data.lstrip("\ufeff"), "str"
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    utf16 = _looks_utf16(data[:4096])
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    # Valid UTF-8 is almost never an accident, so it beats whatever the page declares.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    multibyte = len(_UTF8_MULTIBYTE.findall(data))
    if multibyte and (declared in (None, "utf-8") or multibyte >= 3):
        # Mostly UTF-8 with stray Windows-1252 bytes pasted in (a common CMS accident).
        return data.decode("utf-8", errors="healthclaims_cp1252"), "utf-8+cp1252"
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    guess = _guess_encoding(data)
    if guess in _LATIN_GUESSES:
        # Single-byte Latin guesses are hard to tell apart statistically; Windows-1252 is by far
        # the most common in the wild and the one CMSs paste into pages that claim UTF-8.
        guess = "cp1252"
    if guess:
        return data.decode(guess, errors="replace"), guess
    return data.decode("utf-8", errors="healthclaims_cp1252"), "cp1252"


def _guess_encoding(data: bytes) -> str | None:
    """Best statistical guess of the encoding (charset-normalizer), or None if it has no idea."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # it comes with trafilatura, but the decoder must work without it
        return None
    best = from_bytes(data[:65536]).best()
    return best.encoding if best else None
