"""Near-duplicate detection: 64-bit simhash of word shingles, compared by Hamming distance."""

from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE_WORDS = 3
# Up to 3 differing bits of 64: syndicated copies with a changed headline, byline or footer match,
# while different articles on the same topic stay apart (they differ in about half the bits).
MAX_DISTANCE = 3
MIN_WORDS = 30  # below this a simhash says little; exact text hashes still catch copies

_WORD = re.compile(r"\w+", re.UNICODE)


def simhash(text: str) -> int | None:
    """The 64-bit simhash of the text's 3-word shingles, or None if the text is too short to judge."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    digests = b"".join(
        hashlib.blake2b(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8"), digest_size=8).digest()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    )
    # One row of 64 bits per shingle; a bit of the simhash is set where most shingles set it.
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    majority = bits.sum(axis=0) * 2 > bits.shape[0]
    return int.from_bytes(np.packbits(majority).tobytes(), "big")


def distance(a: int, b: int) -> int:
    """Number of differing bits between two simhashes."""
    return (a ^ b).bit_count()


def nearest(fingerprint: int, candidates: list[tuple[str, int]], max_distance: int = MAX_DISTANCE) -> str | None:
    """The id of the closest candidate within max_distance bits, or None."""
    best: tuple[int, str] | None = None
    for article_id, other in candidates:
        d = distance(fingerprint, other)
        if d <= max_distance and (best is None or d < best[0]):
            best = (d, article_id)
    return best[1] if best else None
